package schema

import (
	"context"
	"slices"
	"sync"
	"unicode/utf8"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kgraph/graph"
)

// documentResolver resolves Document from a *graph.Document. Documents
// from Reader.Documents come without their text; for those, g names the
// page, whose texts are read in one batch when the first is asked for.
type documentResolver struct {
	d *graph.Document
	g *docGroup // nil when d has its text
}

// wrapDocument returns the resolver of d, which has its text, or nil for nil.
func wrapDocument(d *graph.Document) *documentResolver {
	if d == nil {
		return nil
	}
	return &documentResolver{d: d}
}

// text returns the document's text, reading it when d came from a list.
func (r *documentResolver) text(ctx context.Context) (string, error) {
	if r.g == nil {
		return r.d.Text, nil
	}
	full, err := r.g.get(ctx, r.d.ID)
	if err != nil {
		return "", err
	}
	return full.d.Text, nil
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
func (r *documentResolver) Length(ctx context.Context) (int32, error) {
	text, err := r.text(ctx)
	return int32(len(text)), err
}

// Text resolves the text field: the whole text or the byte range
// [start, end), clamped to the text and widened to whole characters.
func (r *documentResolver) Text(ctx context.Context, args struct{ Start, End *int32 }) (string, error) {
	text, err := r.text(ctx)
	if err != nil {
		return "", err
	}
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

// snapshot returns the ids recorded so far.
func (g *docGroup) snapshot() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.ids)
}

// get reads document id with its text (and the rest of the group, once).
func (g *docGroup) get(ctx context.Context, id string) (*documentResolver, error) {
	st := stateOf(ctx)
	d, err := st.document(ctx, id, g.snapshot())
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
	g := &docGroup{}
	for _, d := range p.Items {
		if d != nil {
			g.add(d.ID)
		}
	}
	st.wantDocuments(g.snapshot())
	return newConnection(p, req, n, func(d *graph.Document) *documentResolver { return &documentResolver{d: d, g: g} }), nil
}
