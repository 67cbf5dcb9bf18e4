// Command kgraph builds a knowledge graph from news text, keeps it in an
// embedded Badger store and serves it over GraphQL.
//
// One file per subcommand: serve.go, ingest.go, extract.go, export.go (with
// one export_<format>.go per format), query.go, bench.go. config.go holds
// the flags every command shares (store directory, logging), pipeline.go
// the parallel extraction used by ingest, extract, bench and serve's
// seeding, metrics.go the Prometheus counters of serve. publish.go and
// worker.go are the NATS JetStream commands, nats.go their shared flags and
// the store writer that serve --nats and ingest --nats run (loader/stream).
//
// Exit statuses: 0 success, 1 some documents (or the GraphQL response)
// failed, 2 usage or store errors.
package main
