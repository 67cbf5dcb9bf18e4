package store

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// rankedHit is a search candidate as far as its coarse rank goes.
type rankedHit struct {
	coarseRank
	id int
}

// coarseOrder is Search's coarse order, with the id breaking ties so that
// a page is one answer.
func coarseOrder(a, b rankedHit) int {
	if c := a.compare(b.coarseRank); c != 0 {
		return c
	}
	return a.id - b.id
}

// Sorting only what topRanked keeps gives the same first need candidates
// as sorting them all, for random candidates with many ties, and pack
// orders as the coarse order does.
func TestTopRankedKeepsThePage(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	rank := func(h rankedHit) uint32 { return h.pack() }
	for trial := range 300 {
		nq := 1 + r.IntN(4)
		hits := make([]rankedHit, r.IntN(400))
		for i := range hits {
			m := r.IntN(nq + 1)
			hits[i] = rankedHit{coarseRank{tier: r.IntN(6), matched: m, sum: m + r.IntN(2*m+1), bucket: byte(r.IntN(4))}, i}
		}
		need := 1 + r.IntN(30)
		all := slices.Clone(hits)
		slices.SortFunc(all, coarseOrder)
		for i := 1; i < len(all); i++ {
			if rank(all[i-1]) > rank(all[i]) {
				t.Fatalf("trial %d: pack orders %+v after %+v", trial, all[i-1], all[i])
			}
		}
		kept := topRanked(slices.Clone(hits), need, nq, rank)
		slices.SortFunc(kept, coarseOrder)
		k := min(need, len(all))
		if len(kept) < k || !slices.Equal(kept[:k], all[:k]) {
			t.Fatalf("trial %d (need %d of %d): kept %d, first %v, want %v", trial, need, len(hits), len(kept), kept[:min(k, len(kept))], all[:k])
		}
	}
}
