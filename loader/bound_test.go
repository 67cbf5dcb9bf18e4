package loader_test

import (
	"context"
	"math/rand"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/loader/relation"
)

// adversarial documents of the kind that once cost minutes and gigabytes:
// a wall of capitalised words without punctuation, a comma-separated
// roster of names, and one "sentence" of 100,000 tokens.
func adversarial() map[string]string {
	rng := rand.New(rand.NewSource(7))
	first := strings.Fields("Anna Lars Maria Peter Olga Jens Karin Tomas Ingrid Erik Sofia Mikael")
	last := strings.Fields("Berg Holm Lind Olsen Nilsson Strand Dahl Moen Vik Lund Sund Hagen")
	other := strings.Fields("Bank Ministry Oslo Norvik Capital Group Council River North Union Energy Holdings")
	pick := func(l []string) string { return l[rng.Intn(len(l))] }
	var wall, roster, long strings.Builder
	for wall.Len() < 25<<10 {
		wall.WriteString(pick(append(append(first, last...), other...)) + " ")
	}
	for roster.Len() < 48<<10 {
		roster.WriteString(pick(first) + " " + pick(last) + ", ")
	}
	roster.WriteString("and Anna Berg.")
	words := strings.Fields("the Anna Berg met of Norvik Bank in Oslo and")
	for i := 0; i < 100000; i++ {
		long.WriteString(pick(words) + " ")
	}
	return map[string]string{"wall": wall.String(), "roster": roster.String(), "long": long.String()}
}

// TestAdversarialBounded checks the bounds by counting: no stage sees a
// sentence longer than MaxSentenceTokens, so no sentence yields more than
// relation.MaxPairs classifier pairs, and the graph stays proportionate.
// (Time and memory are measured by BenchmarkAdversarial and the README's
// /usr/bin/time figures, not asserted.)
func TestAdversarialBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	l := mustLoader(t)
	for name, txt := range adversarial() {
		if name == "long" && raceEnabled {
			continue
		}
		d, x, err := l.ExtractDoc(context.Background(), graph.Document{Text: txt})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		tokens := 0
		for i, s := range d.Sentences {
			tokens += len(s.Tokens)
			if len(s.Tokens) > loader.MaxSentenceTokens {
				t.Errorf("%s: sentence %d has %d tokens, bound %d", name, i, len(s.Tokens), loader.MaxSentenceTokens)
			}
			var named []int
			for k, m := range d.Mentions {
				if m.Sent == i && !m.Nominal {
					named = append(named, k)
				}
			}
			if n := len(relation.Candidates(d, named, nil)); n > relation.MaxPairs {
				t.Errorf("%s: sentence %d gives %d pairs, bound %d", name, i, n, relation.MaxPairs)
			}
		}
		if len(d.Relations) > len(d.Sentences)*relation.MaxPairs {
			t.Errorf("%s: %d relations from %d sentences", name, len(d.Relations), len(d.Sentences))
		}
		t.Logf("%s: %d bytes, %d tokens, %d sentences, %d mentions, %d entities, %d facts", name, len(txt), tokens, len(d.Sentences), len(d.Mentions), len(x.Entities), len(x.Relations))
	}
}

// TestExtractCancelled checks that a cancelled context stops an extraction
// of a long document with the context's error.
func TestExtractCancelled(t *testing.T) {
	l := mustLoader(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.Extract(ctx, graph.Document{Text: adversarial()["roster"]}); err != context.Canceled {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

// BenchmarkAdversarial extracts each adversarial document; compare with
// BenchmarkExtract-style figures of ordinary news of the same size.
func BenchmarkAdversarial(b *testing.B) {
	l, err := loader.New()
	if err != nil {
		b.Fatal(err)
	}
	for name, txt := range adversarial() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(txt)))
			for b.Loop() {
				if _, err := l.Extract(context.Background(), graph.Document{Text: txt}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
