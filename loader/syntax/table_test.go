package syntax

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTableScore checks the lookup tables against a plain map: the sum of
// the rows of present keys, nothing for absent ones, for dense action
// rows and sparse rows of 17 and 51 classes (short rows inline, long rows
// in ext), including batches longer than one pass of score.
func TestTableScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for _, nc := range []int{3, 17, 51} {
		rows := map[uint64][]int16{}
		var keys []uint64
		for len(keys) < 5000 {
			k := rng.Uint64() | 1
			if rows[k] != nil {
				continue
			}
			row := make([]int16, nc)
			nz := 1 + rng.IntN(nc)
			if rng.IntN(4) > 0 {
				nz = 1 + rng.IntN(min(3, nc))
			}
			for range nz {
				row[rng.IntN(nc)] = int16(rng.IntN(60001) - 30000)
			}
			if !slices.ContainsFunc(row, func(v int16) bool { return v != 0 }) {
				row[0] = 1
			}
			rows[k] = row
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var w []int16
		for _, k := range keys {
			w = append(w, rows[k]...)
		}
		tab := newTable(nc, keys, w)
		got := make([]int32, nc)
		want := make([]int32, nc)
		for trial := range 200 {
			var q []uint64
			clear(want)
			for range 1 + rng.IntN(300) {
				if rng.IntN(2) == 0 {
					k := keys[rng.IntN(len(keys))]
					q = append(q, k)
					for c, v := range rows[k] {
						want[c] += int32(v)
					}
				} else if nc > 3 { // 16-bit fingerprints may match an absent key by chance
					q = append(q, rng.Uint64()|1)
				}
			}
			tab.score(got, q)
			if !slices.Equal(got, want) {
				t.Fatalf("nc %d trial %d: score %v, want %v", nc, trial, got, want)
			}
		}
		row := make([]int16, nc)
		for i, k := range keys {
			tab.rowOf(i, row)
			if !slices.Equal(row, rows[k]) {
				t.Fatalf("nc %d: row %d is %v, want %v", nc, i, row, rows[k])
			}
		}
	}
}

// TestWriteRoundTrip: the decoded embedded model writes the same bytes.
func TestWriteRoundTrip(t *testing.T) {
	b := modelBytes(t, loadModel(t))
	if !bytes.Equal(b, modelFile) {
		t.Fatalf("writing the decoded model gives %d bytes that differ from the embedded %d", len(b), len(modelFile))
	}
}

// TestActSplit: at every configuration met while parsing EWT dev
// sentences, the keys that parsing looks up (actDynamic) and the memoised
// role groups (roleKeys) are together exactly the keys of actFeatures,
// which training uses.
func TestActSplit(t *testing.T) {
	sents := devSentences(t)
	if len(sents) > 300 {
		sents = sents[:300]
	}
	m := loadModel(t)
	var st pstate
	var mm memo
	scores := make([]int32, 64)
	configs := 0
	for _, s := range sents {
		n := len(s.Words)
		at, tags, _ := tagWords(m, s.Words, nil, scores)
		st.reset(n)
		st.toks = setToks(st.toks, at, tags)
		mm.reset(n)
		for !st.terminal() {
			configs++
			all := st.actFeatures(nil)
			split := st.actDynamic(nil)
			s0, s1, s2, b0, s0l, s0r, b0l, s1r, s0l2, s0r2, b0l2 := st.positions()
			for r, i := range []int32{s0, s1, s2, b0, s0l, s0r, b0l, s1r, s0l2, s0r2, b0l2} {
				split = st.roleKeys(split, r, i)
			}
			slices.Sort(all)
			slices.Sort(split)
			if !slices.Equal(all, split) {
				t.Fatalf("%q: configuration %d: %d keys split, %d in actFeatures", s.Words, configs, len(split), len(all))
			}
			var memoised [nActs]int32
			st.scoreAct(&memoised, m.act.score, &mm, nil)
			m.act.score(scores, all)
			if !slices.Equal(memoised[:], scores[:nActs]) {
				t.Fatalf("%q: scores %v with memoised roles, %v without", s.Words, memoised, scores[:nActs])
			}
			// follow the best valid action
			best := -1
			for a := range nActs {
				if st.valid(a) && (best < 0 || memoised[a] > memoised[best]) {
					best = a
				}
			}
			st.apply(best, 0)
		}
	}
	t.Logf("%d configurations", configs)
}
