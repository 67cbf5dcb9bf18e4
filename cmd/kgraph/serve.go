package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/seeds"
	"github.com/kgraph/kgraph/store"
)

const serveHelp = `
Opens the store and serves the graph over HTTP:

  /          landing page: endpoint, example queries, links
  /explore   graph explorer: search, expand, evidence, paths
  /graphiql  GraphiQL: queries with completion and the schema's docs
  /graphql   GraphQL over HTTP (POST application/json; GET for queries)
  /healthz   200 "ok" while the store answers
  /metrics   Prometheus metrics: requests and latency by operation,
             ingested documents, store size, Badger, Go runtime, process
  /export    GET ?format=F[&part=P][&evidence=true]: the export of one
             snapshot, streamed (formats of kgraph export --help; gzip when
             the client accepts it; a zip of all files for csv and nquads)
  /ingest    POST JSON Lines or one text document with the mutation token:
             one answer line per document as it is stored, then a summary

When the store is empty, the sample documents built into the binary are
ingested first. Mutations (ingestDocument, deleteDocument, mergeEntities)
need "Authorization: Bearer TOKEN" with the token of --token; without one
they are disabled. With --read-token (or KGRAPH_READ_TOKEN) queries need a
bearer token too (either token). Every query is weighed before it runs
(--max-cost, --max-aliases) and refused with INVALID over a limit; beyond
--max-concurrent requests at once the server answers 503. A 200 for a
mutation survives a crash of the process; with --sync it also survives a
power loss (fsync before the answer, shared by concurrent mutations).
SIGINT or SIGTERM stop the server gracefully: requests
in flight finish, then the store is closed.

While a GET /export runs, the Go collector runs at GOGC=10, so that the
garbage of a large export does not double the heap (unless GOMEMLIMIT is
set: then the collector is left to it).

Examples:
  kgraph serve
  kgraph serve --data /var/lib/kgraph --addr 0.0.0.0:8080 --log-format json
  KGRAPH_TOKEN=s3cret kgraph serve --addr 127.0.0.1:9000
  kgraph serve --cors-origin https://dash.example.org   # let that page call the API
  kgraph serve --nats nats://127.0.0.1:4222     # also the writer of kgraph worker's extractions
  kgraph serve --cpuprofile cpu.out             # then: go tool pprof -top kgraph cpu.out

With --nats URL the server is also the store's single writer for documents
published with kgraph publish and extracted by kgraph worker: it applies
their extractions in publication order, acknowledging each after its
commit, and /metrics adds the stream's lag, redeliveries and dead letters.
The sample documents are not seeded then. kgraph publish --help describes
the connection flags.
`

func runServe(ctx context.Context, args []string, e env) int {
	var c common
	fs := newFlags("serve", "[flags]", serveHelp, e)
	c.register(fs, e)
	addr := fs.String("addr", envOr(e, "KGRAPH_ADDR", "127.0.0.1:8080"), "listen address (env KGRAPH_ADDR)")
	token := fs.String("token", "", "bearer token for mutations (env KGRAPH_TOKEN; empty: mutations disabled)")
	seed := fs.Bool("seed", true, "ingest the built-in sample documents when the store is empty")
	timeout := fs.Duration("timeout", schema.DefaultTimeout, "longest time one GraphQL request may run")
	maxBody := fs.Int64("max-body-bytes", schema.DefaultMaxBodyBytes, "largest request body")
	maxDoc := fs.Int("max-doc-bytes", loader.DefaultMaxDocBytes, "largest document accepted by ingestDocument")
	var n natsFlags
	n.register(fs, e)
	lim := registerLimits(fs)
	var hx httpExtras
	hx.register(fs, e)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the server, from start to shutdown, to this `file` (go tool pprof)")
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph serve:", err)
		return exitUsage
	}
	defer stopProfile()
	if *token == "" {
		*token = e.getenv("KGRAPH_TOKEN")
	}
	if lim.readToken == "" {
		lim.readToken = e.getenv("KGRAPH_READ_TOKEN")
	}
	ss, ok := c.open("serve", e, true)
	if !ok {
		return exitUsage
	}
	defer func() {
		ss.close()
		ss.log.Info().Msg("stopped")
	}()
	log, ld, db := ss.log, ss.ld, ss.db
	m := newMetrics(db.Stats, db.ReadCacheStats)
	p := &pipeline{loader: ld}
	nw, stopNATS, ok := startNATSWriter(ctx, &n, db, log)
	if !ok {
		return exitUsage
	}
	defer stopNATS()
	if *seed && nw == nil {
		if err := seedIfEmpty(ctx, p, db, log, m); err != nil {
			log.Error().Err(err).Msg("seed")
			return exitUsage
		}
	}

	ingest, del, merge := durableWrites(lim.groupSync(db), ingestOne(ld, db, loader.Limits{MaxDocBytes: *maxDoc}, m), db.DeleteDocument, db.MergeEntities)
	svc, err := schema.New(schema.Options{
		Reader:           db,
		Ingest:           ingest,
		Delete:           del,
		Merge:            merge,
		Token:            *token,
		Version:          db.Version,
		MaxBodyBytes:     *maxBody,
		Timeout:          *timeout,
		MaxCost:          lim.maxCost,
		MaxAliases:       lim.maxAliases,
		MaxResponseBytes: lim.maxResponse,
		MaxConcurrent:    lim.maxConcurrent,
		ReadToken:        lim.readToken,
		Stream:           streamStats(nw),
		Observe: func(ri schema.RequestInfo) {
			op := ri.Field
			if op == "" {
				op = "unknown"
			}
			m.observe("/graphql", op, ri.Status, ri.Duration)
			requestLog(log, ri).Str("operation", ri.Operation).Str("type", ri.Type).Str("field", ri.Field).
				Int("status", ri.Status).Int("errors", ri.Errors).Float64("duration_ms", float64(ri.Duration.Microseconds())/1000).Msg("graphql")
		},
		ReportError: func(ctx context.Context, err error) { log.Error().Err(err).Msg("graphql internal error") },
	})
	if err != nil {
		log.Error().Err(err).Msg("schema")
		return exitUsage
	}
	mux := http.NewServeMux()
	svc.Register(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := db.Stats(r.Context()); err != nil {
			http.Error(w, "store unavailable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	registerStreamMetrics(m, nw)
	mux.Handle("GET /metrics", m)
	hx.mount(mux, svc, p, db, *token, loader.Limits{MaxDocBytes: *maxDoc}, log, m)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Error().Err(err).Str("addr", *addr).Msg("listen")
		return exitUsage
	}
	srv := &http.Server{
		Handler:     schema.SecurityHeaders(accessLog(hx.wrap(mux), log, m)),
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	schema.SetServerLimits(srv, *timeout)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if e.ready != nil {
		e.ready(ln.Addr().String())
	}
	log.Info().Str("addr", "http://"+ln.Addr().String()+"/").Str("data", c.data).Bool("mutations", *token != "").Msg("serving")

	select {
	case err := <-errc:
		log.Error().Err(err).Msg("serve")
		return exitUsage
	case <-ctx.Done():
	}
	log.Info().Msg("shutting down: waiting for requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), *timeout+5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Error().Err(err).Msg("shutdown")
	}
	return exitOK
}

// seedIfEmpty ingests the embedded sample documents into an empty store.
func seedIfEmpty(ctx context.Context, p *pipeline, db *store.DB, log zerolog.Logger, m *metrics) error {
	st, err := db.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Documents > 0 {
		return nil
	}
	read := func(fn func(loader.Item) error) error { return loader.ReadFS(ctx, seeds.FS, loader.Limits{}, fn) }
	t, err := ingestAll(ctx, p, db, read, log, nil, m)
	if err != nil {
		return err
	}
	log.Info().Int("documents", t.New).Int("entities", t.Entities).Int("relations", t.Relations).Msg("store was empty: ingested the sample documents")
	return nil
}

// ingestOne is the ingestDocument mutation: check, extract, store.
func ingestOne(ld *loader.Loader, db *store.DB, lim loader.Limits, m *metrics) func(context.Context, graph.Document) (graph.IngestResult, error) {
	return func(ctx context.Context, in graph.Document) (graph.IngestResult, error) {
		doc, err := loader.Prepare(in, lim)
		if err != nil {
			m.countIngest("FAILED")
			return graph.IngestResult{}, err
		}
		x, err := ld.Extract(ctx, doc)
		if err != nil {
			m.countIngest("FAILED")
			return graph.IngestResult{}, err
		}
		res, err := db.Ingest(ctx, x)
		if err != nil {
			m.countIngest("FAILED")
			return res, err
		}
		m.countIngest(string(res.Status))
		return res, nil
	}
}

// slowRequest is the duration above which a successful GraphQL request is
// logged at info level.
const slowRequest = time.Second

// requestLog picks the level of a GraphQL request's log line: error for a
// 5xx, warn for any other request that failed or answered with errors,
// info for a slow one or a mutation, debug for the rest. Writing a line
// for every successful query cost about 6% of a small query's CPU (the
// console writer most of it); at the default level they are now skipped
// after one level check, while every failure is still logged.
func requestLog(log zerolog.Logger, ri schema.RequestInfo) *zerolog.Event {
	switch {
	case ri.Status >= 500:
		return log.Error()
	case ri.Status >= 400 || ri.Errors > 0:
		return log.Warn()
	case ri.Duration >= slowRequest || ri.Type == "mutation":
		return log.Info()
	}
	return log.Debug()
}

// accessLog logs every request that is not GraphQL (GraphQL requests are
// logged with their operation by the schema's Observe hook) and counts it.
func accessLog(next http.Handler, log zerolog.Logger, m *metrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/graphql" {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		d := time.Since(start)
		path := r.URL.Path
		switch path {
		case "/", "/healthz", "/metrics", "/export", "/ingest":
		default:
			path = "other" // keep label values bounded
		}
		m.observe(path, "", sw.status, d)
		log.Debug().Str("method", r.Method).Str("path", r.URL.Path).Int("status", sw.status).Float64("duration_ms", float64(d.Microseconds())/1000).Msg("http")
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }

// Unwrap lets http.ResponseController reach the connection (flushes of
// streamed answers, deadlines of long exports and ingests).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
