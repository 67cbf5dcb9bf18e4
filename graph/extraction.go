package graph

// Extraction is what the loader makes of one document and what a store
// ingests: the document, its entities (with local IDs and their mentions)
// and the relations between them (Source and Target are those local IDs),
// each with evidence in this document.
//
// Its JSON form is the document graph contract of kgraph extract.
type Extraction struct {
	Document  Document   `json:"document"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
}
