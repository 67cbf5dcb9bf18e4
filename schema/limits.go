package schema

import (
	"fmt"
	"math"
	"strconv"

	"github.com/graph-gophers/graphql-go/ast"

	"github.com/kgraph/kgraph/graph"
)

// Query cost limits. Every request over HTTP is weighed before it runs;
// one over a limit is refused with INVALID and a message naming the limit.
const (
	// DefaultMaxCost bounds the estimated number of values a query can
	// produce: each field counts once per item of every list it sits in,
	// lists counting at their page size (first, default 20), subgraph at
	// its limit and shortestPath at maxHops+1.
	DefaultMaxCost = 250_000
	// DefaultMaxAliases bounds the aliases in one request, which would
	// otherwise repeat an expensive field (300 searches) without limit.
	DefaultMaxAliases = 30
	// DefaultMaxResponseBytes bounds the JSON data of one response.
	DefaultMaxResponseBytes = 32 << 20
	// DefaultMaxConcurrent bounds the GraphQL requests running at once;
	// beyond it a request gets 503 at once instead of queueing.
	DefaultMaxConcurrent = 64

	// maxStringArg bounds string arguments (names, cursors, ids), except
	// the document that ingestDocument takes.
	maxStringArg = 1024
	// maxSearchQuery bounds the search text: every word of it is matched
	// against the name vocabulary, fuzzily.
	maxSearchQuery = 256
	// Weights of fields that cost more than one value.
	searchWeight = 50 // a ranked, fuzzy name search
	textWeight   = 20 // a document's text (a few KiB, up to --max-doc-bytes)
	// maxParseDepth bounds the nesting of selections and values the cost
	// scanner follows (graphql-go refuses deeper selections anyway).
	maxParseDepth = 64
)

// limitError is a request refused by the cost check.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

func limitf(format string, args ...any) *limitError {
	return &limitError{msg: fmt.Sprintf(format, args...)}
}

// checkCost parses req's query and refuses it when it holds a string
// graphql-go cannot decode (escape.go), or when its estimated cost, its
// aliases or one of its arguments exceed the limits. A query the scanner
// cannot parse is left to graphql-go, which reports the syntax error; if
// graphql-go would accept it, it is refused, so that nothing unweighed
// ever runs.
func (s *Service) checkCost(req Request) *limitError {
	parsed := s.parse(req.Query)
	if parsed.esc != "" {
		return &limitError{msg: parsed.esc} // graphql-go would panic on it
	}
	doc, err := parsed.doc, parsed.perr
	if err != nil {
		if errs := s.schema.Validate(req.Query); len(errs) == 0 {
			return limitf("the query could not be weighed before running: %s", err.msg)
		}
		return nil
	}
	if doc.depth > s.opts.MaxDepth {
		return nil // graphql-go refuses it, naming its depth limit
	}
	if doc.aliases > s.opts.MaxAliases {
		return limitf("the query uses %d aliases; the limit is %d aliases per request", doc.aliases, s.opts.MaxAliases)
	}
	w := weigher{s: s, doc: doc, vars: req.Variables, frags: map[string]float64{}, busy: map[string]bool{}}
	for _, op := range doc.ops {
		if req.OperationName != "" && op.name != req.OperationName {
			continue
		}
		root := s.rootType(op.typ)
		cost, lerr := w.selection(op.sel, root, op.typ == "mutation")
		if lerr != nil {
			return lerr
		}
		if cost > float64(s.opts.MaxCost) {
			return limitf("the query's estimated cost is %s values, above the limit of %d (max cost): ask for fewer items (first, limit) or fewer nested lists",
				formatCost(cost), s.opts.MaxCost)
		}
	}
	return nil
}

func formatCost(c float64) string {
	if c >= 1e15 {
		return "more than 10^15"
	}
	return strconv.FormatFloat(math.Round(c), 'f', 0, 64)
}

// rootType is the schema type of an operation type's root.
func (s *Service) rootType(op string) string {
	if t, ok := s.schema.AST().RootOperationTypes[op]; ok {
		return t.TypeName()
	}
	return ""
}

// weigher estimates the cost of selections.
type weigher struct {
	s     *Service
	doc   *qDocument
	vars  map[string]any
	frags map[string]float64 // cost of one instance of a fragment
	busy  map[string]bool    // fragments being weighed (cycles)
}

// selection returns the cost of one instance of sel on type typ.
func (w *weigher) selection(sel []qSelection, typ string, mutation bool) (float64, *limitError) {
	total := 0.0
	for _, it := range sel {
		var c float64
		var err *limitError
		switch {
		case it.field != nil:
			c, err = w.field(it.field, typ, mutation)
		case it.spread != "":
			c, err = w.fragment(it.spread, mutation)
		default:
			on := typ
			if it.on != "" {
				on = it.on
			}
			c, err = w.selection(it.inline, on, mutation)
		}
		if err != nil {
			return 0, err
		}
		total += c
	}
	return math.Min(total, math.MaxFloat64/2), nil
}

func (w *weigher) fragment(name string, mutation bool) (float64, *limitError) {
	if c, ok := w.frags[name]; ok {
		return c, nil
	}
	f, ok := w.doc.frags[name]
	if !ok || w.busy[name] {
		return 0, nil // graphql-go reports unknown and cyclic fragments
	}
	w.busy[name] = true
	c, err := w.selection(f.sel, f.on, mutation)
	w.busy[name] = false
	if err == nil {
		w.frags[name] = c
	}
	return c, err
}

// field returns the cost of one instance of f on the type parent: its own
// weight plus its children once per item it lists.
func (w *weigher) field(f *qField, parent string, mutation bool) (float64, *limitError) {
	var def *ast.FieldDefinition
	if o, ok := w.s.schema.AST().Types[parent].(*ast.ObjectTypeDefinition); ok {
		def = o.Fields.Get(f.name)
	}
	child := ""
	if def != nil {
		child = namedType(def.Type)
	}
	if !(parent == "Mutation" && f.name == "ingestDocument") {
		if err := w.strings(f); err != nil {
			return 0, err
		}
	}
	weight, mult := 1.0, 1.0
	if _, ok := f.args["first"]; ok || (def != nil && def.Arguments.Get("first") != nil) {
		// A page size out of range is the resolver's field error; here it
		// counts at the largest page.
		n, err := w.intArg(f, "first", graph.DefaultPageSize, 0, graph.MaxPageSize)
		if err != nil {
			n = graph.MaxPageSize
		}
		mult = float64(max(n, 1))
	}
	switch {
	case parent == "Query" && f.name == "search":
		weight += searchWeight
	case parent == "Document" && f.name == "text":
		weight += textWeight
	case parent == "Query" && f.name == "subgraph":
		if ids, ok := f.args["ids"]; ok {
			if n := w.listLen(ids); n > maxSubgraphIDs {
				return 0, limitf("subgraph takes at most %d ids, got %d", maxSubgraphIDs, n)
			}
		}
		if _, err := w.intArg(f, "hops", 1, 0, maxSubgraphHops); err != nil {
			return 0, err
		}
		n, err := w.intArg(f, "limit", 100, 1, graph.MaxPageSize)
		if err != nil {
			return 0, err
		}
		mult = float64(n)
	case parent == "Query" && f.name == "shortestPath":
		n, err := w.intArg(f, "maxHops", 6, 1, maxPathHops)
		if err != nil {
			return 0, err
		}
		mult = float64(n + 1)
	}
	if len(f.sel) == 0 {
		return weight, nil
	}
	c, err := w.selection(f.sel, child, mutation)
	if err != nil {
		return 0, err
	}
	return weight + mult*c, nil
}

// intArg is the value of an Int argument (a literal or a variable), def when
// absent, and the largest allowed value when it cannot be known here (a
// variable of the wrong type, which graphql-go then refuses). A value
// outside lo..hi is refused, naming the limit.
func (w *weigher) intArg(f *qField, name string, def, lo, hi int) (int, *limitError) {
	v, ok := f.args[name]
	if !ok {
		return def, nil
	}
	var n float64
	switch v.kind {
	case valueVariable:
		x, present := w.vars[v.raw]
		if !present || x == nil {
			return def, nil
		}
		num, isNum := x.(float64)
		if !isNum {
			return hi, nil
		}
		n = num
	case valueNumber:
		num, err := strconv.ParseFloat(v.raw, 64)
		if err != nil {
			return hi, nil
		}
		n = num
	case valueEnum: // null
		return def, nil
	default:
		return hi, nil
	}
	if n < float64(lo) || n > float64(hi) {
		return 0, limitf("%s of %s must be between %d and %d (the limit), got %s", name, f.name, lo, hi, shorten(strconv.FormatFloat(n, 'f', -1, 64)))
	}
	return int(n), nil
}

// listLen is the number of items of a list argument.
func (w *weigher) listLen(v qValue) int {
	switch v.kind {
	case valueList:
		return len(v.items)
	case valueVariable:
		if l, ok := w.vars[v.raw].([]any); ok {
			return len(l)
		}
	}
	return 1
}

// strings refuses string arguments of f longer than the limits.
func (w *weigher) strings(f *qField) *limitError {
	for name, v := range f.args {
		limit := maxStringArg
		if f.name == "search" && name == "query" {
			limit = maxSearchQuery
		}
		if n := w.longestString(v, 0); n > limit {
			return limitf("argument %s of %s is %d bytes long; the limit is %d bytes", name, f.name, n, limit)
		}
	}
	return nil
}

// longestString is the length of the longest string in v.
func (w *weigher) longestString(v qValue, depth int) int {
	switch v.kind {
	case valueString:
		return len(v.raw)
	case valueVariable:
		return longestJSONString(w.vars[v.raw], 0)
	}
	n := 0
	if depth < maxParseDepth {
		for _, it := range v.items {
			n = max(n, w.longestString(it, depth+1))
		}
	}
	return n
}

func longestJSONString(x any, depth int) int {
	if depth > maxParseDepth {
		return 0
	}
	n := 0
	switch x := x.(type) {
	case string:
		return len(x)
	case []any:
		for _, it := range x {
			n = max(n, longestJSONString(it, depth+1))
		}
	case map[string]any:
		for _, it := range x {
			n = max(n, longestJSONString(it, depth+1))
		}
	}
	return n
}

// namedType unwraps lists and non-null wrappers.
func namedType(t ast.Type) string {
	for {
		switch x := t.(type) {
		case *ast.List:
			t = x.OfType
		case *ast.NonNull:
			t = x.OfType
		case ast.NamedType:
			return x.TypeName()
		default:
			return ""
		}
	}
}

// shorten quotes at most a short prefix of client input in a message.
func shorten(s string) string {
	const keep = 64
	if len(s) <= keep {
		return s
	}
	cut := keep
	for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:cut], len(s))
}
