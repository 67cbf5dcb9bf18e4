package syntax

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// The arc labeller runs once over the finished tree and gives every arc
// its relation. The relation model inside the parser only sees what a
// transition system has built so far; the labeller sees the whole tree:
// the head's head and its relation, the siblings on both sides and the
// relations already given to those on the left, all the dependent's
// children (its case marker, subordinator, auxiliary and determiner words,
// the tags of its children on each side), the punctuation between head
// and dependent. It labels top-down (a head before its dependents), each
// head's dependents left to right, so a relation can read the relations
// of the head and of the siblings before it; training decodes the same
// way (averaged perceptron over the gold trees, with jackknifed tags and
// its own earlier relations as history).

// ltree is a finished tree prepared for the labeller.
type ltree struct {
	n     int
	head  []int32 // n = the root
	toks  []ptok  // n+1 positions, n the root
	lem   []uint64
	flags []uint64
	kids  []int32 // children of node i: kids[kst[i]:kst[i+1]], increasing
	kst   []int32
	lab   []int8 // labels given so far, -1 none
	queue []int32
	fill  []int32
}

// prepare builds the child lists of t.head (set, with t.n) and resets the
// labels.
func (t *ltree) prepare() {
	n := t.n
	t.kst = growI32(t.kst, n+2)
	clear(t.kst)
	for i := 0; i < n; i++ {
		t.kst[t.head[i]+1]++
	}
	for i := 1; i < n+2; i++ {
		t.kst[i] += t.kst[i-1]
	}
	t.kids = growI32(t.kids, n)
	t.fill = growI32(t.fill, n+1)
	copy(t.fill, t.kst[:n+1])
	for i := 0; i < n; i++ {
		h := t.head[i]
		t.kids[t.fill[h]] = int32(i)
		t.fill[h]++
	}
	if cap(t.lab) < n+1 {
		t.lab = make([]int8, n+1)
	}
	t.lab = t.lab[:n+1]
	for i := range t.lab {
		t.lab[i] = -1
	}
}

func growI32(x []int32, n int) []int32 {
	if cap(x) < n {
		return make([]int32, n)
	}
	return x[:n]
}

func (t *ltree) tok(i int32) *ptok {
	if i < 0 {
		return &noneTok
	}
	return &t.toks[i]
}

func (t *ltree) labOf(i int32) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(t.lab[i]) + 2
}

func (t *ltree) lemOf(i int32) uint64 {
	if i < 0 || int(i) >= t.n {
		return 0x4e4f4e45
	}
	return t.lem[i]
}

// order returns the dependents in labelling order: breadth first from the
// root, each head's dependents left to right.
func (t *ltree) order() []int32 {
	t.queue = append(t.queue[:0], int32(t.n))
	for q := 0; q < len(t.queue); q++ {
		h := t.queue[q]
		t.queue = append(t.queue, t.kids[t.kst[h]:t.kst[h+1]]...)
	}
	return t.queue[1:]
}

// relabelFeatures appends the labeller's feature keys of the arc into d.
func (t *ltree) relabelFeatures(keys []uint64, d int32) []uint64 {
	h := t.head[d]
	n := int32(t.n)
	dir := uint64(0)
	if d > h {
		dir = 1
	}
	tp := dir << 20
	dist := h - d
	if dist < 0 {
		dist = -dist
	}
	db := bucket(dist)
	D, H := t.tok(d), t.tok(h)
	var hh int32 = -1
	if h < n {
		hh = t.head[h]
	}
	HH := t.tok(hh)
	hl := t.labOf(h)
	if h == n {
		hl = 1
	}
	// siblings: the one before d and the one after, the labels of the
	// earlier ones and the tags of h's children on each side of d
	sib := t.kids[t.kst[h]:t.kst[h+1]]
	ps, ns := int32(-1), int32(-1)
	var hset, hLeft, hRight uint64
	var rank uint64
	for _, c := range sib {
		switch {
		case c < d:
			ps = c
			hset |= 1 << uint(t.lab[c]&63)
			hLeft |= 1 << uint(t.toks[c].p)
			if (c > h) == (d > h) {
				rank++
			}
		case c > d:
			if ns < 0 {
				ns = c
			}
			hRight |= 1 << uint(t.toks[c].p)
		}
	}
	if d < h {
		// on the left the rank counts from the head outwards
		var r uint64
		for _, c := range sib {
			if c > d && c < h {
				r++
			}
		}
		rank = r
	}
	if rank > 3 {
		rank = 3
	}
	// the dependent's children
	kids := t.kids[t.kst[d]:t.kst[d+1]]
	dl, dr := int32(-1), int32(-1)
	var dLeft, dRight, nl, nr uint64
	var caseW, markW, auxL, detW uint64 = 1, 1, 1, 1
	for _, c := range kids {
		p := t.toks[c].p
		if c < d {
			if dl < 0 {
				dl = c
			}
			dLeft |= 1 << uint(p)
			nl++
		} else {
			dr = c
			dRight |= 1 << uint(p)
			nr++
		}
		switch upos[p] {
		case "ADP":
			if caseW == 1 {
				caseW = t.toks[c].w
			}
		case "SCONJ", "PART":
			if markW == 1 && c < d {
				markW = t.toks[c].w
			}
		case "AUX":
			if auxL == 1 && c < d {
				auxL = t.lem[c]
			}
		case "DET":
			if detW == 1 {
				detW = t.toks[c].w
			}
		}
	}
	nl, nr = min(nl, 3), min(nr, 3)
	DL, DR := t.tok(dl), t.tok(dr)
	// the head's auxiliary (passive, copula)
	var hAux uint64 = 1
	for _, c := range sib {
		if c < h && upos[t.toks[c].p] == "AUX" {
			hAux = t.lem[c]
		}
	}
	// punctuation between head and dependent
	lo, hi := min(h, d), max(h, d)
	var commas, puncts uint64
	for i := lo + 1; i < hi && i < n; i++ {
		if upos[t.toks[i].p] == "PUNCT" {
			puncts++
			if t.toks[i].w == hComma {
				commas++
			}
		}
	}
	commas, puncts = min(commas, 2), min(puncts, 2)
	prev, next := d-1, d+1
	if next >= n {
		next = -1
	}
	P, N := t.tok(prev), t.tok(next)
	hp, hn := h-1, h+1
	if hn >= n {
		hn = -1
	}
	HP, HN := t.tok(hp), t.tok(hn)
	if h == n {
		HP, HN = &noneTok, &noneTok
	}
	PS, NS := t.tok(ps), t.tok(ns)
	DLem, HLem := t.lemOf(d), t.lemOf(h)
	var edge uint64
	if d == 0 {
		edge |= 1
	}
	if d == n-1 {
		edge |= 2
	}
	df := t.flags[d]
	keys = append(keys,
		key1(tp|400, 0),
		key1(tp|401, D.w), key1(tp|402, D.p), key1(tp|403, D.wp), key1(tp|404, D.c), key1(tp|405, D.suf), key1(tp|406, DLem),
		key1(tp|407, H.w), key1(tp|408, H.p), key1(tp|409, H.wp), key1(tp|410, H.c), key1(tp|411, HLem),
		key2(tp|412, D.p, H.p), key2(tp|413, D.w, H.p), key2(tp|414, D.p, H.w), key2(tp|415, D.w, H.w),
		key2(tp|416, DLem, HLem), key2(tp|417, D.c, H.c), key2(tp|418, D.c, H.p), key2(tp|419, D.p, H.c),
		key3(tp|420, D.p, H.p, db), key3(tp|421, D.w, H.p, db),
		key3(tp|422, D.p, H.p, hl), key2(tp|423, D.p, hl), key3(tp|424, D.p, H.p, HH.p), key3(tp|425, D.p, HH.w, hl),
		key3(tp|426, H.p, hl, HH.p),
		key2(tp|427, D.p, t.labOf(ps)), key3(tp|428, D.p, H.p, t.labOf(ps)), key2(tp|429, D.p, PS.p), key2(tp|430, D.p, NS.p),
		key3(tp|431, D.p, H.p, hset), key2(tp|432, H.p, hset),
		key2(tp|433, D.p, caseW), key3(tp|434, D.p, H.p, caseW), key2(tp|435, caseW, H.w), key2(tp|436, D.w, caseW),
		key2(tp|437, D.p, markW), key3(tp|438, D.p, H.p, markW), key2(tp|439, D.p, auxL), key3(tp|440, D.p, H.p, auxL),
		key2(tp|441, D.p, detW),
		key2(tp|442, D.p, dLeft), key2(tp|443, D.p, dRight), key3(tp|444, D.p, H.p, dLeft), key3(tp|445, D.p, nl, nr),
		key3(tp|446, D.p, DL.p, DR.p), key2(tp|447, D.p, DL.w), key2(tp|448, D.p, DR.w),
		key2(tp|449, H.p, hLeft), key3(tp|450, D.p, H.p, hLeft), key2(tp|451, H.p, hRight),
		key3(tp|452, D.p, H.p, commas), key3(tp|453, D.p, H.p, puncts),
		key3(tp|454, D.p, P.p, N.p), key2(tp|455, D.p, P.w), key2(tp|456, D.p, N.w), key3(tp|457, H.p, HP.p, HN.p),
		key2(tp|458, D.p, edge), key3(tp|459, D.p, H.p, rank),
		key3(tp|460, D.p, H.p, hAux), key3(tp|461, D.p, HH.p, hl),
		key2(tp|462, D.p, df), key3(tp|463, D.p, H.p, df),
	)
	return keys
}

var hComma = hstr(",")

// relabel gives every arc of t (prepared) its relation with table score.
func (t *ltree) relabel(score scorer, nl int, root int8, keys []uint64, scores []int32) []uint64 {
	for _, d := range t.order() {
		if int(t.head[d]) == t.n {
			t.lab[d] = root
			continue
		}
		keys = t.relabelFeatures(keys[:0], d)
		score(scores, keys)
		t.lab[d] = argmaxLabel(scores[:nl], root)
	}
	return keys
}

// setLtree fills t's tokens from the parser's positions and the lemmas.
func (t *ltree) set(n int, toks []ptok, head []int32, lem []uint64, flags []uint64) {
	t.n, t.toks, t.head, t.lem, t.flags = n, toks, head, lem, flags
	t.prepare()
}

// trainRelabel trains the arc labeller on the gold trees of data (with
// their jackknifed tags); dev, if given, is scored after each epoch.
func (m *Model) trainRelabel(data []sample, cfg TrainConfig, logf func(string, ...any)) {
	nl := len(m.labels)
	tt := newTrainTable(nl)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x4e1ab))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var t ltree
	var keys []uint64
	var toks []ptok
	scores := make([]int32, 64)
	start := time.Now()
	for ep := range cfg.RelabelIter {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var errs, total int
		for _, si := range order {
			x := &data[si]
			n := len(x.at)
			toks = setToks(toks, x.at, x.ptags)
			t.set(n, toks, x.head, x.lem, x.flags)
			for _, d := range t.order() {
				if int(t.head[d]) == n {
					t.lab[d] = m.rootLabel
					continue
				}
				keys = t.relabelFeatures(keys[:0], d)
				tt.score(scores, keys)
				pred := argmaxLabel(scores[:nl], m.rootLabel)
				total++
				if g := x.lab[d]; g != pred {
					errs++
					tt.update(keys, int(g), 1)
					tt.update(keys, int(pred), -1)
				}
				tt.t++
				t.lab[d] = pred
			}
		}
		msg := fmt.Sprintf("labeller epoch %d: %.2f%% wrong, %d features (%s)", ep+1, 100*float64(errs)/float64(total), len(tt.key), time.Since(start).Round(time.Second))
		if len(cfg.Dev) > 0 && cfg.RelabelEval {
			m.rel = build(tt, cfg.Prune)
			msg += fmt.Sprintf("; dev %s", m.Eval(cfg.Dev))
		}
		logf("%s\n", msg)
	}
	m.rel = build(tt, cfg.Prune)
	logf("labeller: %d features kept\n", m.rel.size())
}
