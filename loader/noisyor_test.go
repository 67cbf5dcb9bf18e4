package loader

import (
	"math"
	"testing"
)

// TestNoisyOrDeterministic: a fact stated in many sentences gets the same
// confidence, to the bit, however Go orders the map of its sentences.
func TestNoisyOrDeterministic(t *testing.T) {
	bySent := map[int]float64{}
	for s := range 64 {
		// Small probabilities keep the product near 0.5, where its
		// last bits show in 1 - product.
		bySent[s] = 0.002 + 0.02*math.Mod(float64(s)*0.618033988749895, 1)
	}
	want := 1.0
	for s := range 64 {
		want *= 1 - bySent[s]
	}
	want = 1 - want
	for range 50 {
		if got := noisyOr(bySent); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("noisyOr = %v, want %v (the product in sentence order)", got, want)
		}
	}
	if got := noisyOr(map[int]float64{3: 0.5}); got != 0.5 {
		t.Fatalf("one sentence: noisyOr = %v, want 0.5", got)
	}
}
