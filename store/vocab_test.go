package store

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestVocabFuzzyMatchesScan checks the trigram index against a scan of
// the whole vocabulary: for every query token and distance, fuzzy proposes
// exactly the tokens within that edit distance, and at distance 1 the
// tokens with two neighbouring characters swapped. The vocabulary is made
// of respellings of a few stems (many near neighbours sharing trigrams, as
// in a large store's names) and of random strings, short and long.
func TestVocabFuzzyMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const letters = "aeiounrstlmkbdg"
	random := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		return string(b)
	}
	edit := func(s string, k int) string {
		b := []byte(s)
		for range k {
			i := rng.IntN(len(b) + 1)
			switch c := letters[rng.IntN(len(letters))]; rng.IntN(4) {
			case 3:
				if i+1 < len(b) {
					b[i], b[i+1] = b[i+1], b[i]
				}
			case 0:
				b = slices.Insert(b, i, c)
			case 1:
				if i < len(b) && len(b) > 1 {
					b = slices.Delete(b, i, i+1)
				}
			default:
				if i < len(b) {
					b[i] = c
				}
			}
		}
		return string(b)
	}
	v := newVocabIndex()
	var stems, vocab []string
	for range 40 {
		stems = append(stems, random(3+rng.IntN(12)))
	}
	for _, s := range stems {
		for range 60 {
			vocab = append(vocab, edit(s, rng.IntN(4)))
		}
	}
	for range 800 {
		vocab = append(vocab, random(1+rng.IntN(20)))
	}
	vocab = append(vocab, random(70), random(72))
	for _, w := range vocab {
		v.add(w)
	}
	queries := append([]string{random(70), random(71)}, vocab[:200]...)
	for _, s := range stems {
		queries = append(queries, s, edit(s, 1), edit(s, 2))
	}
	var rows [2][]int
	noStop := func() error { return nil }
	compared, swapped := 0, 0
	for _, q := range queries {
		for d := 1; d <= 2; d++ {
			var got []string
			if err := v.fuzzy(q, d, noStop, func(tok string) { got = append(got, tok) }); err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range v.toks {
				switch {
				case w == q:
				case withinDistance(q, []byte(w), d, &rows):
					want = append(want, w)
				case d == 1 && oneSwap(q, w):
					want = append(want, w)
					swapped++
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("fuzzy(%q, %d): got %q, want %q", q, d, got, want)
			}
			compared += len(want)
		}
	}
	if compared < 1000 || swapped < 20 {
		t.Fatalf("only %d matches compared, %d of them swaps: the vocabulary has too few near neighbours to test the index", compared, swapped)
	}
}

// oneSwap reports whether b is a with two neighbouring characters swapped.
func oneSwap(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	var diff []int
	for i := range ra {
		if ra[i] != rb[i] {
			diff = append(diff, i)
		}
	}
	return len(diff) == 2 && diff[1] == diff[0]+1 && ra[diff[0]] == rb[diff[1]] && ra[diff[1]] == rb[diff[0]]
}

func TestSwaps(t *testing.T) {
	var got []string
	swaps("abba", func(s []byte) { got = append(got, string(s)) })
	if want := []string{"baba", "abab"}; !slices.Equal(got, want) {
		t.Errorf("swaps(abba): got %q, want %q", got, want)
	}
	got = got[:0]
	swaps("zé1", func(s []byte) { got = append(got, string(s)) })
	if want := []string{"éz1", "z1é"}; !slices.Equal(got, want) {
		t.Errorf("swaps(zé1): got %q, want %q", got, want)
	}
}

// TestBitLevMatchesDP checks the bit-parallel distance test against the
// dynamic programme on random pairs of short strings over a small
// alphabet (many near pairs), at distances 0 to 3.
func TestBitLevMatchesDP(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const letters = "abcdé"
	word := func() string {
		r := []rune(letters)
		b := make([]rune, 1+rng.IntN(12))
		for i := range b {
			b[i] = r[rng.IntN(len(r))]
		}
		return string(b)
	}
	var rows [2][]int
	agree := 0
	for range 50000 {
		q, w := word(), word()
		var b bitLev
		if !b.init(q) {
			t.Fatalf("init(%q) refused", q)
		}
		for d := 0; d <= 3; d++ {
			want := withinDistance(q, []byte(w), d, &rows)
			if got := b.within(w, d); got != want {
				t.Fatalf("within(%q, %q, %d) = %v, the programme says %v", q, w, d, got, want)
			}
			if want {
				agree++
			}
		}
	}
	if agree < 1000 {
		t.Fatalf("only %d pairs within distance: the test says little", agree)
	}
	var b bitLev
	if b.init("") || b.init(strings.Repeat("a", 65)) {
		t.Error("init accepted an empty or too long query")
	}
}

// candSlots keeps small entity numbers in its array and large ones in its
// map, and a slot unset is free for the next search.
func TestCandSlots(t *testing.T) {
	var c candSlots
	for i, e := range []uint64{7, 3, maxDenseSlot + 5, 1 << 40, 0} {
		if _, ok := c.get(e); ok {
			t.Fatalf("slot of %d set before its set", e)
		}
		c.set(e, int32(i))
	}
	for i, e := range []uint64{7, 3, maxDenseSlot + 5, 1 << 40, 0} {
		if got, ok := c.get(e); !ok || got != int32(i) {
			t.Errorf("get(%d) = %d, %v; want %d", e, got, ok, i)
		}
	}
	if len(c.dense) > maxDenseSlot || len(c.sparse) != 2 {
		t.Errorf("%d dense slots, %d in the map; want at most %d and 2", len(c.dense), len(c.sparse), maxDenseSlot)
	}
	for _, e := range []uint64{7, 3, 0} {
		c.unset(e)
	}
	clear(c.sparse)
	for _, e := range []uint64{7, 3, maxDenseSlot + 5, 1 << 40, 0} {
		if _, ok := c.get(e); ok {
			t.Errorf("slot of %d still set after the search", e)
		}
	}
}
