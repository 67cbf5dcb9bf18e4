package store_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// mustOpen opens a store in dir and closes it when the test ends (unless
// the test closed it first).
func mustOpen(tb testing.TB, dir string, opts store.Options) *store.DB {
	tb.Helper()
	db, err := store.Open(dir, opts)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// ent is a test entity: a local id, a type, its name and aliases.
func ent(id string, typ graph.EntityType, name string, aliases ...string) graph.Entity {
	return graph.Entity{ID: id, Name: name, Type: typ, Aliases: aliases, Attributes: map[string]string{}}
}

// rel is a test relation between local ids, with attributes as key, value
// pairs.
func rel(src string, typ graph.RelationType, dst string, attrs ...string) graph.Relation {
	r := graph.Relation{Source: src, Type: typ, Target: dst, Confidence: 0.8, Attributes: map[string]string{}}
	for i := 0; i+1 < len(attrs); i += 2 {
		r.Attributes[attrs[i]] = attrs[i+1]
	}
	return r
}

// extraction builds an extraction of text as the loader would: every
// occurrence of an entity's name or alias becomes a mention (longest forms
// first, no overlaps), and each relation gets as evidence the first
// sentence that mentions both ends.
func extraction(tb testing.TB, id, date, text string, ents []graph.Entity, rels []graph.Relation) *graph.Extraction {
	tb.Helper()
	x := &graph.Extraction{Document: graph.Document{ID: id, Title: "Title of " + id, Date: date, Text: text}}
	taken := make([]bool, len(text))
	sents := sentences(text)
	byID := map[string]*graph.Entity{}
	for _, e := range ents {
		forms := append([]string{e.Name}, e.Aliases...)
		for _, f := range forms {
			for from := 0; ; {
				i := strings.Index(text[from:], f)
				if i < 0 {
					break
				}
				s, end := from+i, from+i+len(f)
				from = end
				if taken[s] || taken[end-1] {
					continue
				}
				for j := s; j < end; j++ {
					taken[j] = true
				}
				e.Mentions = append(e.Mentions, graph.Mention{Start: s, End: end, Text: f, Sentence: sentenceOf(sents, s)})
			}
		}
		if len(e.Mentions) == 0 {
			tb.Fatalf("%s: entity %q is not in the text", id, e.Name)
		}
		x.Entities = append(x.Entities, e)
		byID[e.ID] = &x.Entities[len(x.Entities)-1]
	}
	for _, r := range rels {
		a, b := byID[r.Source], byID[r.Target]
		if a == nil || b == nil {
			tb.Fatalf("%s: relation %s %s %s names an unknown entity", id, r.Source, r.Type, r.Target)
		}
		for i, s := range sents {
			if mentionedIn(a, i) && mentionedIn(b, i) {
				r.Evidence = []graph.Evidence{{Start: s[0], End: s[1], Sentence: text[s[0]:s[1]]}}
				break
			}
		}
		if r.Evidence == nil {
			tb.Fatalf("%s: no sentence has both ends of %s %s %s", id, r.Source, r.Type, r.Target)
		}
		x.Relations = append(x.Relations, r)
	}
	return x
}

func mentionedIn(e *graph.Entity, sent int) bool {
	for _, m := range e.Mentions {
		if m.Sentence == sent {
			return true
		}
	}
	return false
}

// sentences splits text after ". " into byte spans.
func sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ') {
			out = append(out, [2]int{start, i + 1})
			start = i + 2
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

func sentenceOf(sents [][2]int, off int) int {
	for i, s := range sents {
		if off >= s[0] && off < s[1] {
			return i
		}
	}
	return len(sents) - 1
}

// mustIngest ingests x and fails the test on error or an unexpected status.
func mustIngest(tb testing.TB, db *store.DB, x *graph.Extraction, want graph.IngestStatus) graph.IngestResult {
	tb.Helper()
	res, err := db.Ingest(context.Background(), x)
	if err != nil {
		tb.Fatalf("ingest %s: %v", x.Document.ID, err)
	}
	if res.Status != want {
		tb.Fatalf("ingest %s: got status %s, want %s", x.Document.ID, res.Status, want)
	}
	return res
}

func mustStats(tb testing.TB, db *store.DB) graph.Stats {
	tb.Helper()
	s, err := db.Stats(context.Background())
	if err != nil {
		tb.Fatalf("stats: %v", err)
	}
	s.StoreBytes = 0 // refreshed by Badger in the background
	return s
}

// mustByName returns the entity named name of type typ, failing when none.
func mustByName(tb testing.TB, db *store.DB, name string, typ graph.EntityType) *graph.Entity {
	tb.Helper()
	e, err := db.EntityByName(context.Background(), name, typ)
	if err != nil {
		tb.Fatalf("entity by name %q: %v", name, err)
	}
	if e == nil {
		tb.Fatalf("entity by name %q: got nil, want an entity", name)
	}
	return e
}

// exportAll returns the whole graph as the exporter streams it.
func exportAll(tb testing.TB, db *store.DB) ([]*graph.Document, []*graph.Entity, []*graph.Relation) {
	tb.Helper()
	ctx := context.Background()
	var docs []*graph.Document
	var ents []*graph.Entity
	var rels []*graph.Relation
	if err := db.ExportDocuments(ctx, func(d *graph.Document) error { docs = append(docs, d); return nil }); err != nil {
		tb.Fatalf("export documents: %v", err)
	}
	if err := db.ExportEntities(ctx, func(e *graph.Entity) error { ents = append(ents, e); return nil }); err != nil {
		tb.Fatalf("export entities: %v", err)
	}
	if err := db.ExportRelations(ctx, func(r *graph.Relation) error { rels = append(rels, r); return nil }); err != nil {
		tb.Fatalf("export relations: %v", err)
	}
	return docs, ents, rels
}

func sameStats(tb testing.TB, what string, got, want graph.Stats) {
	tb.Helper()
	if !reflect.DeepEqual(got, want) {
		tb.Errorf("%s: got stats %+v, want %+v", what, got, want)
	}
}

// Fixture articles, written for these tests: the same people and
// organisations under different forms, and two people who share a surname.
const (
	textA = "Natasha Romanova, director of the Arctic Research Council (ARC), met John Smith in Oslo. " +
		"Romanova said the council would fund the SpotLight Global Initiative. " +
		"John Smith works for Northwind Shipping."
	textB = "Romanova travelled to Tromso on Monday. " +
		"Mary Smith of the ARC joined her there. " +
		"Mary Smith leads Polar Logistics."
	textC = "Smith declined to comment on the talks in Oslo."
)

func docA(tb testing.TB) *graph.Extraction {
	return extraction(tb, "a", "2024-03-01", textA, []graph.Entity{
		ent("p1", graph.Person, "Natasha Romanova", "Romanova"),
		ent("o1", graph.Organization, "Arctic Research Council", "ARC"),
		ent("p2", graph.Person, "John Smith"),
		ent("l1", graph.Location, "Oslo"),
		ent("i1", graph.Initiative, "SpotLight Global Initiative"),
		ent("o2", graph.Organization, "Northwind Shipping"),
	}, []graph.Relation{
		rel("p1", graph.WorksFor, "o1", "title", "director"),
		rel("p1", graph.MetWith, "p2"),
		rel("p2", graph.WorksFor, "o2"),
	})
}

func docB(tb testing.TB) *graph.Extraction {
	return extraction(tb, "b", "2024-03-05", textB, []graph.Entity{
		ent("x1", graph.Person, "Romanova"),
		ent("x2", graph.Location, "Tromso"),
		ent("x3", graph.Person, "Mary Smith", "Smith"),
		ent("x4", graph.Organization, "ARC"),
		ent("x5", graph.Organization, "Polar Logistics"),
	}, []graph.Relation{
		rel("x1", graph.LivesIn, "x2"),
		rel("x3", graph.MemberOf, "x4"),
		rel("x3", graph.Leads, "x5"),
	})
}

func docC(tb testing.TB) *graph.Extraction {
	return extraction(tb, "c", "2024-03-07", textC, []graph.Entity{
		ent("y1", graph.Person, "Smith"),
		ent("y2", graph.Location, "Oslo"),
	}, []graph.Relation{
		rel("y1", graph.LivesIn, "y2"),
	})
}
