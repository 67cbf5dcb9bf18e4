package schema_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
)

// The test graph: three short fictional news items, written for these
// tests. Tomas Brandt, Velmora and the SpotLight Global Initiative appear in
// two of them, so the store joins them into one node each; the third item
// is an island with no path to the others.

type fent struct {
	id      string
	name    string
	typ     graph.EntityType
	aliases []string
	attrs   map[string]string
}

type frel struct {
	typ      graph.RelationType
	src, dst string
	attrs    map[string]string
	sentence string
}

var fixtureDocs = []struct {
	doc  graph.Document
	ents []fent
	rels []frel
}{
	{
		doc: graph.Document{ID: "d-harbour", Title: "Port authority launches lighting initiative", Date: "2024-03-05", Source: "Velmora Courier", URL: "https://example.org/harbour",
			Text: "Marta Keller, director of the Northwind Port Authority, met Tomas Brandt in Velmora on Monday. " +
				"The Northwind Port Authority launched the SpotLight Global Initiative to light the old harbour. " +
				"Keller said the Spotlight programme would run for five years."},
		ents: []fent{
			{id: "e1", name: "Marta Keller", typ: graph.Person, aliases: []string{"Keller"}},
			{id: "e2", name: "Northwind Port Authority", typ: graph.Organization},
			{id: "e3", name: "Tomas Brandt", typ: graph.Person},
			{id: "e4", name: "Velmora", typ: graph.Location, attrs: map[string]string{"kind": "city"}},
			{id: "e5", name: "SpotLight Global Initiative", typ: graph.Initiative, aliases: []string{"Spotlight programme"}},
		},
		rels: []frel{
			{graph.WorksFor, "e1", "e2", map[string]string{"title": "director"}, "Marta Keller, director of the Northwind Port Authority, met Tomas Brandt in Velmora on Monday."},
			{graph.MetWith, "e1", "e3", nil, "Marta Keller, director of the Northwind Port Authority, met Tomas Brandt in Velmora on Monday."},
			{graph.Launched, "e2", "e5", nil, "The Northwind Port Authority launched the SpotLight Global Initiative to light the old harbour."},
		},
	},
	{
		doc: graph.Document{ID: "d-river", Title: "Brandt joins river council", Date: "2024-04-10", Source: "Velmora Courier",
			Text: "Tomas Brandt joined the Velmora River Council in March. " +
				"The Velmora River Council is based in Velmora. " +
				"Brandt praised the SpotLight Global Initiative."},
		ents: []fent{
			{id: "e1", name: "Tomas Brandt", typ: graph.Person, aliases: []string{"Brandt"}},
			{id: "e2", name: "Velmora River Council", typ: graph.Organization},
			{id: "e3", name: "Velmora", typ: graph.Location, attrs: map[string]string{"kind": "city"}},
			{id: "e4", name: "SpotLight Global Initiative", typ: graph.Initiative},
		},
		rels: []frel{
			{graph.MemberOf, "e1", "e2", nil, "Tomas Brandt joined the Velmora River Council in March."},
			{graph.BasedIn, "e2", "e3", nil, "The Velmora River Council is based in Velmora."},
			{graph.RelatedTo, "e1", "e4", map[string]string{"predicate": "praised"}, "Brandt praised the SpotLight Global Initiative."},
		},
	},
	{
		doc: graph.Document{ID: "d-glass", Title: "Glass museum opens", Date: "2023-11-20", Source: "Tarnow Herald",
			Text: "Ilse Marek opened the Corvin Museum of Glass in Tarnow Bay, next to the Spotlight Theatre."},
		ents: []fent{
			{id: "e1", name: "Ilse Marek", typ: graph.Person},
			{id: "e2", name: "Corvin Museum of Glass", typ: graph.Organization},
			{id: "e3", name: "Tarnow Bay", typ: graph.Location, attrs: map[string]string{"kind": "region"}},
			{id: "e4", name: "Spotlight Theatre", typ: graph.Organization},
		},
		rels: []frel{
			{graph.RelatedTo, "e1", "e2", map[string]string{"predicate": "opened"}, "Ilse Marek opened the Corvin Museum of Glass in Tarnow Bay, next to the Spotlight Theatre."},
			{graph.LocatedIn, "e2", "e3", nil, "Ilse Marek opened the Corvin Museum of Glass in Tarnow Bay, next to the Spotlight Theatre."},
		},
	},
}

// Whole-graph figures of the fixtures once stored: entities shared between
// documents count once.
const (
	fixtureEntities  = 10
	fixtureRelations = 8
)

// extraction builds the graph.Extraction of a fixture document: mentions
// are every occurrence of the entity's name and aliases (longest first,
// never overlapping), evidence is located in the text.
func extraction(tb testing.TB, doc graph.Document, ents []fent, rels []frel) *graph.Extraction {
	tb.Helper()
	doc.Hash = graph.ContentHash(doc.Text)
	x := &graph.Extraction{Document: doc}
	type surface struct {
		ent  int
		text string
	}
	var surfaces []surface
	for i, e := range ents {
		x.Entities = append(x.Entities, graph.Entity{ID: e.id, Name: e.name, Type: e.typ, Aliases: e.aliases, Attributes: orEmpty(e.attrs)})
		for _, s := range append([]string{e.name}, e.aliases...) {
			surfaces = append(surfaces, surface{i, s})
		}
	}
	slices.SortStableFunc(surfaces, func(a, b surface) int { return len(b.text) - len(a.text) })
	taken := make([]bool, len(doc.Text))
	for _, s := range surfaces {
		for off := 0; ; {
			i := strings.Index(doc.Text[off:], s.text)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(s.text)
			off = end
			if slices.Contains(taken[start:end], true) {
				continue
			}
			for k := start; k < end; k++ {
				taken[k] = true
			}
			m := &x.Entities[s.ent]
			m.Mentions = append(m.Mentions, graph.Mention{Start: start, End: end, Text: s.text, Sentence: strings.Count(doc.Text[:start], ". ")})
		}
	}
	for i := range x.Entities {
		if len(x.Entities[i].Mentions) == 0 {
			tb.Fatalf("fixture %s: entity %q is never mentioned", doc.ID, x.Entities[i].Name)
		}
		slices.SortFunc(x.Entities[i].Mentions, func(a, b graph.Mention) int { return a.Start - b.Start })
	}
	for _, r := range rels {
		start := strings.Index(doc.Text, r.sentence)
		if start < 0 {
			tb.Fatalf("fixture %s: evidence %q is not in the text", doc.ID, r.sentence)
		}
		rel := graph.Relation{Type: r.typ, Source: r.src, Target: r.dst, Attributes: orEmpty(r.attrs), Confidence: 0.9,
			Evidence: []graph.Evidence{{Document: doc.ID, Sentence: r.sentence, Start: start, End: start + len(r.sentence)}}}
		x.Relations = append(x.Relations, rel.Canonical())
	}
	return x
}

// ingestFixtures stores every fixture document through w.
func ingestFixtures(tb testing.TB, w graph.Writer) {
	tb.Helper()
	for _, f := range fixtureDocs {
		if _, err := w.Ingest(context.Background(), extraction(tb, f.doc, f.ents, f.rels)); err != nil {
			tb.Fatalf("ingest fixture %s: %v", f.doc.ID, err)
		}
	}
}

// orEmpty returns m, or an empty map for nil.
func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}
