package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"github.com/kgraph/kgraph/loader/text"
)

// Model is a trained recogniser. It is read-only after loading and safe for
// concurrent use.
type Model struct {
	words    map[string]int32 // clustered words -> id
	wordList []string         // id -> word
	wordClus []uint32         // id -> path length<<24 | path bits
	// wordAtoms[id] are the atoms of wordList[id] (see atomize).
	wordAtoms []atoms
	gaz       map[uint64]uint8 // entity string hash -> bit set of types
	gazTab    *gazTable        // the same, for look-ups while tagging
	stages    []*linear        // first stage, and optionally the second
	pool      sync.Pool        // *scratch
}

// linear holds one stage's weights: a feature hash table whose slots hold
// the key, the row and the row's first weight, and rows of the other
// nLabels-1 weights, 64 bytes each, so that a feature found costs two
// cache lines (its slot and its row).
type linear struct {
	slots []slot // open addressing, key 0 = empty
	mask  uint64
	rows  int
	w     []float32 // per row, the weights of labels 1..nLabels-1
	// q replaces slots and w in a stage read from a model file.
	q     []qslot
	scale float32
	// trans[yp] is the weight of the previous label yp alone.
	trans [nHist][nLabels]float32
	id    uint64 // distinguishes stages in scratch caches
	// vec caches, per known word and offset -2..2, the summed weights of
	// its wordFeatures (nil until cache is called).
	vec []float32
}

// qslot is a slot of the table of a stage read from a model file, whose
// weights are 16-bit integers times a scale (see codec.go): key and the
// whole row in 48 bytes, so that a feature found costs one memory access.
// float32(float32(w)*scale) is exactly the weight the file gives.
type qslot struct {
	key uint64
	w   [nLabels]int16
}

type slot struct {
	key uint64
	row int32
	w0  float32 // the weight of label 0
}

const rowLen = nLabels - 1

var linearIDs atomic.Uint64

// newLinear builds a stage from feature keys and their rows of nLabels
// weights (w[r*nLabels+y]).
func newLinear(keys []uint64, w []float32) *linear {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	l := &linear{slots: make([]slot, size), mask: uint64(size - 1), rows: len(keys), w: make([]float32, len(keys)*rowLen), id: linearIDs.Add(1)}
	for r, k := range keys {
		i := k & l.mask
		for l.slots[i].key != 0 {
			i = (i + 1) & l.mask
		}
		l.slots[i] = slot{key: k, row: int32(r), w0: w[r*nLabels]}
		copy(l.w[r*rowLen:][:rowLen], w[r*nLabels+1:][:rowLen])
	}
	l.init()
	return l
}

// newQuantLinear builds a stage from feature keys and their rows of
// nLabels integer weights (q[r*nLabels+y]) to be multiplied by scale.
func newQuantLinear(keys []uint64, q []int16, scale float32) *linear {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	l := &linear{q: make([]qslot, size), mask: uint64(size - 1), rows: len(keys), scale: scale, id: linearIDs.Add(1)}
	for r, k := range keys {
		i := k & l.mask
		for l.q[i].key != 0 {
			i = (i + 1) & l.mask
		}
		l.q[i].key = k
		copy(l.q[i].w[:], q[r*nLabels:][:nLabels])
	}
	l.init()
	return l
}

func (l *linear) init() {
	for yp := range l.trans {
		l.add([]uint64{mix(tY1, uint64(yp))}, &l.trans[yp])
	}
}

// each calls fn with every feature key of the stage and its weights, in
// no particular order.
func (l *linear) each(fn func(key uint64, w *[nLabels]float32)) {
	var w [nLabels]float32
	for i := range l.q {
		if sl := &l.q[i]; sl.key != 0 {
			for y := range w {
				w[y] = float32(float32(sl.w[y]) * l.scale)
			}
			fn(sl.key, &w)
		}
	}
	for _, sl := range l.slots {
		if sl.key != 0 {
			w[0] = sl.w0
			copy(w[1:], l.w[int(sl.row)*rowLen:][:rowLen])
			fn(sl.key, &w)
		}
	}
}

// cache fills l.vec for the model's words.
func (l *linear) cache(m *Model) {
	l.vec = make([]float32, len(m.wordList)*5*nLabels)
	// Each word's sums are its own: the words are split between two
	// goroutines (model loading is on every command's start-up path).
	half := len(m.wordList) / 2
	var wg sync.WaitGroup
	for _, part := range [][2]int{{0, half}, {half, len(m.wordList)}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var feats []uint64
			for id := part[0]; id < part[1]; id++ {
				a := &m.wordAtoms[id]
				for off := -2; off <= 2; off++ {
					var s [nLabels]float32
					feats = wordFeatures(a, off, feats[:0])
					l.add(feats, &s)
					copy(l.vec[(id*5+off+2)*nLabels:], s[:])
				}
			}
		}()
	}
	wg.Wait()
}

func (l *linear) emit(sc *scratch, i, lo, hi int, kind uint64, stage2 bool, s *[nLabels]float32) {
	*s = [nLabels]float32{}
	if l.vec == nil {
		sc.feats = sc.features(i, lo, hi, kind, stage2, sc.feats[:0])
		l.add(sc.feats, s)
		return
	}
	feats := sc.contextFeatures(i, lo, hi, kind, stage2, sc.feats[:0])
	for off := -2; off <= 2; off++ {
		a := sc.window(i, off, lo, hi)
		if a.wid < 0 {
			feats = wordFeatures(a, off, feats)
			continue
		}
		v := l.vec[(int(a.wid)*5+off+2)*nLabels:][:nLabels]
		for y := range s {
			s[y] += v[y]
		}
	}
	sc.feats = feats
	l.add(feats, s)
}

// emitSentence computes sc.em, the emission scores of every token of the
// sentence [lo, hi), as emit does one by one (the same additions in the
// same order), but reads the memory of the whole sentence first (touch):
// the cache misses of all its tokens overlap.
func (l *linear) emitSentence(sc *scratch, lo, hi int, kind uint64, stage2 bool) {
	sc.sentFeats = sc.sentFeats[:0]
	sc.featEnd = sc.featEnd[:0]
	for i := lo; i < hi; i++ {
		f := sc.contextFeatures(i, lo, hi, kind, stage2, sc.sentFeats)
		for off := -2; off <= 2; off++ {
			if a := sc.window(i, off, lo, hi); a.wid < 0 {
				f = wordFeatures(a, off, f)
			}
		}
		sc.sentFeats = f
		sc.featEnd = append(sc.featEnd, len(f))
	}
	var sum uint64
	start := 0
	for i := lo; i < hi; i++ {
		end := sc.featEnd[i-lo]
		sum += l.touch(i, lo, hi, sc, sc.sentFeats[start:end])
		start = end
	}
	sc.touch += sum
	if cap(sc.em) < hi-lo {
		sc.em = make([][nLabels]float32, hi-lo)
	}
	sc.em = sc.em[:hi-lo]
	start = 0
	for i := lo; i < hi; i++ {
		s := &sc.em[i-lo]
		*s = [nLabels]float32{}
		for off := -2; off <= 2; off++ {
			a := sc.window(i, off, lo, hi)
			if a.wid < 0 {
				continue
			}
			v := l.vec[(int(a.wid)*5+off+2)*nLabels:][:nLabels]
			for y := range s {
				s[y] += v[y]
			}
		}
		end := sc.featEnd[i-lo]
		l.add(sc.sentFeats[start:end], s)
		start = end
	}
}

// touch reads the memory that scoring token i will read, the first slot
// of each feature and the cached weights of its known words, and returns
// a sum of what it read that the caller keeps. The loads do not depend on
// each other, so the processor has all their cache misses under way at
// once; the additions that follow, which must run in their fixed order
// (the scores are float32 sums), then find the lines in cache.
func (l *linear) touch(i, lo, hi int, sc *scratch, feats []uint64) uint64 {
	var sum uint64
	for _, f := range feats {
		sl := &l.q[f&l.mask]
		sum += sl.key ^ uint64(sl.w[nLabels-1])
	}
	for off := -2; off <= 2; off++ {
		if a := sc.window(i, off, lo, hi); a.wid >= 0 {
			v := l.vec[(int(a.wid)*5+off+2)*nLabels:][:nLabels]
			sum += uint64(math.Float32bits(v[0]) ^ math.Float32bits(v[nLabels-1]))
		}
	}
	return sum
}

// transitions returns the weights of every previous label before token a.
// They depend on the token's short shape only, so they are cached per
// shape in the scratch, for as long as the scratch serves this stage.
func (l *linear) transitions(sc *scratch, a *atoms) *[nHist][nLabels]float32 {
	if sc.shapeFor != l.id {
		clear(sc.shapeIdx)
		sc.shapeTab = sc.shapeTab[:0]
		sc.shapeFor = l.id
	}
	if i, ok := sc.shapeIdx[a.short]; ok {
		return &sc.shapeTab[i]
	}
	sc.shapeIdx[a.short] = int32(len(sc.shapeTab))
	sc.shapeTab = append(sc.shapeTab, l.trans)
	t := &sc.shapeTab[len(sc.shapeTab)-1]
	var lf [nLabelFeats]uint64
	for yp := range t {
		labelFeatures(yp, a, &lf)
		l.add(lf[1:], &t[yp])
	}
	return t
}

// add adds the weights of feats to s.
func (l *linear) add(feats []uint64, s *[nLabels]float32) {
	if l.q != nil {
		l.addQuant(feats, s)
		return
	}
	for _, f := range feats {
		i := f & l.mask
		for {
			sl := &l.slots[i]
			if sl.key == f {
				w := l.w[int(sl.row)*rowLen:][:rowLen]
				s[0] += sl.w0
				for y := range w {
					s[y+1] += w[y]
				}
				break
			}
			if sl.key == 0 {
				break
			}
			i = (i + 1) & l.mask
		}
	}
}

func (l *linear) addQuant(feats []uint64, s *[nLabels]float32) {
	scale := l.scale
	for _, f := range feats {
		i := f & l.mask
		for {
			sl := &l.q[i]
			if sl.key == f {
				for y := range s {
					s[y] += float32(float32(sl.w[y]) * scale)
				}
				break
			}
			if sl.key == 0 {
				break
			}
			i = (i + 1) & l.mask
		}
	}
}

// scorer is what the decoder needs from a stage: the label scores of a
// token (emit) and of a previous label (transition). Training scores with
// its live weights, tagging with a linear.
type scorer interface {
	emit(sc *scratch, i, lo, hi int, kind uint64, stage2 bool, s *[nLabels]float32)
	transitions(sc *scratch, a *atoms) *[nHist][nLabels]float32
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
	delta  []float32
	back   []int8
	// transition tables per short shape (see linear.transitions)
	shapeIdx map[uint64]int32
	shapeTab [][nHist][nLabels]float32
	shapeFor uint64
	touch    uint64 // what linear.touch read (kept so that it is read)
	// a sentence's features, token after token (featEnd: where each
	// token's end), and its emission scores (see emitSentence)
	sentFeats []uint64
	featEnd   []int
	em        [][nLabels]float32
}

func (m *Model) getScratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		sc.reset()
		return sc
	}
	sc := newScratch()
	return sc
}

func newScratch() *scratch {
	sc := &scratch{keyIdx: make(map[uint64]int32), shapeIdx: make(map[uint64]int32)}
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
	if gaz == nil && m.gazTab != nil {
		gaz = m.gazTab.get
	} else if gaz == nil && len(m.gaz) > 0 {
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

// gazTable is the model's gazetteer as an open-addressing table: most
// tokens a sentence's spans are looked up for are in no entry, and a miss
// costs one probe.
type gazTable struct {
	keys []uint64 // 0 = empty
	vals []uint8
	mask uint64
	zero uint8 // the value of key 0
}

func newGazTable(m map[uint64]uint8) *gazTable {
	size := 1
	for size < 4*len(m)+1 {
		size <<= 1
	}
	t := &gazTable{keys: make([]uint64, size), vals: make([]uint8, size), mask: uint64(size - 1)}
	for k, v := range m {
		if k == 0 {
			t.zero = v
			continue
		}
		i := k & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

func (t *gazTable) get(k uint64) uint8 {
	if k == 0 {
		return t.zero
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

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

// decode labels the document sentence by sentence with first-order Viterbi
// under the BILOU constraints. With gold set (training) it calls update
// with the features of every gold and predicted label that differ
// (plus = the gold label, minus = the predicted one, -1 for none).
func (m *Model) decode(sc *scratch, st scorer, stage2 bool, gold []int8, update func(feats []uint64, plus, minus int)) {
	for i := range sc.keys {
		sc.keys[i].hist = [nTypes + 1]uint16{}
	}
	if cap(sc.labels) < len(sc.atoms) {
		sc.labels = make([]int8, len(sc.atoms))
	}
	sc.labels = sc.labels[:len(sc.atoms)]
	n := len(sc.sents) - 1
	for si := 0; si < n; si++ {
		lo, hi := sc.sents[si], sc.sents[si+1]
		if lo == hi {
			continue
		}
		m.viterbi(sc, st, lo, hi, sc.kinds[si], stage2)
		if gold != nil {
			sc.learn(lo, hi, sc.kinds[si], stage2, gold, update)
		}
		for i := lo; i < hi; i++ {
			if k := sc.atoms[i].key; k >= 0 {
				sc.keys[k].hist[labelType(int(sc.labels[i]))+1]++
			}
		}
	}
}

const negInf = float32(-1e30)

func (m *Model) viterbi(sc *scratch, st scorer, lo, hi int, kind uint64, stage2 bool) {
	n := hi - lo
	if cap(sc.delta) < n*nLabels {
		sc.delta = make([]float32, n*nLabels)
		sc.back = make([]int8, n*nLabels)
	}
	delta, back := sc.delta[:n*nLabels], sc.back[:n*nLabels]
	var em [nLabels]float32
	l, all := st.(*linear)
	all = all && l.q != nil && l.vec != nil
	if all {
		l.emitSentence(sc, lo, hi, kind, stage2)
	}
	for i := lo; i < hi; i++ {
		if all {
			em = sc.em[i-lo]
		} else {
			st.emit(sc, i, lo, hi, kind, stage2, &em)
		}
		d := delta[(i-lo)*nLabels:][:nLabels]
		b := back[(i-lo)*nLabels:][:nLabels]
		a := &sc.atoms[i]
		if i == lo {
			ok := &allowed
			if i == hi-1 {
				ok = &allowedLast
			}
			tr := &st.transitions(sc, a)[start]
			for y := range d {
				d[y] = negInf
				if ok[start][y] {
					d[y] = em[y] + tr[y]
					b[y] = start
				}
			}
			continue
		}
		pd := delta[(i-lo-1)*nLabels:][:nLabels]
		tt := st.transitions(sc, a)
		last := i == hi-1
		for y := range d {
			// The best predecessor of y, trying the allowed ones in
			// increasing order (the first of equal scores wins).
			best := negInf
			if !last || !inside(y) {
				for _, yp := range preds[y] {
					p := pd[yp]
					if p <= negInf {
						continue
					}
					if v := p + tt[yp][y]; v > best {
						best = v
						b[y] = yp
					}
				}
			}
			if best > negInf {
				best += em[y]
			}
			d[y] = best
		}
	}
	last := delta[(n-1)*nLabels:][:nLabels]
	best := 0
	for y := range last {
		if last[y] > last[best] {
			best = y
		}
	}
	for i := hi - 1; i >= lo; i-- {
		sc.labels[i] = int8(best)
		best = int(back[(i-lo)*nLabels+best])
	}
}

// learn calls update for every token whose predicted label (or label
// pair) differs from the gold one.
func (sc *scratch) learn(lo, hi int, kind uint64, stage2 bool, gold []int8, update func(feats []uint64, plus, minus int)) {
	var lf [nLabelFeats]uint64
	for i := lo; i < hi; i++ {
		g, p := int(gold[i]), int(sc.labels[i])
		gp, pp := start, start
		if i > lo {
			gp, pp = int(gold[i-1]), int(sc.labels[i-1])
		}
		if g != p {
			sc.feats = sc.features(i, lo, hi, kind, stage2, sc.feats[:0])
			update(sc.feats, g, p)
		}
		if g != p || gp != pp {
			a := &sc.atoms[i]
			labelFeatures(gp, a, &lf)
			update(lf[:], g, -1)
			labelFeatures(pp, a, &lf)
			update(lf[:], -1, p)
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
