package schema

import (
	"context"
	"strings"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kgraph/graph"
)

// Bounds of the graph-walking fields.
const (
	maxSubgraphIDs  = 100
	maxSubgraphHops = 5
	maxPathHops     = 10
)

// rootResolver resolves the Query and Mutation types.
type rootResolver struct{ s *Service }

// Entity resolves Query.entity.
func (q *rootResolver) Entity(ctx context.Context, args struct{ ID graphql.ID }) (*entityResolver, error) {
	e, err := stateOf(ctx).reader().Entity(ctx, string(args.ID))
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	stateOf(ctx).primeEntities([]*graph.Entity{e})
	return wrapEntity(e), nil
}

// EntityByName resolves Query.entityByName.
func (q *rootResolver) EntityByName(ctx context.Context, args struct {
	Name string
	Type *string
}) (*entityResolver, error) {
	if strings.TrimSpace(args.Name) == "" {
		return nil, invalidf("name must not be empty")
	}
	var typ graph.EntityType
	if args.Type != nil {
		typ = graph.EntityType(*args.Type)
	}
	e, err := stateOf(ctx).reader().EntityByName(ctx, args.Name, typ)
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	return wrapEntity(e), nil
}

// Search resolves Query.search.
func (q *rootResolver) Search(ctx context.Context, args struct {
	Query string
	Types *[]string
	First *int32
	After *string
}) (*connection[*entityResolver], error) {
	if strings.TrimSpace(args.Query) == "" {
		return nil, invalidf("query must not be empty")
	}
	var types []graph.EntityType
	if args.Types != nil {
		for _, t := range *args.Types {
			types = append(types, graph.EntityType(t))
		}
	}
	return entityList(ctx, args.First, args.After, func(req graph.PageRequest) (graph.Page[*graph.Entity], error) {
		return stateOf(ctx).reader().Search(ctx, graph.SearchQuery{Query: args.Query, Types: types, PageRequest: req})
	})
}

// Entities resolves Query.entities.
func (q *rootResolver) Entities(ctx context.Context, args struct {
	IDs     *[]graphql.ID
	Type    *string
	OrderBy *string
	First   *int32
	After   *string
}) (*connection[*entityResolver], error) {
	if args.IDs != nil {
		return q.entitiesByID(ctx, *args.IDs)
	}
	f := graph.EntityFilter{Order: graph.ByMentions}
	if args.Type != nil {
		f.Type = graph.EntityType(*args.Type)
	}
	if args.OrderBy != nil {
		f.Order = graph.EntityOrder(*args.OrderBy)
	}
	return entityList(ctx, args.First, args.After, func(req graph.PageRequest) (graph.Page[*graph.Entity], error) {
		f.PageRequest = req
		return stateOf(ctx).reader().Entities(ctx, f)
	})
}

// Relations resolves Query.relations.
func (q *rootResolver) Relations(ctx context.Context, args struct {
	Type          *string
	Types         *[]string
	Entity        *graphql.ID
	Direction     *string
	MinConfidence *float64
	First         *int32
	After         *string
}) (*connection[*relationResolver], error) {
	f := graph.RelationFilter{Types: relationTypes(args.Type, args.Types), MinConfidence: floatOr(args.MinConfidence)}
	if args.Entity != nil {
		f.Entity = string(*args.Entity)
		f.Direction = direction(args.Direction)
	}
	return relationList(ctx, f, args.First, args.After)
}

// Relation resolves Query.relation.
func (q *rootResolver) Relation(ctx context.Context, args struct{ ID graphql.ID }) (*relationResolver, error) {
	r, err := stateOf(ctx).reader().Relation(ctx, string(args.ID))
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	if r == nil {
		return nil, nil
	}
	return newRelationGroup(ctx, []*graph.Relation{r}).wrap(r), nil
}

// Document resolves Query.document.
func (q *rootResolver) Document(ctx context.Context, args struct{ ID graphql.ID }) (*documentResolver, error) {
	d, err := stateOf(ctx).reader().Document(ctx, string(args.ID))
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	return wrapDocument(d), nil
}

// Documents resolves Query.documents.
func (q *rootResolver) Documents(ctx context.Context, args struct {
	From, To *dateScalar
	First    *int32
	After    *string
}) (*connection[*documentResolver], error) {
	var f graph.DocumentFilter
	if args.From != nil {
		f.From = args.From.s
	}
	if args.To != nil {
		f.To = args.To.s
	}
	if f.From != "" && f.To != "" && f.To < f.From {
		return nil, invalidf("to (%s) is before from (%s)", f.To, f.From)
	}
	return documentList(ctx, f, args.First, args.After)
}

// Subgraph resolves Query.subgraph.
func (q *rootResolver) Subgraph(ctx context.Context, args struct {
	IDs   []graphql.ID
	Hops  *int32
	Limit *int32
}) (*subgraphResolver, error) {
	if len(args.IDs) == 0 || len(args.IDs) > maxSubgraphIDs {
		return nil, invalidf("ids must hold 1 to %d ids, got %d", maxSubgraphIDs, len(args.IDs))
	}
	hops, limit := intArg(args.Hops, 1), intArg(args.Limit, 100)
	if hops < 0 || hops > maxSubgraphHops {
		return nil, invalidf("hops must be between 0 and %d, got %d", maxSubgraphHops, hops)
	}
	if limit < 1 || limit > graph.MaxPageSize {
		return nil, invalidf("limit must be between 1 and %d, got %d", graph.MaxPageSize, limit)
	}
	ids := make([]string, len(args.IDs))
	for i, id := range args.IDs {
		ids[i] = string(id)
	}
	sg, err := stateOf(ctx).reader().Subgraph(ctx, ids, hops, limit)
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	if sg == nil {
		sg = &graph.Subgraph{}
	}
	stateOf(ctx).primeEntities(sg.Nodes)
	return &subgraphResolver{nodes: wrapEntities(sg.Nodes), edges: wrapRelations(ctx, sg.Edges), truncated: sg.Truncated}, nil
}

// ShortestPath resolves Query.shortestPath.
func (q *rootResolver) ShortestPath(ctx context.Context, args struct {
	From, To graphql.ID
	MaxHops  *int32
}) (*pathResolver, error) {
	maxHops := intArg(args.MaxHops, 6)
	if maxHops < 1 || maxHops > maxPathHops {
		return nil, invalidf("maxHops must be between 1 and %d, got %d", maxPathHops, maxHops)
	}
	p, err := stateOf(ctx).reader().ShortestPath(ctx, string(args.From), string(args.To), maxHops)
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	if p == nil {
		return nil, nil
	}
	stateOf(ctx).primeEntities(p.Nodes)
	return &pathResolver{nodes: wrapEntities(p.Nodes), edges: wrapRelations(ctx, p.Edges)}, nil
}

// Stats resolves Query.stats.
func (q *rootResolver) Stats(ctx context.Context) (*statsResolver, error) {
	st, err := stateOf(ctx).reader().Stats(ctx)
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	return &statsResolver{st: st, stream: q.s.opts.Stream, fail: q.s.fail}, nil
}

// direction maps the Direction argument to the graph's; nil means Both.
func direction(d *string) graph.Direction {
	if d == nil {
		return graph.Both
	}
	return graph.Direction(*d)
}

// intArg returns *p, or def when p is nil.
func intArg(p *int32, def int) int {
	if p == nil {
		return def
	}
	return int(*p)
}
