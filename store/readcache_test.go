package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// heads is what one view says of an entity and of the relations on its
// page: the record fields that later documents change.
type heads struct {
	degree, mentions int
	edges            int            // of its one-hop subgraph
	counts           map[string]int // relation id -> count, from the page
	byID             map[string]int // the same, read one by one
}

func readHeads(t *testing.T, r graph.Reader, id string) heads {
	t.Helper()
	ctx := context.Background()
	e, err := r.Entity(ctx, id)
	if err != nil || e == nil {
		t.Fatalf("entity %s: %v, %v", id, e, err)
	}
	page, err := r.Relations(ctx, graph.RelationFilter{Entity: id})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := r.Subgraph(ctx, []string{id}, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	h := heads{degree: e.Degree, mentions: e.MentionCount, edges: len(sub.Edges), counts: map[string]int{}, byID: map[string]int{}}
	for _, rel := range page.Items {
		h.counts[rel.ID] = rel.Count
		got, err := r.Relation(ctx, rel.ID)
		if err != nil || got == nil {
			t.Fatalf("relation %s: %v, %v", rel.ID, got, err)
		}
		h.byID[rel.ID] = got.Count
		// The endpoints, as a page's source and target are read.
		if es, err := r.EntitiesByID(ctx, []string{rel.Source, rel.Target}); err != nil || es[0] == nil || es[1] == nil {
			t.Fatalf("endpoints of %s: %v, %v", rel.ID, es, err)
		}
	}
	return h
}

func sameHeads(t *testing.T, what string, got, want heads) {
	t.Helper()
	if got.degree != want.degree || got.mentions != want.mentions || got.edges != want.edges || len(got.counts) != len(want.counts) {
		t.Fatalf("%s: degree %d, mentions %d, %d subgraph edges, %d relations; want %d, %d, %d, %d", what,
			got.degree, got.mentions, got.edges, len(got.counts), want.degree, want.mentions, want.edges, len(want.counts))
	}
	for id, n := range want.counts {
		if got.counts[id] != n || got.byID[id] != n {
			t.Fatalf("%s: relation %s counted %d on the page and %d by id, want %d", what, id, got.counts[id], got.byID[id], n)
		}
	}
}

// The readers' record cache never shows a view a record of another
// version: a view taken after a write sees what the write changed in an
// entity and in its relations although the records were cached before,
// and a view taken before it keeps its own version although a later view
// has cached the newer records meanwhile. Every view reads the same
// records twice, so the second reading comes from the cache.
func TestReadCacheKeepsEachViewsVersion(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	romanova := mustByName(t, db, "Natasha Romanova", graph.Person)

	old, releaseOld := db.View(ctx)
	defer releaseOld()
	v1 := readHeads(t, old, romanova.ID)
	sameHeads(t, "old view, read again", readHeads(t, old, romanova.ID), v1)

	// B adds a relation and a mention of Romanova; D states A's
	// relations again, which raises their counts.
	mustIngest(t, db, docB(t), graph.Ingested)
	d := docA(t)
	d.Document.ID, d.Document.Text = "d", textA+" Again."
	mustIngest(t, db, d, graph.Ingested)

	fresh, releaseFresh := db.View(ctx)
	defer releaseFresh()
	v2 := readHeads(t, fresh, romanova.ID)
	if v2.degree != v1.degree+1 || v2.mentions <= v1.mentions || v2.edges != v1.edges+1 {
		t.Fatalf("view after the writes: degree %d, mentions %d, subgraph edges %d; before: %d, %d, %d",
			v2.degree, v2.mentions, v2.edges, v1.degree, v1.mentions, v1.edges)
	}
	for id, n := range v1.counts {
		if v2.counts[id] != n+1 || v2.byID[id] != n+1 {
			t.Fatalf("relation %s: counted %d (page) and %d (by id) after a second document, %d before", id, v2.counts[id], v2.byID[id], n)
		}
	}
	sameHeads(t, "new view, read again", readHeads(t, fresh, romanova.ID), v2)
	sameHeads(t, "old view after the new one cached", readHeads(t, old, romanova.ID), v1)

	if err := db.DeleteDocument(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	after, releaseAfter := db.View(ctx)
	defer releaseAfter()
	v3 := readHeads(t, after, romanova.ID)
	if v3.degree != v1.degree || v3.edges != v1.edges {
		t.Fatalf("after deleting b: degree %d and %d subgraph edges, want %d and %d", v3.degree, v3.edges, v1.degree, v1.edges)
	}
	sameHeads(t, "view before the delete", readHeads(t, fresh, romanova.ID), v2)

	if st := db.ReadCacheStats(); st.Hits == 0 || st.Misses == 0 || st.Bytes == 0 {
		t.Fatalf("read cache stats %+v: want hits, misses and a size", st)
	}
}

// With the cache off, views read the same and nothing is cached.
func TestReadCacheOff(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{ReadCacheBytes: -1})
	mustIngest(t, db, docA(t), graph.Ingested)
	romanova := mustByName(t, db, "Natasha Romanova", graph.Person)
	v, release := db.View(ctx)
	defer release()
	sameHeads(t, "read twice", readHeads(t, v, romanova.ID), readHeads(t, v, romanova.ID))
	if st := db.ReadCacheStats(); st.Hits != 0 || st.Bytes != 0 {
		t.Fatalf("cache off, stats %+v", st)
	}
}

// searchIDs returns the ids a view's search finds for query, in order.
func searchIDs(t *testing.T, r graph.Reader, query string) []string {
	t.Helper()
	page, err := r.Search(context.Background(), graph.SearchQuery{Query: query, PageRequest: graph.PageRequest{First: 50}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range page.Items {
		ids = append(ids, e.ID)
	}
	return ids
}

// Search reads a name token's entities through the cache, and a write
// that adds or removes an entity with the token is seen by the next view,
// while an older view keeps its answer. ("Smith" is no alias of the
// entity added, so only the token's list can find it.)
func TestReadCacheSearchSeesWrites(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	search := func(what string) []string {
		v, release := db.View(ctx)
		defer release()
		first := searchIDs(t, v, "smith")
		if again := searchIDs(t, v, "smith"); !slices.Equal(again, first) {
			t.Fatalf("%s: a view searched twice found %v, then %v", what, first, again)
		}
		return first
	}
	before := search("before")
	old, releaseOld := db.View(ctx)
	defer releaseOld()
	searchIDs(t, old, "smith")

	text := "Anna Smithers met Olga Smith in Bergen."
	mustIngest(t, db, extraction(t, "d", "2024-03-09", text, []graph.Entity{
		ent("z1", graph.Person, "Olga Smith"),
		ent("z2", graph.Location, "Bergen"),
	}, nil), graph.Ingested)
	after := search("after an ingest")
	if len(after) != len(before)+1 {
		t.Fatalf("after an ingest search found %v, before %v: want one more", after, before)
	}
	if got := searchIDs(t, old, "smith"); !slices.Equal(got, before) {
		t.Fatalf("the older view found %v, want its own %v", got, before)
	}
	if err := db.DeleteDocument(ctx, "d"); err != nil {
		t.Fatal(err)
	}
	if got := search("after the delete"); !slices.Equal(got, before) {
		t.Fatalf("after the delete search found %v, want %v", got, before)
	}
	if st := db.ReadCacheStats(); st.Hits == 0 {
		t.Fatalf("the read cache served no search: %+v", st)
	}
}
