package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// corpus makes n synthetic news-sized extractions (about 50 entities and 20
// relations each) over a shared pool of names, so that most entities of a
// document resolve to stored ones, as in a real news corpus.
func corpus(n int) []*graph.Extraction {
	rng := rand.New(rand.NewPCG(7, 11))
	first := []string{"Amira", "Boris", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivo", "Jana",
		"Kofi", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quinn", "Rosa", "Sami", "Tomas"}
	last := []string{"Abara", "Berg", "Castell", "Dune", "Eklund", "Fonseca", "Grau", "Holt", "Ivers",
		"Jaska", "Kuroda", "Lind", "Moreau", "Nkosi", "Orlov"}
	type name struct {
		text string
		typ  graph.EntityType
	}
	var pool []name
	for _, f := range first {
		for _, l := range last {
			pool = append(pool, name{f + " " + l, graph.Person})
		}
	}
	for i := range 200 {
		pool = append(pool, name{fmt.Sprintf("Org%s Holdings", strings.Repeat(string(rune('A'+i%26)), 1+i/26)), graph.Organization})
	}
	for i := range 120 {
		pool = append(pool, name{fmt.Sprintf("Port %s%d", string(rune('A'+i%26)), i), graph.Location})
	}
	docs := make([]*graph.Extraction, n)
	for d := range docs {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Report number %d from the wire. ", d)
		picked := map[int]bool{}
		var ents []graph.Entity
		for len(ents) < 50 {
			// Skewed choice: low indexes come up far more often.
			i := int(float64(len(pool)) * rng.Float64() * rng.Float64())
			if picked[i] {
				continue
			}
			picked[i] = true
			p := pool[i]
			start := sb.Len()
			sb.WriteString(p.text)
			e := graph.Entity{ID: fmt.Sprintf("l%d", len(ents)), Name: p.text, Type: p.typ,
				Mentions: []graph.Mention{{Start: start, End: start + len(p.text), Text: p.text}}}
			if p.typ == graph.Person {
				surname := p.text[strings.IndexByte(p.text, ' ')+1:]
				e.Aliases = []string{surname}
				sb.WriteString(" spoke on Tuesday, and later " + surname)
				s := sb.Len() - len(surname)
				e.Mentions = append(e.Mentions, graph.Mention{Start: s, End: s + len(surname), Text: surname})
			}
			sb.WriteString(" was seen again in the afternoon. ")
			ents = append(ents, e)
		}
		var rels []graph.Relation
		types := []graph.RelationType{graph.WorksFor, graph.MetWith, graph.BasedIn, graph.LivesIn, graph.RelatedTo}
		for len(rels) < 20 {
			a, b := rng.IntN(len(ents)), rng.IntN(len(ents))
			if a == b {
				continue
			}
			start := sb.Len()
			fmt.Fprintf(&sb, "%s and %s were named together in a statement. ", ents[a].Name, ents[b].Name)
			rels = append(rels, graph.Relation{Source: ents[a].ID, Target: ents[b].ID, Type: types[rng.IntN(len(types))],
				Confidence: 0.7, Attributes: map[string]string{"title": "Chair"},
				Evidence: []graph.Evidence{{Start: start, End: sb.Len() - 1}}})
		}
		docs[d] = &graph.Extraction{
			Document:  graph.Document{ID: fmt.Sprintf("doc%d", d), Date: fmt.Sprintf("2024-%02d-%02d", 1+d%12, 1+d%28), Text: sb.String()},
			Entities:  ents,
			Relations: rels,
		}
	}
	return docs
}

// BenchmarkIngest ingests synthetic news-sized extractions into one store,
// one document per iteration. Run it at corpus size with
// go test ./store -run '^$' -bench Ingest -benchtime 2225x
func BenchmarkIngest(b *testing.B) {
	docs := corpus(b.N)
	db := mustOpen(b, b.TempDir(), store.Options{})
	ctx := context.Background()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := db.Ingest(ctx, docs[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "docs/s")
}

// TestIngestCorpusResolvesRepeats ingests a few hundred synthetic
// documents, logs the rate (timing is not asserted: the machine is shared)
// and checks that names repeated across documents become one node each.
func TestIngestCorpusResolvesRepeats(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus ingest skipped in -short mode")
	}
	docs := corpus(300)
	db := mustOpen(t, t.TempDir(), store.Options{})
	ctx := context.Background()
	start := time.Now()
	for _, x := range docs {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	took := time.Since(start)
	st := mustStats(t, db)
	t.Logf("%d documents in %v (%.0f/s): %d entities, %d relations", len(docs), took, float64(len(docs))/took.Seconds(), st.Entities, st.Relations)
	if st.Entities > 700 {
		t.Errorf("got %d entities from a pool of 620 names, want resolution to join repeats", st.Entities)
	}
}

// BenchmarkSearch runs a two-word query with one misspelt word against a
// store of 500 synthetic documents.
func BenchmarkSearch(b *testing.B) {
	db := mustOpen(b, b.TempDir(), store.Options{})
	ctx := context.Background()
	for _, x := range corpus(500) {
		if _, err := db.Ingest(ctx, x); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := db.Search(ctx, graph.SearchQuery{Query: "amira abarra"})
		if err != nil || len(p.Items) == 0 {
			b.Fatalf("got %v, %v", p.Items, err)
		}
	}
}
