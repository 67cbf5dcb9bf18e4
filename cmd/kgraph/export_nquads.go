package main

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// RDF names of the nquads export. IRIs are URNs made of the store's IDs,
// so an entity keeps its IRI from one export of a store to the next:
//
//	urn:kgraph:entity:ID          an entity (rdf:type urn:kgraph:vocab:Entity)
//	urn:kgraph:relation:ID        a relation as a resource, with its source,
//	                              target, type, confidence and attributes
//	urn:kgraph:document:ID        a document (percent-encoded ID)
//	urn:kgraph:vocab:NAME         properties, classes and one predicate per
//	                              relation type (urn:kgraph:vocab:WORKS_FOR)
//
// Every quad is in the graph urn:kgraph:graph.
const (
	iriEntity   = "urn:kgraph:entity:"
	iriRelation = "urn:kgraph:relation:"
	iriDocument = "urn:kgraph:document:"
	iriVocab    = "urn:kgraph:vocab:"
	iriGraph    = "<urn:kgraph:graph>"
	rdfType     = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
	xsd         = "http://www.w3.org/2001/XMLSchema#"
)

// iriEscape percent-encodes everything but unreserved characters and ':',
// so that any ID makes a valid IRI.
func iriEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func iri(prefix, id string) string { return "<" + prefix + iriEscape(id) + ">" }
func vocab(name string) string     { return "<" + iriVocab + name + ">" }

// literal is an N-Quads string literal, with the optional datatype (an
// xsd local name).
func literal(s, datatype string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	if datatype != "" {
		b.WriteString("^^<" + xsd + datatype + ">")
	}
	return b.String()
}

// exportNQuads writes graph.nq and dgraph.schema (the predicate types and
// indexes for Dgraph's live and bulk loaders, which take the IRIs of the
// subjects as external IDs).
func exportNQuads(x *exportRun) error {
	entCols, relCols, err := x.attributeColumns()
	if err != nil {
		return err
	}
	out, err := x.file("graph.nq")
	if err != nil {
		return err
	}
	if out != nil {
		w := bufio.NewWriterSize(out, 1<<16)
		quad := func(s, p, o string) {
			w.WriteString(s)
			w.WriteByte(' ')
			w.WriteString(p)
			w.WriteByte(' ')
			w.WriteString(o)
			w.WriteString(" " + iriGraph + " .\n")
		}
		err := x.snap.Documents(false, func(d *graph.Document) error {
			s := iri(iriDocument, d.ID)
			quad(s, rdfType, vocab("Document"))
			if d.Title != "" {
				quad(s, vocab("title"), literal(d.Title, ""))
			}
			if d.Date != "" {
				quad(s, vocab("date"), literal(d.Date, "date"))
			}
			if d.Source != "" {
				quad(s, vocab("sourceName"), literal(d.Source, ""))
			}
			if d.URL != "" {
				quad(s, vocab("url"), literal(d.URL, ""))
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = x.snap.Entities(x.evidence, func(e *graph.Entity) error {
			s := iri(iriEntity, e.ID)
			quad(s, rdfType, vocab("Entity"))
			quad(s, vocab("name"), literal(e.Name, ""))
			quad(s, vocab("type"), literal(string(e.Type), ""))
			for _, a := range e.Aliases {
				quad(s, vocab("alias"), literal(a, ""))
			}
			quad(s, vocab("mentionCount"), literal(strconv.Itoa(e.MentionCount), "integer"))
			quad(s, vocab("degree"), literal(strconv.Itoa(e.Degree), "integer"))
			for _, c := range entCols {
				if v, ok := e.Attributes[c.key]; ok {
					quad(s, vocab("attr_"+c.name), literal(v, ""))
				}
			}
			if x.evidence {
				seen := map[string]bool{}
				for _, m := range e.Mentions {
					if !seen[m.Document] {
						seen[m.Document] = true
						quad(s, vocab("mentionedIn"), iri(iriDocument, m.Document))
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		n := 0
		err = x.snap.Relations(x.evidence, func(r *graph.Relation) error {
			src, dst := iri(iriEntity, r.Source), iri(iriEntity, r.Target)
			quad(src, vocab(string(r.Type)), dst)
			s := iri(iriRelation, r.ID)
			quad(s, rdfType, vocab("Relation"))
			quad(s, vocab("source"), src)
			quad(s, vocab("target"), dst)
			quad(s, vocab("relationType"), literal(string(r.Type), ""))
			quad(s, vocab("confidence"), literal(strconv.FormatFloat(r.Confidence, 'g', -1, 64), "double"))
			quad(s, vocab("evidenceCount"), literal(strconv.Itoa(r.Count), "integer"))
			for _, c := range relCols {
				if v, ok := r.Attributes[c.key]; ok {
					quad(s, vocab("attr_"+c.name), literal(v, ""))
				}
			}
			for _, ev := range r.Evidence {
				n++
				b := "_:ev" + strconv.Itoa(n)
				quad(s, vocab("evidence"), b)
				quad(b, vocab("document"), iri(iriDocument, ev.Document))
				quad(b, vocab("sentence"), literal(ev.Sentence, ""))
				quad(b, vocab("start"), literal(strconv.Itoa(ev.Start), "integer"))
				quad(b, vocab("end"), literal(strconv.Itoa(ev.End), "integer"))
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	sch, err := x.file("dgraph.schema")
	if sch == nil || err != nil {
		return err
	}
	w := bufio.NewWriter(sch)
	fmt.Fprintln(w, "# Dgraph schema for kgraph's N-Quads export (graph.nq).")
	fmt.Fprintln(w, "#   dgraph live --files graph.nq --schema dgraph.schema")
	lines := []string{
		rdfType + ": [uid] @reverse .",
		vocab("name") + ": string @index(exact, term, trigram) .",
		vocab("alias") + ": [string] @index(exact, term) .",
		vocab("type") + ": string @index(exact) .",
		vocab("mentionCount") + ": int @index(int) .",
		vocab("degree") + ": int @index(int) .",
		vocab("mentionedIn") + ": [uid] @reverse .",
		vocab("source") + ": uid @reverse .",
		vocab("target") + ": uid @reverse .",
		vocab("relationType") + ": string @index(exact) .",
		vocab("confidence") + ": float @index(float) .",
		vocab("evidenceCount") + ": int .",
		vocab("evidence") + ": [uid] .",
		vocab("document") + ": uid @reverse .",
		vocab("sentence") + ": string .",
		vocab("start") + ": int .",
		vocab("end") + ": int .",
		vocab("title") + ": string @index(term) .",
		vocab("date") + ": datetime @index(day) .",
		vocab("sourceName") + ": string @index(exact) .",
		vocab("url") + ": string .",
	}
	for _, t := range graph.RelationTypes {
		lines = append(lines, vocab(string(t.Type))+": [uid] @reverse .")
	}
	seen := map[string]bool{}
	for _, c := range append(append([]exportAttr{}, entCols...), relCols...) {
		if !seen[c.name] {
			seen[c.name] = true
			lines = append(lines, vocab("attr_"+c.name)+": string .")
		}
	}
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return w.Flush()
}
