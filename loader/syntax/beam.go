package syntax

import (
	"cmp"
	"slices"
)

// Beam search (Zhang & Clark 2008; Zhang & Nivre 2011): the parser keeps
// the k best configurations by the sum of their actions' scores, expands
// each by its valid actions and keeps the k best successors. In arc-hybrid
// every derivation of an n-word sentence has 2n transitions, so all items
// of a beam stay in step. The relation of an arc is chosen greedily by the
// relation model when the successor enters the beam; it does not add to
// the score. Training is global (trainBeam): the perceptron updates the
// whole sequence up to the step where the best item outscores the best
// correct one by the most (max-violation, Huang et al. 2012).

// copyFrom makes s a copy of o; the token atoms are shared (read-only).
func (s *pstate) copyFrom(o *pstate) {
	s.n, s.b, s.toks = o.n, o.b, o.toks
	s.stack = append(s.stack[:0], o.stack...)
	s.head = append(s.head[:0], o.head...)
	s.lab = append(s.lab[:0], o.lab...)
	s.l1 = append(s.l1[:0], o.l1...)
	s.l2 = append(s.l2[:0], o.l2...)
	s.r1 = append(s.r1[:0], o.r1...)
	s.r2 = append(s.r2[:0], o.r2...)
	s.nl = append(s.nl[:0], o.nl...)
	s.nr = append(s.nr[:0], o.nr...)
	s.ls = append(s.ls[:0], o.ls...)
	s.rs = append(s.rs[:0], o.rs...)
}

// cand is a successor: the parent item, the action and the summed score.
type cand struct {
	parent int32
	act    int8
	ok     bool // training: the parent is correct and the action costs nothing
	score  int64
}

// byScore orders candidates best first, ties by parent then action, so the
// beam is the same on every run.
func byScore(a, b cand) int {
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	if a.parent != b.parent {
		return cmp.Compare(a.parent, b.parent)
	}
	return cmp.Compare(a.act, b.act)
}

// beamScratch is the working memory of one beam search.
type beamScratch struct {
	cur, next []pstate
	score     []int64 // of cur
	nscore    []int64
	cands     []cand
}

func (bs *beamScratch) init(k int) {
	if len(bs.cur) < k {
		bs.cur = make([]pstate, k)
		bs.next = make([]pstate, k)
		bs.score = make([]int64, k)
		bs.nscore = make([]int64, k)
	}
}

// label returns the relation of the arc that action a makes in s, chosen
// by the relation model lab (the root's is "root").
func (m *Model) label(lab *table, s *pstate, a int, keys []uint64, scores []int32) (int8, []uint64) {
	if a == actShift {
		return 0, keys
	}
	h, d := s.arc(a)
	if int(h) == s.n {
		return m.rootLabel, keys
	}
	keys = s.labFeatures(keys[:0], a, h, d)
	lab.score(scores, keys)
	return argmaxLabel(scores[:len(m.labels)], m.rootLabel), keys
}

// parseBeam parses the sentence of st (reset, with toks set) with a beam
// of k items and leaves the best parse in st.
func (m *Model) parseBeam(k int, st *pstate, bs *beamScratch, mm *memo, keys []uint64, scores []int32) []uint64 {
	_, keys = m.beamSearch(m.act, m.lab, k, st, bs, mm, keys, scores)
	st.copyFrom(&bs.cur[0])
	return keys
}

// beamSearch runs a beam of k items with the action model act and the
// relation model lab over the sentence of st (reset, with toks set) and
// leaves the final beam in bs: live items bs.cur[:live], best first, with
// their scores in bs.score.
func (m *Model) beamSearch(act, lab *table, k int, st *pstate, bs *beamScratch, mm *memo, keys []uint64, scores []int32) (live int, _ []uint64) {
	bs.init(k)
	mm.reset(st.n)
	bs.cur[0].copyFrom(st)
	bs.score[0] = 0
	live = 1
	for !bs.cur[0].terminal() {
		bs.cands = bs.cands[:0]
		for i := range live {
			s := &bs.cur[i]
			var sc [nActs]int32
			keys = s.scoreAct(&sc, act.score, mm, keys)
			for a := range nActs {
				if s.valid(a) {
					bs.cands = append(bs.cands, cand{parent: int32(i), act: int8(a), score: bs.score[i] + int64(sc[a])})
				}
			}
		}
		slices.SortFunc(bs.cands, byScore)
		live = min(k, len(bs.cands))
		for j, c := range bs.cands[:live] {
			ns := &bs.next[j]
			ns.copyFrom(&bs.cur[c.parent])
			var label int8
			label, keys = m.label(lab, ns, int(c.act), keys, scores)
			ns.apply(int(c.act), label)
			bs.nscore[j] = c.score
		}
		bs.cur, bs.next = bs.next, bs.cur
		bs.score, bs.nscore = bs.nscore, bs.score
	}
	return live, keys
}

// costs returns, per valid action of s, how many more gold arcs it loses
// than the best valid action (Goldberg & Nivre 2013's cost, less the
// minimum: on a non-projective tree even the best action may lose one).
// Invalid actions get a cost of 1<<30.
func (s *pstate) costs(gh []int32) [nActs]int {
	var c [nActs]int
	minc := 1 << 30
	for a := range nActs {
		c[a] = 1 << 30
		if s.valid(a) {
			c[a] = s.cost(a, gh)
			minc = min(minc, c[a])
		}
	}
	for a := range nActs {
		if c[a] < 1<<30 {
			c[a] -= minc
		}
	}
	return c
}

// hnode is one transition of a beam item's history: the previous node
// (-1 at the start), the action and the relation it gave.
type hnode struct {
	parent int32
	act    int8
	label  int8
}

// history returns the transitions that end at node i, first to last.
func history(arena []hnode, i int32, out []hnode) []hnode {
	out = out[:0]
	for ; i >= 0; i = arena[i].parent {
		out = append(out, arena[i])
	}
	slices.Reverse(out)
	return out
}

// beamTrainer holds the working memory of global training.
type beamTrainer struct {
	k            int
	bs           beamScratch
	ok, nok      []bool
	hist, nhist  []int32
	arena        []hnode
	root, g, tmp pstate
	mm           memo
	hg, hp       []hnode
	keys         []uint64
	scores       []int32
}

// trainSentence runs one beam search over x with the current weights and
// updates act at the step of maximal violation, lab on the correct
// sequence's gold arcs. It reports whether act was updated.
func (bt *beamTrainer) trainSentence(m *Model, act, lab *trainTable, x *sample) bool {
	k := bt.k
	bs := &bt.bs
	bs.init(k)
	if len(bt.ok) < k {
		bt.ok, bt.nok = make([]bool, k), make([]bool, k)
		bt.hist, bt.nhist = make([]int32, k), make([]int32, k)
	}
	if bt.scores == nil {
		bt.scores = make([]int32, 64)
	}
	n := len(x.at)
	nl := len(m.labels)
	bt.root.reset(n)
	bt.root.toks = setToks(bt.root.toks, x.at, x.ptags)
	bt.mm.reset(n) // the action weights change only after the sentence
	bt.arena = bt.arena[:0]
	bs.cur[0].copyFrom(&bt.root)
	bs.score[0], bt.hist[0], bt.ok[0] = 0, -1, true
	live := 1
	g := &bt.g
	g.copyFrom(&bt.root)
	gscore, ghist, gin := int64(0), int32(-1), 0
	found := false
	var maxV int64
	var vPred, vGold int32
	labelOf := func(s *pstate, a int) int8 {
		if a == actShift {
			return 0
		}
		h, d := s.arc(a)
		if int(h) == n {
			return m.rootLabel
		}
		bt.keys = s.labFeatures(bt.keys[:0], a, h, d)
		lab.score(bt.scores, bt.keys)
		return argmaxLabel(bt.scores[:nl], m.rootLabel)
	}
	for step := 0; step < 2*n; step++ {
		bs.cands = bs.cands[:0]
		for i := range live {
			s := &bs.cur[i]
			var sc [nActs]int32
			bt.keys = s.scoreAct(&sc, act.score, &bt.mm, bt.keys)
			var costs [nActs]int
			if bt.ok[i] {
				costs = s.costs(x.head)
			}
			for a := range nActs {
				if s.valid(a) {
					ok := bt.ok[i] && costs[a] == 0
					bs.cands = append(bs.cands, cand{parent: int32(i), act: int8(a), ok: ok, score: bs.score[i] + int64(sc[a])})
				}
			}
		}
		slices.SortFunc(bs.cands, byScore)
		// the best correct successor
		var gc cand
		gpar := (*pstate)(nil)
		jg := -1
		if gin >= 0 {
			for j, c := range bs.cands {
				if c.ok {
					jg, gc, gpar = j, c, &bs.cur[c.parent]
					break
				}
			}
		} else {
			var sc [nActs]int32
			bt.keys = g.scoreAct(&sc, act.score, &bt.mm, bt.keys)
			costs := g.costs(x.head)
			for a := range nActs {
				if g.valid(a) && costs[a] == 0 {
					c := cand{parent: -1, act: int8(a), ok: true, score: gscore + int64(sc[a])}
					if gpar == nil || c.score > gc.score {
						gc, gpar = c, g
					}
				}
			}
		}
		// the gold arc's relation, predicted before the relation model learns from it
		gl := labelOf(gpar, int(gc.act))
		live = min(k, len(bs.cands))
		for j, c := range bs.cands[:live] {
			ns := &bs.next[j]
			ns.copyFrom(&bs.cur[c.parent])
			l := labelOf(ns, int(c.act))
			ns.apply(int(c.act), l)
			bs.nscore[j] = c.score
			bt.arena = append(bt.arena, hnode{bt.hist[c.parent], c.act, l})
			bt.nhist[j] = int32(len(bt.arena) - 1)
			bt.nok[j] = c.ok
		}
		// the relation model learns on gold arcs of the correct sequence
		if gc.act != actShift {
			h, d := gpar.arc(int(gc.act))
			if int(h) != n && x.head[d] == h {
				if gold := x.lab[d]; gold != gl {
					bt.keys = gpar.labFeatures(bt.keys[:0], int(gc.act), h, d)
					lab.update(bt.keys, int(gold), 1)
					lab.update(bt.keys, int(gl), -1)
				}
				lab.t++
			}
		}
		if jg >= 0 && jg < live {
			gin = jg
			gscore, ghist = gc.score, bt.nhist[jg]
		} else {
			gin = -1
			ghistParent := ghist
			if jg >= 0 { // the correct sequence falls out of the beam here
				ghistParent = bt.hist[gc.parent]
				g.copyFrom(gpar)
			}
			g.apply(int(gc.act), gl)
			gscore = gc.score
			bt.arena = append(bt.arena, hnode{ghistParent, gc.act, gl})
			ghist = int32(len(bt.arena) - 1)
		}
		bs.cur, bs.next = bs.next, bs.cur
		bs.score, bs.nscore = bs.nscore, bs.score
		bt.hist, bt.nhist = bt.nhist, bt.hist
		bt.ok, bt.nok = bt.nok, bt.ok
		if gin != 0 {
			if v := bs.score[0] - gscore; v >= 0 && (!found || v > maxV) {
				found, maxV, vPred, vGold = true, v, bt.hist[0], ghist
			}
		}
	}
	if !found {
		return false
	}
	bt.hg = history(bt.arena, vGold, bt.hg)
	bt.hp = history(bt.arena, vPred, bt.hp)
	same := 0
	for same < len(bt.hg) && bt.hg[same] == bt.hp[same] {
		same++
	}
	for _, side := range []struct {
		h     []hnode
		delta int32
	}{{bt.hg, 1}, {bt.hp, -1}} {
		s := &bt.tmp
		s.copyFrom(&bt.root)
		for i, t := range side.h {
			if i >= same {
				bt.keys = s.actFeatures(bt.keys[:0])
				act.update(bt.keys, int(t.act), side.delta)
			}
			s.apply(int(t.act), t.label)
		}
	}
	return true
}
