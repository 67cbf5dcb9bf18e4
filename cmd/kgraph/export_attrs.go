package main

import (
	"encoding/json"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// exportAttr is one attribute column of a graph format: the attribute key
// in the store and the column (or key, or property) name it gets.
type exportAttr struct {
	key, name string
}

// fixedColumns are the names the formats use for their own fields; an
// attribute with one of these names is exported as "attr_" + name.
var fixedColumns = map[string]bool{
	"id": true, "label": true, "name": true, "type": true, "aliases": true,
	"mentionCount": true, "degree": true, "mentions": true, "source": true,
	"target": true, "confidence": true, "evidenceCount": true, "evidence": true,
	"kind": false, "interaction": true, "weight": true,
}

// columnName makes an attribute key safe as a column name in every format
// (letters, digits and underscores: Neo4j header fields, XML attribute
// values, RDF IRIs).
func columnName(key string) string {
	var b strings.Builder
	for _, r := range key {
		if r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	name := b.String()
	if name == "" || fixedColumns[name] || name[0] >= '0' && name[0] <= '9' {
		name = "attr_" + name
	}
	return name
}

// attributeColumns reads the attribute keys of every entity and every
// relation in the snapshot (an extra pass each; only the set of keys is
// kept) and returns them in order with their column names.
func (x *exportRun) attributeColumns() (ent, rel []exportAttr, err error) {
	ek, rk := map[string]bool{}, map[string]bool{}
	if err := x.snap.Entities(false, func(e *graph.Entity) error {
		for k := range e.Attributes {
			ek[k] = true
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	if err := x.snap.Relations(false, func(r *graph.Relation) error {
		for k := range r.Attributes {
			rk[k] = true
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	cols := func(keys map[string]bool) []exportAttr {
		var out []exportAttr
		used := map[string]bool{}
		for _, k := range sortedKeys(keys) {
			name := columnName(k)
			for used[name] {
				name += "_"
			}
			used[name] = true
			out = append(out, exportAttr{k, name})
		}
		return out
	}
	return cols(ek), cols(rk), nil
}

// jsonText is v as compact JSON text (evidence lists inside formats whose
// values are strings).
func jsonText(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// mentionList and evidenceList are the evidence of the graph formats, as
// JSON: the document, offsets and text of every mention or sentence.
func mentionList(e *graph.Entity) string {
	if e.Mentions == nil {
		return "[]"
	}
	return jsonText(e.Mentions)
}

func evidenceList(r *graph.Relation) string {
	if r.Evidence == nil {
		return "[]"
	}
	return jsonText(r.Evidence)
}
