// Package seeds holds the sample documents that ship inside the kgraph
// binary. `kgraph serve` ingests them when it opens an empty store, so a new
// installation answers queries at once.
//
// Add a document by dropping a .txt or .jsonl file (the formats of `kgraph
// ingest`) into this folder; it is embedded at build time.
package seeds

import "embed"

// FS holds every .txt and .jsonl file of this folder.
//
//go:embed *.txt
var FS embed.FS
