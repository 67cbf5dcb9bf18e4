package graph

// Relation is a directed edge: Source Type Target, with attributes (for
// example title for WORKS_FOR, predicate for RELATED_TO), a confidence in
// [0,1] and the evidence that states it. Symmetric types keep their
// endpoints in canonical order (see Canonical).
type Relation struct {
	ID         string            `json:"id,omitempty"`
	Type       RelationType      `json:"type"`
	Source     string            `json:"source"` // entity ID
	Target     string            `json:"target"` // entity ID
	Attributes map[string]string `json:"attributes"`
	Confidence float64           `json:"confidence"`
	Evidence   []Evidence        `json:"evidence"`

	Count int `json:"-"` // stored: number of evidence sentences over all documents
}

// Evidence is the sentence that states a fact. Start and End are byte
// offsets of the sentence in the document text (End exclusive).
type Evidence struct {
	Document string `json:"document"`
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// Canonical returns r with the endpoints of a symmetric relation ordered so
// that Source <= Target; other relations are returned unchanged.
func (r Relation) Canonical() Relation {
	if r.Type.Symmetric() && r.Target < r.Source {
		r.Source, r.Target = r.Target, r.Source
	}
	return r
}
