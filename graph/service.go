package graph

import "context"

// Page size bounds shared by every list.
const (
	DefaultPageSize = 20
	MaxPageSize     = 1000
)

// PageRequest asks for First items after the opaque cursor After ("" for the
// start). Stores validate First against MaxPageSize.
type PageRequest struct {
	First int
	After string
}

// Page is one page of a list: the items, the opaque cursor of each item, and
// whether more follow. Total counts the whole list.
type Page[T any] struct {
	Items   []T
	Cursors []string
	HasNext bool
	Total   int
}

// EntityOrder orders entity lists.
type EntityOrder string

// Entity orders.
const (
	ByMentions EntityOrder = "MENTIONS" // most mentioned first
	ByDegree   EntityOrder = "DEGREE"   // most connected first
	ByName     EntityOrder = "NAME"     // alphabetical
)

// EntityFilter selects entities for Entities. An empty Type means all types.
type EntityFilter struct {
	Type  EntityType
	Order EntityOrder
	PageRequest
}

// SearchQuery is a ranked, token-based name search, blind to case and to
// the accents of Latin letters (NameTokens): exact names and aliases
// first, then token and prefix matches, then fuzzy (small edit distance)
// matches.
type SearchQuery struct {
	Query string
	Types []EntityType // empty: all
	PageRequest
}

// Direction selects edges relative to an entity.
type Direction string

// Directions.
const (
	Out  Direction = "OUT"
	In   Direction = "IN"
	Both Direction = "BOTH"
)

// RelationFilter selects relations. With Entity set, only that entity's
// relations in Direction (default Both); Types empty means all types.
type RelationFilter struct {
	Entity    string
	Direction Direction
	Types     []RelationType
	// MinConfidence keeps only relations whose confidence is at least
	// this (0: all).
	MinConfidence float64
	PageRequest
}

// DocumentFilter selects documents by date (inclusive, YYYY-MM-DD; empty
// means unbounded), newest first.
type DocumentFilter struct {
	From, To string
	PageRequest
}

// Subgraph is a set of nodes and the edges between them.
type Subgraph struct {
	Nodes     []*Entity
	Edges     []*Relation
	Truncated bool // the node limit cut the expansion short
}

// Path is a shortest path: Nodes[i] and Nodes[i+1] are joined by Edges[i].
type Path struct {
	Nodes []*Entity
	Edges []*Relation
}

// Stats are whole-store counts.
type Stats struct {
	Documents     int
	Entities      int
	Relations     int
	Mentions      int
	Evidence      int
	EntityTypes   map[EntityType]int
	RelationTypes map[RelationType]int
	StoreBytes    int64 // on-disk size (LSM + value log)
}

// Reader answers queries over a stored graph. Methods return an *Error with
// code ENOTFOUND for a missing id (single-item getters return nil, nil
// instead, so GraphQL can answer null), EINVALID for bad arguments.
// Entities returned by list methods carry no Mentions; use Mentions.
// What a Reader returns may be shared with other callers (a store keeps
// decoded records between requests): treat it as read-only.
type Reader interface {
	Entity(ctx context.Context, id string) (*Entity, error)
	// EntitiesByID fetches many entities in one pass; missing ids give nil
	// slots, so the result lines up with ids.
	EntitiesByID(ctx context.Context, ids []string) ([]*Entity, error)
	// EntityByName matches the canonical name or any alias by CanonicalKey
	// (case, punctuation, accents, legal forms); typ "" matches any type.
	// Most-mentioned wins a tie.
	EntityByName(ctx context.Context, name string, typ EntityType) (*Entity, error)
	Search(ctx context.Context, q SearchQuery) (Page[*Entity], error)
	Entities(ctx context.Context, f EntityFilter) (Page[*Entity], error)
	Relations(ctx context.Context, f RelationFilter) (Page[*Relation], error)
	Relation(ctx context.Context, id string) (*Relation, error)
	// Evidence lists up to limit evidence sentences for a relation, newest
	// document first.
	Evidence(ctx context.Context, relationID string, limit int) ([]Evidence, error)
	Mentions(ctx context.Context, entityID string, p PageRequest) (Page[Mention], error)
	Document(ctx context.Context, id string) (*Document, error)
	DocumentsByID(ctx context.Context, ids []string) ([]*Document, error)
	Documents(ctx context.Context, f DocumentFilter) (Page[*Document], error)
	// Subgraph expands ids by hops (breadth first) up to limit nodes.
	Subgraph(ctx context.Context, ids []string, hops, limit int) (*Subgraph, error)
	// ShortestPath ignores edge direction; nil when none within maxHops.
	ShortestPath(ctx context.Context, from, to string, maxHops int) (*Path, error)
	Stats(ctx context.Context) (Stats, error)
}

// IngestStatus says what an ingest did with a document.
type IngestStatus string

// Ingest statuses.
const (
	Ingested  IngestStatus = "NEW"
	Unchanged IngestStatus = "UNCHANGED" // same content hash already stored: nothing written
)

// IngestResult reports one ingested document.
type IngestResult struct {
	DocumentID  string
	Status      IngestStatus
	Entities    int // entities of the extraction
	Relations   int // relations of the extraction
	NewEntities int // nodes created (the rest joined existing ones)
}

// Writer changes a stored graph. Each call is atomic: a document is either
// wholly stored or not at all.
type Writer interface {
	// Ingest merges an extraction: resolves its entities against stored
	// ones, adds mentions, relations and evidence. Re-ingesting a document
	// with the same content hash is a no-op reported as Unchanged.
	Ingest(ctx context.Context, x *Extraction) (IngestResult, error)
	// DeleteDocument retracts exactly what the document contributed;
	// entities and relations left without support disappear. ENOTFOUND when
	// the document is unknown.
	DeleteDocument(ctx context.Context, id string) error
	// MergeEntities folds from into into (aliases, mentions, relations) and
	// remembers the decision so that later documents follow it.
	MergeEntities(ctx context.Context, into string, from []string) (*Entity, error)
}

// Exporter streams a whole stored graph for export formats: documents,
// entities with all their Mentions, relations with all their Evidence, each
// in a stable order.
type Exporter interface {
	ExportDocuments(ctx context.Context, fn func(*Document) error) error
	ExportEntities(ctx context.Context, fn func(*Entity) error) error
	ExportRelations(ctx context.Context, fn func(*Relation) error) error
}

// Viewer hands out Readers bound to one version of the graph: every call
// on the returned Reader sees the same snapshot, whatever is written
// meanwhile, until release is called. A request whose fields are resolved
// by several calls (and goroutines) uses one view so that they agree.
type Viewer interface {
	View(ctx context.Context) (r Reader, release func())
}
