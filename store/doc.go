// Package store keeps kgraph's knowledge graph in an embedded Badger
// database. It is the only package that knows Badger: it owns the key
// layout, the transactions, entity resolution on write, retraction, merges,
// search and traversal, and implements graph.Reader, graph.Writer and
// graph.Exporter with *DB. It imports graph, Badger and the standard
// library.
//
//	db, err := store.Open(dir, store.Options{})
//	res, err := db.Ingest(ctx, extraction) // one document, atomically
//	e, err := db.EntityByName(ctx, "Umarov", "")
//
// # Key layout
//
// Every key starts with one byte naming its kind (keys.go lists them all
// with their values). Entity and document numbers are 8-byte big-endian, so
// prefix scans are the queries; entity IDs are "e" plus the number in base
// 36, relation IDs are "src:TYPE:dst". Values use unsigned varints and
// length-prefixed strings (codec.go, record.go), never JSON.
//
//	E|eid             entity record: name, type, names with support, attributes, counts
//	A|key             entities carrying a name of canonical key (graph.CanonicalKey)
//	K|token|0|eid     name-token index for search (value: type, bit length of mentions); Q|token counts entities per token
//	X|order|type|…    entities by mentions, degree and name, per type
//	O|src|t|dst       relation record (out-edge); J|dst|t|src in-edge; Y|t|src|dst by type
//	M|eid|doc         what one document contributed to an entity (its mentions, names, attributes)
//	N|doc|eid         the entities a document touched (for retraction)
//	V|src|t|dst|doc   what one document contributed to a relation (sentence offsets, attributes)
//	W|doc|src|t|dst   the relations a document touched
//	D|doc, B|doc      document record and text; I|id and H|hash find it; T|date|doc orders it
//	                  (a value over 1 KiB, most texts, lives in Badger's value log, gc.go)
//	G|eid, Z|alias    merge memory: redirect of a merged entity, names pinned to the survivor
//	S                 counts and next numbers; P|seq journal of a split commit
//	F                 format version of the derived keys (format.go)
//
// A page of one entity's relations is one seek into O|eid (whose values
// are the records) and one into J|eid, and a scan of First keys; its
// cursor is the last key. Its total comes from counters in the entity
// record (relations by direction and type, kept with the degree), not from
// a scan. Open upgrades a store of an older format by rebuilding the
// derived data (format.go) and refuses one of a newer format.
//
// The readers of a View (one per GraphQL request) share a cache of
// decoded entity records, relation records and short out-lists
// (readcache.go), bounded by bytes: a hub, or the endpoints of a page that
// many requests ask for, costs a map lookup instead of an LSM read and a
// decode. A commit removes the entries of the keys it writes, and a
// generation counter keeps every view to the records of its own snapshot.
//
// Search takes its candidates from indexes only: the alias index, a seek
// into the vocabulary (Q) for whole and prefix matches, and an in-memory
// trigram index of the vocabulary for fuzzy ones (vocab.go); the token
// keys carry each entity's type and magnitude of mentions, so candidates
// are filtered and ranked before any record is read; records are read
// only for the candidates of equal rank that the page reaches.
//
// Entity and relation records are folds of the per-document contributions
// (M and V). Ingest adds a contribution; DeleteDocument removes the
// document's contributions and recomputes each touched record from the
// others, so a deletion is exactly the graph without that document, and an
// entity or relation with no contribution left is deleted. Evidence
// sentences are cut from the stored document text at read time.
//
// # Resolution on write
//
// An entity of a new document joins a stored node when names and types
// agree (resolve.go). Names are compared by canonical key
// (graph.CanonicalKey: case, punctuation, accents of Latin letters,
// "&"/"and", a leading "the", legal forms), the key of the alias index, so
// "Sony Corp." finds "Sony", "Jose" finds "José", and every lookup is one
// index read:
//
//   - a name pinned by an earlier merge joins the survivor, whatever the type;
//   - a multi-word name or alias whose key a stored node of a compatible
//     type carries joins it: the key and the type decide (MISC may meet
//     EVENT or INITIATIVE). Other nodes of that type named by the same key
//     are duplicates (a store of an older format made them) and are merged
//     into it, remembered as a merge. Without one of a compatible type, a
//     node of a near type whose name has the key joins (organisations,
//     places, nationalities, MISC, events: "Labour" the party and the
//     voters are one node), the one most documents gave;
//   - a one-word name (a surname, an acronym) joins when exactly one
//     compatible node carries it — for people, every person whose full name
//     ends with it counts — and not when both sides have full names that
//     disagree: "Mary Smith" never joins "John Smith";
//   - a one-word name that several nodes carry joins the node whose whole
//     name it is, else the one that carries it as a name of its own and
//     not as a word of a longer name ("Fed" of the Federal Reserve, not of
//     "New York Fed"), else the one the document's context supports (a node
//     the document's other entities already resolved to, one of its full
//     names in the title or text, relations to the document's other
//     entities; ambiguous names are resolved last, after the rest of the
//     document), else none: the entity is left out of the document's graph
//     (its decision is "none:ambiguous:NAME") — never a new node that
//     copies the name, which is how one ambiguity used to breed the next;
//   - an acronym joins its expansion by definition: a document that writes
//     "Maritime Safety Directorate (MSD)" gives the node both names, and
//     later bare "MSD" finds it (initials alone join nothing: "BBC" also
//     spells the Bank of British Columbia);
//   - an entity named by descriptions only ("the Senate") is left out
//     ("none:description"): which senate, its document's extraction says;
//   - otherwise a new node.
//
// Each decision is kept in the entity's "matchedBy" attribute (for example
// "new; alias:romanova"). A node keeps its type votes (documents per type)
// and the support of each form (documents that used it, and chose it as
// the name): its type is the type most documents gave, MISC losing to any
// other, and its canonical name the most frequent full proper form — forms
// are grouped by canonical key, a key some document chose as the name
// wins, a multi-word one over a one-word one, then the one most documents
// chose; both change as evidence accrues and return when it is deleted.
// The other forms are aliases; a form of an organisation or place that is
// a proper part of its own longer name ("Fed" of "New York Fed") is not
// kept as its alias when another node carries it as a name of its own. MergeEntities moves
// everything of the merged entities to the survivor and remembers the
// decision (G and Z keys); so do the duplicate merges of resolution, which
// stay when the document that triggered them is deleted (they join what
// the rules make one node anyway).
//
// # Transactions
//
// Writers are serialised; each document, deletion or merge is computed in
// memory against a snapshot and committed in one Badger transaction, so
// readers see whole documents. IngestBatch puts several documents in one
// transaction: each is flushed into the transaction's changes before the
// next is resolved, exactly as if it had been committed, so a batch stores
// what ingesting its documents one by one would (a key they share, like
// the stats or a hub's record, is written once). When Badger reports the transaction too big,
// the change is committed in chunks while readers are held off, each chunk
// journaling the before-images of its keys; Open rolls back a split commit
// that a crash interrupted. Badger's settings are in options.go.
//
// # Read views
//
// Each method of DB's graph.Reader takes its own snapshot, so two calls may
// read two versions of the graph. DB.View hands out a graph.Reader bound to
// ONE Badger read transaction (view.go): every call on it, from any
// goroutine, reads the same version until the view is released (by its
// release function or when its context ends), so the resolvers of one
// GraphQL request never see an entity whose relations a concurrent
// deletion has already removed. The transaction is discarded when the view
// is released and its last call has returned; Close waits for open views.
//
//	view, release := db.View(ctx)
//	defer release()
//	e, err := view.Entity(ctx, id) // and Relations, Evidence, … of the same version
//
// # Streaming reads
//
// DB.Snapshot hands out one Badger read transaction as a Snapshot whose
// Documents, Entities and Relations stream every item to a callback in key
// order: an export of several passes reads one version of the graph while
// writes go on, in constant memory. DB.Version (Badger's latest commit
// version) names that version for HTTP validators; BadgerMetrics exposes
// Badger's expvar metrics for Prometheus.
package store
