package schema

import (
	"cmp"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	graphql "github.com/graph-gophers/graphql-go"
	"github.com/graph-gophers/graphql-go/ast"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"
	gqllog "github.com/graph-gophers/graphql-go/log"

	"github.com/kgraph/kgraph/graph"
)

// SDL is the GraphQL schema the service serves, with descriptions on every
// type, field, argument and enum value.
//
//go:embed schema.graphql
var SDL string

// Default limits; Options fields left zero take these values.
const (
	DefaultMaxBodyBytes   = 1 << 20 // 1 MiB request body
	DefaultMaxQueryLength = 16 << 10
	DefaultMaxDepth       = 15
	DefaultTimeout        = 10 * time.Second
	DefaultEndpoint       = "/graphql"
	// DefaultMaxParallelism is graphql-go's own default. On two busy
	// cores (BenchmarkRequest, a page of 20 entities with their
	// relations) 1, 4 and 10 were within the noise of each other
	// (0.68-0.78, 0.71-1.0, 0.96-1.4 ms); where cores are free, the items
	// of a list read the store in parallel.
	DefaultMaxParallelism = 10
)

// Options configure a Service. Reader is required; every other field is
// optional. A nil mutation function makes that mutation answer with an
// error saying it is not available.
type Options struct {
	// Reader answers every query (and the reads of mutations).
	Reader graph.Reader
	// Snapshot opens a Reader bound to one consistent version of the
	// store and returns it with the function that releases it. Each query
	// request reads through one snapshot, so that its resolvers never see
	// two versions (a relation whose endpoint a concurrent delete has just
	// removed). Mutations read through Reader. When nil and Reader is a
	// graph.Viewer (store.DB is), its View is used; otherwise every read
	// of Reader takes its own snapshot.
	Snapshot func(ctx context.Context) (graph.Reader, func())
	// Ingest extracts and stores one document (loader + store).
	Ingest func(ctx context.Context, doc graph.Document) (graph.IngestResult, error)
	// Delete retracts one document.
	Delete func(ctx context.Context, id string) error
	// Merge folds the entities from into into.
	Merge func(ctx context.Context, into string, from []string) (*graph.Entity, error)

	// Token is the bearer token that mutations over HTTP must present.
	// Empty disables mutations over HTTP.
	Token string

	// MaxBodyBytes bounds a POST body (default DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// MaxQueryLength bounds the query text in bytes (default DefaultMaxQueryLength).
	MaxQueryLength int
	// MaxDepth bounds the nesting of selections (default DefaultMaxDepth).
	MaxDepth int
	// Timeout bounds the execution of one request (default DefaultTimeout).
	Timeout time.Duration
	// MaxCost bounds a query's estimated cost (default DefaultMaxCost);
	// MaxAliases its aliases (default DefaultMaxAliases).
	MaxCost, MaxAliases int
	// MaxResponseBytes bounds the data of one response (default
	// DefaultMaxResponseBytes).
	MaxResponseBytes int
	// MaxConcurrent bounds the GraphQL requests over HTTP running at once
	// (default DefaultMaxConcurrent); beyond it requests get 503.
	MaxConcurrent int
	// ReadToken, when set, is a bearer token that queries over HTTP must
	// present (Token is accepted too). Empty: reads are public.
	ReadToken string

	// Stream, when set, reports the state of the NATS JetStream pipeline
	// that feeds the store (kgraph serve --nats); Stats.stream is null
	// without it.
	Stream func(ctx context.Context) (*StreamStats, error)

	// Endpoint is the path the GraphQL handler is mounted at, shown on the
	// landing page (default DefaultEndpoint).
	Endpoint string

	// Version, when set, returns the store's version; GET requests then get
	// an ETag made from it and 304 Not Modified when it still holds (see
	// ETag).
	Version func() uint64

	// MaxParallelism bounds the items of one list that graphql-go
	// resolves at once in goroutines of their own (default
	// DefaultMaxParallelism). Lists whose fields all resolve without a
	// context, arguments or an error are resolved in order, without
	// goroutines, whatever this is.
	MaxParallelism int

	// PersistedQueries is the number of automatic persisted queries the
	// server remembers (default DefaultPersistedQueries; negative
	// disables them).
	PersistedQueries int

	// Observe, when set, is called once after every GraphQL request over
	// HTTP, for request logs and metrics.
	Observe func(RequestInfo)
	// ReportError, when set, receives every error that clients see only as
	// "internal error" (INTERNAL code, resolver panics), so the details can
	// be logged.
	ReportError func(ctx context.Context, err error)
}

// RequestInfo describes one finished GraphQL request over HTTP.
type RequestInfo struct {
	// Operation is the operation name when the query names its operation,
	// otherwise Field; "" when the request was too malformed to tell.
	// Names are chosen by clients: prefer Type and Field as metric labels.
	Operation string
	// Type is "query" or "mutation" ("" when unknown).
	Type string
	// Field is the first root field of the operation, e.g. "search"; it is
	// always a schema field name (or "" when unknown), so it is safe as a
	// metric label.
	Field    string
	Status   int           // HTTP status sent
	Duration time.Duration // from receiving the request to the end of the response
	Errors   int           // number of GraphQL errors in the response
}

// Service serves the graph over GraphQL. It is safe for concurrent use.
type Service struct {
	opts       Options
	schema     *graphql.Schema
	rootFields map[string]map[string]bool // by operation type: the root field names
	slots      chan struct{}              // one per GraphQL request running over HTTP
	apq        *apqCache                  // persisted queries; nil when disabled
	parsed     *lru[*parsedQuery]         // by query text (parsed.go)
}

// New parses the schema, binds the resolvers and applies the limits of
// opts. It fails when opts.Reader is nil or a limit is negative.
func New(opts Options) (*Service, error) {
	if opts.Reader == nil {
		return nil, errors.New("schema: Options.Reader is required")
	}
	if opts.MaxBodyBytes < 0 || opts.MaxQueryLength < 0 || opts.MaxDepth < 0 || opts.Timeout < 0 ||
		opts.MaxCost < 0 || opts.MaxAliases < 0 || opts.MaxResponseBytes < 0 || opts.MaxConcurrent < 0 || opts.MaxParallelism < 0 {
		return nil, errors.New("schema: limits must not be negative")
	}
	if v, ok := opts.Reader.(graph.Viewer); ok && opts.Snapshot == nil {
		opts.Snapshot = v.View
	}
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.MaxQueryLength == 0 {
		opts.MaxQueryLength = DefaultMaxQueryLength
	}
	if opts.MaxDepth == 0 {
		opts.MaxDepth = DefaultMaxDepth
	}
	if opts.Timeout == 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Endpoint == "" {
		opts.Endpoint = DefaultEndpoint
	}
	opts.MaxCost = cmp.Or(opts.MaxCost, DefaultMaxCost)
	opts.MaxAliases = cmp.Or(opts.MaxAliases, DefaultMaxAliases)
	opts.MaxResponseBytes = cmp.Or(opts.MaxResponseBytes, DefaultMaxResponseBytes)
	opts.MaxConcurrent = cmp.Or(opts.MaxConcurrent, DefaultMaxConcurrent)
	opts.MaxParallelism = cmp.Or(opts.MaxParallelism, DefaultMaxParallelism)
	s := &Service{opts: opts, slots: make(chan struct{}, opts.MaxConcurrent), parsed: newLRU[*parsedQuery](parsedQueries)}
	switch {
	case opts.PersistedQueries == 0:
		s.apq = newAPQCache(DefaultPersistedQueries)
	case opts.PersistedQueries > 0:
		s.apq = newAPQCache(opts.PersistedQueries)
	}
	schema, err := graphql.ParseSchema(SDL, &rootResolver{s: s},
		graphql.UseStringDescriptions(),
		graphql.UseFieldResolvers(),
		graphql.DisableFieldSelections(),
		graphql.MaxDepth(opts.MaxDepth),
		graphql.MaxQueryLength(opts.MaxQueryLength),
		graphql.PanicHandler(panicHandler{s: s}),
		graphql.Logger(panicLogger{&gqllog.DefaultLogger{}}),
		graphql.MaxParallelism(opts.MaxParallelism),
	)
	if err != nil {
		return nil, err
	}
	s.schema = schema
	s.rootFields = map[string]map[string]bool{
		"query":    {"__typename": true, "__schema": true, "__type": true},
		"mutation": {"__typename": true},
	}
	for typ, t := range schema.AST().RootOperationTypes {
		if o, ok := t.(*ast.ObjectTypeDefinition); ok && s.rootFields[typ] != nil {
			for _, f := range o.Fields {
				s.rootFields[typ][f.Name] = true
			}
		}
	}
	return s, nil
}

// GraphQL returns the handler for the GraphQL endpoint (GraphQL over HTTP:
// POST and GET; see the package documentation for status codes).
func (s *Service) GraphQL() http.Handler { return http.HandlerFunc(s.serveGraphQL) }

// Landing returns the handler for the landing page: the endpoint, example
// queries and links to GraphiQL and the explorer.
func (s *Service) Landing() http.Handler { return http.HandlerFunc(s.serveLanding) }

// Register mounts the GraphQL handler at the endpoint path, the landing
// page at "/" (exactly), GraphiQL at /graphiql, the explorer at /explore
// and their built files at /assets/ on mux.
func (s *Service) Register(mux *http.ServeMux) {
	var h http.Handler = s.GraphQL()
	if s.opts.Version != nil {
		// Validators only for clients allowed to read.
		h = s.RequireRead(ETag(s.opts.Version, h))
	}
	mux.Handle(s.opts.Endpoint, SecurityHeaders(h))
	mux.Handle("GET /{$}", SecurityHeaders(s.Landing()))
	s.registerWeb(mux)
}

// Request is one GraphQL request for Exec.
type Request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName,omitempty"`
	Variables     map[string]any `json:"variables,omitempty"`
	// Extensions carries protocol extensions; "persistedQuery" is read
	// (automatic persisted queries, see apq.go).
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Response is a GraphQL response; it marshals to the standard JSON shape.
type Response struct {
	Data   json.RawMessage `json:"data,omitempty"`
	Errors []Error         `json:"errors,omitempty"`
}

// Error is one GraphQL error as clients see it. Extensions["code"] holds
// the error code (graph.EINVALID, graph.ENOTFOUND, ..., or "TIMEOUT").
type Error struct {
	Message    string         `json:"message"`
	Locations  []Location     `json:"locations,omitempty"`
	Path       []any          `json:"path,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Location is a position in the query text, counted from 1.
type Location struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Exec runs req directly, without HTTP and without a token: the caller is
// trusted (the local command line), so mutations are allowed. The depth,
// length and timeout limits apply.
func (s *Service) Exec(ctx context.Context, req Request) Response {
	if msg := s.parse(req.Query).esc; msg != "" {
		return Response{Errors: []Error{{Message: msg, Extensions: map[string]any{"code": graph.EINVALID}}}}
	}
	ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	op, _ := pick(s.operationsOf(req.Query), req.OperationName)
	ctx = withRequestState(ctx, s, true, op.typ == "query")
	r := s.exec(ctx, req)
	finishRequest(ctx)
	out := Response{Data: r.Data}
	for _, e := range r.Errors {
		ce := Error{Message: e.Message, Path: e.Path, Extensions: e.Extensions}
		for _, l := range e.Locations {
			ce.Locations = append(ce.Locations, Location{Line: l.Line, Column: l.Column})
		}
		out.Errors = append(out.Errors, ce)
	}
	return out
}

// exec runs a request whose context already carries the request state.
// Errors that graphql-go raises itself (parse, validation, variables,
// argument values) get the INVALID code.
func (s *Service) exec(ctx context.Context, req Request) *graphql.Response {
	resp := s.schema.Exec(ctx, req.Query, req.OperationName, req.Variables)
	if ctx.Err() != nil {
		return &graphql.Response{Errors: []*gqlerrors.QueryError{timeoutError(s.opts.Timeout, ctx.Err())}}
	}
	badArgument := false
	for _, e := range resp.Errors {
		if e.ResolverError == nil && e.Extensions == nil {
			e.Extensions = map[string]any{"code": graph.EINVALID}
			// graphql-go checks custom scalar arguments (Date) only while
			// executing and then leaves the field out, without a path.
			badArgument = badArgument || (len(resp.Data) > 0 && e.Path == nil)
		}
	}
	if badArgument {
		if op, ok := pick(s.operationsOf(req.Query), req.OperationName); ok && op.typ == "query" {
			// A value the schema cannot accept is a request error, as a
			// validation error would be: no partial data. (A mutation keeps
			// its data: the fields before the bad one did run.)
			resp.Data = nil
		}
	}
	return resp
}

// fieldFailure carries the error of a resolver that returns no error
// (relationResolver.Source, Target): it panics with it, and panicHandler
// answers with the error as if the resolver had returned it.
type fieldFailure struct{ err error }

// panicLogger is graphql-go's default panic log for real panics and
// silence for fieldFailure, which is an error, not a panic.
type panicLogger struct{ next gqllog.Logger }

func (l panicLogger) LogPanic(ctx context.Context, value any) {
	if _, ok := value.(fieldFailure); !ok {
		l.next.LogPanic(ctx, value)
	}
}

// panicHandler turns a resolver panic into an internal error, reporting
// the panic value instead of showing it.
type panicHandler struct{ s *Service }

func (h panicHandler) MakePanicError(ctx context.Context, value any) *gqlerrors.QueryError {
	if f, ok := value.(fieldFailure); ok {
		qe := gqlerrors.Errorf("%s", f.err)
		qe.ResolverError = f.err
		if ex, ok := f.err.(interface{ Extensions() map[string]any }); ok {
			qe.Extensions = ex.Extensions()
		}
		return qe
	}
	h.s.report(ctx, &panicError{value})
	return &gqlerrors.QueryError{Message: "internal error", Extensions: map[string]any{"code": graph.EINTERNAL}}
}
