package syntax

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"
)

// bestTree finds the maximum spanning arborescence of s rooted at root by
// trying every head assignment (small graphs only).
func bestTree(s [][]float64, root int) (float64, bool) {
	N := len(s)
	head := make([]int, N)
	best, found := math.Inf(-1), false
	var rec func(d int)
	rec = func(d int) {
		if d == N {
			head[root] = -1
			if findCycle(head, root) != nil {
				return
			}
			w := 0.0
			for v := range N {
				if v != root {
					w += s[v][head[v]]
				}
			}
			if !math.IsInf(w, -1) && (!found || w > best) {
				best, found = w, true
			}
			return
		}
		if d == root {
			rec(d + 1)
			return
		}
		for h := range N {
			if h != d {
				head[d] = h
				rec(d + 1)
			}
		}
	}
	rec(0)
	return best, found
}

// TestChuLiuEdmonds checks the maximum spanning tree against exhaustive
// search on random graphs of up to six nodes, some arcs missing.
func TestChuLiuEdmonds(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 3000 {
		N := 2 + trial%5
		root := rng.IntN(N)
		s := make([][]float64, N)
		for d := range s {
			s[d] = make([]float64, N)
			for h := range s[d] {
				s[d][h] = math.Inf(-1)
				if h != d && d != root && rng.IntN(4) > 0 {
					s[d][h] = float64(rng.IntN(9))
				}
			}
		}
		// a chain keeps a spanning tree possible
		for d, prev := 0, root; d < N; d++ {
			if d != root {
				if math.IsInf(s[d][prev], -1) {
					s[d][prev] = 0
				}
				prev = d
			}
		}
		want, ok := bestTree(s, root)
		if !ok {
			t.Fatal("no spanning tree in the test graph")
		}
		head := chuLiuEdmonds(s, root)
		if head[root] != -1 || findCycle(head, root) != nil {
			t.Fatalf("trial %d: %v is not a tree rooted at %d", trial, head, root)
		}
		got := 0.0
		for v := range N {
			if v != root {
				got += s[v][head[v]]
			}
		}
		if got != want {
			t.Fatalf("trial %d: tree %v weighs %v, the best %v (graph %v)", trial, head, got, want, s)
		}
	}
}

// TestCombineOneRoot checks that the combination keeps one root when the
// votes would attach two words to it, and otherwise takes the best head
// of each word.
func TestCombineOneRoot(t *testing.T) {
	var m Model
	var es ensScratch
	n := 3
	es.w = make([]float64, n*(n+1))
	set := func(d, h int, v float64) { es.w[d*(n+1)+h] += v }
	// word 0 and word 2 both voted to the root, word 1 under word 0
	set(0, 3, 1.0)
	set(2, 3, 0.6)
	set(2, 1, 0.4)
	set(1, 0, 1.0)
	head := m.combine(&es, n)
	want := []int{3, 0, 1}
	for d := range n {
		if head[d] != want[d] {
			t.Fatalf("heads %v, want %v", head[:n], want)
		}
	}
}

// TestEnsembleTraining trains a small model with the right-to-left parser:
// the file carries it and writes the same bytes after decoding, each
// direction alone and the two together learn the training sentences,
// every combined parse is a well-formed tree whose root alone is "root",
// and training the parts one after the other gives the same file as side
// by side.
func TestEnsembleTraining(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	sents := trainSentences(t, 150)
	cfg := TrainConfig{Train: sents, TagIter: 3, ParseIter: 5, Folds: 2, Beam: 4, Seed: 3, RelabelIter: 3, StackIter: 3, Reverse: true}
	m, err := Train(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Ensemble() || m.ract.size() == 0 || m.rlab.size() == 0 {
		t.Fatal("no right-to-left parser trained")
	}
	m2 := roundTrip(t, m)
	if !m2.Ensemble() {
		t.Fatal("decoded model lost the right-to-left parser")
	}
	both, left, right := m2.Eval(sents), m2.Direction("left").Eval(sents), m2.Direction("right").Eval(sents)
	t.Logf("on its training sentences: both %s; left alone %s; right alone %s", both, left, right)
	for _, r := range []Result{both, left, right} {
		if r.UAS < 82 || r.LAS < 75 {
			t.Errorf("model does not learn its training sentences: %s", r)
		}
	}
	if right.UAS == left.UAS && right.LAS == left.LAS {
		t.Error("the right-to-left parser parses exactly as the left-to-right one")
	}
	for _, s := range sents {
		checkTree(t, s.Words, m2.Parse(s.Words))
	}
	// TrainReverse on the model without it gives the same file
	base := m2.WithBeam(m2.Beam())
	base.ract, base.rlab = nil, nil
	m3, err := TrainReverse(base, cfg)
	if err != nil {
		t.Fatal(err)
	}
	first := modelBytes(t, m)
	if !bytes.Equal(first, modelBytes(t, m3)) {
		t.Error("TrainReverse on the trained model's other parts gives another file than Train")
	}
	// the parts trained one after the other (dev scored) instead of side
	// by side give the same file
	cfg.Dev = sents[:10]
	m4, err := Train(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, modelBytes(t, m4)) {
		t.Error("training the parts one after the other gives another file than side by side")
	}
}
