// Command kgraph builds a knowledge graph from news text, keeps it in an
// embedded Badger store and serves it over GraphQL.
//
// One file per subcommand: serve.go, ingest.go, extract.go, export.go (with
// one export_<format>.go per format), query.go, bench.go. config.go holds
// the flags every command shares (store directory, logging), pipeline.go
// the parallel extraction used by ingest, extract, bench and serve's
// seeding, metrics.go the Prometheus registry of serve (client_golang:
// Go runtime, process, Badger's expvars, requests, ingests, store counts). publish.go and
// worker.go are the NATS JetStream commands, nats.go their shared flags and
// the store writer that serve --nats and ingest --nats run (loader/stream).
//
// Data in and out: every export format reads one store.Snapshot and writes
// item by item into an exportSink (stdout, a directory, a zip archive of
// an HTTP answer), so memory does not grow with the graph. serve_io.go has
// the server's GET /export and POST /ingest, remote.go the --server side
// of export and ingest, serve_http.go the serve flags and wrappers for
// browsers (CORS, gzip), progress.go the ingest progress line and summary,
// version.go version and healthcheck.
//
// Exit statuses: 0 success, 1 some documents (or the GraphQL response)
// failed, 2 usage or store errors.
package main
