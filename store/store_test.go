package store_test

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

func TestIngestReadBack(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	res := mustIngest(t, db, docA(t), graph.Ingested)
	if res.DocumentID != "a" || res.Entities != 6 || res.Relations != 3 || res.NewEntities != 6 {
		t.Errorf("got result %+v, want document a, 6 entities, 3 relations, 6 new", res)
	}
	st := mustStats(t, db)
	want := graph.Stats{
		Documents: 1, Entities: 6, Relations: 3, Evidence: 3, Mentions: 9,
		EntityTypes:   map[graph.EntityType]int{graph.Person: 2, graph.Organization: 2, graph.Location: 1, graph.Initiative: 1},
		RelationTypes: map[graph.RelationType]int{graph.WorksFor: 2, graph.MetWith: 1},
	}
	if raw, err := db.Stats(ctx); err != nil || raw.StoreBytes <= 0 {
		t.Errorf("got StoreBytes %d, %v, want the size on disk", raw.StoreBytes, err)
	}
	sameStats(t, "after one document", st, want)

	nat := mustByName(t, db, "natasha  ROMANOVA", "")
	if nat.Name != "Natasha Romanova" || nat.Type != graph.Person || !reflect.DeepEqual(nat.Aliases, []string{"Romanova"}) {
		t.Errorf("got %+v, want Natasha Romanova, PERSON, alias Romanova", nat)
	}
	if nat.MentionCount != 2 || nat.Degree != 2 {
		t.Errorf("got mentions %d degree %d, want 2 and 2", nat.MentionCount, nat.Degree)
	}
	if got := mustByName(t, db, "Romanova", graph.Person).ID; got != nat.ID {
		t.Errorf("alias lookup: got %s, want %s", got, nat.ID)
	}
	if e, err := db.EntityByName(ctx, "Romanova", graph.Organization); err != nil || e != nil {
		t.Errorf("wrong type: got %v, %v, want nil, nil", e, err)
	}
	if e, err := db.Entity(ctx, "e999"); err != nil || e != nil {
		t.Errorf("unknown id: got %v, %v, want nil, nil", e, err)
	}

	arc := mustByName(t, db, "ARC", "")
	rels, err := db.Relations(ctx, graph.RelationFilter{Entity: nat.ID, Direction: graph.Out, Types: []graph.RelationType{graph.WorksFor}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rels.Items) != 1 || rels.Total != 1 {
		t.Fatalf("got %d relations (total %d), want 1", len(rels.Items), rels.Total)
	}
	r := rels.Items[0]
	if r.Source != nat.ID || r.Target != arc.ID || r.Attributes["title"] != "director" || r.Count != 1 || r.Confidence != 0.8 {
		t.Errorf("got relation %+v, want %s WORKS_FOR %s, title director, count 1, confidence 0.8", r, nat.ID, arc.ID)
	}
	ev, err := db.Evidence(ctx, r.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev) != 1 || ev[0].Document != "a" || !strings.HasPrefix(ev[0].Sentence, "Natasha Romanova, director") {
		t.Errorf("got evidence %+v, want the first sentence of a", ev)
	}
	if got, err := db.Relation(ctx, r.ID); err != nil || got == nil || got.ID != r.ID {
		t.Errorf("relation by id: got %v, %v", got, err)
	}
	ms, err := db.Mentions(ctx, nat.ID, graph.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if ms.Total != 2 || ms.Items[0].Document != "a" || ms.Items[0].Text != "Natasha Romanova" || ms.Items[0].Start != 0 {
		t.Errorf("got mentions %+v, want two in a, the first Natasha Romanova at 0", ms)
	}
	d, err := db.Document(ctx, "a")
	if err != nil || d == nil || d.Text != textA || d.Date != "2024-03-01" || d.Hash != graph.ContentHash(textA) {
		t.Errorf("got document %+v, %v, want a with its text, date and hash", d, err)
	}
	if d, err := db.Document(ctx, "nope"); err != nil || d != nil {
		t.Errorf("unknown document: got %v, %v, want nil, nil", d, err)
	}
	// Symmetric relations are stored once, endpoints ordered.
	met, err := db.Relations(ctx, graph.RelationFilter{Types: []graph.RelationType{graph.MetWith}})
	if err != nil || len(met.Items) != 1 || met.Items[0].Source > met.Items[0].Target {
		t.Errorf("got MET_WITH %+v, %v, want one with source <= target", met.Items, err)
	}
}

func TestDocumentIDFromText(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	x := docA(t)
	x.Document.ID = ""
	res := mustIngest(t, db, x, graph.Ingested)
	if want := graph.DocumentID(textA); res.DocumentID != want {
		t.Errorf("got id %q, want %q", res.DocumentID, want)
	}
}

func TestIngestIsIdempotent(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	before := mustStats(t, db)
	// The same content, even re-wrapped and under another id, is unchanged.
	again := docA(t)
	res := mustIngest(t, db, again, graph.Unchanged)
	if res.DocumentID != "a" {
		t.Errorf("got id %q, want a", res.DocumentID)
	}
	sameStats(t, "after re-ingest", mustStats(t, db), before)
}

func TestReplaceDocumentWithNewContent(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	x := docB(t)
	x.Document.ID = "a"
	mustIngest(t, db, x, graph.Ingested)
	st := mustStats(t, db)
	if st.Documents != 1 || st.Entities != 5 || st.Relations != 3 {
		t.Errorf("got %+v, want only document b's facts", st)
	}
	if e, _ := db.EntityByName(ctx, "Oslo", ""); e != nil {
		t.Errorf("got %v, want Oslo retracted with the old content", e)
	}
}

func TestDeleteRetractsExactlyTheDocument(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	statsA := mustStats(t, db)
	docsA, entsA, relsA := exportAll(t, db)

	mustIngest(t, db, docB(t), graph.Ingested)
	mustIngest(t, db, docC(t), graph.Ingested)
	for _, id := range []string{"b", "c"} {
		if err := db.DeleteDocument(ctx, id); err != nil {
			t.Fatalf("delete %s: %v", id, err)
		}
	}
	sameStats(t, "after deleting b and c", mustStats(t, db), statsA)
	docs, ents, rels := exportAll(t, db)
	if !reflect.DeepEqual(docs, docsA) {
		t.Errorf("documents differ after delete: got %+v, want %+v", docs, docsA)
	}
	if !reflect.DeepEqual(ents, entsA) {
		for i := range min(len(ents), len(entsA)) {
			if !reflect.DeepEqual(ents[i], entsA[i]) {
				t.Errorf("entity %d: got %+v, want %+v", i, ents[i], entsA[i])
			}
		}
		t.Errorf("entities differ after delete: got %d, want %d", len(ents), len(entsA))
	}
	if !reflect.DeepEqual(rels, relsA) {
		t.Errorf("relations differ after delete: got %+v, want %+v", rels, relsA)
	}

	if err := db.DeleteDocument(ctx, "b"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("delete again: got %v, want %s", err, graph.ENOTFOUND)
	}
	if err := db.DeleteDocument(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	zero := graph.Stats{EntityTypes: map[graph.EntityType]int{}, RelationTypes: map[graph.RelationType]int{}}
	sameStats(t, "after deleting everything", mustStats(t, db), zero)
	page, err := db.Search(ctx, graph.SearchQuery{Query: "romanova"})
	if err != nil || len(page.Items) != 0 {
		t.Errorf("search after delete: got %d items, %v, want none", len(page.Items), err)
	}
	list, err := db.Entities(ctx, graph.EntityFilter{})
	if err != nil || len(list.Items) != 0 || list.Total != 0 {
		t.Errorf("entities after delete: got %d (total %d), %v, want none", len(list.Items), list.Total, err)
	}
	// Re-ingesting a deleted document works and is new again.
	mustIngest(t, db, docA(t), graph.Ingested)
	sameStats(t, "after re-ingest", mustStats(t, db), statsA)
}

func TestDeleteOneOfTwoKeepsTheOther(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	mustIngest(t, db, docB(t), graph.Ingested)
	if err := db.DeleteDocument(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	// Romanova survives (document b names her) but with b's support only.
	rom := mustByName(t, db, "Romanova", graph.Person)
	if rom.Name != "Romanova" || rom.MentionCount != 1 {
		t.Errorf("got %+v, want Romanova with one mention", rom)
	}
	if e, _ := db.EntityByName(ctx, "Natasha Romanova", ""); e != nil {
		t.Errorf("got %+v, want the full name retracted with a", e)
	}
	for _, name := range []string{"Oslo", "John Smith", "Northwind Shipping"} {
		if e, _ := db.EntityByName(ctx, name, ""); e != nil {
			t.Errorf("%s: got %+v, want it retracted", name, e)
		}
	}
	mary := mustByName(t, db, "Mary Smith", graph.Person)
	rels, err := db.Relations(ctx, graph.RelationFilter{Entity: mary.ID})
	if err != nil || rels.Total != 2 {
		t.Errorf("got %d relations of Mary Smith, %v, want 2", rels.Total, err)
	}
	st := mustStats(t, db)
	if st.Documents != 1 || st.Entities != 5 || st.Relations != 3 || st.Evidence != 3 {
		t.Errorf("got %+v, want b's 1 document, 5 entities, 3 relations", st)
	}
}

func TestCrossDocumentResolution(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	resB := mustIngest(t, db, docB(t), graph.Ingested)
	if resB.NewEntities != 3 {
		t.Errorf("b: got %d new entities, want 3 (Tromso, Mary Smith, Polar Logistics)", resB.NewEntities)
	}
	nat := mustByName(t, db, "Natasha Romanova", graph.Person)
	if nat.MentionCount != 3 {
		t.Errorf("Natasha Romanova: got %d mentions, want 3 over two documents", nat.MentionCount)
	}
	if !strings.Contains(nat.Attributes["matchedBy"], "alias:romanova") {
		t.Errorf("got matchedBy %q, want the alias decision recorded", nat.Attributes["matchedBy"])
	}
	john := mustByName(t, db, "John Smith", graph.Person)
	mary := mustByName(t, db, "Mary Smith", graph.Person)
	if john.ID == mary.ID {
		t.Fatalf("John Smith and Mary Smith share the node %s", john.ID)
	}
	arc := mustByName(t, db, "Arctic Research Council", "")
	if got := mustByName(t, db, "ARC", graph.Organization); got.ID != arc.ID {
		t.Errorf("acronym: got %s, want %s", got.ID, arc.ID)
	}
	if arc.MentionCount != 3 {
		t.Errorf("ARC: got %d mentions, want 3", arc.MentionCount)
	}

	// A bare surname carried by two people, in a document that says
	// nothing of either, joins neither and is no node of its own.
	resC := mustIngest(t, db, docC(t), graph.Ingested)
	if resC.NewEntities != 0 {
		t.Errorf("c: got %d new entities, want none (Smith is ambiguous, Oslo known)", resC.NewEntities)
	}
	for _, p := range []*graph.Entity{john, mary} {
		if got := mustByName(t, db, p.Name, graph.Person); got.MentionCount != p.MentionCount {
			t.Errorf("%s: got %d mentions, want %d: the ambiguous Smith joined it", p.Name, got.MentionCount, p.MentionCount)
		}
	}
	if p, err := db.Search(ctx, graph.SearchQuery{Query: "Smith"}); err != nil || len(p.Items) != 2 {
		t.Errorf("search Smith: got %d entities, %v; want John and Mary Smith only", len(p.Items), err)
	}
	if got := mustByName(t, db, "Oslo", ""); got.MentionCount != 2 {
		t.Errorf("Oslo: got %d mentions, want 2", got.MentionCount)
	}
	// The same surname in a document about Polar Logistics, which Mary
	// Smith leads, is Mary Smith.
	x0 := extraction(t, "c2", "2024-03-08", "Polar Logistics said Smith would stay on.", []graph.Entity{
		ent("v1", graph.Organization, "Polar Logistics"),
		ent("v2", graph.Person, "Smith"),
	}, nil)
	mustIngest(t, db, x0, graph.Ingested)
	if got := mustByName(t, db, "Mary Smith", graph.Person); got.MentionCount != mary.MentionCount+1 ||
		!strings.Contains(got.Attributes["matchedBy"], "context:smith") {
		t.Errorf("Mary Smith: got %d mentions (%q), want %d by context", got.MentionCount, got.Attributes["matchedBy"], mary.MentionCount+1)
	}

	// A second organisation with the same acronym but another full name is
	// a new node, and after it the bare acronym is ambiguous.
	x := extraction(t, "d", "2024-03-09", "The Atlantic Research Collective (ARC) opened an office in Oslo.", []graph.Entity{
		ent("z1", graph.Organization, "Atlantic Research Collective", "ARC"),
		ent("z2", graph.Location, "Oslo"),
	}, []graph.Relation{rel("z1", graph.BasedIn, "z2")})
	if res := mustIngest(t, db, x, graph.Ingested); res.NewEntities != 1 {
		t.Errorf("d: got %d new entities, want 1", res.NewEntities)
	}
	x = extraction(t, "e", "2024-03-10", "ARC did not answer.", []graph.Entity{ent("w1", graph.Organization, "ARC")}, nil)
	mustIngest(t, db, x, graph.Ingested)
	arcNow := mustByName(t, db, "Arctic Research Council", "")
	if arcNow.MentionCount != arc.MentionCount {
		t.Errorf("ambiguous acronym joined Arctic Research Council: %d mentions, want %d", arcNow.MentionCount, arc.MentionCount)
	}
	st := mustStats(t, db)
	// The bare ARC of e is neither organisation, and no third.
	if st.EntityTypes[graph.Person] != 3 || st.EntityTypes[graph.Organization] != 4 {
		t.Errorf("got %v, want 3 people and 4 organisations", st.EntityTypes)
	}

	// A surname that comes first joins the full name that comes later.
	db2 := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db2, docB(t), graph.Ingested)
	mustIngest(t, db2, docA(t), graph.Ingested)
	got := mustByName(t, db2, "Romanova", graph.Person)
	if got.Name != "Natasha Romanova" || got.MentionCount != 3 {
		t.Errorf("got %+v, want Natasha Romanova with 3 mentions", got)
	}
	// John Smith arrives after Mary Smith: still two people.
	if j, m := mustByName(t, db2, "John Smith", ""), mustByName(t, db2, "Mary Smith", ""); j.ID == m.ID {
		t.Errorf("John Smith and Mary Smith share the node %s", j.ID)
	}
	_ = ctx
}

func TestMergeMemory(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	x := extraction(t, "n1", "2024-04-01", "Northwind Lines hired John Smith. Northwind Lines is based in Oslo.", []graph.Entity{
		ent("a", graph.Organization, "Northwind Lines"),
		ent("b", graph.Person, "John Smith"),
		ent("c", graph.Location, "Oslo"),
	}, []graph.Relation{rel("b", graph.WorksFor, "a"), rel("a", graph.BasedIn, "c")})
	mustIngest(t, db, x, graph.Ingested)
	ship := mustByName(t, db, "Northwind Shipping", "")
	lines := mustByName(t, db, "Northwind Lines", "")
	if ship.ID == lines.ID {
		t.Fatal("different names resolved to one node before the merge")
	}
	before := mustStats(t, db)
	oldRels, err := db.Relations(ctx, graph.RelationFilter{Entity: lines.ID, Direction: graph.Out})
	if err != nil || len(oldRels.Items) != 1 {
		t.Fatalf("got %v, %v, want Northwind Lines BASED_IN Oslo", oldRels.Items, err)
	}

	merged, err := db.MergeEntities(ctx, ship.ID, []string{lines.ID})
	if err != nil {
		t.Fatal(err)
	}
	if merged.ID != ship.ID || merged.Name != "Northwind Shipping" || !contains(merged.Aliases, "Northwind Lines") {
		t.Errorf("got %+v, want Northwind Shipping with alias Northwind Lines", merged)
	}
	if merged.MentionCount != ship.MentionCount+lines.MentionCount {
		t.Errorf("got %d mentions, want %d", merged.MentionCount, ship.MentionCount+lines.MentionCount)
	}
	st := mustStats(t, db)
	// John Smith WORKS_FOR both collapses into one relation.
	if st.Entities != before.Entities-1 || st.Relations != before.Relations-1 || st.Mentions != before.Mentions {
		t.Errorf("got %+v, want one entity and one relation fewer than %+v", st, before)
	}
	if old, err := db.Entity(ctx, lines.ID); err != nil || old == nil || old.ID != ship.ID {
		t.Errorf("old id: got %v, %v, want a redirect to %s", old, err, ship.ID)
	}
	if r, err := db.Relation(ctx, oldRels.Items[0].ID); err != nil || r == nil || r.Source != ship.ID {
		t.Errorf("old relation id: got %+v, %v, want the relation from %s", r, err, ship.ID)
	}
	if ev, err := db.Evidence(ctx, oldRels.Items[0].ID, 0); err != nil || len(ev) != 1 {
		t.Errorf("old relation evidence: got %v, %v, want one sentence", ev, err)
	}
	john := mustByName(t, db, "John Smith", "")
	rels, err := db.Relations(ctx, graph.RelationFilter{Entity: john.ID, Direction: graph.Out, Types: []graph.RelationType{graph.WorksFor}})
	if err != nil || len(rels.Items) != 1 || rels.Items[0].Count != 2 {
		t.Errorf("got %+v, %v, want one WORKS_FOR with two evidence sentences", rels.Items, err)
	}

	// A later document naming the merged alias, even with another type,
	// lands on the survivor.
	y := extraction(t, "n2", "2024-04-02", "Northwind Lines ordered two ships.", []graph.Entity{
		ent("a", graph.Misc, "Northwind Lines"),
	}, nil)
	if res := mustIngest(t, db, y, graph.Ingested); res.NewEntities != 0 {
		t.Errorf("got %d new entities, want 0", res.NewEntities)
	}
	if got := mustByName(t, db, "Northwind Lines", ""); got.ID != ship.ID || got.MentionCount != merged.MentionCount+1 {
		t.Errorf("got %+v, want %s with one more mention", got, ship.ID)
	}
	// Deleting everything still leaves nothing behind.
	for _, id := range []string{"a", "n1", "n2"} {
		if err := db.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	zero := graph.Stats{EntityTypes: map[graph.EntityType]int{}, RelationTypes: map[graph.RelationType]int{}}
	sameStats(t, "after deleting everything", mustStats(t, db), zero)

	if _, err := db.MergeEntities(ctx, "e999", []string{ship.ID}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown into: got %v, want %s", err, graph.ENOTFOUND)
	}
}

// byExactName finds the entity whose canonical name is name.
func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestReopenKeepsStats(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, db, docA(t), graph.Ingested)
	mustIngest(t, db, docB(t), graph.Ingested)
	before := mustStats(t, db)
	_, entsBefore, _ := exportAll(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = mustOpen(t, dir, store.Options{})
	sameStats(t, "after reopen", mustStats(t, db), before)
	_, ents, _ := exportAll(t, db)
	if !reflect.DeepEqual(ents, entsBefore) {
		t.Errorf("entities differ after reopen")
	}
	mustIngest(t, db, docA(t), graph.Unchanged)
}

func TestSearchRanking(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	x := extraction(t, "s", "2024-05-01",
		"Spotlight is a magazine. The Global Initiative Fund paid. Spotter Initiative failed. Ana Spotlightova spoke.",
		[]graph.Entity{
			ent("a", graph.Misc, "Spotlight"),
			ent("b", graph.Organization, "Global Initiative Fund"),
			ent("c", graph.Initiative, "Spotter Initiative"),
			ent("d", graph.Person, "Ana Spotlightova"),
		}, nil)
	mustIngest(t, db, x, graph.Ingested)
	tests := []struct {
		query string
		types []graph.EntityType
		want  []string // names of the first results, in order
	}{
		{"spotlight initiative", nil, []string{"SpotLight Global Initiative"}},
		{"SPOTLIGHT", nil, []string{"Spotlight", "SpotLight Global Initiative", "Ana Spotlightova"}},
		{"spotlight", []graph.EntityType{graph.Initiative}, []string{"SpotLight Global Initiative"}},
		{"spotlight global initiative", nil, []string{"SpotLight Global Initiative"}},
		{"spot init", nil, []string{"Spotter Initiative", "SpotLight Global Initiative"}},
		{"spotlght", nil, []string{"Spotlight", "SpotLight Global Initiative"}},
		{"romanova", nil, []string{"Natasha Romanova"}},
		{"romanvoa", nil, []string{"Natasha Romanova"}}, // two edits, allowed from eight letters
		{"romx", nil, []string{}},
		{"ozlu", nil, []string{}},                            // two edits, too many for four letters
		{"osol", nil, []string{"Oslo"}},                      // two neighbouring letters swapped: one slip
		{"arcitc", nil, []string{"Arctic Research Council"}}, // the same in six letters
		{"racitc", nil, []string{}},                          // two swaps, too many for six letters
		{"arc", nil, []string{"Arctic Research Council"}},
		{"", nil, []string{}},
	}
	for _, tt := range tests {
		page, err := db.Search(ctx, graph.SearchQuery{Query: tt.query, Types: tt.types})
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		var got []string
		for _, e := range page.Items {
			got = append(got, e.Name)
		}
		if len(got) < len(tt.want) || len(tt.want) == 0 && len(got) != 0 || len(tt.want) > 0 && !reflect.DeepEqual(got[:len(tt.want)], tt.want) {
			t.Errorf("search %q: got %q, want it to start with %q", tt.query, got, tt.want)
		}
	}
	page, err := db.Search(ctx, graph.SearchQuery{Query: "spotlight initiative", PageRequest: graph.PageRequest{First: 1}})
	if err != nil || len(page.Items) != 1 || page.Items[0].Name != "SpotLight Global Initiative" || !page.HasNext {
		t.Errorf("first:1 got %+v, %v, want SpotLight Global Initiative and more", page, err)
	}
	if _, err := db.Search(ctx, graph.SearchQuery{Query: "x", Types: []graph.EntityType{"PLANET"}}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("unknown type: got %v, want %s", err, graph.EINVALID)
	}
}

// A query of dotted initials is one token, and the exact name outranks a
// name that equals the query only once its legal form is set aside: "U.S."
// finds the United States (written "U.S." three times) before "US Inc"
// (once), and "ozbrien" (one slip) finds "O'Brien" as the token "obrien".
func TestSearchInitialsAndLegalForms(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	x := extraction(t, "u", "2024-05-02",
		"The United States grew. U.S. output rose. U.S. prices fell, U.S. data showed. US Inc said so. Ann O'Brien spoke.",
		[]graph.Entity{
			ent("us", graph.Location, "United States", "U.S."),
			ent("inc", graph.Organization, "US Inc"),
			ent("ob", graph.Person, "Ann O'Brien"),
		}, nil)
	mustIngest(t, db, x, graph.Ingested)
	for _, c := range []struct{ query, first string }{
		{"U.S.", "United States"},
		{"us inc", "US Inc"},
		{"ozbrien", "Ann O'Brien"},
	} {
		page, err := db.Search(ctx, graph.SearchQuery{Query: c.query})
		if err != nil || len(page.Items) == 0 || page.Items[0].Name != c.first {
			t.Errorf("search %q: got %v, %v; want %q first", c.query, names(page.Items), err, c.first)
		}
	}
	page, err := db.Search(ctx, graph.SearchQuery{Query: "u.s."})
	if err != nil || page.Total != 2 {
		t.Errorf("search u.s.: %d hits (%v), %v; want the two entities of the token us", page.Total, names(page.Items), err)
	}
}

// chain ingests a document whose relations form the path P0 - P1 - … - Pn
// plus a branch P0 - Q.
func chain(t *testing.T, db *store.DB, n int) {
	var sb strings.Builder
	var ents []graph.Entity
	var rels []graph.Relation
	names := []string{"Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo"}
	for i := 0; i <= n; i++ {
		ents = append(ents, ent(names[i], graph.Person, "Person "+names[i]))
	}
	for i := 0; i < n; i++ {
		sb.WriteString("Person " + names[i] + " met Person " + names[i+1] + ". ")
		rels = append(rels, rel(names[i], graph.MetWith, names[i+1]))
	}
	sb.WriteString("Person Alder works for Quince Corp.")
	ents = append(ents, ent("q", graph.Organization, "Quince Corp"))
	rels = append(rels, rel("Alder", graph.WorksFor, "q"))
	mustIngest(t, db, extraction(t, "chain", "", sb.String(), ents, rels), graph.Ingested)
}

func TestSubgraphAndShortestPath(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	chain(t, db, 4)
	id := func(name string) string { return mustByName(t, db, "Person "+name, "").ID }

	sg, err := db.Subgraph(ctx, []string{id("Birch")}, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(sg.Nodes); !reflect.DeepEqual(got, []string{"Person Alder", "Person Birch", "Person Cedar"}) || len(sg.Edges) != 2 || sg.Truncated {
		t.Errorf("one hop from Birch: got %v with %d edges (truncated %v), want Alder, Birch, Cedar and 2 edges", got, len(sg.Edges), sg.Truncated)
	}
	sg, err = db.Subgraph(ctx, []string{id("Birch")}, 2, 0)
	if err != nil || len(sg.Nodes) != 5 || len(sg.Edges) != 4 {
		t.Errorf("two hops: got %d nodes and %d edges, %v, want 5 and 4", len(sg.Nodes), len(sg.Edges), err)
	}
	sg, err = db.Subgraph(ctx, []string{id("Birch")}, 3, 2)
	if err != nil || len(sg.Nodes) != 2 || !sg.Truncated || len(sg.Edges) != 1 {
		t.Errorf("limit 2: got %d nodes, %d edges, truncated %v, %v, want 2, 1, true", len(sg.Nodes), len(sg.Edges), sg.Truncated, err)
	}
	// Zero hops: the given entities and the edges among them only.
	sg, err = db.Subgraph(ctx, []string{id("Birch"), id("Cedar"), id("Elm")}, 0, 0)
	if got := names(sg.Nodes); err != nil || !reflect.DeepEqual(got, []string{"Person Birch", "Person Cedar", "Person Elm"}) || len(sg.Edges) != 1 {
		t.Errorf("zero hops: got %v with %d edges, %v; want Birch, Cedar, Elm and the Birch-Cedar edge", got, len(sg.Edges), err)
	}
	if _, err := db.Subgraph(ctx, nil, 1, 5000); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("limit 5000: got %v, want %s", err, graph.EINVALID)
	}

	p, err := db.ShortestPath(ctx, id("Elm"), id("Alder"), 0)
	if err != nil || p == nil {
		t.Fatalf("path: got %v, %v", p, err)
	}
	if got := pathNames(p.Nodes); !reflect.DeepEqual(got, []string{"Person Elm", "Person Dogwood", "Person Cedar", "Person Birch", "Person Alder"}) || len(p.Edges) != 4 {
		t.Errorf("got path %v with %d edges, want Elm … Alder with 4", got, len(p.Edges))
	}
	for i, e := range p.Edges {
		a, b := p.Nodes[i].ID, p.Nodes[i+1].ID
		if !(e.Source == a && e.Target == b || e.Source == b && e.Target == a) {
			t.Errorf("edge %d joins %s and %s, want %s and %s", i, e.Source, e.Target, a, b)
		}
	}
	q := mustByName(t, db, "Quince Corp", "").ID
	if p, err := db.ShortestPath(ctx, id("Elm"), q, 0); err != nil || p == nil || len(p.Edges) != 5 {
		t.Errorf("Elm to Quince: got %v, %v, want 5 edges", p, err)
	}
	if p, err := db.ShortestPath(ctx, id("Elm"), id("Alder"), 3); err != nil || p != nil {
		t.Errorf("maxHops 3: got %v, %v, want nil", p, err)
	}
	if p, err := db.ShortestPath(ctx, id("Elm"), id("Elm"), 0); err != nil || p == nil || len(p.Nodes) != 1 {
		t.Errorf("to itself: got %v, %v, want one node", p, err)
	}
}

// names returns the sorted names of es.
func names(es []*graph.Entity) []string {
	out := pathNames(es)
	sort.Strings(out)
	return out
}

// pathNames returns the names of es in order.
func pathNames(es []*graph.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name)
	}
	return out
}

func TestSameDocumentSurnameJoinsFullName(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	// The loader left the surname as an entity of its own.
	x := extraction(t, "s1", "2024-02-01", "Oskar Lind met Priya Nkosi. Later Lind met Nkosi again.", []graph.Entity{
		ent("b", graph.Person, "Oskar Lind"),
		ent("a", graph.Person, "Lind"),
		ent("c", graph.Person, "Priya Nkosi"),
		ent("d", graph.Person, "Nkosi"),
	}, []graph.Relation{rel("b", graph.MetWith, "c"), rel("a", graph.MetWith, "d")})
	res := mustIngest(t, db, x, graph.Ingested)
	if res.NewEntities != 2 {
		t.Errorf("got %d new entities, want 2", res.NewEntities)
	}
	lind := mustByName(t, db, "Lind", graph.Person)
	if lind.Name != "Oskar Lind" || lind.MentionCount != 2 {
		t.Errorf("got %+v, want Oskar Lind with 2 mentions", lind)
	}
	st := mustStats(t, db)
	if st.Relations != 1 || st.Evidence != 2 {
		t.Errorf("got %d relations with %d evidence, want one MET_WITH stated twice", st.Relations, st.Evidence)
	}
}

func TestMergeChainsAndSharedDocuments(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	x := extraction(t, "m1", "2024-02-01", "Kestrel Aviation and Kestrel Air and Kestrel Group signed with Port Alba.", []graph.Entity{
		ent("a", graph.Organization, "Kestrel Aviation"),
		ent("b", graph.Organization, "Kestrel Air"),
		ent("c", graph.Organization, "Kestrel Group"),
		ent("d", graph.Location, "Port Alba"),
	}, []graph.Relation{rel("a", graph.BasedIn, "d"), rel("b", graph.BasedIn, "d"), rel("c", graph.BasedIn, "d"), rel("a", graph.PartOf, "c")})
	mustIngest(t, db, x, graph.Ingested)
	a, b, c := mustByName(t, db, "Kestrel Aviation", "").ID, mustByName(t, db, "Kestrel Air", "").ID, mustByName(t, db, "Kestrel Group", "").ID
	if _, err := db.MergeEntities(ctx, b, []string{a}); err != nil {
		t.Fatal(err)
	}
	got, err := db.MergeEntities(ctx, c, []string{b})
	if err != nil {
		t.Fatal(err)
	}
	if got.MentionCount != 3 || len(got.Aliases) != 2 {
		t.Errorf("got %+v, want 3 mentions and two aliases", got)
	}
	// The first merged id follows the chain to the last survivor.
	if e, err := db.Entity(ctx, a); err != nil || e == nil || e.ID != c {
		t.Errorf("got %v, %v, want %s", e, err, c)
	}
	st := mustStats(t, db)
	// Three BASED_IN from one sentence become one relation with that
	// sentence; PART_OF became a loop and is gone.
	if st.Entities != 2 || st.Relations != 1 || st.Evidence != 1 {
		t.Errorf("got %+v, want 2 entities and one relation with one sentence", st)
	}
	if got.Degree != 1 {
		t.Errorf("got degree %d, want 1", got.Degree)
	}
	if err := db.DeleteDocument(ctx, "m1"); err != nil {
		t.Fatal(err)
	}
	zero := graph.Stats{EntityTypes: map[graph.EntityType]int{}, RelationTypes: map[graph.RelationType]int{}}
	sameStats(t, "after delete", mustStats(t, db), zero)
}

func TestGivenNameAloneAndCanonicalName(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	one := func(id, text string, e graph.Entity) *graph.Extraction {
		return extraction(t, id, "2024-01-01", text, []graph.Entity{e}, nil)
	}
	mustIngest(t, db, one("g1", "Farah Moreau spoke. Farah laughed.", ent("a", graph.Person, "Farah Moreau", "Farah")), graph.Ingested)
	mustIngest(t, db, one("g2", "Farah Moreau left.", ent("a", graph.Person, "Farah Moreau")), graph.Ingested)
	mustIngest(t, db, one("g3", "Mayor Farah Moreau arrived.", ent("a", graph.Person, "Mayor Farah Moreau", "Farah Moreau")), graph.Ingested)
	// A given name alone is not a surname: it makes a node of its own.
	if res := mustIngest(t, db, one("g4", "Farah scored twice.", ent("a", graph.Person, "Farah")), graph.Ingested); res.NewEntities != 1 {
		t.Errorf("got %d new entities, want 1", res.NewEntities)
	}
	// The name two documents chose beats one document's longer form.
	e := mustByName(t, db, "Mayor Farah Moreau", "")
	if e.Name != "Farah Moreau" || e.MentionCount != 4 {
		t.Errorf("got %q with %d mentions, want Farah Moreau with 4", e.Name, e.MentionCount)
	}
}

func TestNamesStartingWithTheResolve(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	for _, id := range []string{"t1", "t2"} {
		x := extraction(t, id, "2024-01-01", "The Harbour Times said so ("+id+"). The editor of the Harbour Times agreed.", []graph.Entity{
			ent("a", graph.Organization, "The Harbour Times", "the Harbour Times"),
		}, nil)
		mustIngest(t, db, x, graph.Ingested)
	}
	e := mustByName(t, db, "The Harbour Times", "")
	if e.MentionCount != 4 || len(e.Aliases) != 0 {
		t.Errorf("got %+v, want one node with 4 mentions and no description alias", e)
	}
	if st := mustStats(t, db); st.Entities != 1 {
		t.Errorf("got %d entities, want 1", st.Entities)
	}
}
