package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// TestEntityRelationsPagedWithConfidence pages one entity's relations a
// few at a time, in each direction and with a confidence floor, and checks
// each walk against the whole list filtered by hand: same relations, in
// order, no repeats, and the total on every page.
func TestEntityRelationsPagedWithConfidence(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	var b strings.Builder
	ents := []graph.Entity{ent("hub", graph.Organization, "Halvard Group")}
	var rels []graph.Relation
	for i := range 9 {
		name := fmt.Sprintf("Person%c Lindqvist", 'A'+i)
		id := fmt.Sprintf("p%d", i)
		fmt.Fprintf(&b, "%s works for Halvard Group. ", name)
		ents = append(ents, ent(id, graph.Person, name))
		r := rel(id, graph.WorksFor, "hub")
		if i%3 == 0 {
			r = rel("hub", graph.MetWith, id)
		}
		r.Confidence = 0.1 * float64(i+1)
		rels = append(rels, r)
	}
	mustIngest(t, db, extraction(t, "d1", "2024-01-02", b.String(), ents, rels), graph.Ingested)
	hub := mustByName(t, db, "Halvard Group", graph.Organization)

	for _, dir := range []graph.Direction{graph.Both, graph.Out, graph.In} {
		all, err := db.Relations(ctx, graph.RelationFilter{Entity: hub.ID, Direction: dir, PageRequest: graph.PageRequest{First: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, floor := range []float64{0, 0.35, 0.75} {
			var want []string
			for _, r := range all.Items {
				if r.Confidence >= floor-1e-9 {
					want = append(want, r.ID)
				}
			}
			var got []string
			after := ""
			for range 20 {
				p, err := db.Relations(ctx, graph.RelationFilter{Entity: hub.ID, Direction: dir, MinConfidence: floor,
					PageRequest: graph.PageRequest{First: 2, After: after}})
				if err != nil {
					t.Fatalf("%s floor %.2f: %v", dir, floor, err)
				}
				if p.Total != len(want) {
					t.Errorf("%s floor %.2f: total %d, want %d", dir, floor, p.Total, len(want))
				}
				for _, r := range p.Items {
					got = append(got, r.ID)
				}
				if !p.HasNext {
					break
				}
				after = p.Cursors[len(p.Cursors)-1]
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s floor %.2f: paged %v, want %v", dir, floor, got, want)
			}
		}
	}
}
