package graph

// Entity is a node: one real-world person, organisation, place, event,
// initiative or other named thing.
//
// In an Extraction, ID is local to that extraction (e.g. "e3") and Mentions
// lists where the document names it. In a store, ID is the store's stable
// identifier and MentionCount and Degree are maintained across documents.
type Entity struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`               // canonical name: the fullest proper name seen
	Type       EntityType        `json:"type"`               // one of EntityTypes
	Aliases    []string          `json:"aliases"`            // other surface forms, without Name
	Attributes map[string]string `json:"attributes"`         // e.g. kind=country; resolution notes
	Mentions   []Mention         `json:"mentions,omitempty"` // in an Extraction: every mention in the document

	MentionCount int `json:"-"` // stored: mentions over all documents
	Degree       int `json:"-"` // stored: number of distinct relations touching the entity
}

// Mention is one place where a document names an entity. Start and End are
// byte offsets into the document text (End exclusive).
type Mention struct {
	Document string `json:"document,omitempty"` // set by the store; empty inside an Extraction
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"-"` // index of the sentence holding the mention, within its document
}

// List attributes: an extraction writes the values of these entity
// attributes as one string, the items joined by ListSeparator ("the
// ministry; the body"). A store counts each item over its documents
// instead of each document's whole list, so that an entity named in
// thousands of documents keeps a bounded set of values.
const (
	AttrDescriptions = "descriptions" // descriptions linked to the entity ("the company")
	AttrLocalNames   = "localNames"   // place names linked to an organisation or event
	AttrResolution   = "resolution"   // for each other name or description, what linked it
	ListSeparator    = "; "
)

// IsListAttribute reports whether key is one of the list attributes.
func IsListAttribute(key string) bool {
	return key == AttrDescriptions || key == AttrLocalNames || key == AttrResolution
}
