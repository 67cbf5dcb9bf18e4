package store_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// checkInvariants compares the counters, the degree of every entity and the
// indexes with what an export of the whole graph shows.
func checkInvariants(t *testing.T, db *store.DB, when string) {
	t.Helper()
	ctx := context.Background()
	docs, ents, rels := exportAll(t, db)
	st := mustStats(t, db)
	want := graph.Stats{Documents: len(docs), Entities: len(ents), Relations: len(rels),
		EntityTypes: map[graph.EntityType]int{}, RelationTypes: map[graph.RelationType]int{}}
	degree := map[string]int{}
	for _, e := range ents {
		want.Mentions += len(e.Mentions)
		want.EntityTypes[e.Type]++
		if len(e.Mentions) != e.MentionCount {
			t.Errorf("%s: %s has %d mentions, MentionCount %d", when, e.ID, len(e.Mentions), e.MentionCount)
		}
	}
	for _, r := range rels {
		want.Evidence += len(r.Evidence)
		want.RelationTypes[r.Type]++
		degree[r.Source]++
		degree[r.Target]++
		if r.Type.Symmetric() && r.Source > r.Target {
			t.Errorf("%s: symmetric %s is not in canonical order", when, r.ID)
		}
	}
	sameStats(t, when, st, want)
	for _, e := range ents {
		if e.Degree != degree[e.ID] {
			t.Errorf("%s: %s (%s) has degree %d, relations say %d", when, e.ID, e.Name, e.Degree, degree[e.ID])
		}
		checkAdjacency(t, db, when, e.ID, rels)
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			got, err := db.EntityByName(ctx, n, e.Type)
			if err != nil || got == nil {
				t.Errorf("%s: name %q of %s is not indexed: %v", when, n, e.ID, err)
			}
		}
		p, err := db.Search(ctx, graph.SearchQuery{Query: e.Name, PageRequest: graph.PageRequest{First: graph.MaxPageSize}})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, it := range p.Items {
			found = found || it.ID == e.ID
		}
		if !found {
			t.Errorf("%s: search %q does not find %s", when, e.Name, e.ID)
		}
	}
	for _, order := range []graph.EntityOrder{graph.ByMentions, graph.ByDegree, graph.ByName} {
		p, err := db.Entities(ctx, graph.EntityFilter{Order: order, PageRequest: graph.PageRequest{First: graph.MaxPageSize}})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != len(ents) || p.Total != len(ents) {
			t.Errorf("%s: order %s lists %d entities (total %d), want %d", when, order, len(p.Items), p.Total, len(ents))
		}
	}
}

// TestRandomOperationsKeepInvariants ingests, deletes and merges at random
// and checks the store against its own export after every step, once with
// the default options and once with a memtable so small that most writes
// are split commits.
func TestRandomOperationsKeepInvariants(t *testing.T) {
	t.Run("default", func(t *testing.T) { randomWalk(t, store.Options{}, 60) })
	t.Run("split commits", func(t *testing.T) {
		if chunks := randomWalk(t, store.Options{MemTableSize: 256 << 10}, 25); chunks == 0 {
			t.Error("no commit was split")
		}
	})
}

// randomWalk runs the walk and returns the number of split-commit chunks.
func randomWalk(t *testing.T, opts store.Options, steps int) int {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 5))
	dir := t.TempDir()
	db := mustOpen(t, dir, opts)
	chunks := 0
	store.SetSplitHook(db, func(int) error { chunks++; return nil })
	docs := corpus(25)
	for _, x := range docs {
		// Smaller documents so that merges and deletions matter more.
		x.Relations = x.Relations[:8]
		for i := range x.Relations {
			if i%3 == 0 {
				x.Relations[i].Type = graph.MetWith
			}
		}
		// Types that disagree across documents (resolution joins near
		// types and the node's type follows the votes) and bare surnames
		// (joined by context, or to no node).
		for i := range x.Entities {
			e := &x.Entities[i]
			switch {
			case i%7 == 3 && e.Type == graph.Organization:
				e.Type = graph.Misc
			case i%7 == 5 && e.Type == graph.Location:
				e.Type = graph.Organization
			case i%9 == 4 && e.Type == graph.Person:
				e.Name, e.Aliases, e.Mentions = e.Aliases[0], nil, e.Mentions[1:]
			}
		}
	}
	stored := map[string]bool{}
	merges, retracted := 0, 0
	for step := range steps {
		switch op := rng.IntN(12); {
		case op >= 10:
			// Ingesting a document and deleting it leaves the graph as it
			// was: names, types, canonical names, counts.
			x := docs[rng.IntN(len(docs))]
			if stored[x.Document.ID] {
				continue
			}
			d1, e1, r1 := exportAll(t, db)
			if _, err := db.Ingest(ctx, x); err != nil {
				t.Fatal(err)
			}
			if err := db.DeleteDocument(ctx, x.Document.ID); err != nil {
				t.Fatal(err)
			}
			d2, e2, r2 := exportAll(t, db)
			if !reflect.DeepEqual(d1, d2) || !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(r1, r2) {
				t.Errorf("step %d: ingesting and deleting %s changed the graph", step, x.Document.ID)
			}
			retracted++
		case op < 6:
			x := docs[rng.IntN(len(docs))]
			if _, err := db.Ingest(ctx, x); err != nil {
				t.Fatal(err)
			}
			stored[x.Document.ID] = true
		case op < 8:
			for id := range stored {
				if err := db.DeleteDocument(ctx, id); err != nil {
					t.Fatal(err)
				}
				delete(stored, id)
				break
			}
		default:
			f := graph.EntityFilter{Type: graph.Person, PageRequest: graph.PageRequest{First: 40}}
			if step%2 == 0 {
				f.Type = "" // across types too
			}
			p, err := db.Entities(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Items) >= 3 {
				a, b, c := p.Items[rng.IntN(len(p.Items))], p.Items[rng.IntN(len(p.Items))], p.Items[rng.IntN(len(p.Items))]
				if _, err := db.MergeEntities(ctx, a.ID, []string{b.ID, c.ID}); err != nil {
					t.Fatal(err)
				}
				merges++
			}
		}
		checkInvariants(t, db, "step "+string(rune('A'+step%26))+string(rune('0'+step/26)))
		if t.Failed() {
			t.Fatalf("stopped at step %d", step)
		}
	}
	if merges == 0 || retracted == 0 {
		t.Errorf("the random walk made %d merges and %d ingest-delete round trips, want some of each", merges, retracted)
	}
	// What the writers' cache believed is what is on disk.
	d1, e1, r1 := exportAll(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = mustOpen(t, dir, opts)
	d2, e2, r2 := exportAll(t, db)
	if !reflect.DeepEqual(d1, d2) || !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(r1, r2) {
		t.Error("the graph differs after reopening")
	}
	for _, x := range docs {
		if stored[x.Document.ID] {
			mustIngest(t, db, x, graph.Unchanged)
		}
	}
	checkInvariants(t, db, "after reopen")
	for id := range stored {
		if err := db.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	zero := graph.Stats{EntityTypes: map[graph.EntityType]int{}, RelationTypes: map[graph.RelationType]int{}}
	sameStats(t, "after deleting everything", mustStats(t, db), zero)
	return chunks
}

// checkAdjacency pages through the relations of entity id, three at a
// time, in every direction and for one type, and compares the items and
// the counted totals with the relations of an export.
func checkAdjacency(t *testing.T, db *store.DB, when, id string, rels []*graph.Relation) {
	t.Helper()
	ctx := context.Background()
	for _, dir := range []graph.Direction{graph.Out, graph.In, graph.Both} {
		for _, typ := range []graph.RelationType{"", graph.WorksFor} {
			want := map[string]int{}
			for _, r := range rels {
				if typ != "" && r.Type != typ {
					continue
				}
				if r.Source == id && dir != graph.In {
					want[r.ID]++
				}
				if r.Target == id && dir != graph.Out {
					want[r.ID]++
				}
			}
			f := graph.RelationFilter{Entity: id, Direction: dir, PageRequest: graph.PageRequest{First: 3}}
			if typ != "" {
				f.Types = []graph.RelationType{typ}
			}
			got := map[string]int{}
			seen := 0
			for {
				p, err := db.Relations(ctx, f)
				if err != nil {
					t.Fatalf("%s: relations of %s %s: %v", when, id, dir, err)
				}
				total := 0
				for _, n := range want {
					total += n
				}
				if p.Total != total {
					t.Errorf("%s: %s %s %q: total %d, the export says %d", when, id, dir, typ, p.Total, total)
				}
				for _, r := range p.Items {
					got[r.ID]++
				}
				seen += len(p.Items)
				if !p.HasNext || seen > total {
					break
				}
				f.After = p.Cursors[len(p.Cursors)-1]
			}
			if !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Errorf("%s: %s %s %q: pages hold %v, the export %v", when, id, dir, typ, got, want)
			}
		}
	}
}
