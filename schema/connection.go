package schema

import (
	"slices"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// pageRequest checks the first/after arguments of a list field: first
// defaults to graph.DefaultPageSize and must lie in 0..graph.MaxPageSize.
// A store is never asked for zero items: for first: 0, one item is read
// and dropped, so that totalCount and hasNextPage still come back.
func pageRequest(first *int32, after *string) (req graph.PageRequest, n int, err error) {
	n = graph.DefaultPageSize
	if first != nil {
		n = int(*first)
	}
	if n < 0 || n > graph.MaxPageSize {
		return req, 0, invalidf("first must be between 0 and %d, got %d: page through longer lists with after", graph.MaxPageSize, n)
	}
	req.First = max(n, 1)
	if after != nil {
		req.After = *after
	}
	return req, n, nil
}

// connection is a Relay cursor connection of nodes of type N.
type connection[N any] struct {
	edges    []*edge[N]
	pageInfo *pageInfo
	total    int
}

// edge is one item of a connection with its cursor.
type edge[N any] struct {
	cursor string
	node   N
}

// newConnection wraps one page of a store list; wrap turns each item into
// its resolver and n is the page size the client asked for.
func newConnection[T, N any](p graph.Page[T], req graph.PageRequest, n int, wrap func(T) N) *connection[N] {
	items := p.Items
	hasNext := p.HasNext
	if len(items) > n {
		items = items[:n]
		hasNext = true
	}
	c := &connection[N]{total: p.Total, pageInfo: &pageInfo{hasNext: hasNext, hasPrevious: req.After != ""}}
	c.edges = make([]*edge[N], len(items))
	for i, it := range items {
		cursor := ""
		if i < len(p.Cursors) {
			cursor = p.Cursors[i]
		}
		c.edges[i] = &edge[N]{cursor: cursor, node: wrap(it)}
	}
	if len(c.edges) > 0 {
		c.pageInfo.start = &c.edges[0].cursor
		c.pageInfo.end = &c.edges[len(c.edges)-1].cursor
	}
	return c
}

// Edges resolves the edges field.
func (c *connection[N]) Edges() []*edge[N] { return c.edges }

// Nodes resolves the nodes field.
func (c *connection[N]) Nodes() []N {
	out := make([]N, len(c.edges))
	for i, e := range c.edges {
		out[i] = e.node
	}
	return out
}

// PageInfo resolves the pageInfo field.
func (c *connection[N]) PageInfo() *pageInfo { return c.pageInfo }

// TotalCount resolves the totalCount field.
func (c *connection[N]) TotalCount() int32 { return int32(c.total) }

// Cursor resolves the cursor field.
func (e *edge[N]) Cursor() string { return e.cursor }

// Node resolves the node field.
func (e *edge[N]) Node() N { return e.node }

// pageInfo resolves PageInfo.
type pageInfo struct {
	hasNext, hasPrevious bool
	start, end           *string
}

// HasNextPage resolves the hasNextPage field.
func (p *pageInfo) HasNextPage() bool { return p.hasNext }

// HasPreviousPage resolves the hasPreviousPage field.
func (p *pageInfo) HasPreviousPage() bool { return p.hasPrevious }

// StartCursor resolves the startCursor field.
func (p *pageInfo) StartCursor() *string { return p.start }

// EndCursor resolves the endCursor field.
func (p *pageInfo) EndCursor() *string { return p.end }

// attribute resolves Attribute.
type attribute struct{ key, value string }

// Key resolves the key field.
func (a attribute) Key() string { return a.key }

// Value resolves the value field.
func (a attribute) Value() string { return a.value }

// attributes lists m sorted by key.
func attributes(m map[string]string) []attribute {
	out := make([]attribute, 0, len(m))
	for k, v := range m {
		out = append(out, attribute{k, v})
	}
	slices.SortFunc(out, func(a, b attribute) int { return strings.Compare(a.key, b.key) })
	return out
}

// lookup returns m[key] or nil when absent.
func lookup(m map[string]string, key string) *string {
	if v, ok := m[key]; ok {
		return &v
	}
	return nil
}
