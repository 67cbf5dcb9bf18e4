package main

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/kgraph/kgraph/graph"
)

// exportCyJS writes Cytoscape.js elements JSON, which Cytoscape.js takes
// as its elements option and Cytoscape desktop imports as .cyjs: every
// node and edge is {"data": {...}} with id (and source, target for edges),
// the entity's name, type, aliases (an array), mentionCount and degree, or
// the relation's type (also as "interaction", Cytoscape desktop's edge
// label), confidence and evidenceCount, then the attributes by column
// name; with evidence, "mentions" and "evidence" arrays.
func exportCyJS(x *exportRun) error {
	out, err := x.file("graph.cyjs")
	if out == nil || err != nil {
		return err
	}
	entCols, relCols, err := x.attributeColumns()
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out, 1<<15)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	element := func(first *bool, data map[string]any) error {
		if !*first {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		*first = false
		return enc.Encode(map[string]any{"data": data})
	}
	if _, err := io.WriteString(w, `{"format_version":"1.0","generated_by":"kgraph `+version+`","target_cytoscapejs_version":"~3","data":{"name":"kgraph"},"elements":{"nodes":[`); err != nil {
		return err
	}
	first := true
	err = x.snap.Entities(x.evidence, func(e *graph.Entity) error {
		d := map[string]any{"id": e.ID, "name": e.Name, "type": e.Type, "aliases": e.Aliases,
			"mentionCount": e.MentionCount, "degree": e.Degree}
		for _, c := range entCols {
			if v, ok := e.Attributes[c.key]; ok {
				d[c.name] = v
			}
		}
		if x.evidence {
			d["mentions"] = nonNil(e.Mentions)
		}
		return element(&first, d)
	})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, `],"edges":[`); err != nil {
		return err
	}
	first = true
	err = x.snap.Relations(x.evidence, func(r *graph.Relation) error {
		d := map[string]any{"id": r.ID, "source": r.Source, "target": r.Target, "type": r.Type,
			"interaction": r.Type, "confidence": r.Confidence, "evidenceCount": r.Count}
		for _, c := range relCols {
			if v, ok := r.Attributes[c.key]; ok {
				d[c.name] = v
			}
		}
		if x.evidence {
			d["evidence"] = nonNil(r.Evidence)
		}
		return element(&first, d)
	})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "]}}\n"); err != nil {
		return err
	}
	return w.Flush()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
