package syntax

import (
	"bytes"
	_ "embed"
	"errors"
	"sync"
)

// Model is the trained tagger and parser; read-only after loading, safe
// for concurrent use.
type Model struct {
	clusters  map[string]uint32 // word -> len<<24 | path bits
	tags      *table            // tagger: nTags classes
	act       *table            // parser actions: nActs classes
	lab       *table            // relations: len(labels) classes
	rel       *table            // arc labeller over the finished tree: len(labels) classes (nil: none)
	stack     *table            // second tagging pass that reads the first pass's tags: nTags classes (nil: none)
	ract      *table            // right-to-left parser's actions (nil: none; with it the beams of both directions vote, ensemble.go)
	rlab      *table            // right-to-left parser's relations
	temp      float64           // ensemble: softmax temperature of the votes (0: ensTemp)
	right     float64           // ensemble: weight of the right-to-left votes (0: ensRight)
	dir       int8              // which parsers run: 0 both (when there are two), dirLeft or dirRight alone (comparisons)
	labels    []string
	rootLabel int8
	beam      int                 // beam width of the parser (< 2: greedy)
	lemmaTab  map[lemmaKey]string // where the suffix rules miss
	pool      sync.Pool
}

// Parse is the syntax of one sentence, one item per token.
type Parse struct {
	UPOS   []string // Universal POS tag per token
	Lemma  []string // lemma per token ("" if unknown)
	Head   []int    // 1-based index of each token's head, 0 for the root
	Deprel []string // UD relation per token (subtypes like nmod:poss allowed)
}

// ErrNoModel is returned by Load when the binary carries no trained model.
var ErrNoModel = errors.New("syntax: no model")

//go:embed model.bin.gz
var modelFile []byte

var loaded struct {
	once sync.Once
	m    *Model
	err  error
}

// Load decodes and validates the embedded model. The first call does the
// work; later calls return the same *Model (or the same error). A corrupt
// model file is an error, never a panic.
func Load() (*Model, error) {
	loaded.once.Do(func() {
		if len(modelFile) == 0 {
			loaded.err = ErrNoModel
			return
		}
		loaded.m, loaded.err = Decode(bytes.NewReader(modelFile))
	})
	return loaded.m, loaded.err
}

// Parse tags and parses one sentence of tokens.
func (m *Model) Parse(words []string) Parse {
	var p Parse
	m.ParseInto(&p, words)
	return p
}

// scratch is the per-call working memory of ParseInto.
type scratch struct {
	atoms  []atoms
	tags   []int8
	keys   []uint64
	scores []int32
	st     pstate
	memo   memo
	beam   beamScratch
	lt     ltree
	tags1  []int8
	lem    []uint64
	flags  []uint64
	ens    ensScratch
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{scores: make([]int32, 64+nTags)}
}

// ParseInto is Parse writing into p, reusing its slices.
func (m *Model) ParseInto(p *Parse, words []string) {
	n := len(words)
	p.UPOS = resize(p.UPOS, n)
	p.Lemma = resize(p.Lemma, n)
	p.Deprel = resize(p.Deprel, n)
	if cap(p.Head) < n {
		p.Head = make([]int, n)
	}
	p.Head = p.Head[:n]
	if n == 0 {
		return
	}
	sc := m.getScratch()
	defer m.pool.Put(sc)
	sc.atoms = sc.atoms[:0]
	for _, w := range words {
		sc.atoms = append(sc.atoms, atoms{})
		m.atomsOf(&sc.atoms[len(sc.atoms)-1], w)
	}
	if cap(sc.tags) < n {
		sc.tags = make([]int8, n)
	}
	sc.tags = sc.tags[:n]
	sc.keys = tagSentence(m.tags.score, sc.atoms, sc.tags, sc.keys, sc.scores)
	if m.stack != nil {
		sc.tags1 = append(sc.tags1[:0], sc.tags...)
		sc.keys = tagStacked(m.stack.score, sc.atoms, sc.tags1, sc.tags, sc.keys, sc.scores)
	}
	st := &sc.st
	st.reset(n)
	st.toks = setToks(st.toks, sc.atoms, sc.tags)
	sc.keys = m.parseTree(st, &sc.beam, &sc.ens, &sc.memo, sc.keys, sc.scores)
	for i := range n {
		t := sc.tags[i]
		p.UPOS[i] = upos[t]
		p.Lemma[i] = m.lemma(words[i], int(t))
		h := int(st.head[i])
		if h == n {
			h = -1
		}
		p.Head[i] = h + 1
		p.Deprel[i] = m.labels[st.lab[i]]
	}
	if m.rel == nil {
		return
	}
	sc.lem, sc.flags = sc.lem[:0], sc.flags[:0]
	for i := range n {
		sc.lem = append(sc.lem, hstr(p.Lemma[i]))
		sc.flags = append(sc.flags, sc.atoms[i].flags)
	}
	lt := &sc.lt
	lt.set(n, st.toks, st.head, sc.lem, sc.flags)
	sc.keys = lt.relabel(m.rel.score, len(m.labels), m.rootLabel, sc.keys, sc.scores)
	for i := range n {
		p.Deprel[i] = m.labels[lt.lab[i]]
	}
}

// setToks fills the parser positions from the tagged atoms; position n is
// the root.
func setToks(toks []ptok, at []atoms, tags []int8) []ptok {
	toks = toks[:0]
	for i := range at {
		a := &at[i]
		t := uint64(tags[i])
		c := a.cl[1]
		if c == 0 {
			c = a.partCl
		}
		toks = append(toks, ptok{w: a.lower, p: t, wp: key1(t, a.lower), c: c, suf: a.suf[2]})
	}
	return append(toks, rootTok)
}

// parseTree parses st (reset, with toks set) with the parsers the model
// has and is set to use (Direction), leaving the tree in st.
func (m *Model) parseTree(st *pstate, bs *beamScratch, es *ensScratch, mm *memo, keys []uint64, scores []int32) []uint64 {
	if m.ract == nil || m.beam < 2 || m.dir == dirLeft {
		return m.parseAny(st, bs, mm, keys, scores)
	}
	if m.dir == dirRight {
		return m.parseRight(st, bs, es, mm, keys, scores)
	}
	return m.parseEnsemble(m.beam, st, bs, es, mm, keys, scores)
}

// parseAny parses st (reset, with toks set) greedily or with the model's
// beam, leaving the tree in st.
func (m *Model) parseAny(st *pstate, bs *beamScratch, mm *memo, keys []uint64, scores []int32) []uint64 {
	if m.beam > 1 {
		return m.parseBeam(m.beam, st, bs, mm, keys, scores)
	}
	return m.parse(st, mm, keys, scores)
}

// parse runs the greedy parser over st (reset, with toks set).
func (m *Model) parse(st *pstate, mm *memo, keys []uint64, scores []int32) []uint64 {
	mm.reset(st.n)
	for !st.terminal() {
		var act [nActs]int32
		keys = st.scoreAct(&act, m.act.score, mm, keys)
		best := -1
		for a := range nActs {
			if st.valid(a) && (best < 0 || act[a] > act[best]) {
				best = a
			}
		}
		var label int8
		if best != actShift {
			h, d := st.arc(best)
			if int(h) == st.n {
				label = m.rootLabel
			} else {
				keys = st.labFeatures(keys[:0], best, h, d)
				m.lab.score(scores, keys)
				label = argmaxLabel(scores[:len(m.labels)], m.rootLabel)
			}
		}
		st.apply(best, label)
	}
	return keys
}

func argmaxLabel(scores []int32, root int8) int8 {
	best := -1
	for l, v := range scores {
		if int8(l) != root && (best < 0 || v > scores[best]) {
			best = l
		}
	}
	return int8(best)
}

func resize(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}

// Prune returns a copy of m without the features whose weights are all
// below min in magnitude (weights are scaled so that each model's largest
// is 30000): a smaller, faster model. cmd/train-syntax uses it.
func (m *Model) Prune(min int) *Model {
	c := &Model{clusters: m.clusters, labels: m.labels, rootLabel: m.rootLabel, beam: m.beam, lemmaTab: m.lemmaTab}
	c.tags, c.act, c.lab = m.tags.pruned(min), m.act.pruned(min), m.lab.pruned(min)
	if m.ract != nil {
		c.ract, c.rlab = m.ract.pruned(min), m.rlab.pruned(min)
	}
	if m.rel != nil {
		c.rel = m.rel.pruned(min)
	}
	if m.stack != nil {
		c.stack = m.stack.pruned(min)
	}
	return c
}

// Beam returns the beam width the model parses with (1: greedy).
func (m *Model) Beam() int { return max(m.beam, 1) }

// WithBeam returns a model that shares m's weights and parses with a beam
// of k items (k < 2: greedy): a narrower beam is faster and, for a model
// trained with a wider one, a little less accurate (the README has
// figures).
func (m *Model) WithBeam(k int) *Model {
	return &Model{clusters: m.clusters, tags: m.tags, act: m.act, lab: m.lab, rel: m.rel, stack: m.stack, labels: m.labels,
		rootLabel: m.rootLabel, beam: max(k, 1), lemmaTab: m.lemmaTab, ract: m.ract, rlab: m.rlab, dir: m.dir, temp: m.temp, right: m.right}
}

// which parsers run (Model.dir)
const (
	dirBoth  = 0
	dirLeft  = 1 // the left-to-right parser alone
	dirRight = 2 // the right-to-left parser alone
)

// Direction returns a model that shares m's weights and parses with the
// left-to-right parser alone ("left"), the right-to-left one alone
// ("right") or, where m has both, with the two beams voting ("both", the
// default): for comparisons. A model without a right-to-left parser
// parses left to right whatever the direction.
func (m *Model) Direction(dir string) *Model {
	c := m.WithBeam(m.Beam())
	switch dir {
	case "left":
		c.dir = dirLeft
	case "right":
		c.dir = dirRight
	default:
		c.dir = dirBoth
	}
	return c
}

// Ensemble reports whether m carries a right-to-left parser whose beam
// votes with the left-to-right one's.
func (m *Model) Ensemble() bool { return m.ract != nil }

// WithoutLabeller returns a model that shares m's weights and keeps the
// parser's own relations (no arc labeller): for comparisons.
func (m *Model) WithoutLabeller() *Model {
	c := m.WithBeam(m.Beam())
	c.rel = nil
	return c
}

// Sizes reports the number of features of the tagger, the action model,
// the parser's relation model, the arc labeller and the right-to-left
// parser's action and relation models (0 for a part the model lacks).
func (m *Model) Sizes() (tagger, actions, relations, labeller, rightActions, rightRelations int) {
	if m.rel != nil {
		labeller = m.rel.size()
	}
	if m.ract != nil {
		rightActions, rightRelations = m.ract.size(), m.rlab.size()
	}
	return m.tags.size(), m.act.size(), m.lab.size(), labeller, rightActions, rightRelations
}
