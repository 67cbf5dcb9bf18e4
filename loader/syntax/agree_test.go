package syntax

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestAgreedTrees checks that Agreed returns a tree exactly when the two
// directions parse a sentence alike, that the tree is the left-to-right
// parse, and that it reads back from its CoNLL-U unchanged.
func TestAgreedTrees(t *testing.T) {
	m := loadModel(t)
	if !m.Ensemble() {
		t.Skip("the embedded model has one direction")
	}
	var agreed, differ int
	for _, s := range ewtSentences(t, "train")[:300] {
		got, ok := m.Agreed(s.Words)
		left := m.Direction("left").Parse(s.Words)
		right := m.Direction("right").WithoutLabeller().Parse(s.Words)
		same := slices.Equal(left.Head, right.Head)
		for i := range left.Deprel {
			same = same && universal(left.Deprel[i]) == universal(right.Deprel[i])
		}
		if ok != same {
			t.Fatalf("%q: Agreed says %v, the two directions agree: %v", s.Words, ok, same)
		}
		if !ok {
			differ++
			continue
		}
		agreed++
		if !slices.Equal(got.Head, left.Head) || !slices.Equal(got.Deprel, left.Deprel) || !slices.Equal(got.UPOS, left.UPOS) {
			t.Fatalf("%q: agreed tree is not the left-to-right parse", s.Words)
		}
		checkTree(t, s.Words, Parse{UPOS: got.UPOS, Lemma: got.Lemma, Head: got.Head, Deprel: got.Deprel})
		var b strings.Builder
		got.WriteCoNLLU(&b)
		back, err := ReadCoNLLU(strings.NewReader(b.String()))
		if err != nil || len(back) != 1 {
			t.Fatalf("reading back %q: %v (%d sentences)", b.String(), err, len(back))
		}
		r := back[0]
		if !slices.Equal(r.Words, got.Words) || !slices.Equal(r.UPOS, got.UPOS) || !slices.Equal(r.Head, got.Head) || !slices.Equal(r.Deprel, got.Deprel) {
			t.Fatalf("CoNLL-U round trip changed %q", got.Words)
		}
	}
	t.Logf("%d of %d train sentences agreed", agreed, agreed+differ)
	if agreed == 0 || differ == 0 {
		t.Errorf("%d agreed, %d differ: the check tells nothing", agreed, differ)
	}
	if _, ok := m.Direction("left").WithBeam(1).withoutRight().Agreed([]string{"It", "works", "."}); ok {
		t.Error("a model with one direction agreed with itself")
	}
}

func (m *Model) withoutRight() *Model {
	c := m.WithBeam(m.Beam())
	c.ract, c.rlab = nil, nil
	return c
}

// TestExtraTrainsParsersOnly trains a small model with and without extra
// parsed sentences: the taggers and the labeller must be the same, the
// parsers not, and a sentence with a relation the training data lacks is
// left out.
func TestExtraTrainsParsersOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	sents := trainSentences(t, 400)
	cfg := TrainConfig{Train: sents[:150], TagIter: 2, ParseIter: 2, Folds: 2, Beam: 2, Seed: 5, RelabelIter: 2, StackIter: 2, Reverse: true}
	base, err := Train(cfg)
	if err != nil {
		t.Fatal(err)
	}
	odd := sents[150]
	odd.Deprel = slices.Clone(odd.Deprel)
	odd.Deprel[0] = "no-such-relation"
	cfg.Extra = append(slices.Clone(sents[151:]), odd)
	var log bytes.Buffer
	cfg.Log = &log
	with, err := Train(cfg)
	if err != nil {
		t.Fatal(err)
	}
	known := 0 // extra sentences all of whose relations the 150 have
	for _, s := range cfg.Extra {
		if !slices.ContainsFunc(s.Deprel, func(d string) bool { return !slices.Contains(base.labels, d) }) {
			known++
		}
	}
	if want := fmt.Sprintf("extra parsed sentences: %d of 250 kept", known); known == 250 || !strings.Contains(log.String(), want) {
		t.Errorf("log does not say %q:\n%s", want, log.String())
	}
	same := func(a, b *table) bool {
		return slices.Equal(a.keys, b.keys) && slices.Equal(a.ents, b.ents)
	}
	if !same(base.tags, with.tags) || !same(base.stack, with.stack) || !same(base.rel, with.rel) {
		t.Error("extra sentences changed a tagger or the labeller")
	}
	if same(base.act, with.act) || same(base.ract, with.ract) {
		t.Error("extra sentences did not change the parsers")
	}
}
