package graph

import (
	"math/rand/v2"
	"testing"
)

// TestNormalizeASCIIMatchesRunes checks the byte loop against the rune
// loop on random ASCII names built from the characters either treats
// specially: spaces of every kind, capitals, quotes and a trailing 's.
func TestNormalizeASCIIMatchesRunes(t *testing.T) {
	const alphabet = " \t\n\v\f\rAaZzQq`'s.-,09"
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		b := make([]byte, r.IntN(80))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(b)
		got, ok := normalizeASCII(s)
		if !ok {
			t.Fatalf("normalizeASCII(%q) refused an ASCII name", s)
		}
		if want := normalizeRunes(s); got != want {
			t.Fatalf("normalizeASCII(%q) = %q, normalizeRunes gives %q", s, got, want)
		}
	}
	if _, ok := normalizeASCII("Kazakhstan\u2019s"); ok {
		t.Error("normalizeASCII accepted a name with a typographic quote")
	}
}
