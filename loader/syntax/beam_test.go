package syntax

import (
	"bytes"
	"slices"
	"testing"
)

// TestBeamOfOneIsGreedy checks that beam search with one item makes the
// greedy parser's choices: same heads and relations on EWT dev sentences.
func TestBeamOfOneIsGreedy(t *testing.T) {
	sents := devSentences(t)
	if len(sents) > 400 {
		sents = sents[:400]
	}
	m := loadModel(t)
	var st, sb pstate
	var mm memo
	var bs beamScratch
	var keys []uint64
	scores := make([]int32, 64)
	for _, s := range sents {
		n := len(s.Words)
		var at []atoms
		var tags []int8
		at, tags, keys = tagWords(m, s.Words, keys, scores)
		st.reset(n)
		st.toks = setToks(st.toks, at, tags)
		sb.reset(n)
		sb.toks = st.toks
		keys = m.parse(&st, &mm, keys, scores)
		keys = m.parseBeam(1, &sb, &bs, &mm, keys, scores)
		if !slices.Equal(st.head[:n], sb.head[:n]) || !slices.Equal(st.lab[:n], sb.lab[:n]) {
			t.Fatalf("%q: greedy %v %v, beam of one %v %v", s.Words, st.head[:n], st.lab[:n], sb.head[:n], sb.lab[:n])
		}
	}
}

// trainSentences reads the first n sentences of the EWT train split,
// skipping the test when ../shared is absent.
func trainSentences(tb testing.TB, n int) []Sentence {
	tb.Helper()
	s := ewtSentences(tb, "train")
	return s[:min(n, len(s))]
}

// TestBeamTraining trains a small beam model twice on 150 sentences: it
// must learn them (global training with max-violation updates converges
// on its training data) and give the same bytes both times.
func TestBeamTraining(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	sents := trainSentences(t, 150)
	var out [2][]byte
	for i := range out {
		m, err := Train(TrainConfig{Train: sents, TagIter: 2, ParseIter: 5, Beam: 4, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		out[i] = modelBytes(t, m)
		m2, err := Decode(bytes.NewReader(out[i]))
		if err != nil {
			t.Fatal(err)
		}
		if m2.beam != 4 {
			t.Fatalf("decoded beam width %d, want 4", m2.beam)
		}
		r := m2.Eval(sents)
		t.Logf("on its training sentences: %s", r)
		if r.UAS < 85 || r.LAS < 80 {
			t.Errorf("beam model does not learn its training sentences: %s", r)
		}
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Error("two trainings with the same data and seed differ")
	}
}

// TestLabellerAndSecondPass trains a small model with the second tagging
// pass and the arc labeller: the file must carry both and write the same
// bytes after decoding, the model must learn its training sentences, and
// every parse must stay a well-formed tree whose root alone is "root".
func TestLabellerAndSecondPass(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	sents := trainSentences(t, 150)
	m, err := Train(TrainConfig{Train: sents, TagIter: 3, ParseIter: 3, Folds: 2, Beam: 4, Seed: 3, RelabelIter: 3, StackIter: 3})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, n, _, _ := m.Sizes(); n == 0 || m.stack == nil || m.stack.size() == 0 {
		t.Fatalf("no labeller or second tagging pass trained (labeller %d features)", n)
	}
	m2 := roundTrip(t, m)
	if m2.rel == nil || m2.stack == nil {
		t.Fatal("decoded model lost the labeller or the second tagging pass")
	}
	r, base := m2.Eval(sents), m2.WithoutLabeller().Eval(sents)
	t.Logf("on its training sentences: %s; with the parser's own relations: %s", r, base)
	if r.UPOS < 90 || r.LAS < 70 {
		t.Errorf("model does not learn its training sentences: %s", r)
	}
	for _, s := range sents {
		checkTree(t, s.Words, m2.Parse(s.Words))
	}
}
