package store_test

import (
	"context"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// pagesOf walks a list page by page with page size first and returns every
// item, failing on repeats or a Total that disagrees.
func pagesOf[T any](t *testing.T, first int, list func(graph.PageRequest) (graph.Page[T], error), key func(T) string) []T {
	t.Helper()
	var all []T
	seen := map[string]bool{}
	after := ""
	for range 1000 {
		p, err := list(graph.PageRequest{First: first, After: after})
		if err != nil {
			t.Fatalf("page after %q: %v", after, err)
		}
		if len(p.Items) != len(p.Cursors) {
			t.Fatalf("got %d items and %d cursors", len(p.Items), len(p.Cursors))
		}
		if len(p.Items) > first {
			t.Fatalf("got %d items, want at most %d", len(p.Items), first)
		}
		for _, it := range p.Items {
			if seen[key(it)] {
				t.Fatalf("item %s appears twice", key(it))
			}
			seen[key(it)] = true
		}
		all = append(all, p.Items...)
		if !p.HasNext {
			if len(all) != p.Total {
				t.Errorf("walked %d items, Total says %d", len(all), p.Total)
			}
			return all
		}
		after = p.Cursors[len(p.Cursors)-1]
	}
	t.Fatal("the pages never end")
	return nil
}

func TestListsPaginate(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	for _, x := range corpus(12) {
		mustIngest(t, db, x, graph.Ingested)
	}
	st := mustStats(t, db)
	entityID := func(e *graph.Entity) string { return e.ID }

	tests := []struct {
		name  string
		f     graph.EntityFilter
		total int
		less  func(a, b *graph.Entity) bool // a may not come after b
	}{
		{"by mentions", graph.EntityFilter{}, st.Entities, func(a, b *graph.Entity) bool { return a.MentionCount >= b.MentionCount }},
		{"by degree", graph.EntityFilter{Order: graph.ByDegree}, st.Entities, func(a, b *graph.Entity) bool { return a.Degree >= b.Degree }},
		{"by name", graph.EntityFilter{Order: graph.ByName}, st.Entities, func(a, b *graph.Entity) bool {
			return graph.NormalizeName(a.Name) <= graph.NormalizeName(b.Name)
		}},
		{"people by mentions", graph.EntityFilter{Type: graph.Person}, st.EntityTypes[graph.Person], func(a, b *graph.Entity) bool { return a.MentionCount >= b.MentionCount }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all := pagesOf(t, 7, func(p graph.PageRequest) (graph.Page[*graph.Entity], error) {
				f := tt.f
				f.PageRequest = p
				return db.Entities(ctx, f)
			}, entityID)
			if len(all) != tt.total {
				t.Errorf("got %d entities, want %d", len(all), tt.total)
			}
			for i := 1; i < len(all); i++ {
				if !tt.less(all[i-1], all[i]) {
					t.Errorf("%s (%d mentions, degree %d) comes before %s (%d, %d)", all[i-1].Name, all[i-1].MentionCount, all[i-1].Degree, all[i].Name, all[i].MentionCount, all[i].Degree)
				}
				if tt.f.Type != "" && all[i].Type != tt.f.Type {
					t.Errorf("got type %s, want %s", all[i].Type, tt.f.Type)
				}
			}
		})
	}

	rels := pagesOf(t, 13, func(p graph.PageRequest) (graph.Page[*graph.Relation], error) {
		return db.Relations(ctx, graph.RelationFilter{PageRequest: p})
	}, func(r *graph.Relation) string { return r.ID })
	if len(rels) != st.Relations {
		t.Errorf("got %d relations, want %d", len(rels), st.Relations)
	}
	for _, typ := range []graph.RelationType{graph.WorksFor, graph.MetWith} {
		got := pagesOf(t, 5, func(p graph.PageRequest) (graph.Page[*graph.Relation], error) {
			return db.Relations(ctx, graph.RelationFilter{Types: []graph.RelationType{typ}, PageRequest: p})
		}, func(r *graph.Relation) string { return r.ID })
		if len(got) != st.RelationTypes[typ] {
			t.Errorf("%s: got %d relations, want %d", typ, len(got), st.RelationTypes[typ])
		}
	}
	two := pagesOf(t, 5, func(p graph.PageRequest) (graph.Page[*graph.Relation], error) {
		return db.Relations(ctx, graph.RelationFilter{Types: []graph.RelationType{graph.WorksFor, graph.MetWith}, PageRequest: p})
	}, func(r *graph.Relation) string { return r.ID })
	if len(two) != st.RelationTypes[graph.WorksFor]+st.RelationTypes[graph.MetWith] {
		t.Errorf("two types: got %d relations, want %d", len(two), st.RelationTypes[graph.WorksFor]+st.RelationTypes[graph.MetWith])
	}

	top, err := db.Entities(ctx, graph.EntityFilter{Order: graph.ByDegree, PageRequest: graph.PageRequest{First: 1}})
	if err != nil {
		t.Fatal(err)
	}
	hub := top.Items[0]
	for _, dir := range []graph.Direction{graph.Out, graph.In, graph.Both} {
		got := pagesOf(t, 3, func(p graph.PageRequest) (graph.Page[*graph.Relation], error) {
			return db.Relations(ctx, graph.RelationFilter{Entity: hub.ID, Direction: dir, PageRequest: p})
		}, func(r *graph.Relation) string { return r.ID })
		for _, r := range got {
			out, in := r.Source == hub.ID, r.Target == hub.ID
			if dir == graph.Out && !out || dir == graph.In && !in || !out && !in {
				t.Errorf("%s: relation %s does not belong", dir, r.ID)
			}
		}
		if dir == graph.Both && len(got) != hub.Degree {
			t.Errorf("both directions: got %d relations, want the degree %d", len(got), hub.Degree)
		}
	}
	ms := pagesOf(t, 4, func(p graph.PageRequest) (graph.Page[graph.Mention], error) {
		return db.Mentions(ctx, hub.ID, p)
	}, func(m graph.Mention) string { return m.Document + ":" + m.Text + ":" + string(rune(m.Start)) })
	if len(ms) != hub.MentionCount {
		t.Errorf("got %d mentions, want %d", len(ms), hub.MentionCount)
	}
	search := pagesOf(t, 3, func(p graph.PageRequest) (graph.Page[*graph.Entity], error) {
		return db.Search(ctx, graph.SearchQuery{Query: "holdings", PageRequest: p})
	}, entityID)
	if len(search) != st.EntityTypes[graph.Organization] {
		t.Errorf("search holdings: got %d, want every organisation (%d)", len(search), st.EntityTypes[graph.Organization])
	}
}

func TestPageRequestErrors(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	nat := mustByName(t, db, "Natasha Romanova", "")
	cursor := func() string {
		p, err := db.Entities(ctx, graph.EntityFilter{PageRequest: graph.PageRequest{First: 1}})
		if err != nil {
			t.Fatal(err)
		}
		return p.Cursors[0]
	}()
	tests := []struct {
		name string
		call func() error
	}{
		{"entities first 1001", func() error {
			_, err := db.Entities(ctx, graph.EntityFilter{PageRequest: graph.PageRequest{First: 1001}})
			return err
		}},
		{"entities first -1", func() error {
			_, err := db.Entities(ctx, graph.EntityFilter{PageRequest: graph.PageRequest{First: -1}})
			return err
		}},
		{"entities bad cursor", func() error {
			_, err := db.Entities(ctx, graph.EntityFilter{PageRequest: graph.PageRequest{After: "!!"}})
			return err
		}},
		{"entities cursor of another order", func() error {
			_, err := db.Entities(ctx, graph.EntityFilter{Order: graph.ByName, PageRequest: graph.PageRequest{After: cursor}})
			return err
		}},
		{"entities unknown type", func() error {
			_, err := db.Entities(ctx, graph.EntityFilter{Type: "PLANET"})
			return err
		}},
		{"entities unknown order", func() error {
			_, err := db.Entities(ctx, graph.EntityFilter{Order: "SIZE"})
			return err
		}},
		{"search first 100000", func() error {
			_, err := db.Search(ctx, graph.SearchQuery{Query: "a", PageRequest: graph.PageRequest{First: 100000}})
			return err
		}},
		{"search key cursor", func() error {
			_, err := db.Search(ctx, graph.SearchQuery{Query: "a", PageRequest: graph.PageRequest{After: cursor}})
			return err
		}},
		{"relations first 1001", func() error {
			_, err := db.Relations(ctx, graph.RelationFilter{PageRequest: graph.PageRequest{First: 1001}})
			return err
		}},
		{"relations unknown type", func() error {
			_, err := db.Relations(ctx, graph.RelationFilter{Types: []graph.RelationType{"LOVES"}})
			return err
		}},
		{"relations unknown direction", func() error {
			_, err := db.Relations(ctx, graph.RelationFilter{Entity: nat.ID, Direction: "UP"})
			return err
		}},
		{"mentions first 1001", func() error {
			_, err := db.Mentions(ctx, nat.ID, graph.PageRequest{First: 1001})
			return err
		}},
		{"documents first 1001", func() error {
			_, err := db.Documents(ctx, graph.DocumentFilter{PageRequest: graph.PageRequest{First: 1001}})
			return err
		}},
		{"documents bad date", func() error {
			_, err := db.Documents(ctx, graph.DocumentFilter{From: "May 2024"})
			return err
		}},
		{"entity by name unknown type", func() error {
			_, err := db.EntityByName(ctx, "x", "PLANET")
			return err
		}},
		{"shortest path maxHops 99", func() error {
			_, err := db.ShortestPath(ctx, nat.ID, nat.ID, 99)
			return err
		}},
		{"ingest unknown relation type", func() error {
			x := docA(t)
			x.Relations[0].Type = "LOVES"
			_, err := db.Ingest(ctx, x)
			return err
		}},
		{"ingest mention outside the text", func() error {
			x := docB(t)
			x.Entities[0].Mentions[0].End = len(x.Document.Text) + 1
			_, err := db.Ingest(ctx, x)
			return err
		}},
		{"ingest relation to an unknown entity", func() error {
			x := docB(t)
			x.Relations[0].Target = "nobody"
			_, err := db.Ingest(ctx, x)
			return err
		}},
		{"ingest an empty document", func() error {
			_, err := db.Ingest(ctx, &graph.Extraction{Document: graph.Document{ID: "empty", Text: " \n"}})
			return err
		}},
		{"ingest a bad date", func() error {
			x := docB(t)
			x.Document.Date = "5 March"
			_, err := db.Ingest(ctx, x)
			return err
		}},
		{"merge nothing", func() error {
			_, err := db.MergeEntities(ctx, nat.ID, nil)
			return err
		}},
	}
	for _, tt := range tests {
		if err := tt.call(); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("%s: got %v, want code %s", tt.name, err, graph.EINVALID)
		}
	}
	notFound := []struct {
		name string
		call func() error
	}{
		{"mentions of an unknown entity", func() error { _, err := db.Mentions(ctx, "e999", graph.PageRequest{}); return err }},
		{"relations of an unknown entity", func() error {
			_, err := db.Relations(ctx, graph.RelationFilter{Entity: "nobody"})
			return err
		}},
		{"evidence of an unknown relation", func() error { _, err := db.Evidence(ctx, "e1:WORKS_FOR:e999", 1); return err }},
		{"delete an unknown document", func() error { return db.DeleteDocument(ctx, "nope") }},
		{"merge an unknown entity", func() error { _, err := db.MergeEntities(ctx, nat.ID, []string{"e999"}); return err }},
	}
	for _, tt := range notFound {
		if err := tt.call(); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("%s: got %v, want code %s", tt.name, err, graph.ENOTFOUND)
		}
	}
	if s := mustStats(t, db); s.Documents != 1 {
		t.Errorf("rejected ingests changed the store: %d documents", s.Documents)
	}
}

func TestDocumentsByDate(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested) // 2024-03-01
	mustIngest(t, db, docB(t), graph.Ingested) // 2024-03-05
	mustIngest(t, db, docC(t), graph.Ingested) // 2024-03-07
	undated := docC(t)
	undated.Document.ID, undated.Document.Date, undated.Document.Text = "u", "", textC+" Undated."
	mustIngest(t, db, undated, graph.Ingested)
	tests := []struct {
		from, to string
		want     []string
	}{
		{"", "", []string{"c", "b", "a", "u"}},
		{"2024-03-02", "", []string{"c", "b"}},
		{"", "2024-03-05", []string{"b", "a"}},
		{"2024-03-05", "2024-03-05", []string{"b"}},
		{"2025-01-01", "", nil},
	}
	for _, tt := range tests {
		got := pagesOf(t, 1, func(p graph.PageRequest) (graph.Page[*graph.Document], error) {
			return db.Documents(ctx, graph.DocumentFilter{From: tt.from, To: tt.to, PageRequest: p})
		}, func(d *graph.Document) string { return d.ID })
		var ids []string
		for _, d := range got {
			ids = append(ids, d.ID)
		}
		if !equalStrings(ids, tt.want) {
			t.Errorf("from %q to %q: got %v, want %v", tt.from, tt.to, ids, tt.want)
		}
	}
	docs, err := db.DocumentsByID(ctx, []string{"b", "nope", "a"})
	if err != nil || docs[0] == nil || docs[1] != nil || docs[2] == nil || docs[0].Text != textB {
		t.Errorf("by id: got %v, %v, want b, nil, a with texts", docs, err)
	}
	ents, err := db.EntitiesByID(ctx, []string{"e1", "bogus", "e2"})
	if err != nil || ents[0] == nil || ents[1] != nil || ents[2] == nil {
		t.Errorf("entities by id: got %v, %v, want e1, nil, e2", ents, err)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestExportCarriesMentionsAndEvidence(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	mustIngest(t, db, docB(t), graph.Ingested)
	docs, ents, rels := exportAll(t, db)
	if len(docs) != 2 || docs[0].ID != "a" || docs[0].Text != textA {
		t.Errorf("got documents %v, want a then b with text", docs)
	}
	mentions := 0
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Document == "" || m.Text == "" {
				t.Errorf("%s: mention %+v without document or text", e.Name, m)
			}
		}
		mentions += len(e.Mentions)
	}
	if st := mustStats(t, db); mentions != st.Mentions || len(ents) != st.Entities || len(rels) != st.Relations {
		t.Errorf("exported %d entities, %d mentions, %d relations; stats say %+v", len(ents), mentions, len(rels), st)
	}
	for _, r := range rels {
		if len(r.Evidence) != r.Count {
			t.Errorf("%s: got %d evidence, want count %d", r.ID, len(r.Evidence), r.Count)
		}
		for _, ev := range r.Evidence {
			text := map[string]string{"a": textA, "b": textB}[ev.Document]
			if ev.Sentence == "" || text[ev.Start:ev.End] != ev.Sentence {
				t.Errorf("%s: evidence %+v does not match its document", r.ID, ev)
			}
		}
	}
}
