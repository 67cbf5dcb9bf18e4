package main

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
)

// TestWeakExamples checks that a pair the patterns relate is labelled with
// their class and the others NONE, and that positiveOnly keeps the first
// alone.
func TestWeakExamples(t *testing.T) {
	docs := []graph.Document{{ID: "w1", Text: "Ann Lee, the chief executive of Norvik Bank, visited Oslo on Monday with Peter Hahn."}}
	all, err := weakExamples(docs, false)
	if err != nil {
		t.Fatal(err)
	}
	pos, err := weakExamples(docs, true)
	if err != nil {
		t.Fatal(err)
	}
	related, none := 0, 0
	for _, e := range all {
		if e.group != -3 || e.fold != -1 {
			t.Errorf("weak pair in group %d, fold %d; want -3 and -1 (trained in every fold, never scored)", e.group, e.fold)
		}
		switch {
		case e.y == 0:
			none++
		case e.rules&(1<<e.y) == 0:
			t.Errorf("pair labelled %s, which the patterns did not give it", relation.Classes[e.y])
		case relation.Classes[e.y] == graph.WorksFor || relation.Classes[e.y] == graph.Leads:
			related++
		}
	}
	if related == 0 || none == 0 {
		t.Fatalf("%d pairs: %d labelled WORKS_FOR or LEADS by the title pattern, %d NONE; want both", len(all), related, none)
	}
	if len(pos) != len(all)-none {
		t.Errorf("positiveOnly kept %d pairs; want the %d related ones", len(pos), len(all)-none)
	}
	for _, e := range pos {
		if e.y == 0 {
			t.Error("positiveOnly kept a NONE pair")
		}
	}
}
