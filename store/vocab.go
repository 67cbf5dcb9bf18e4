package store

import (
	"sync"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
)

// vocabIndex finds the name tokens within a small edit distance of a
// query token without walking the vocabulary: it keeps every name token
// the store has held since Open, in memory, with a posting list per
// character trigram (of the token padded with one '$' on each side) and
// token length, so that a query reads the lists of the lengths within its
// distance only. It is
// a superset of any snapshot's vocabulary (tokens of retracted names stay
// until the next Open), so it only proposes candidates; Search reads the
// entities of each candidate from its own snapshot (K keys), where a token
// no longer held has none. A token of n bytes has at most n distinct
// trigrams, and one edit destroys at most three of them, so every token
// within distance d of it shares at least distinct-3d trigrams with it.
type vocabIndex struct {
	mu     sync.RWMutex
	ids    map[string]int32
	toks   []string
	grams  map[uint32][]int32 // by gramKey
	byLen  map[int][]int32    // for query tokens too short for the trigram bound
	counts []uint8            // scratch of fuzzy, guarded by mu (write lock)
}

func newVocabIndex() *vocabIndex {
	return &vocabIndex{ids: map[string]int32{}, grams: map[uint32][]int32{}, byLen: map[int][]int32{}}
}

// load adds every token of the Q index.
func (v *vocabIndex) load(bdb *badger.DB) {
	_ = bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindVocab}, PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v.add(string(it.Item().Key()[1:]))
		}
		return nil
	})
}

// trigrams calls fn with each distinct trigram of '$'+tok+'$'.
func trigrams(tok string, fn func(uint32)) {
	var seen [64]uint32
	n := 0
	at := func(i int) uint32 {
		if i < 0 || i >= len(tok) {
			return '$'
		}
		return uint32(tok[i])
	}
	for i := -1; i < len(tok)-1; i++ {
		g := at(i)<<16 | at(i+1)<<8 | at(i+2)
		dup := false
		for _, s := range seen[:min(n, len(seen))] {
			dup = dup || s == g
		}
		if dup {
			continue
		}
		if n < len(seen) {
			seen[n] = g
		}
		n++
		fn(g)
	}
}

// add indexes tok (a no-op when it is already indexed).
func (v *vocabIndex) add(tok string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.ids[tok]; ok {
		return
	}
	id := int32(len(v.toks))
	v.ids[tok] = id
	v.toks = append(v.toks, tok)
	v.byLen[len(tok)] = append(v.byLen[len(tok)], id)
	trigrams(tok, func(g uint32) { k := gramKey(g, len(tok)); v.grams[k] = append(v.grams[k], id) })
}

// gramKey is the posting-list key of trigram g (24 bits) in tokens of n
// bytes: fuzzy reads only the lists of the lengths within its distance.
func gramKey(g uint32, n int) uint32 { return g<<8 | uint32(min(n, 255)) }

// fuzzy calls fn with every indexed token other than qt within edit
// distance d of qt and, when d is 1, every token that is qt with two
// neighbouring characters swapped ("merkle" for "merkel"): the commonest
// slip of typing, which Levenshtein distance counts as two edits (from
// d = 2 it is within the distance anyway). stop is polled between posting
// lists; fuzzy returns its error.
func (v *vocabIndex) fuzzy(qt string, d int, stop func() error, fn func(tok string)) error {
	v.mu.Lock() // counts is shared scratch
	defer v.mu.Unlock()
	if d == 1 {
		swaps(qt, func(s []byte) {
			if id, ok := v.ids[string(s)]; ok {
				fn(v.toks[id])
			}
		})
	}
	var rows [2][]int
	var lev bitLev
	short := lev.init(qt)
	check := func(id int32) {
		t := v.toks[id]
		if t == qt {
			return
		}
		if short && lev.within(t, d) || !short && withinDistance(qt, []byte(t), d, &rows) {
			fn(t)
		}
	}
	distinct := 0
	trigrams(qt, func(uint32) { distinct++ })
	need := distinct - 3*d
	if need <= 0 || len(qt) > 60 {
		for l := len(qt) - d; l <= len(qt)+d; l++ {
			if err := stop(); err != nil {
				return err
			}
			for _, id := range v.byLen[l] {
				check(id)
			}
		}
		return nil
	}
	if cap(v.counts) < len(v.toks) {
		v.counts = make([]uint8, len(v.toks), len(v.toks)+len(v.toks)/4)
	}
	counts := v.counts[:len(v.toks)]
	var touched []int32
	var err error
	trigrams(qt, func(g uint32) {
		if err != nil {
			return
		}
		if err = stop(); err != nil {
			return
		}
		// Lengths from 255 share the list of 255 (gramKey): read it once.
		for l := max(len(qt)-d, 1); l <= min(len(qt)+d, 255); l++ {
			for _, id := range v.grams[gramKey(g, l)] {
				if counts[id] == 0 {
					touched = append(touched, id)
				}
				if counts[id] < 255 {
					counts[id]++
				}
			}
		}
	})
	for _, id := range touched {
		if err == nil && int(counts[id]) >= need {
			check(id)
		}
		counts[id] = 0
	}
	return err
}

// swaps calls fn with each spelling of tok with two neighbouring
// characters (runes) swapped, once each, in one buffer that fn must not
// keep; swapping equal characters gives tok itself and is skipped. None
// of them is within edit distance 1 of tok, so fuzzy reports none twice.
func swaps(tok string, fn func([]byte)) {
	buf := make([]byte, 0, 64)
	for i := 0; i < len(tok); {
		_, n1 := utf8.DecodeRuneInString(tok[i:])
		j := i + n1
		if j >= len(tok) {
			break
		}
		_, n2 := utf8.DecodeRuneInString(tok[j:])
		k := j + n2
		if tok[i:j] != tok[j:k] {
			buf = append(append(append(append(buf[:0], tok[:i]...), tok[j:k]...), tok[i:j]...), tok[k:]...)
			fn(buf)
		}
		i = j
	}
}

// bitLev decides whether a token is within a small Levenshtein distance
// of one query of at most 64 bytes with the bit-parallel algorithm of
// Myers (1999) in Hyyrö's formulation: a column of the distance matrix is
// two bit vectors of vertical +1 and -1 steps, and each byte of the token
// advances it with a few word operations, against a row of cells each for
// the plain dynamic programme (withinDistance, its reference in tests).
type bitLev struct {
	peq [256]uint64 // bit i of peq[c]: query byte i is c
	m   int         // query length
}

// init prepares for query q; it reports false when q is empty or longer
// than 64 bytes, which within cannot take.
func (b *bitLev) init(q string) bool {
	if len(q) == 0 || len(q) > 64 {
		return false
	}
	b.m = len(q)
	for i := 0; i < len(q); i++ {
		b.peq[q[i]] |= 1 << i
	}
	return true
}

// within reports whether the edit distance between the query and t is at
// most d, stopping once the columns left cannot bring it back to d.
func (b *bitLev) within(t string, d int) bool {
	if b.m-len(t) > d || len(t)-b.m > d {
		return false
	}
	pv, mv := ^uint64(0), uint64(0)
	high := uint64(1) << (b.m - 1)
	score := b.m
	for j := 0; j < len(t); j++ {
		eq := b.peq[t[j]]
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		switch {
		case ph&high != 0:
			score++
		case mh&high != 0:
			score--
		}
		if score-(len(t)-j-1) > d {
			return false
		}
		ph = ph<<1 | 1 // the first row counts one more per column
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
	}
	return score <= d
}
