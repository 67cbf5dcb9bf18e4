package store_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// Resolution across a corpus: one node per thing, no node copied from an
// ambiguous name, and retraction exact after merges.

// people returns the stored people whose name ends with surname.
func withSurname(t *testing.T, db *store.DB, surname string) []*graph.Entity {
	t.Helper()
	_, ents, _ := exportAll(t, db)
	var out []*graph.Entity
	for _, e := range ents {
		if e.Type == graph.Person && strings.HasSuffix(e.Name, surname) {
			out = append(out, e)
		}
	}
	return out
}

func TestPeopleSharingASurnameStayTwo(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	docs := []*graph.Extraction{
		extraction(t, "s1", "2024-05-01", "Helen Varga chairs Corvid Mining. Varga said output rose.", []graph.Entity{
			ent("a", graph.Person, "Helen Varga", "Varga"), ent("b", graph.Organization, "Corvid Mining"),
		}, []graph.Relation{rel("a", graph.Leads, "b")}),
		extraction(t, "s2", "2024-05-02", "Peter Varga coaches the Dunmore Rovers. Varga was pleased.", []graph.Entity{
			ent("a", graph.Person, "Peter Varga", "Varga"), ent("b", graph.Organization, "Dunmore Rovers"),
		}, []graph.Relation{rel("a", graph.WorksFor, "b")}),
		// Bare surnames: one the document settles (Corvid Mining), one it
		// does not.
		extraction(t, "s3", "2024-05-03", "Corvid Mining shares rose after Varga spoke.", []graph.Entity{
			ent("a", graph.Organization, "Corvid Mining"), ent("b", graph.Person, "Varga"),
		}, nil),
		extraction(t, "s4", "2024-05-04", "Varga declined to comment.", []graph.Entity{
			ent("a", graph.Person, "Varga"),
		}, nil),
		extraction(t, "s5", "2024-05-05", "Varga spoke again.", []graph.Entity{
			ent("a", graph.Person, "Varga"),
		}, nil),
	}
	for _, x := range docs {
		mustIngest(t, db, x, graph.Ingested)
	}
	ps := withSurname(t, db, "Varga")
	if len(ps) != 2 {
		t.Fatalf("got %d people named Varga, want Helen and Peter only: %+v", len(ps), ps)
	}
	helen := mustByName(t, db, "Helen Varga", graph.Person)
	peter := mustByName(t, db, "Peter Varga", graph.Person)
	if helen.MentionCount != 3 || peter.MentionCount != 2 {
		t.Errorf("got Helen %d, Peter %d mentions; want 3 (with the bare Varga of the Corvid Mining article) and 2", helen.MentionCount, peter.MentionCount)
	}
	if !strings.Contains(helen.Attributes["matchedBy"], "context:varga") {
		t.Errorf("Helen Varga: matchedBy %q, want the context decision", helen.Attributes["matchedBy"])
	}
	checkInvariants(t, db, "surnames")
}

func TestCompaniesSharingAShortNameStayTwo(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	docs := []*graph.Extraction{
		extraction(t, "c1", "2024-06-01", "Halvard Shipping of Bergen, Norway ordered two tankers. Halvard said so.", []graph.Entity{
			ent("a", graph.Organization, "Halvard Shipping", "Halvard"), ent("b", graph.Location, "Norway"), ent("c", graph.Location, "Bergen"),
		}, []graph.Relation{rel("a", graph.BasedIn, "c"), rel("c", graph.LocatedIn, "b")}),
		extraction(t, "c2", "2024-06-02", "Halvard Foods, the Brazilian meat packer, said Halvard would expand in Curitiba.", []graph.Entity{
			ent("a", graph.Organization, "Halvard Foods", "Halvard"), ent("b", graph.Location, "Curitiba"),
		}, []graph.Relation{rel("a", graph.BasedIn, "b")}),
		// The short name with the Norwegian company's town, and alone.
		extraction(t, "c3", "2024-06-03", "In Bergen, Halvard said freight rates fell.", []graph.Entity{
			ent("a", graph.Organization, "Halvard"), ent("b", graph.Location, "Bergen"),
		}, []graph.Relation{rel("a", graph.BasedIn, "b")}),
		extraction(t, "c4", "2024-06-04", "Halvard shares fell.", []graph.Entity{
			ent("a", graph.Organization, "Halvard"),
		}, nil),
		// Its legal name is the same company.
		extraction(t, "c5", "2024-06-05", "Halvard Shipping Ltd. hired bankers.", []graph.Entity{
			ent("a", graph.Organization, "Halvard Shipping Ltd."),
		}, nil),
	}
	for _, x := range docs {
		mustIngest(t, db, x, graph.Ingested)
	}
	_, ents, _ := exportAll(t, db)
	var orgs []string
	for _, e := range ents {
		if e.Type == graph.Organization {
			orgs = append(orgs, e.Name)
		}
	}
	if len(orgs) != 2 {
		t.Fatalf("got organisations %q, want Halvard Shipping and Halvard Foods", orgs)
	}
	ship := mustByName(t, db, "Halvard Shipping", graph.Organization)
	foods := mustByName(t, db, "Halvard Foods", graph.Organization)
	if ship.ID == foods.ID || ship.MentionCount != 4 || foods.MentionCount != 2 {
		t.Errorf("got shipping %d, foods %d mentions; want 4 (with Bergen's Halvard and the legal name) and 2", ship.MentionCount, foods.MentionCount)
	}
	checkInvariants(t, db, "short names")
}

func TestAcronymDefinedInOneArticleJoinsItsExpansion(t *testing.T) {
	// The definition (a1) before the bare acronym (a2) or the expansion
	// (a3), in every order. The expansion and the bare acronym both
	// stored before any definition stay two nodes, which kgraph
	// duplicates reports: initials alone join nothing ("BBC" also spells
	// the Bank of British Columbia), and a definition does not merge
	// stored nodes.
	for _, order := range [][]int{{0, 1, 2}, {1, 0, 2}, {0, 2, 1}, {2, 0, 1}} {
		db := mustOpen(t, t.TempDir(), store.Options{})
		docs := []*graph.Extraction{
			extraction(t, "a1", "2024-07-01", "The Maritime Safety Directorate (MSD) fined a ferry operator.", []graph.Entity{
				ent("a", graph.Organization, "Maritime Safety Directorate", "MSD"),
			}, nil),
			extraction(t, "a2", "2024-07-02", "MSD inspectors boarded the ship.", []graph.Entity{
				ent("a", graph.Organization, "MSD"),
			}, nil),
			extraction(t, "a3", "2024-07-03", "The Maritime-Safety Directorate's report was late.", []graph.Entity{
				ent("a", graph.Organization, "Maritime-Safety Directorate"),
			}, nil),
		}
		for _, i := range order {
			mustIngest(t, db, docs[i], graph.Ingested)
		}
		st := mustStats(t, db)
		msd := mustByName(t, db, "MSD", graph.Organization)
		if st.Entities != 1 || msd.MentionCount != 4 || graph.CanonicalKey(msd.Name) != "maritime safety directorate" {
			t.Errorf("order %v: got %d entities, MSD %q with %d mentions; want one, the Maritime Safety Directorate, 4", order, st.Entities, msd.Name, msd.MentionCount)
		}
	}
}

// Types and names follow the evidence of all documents: a name typed MISC
// or LOCATION in some articles and ORGANIZATION in most is one node, an
// organisation; the name most documents use is the canonical one.
func TestTypeAndNameFollowTheMajority(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	typs := []graph.EntityType{graph.Misc, graph.Location, graph.Organization, graph.Organization, graph.Organization}
	names := []string{"Kestrel Party", "Kestrel Party", "KESTREL PARTY", "Kestrel Party", "The Kestrel Party"}
	for i, typ := range typs {
		x := extraction(t, "k"+string(rune('0'+i)), "2024-08-01", names[i]+" won seat "+string(rune('A'+i))+".", []graph.Entity{ent("a", typ, names[i])}, nil)
		mustIngest(t, db, x, graph.Ingested)
		if st := mustStats(t, db); st.Entities != 1 {
			t.Fatalf("after %d documents: %d entities, want 1", i+1, st.Entities)
		}
	}
	k := mustByName(t, db, "kestrel party", "")
	if k.Type != graph.Organization || k.Name != "Kestrel Party" {
		t.Errorf("got %s %q, want ORGANIZATION \"Kestrel Party\"", k.Type, k.Name)
	}
	checkInvariants(t, db, "majority")
}

// A store of an older format may hold several nodes of one name (earlier
// resolution made a new node of a name it found ambiguous). A document
// that names them merges them into one, remembered as a merge; deleting a
// later document after the merges leaves the graph exactly as before it,
// and deleting every document leaves nothing.
func TestRetractionAfterAMergeCascadeIsExact(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	var docs []*graph.Extraction
	for i := range 6 {
		id := "m" + string(rune('0'+i))
		docs = append(docs, extraction(t, id, "2024-09-0"+string(rune('1'+i)), "Ostrava Steel raised prices in Brno. Ostrava Steel hired Ana Kral "+id+".", []graph.Entity{
			ent("a", graph.Organization, "Ostrava Steel"), ent("b", graph.Location, "Brno"), ent("c", graph.Person, "Ana Kral"),
		}, []graph.Relation{rel("a", graph.BasedIn, "b"), rel("c", graph.WorksFor, "a")}))
	}
	for _, x := range docs[:5] {
		mustIngest(t, db, x, graph.Ingested)
	}
	steel := mustByName(t, db, "Ostrava Steel", graph.Organization)
	// Split it into five nodes of one name, as an older store had them.
	for _, d := range []string{"m1", "m2", "m3", "m4"} {
		if _, err := store.SplitForTest(db, d, steel.ID); err != nil {
			t.Fatal(err)
		}
	}
	if st := mustStats(t, db); st.EntityTypes[graph.Organization] != 5 {
		t.Fatalf("got %d organisations after the split, want 5", st.EntityTypes[graph.Organization])
	}
	checkInvariants(t, db, "split")
	// The next document merges the five.
	mustIngest(t, db, docs[5], graph.Ingested)
	if st := mustStats(t, db); st.EntityTypes[graph.Organization] != 1 {
		t.Fatalf("got %d organisations, want the five merged into one", st.EntityTypes[graph.Organization])
	}
	merged := mustByName(t, db, "Ostrava Steel", graph.Organization)
	if merged.MentionCount != 12 || len(strings.Split(merged.Attributes["mergedFrom"], ",")) != 4 {
		t.Errorf("got %d mentions, mergedFrom %q; want 12 and four merged nodes", merged.MentionCount, merged.Attributes["mergedFrom"])
	}
	checkInvariants(t, db, "merged")
	// A later document changes the type votes and the canonical name,
	// and its deletion restores the graph exactly.
	d1, e1, r1 := exportAll(t, db)
	late := extraction(t, "late", "2024-09-20", "OSTRAVA STEEL WORKS, the Czech steelmaker, is Ostrava Steel Works.", []graph.Entity{
		ent("a", graph.Location, "Ostrava Steel Works", "Ostrava Steel", "OSTRAVA STEEL WORKS"),
	}, nil)
	var lateIDs []string
	for range 7 {
		late.Document.Text += " Again."
		late.Document.ID += "+"
		late.Entities[0].Mentions = late.Entities[0].Mentions[:1]
		mustIngest(t, db, late, graph.Ingested)
		lateIDs = append(lateIDs, late.Document.ID)
	}
	changed := mustByName(t, db, "Ostrava Steel", "")
	if changed.ID != merged.ID || changed.Type != graph.Location || changed.Name != "Ostrava Steel Works" {
		t.Fatalf("after the later documents: %s %s %q, want %s to be the LOCATION \"Ostrava Steel Works\" by 7 votes to 6", changed.ID, changed.Type, changed.Name, merged.ID)
	}
	checkInvariants(t, db, "late")
	for _, id := range lateIDs {
		if err := db.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	d2, e2, r2 := exportAll(t, db)
	if !reflect.DeepEqual(d1, d2) || !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(r1, r2) {
		t.Errorf("deleting the later documents did not restore the graph:\nbefore %+v\nafter  %+v", e1, e2)
	}
	// Ingesting a stored document again changes nothing.
	for _, x := range docs {
		mustIngest(t, db, x, graph.Unchanged)
	}
	d3, e3, r3 := exportAll(t, db)
	if !reflect.DeepEqual(d1, d3) || !reflect.DeepEqual(e1, e3) || !reflect.DeepEqual(r1, r3) {
		t.Error("ingesting stored documents again changed the graph")
	}
	for _, x := range docs {
		if err := db.DeleteDocument(ctx, x.Document.ID); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, db, "deleting "+x.Document.ID)
	}
	zero := graph.Stats{EntityTypes: map[graph.EntityType]int{}, RelationTypes: map[graph.RelationType]int{}}
	sameStats(t, "after deleting everything", mustStats(t, db), zero)
}

// Nodes of one name under near types, as an older store has them, are
// merged into the one most documents gave when the name comes again.
func TestOneNameUnderNearTypesBecomesOneNode(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	typs := []graph.EntityType{graph.Organization, graph.Misc, graph.Location, graph.Organization, graph.Organization}
	var ids []string
	for i, typ := range typs {
		id := "n" + string(rune('0'+i))
		x := extraction(t, id, "2024-10-01", "Kestrel reported day "+id+".", []graph.Entity{ent("a", typ, "Kestrel")}, nil)
		mustIngest(t, db, x, graph.Ingested)
		ids = append(ids, id)
	}
	if st := mustStats(t, db); st.Entities != 1 {
		t.Fatalf("got %d entities, want one Kestrel", st.Entities)
	}
	k := mustByName(t, db, "Kestrel", "")
	for _, d := range ids[1:4] {
		if _, err := store.SplitForTest(db, d, k.ID); err != nil {
			t.Fatal(err)
		}
	}
	if st := mustStats(t, db); st.Entities != 4 || st.EntityTypes[graph.Organization] != 2 {
		t.Fatalf("after the split: %+v, want 4 nodes, 2 of them organisations", st)
	}
	x := extraction(t, "n9", "2024-10-02", "Kestrel again.", []graph.Entity{ent("a", graph.Misc, "Kestrel")}, nil)
	mustIngest(t, db, x, graph.Ingested)
	st := mustStats(t, db)
	k = mustByName(t, db, "Kestrel", "")
	if st.Entities != 1 || k.Type != graph.Organization || k.MentionCount != 6 {
		t.Errorf("got %d nodes, Kestrel %s with %d mentions; want one organisation with 6", st.Entities, k.Type, k.MentionCount)
	}
	checkInvariants(t, db, "near types")
}

// An alias that is a proper part of a longer name and another node's own
// name stays that node's: "Nordic Motors" is not an alias of "Nordic
// Motors Finance" once Nordic Motors is a node, nor "Fed" of "Oslo Fed";
// nor is another node's name an alias.
func TestAliasOwnedByAnotherNodeIsNotKept(t *testing.T) {
	db := mustOpen(t, t.TempDir(), store.Options{})
	for _, x := range []*graph.Extraction{
		extraction(t, "o1", "2024-11-01", "Nordic Motors sold cars. The Fed met. Norway voted.", []graph.Entity{
			ent("a", graph.Organization, "Nordic Motors"), ent("b", graph.Organization, "Fed"), ent("c", graph.Location, "Norway"),
		}, nil),
		// An extraction that gives a university a country's name.
		extraction(t, "o4", "2024-11-04", "Kestrel University opened. Norway paid.", []graph.Entity{
			ent("a", graph.Organization, "Kestrel University", "Norway"),
		}, nil),
		extraction(t, "o2", "2024-11-02", "Nordic Motors Finance lent money. The Oslo Fed met.", []graph.Entity{
			ent("a", graph.Organization, "Nordic Motors Finance"), ent("b", graph.Organization, "Oslo Fed"),
		}, nil),
		extraction(t, "o3", "2024-11-03", "Nordic Motors Finance, the lending arm, said Nordic Motors would grow. The Oslo Fed said the Fed would wait.", []graph.Entity{
			ent("a", graph.Organization, "Nordic Motors Finance", "Nordic Motors"), ent("b", graph.Organization, "Oslo Fed", "Fed"),
		}, nil),
	} {
		mustIngest(t, db, x, graph.Ingested)
	}
	_, ents, _ := exportAll(t, db)
	carriers := map[string][]string{}
	for _, e := range ents {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			carriers[n] = append(carriers[n], e.Name)
		}
	}
	for _, n := range []string{"Nordic Motors", "Fed", "Norway"} {
		if len(carriers[n]) != 1 || carriers[n][0] != n {
			t.Errorf("%q is carried by %q, want by its own node only", n, carriers[n])
		}
	}
	if len(ents) != 6 {
		t.Errorf("got %d nodes, want 6", len(ents))
	}
	checkInvariants(t, db, "owned aliases")
}
