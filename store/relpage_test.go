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
// order, no repeats, and the total on every page; also by type, and
// through views, which read the lists from the read cache.
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
		switch i % 3 {
		case 0:
			r = rel("hub", graph.MetWith, id)
		case 1:
			r = rel(id, graph.MemberOf, "hub")
		}
		r.Confidence = 0.1 * float64(i+1)
		rels = append(rels, r)
	}
	mustIngest(t, db, extraction(t, "d1", "2024-01-02", b.String(), ents, rels), graph.Ingested)
	hub := mustByName(t, db, "Halvard Group", graph.Organization)

	// The DB's own reader scans the lists; a view's reads them whole from
	// its read cache once they are there (the second view's walk).
	view, release := db.View(ctx)
	defer release()
	view2, release2 := db.View(ctx)
	defer release2()
	readers := []struct {
		name string
		r    graph.Reader
	}{{"db", db}, {"view", view}, {"view again", view2}}
	typeSets := [][]graph.RelationType{nil, {graph.WorksFor}, {graph.MetWith, graph.WorksFor}}
	for _, dir := range []graph.Direction{graph.Both, graph.Out, graph.In} {
		all, err := db.Relations(ctx, graph.RelationFilter{Entity: hub.ID, Direction: dir, PageRequest: graph.PageRequest{First: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, rd := range readers {
			for _, types := range typeSets {
				for _, floor := range []float64{0, 0.35, 0.75} {
					what := fmt.Sprintf("%s %s types %v floor %.2f", rd.name, dir, types, floor)
					var want []string
					for _, r := range all.Items {
						if r.Confidence >= floor-1e-9 && (types == nil || slices.Contains(types, r.Type)) {
							want = append(want, r.ID)
						}
					}
					got := walkRelations(t, rd.r, graph.RelationFilter{Entity: hub.ID, Direction: dir, Types: types, MinConfidence: floor}, len(want), what)
					if !slices.Equal(got, want) {
						t.Errorf("%s: paged %v, want %v", what, got, want)
					}
				}
			}
		}
	}
	if st := db.ReadCacheStats(); st.Hits == 0 {
		t.Fatalf("the views' walks never read the cache: %+v", st)
	}
}

// walkRelations pages through f two at a time and returns the relation
// ids in order, checking the total of every page.
func walkRelations(t *testing.T, r graph.Reader, f graph.RelationFilter, total int, what string) []string {
	t.Helper()
	var got []string
	for range 20 {
		f.First = 2
		p, err := r.Relations(context.Background(), f)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if p.Total != total {
			t.Errorf("%s: total %d, want %d", what, p.Total, total)
		}
		for _, rel := range p.Items {
			got = append(got, rel.ID)
		}
		if !p.HasNext {
			break
		}
		f.After = p.Cursors[len(p.Cursors)-1]
	}
	return got
}
