package main

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// xmlWriter writes XML text with escaping, remembering the first error.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: bufio.NewWriterSize(w, 1<<15)} }

func (x *xmlWriter) raw(s ...string) {
	for _, p := range s {
		if x.err == nil {
			_, x.err = x.w.WriteString(p)
		}
	}
}

// text writes s escaped for element content and attribute values; XML
// 1.0 cannot carry some control characters, which become U+FFFD.
func (x *xmlWriter) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

func (x *xmlWriter) flush() error {
	if x.err == nil {
		x.err = x.w.Flush()
	}
	return x.err
}

// graphmlKey is one <key> of the GraphML file.
type graphmlKey struct {
	id, domain, name, typ string
}

// exportGraphML writes GraphML (graphml.graphdrawing.org) with typed keys:
// nodes carry label, name, type, aliases ("; "-separated), mentionCount,
// degree and one key per attribute; edges carry label and type (the
// relation type), confidence, evidenceCount and one key per attribute.
// With evidence, nodes get "mentions" and edges "evidence" as JSON text.
func exportGraphML(x *exportRun) error {
	w, err := x.file("graph.graphml")
	if w == nil || err != nil {
		return err
	}
	entCols, relCols, err := x.attributeColumns()
	if err != nil {
		return err
	}
	keys := []graphmlKey{
		{"n_label", "node", "label", "string"},
		{"n_name", "node", "name", "string"},
		{"n_type", "node", "type", "string"},
		{"n_aliases", "node", "aliases", "string"},
		{"n_mentionCount", "node", "mentionCount", "int"},
		{"n_degree", "node", "degree", "int"},
	}
	for i, c := range entCols {
		keys = append(keys, graphmlKey{"na" + strconv.Itoa(i), "node", c.name, "string"})
	}
	if x.evidence {
		keys = append(keys, graphmlKey{"n_mentions", "node", "mentions", "string"})
	}
	keys = append(keys,
		graphmlKey{"e_label", "edge", "label", "string"},
		graphmlKey{"e_type", "edge", "type", "string"},
		graphmlKey{"e_confidence", "edge", "confidence", "double"},
		graphmlKey{"e_evidenceCount", "edge", "evidenceCount", "int"},
	)
	for i, c := range relCols {
		keys = append(keys, graphmlKey{"ea" + strconv.Itoa(i), "edge", c.name, "string"})
	}
	if x.evidence {
		keys = append(keys, graphmlKey{"e_evidence", "edge", "evidence", "string"})
	}

	xw := newXMLWriter(w)
	xw.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n",
		`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`, "\n")
	for _, k := range keys {
		xw.raw(`  <key id="`, k.id, `" for="`, k.domain, `" attr.name="`, k.name, `" attr.type="`, k.typ, `"/>`, "\n")
	}
	xw.raw(`  <graph id="kgraph" edgedefault="directed">`, "\n")
	data := func(key, value string) {
		xw.raw(`      <data key="`, key, `">`)
		xw.text(value)
		xw.raw("</data>\n")
	}
	err = x.snap.Entities(x.evidence, func(e *graph.Entity) error {
		xw.raw(`    <node id="`)
		xw.text(e.ID)
		xw.raw("\">\n")
		data("n_label", e.Name)
		data("n_name", e.Name)
		data("n_type", string(e.Type))
		data("n_aliases", strings.Join(e.Aliases, "; "))
		data("n_mentionCount", strconv.Itoa(e.MentionCount))
		data("n_degree", strconv.Itoa(e.Degree))
		for i, c := range entCols {
			if v, ok := e.Attributes[c.key]; ok {
				data("na"+strconv.Itoa(i), v)
			}
		}
		if x.evidence {
			data("n_mentions", mentionList(e))
		}
		xw.raw("    </node>\n")
		return xw.err
	})
	if err != nil {
		return err
	}
	err = x.snap.Relations(x.evidence, func(r *graph.Relation) error {
		xw.raw(`    <edge id="`)
		xw.text(r.ID)
		xw.raw(`" source="`)
		xw.text(r.Source)
		xw.raw(`" target="`)
		xw.text(r.Target)
		xw.raw("\">\n")
		data("e_label", string(r.Type))
		data("e_type", string(r.Type))
		data("e_confidence", strconv.FormatFloat(r.Confidence, 'g', -1, 64))
		data("e_evidenceCount", strconv.Itoa(r.Count))
		for i, c := range relCols {
			if v, ok := r.Attributes[c.key]; ok {
				data("ea"+strconv.Itoa(i), v)
			}
		}
		if x.evidence {
			data("e_evidence", evidenceList(r))
		}
		xw.raw("    </edge>\n")
		return xw.err
	})
	if err != nil {
		return err
	}
	xw.raw("  </graph>\n</graphml>\n")
	return xw.flush()
}
