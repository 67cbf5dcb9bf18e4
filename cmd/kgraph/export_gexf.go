package main

import (
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// exportGEXF writes GEXF 1.2 (gexf.net), Gephi's own format: a static
// directed graph whose nodes have the entity name as label and whose edges
// have the relation type as label and the confidence as weight, with
// declared, typed attributes (the same as GraphML's).
func exportGEXF(x *exportRun) error {
	w, err := x.file("graph.gexf")
	if w == nil || err != nil {
		return err
	}
	entCols, relCols, err := x.attributeColumns()
	if err != nil {
		return err
	}
	type attr struct{ title, typ string }
	nodeAttrs := []attr{{"name", "string"}, {"type", "string"}, {"aliases", "string"}, {"mentionCount", "integer"}, {"degree", "integer"}}
	for _, c := range entCols {
		nodeAttrs = append(nodeAttrs, attr{c.name, "string"})
	}
	if x.evidence {
		nodeAttrs = append(nodeAttrs, attr{"mentions", "string"})
	}
	edgeAttrs := []attr{{"type", "string"}, {"confidence", "double"}, {"evidenceCount", "integer"}}
	for _, c := range relCols {
		edgeAttrs = append(edgeAttrs, attr{c.name, "string"})
	}
	if x.evidence {
		edgeAttrs = append(edgeAttrs, attr{"evidence", "string"})
	}

	xw := newXMLWriter(w)
	xw.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n",
		`<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">`, "\n",
		"  <meta><creator>kgraph ", version, "</creator></meta>\n",
		`  <graph mode="static" defaultedgetype="directed">`, "\n")
	declare := func(class string, attrs []attr) {
		xw.raw(`    <attributes class="`, class, "\">\n")
		for i, a := range attrs {
			xw.raw(`      <attribute id="`, strconv.Itoa(i), `" title="`, a.title, `" type="`, a.typ, "\"/>\n")
		}
		xw.raw("    </attributes>\n")
	}
	declare("node", nodeAttrs)
	declare("edge", edgeAttrs)
	value := func(i int, v string) {
		xw.raw(`        <attvalue for="`, strconv.Itoa(i), `" value="`)
		xw.text(v)
		xw.raw("\"/>\n")
	}

	xw.raw("    <nodes>\n")
	err = x.snap.Entities(x.evidence, func(e *graph.Entity) error {
		xw.raw(`      <node id="`)
		xw.text(e.ID)
		xw.raw(`" label="`)
		xw.text(e.Name)
		xw.raw("\">\n      <attvalues>\n")
		value(0, e.Name)
		value(1, string(e.Type))
		value(2, strings.Join(e.Aliases, "; "))
		value(3, strconv.Itoa(e.MentionCount))
		value(4, strconv.Itoa(e.Degree))
		for i, c := range entCols {
			if v, ok := e.Attributes[c.key]; ok {
				value(5+i, v)
			}
		}
		if x.evidence {
			value(5+len(entCols), mentionList(e))
		}
		xw.raw("      </attvalues>\n      </node>\n")
		return xw.err
	})
	if err != nil {
		return err
	}
	xw.raw("    </nodes>\n    <edges>\n")
	err = x.snap.Relations(x.evidence, func(r *graph.Relation) error {
		xw.raw(`      <edge id="`)
		xw.text(r.ID)
		xw.raw(`" source="`)
		xw.text(r.Source)
		xw.raw(`" target="`)
		xw.text(r.Target)
		xw.raw(`" label="`, string(r.Type), `" weight="`, strconv.FormatFloat(r.Confidence, 'g', -1, 64), "\">\n      <attvalues>\n")
		value(0, string(r.Type))
		value(1, strconv.FormatFloat(r.Confidence, 'g', -1, 64))
		value(2, strconv.Itoa(r.Count))
		for i, c := range relCols {
			if v, ok := r.Attributes[c.key]; ok {
				value(3+i, v)
			}
		}
		if x.evidence {
			value(3+len(relCols), evidenceList(r))
		}
		xw.raw("      </attvalues>\n      </edge>\n")
		return xw.err
	})
	if err != nil {
		return err
	}
	xw.raw("    </edges>\n  </graph>\n</gexf>\n")
	return xw.flush()
}
