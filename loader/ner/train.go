package ner

import (
	"errors"
	"math/rand"
)

// TrainOptions configures Train.
type TrainOptions struct {
	Train, Dev []Document
	Clusters   map[string]uint32 // word clusters (ReadClusters); nil for none
	Epochs     int               // maximum epochs per stage; the best on Dev is kept
	Seed       int64
	// Folds > 1 trains a second stage that sees the first stage's labels
	// of the same word elsewhere in the document; the first stage's labels
	// on the training data come from Folds-fold cross-validation.
	Folds int
	Log   func(format string, args ...any) // progress; nil for none
}

// tdoc is a training or development document, prepared once.
type tdoc struct {
	sc     *scratch
	gold   []int8
	sents  []Sentence
	stage1 []int8 // cross-validated first-stage labels (training docs)
}

type gazCount = [nTypes]uint16

// Train trains a model with the averaged perceptron, choosing the epoch of
// each stage by F1 on opt.Dev.
func Train(opt TrainOptions) (*Model, error) {
	if len(opt.Train) == 0 || len(opt.Dev) == 0 {
		return nil, errors.New("ner: train and dev data are required")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	m := &Model{}
	m.setClusters(opt.Clusters)
	// Gazetteer: entity strings of the training data, counted by document.
	trainDocs := make([]*tdoc, len(opt.Train))
	for i, d := range opt.Train {
		trainDocs[i] = m.newDoc(d)
	}
	counts, owns := gazetteerCounts(opt.Train, trainDocs)
	m.gaz = make(map[uint64]uint8, len(counts))
	for k, c := range counts {
		var mask uint8
		for t := 0; t < nTypes; t++ {
			if c[t] > 0 {
				mask |= 1 << t
			}
		}
		m.gaz[k] = mask
	}
	// Leave-one-document-out: a training document does not see the
	// gazetteer entries only it contributed, as a new document would not.
	for i, td := range trainDocs {
		own := owns[i]
		m.prepare(td.sc, func(k uint64) uint8 {
			c, ok := counts[k]
			if !ok {
				return 0
			}
			o := own[k]
			var mask uint8
			for t := 0; t < nTypes; t++ {
				n := c[t]
				if o&(1<<t) != 0 {
					n--
				}
				if n > 0 {
					mask |= 1 << t
				}
			}
			return mask
		})
	}
	devDocs := make([]*tdoc, len(opt.Dev))
	for i, d := range opt.Dev {
		devDocs[i] = m.newDoc(d)
		m.prepare(devDocs[i].sc, nil)
	}
	logf("gazetteer: %d entries (exact and case-folded keys)", len(m.gaz))

	rng := rand.New(rand.NewSource(opt.Seed))
	s1, f1, ep := m.trainStage(trainDocs, devDocs, false, opt.Epochs, rng, logf, "stage 1")
	logf("stage 1: best dev F1 %.2f at epoch %d", f1, ep)
	m.stages = []*linear{s1}
	if opt.Folds < 2 {
		return m, nil
	}
	// Cross-validated first-stage labels for the training documents.
	perm := rng.Perm(len(trainDocs))
	for k := 0; k < opt.Folds; k++ {
		var in, out []*tdoc
		for j, p := range perm {
			if j%opt.Folds == k {
				out = append(out, trainDocs[p])
			} else {
				in = append(in, trainDocs[p])
			}
		}
		lin, _, _ := m.trainStage(in, nil, false, ep, rng, logf, "")
		for _, td := range out {
			m.decode(td.sc, lin, false, nil, nil)
			td.stage1 = append([]int8(nil), td.sc.labels...)
		}
		logf("fold %d/%d done", k+1, opt.Folds)
	}
	for _, td := range devDocs {
		m.decode(td.sc, s1, false, nil, nil)
		td.stage1 = append([]int8(nil), td.sc.labels...)
	}
	s2, f2, ep2 := m.trainStage(trainDocs, devDocs, true, opt.Epochs, rng, logf, "stage 2")
	logf("stage 2: best dev F1 %.2f at epoch %d", f2, ep2)
	if f2 > f1 {
		m.stages = []*linear{s1, s2}
	}
	return m, nil
}

func (m *Model) newDoc(d Document) *tdoc {
	td := &tdoc{sc: newScratch(), sents: d.Sentences}
	for _, s := range d.Sentences {
		for _, t := range s.Tokens {
			m.addToken(td.sc, t)
		}
		td.sc.endSentence()
		td.gold = append(td.gold, spanLabels(s.Tags)...)
	}
	return td
}

// gazetteerCounts counts, per gazetteer key, the training documents that
// have an entity with that string and type, and returns each document's
// own keys. A document added several times (the CoNLL04 or news copies)
// shares its sentences with its copies and counts once, so that leaving a
// document's own entries out (Train) also leaves out those of its copies.
func gazetteerCounts(docs []Document, tds []*tdoc) (map[uint64]gazCount, []map[uint64]uint8) {
	counts := make(map[uint64]gazCount)
	owns := make([]map[uint64]uint8, len(docs))
	seen := make(map[*Sentence]bool)
	for i, d := range docs {
		own := tds[i].entityKeys()
		owns[i] = own
		if len(d.Sentences) > 0 {
			if seen[&d.Sentences[0]] {
				continue
			}
			seen[&d.Sentences[0]] = true
		}
		for k, mask := range own {
			c := counts[k]
			for t := 0; t < nTypes; t++ {
				if mask&(1<<t) != 0 {
					c[t]++
				}
			}
			counts[k] = c
		}
	}
	return counts, owns
}

// entityKeys returns the gazetteer keys (exact and case-folded) of the
// document's gold entities with their types.
func (td *tdoc) entityKeys() map[uint64]uint8 {
	own := make(map[uint64]uint8)
	sc := td.sc
	for i := 0; i < len(td.gold); i++ {
		y := int(td.gold[i])
		t := labelType(y)
		if t < 0 || (labelPos(y) != bB && labelPos(y) != bU) {
			continue
		}
		j := i
		for labelPos(int(td.gold[j])) != bL && labelPos(int(td.gold[j])) != bU {
			j++
		}
		if j-i+1 <= maxGazLen {
			he, hl := uint64(gazExactSeed), uint64(gazLowerSeed)
			for x := i; x <= j; x++ {
				he, hl = mix(he, sc.atoms[x].w), mix(hl, sc.atoms[x].l)
			}
			own[he] |= 1 << t
			own[hl] |= 1 << t
		}
		i = j
	}
	return own
}

// perceptron holds the live and accumulated weights of one stage.
type perceptron struct {
	idx  map[uint64]int32
	keys []uint64
	w    []float32
	acc  []float64
	c    float64
}

func (p *perceptron) emit(sc *scratch, i, lo, hi int, kind uint64, stage2 bool, s *[nLabels]float32) {
	*s = [nLabels]float32{}
	sc.feats = sc.features(i, lo, hi, kind, stage2, sc.feats[:0])
	p.add(sc.feats, s)
}

func (p *perceptron) transitions(sc *scratch, a *atoms) *[nHist][nLabels]float32 {
	if len(sc.shapeTab) == 0 {
		sc.shapeTab = append(sc.shapeTab, [nHist][nLabels]float32{})
	}
	sc.shapeFor = 0
	t := &sc.shapeTab[0]
	var lf [nLabelFeats]uint64
	for yp := range t {
		t[yp] = [nLabels]float32{}
		labelFeatures(yp, a, &lf)
		p.add(lf[:], &t[yp])
	}
	return t
}

func (p *perceptron) add(feats []uint64, s *[nLabels]float32) {
	for _, f := range feats {
		if r, ok := p.idx[f]; ok {
			w := p.w[int(r)*nLabels:][:nLabels]
			for y := range s {
				s[y] += w[y]
			}
		}
	}
}

func (p *perceptron) update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		r, ok := p.idx[f]
		if !ok {
			r = int32(len(p.keys))
			p.idx[f] = r
			p.keys = append(p.keys, f)
			p.w = append(p.w, make([]float32, nLabels)...)
			p.acc = append(p.acc, make([]float64, nLabels)...)
		}
		o := int(r) * nLabels
		if gold >= 0 {
			p.w[o+gold]++
			p.acc[o+gold] += p.c
		}
		if pred >= 0 {
			p.w[o+pred]--
			p.acc[o+pred] -= p.c
		}
	}
}

// averaged returns the averaged weights as a tagging stage, leaving out
// features whose weights all vanish.
func (p *perceptron) averaged() *linear {
	var keys []uint64
	var w []float32
	for r, k := range p.keys {
		row := make([]float32, nLabels)
		nz := false
		for y := range row {
			o := r*nLabels + y
			row[y] = float32(float64(p.w[o]) - p.acc[o]/p.c)
			if row[y] > 1e-3 || row[y] < -1e-3 {
				nz = true
			} else {
				row[y] = 0
			}
		}
		if nz {
			keys = append(keys, k)
			w = append(w, row...)
		}
	}
	return newLinear(keys, w)
}

// trainStage runs up to epochs epochs and returns the averaged weights of
// the epoch with the best dev F1 (or of the last epoch without dev).
func (m *Model) trainStage(docs, dev []*tdoc, stage2 bool, epochs int, rng *rand.Rand, logf func(string, ...any), name string) (*linear, float64, int) {
	p := &perceptron{idx: make(map[uint64]int32), c: 1}
	var best *linear
	bestF1, bestEp := -1.0, 0
	order := make([]int, len(docs))
	for e := 1; e <= epochs; e++ {
		for i := range order {
			order[i] = i
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, di := range order {
			td := docs[di]
			if stage2 {
				td.sc.setStage1(td.stage1)
			}
			m.decode(td.sc, p, stage2, td.gold, p.update)
			p.c += float64(len(td.sents))
		}
		if dev == nil {
			if e == epochs {
				best, bestEp = p.averaged(), e
			}
			continue
		}
		lin := p.averaged()
		var s Score
		for _, td := range dev {
			if stage2 {
				td.sc.setStage1(td.stage1)
			}
			m.decode(td.sc, lin, stage2, nil, nil)
			for si, sent := range td.sents {
				s.add(goldSpans(sent.Tags), td.sc.spans(si))
			}
		}
		s.finish()
		logf("%s epoch %d: dev P %.2f R %.2f F1 %.2f (%d features)", name, e, s.Precision, s.Recall, s.F1, lin.rows)
		if s.F1 > bestF1 {
			best, bestF1, bestEp = lin, s.F1, e
		}
	}
	return best, bestF1, bestEp
}
