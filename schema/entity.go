package schema

import (
	"context"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kgraph/graph"
)

// entityResolver resolves Entity from a *graph.Entity.
//
// The scalar fields that every listing asks for are struct fields, which
// graphql-go reads directly (UseFieldResolvers); a method is called by
// reflection, which costs an allocation and a call frame layout each time:
// a page of 20 relations with both endpoints asks for over 100 of them.
type entityResolver struct {
	e *graph.Entity

	ID           storeID
	Name         string
	Type         string
	MentionCount int32
	Degree       int32
}

// wrapEntity returns the resolver of e, or nil for nil.
func wrapEntity(e *graph.Entity) *entityResolver {
	if e == nil {
		return nil
	}
	return &entityResolver{e: e, ID: storeID(e.ID), Name: e.Name, Type: string(e.Type),
		MentionCount: int32(e.MentionCount), Degree: int32(e.Degree)}
}

// wrapEntities wraps every entity of es, skipping nil slots.
func wrapEntities(es []*graph.Entity) []*entityResolver {
	out := make([]*entityResolver, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, wrapEntity(e))
		}
	}
	return out
}

// Aliases resolves the aliases field.
func (r *entityResolver) Aliases() []string {
	if r.e.Aliases == nil {
		return []string{}
	}
	return r.e.Aliases
}

// Attributes resolves the attributes field.
func (r *entityResolver) Attributes() []attribute { return attributes(r.e.Attributes) }

// Attribute resolves the attribute field.
func (r *entityResolver) Attribute(args struct{ Key string }) *string {
	return lookup(r.e.Attributes, args.Key)
}

// Relations resolves the relations field.
func (r *entityResolver) Relations(ctx context.Context, args struct {
	Direction     *string
	Types         *[]string
	MinConfidence *float64
	First         *int32
	After         *string
}) (*connection[*relationResolver], error) {
	return relationList(ctx, graph.RelationFilter{Entity: r.e.ID, Direction: direction(args.Direction), Types: relationTypes(nil, args.Types),
		MinConfidence: floatOr(args.MinConfidence)}, args.First, args.After)
}

// Mentions resolves the mentions field.
func (r *entityResolver) Mentions(ctx context.Context, args struct {
	First *int32
	After *string
}) (*connection[*mentionResolver], error) {
	st := stateOf(ctx)
	req, n, err := pageRequest(args.First, args.After)
	if err != nil {
		return nil, err
	}
	p, err := st.reader().Mentions(ctx, r.e.ID, req)
	if err != nil {
		return nil, st.s.fail(ctx, err)
	}
	g := &docGroup{}
	for _, m := range p.Items {
		g.add(m.Document)
	}
	st.wantDocuments(g.snapshot())
	return newConnection(p, req, n, func(m graph.Mention) *mentionResolver { return &mentionResolver{m, g} }), nil
}

// mentionResolver resolves Mention; g names the documents of its page so
// that they are read in one batch.
type mentionResolver struct {
	m graph.Mention
	g *docGroup
}

// Document resolves the document field.
func (r *mentionResolver) Document(ctx context.Context) (*documentResolver, error) {
	return r.g.get(ctx, r.m.Document)
}

// DocumentID resolves the documentId field.
func (r *mentionResolver) DocumentID() graphql.ID { return graphql.ID(r.m.Document) }

// Text resolves the text field.
func (r *mentionResolver) Text() string { return r.m.Text }

// Start resolves the start field.
func (r *mentionResolver) Start() int32 { return int32(r.m.Start) }

// End resolves the end field.
func (r *mentionResolver) End() int32 { return int32(r.m.End) }

// entityList runs an entity list call and wraps its page.
func entityList(ctx context.Context, first *int32, after *string, list func(graph.PageRequest) (graph.Page[*graph.Entity], error)) (*connection[*entityResolver], error) {
	st := stateOf(ctx)
	req, n, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := list(req)
	if err != nil {
		return nil, st.s.fail(ctx, err)
	}
	st.primeEntities(p.Items)
	return newConnection(p, req, n, wrapEntity), nil
}
