package schema

// subgraphResolver resolves Subgraph.
type subgraphResolver struct {
	nodes     []*entityResolver
	edges     []*relationResolver
	truncated bool
}

// Nodes resolves the nodes field.
func (r *subgraphResolver) Nodes() []*entityResolver { return r.nodes }

// Edges resolves the edges field.
func (r *subgraphResolver) Edges() []*relationResolver { return r.edges }

// Truncated resolves the truncated field.
func (r *subgraphResolver) Truncated() bool { return r.truncated }

// pathResolver resolves Path.
type pathResolver struct {
	nodes []*entityResolver
	edges []*relationResolver
}

// Length resolves the length field.
func (r *pathResolver) Length() int32 { return int32(len(r.edges)) }

// Nodes resolves the nodes field.
func (r *pathResolver) Nodes() []*entityResolver { return r.nodes }

// Edges resolves the edges field.
func (r *pathResolver) Edges() []*relationResolver { return r.edges }
