// Package stream is the distributed form of the loader: documents arrive on
// a NATS JetStream stream, extraction workers on any number of machines
// turn each into its document graph, and one writer applies the graphs to
// the store. It imports graph, loader (for the document checks) and the
// NATS client; the store is reached through graph.Writer.
//
//	publish ──► KGRAPH_DOCS (work queue, subject kgraph.docs)
//	                │  durable pull consumer "kgraph-workers", shared by N workers
//	                ▼
//	            Worker: extract ──► KGRAPH_EXTRACTIONS (work queue, kgraph.extracted.<seq>)
//	                │         └───► KGRAPH_DEAD (kept, kgraph.dead.<seq>, with the reason)
//	                ▼  durable pull consumer "kgraph-writer"
//	            Writer: applies in document order, one Badger commit each, then acks
//
// # Messages
//
// A document message is the JSON Lines object of the input format
// ({"id","title","date","source","url","text"}); its Nats-Msg-Id is the
// document id and the start of its content hash, so the stream's
// de-duplication window drops an identical repeat while a corrected text
// under the same id still passes. An extraction message is the document
// graph JSON of kgraph extract with the document text added ("text"),
// gzip-compressed above 16 KiB (header Content-Encoding: gzip); its subject
// carries the document's sequence number in KGRAPH_DOCS and its message id
// is derived from it, so a document extracted twice publishes once. A dead
// letter carries the original document message and the headers
// Kgraph-Reason and Kgraph-Deliveries.
//
// # Delivery
//
// Every hop is at least once: a worker acknowledges a document only after
// JetStream acknowledged the publication of its extraction (or of its dead
// letter), and the writer acknowledges an extraction only after the Badger
// commit. A document whose extraction fails is retried with backoff and,
// after MaxDeliver deliveries, published to the dead-letter stream and
// acknowledged; a worker that crashes mid-document leaves it unacknowledged,
// JetStream redelivers it after AckWait, and the delivery count still bounds
// it. Redelivery never doubles anything in the graph: the store keys a
// document by id and content hash and reports a repeat Unchanged.
//
// # Order
//
// The store's entity resolution depends on the order documents arrive in,
// so the writer applies extractions in the order of the documents'
// sequence numbers in KGRAPH_DOCS — the graph is the one a local ingest of
// the same documents in publication order builds, whatever the number of
// workers. It keeps out-of-order extractions unacknowledged in memory
// (at most MaxPending). It needs no cursor of its own: since it applies in
// order, every document below the lowest sequence still waiting in
// KGRAPH_DOCS or KGRAPH_EXTRACTIONS is applied or dead-lettered, so that
// lowest sequence is where it resumes after a restart, and where it skips
// to past dead letters.
package stream
