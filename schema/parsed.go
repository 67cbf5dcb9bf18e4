package schema

// The handler reads a query text twice before graphql-go runs it: the
// operation scan (which operation, query or mutation, its first field) and
// the cost parse. Clients send the same few query texts over and over
// with different variables, so both results are kept per text in a bounded
// LRU (Service.parsed). What depends on the variables (the cost itself) is
// computed on every request from the cached document. graphql-go parses
// and validates the text again on every run: it offers no way to run a
// parsed document.

const (
	// parsedQueries bounds the number of query texts remembered.
	parsedQueries = 1000
	// maxParsedQueryBytes is the longest query text remembered; longer
	// ones (rare: hand-written or generated) are parsed on every request,
	// which keeps the cache within a few MiB whatever clients send.
	maxParsedQueryBytes = 4 << 10
)

// parsedQuery is what the handler learnt from one query text.
type parsedQuery struct {
	ops  []operation
	doc  *qDocument // nil when perr is set
	perr *parseError
	esc  string // a string graphql-go cannot decode (escapeError), "" when none
}

// parse returns the operations and the cost document of query, from the
// cache when the text was seen before.
func (s *Service) parse(query string) *parsedQuery {
	if p, ok := s.parsed.get(query); ok {
		return p
	}
	p := &parsedQuery{ops: operations(query)}
	p.doc, p.perr = parseDocument(query)
	p.esc = escapeError(query)
	if len(query) <= maxParsedQueryBytes {
		s.parsed.put(query, p)
	}
	return p
}

// operationsOf is operations(query), cached.
func (s *Service) operationsOf(query string) []operation { return s.parse(query).ops }
