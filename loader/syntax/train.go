package syntax

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"
)

// TrainConfig configures Train.
type TrainConfig struct {
	Train     []Sentence                // training sentences
	Dev       []Sentence                // optional: scored after each parser epoch (never trained on)
	Clusters  map[string]uint32         // word clusters (len<<24 | path bits), as loader/ner reads them
	TagIter   int                       // tagger epochs
	ParseIter int                       // parser epochs
	Folds     int                       // jackknife folds for the parser's training tags (< 2: gold tags)
	Explore   float64                   // probability of following a wrong action after epoch 1
	EvalEvery int                       // with Dev: score every this many parser epochs (0: 3)
	Prune     int                       // drop features whose quantised weights (max 30000) are all below this
	Beam      int                       // beam width of the parser (< 2: greedy, trained with the dynamic oracle)
	Snapshot  func(epoch int, m *Model) // optional, with Dev: called with the model after each scored epoch
	Seed      uint64
	Log       io.Writer

	RelabelIter int  // arc labeller epochs (0: no labeller; the parser's relations stand)
	RelabelEval bool // with Dev: score the labeller on dev after each of its epochs
	StackIter   int  // epochs of the second tagging pass (0: none; needs Folds >= 2)
	Reverse     bool // also train a right-to-left parser whose beam votes with the left-to-right one's (needs Beam >= 2)

	// Extra are parsed sentences of unlabeled text (the trees two
	// parsers agreed on, AgreedTrees) that the parsers of both directions
	// train on besides Train; the taggers and the arc labeller do not.
	// Their tags are taken as given; a sentence with a tag or relation
	// Train does not know is left out.
	Extra []Sentence
}

// sample is a training sentence in indices.
type sample struct {
	at    []atoms
	tags  []int8 // gold tags
	ptags []int8 // tags the parser trains on (jackknifed)
	head  []int32
	lab   []int8
	words []string
	lem   []uint64 // hashed lemmas under ptags (for the labeller)
	flags []uint64 // atoms' flags
}

// Train trains the tagger, the parser, the lemma table and the arc
// labeller.
func Train(cfg TrainConfig) (*Model, error) {
	var logMu sync.Mutex // the parts that train side by side log through one writer
	logf := func(format string, args ...any) {
		logMu.Lock()
		defer logMu.Unlock()
		cfg.logf(format, args...)
	}
	start := time.Now()
	if cfg.EvalEvery <= 0 {
		cfg.EvalEvery = 3
	}
	m, data, sents, err := prepare(cfg)
	if err != nil {
		return nil, err
	}
	// The parts of the model learn from the data alone, not from each
	// other, so they train side by side, each on one goroutine with its
	// own random stream: the model is the same bytes as when they train
	// one after the other, which they do when dev is scored during
	// training (the scores read the parts trained so far).
	parallel := len(cfg.Dev) == 0
	tagJobs := []func(){func() {
		m.tags = build(trainTagger(data, cfg.TagIter, cfg.Seed), cfg.Prune)
		logf("tagger: %d features (%s)\n", m.tags.size(), time.Since(start).Round(time.Second))
	}}
	if cfg.StackIter > 0 && cfg.Folds >= 2 {
		tagJobs = append(tagJobs, func() {
			m.stack = build(trainStacked(data, cfg.StackIter, cfg.Seed+0x57ac), cfg.Prune)
			logf("second tagging pass: %d features (%s)\n", m.stack.size(), time.Since(start).Round(time.Second))
		})
	}
	sideBySide(parallel, tagJobs...)
	m.lemmaTab = trainLemmas(sents)
	logf("lemmas: %d exceptions to the rules\n", len(m.lemmaTab))
	m.setLemmas(data)
	pdata := m.withExtra(data, cfg)
	var parserErr error
	jobs := []func(){func() { parserErr = m.trainParser(pdata, cfg, logf) }}
	if cfg.Reverse && cfg.Beam > 1 {
		jobs = append(jobs, func() { m.trainReverse(pdata, cfg, logf) })
	}
	if cfg.RelabelIter > 0 {
		jobs = append(jobs, func() { m.trainRelabel(data, cfg, logf) })
	}
	sideBySide(parallel, jobs...)
	if parserErr != nil {
		return nil, parserErr
	}
	logf("trained in %s\n", time.Since(start).Round(time.Second))
	return m, nil
}

// TrainLabeller trains an arc labeller for base (a trained model whose
// relation labels come from the same training data) and returns a copy
// of base that uses it; the tagger and parser are base's.
func TrainLabeller(base *Model, cfg TrainConfig) (*Model, error) {
	data, err := prepareFor(base, cfg)
	if err != nil {
		return nil, err
	}
	m := base.WithoutLabeller()
	m.setLemmas(data)
	if cfg.RelabelIter > 0 {
		m.trainRelabel(data, cfg, cfg.logf)
	} else {
		m.rel = base.rel
	}
	if cfg.StackIter > 0 && cfg.Folds >= 2 {
		m.stack = build(trainStacked(data, cfg.StackIter, cfg.Seed+0x57ac), cfg.Prune)
		cfg.logf("second tagging pass: %d features; dev %s\n", m.stack.size(), m.Eval(cfg.Dev))
	}
	return m, nil
}

// TrainReverse trains a right-to-left parser for base (a trained beam
// model whose relation labels come from the same training data) and
// returns a copy of base whose beams of both directions vote; the rest is
// base's. Train with Reverse set gives the same model.
func TrainReverse(base *Model, cfg TrainConfig) (*Model, error) {
	data, err := prepareFor(base, cfg)
	if err != nil {
		return nil, err
	}
	if base.beam < 2 {
		return nil, fmt.Errorf("syntax: the right-to-left parser needs a beam model")
	}
	m := base.WithBeam(base.beam)
	cfg.Beam = base.beam
	m.trainReverse(m.withExtra(data, cfg), cfg, cfg.logf)
	return m, nil
}

// prepareFor prepares cfg's training data for a part trained on top of
// base, whose relation labels must be the data's.
func prepareFor(base *Model, cfg TrainConfig) ([]sample, error) {
	m0, data, _, err := prepare(cfg)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(m0.labels, base.labels) {
		return nil, fmt.Errorf("syntax: the training data's relation labels differ from the model's")
	}
	return data, nil
}

func (cfg *TrainConfig) logf(format string, args ...any) {
	if cfg.Log != nil {
		fmt.Fprintf(cfg.Log, format, args...)
	}
}

// withExtra returns data followed by the samples of cfg.Extra, whose
// given tags are the parser's tags too.
func (m *Model) withExtra(data []sample, cfg TrainConfig) []sample {
	if len(cfg.Extra) == 0 {
		return data
	}
	labIdx := make(map[string]int8, len(m.labels))
	for i, l := range m.labels {
		labIdx[l] = int8(i)
	}
	out := slices.Clip(data)
	words := 0
	for _, s := range cfg.Extra {
		if x, ok := m.sampleOf(s, labIdx); ok {
			x.ptags = x.tags
			out = append(out, x)
			words += len(x.at)
		}
	}
	cfg.logf("extra parsed sentences: %d of %d kept, %d words\n", len(out)-len(data), len(cfg.Extra), words)
	return out
}

// sampleOf turns s into a sample under the relation labels labIdx; ok
// is false when s has a tag or a relation the model does not know.
func (m *Model) sampleOf(s Sentence, labIdx map[string]int8) (x sample, ok bool) {
	n := len(s.Words)
	x = sample{at: make([]atoms, n), tags: make([]int8, n), head: make([]int32, n), lab: make([]int8, n), words: s.Words}
	for i, w := range s.Words {
		m.atomsOf(&x.at[i], w)
		t := tagIndex(s.UPOS[i])
		if t < 0 {
			return sample{}, false
		}
		x.tags[i] = int8(t)
		h := s.Head[i] - 1
		if h < 0 {
			h = n
		}
		x.head[i] = int32(h)
		l, known := labIdx[s.Deprel[i]]
		if !known {
			return sample{}, false
		}
		x.lab[i] = l
	}
	return x, true
}

// setLemmas sets the labeller's lemma hashes of data from its words and
// parser tags.
func (m *Model) setLemmas(data []sample) {
	for i := range data {
		x := &data[i]
		x.lem = make([]uint64, len(x.words))
		x.flags = make([]uint64, len(x.words))
		for j, w := range x.words {
			x.lem[j] = hstr(m.lemma(w, int(x.ptags[j])))
			x.flags[j] = x.at[j].flags
		}
	}
}

// prepare reads the training sentences into samples with jackknifed
// parser tags and sets up the model's clusters and labels.
func prepare(cfg TrainConfig) (*Model, []sample, []Sentence, error) {
	logf := cfg.logf
	start := time.Now()
	m := &Model{clusters: cfg.Clusters}
	if m.clusters == nil {
		m.clusters = map[string]uint32{}
	}
	// Half of the sentences with hyphenated compounds are rewritten the way
	// kgraph's tokenizer writes them.
	sents := make([]Sentence, len(cfg.Train))
	joined := 0
	for i, s := range cfg.Train {
		sents[i] = s
		if i%2 == 0 {
			if j, ok := joinHyphens(s); ok {
				sents[i] = j
				joined++
			}
		}
	}
	// relation labels, sorted
	seen := map[string]bool{}
	for _, s := range sents {
		for _, d := range s.Deprel {
			seen[d] = true
		}
	}
	for d := range seen {
		m.labels = append(m.labels, d)
	}
	slices.Sort(m.labels)
	if len(m.labels) > 64 {
		return nil, nil, nil, fmt.Errorf("syntax: %d relation labels, at most 64", len(m.labels))
	}
	m.rootLabel = -1
	labIdx := map[string]int8{}
	for i, l := range m.labels {
		labIdx[l] = int8(i)
		if l == "root" {
			m.rootLabel = int8(i)
		}
	}
	if m.rootLabel < 0 {
		return nil, nil, nil, fmt.Errorf("syntax: no root relation in the training data")
	}
	data := make([]sample, 0, len(sents))
	for _, s := range sents {
		if x, ok := m.sampleOf(s, labIdx); ok {
			data = append(data, x)
		}
	}
	logf("train: %d sentences (%d with hyphenated compounds joined), %d labels\n", len(data), joined, len(m.labels))

	// jackknifed tags for the parser
	for i := range data {
		data[i].ptags = data[i].tags
	}
	if cfg.Folds >= 2 {
		// Each fold's tagger trains on copies made before any fold tags
		// its quarter, so the folds train and tag side by side.
		train := make([][]sample, cfg.Folds)
		for f := range cfg.Folds {
			for i, x := range data {
				if i%cfg.Folds != f {
					train[f] = append(train[f], x)
				}
			}
		}
		correct := make([]int, cfg.Folds)
		jobs := make([]func(), cfg.Folds)
		for f := range cfg.Folds {
			jobs[f] = func() {
				tab := build(trainTagger(train[f], cfg.TagIter, cfg.Seed+uint64(f)+1), 0)
				var kb []uint64
				scores := make([]int32, nTags)
				for i := f; i < len(data); i += cfg.Folds {
					x := &data[i]
					x.ptags = make([]int8, len(x.at))
					kb = tagSentence(tab.score, x.at, x.ptags, kb, scores)
					for j := range x.ptags {
						if x.ptags[j] == x.tags[j] {
							correct[f]++
						}
					}
				}
			}
		}
		sideBySide(len(cfg.Dev) == 0, jobs...)
		total := 0
		for i := range data {
			total += len(data[i].at)
		}
		logf("jackknifed tags (%d folds): %.2f%% correct (%s)\n", cfg.Folds, 100*float64(sum(correct))/float64(total), time.Since(start).Round(time.Second))
	}
	return m, data, sents, nil
}

// sideBySide runs jobs, each on its own goroutine when parallel is set,
// else one after the other, and returns when all are done.
func sideBySide(parallel bool, jobs ...func()) {
	if !parallel {
		for _, job := range jobs {
			job()
		}
		return
	}
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Go(job)
	}
	wg.Wait()
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// trainStacked trains the second tagging pass on the jackknifed
// first-pass tags (ptags) of data.
func trainStacked(data []sample, iters int, seed uint64) *trainTable {
	return trainGreedy(data, iters, rand.NewPCG(seed, 0x57ac), func(keys []uint64, x *sample, tags []int8, i int) []uint64 {
		return stackedFeatures(keys, x.at, tags, x.ptags, i)
	})
}

func trainTagger(data []sample, iters int, seed uint64) *trainTable {
	return trainGreedy(data, iters, rand.NewPCG(seed, 0x7a6), func(keys []uint64, x *sample, tags []int8, i int) []uint64 {
		return tagFeatures(keys, x.at, tags, i)
	})
}

// trainGreedy trains a greedy left-to-right tagger, a perceptron over the
// feature keys feats gives token i of x after the tags before it,
// visiting the sentences in an order shuffled by src each iteration.
func trainGreedy(data []sample, iters int, src rand.Source, feats func(keys []uint64, x *sample, tags []int8, i int) []uint64) *trainTable {
	tt := newTrainTable(nTags)
	rng := rand.New(src)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var keys []uint64
	scores := make([]int32, nTags)
	var tags []int8
	for range iters {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			x := &data[si]
			tags = slices.Grow(tags[:0], len(x.at))[:len(x.at)]
			for i := range x.at {
				keys = feats(keys[:0], x, tags, i)
				tt.score(scores, keys)
				best := argmax(scores[:nTags])
				if g := int(x.tags[i]); best != g {
					tt.update(keys, g, 1)
					tt.update(keys, best, -1)
				}
				tags[i] = int8(best)
				tt.t++
			}
		}
	}
	return tt
}

// cost is the number of gold arcs that action a makes unreachable
// (Goldberg & Nivre 2013, arc-hybrid); gh holds the gold heads, n for the root.
func (s *pstate) cost(a int, gh []int32) int {
	c := 0
	top := len(s.stack) - 1
	if a == actShift {
		b := s.b
		h := gh[b]
		for k, x := range s.stack {
			if x == h && k != top {
				c++
			}
			if gh[x] == b {
				c++
			}
		}
		return c
	}
	s0 := s.stack[top]
	h := gh[s0]
	if a == actLeft {
		if h != s.b && (h > s.b || (top > 0 && h == s.stack[top-1])) {
			c++
		}
	} else if h >= s.b {
		c++
	}
	for d := int(s.b); d < s.n; d++ {
		if gh[d] == s0 {
			c++
		}
	}
	return c
}

func (m *Model) trainParser(data []sample, cfg TrainConfig, logf func(string, ...any)) error {
	if cfg.Beam > 1 {
		return m.trainParserBeam(data, cfg, logf)
	}
	nl := len(m.labels)
	act := newTrainTable(nActs)
	lab := newTrainTable(nl)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9a75e))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var keys []uint64
	scores := make([]int32, 64)
	var st pstate
	start := time.Now()
	for ep := range cfg.ParseIter {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var errs, steps int
		for _, si := range order {
			x := &data[si]
			n := len(x.at)
			st.reset(n)
			st.toks = setToks(st.toks, x.at, x.ptags)
			for !st.terminal() {
				keys = st.actFeatures(keys[:0])
				act.score(scores, keys)
				pred, best := -1, -1
				var costs [nActs]int
				minc := 1 << 30
				for a := range nActs {
					if !st.valid(a) {
						continue
					}
					costs[a] = st.cost(a, x.head)
					if costs[a] < minc {
						minc = costs[a]
					}
					if pred < 0 || scores[a] > scores[pred] {
						pred = a
					}
				}
				for a := range nActs {
					if st.valid(a) && costs[a] == minc && (best < 0 || scores[a] > scores[best]) {
						best = a
					}
				}
				follow := pred
				steps++
				if costs[pred] != minc {
					errs++
					act.update(keys, best, 1)
					act.update(keys, pred, -1)
					if ep == 0 || rng.Float64() >= cfg.Explore {
						follow = best
					}
				}
				act.t++
				var label int8
				if follow != actShift {
					h, d := st.arc(follow)
					if int(h) == n {
						label = m.rootLabel
					} else {
						keys = st.labFeatures(keys[:0], follow, h, d)
						lab.score(scores, keys)
						label = argmaxLabel(scores[:nl], m.rootLabel)
						if x.head[d] == h {
							if g := x.lab[d]; g != label {
								lab.update(keys, int(g), 1)
								lab.update(keys, int(label), -1)
								label = g
							}
							lab.t++
						}
					}
				}
				st.apply(follow, label)
			}
		}
		msg := fmt.Sprintf("parser epoch %d: %.2f%% wrong actions, %d+%d features (%s)", ep+1, 100*float64(errs)/float64(steps), len(act.key), len(lab.key), time.Since(start).Round(time.Second))
		m.endEpoch(ep, act, lab, cfg, msg, logf)
	}
	m.finishParser(act, lab, cfg, logf)
	return nil
}

// endEpoch logs the end of training epoch ep (0-based) and, on the epochs
// chosen for it, builds the model so far, scores it on dev and hands it to
// cfg.Snapshot.
func (m *Model) endEpoch(ep int, act, lab *trainTable, cfg TrainConfig, msg string, logf func(string, ...any)) {
	if len(cfg.Dev) > 0 && (ep+1 == cfg.ParseIter || (ep+1)%cfg.EvalEvery == 0) {
		m.act, m.lab = build(act, cfg.Prune), build(lab, cfg.Prune)
		msg += fmt.Sprintf("; dev %s", m.Eval(cfg.Dev))
		logf("%s\n", msg)
		if cfg.Snapshot != nil {
			cfg.Snapshot(ep+1, m)
		}
		return
	}
	logf("%s\n", msg)
}

// finishParser builds the trained action and label tables into the model.
func (m *Model) finishParser(act, lab *trainTable, cfg TrainConfig, logf func(string, ...any)) {
	m.act, m.lab = build(act, cfg.Prune), build(lab, cfg.Prune)
	logf("parser: %d+%d features kept\n", m.act.size(), m.lab.size())
}

// trainParserBeam trains the action model globally with beam search and
// max-violation updates (beam.go); the relation model learns as in greedy
// training, on the gold arcs of the correct sequence.
func (m *Model) trainParserBeam(data []sample, cfg TrainConfig, logf func(string, ...any)) error {
	m.beam = cfg.Beam
	act, lab := m.beamEpochs(data, cfg, 0x9a75e, "parser", func(ep int, act, lab *trainTable, msg string) {
		m.endEpoch(ep, act, lab, cfg, msg, logf)
	})
	m.finishParser(act, lab, cfg, logf)
	return nil
}

// beamEpochs trains an action model and a relation model globally with
// beam search for cfg.ParseIter epochs over data, shuffled by a PCG of
// cfg.Seed and stream, and calls epoch after each with the tables and a
// line saying how the epoch went (named what). It returns the tables.
func (m *Model) beamEpochs(data []sample, cfg TrainConfig, stream uint64, what string, epoch func(ep int, act, lab *trainTable, msg string)) (act, lab *trainTable) {
	act = newTrainTable(nActs)
	lab = newTrainTable(len(m.labels))
	rng := rand.New(rand.NewPCG(cfg.Seed, stream))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	bt := &beamTrainer{k: cfg.Beam}
	start := time.Now()
	for ep := range cfg.ParseIter {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		updates := 0
		for _, si := range order {
			if bt.trainSentence(m, act, lab, &data[si]) {
				updates++
			}
			act.t++
		}
		epoch(ep, act, lab, fmt.Sprintf("%s epoch %d (beam %d): %.2f%% of sentences updated, %d+%d features (%s)", what, ep+1, cfg.Beam, 100*float64(updates)/float64(len(data)), len(act.key), len(lab.key), time.Since(start).Round(time.Second)))
	}
	return act, lab
}

// trainReverse trains the right-to-left parser (ract, rlab) the way
// trainParserBeam trains the left-to-right one, on the sentences of data
// with their words reversed.
func (m *Model) trainReverse(data []sample, cfg TrainConfig, logf func(string, ...any)) {
	rev := make([]sample, len(data))
	for i := range data {
		x := &data[i]
		n := len(x.at)
		r := sample{at: make([]atoms, n), ptags: make([]int8, n), head: make([]int32, n), lab: make([]int8, n)}
		for j := range n {
			k := n - 1 - j
			r.at[j], r.ptags[j], r.lab[j] = x.at[k], x.ptags[k], x.lab[k]
			h := x.head[k]
			if int(h) != n {
				h = int32(n-1) - h
			}
			r.head[j] = h
		}
		rev[i] = r
	}
	act, lab := m.beamEpochs(rev, cfg, 0x7e7e75e, "right-to-left parser", func(ep int, act, lab *trainTable, msg string) {
		if len(cfg.Dev) > 0 && (ep+1 == cfg.ParseIter || (ep+1)%cfg.EvalEvery == 0) {
			m.ract, m.rlab = build(act, cfg.Prune), build(lab, cfg.Prune)
			msg += fmt.Sprintf("; dev alone %s; both %s", m.Direction("right").Eval(cfg.Dev), m.Eval(cfg.Dev))
		}
		logf("%s\n", msg)
	})
	m.ract, m.rlab = build(act, cfg.Prune), build(lab, cfg.Prune)
	logf("right-to-left parser: %d+%d features kept\n", m.ract.size(), m.rlab.size())
}

// build averages, quantises and prunes a trained table.
func build(t *trainTable, min int) *table {
	k, w := t.average(0)
	k, q := quantise(t.nc, k, w, min)
	return newTable(t.nc, k, q)
}

// trainLemmas keeps, per lower-cased word and tag, the most frequent lemma
// where the suffix rules give another one.
func trainLemmas(sents []Sentence) map[lemmaKey]string {
	counts := map[lemmaKey]map[string]int{}
	for _, s := range sents {
		for i, w := range s.Words {
			t := tagIndex(s.UPOS[i])
			if t < 0 || s.Lemma[i] == "_" || upos[t] == "PROPN" {
				continue
			}
			k := lemmaKey{strings.ToLower(normForm(w)), int8(t)}
			c := counts[k]
			if c == nil {
				c = map[string]int{}
				counts[k] = c
			}
			c[s.Lemma[i]]++
		}
	}
	out := map[lemmaKey]string{}
	for k, c := range counts {
		best, bn := "", 0
		for l, n := range c {
			if n > bn || n == bn && l < best {
				best, bn = l, n
			}
		}
		if best != ruleLemma(k.w, int(k.t)) {
			out[k] = best
		}
	}
	return out
}

// Result holds tagging and parsing accuracy over words (punctuation
// included; relations compared without their subtypes, as the scorer does).
type Result struct {
	Words          int
	UPOS, UAS, LAS float64
}

func (r Result) String() string {
	return fmt.Sprintf("UPOS %.2f UAS %.2f LAS %.2f (%d words)", r.UPOS, r.UAS, r.LAS, r.Words)
}

// Eval parses the words of sents and scores the result against them.
func (m *Model) Eval(sents []Sentence) Result {
	var r Result
	var upos, uas, las int
	var p Parse
	for _, s := range sents {
		m.ParseInto(&p, s.Words)
		for i := range s.Words {
			r.Words++
			if p.UPOS[i] == s.UPOS[i] {
				upos++
			}
			if p.Head[i] == s.Head[i] {
				uas++
				if universal(p.Deprel[i]) == universal(s.Deprel[i]) {
					las++
				}
			}
		}
	}
	if r.Words > 0 {
		f := 100 / float64(r.Words)
		r.UPOS, r.UAS, r.LAS = float64(upos)*f, float64(uas)*f, float64(las)*f
	}
	return r
}
