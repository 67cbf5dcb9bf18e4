package relation_test

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/text"
)

// roster builds one sentence "N0 , N1 , N2 …" of n one-word names cycling
// through person, organisation and place, each a mention.
func roster(n int) (*text.Doc, []int) {
	words := make([]string, 0, 2*n)
	for i := 0; i < n; i++ {
		if i > 0 {
			words = append(words, ",")
		}
		words = append(words, "Name")
	}
	d := text.FromTokens([][]string{words})
	types := []graph.EntityType{graph.Person, graph.Organization, graph.Location}
	var ms []int
	for i := 0; i < n; i++ {
		d.Mentions = append(d.Mentions, text.Mention{Sent: 0, Start: 2 * i, End: 2*i + 1, Type: types[i%3], Entity: -1})
		ms = append(ms, i)
	}
	return d, ms
}

func TestCandidatesBounded(t *testing.T) {
	// A short list gives every pair the types allow, as before the bound.
	d, ms := roster(9)
	got := relation.Candidates(d, ms, nil)
	want := 0
	for _, i := range ms {
		for _, j := range ms {
			if i != j && relation.Allowed(d.Mentions[i].Type, d.Mentions[j].Type) > 1 {
				want++
			}
		}
	}
	if len(got) != want {
		t.Fatalf("9 names: %d pairs, want all %d", len(got), want)
	}
	// A roster of thousands of names gives at most MaxPairs, the nearest,
	// each once.
	for _, n := range []int{100, 5000} {
		d, ms := roster(n)
		got := relation.Candidates(d, ms, nil)
		if len(got) == 0 || len(got) > relation.MaxPairs {
			t.Fatalf("%d names: %d pairs, want 1..%d", n, len(got), relation.MaxPairs)
		}
		seen := map[relation.Candidate]bool{}
		for _, c := range got {
			if seen[c] {
				t.Errorf("%d names: pair %d–%d twice", n, c.Head, c.Tail)
				break
			}
			seen[c] = true
			if gap := abs(c.Head - c.Tail); gap > 2*relation.MaxPairs/n+2 {
				t.Errorf("%d names: pair %d–%d is %d names apart; the nearest pairs fill the bound first", n, c.Head, c.Tail, gap)
				break
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// BenchmarkExtractRoster runs the relation stage on one sentence listing
// 5,000 names: its cost is linear in the names, not their square.
func BenchmarkExtractRoster(b *testing.B) {
	for b.Loop() {
		d, _ := roster(5000)
		stages.Relation.Extract(d)
	}
}
