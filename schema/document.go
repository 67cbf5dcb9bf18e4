package schema

import (
	"context"
	"sync"
	"unicode/utf8"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kgraph/graph"
)

// documentResolver resolves Document from a *graph.Document.
type documentResolver struct{ d *graph.Document }

// wrapDocument returns the resolver of d, or nil for nil.
func wrapDocument(d *graph.Document) *documentResolver {
	if d == nil {
		return nil
	}
	return &documentResolver{d}
}

// ID resolves the id field.
func (r *documentResolver) ID() graphql.ID { return graphql.ID(r.d.ID) }

// Title resolves the title field.
func (r *documentResolver) Title() *string { return optional(r.d.Title) }

// Date resolves the date field.
func (r *documentResolver) Date() *dateScalar {
	if r.d.Date == "" {
		return nil
	}
	return &dateScalar{r.d.Date}
}

// Source resolves the source field.
func (r *documentResolver) Source() *string { return optional(r.d.Source) }

// URL resolves the url field.
func (r *documentResolver) URL() *string { return optional(r.d.URL) }

// Length resolves the length field.
func (r *documentResolver) Length() int32 { return int32(len(r.d.Text)) }

// Text resolves the text field: the whole text or the byte range
// [start, end), clamped to the text and widened to whole characters.
func (r *documentResolver) Text(args struct{ Start, End *int32 }) (string, error) {
	text := r.d.Text
	start, end := 0, len(text)
	if args.Start != nil {
		start = int(*args.Start)
	}
	if args.End != nil {
		end = int(*args.End)
	}
	if start < 0 || end < start {
		return "", invalidf("text needs 0 <= start <= end, got start %d, end %d", start, end)
	}
	start, end = min(start, len(text)), min(end, len(text))
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return text[start:end], nil
}

// optional returns nil for "" and &s otherwise.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// docGroup names the documents that a list of mentions or evidence points
// to, so that the first one asked for reads them all in one batch.
type docGroup struct {
	mu  sync.Mutex
	ids []string
}

// add records more document ids of the group.
func (g *docGroup) add(ids ...string) {
	g.mu.Lock()
	g.ids = append(g.ids, ids...)
	g.mu.Unlock()
}

// document reads document id (and the rest of the group, once).
func (g *docGroup) document(ctx context.Context, id string) (*documentResolver, error) {
	g.mu.Lock()
	batch := g.ids
	g.mu.Unlock()
	st := stateOf(ctx)
	d, err := st.document(ctx, id, batch)
	if err != nil {
		return nil, st.s.fail(ctx, err)
	}
	if d == nil {
		return nil, st.s.fail(ctx, graph.Errorf(graph.ENOTFOUND, "document %q not found", id))
	}
	return wrapDocument(d), nil
}

// documentList runs Reader.Documents and wraps the page.
func documentList(ctx context.Context, f graph.DocumentFilter, first *int32, after *string) (*connection[*documentResolver], error) {
	st := stateOf(ctx)
	req, n, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	f.PageRequest = req
	p, err := st.reader().Documents(ctx, f)
	if err != nil {
		return nil, st.s.fail(ctx, err)
	}
	return newConnection(p, req, n, wrapDocument), nil
}
