package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/kgraph/kgraph/loader/text"
)

// Model is a trained recogniser. It is read-only after loading and safe for
// concurrent use.
type Model struct {
	clusters map[string]uint32 // word -> path length<<24 | path bits
	gaz      map[uint64]uint8  // entity string hash -> bit set of types
	stages   []*linear         // first stage, and optionally the second
	pool     sync.Pool         // *scratch
}

// linear holds one stage's weights: a feature hash table pointing at rows of
// nLabels float32 weights.
type linear struct {
	keys []uint64 // open addressing, 0 = empty
	rows []int32
	mask uint64
	w    []float32
}

func newLinear(keys []uint64, w []float32) *linear {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	l := &linear{keys: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1), w: w}
	for r, k := range keys {
		i := k & l.mask
		for l.keys[i] != 0 {
			i = (i + 1) & l.mask
		}
		l.keys[i] = k
		l.rows[i] = int32(r)
	}
	return l
}

func (l *linear) score(feats []uint64, s *[nLabels]float32) {
	*s = [nLabels]float32{}
	for _, f := range feats {
		i := f & l.mask
		for {
			k := l.keys[i]
			if k == f {
				w := l.w[int(l.rows[i])*nLabels:][:nLabels]
				for y := range s {
					s[y] += w[y]
				}
				break
			}
			if k == 0 {
				break
			}
			i = (i + 1) & l.mask
		}
	}
}

// scorer is what the decoder needs from a stage: the label scores of a
// feature set. Training scores with its live weights, tagging with a linear.
type scorer interface {
	score(feats []uint64, s *[nLabels]float32)
}

//go:embed model.bin.gz
var modelFile []byte

//go:embed clusters.txt.gz
var clusterFile []byte

var loaded struct {
	once sync.Once
	m    *Model
	err  error
}

// Load decodes the embedded model. The first call does the work; later
// calls return the same *Model.
func Load() (*Model, error) {
	loaded.once.Do(func() {
		c, err := ReadClusters(bytes.NewReader(clusterFile))
		if err != nil {
			loaded.err = fmt.Errorf("ner: clusters: %w", err)
			return
		}
		m, err := ReadModel(bytes.NewReader(modelFile), c)
		if err != nil {
			loaded.err = fmt.Errorf("ner: model: %w", err)
			return
		}
		loaded.m = m
	})
	return loaded.m, loaded.err
}

// scratch is the per-call working memory of the tagger.
type scratch struct {
	atoms  []atoms
	sents  []int // start of each sentence in atoms, plus the end
	kinds  []uint64
	labels []int8
	stage1 []int8
	keys   []keyInfo
	keyIdx map[uint64]int32
	runes  []rune
	buf    []byte
	feats  []uint64
}

func (m *Model) getScratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		sc.reset()
		return sc
	}
	sc := &scratch{keyIdx: make(map[uint64]int32)}
	sc.reset()
	return sc
}

func (sc *scratch) reset() {
	sc.atoms = sc.atoms[:0]
	sc.sents = append(sc.sents[:0], 0)
	sc.kinds = sc.kinds[:0]
	sc.keys = sc.keys[:0]
	clear(sc.keyIdx)
}

func (m *Model) addToken(sc *scratch, tok string) {
	sc.atoms = append(sc.atoms, atoms{})
	m.atomize(tok, &sc.atoms[len(sc.atoms)-1], sc)
}

func (sc *scratch) endSentence() { sc.sents = append(sc.sents, len(sc.atoms)) }

// prepare computes the sentence- and document-level information once all
// tokens are in: sentence kinds, gazetteer matches, and the per-word-form
// document context.
func (m *Model) prepare(sc *scratch, gaz func(uint64) uint8) {
	if gaz == nil && len(m.gaz) > 0 {
		gaz = func(k uint64) uint8 { return m.gaz[k] }
	}
	n := len(sc.sents) - 1
	for s := 0; s < n; s++ {
		lo, hi := sc.sents[s], sc.sents[s+1]
		sc.kinds = append(sc.kinds, sentenceKind(sc.atoms[lo:hi]))
		if gaz != nil {
			matchGaz(sc.atoms[lo:hi], gaz)
		}
	}
	for i := range sc.atoms {
		a := &sc.atoms[i]
		if a.flags&fHasUpper == 0 {
			continue
		}
		idx, ok := sc.keyIdx[a.l]
		if !ok {
			idx = int32(len(sc.keys))
			sc.keys = append(sc.keys, keyInfo{})
			sc.keyIdx[a.l] = idx
		}
		a.key = idx
	}
	for s := 0; s < n; s++ {
		lo, hi := sc.sents[s], sc.sents[s+1]
		for i := lo; i < hi; i++ {
			a := &sc.atoms[i]
			if a.key < 0 {
				if i > lo && a.flags&fHasLower != 0 {
					if idx, ok := sc.keyIdx[a.l]; ok {
						sc.keys[idx].flags |= kLowerMid
					}
				}
				continue
			}
			k := &sc.keys[a.key]
			k.count++
			if i > lo && sc.kinds[s] == sNormal {
				k.flags |= kCapMid
			}
			if i > lo {
				k.addPrev(sc.atoms[i-1].l)
			}
			if i+1 < hi {
				k.addNext(sc.atoms[i+1].l)
			}
		}
	}
}

func (k *keyInfo) addPrev(h uint64) {
	for _, p := range k.prev[:k.np] {
		if p == h {
			return
		}
	}
	if k.np < maxAgg {
		k.prev[k.np] = h
		k.np++
	}
}

func (k *keyInfo) addNext(h uint64) {
	for _, p := range k.next[:k.nn] {
		if p == h {
			return
		}
	}
	if k.nn < maxAgg {
		k.next[k.nn] = h
		k.nn++
	}
}

const maxGazLen = 6

const (
	gazExactSeed = 0x6a09e667f3bcc908
	gazLowerSeed = 0xbb67ae8584caa73b
)

// matchGaz marks every token covered by a gazetteer entry, with its
// position in the entry, exact and case-folded.
func matchGaz(a []atoms, gaz func(uint64) uint8) {
	for i := range a {
		if a[i].flags&(fHasUpper|fHasDigit) == 0 {
			continue
		}
		he, hl := uint64(gazExactSeed), uint64(gazLowerSeed)
		for j := i; j < len(a) && j-i < maxGazLen; j++ {
			he, hl = mix(he, a[j].w), mix(hl, a[j].l)
			markGaz(a[i:j+1], gaz(he), 0)
			markGaz(a[i:j+1], gaz(hl), 16)
		}
	}
}

func markGaz(a []atoms, mask uint8, shift uint) {
	for t := 0; t < nTypes; t++ {
		if mask&(1<<t) == 0 {
			continue
		}
		if len(a) == 1 {
			a[0].gaz |= 1 << (shift + uint(4*t+bU))
			continue
		}
		a[0].gaz |= 1 << (shift + uint(4*t+bB))
		for j := 1; j < len(a)-1; j++ {
			a[j].gaz |= 1 << (shift + uint(4*t+bI))
		}
		a[len(a)-1].gaz |= 1 << (shift + uint(4*t+bL))
	}
}

// decode labels the document greedily, left to right, with the BILOU
// constraints. With gold set it calls update at every mistake (training).
func (m *Model) decode(sc *scratch, st scorer, stage2 bool, gold []int8, update func(feats []uint64, gold, pred, i int)) {
	for i := range sc.keys {
		sc.keys[i].hist = [nTypes + 1]uint16{}
	}
	if cap(sc.labels) < len(sc.atoms) {
		sc.labels = make([]int8, len(sc.atoms))
	}
	sc.labels = sc.labels[:len(sc.atoms)]
	var s [nLabels]float32
	n := len(sc.sents) - 1
	for si := 0; si < n; si++ {
		lo, hi := sc.sents[si], sc.sents[si+1]
		y1, y2 := start, start
		for i := lo; i < hi; i++ {
			sc.feats = sc.features(i, lo, hi, sc.kinds[si], y1, y2, stage2, sc.feats[:0])
			st.score(sc.feats, &s)
			ok := &allowed[y1]
			if i == hi-1 {
				ok = &allowedLast[y1]
			}
			best := -1
			for y := 0; y < nLabels; y++ {
				if ok[y] && (best < 0 || s[y] > s[best]) {
					best = y
				}
			}
			if gold != nil && int(gold[i]) != best {
				update(sc.feats, int(gold[i]), best, i)
			}
			sc.labels[i] = int8(best)
			if k := sc.atoms[i].key; k >= 0 {
				sc.keys[k].hist[labelType(best)+1]++
			}
			y2, y1 = y1, best
		}
	}
}

// run tags the prepared document with every stage.
func (m *Model) run(sc *scratch) {
	m.decode(sc, m.stages[0], false, nil, nil)
	if len(m.stages) > 1 {
		sc.setStage1(sc.labels)
		m.decode(sc, m.stages[1], true, nil, nil)
	}
}

// setStage1 keeps the current labels as first-stage predictions and counts
// them per word form over the whole document.
func (sc *scratch) setStage1(labels []int8) {
	sc.stage1 = append(sc.stage1[:0], labels...)
	for i := range sc.keys {
		sc.keys[i].s1 = [nTypes + 1]uint16{}
	}
	for i := range sc.atoms {
		if k := sc.atoms[i].key; k >= 0 {
			sc.keys[k].s1[labelType(int(sc.stage1[i]))+1]++
		}
	}
}

// spans reads the entity spans of sentence s off the labels.
func (sc *scratch) spans(s int) []text.Span {
	lo, hi := sc.sents[s], sc.sents[s+1]
	var out []text.Span
	for i := lo; i < hi; i++ {
		y := int(sc.labels[i])
		t := labelType(y)
		if t < 0 {
			continue
		}
		switch labelPos(y) {
		case bU:
			out = append(out, text.Span{Start: i - lo, End: i - lo + 1, Label: TypeNames[t]})
		case bB:
			j := i + 1
			for j < hi && int(sc.labels[j]) == label(t, bI) {
				j++
			}
			if j < hi && int(sc.labels[j]) == label(t, bL) {
				out = append(out, text.Span{Start: i - lo, End: j + 1 - lo, Label: TypeNames[t]})
				i = j
			}
		}
	}
	return out
}

// Tag fills d.Spans with one slice of entity spans per sentence, from the
// sentences' tokens. All sentences of d are treated as one document, so a
// name is labelled in the light of its other occurrences.
func (m *Model) Tag(d *text.Doc) {
	sc := m.getScratch()
	for _, s := range d.Sentences {
		for _, t := range s.Tokens {
			m.addToken(sc, t.Text)
		}
		sc.endSentence()
	}
	m.prepare(sc, nil)
	m.run(sc)
	d.Spans = make([][]text.Span, len(d.Sentences))
	for s := range d.Sentences {
		d.Spans[s] = sc.spans(s)
	}
	m.pool.Put(sc)
}

// TagTokens labels pre-tokenised sentences of one document and returns
// their spans, one slice per sentence.
func (m *Model) TagTokens(sents [][]string) [][]text.Span {
	sc := m.getScratch()
	for _, s := range sents {
		for _, t := range s {
			m.addToken(sc, t)
		}
		sc.endSentence()
	}
	m.prepare(sc, nil)
	m.run(sc)
	out := make([][]text.Span, len(sents))
	for s := range sents {
		out[s] = sc.spans(s)
	}
	m.pool.Put(sc)
	return out
}
