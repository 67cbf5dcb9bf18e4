package schema

import (
	"context"
	"encoding/json"
	"strings"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kgraph/graph"
)

// nodeResolver resolves the Node interface: exactly one of its fields is
// set.
type nodeResolver struct {
	e *entityResolver
	r *relationResolver
	d *documentResolver
}

// ID resolves Node.id.
func (n *nodeResolver) ID() graphql.ID {
	switch {
	case n.e != nil:
		return graphql.ID(n.e.ID)
	case n.r != nil:
		return graphql.ID(n.r.r.ID)
	}
	return graphql.ID(n.d.d.ID)
}

// ToEntity, ToRelation and ToDocument tell graphql-go the concrete type.
func (n *nodeResolver) ToEntity() (*entityResolver, bool)     { return n.e, n.e != nil }
func (n *nodeResolver) ToRelation() (*relationResolver, bool) { return n.r, n.r != nil }
func (n *nodeResolver) ToDocument() (*documentResolver, bool) { return n.d, n.d != nil }

// Node resolves Query.node: the id is tried as an entity id, a relation id
// ("src:TYPE:dst") and a document id, in that order.
func (q *rootResolver) Node(ctx context.Context, args struct{ ID graphql.ID }) (*nodeResolver, error) {
	id := string(args.ID)
	rd := stateOf(ctx).reader()
	if !strings.Contains(id, ":") {
		e, err := rd.Entity(ctx, id)
		if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
			return nil, q.s.fail(ctx, err)
		}
		if e != nil {
			stateOf(ctx).primeEntities([]*graph.Entity{e})
			return &nodeResolver{e: wrapEntity(e)}, nil
		}
	} else {
		r, err := rd.Relation(ctx, id)
		if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
			return nil, q.s.fail(ctx, err)
		}
		if r != nil {
			return &nodeResolver{r: wrapRelations(ctx, []*graph.Relation{r})[0]}, nil
		}
	}
	d, err := rd.Document(ctx, id)
	if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
		return nil, q.s.fail(ctx, err)
	}
	if d == nil {
		return nil, nil
	}
	return &nodeResolver{d: wrapDocument(d)}, nil
}

// maxBatchIDs bounds entities(ids:).
const maxBatchIDs = graph.MaxPageSize

// entitiesByID resolves entities(ids:): the entities in the order given,
// missing ones left out, as one page.
func (q *rootResolver) entitiesByID(ctx context.Context, ids []graphql.ID) (*connection[*entityResolver], error) {
	if len(ids) > maxBatchIDs {
		return nil, invalidf("ids: at most %d ids at once, got %d", maxBatchIDs, len(ids))
	}
	strs := make([]string, len(ids))
	for i, id := range ids {
		strs[i] = string(id)
	}
	es, err := stateOf(ctx).reader().EntitiesByID(ctx, strs)
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	page := graph.Page[*graph.Entity]{Items: []*graph.Entity{}}
	for _, e := range es {
		if e != nil {
			page.Items = append(page.Items, e)
			page.Cursors = append(page.Cursors, "")
		}
	}
	page.Total = len(page.Items)
	stateOf(ctx).primeEntities(page.Items)
	return newConnection(page, graph.PageRequest{}, len(page.Items), wrapEntity), nil
}

func floatOr(f *float64) float64 {
	if f == nil {
		return 0
	}
	return *f
}

// jsonScalar is the GraphQL scalar JSON (here: an object of strings).
type jsonScalar struct{ v any }

// ImplementsGraphQLType binds jsonScalar to the schema's scalar JSON.
func (jsonScalar) ImplementsGraphQLType(name string) bool { return name == "JSON" }

// UnmarshalGraphQL accepts any input value.
func (j *jsonScalar) UnmarshalGraphQL(input any) error {
	j.v = input
	return nil
}

// MarshalJSON writes the value as JSON.
func (j jsonScalar) MarshalJSON() ([]byte, error) { return json.Marshal(j.v) }

// attributeMap is an attribute map as the JSON scalar (never null).
func attributeMap(m map[string]string) jsonScalar {
	if m == nil {
		m = map[string]string{}
	}
	return jsonScalar{m}
}

// AttributeMap resolves Entity.attributeMap.
func (r *entityResolver) AttributeMap() jsonScalar { return attributeMap(r.e.Attributes) }

// AttributeMap resolves Relation.attributeMap.
func (r *relationResolver) AttributeMap() jsonScalar { return attributeMap(r.r.Attributes) }
