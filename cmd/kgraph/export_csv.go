package main

import (
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// exportCSV writes nodes.csv and relationships.csv with the header
// conventions of neo4j-admin import, which pandas also reads as they are:
//
//	nodes.csv          id:ID, :LABEL ("Entity;PERSON"), name, type,
//	                   aliases:string[] (";"-separated), mentionCount:int,
//	                   degree:int, one string column per attribute
//	                   [, mentions (JSON text)]
//	relationships.csv  :START_ID, :END_ID, :TYPE, id, confidence:float,
//	                   evidenceCount:int, one string column per attribute
//	                   [, evidence (JSON text)]
//
// A ";" inside an alias becomes ",", since ";" separates array items.
func exportCSV(x *exportRun) error {
	nodes, err := x.file("nodes.csv")
	if err != nil {
		return err
	}
	var entCols, relCols []exportAttr
	if entCols, relCols, err = x.attributeColumns(); err != nil {
		return err
	}
	if nodes != nil {
		cw := csv.NewWriter(nodes)
		header := []string{"id:ID", ":LABEL", "name", "type", "aliases:string[]", "mentionCount:int", "degree:int"}
		for _, c := range entCols {
			header = append(header, c.name)
		}
		if x.evidence {
			header = append(header, "mentions")
		}
		if err := cw.Write(header); err != nil {
			return err
		}
		err = x.snap.Entities(x.evidence, func(e *graph.Entity) error {
			aliases := make([]string, len(e.Aliases))
			for i, a := range e.Aliases {
				aliases[i] = strings.ReplaceAll(a, ";", ",")
			}
			row := []string{e.ID, "Entity;" + string(e.Type), e.Name, string(e.Type), strings.Join(aliases, ";"),
				strconv.Itoa(e.MentionCount), strconv.Itoa(e.Degree)}
			for _, c := range entCols {
				row = append(row, e.Attributes[c.key])
			}
			if x.evidence {
				row = append(row, mentionList(e))
			}
			return cw.Write(row)
		})
		if err != nil {
			return err
		}
		if cw.Flush(); cw.Error() != nil {
			return cw.Error()
		}
	}
	rels, err := x.file("relationships.csv")
	if rels == nil || err != nil {
		return err
	}
	cw := csv.NewWriter(rels)
	header := []string{":START_ID", ":END_ID", ":TYPE", "id", "confidence:float", "evidenceCount:int"}
	for _, c := range relCols {
		header = append(header, c.name)
	}
	if x.evidence {
		header = append(header, "evidence")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	err = x.snap.Relations(x.evidence, func(r *graph.Relation) error {
		row := []string{r.Source, r.Target, string(r.Type), r.ID,
			strconv.FormatFloat(r.Confidence, 'g', -1, 64), strconv.Itoa(r.Count)}
		for _, c := range relCols {
			row = append(row, r.Attributes[c.key])
		}
		if x.evidence {
			row = append(row, evidenceList(r))
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
