package schema

import (
	"context"
	"sync"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kgraph/graph"
)

// relationResolver resolves Relation from a *graph.Relation. g is the
// list the relation came in: its endpoints and evidence are read for the
// whole list at once. The scalar fields are struct fields, read without a
// reflected call (see entityResolver).
type relationResolver struct {
	r *graph.Relation
	g *relationGroup

	ID         storeID
	Type       string
	SourceID   storeID
	TargetID   storeID
	Confidence float64
	Count      int32
}

// relationGroup is a list of relations read together (a page, a subgraph,
// a path) whose endpoints and evidence are fetched in one batch.
type relationGroup struct {
	st        *requestState
	rels      []*graph.Relation
	endpoints []string

	mu       sync.Mutex
	evidence map[int]map[string][]graph.Evidence // by limit, then relation id
	docs     docGroup
}

// newRelationGroup groups rels, the result of one read.
func newRelationGroup(ctx context.Context, rels []*graph.Relation) *relationGroup {
	g := &relationGroup{st: stateOf(ctx), rels: rels}
	for _, r := range rels {
		if r != nil {
			g.endpoints = append(g.endpoints, r.Source, r.Target)
		}
	}
	stateOf(ctx).wantEntities(g.endpoints)
	return g
}

// wrap returns the resolver of r, a member of g.
func (g *relationGroup) wrap(r *graph.Relation) *relationResolver {
	return &relationResolver{r: r, g: g, ID: storeID(r.ID), Type: string(r.Type), SourceID: storeID(r.Source),
		TargetID: storeID(r.Target), Confidence: r.Confidence, Count: int32(r.Count)}
}

// wrapRelations wraps rels as one group, skipping nil slots.
func wrapRelations(ctx context.Context, rels []*graph.Relation) []*relationResolver {
	g := newRelationGroup(ctx, rels)
	out := make([]*relationResolver, 0, len(rels))
	for _, r := range rels {
		if r != nil {
			out = append(out, g.wrap(r))
		}
	}
	return out
}

// relationList runs Reader.Relations and wraps the page as one group.
func relationList(ctx context.Context, f graph.RelationFilter, first *int32, after *string) (*connection[*relationResolver], error) {
	st := stateOf(ctx)
	req, n, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	f.PageRequest = req
	p, err := st.reader().Relations(ctx, f)
	if err != nil {
		return nil, st.s.fail(ctx, err)
	}
	return newConnection(p, req, n, newRelationGroup(ctx, p.Items).wrap), nil
}

// relationTypes merges an optional single type and an optional list.
func relationTypes(one *string, many *[]string) []graph.RelationType {
	var out []graph.RelationType
	if one != nil {
		out = append(out, graph.RelationType(*one))
	}
	if many != nil {
		for _, t := range *many {
			out = append(out, graph.RelationType(t))
		}
	}
	return out
}

// Symmetric resolves the symmetric field.
func (r *relationResolver) Symmetric() bool { return r.r.Type.Symmetric() }

// Source resolves the source field.
//
// Source and Target take no context and return no error: graphql-go runs
// a field that does either in a goroutine of its own, and with it every
// sibling field of every relation of the page (a page of 20 relations
// with both endpoints: over 100 goroutines, each growing its stack,
// 30-40% of a one-hop request). They read through the request state the
// group captured; a failed read is raised as a fieldFailure, which the
// panic handler turns back into the error it carries.
func (r *relationResolver) Source() *entityResolver { return r.endpoint(r.r.Source) }

// Target resolves the target field (see Source).
func (r *relationResolver) Target() *entityResolver { return r.endpoint(r.r.Target) }

func (r *relationResolver) endpoint(id string) *entityResolver {
	st := r.g.st
	ctx := st.ctx
	e, err := st.entity(ctx, id, r.g.endpoints)
	if err == nil && e == nil {
		// Within one snapshot a relation's endpoints exist; without one a
		// concurrent delete can have removed it since the page was read.
		err = graph.Errorf(graph.ENOTFOUND, "entity %q of relation %q not found", id, r.r.ID)
	}
	if err != nil {
		panic(fieldFailure{st.s.fail(ctx, err)})
	}
	return wrapEntity(e)
}

// Attributes resolves the attributes field.
func (r *relationResolver) Attributes() []attribute { return attributes(r.r.Attributes) }

// Attribute resolves the attribute field.
func (r *relationResolver) Attribute(args struct{ Key string }) *string {
	return lookup(r.r.Attributes, args.Key)
}

// Evidence resolves the evidence field. The first call in a group reads
// the evidence of every relation of the group; their documents are then
// read in one batch when asked for.
func (r *relationResolver) Evidence(ctx context.Context, args struct{ First *int32 }) ([]*evidenceResolver, error) {
	n := graph.DefaultPageSize
	if args.First != nil {
		n = int(*args.First)
	}
	if n < 0 || n > graph.MaxPageSize {
		return nil, invalidf("first must be between 0 and %d, got %d", graph.MaxPageSize, n)
	}
	if n == 0 {
		return []*evidenceResolver{}, nil
	}
	evs, err := r.g.evidenceOf(ctx, r.r.ID, n)
	if err != nil {
		return nil, err
	}
	out := make([]*evidenceResolver, len(evs))
	for i, e := range evs {
		out[i] = &evidenceResolver{e, &r.g.docs}
	}
	return out, nil
}

func (g *relationGroup) evidenceOf(ctx context.Context, id string, limit int) ([]graph.Evidence, error) {
	st := stateOf(ctx)
	g.mu.Lock()
	defer g.mu.Unlock()
	if byID, ok := g.evidence[limit]; ok {
		return byID[id], nil
	}
	byID := make(map[string][]graph.Evidence, len(g.rels))
	for _, rel := range g.rels {
		if rel == nil {
			continue
		}
		evs, err := st.reader().Evidence(ctx, rel.ID, limit)
		if err != nil {
			return nil, st.s.fail(ctx, err)
		}
		byID[rel.ID] = evs
		for _, e := range evs {
			g.docs.add(e.Document)
		}
	}
	st.wantDocuments(g.docs.snapshot())
	if g.evidence == nil {
		g.evidence = map[int]map[string][]graph.Evidence{}
	}
	g.evidence[limit] = byID
	return byID[id], nil
}

// evidenceResolver resolves Evidence.
type evidenceResolver struct {
	e graph.Evidence
	g *docGroup
}

// Document resolves the document field.
func (r *evidenceResolver) Document(ctx context.Context) (*documentResolver, error) {
	return r.g.get(ctx, r.e.Document)
}

// DocumentID resolves the documentId field.
func (r *evidenceResolver) DocumentID() graphql.ID { return graphql.ID(r.e.Document) }

// Sentence resolves the sentence field.
func (r *evidenceResolver) Sentence() string { return r.e.Sentence }

// Start resolves the start field.
func (r *evidenceResolver) Start() int32 { return int32(r.e.Start) }

// End resolves the end field.
func (r *evidenceResolver) End() int32 { return int32(r.e.End) }
