package main

import (
	"encoding/json"
	"io"

	"github.com/kgraph/kgraph/graph"
)

// exportJSON streams the store as one JSON object, item by item, so the
// whole graph is never held in memory.
func exportJSON(x *exportRun) error {
	w, err := x.file("graph.json")
	if w == nil || err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	section := func(open string, each func(func(any) error) error) error {
		if _, err := io.WriteString(w, open); err != nil {
			return err
		}
		first := true
		err := each(func(v any) error {
			if !first {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			first = false
			return enc.Encode(v) // Encode ends each item with a newline
		})
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, "]")
		return err
	}
	err = section(`{"documents":[`, func(put func(any) error) error {
		return x.snap.Documents(false, func(d *graph.Document) error { return put(d) })
	})
	if err == nil {
		err = section(`,"entities":[`, func(put func(any) error) error {
			return x.snap.Entities(x.evidence, func(e *graph.Entity) error { return put(e) })
		})
	}
	if err == nil {
		err = section(`,"relations":[`, func(put func(any) error) error {
			return x.snap.Relations(x.evidence, func(r *graph.Relation) error { return put(r) })
		})
	}
	if err == nil {
		_, err = io.WriteString(w, "}\n")
	}
	return err
}

// jsonlDocument, jsonlEntity and jsonlRelation are the lines of the jsonl
// format: the graph package's shapes with a "kind" and the stored counts.
type jsonlDocument struct {
	Kind string `json:"kind"`
	*graph.Document
}

type jsonlEntity struct {
	Kind string `json:"kind"`
	*graph.Entity
	MentionCount int `json:"mentionCount"`
	Degree       int `json:"degree"`
}

type jsonlRelation struct {
	Kind string `json:"kind"`
	*graph.Relation
	EvidenceCount int `json:"evidenceCount"`
}

// exportJSONL writes one JSON object per line: documents, then entities,
// then relations, each with "kind". Without --evidence, entities carry no
// mentions and relations an empty evidence list.
func exportJSONL(x *exportRun) error {
	w, err := x.file("graph.jsonl")
	if w == nil || err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := x.snap.Documents(false, func(d *graph.Document) error {
		return enc.Encode(jsonlDocument{"document", d})
	}); err != nil {
		return err
	}
	if err := x.snap.Entities(x.evidence, func(e *graph.Entity) error {
		return enc.Encode(jsonlEntity{"entity", e, e.MentionCount, e.Degree})
	}); err != nil {
		return err
	}
	return x.snap.Relations(x.evidence, func(r *graph.Relation) error {
		return enc.Encode(jsonlRelation{"relation", r, r.Count})
	})
}
