package syntax

import (
	"math"
)

// The ensemble (Sagae & Lavie 2006; Surdeanu & Manning 2010): a second
// action model and relation model parse the sentence right to left (the
// same arc-hybrid beam parser over the reversed words; its heads are
// mapped back), and the two final beams vote on arcs. Every item of a
// beam gives each of its arcs a weight, the softmax of the item scores
// over the beam at temperature ensTemp (scores are sums of int16
// weights); the right-to-left beam's votes count ensRight times (a little
// less than 1, so that ties go to the left-to-right parser). The tree is
// the maximum spanning tree over these weights (Chu & Liu 1965, Edmonds
// 1967), with one root: each arc into the root costs a constant larger
// than all weights of the sentence, so that the best tree has one root
// arc. The arc labeller then labels the combined tree.

// ensemble parameters, chosen on EWT dev (doc.go has the sweep)
const (
	ensTemp  = 12000.0
	ensRight = 0.85
)

// Votes returns a model that shares m's weights and weighs the beams'
// votes with softmax temperature temp and right-to-left weight right
// (0: the defaults): for model selection.
func (m *Model) Votes(temp, right float64) *Model {
	c := m.WithBeam(m.Beam())
	c.temp, c.right = temp, right
	return c
}

// PruneRight returns a copy of m whose right-to-left parser keeps only the
// features with a weight of at least min in magnitude (see Prune): its
// weights are on another scale than the left-to-right parser's, so it
// has its own level.
func (m *Model) PruneRight(min int) *Model {
	c := m.WithBeam(m.Beam())
	if m.ract != nil {
		c.ract, c.rlab = m.ract.pruned(min), m.rlab.pruned(min)
	}
	return c
}

// revToks sets rev to the tokens of toks (n words and the root) with the
// words reversed; the root stays last.
func revToks(rev, toks []ptok) []ptok {
	n := len(toks) - 1
	rev = rev[:0]
	for i := n - 1; i >= 0; i-- {
		rev = append(rev, toks[i])
	}
	return append(rev, toks[n])
}

// ensScratch is the working memory of the combination.
type ensScratch struct {
	w    []float64 // w[d*(n+1)+h]: votes for head h of word d (h = n: the root)
	lab  []int8    // relation of the arc d <- h from the first item that has it
	bw   []float64
	head []int
	rev  pstate
	bs   beamScratch
	mat  [][]float64
}

// parseEnsemble parses st (reset, with toks set) in both directions with
// beams of k items and leaves the combined tree in st (heads and the
// parsers' relations; child lists and stack are not kept).
func (m *Model) parseEnsemble(k int, st *pstate, bs *beamScratch, es *ensScratch, mm *memo, keys []uint64, scores []int32) []uint64 {
	n := st.n
	var liveL, liveR int
	liveL, keys = m.beamSearch(m.act, m.lab, k, st, bs, mm, keys, scores)
	rv := &es.rev
	rv.reset(n)
	rv.toks = revToks(rv.toks, st.toks)
	liveR, keys = m.beamSearch(m.ract, m.rlab, k, rv, &es.bs, mm, keys, scores)
	st.copyFrom(&bs.cur[0])

	size := n * (n + 1)
	if cap(es.w) < size {
		es.w = make([]float64, size)
		es.lab = make([]int8, size)
	}
	es.w, es.lab = es.w[:size], es.lab[:size]
	clear(es.w)
	for i := range es.lab {
		es.lab[i] = -1
	}
	temp, right := ensTemp, ensRight
	if m.temp > 0 {
		temp = m.temp
	}
	if m.right > 0 {
		right = m.right
	}
	vote := func(items []pstate, sc []int64, weight float64, reversed bool) {
		es.bw = es.bw[:0]
		var sum float64
		for _, s := range sc {
			v := math.Exp(float64(s-sc[0]) / temp)
			es.bw = append(es.bw, v)
			sum += v
		}
		for i := range items {
			v := weight * es.bw[i] / sum
			it := &items[i]
			for j := range n {
				d, h := j, int(it.head[j])
				if reversed {
					d = n - 1 - j
					if h != n {
						h = n - 1 - h
					}
				}
				x := d*(n+1) + h
				es.w[x] += v
				if es.lab[x] < 0 {
					es.lab[x] = it.lab[j]
				}
			}
		}
	}
	vote(bs.cur[:liveL], bs.score[:liveL], 1, false)
	vote(es.bs.cur[:liveR], es.bs.score[:liveR], right, true)
	es.head = m.combine(es, n)
	for d, h := range es.head[:n] {
		st.head[d] = int32(h)
		st.lab[d] = es.lab[d*(n+1)+h]
	}
	return keys
}

// combine returns the maximum spanning tree over the votes es.w of an
// n-word sentence (node n is the root), heads per word.
func (m *Model) combine(es *ensScratch, n int) []int {
	N := n + 1
	rootCost := float64(2*N + 2) // more than the sum of all votes (each word's sum to at most 2)
	// fast path: each word's best head; a tree with one root needs no more
	es.head = growInt(es.head, N)
	roots := 0
	for d := range n {
		best := -1
		bv := 0.0
		for h := range N {
			v := es.w[d*N+h]
			if h == d || v <= 0 {
				continue
			}
			if h == n {
				v -= rootCost
			}
			if best < 0 || v > bv {
				best, bv = h, v
			}
		}
		es.head[d] = best
		if best == n {
			roots++
		}
	}
	es.head[n] = -1
	if roots == 1 && !hasCycle(es.head[:N], n) {
		return es.head
	}
	if cap(es.mat) < N {
		es.mat = make([][]float64, N)
	}
	es.mat = es.mat[:N]
	for d := range N {
		row := es.mat[d]
		if cap(row) < N {
			row = make([]float64, N)
		}
		row = row[:N]
		for h := range N {
			v := math.Inf(-1)
			if d < n && h != d {
				if w := es.w[d*N+h]; w > 0 {
					v = w
					if h == n {
						v -= rootCost
					}
				}
			}
			row[h] = v
		}
		es.mat[d] = row
	}
	heads := chuLiuEdmonds(es.mat, n)
	copy(es.head, heads)
	return es.head
}

func growInt(x []int, n int) []int {
	if cap(x) < n {
		return make([]int, n)
	}
	return x[:n]
}

// hasCycle reports whether the heads (head[root] = -1) contain a cycle.
func hasCycle(head []int, root int) bool {
	return findCycle(head, root) != nil
}

// findCycle returns the nodes of a cycle of head (head[root] = -1), or nil.
func findCycle(head []int, root int) []int {
	N := len(head)
	state := make([]int8, N) // 0 unseen, 1 on the current path, 2 done
	state[root] = 2
	for start := range N {
		if state[start] != 0 {
			continue
		}
		v := start
		for state[v] == 0 {
			state[v] = 1
			v = head[v]
		}
		if state[v] == 1 {
			cyc := []int{v}
			for u := head[v]; u != v; u = head[u] {
				cyc = append(cyc, u)
			}
			return cyc
		}
		for u := start; state[u] == 1; u = head[u] {
			state[u] = 2
		}
	}
	return nil
}

// chuLiuEdmonds returns the heads of the maximum spanning arborescence of
// s (s[d][h]: the weight of the arc h -> d, -Inf where there is none)
// rooted at root; head[root] = -1. Ties go to the lower head index.
func chuLiuEdmonds(s [][]float64, root int) []int {
	N := len(s)
	head := make([]int, N)
	for d := range N {
		head[d] = -1
		if d == root {
			continue
		}
		for h := range N {
			if h != d && (head[d] < 0 || s[d][h] > s[d][head[d]]) {
				head[d] = h
			}
		}
	}
	cyc := findCycle(head, root)
	if cyc == nil {
		return head
	}
	in := make([]bool, N)
	for _, v := range cyc {
		in[v] = true
	}
	// contract the cycle into one node c, the last of the new graph
	idx := make([]int, N)
	var old []int
	for v := range N {
		if !in[v] {
			idx[v] = len(old)
			old = append(old, v)
		}
	}
	M := len(old) + 1
	c := M - 1
	t := make([][]float64, M)
	for i := range t {
		t[i] = make([]float64, M)
		for j := range t[i] {
			t[i][j] = math.Inf(-1)
		}
	}
	enter := make([]int, M) // arc h -> c: the cycle node it enters
	leave := make([]int, M) // arc c -> d: the cycle node it leaves from
	for i, d := range old {
		for j, h := range old {
			if i != j {
				t[i][j] = s[d][h]
			}
		}
		// c -> d: the best cycle node as head
		best := math.Inf(-1)
		leave[i] = cyc[0]
		for _, u := range cyc {
			if s[d][u] > best {
				best, leave[i] = s[d][u], u
			}
		}
		t[i][c] = best
	}
	for j, h := range old {
		// h -> c: the best cycle node to enter, by the gain over its cycle arc
		best := math.Inf(-1)
		enter[j] = cyc[0]
		for _, v := range cyc {
			if g := s[v][h] - s[v][head[v]]; g > best {
				best, enter[j] = g, v
			}
		}
		t[c][j] = best
	}
	sub := chuLiuEdmonds(t, idx[root])
	out := make([]int, N)
	for i, d := range old {
		if h := sub[i]; h == c {
			out[d] = leave[i]
		} else if h < 0 {
			out[d] = -1
		} else {
			out[d] = old[h]
		}
	}
	for _, v := range cyc {
		out[v] = head[v]
	}
	h := old[sub[c]]
	out[enter[sub[c]]] = h
	return out
}

// parseRight parses st (reset, with toks set) with the right-to-left
// parser alone and leaves its best tree, mapped back, in st (heads and
// relations only).
func (m *Model) parseRight(st *pstate, bs *beamScratch, es *ensScratch, mm *memo, keys []uint64, scores []int32) []uint64 {
	n := st.n
	rv := &es.rev
	rv.reset(n)
	rv.toks = revToks(rv.toks, st.toks)
	k := max(m.beam, 1)
	_, keys = m.beamSearch(m.ract, m.rlab, k, rv, bs, mm, keys, scores)
	best := &bs.cur[0]
	for j := range n {
		d, h := n-1-j, best.head[j]
		if int(h) != n {
			h = int32(n-1) - h
		}
		st.head[d], st.lab[d] = h, best.lab[j]
	}
	return keys
}
