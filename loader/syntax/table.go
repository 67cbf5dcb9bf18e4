package syntax

import (
	"math"
	"slices"
)

// table maps feature keys to rows of nc integer weights, one per class.
//
// Rows of at most 3 classes (the parser's actions) sit in 8-byte slots
// found by open addressing from the key's low bits and checked by a
// fingerprint of its high bits, so scoring a feature touches one cache
// line. (A missing key whose fingerprint matches another key in its probe
// chain, about one lookup in 30,000, reads that key's weights; training
// measures the model through the same lookups.)
//
// Longer rows (tags, relations) are sparse: a row has about 3 non-zero
// classes of 17 or 51, so a row is a list of entries (class<<16 | weight).
// Slots of 16 bytes, four to a 64-byte bucket, hold a 32-bit fingerprint
// and up to three entries inline; a longer row's slot points into ext.
// A lookup reads one bucket, rarely the next. keys and the rows' entries
// in key order are kept for writing the model.
type table struct {
	nc    int
	mask  uint64
	small []slot3 // nc <= 3

	buckets []slotBucket // nc > 3
	nb      uint64       // len(buckets)
	ext     []uint32     // entries of rows longer than 3

	keys  []uint64
	ents  []uint32 // entries of every row, in key order
	start []uint32 // row i's entries are ents[start[i]:start[i+1]]
}

type slot3 struct {
	fp uint16 // high 16 bits of the key, 0 = empty
	w  [3]int16
}

// slotS is a sparse row: up to three entries inline (unused ones are 0,
// which adds 0 to class 0), or, when e[0] == extMark, e[1] entries at
// ext[e[2]:].
type slotS struct {
	fp uint32 // high 32 bits of the key, 0 = empty
	e  [3]uint32
}

type slotBucket [4]slotS

const extMark = 0xffffffff

func fp32(k uint64) uint32 { return uint32(k>>32) | 1 }
func fp16(k uint64) uint16 { return uint16(k>>48) | 1 }

// entry packs a class and its weight.
func entry(c int, w int16) uint32 { return uint32(c)<<16 | uint32(uint16(w)) }

// home is the first bucket of key k.
func (t *table) home(k uint64) uint64 { return (uint64(uint32(k>>1)) * t.nb) >> 32 }

// quantise scales float weights to int16 (the largest magnitude becomes
// 30000; decisions depend only on the ratios) and drops the rows whose
// weights all round below min.
func quantise(nc int, keys []uint64, w []float32, min int) ([]uint64, []int16) {
	var maxAbs float64
	for _, v := range w {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 30000 / maxAbs
	}
	var qk []uint64
	var qw []int16
	row := make([]int16, nc)
	for i, k := range keys {
		keep := false
		for c, v := range w[i*nc : (i+1)*nc] {
			q := int(math.Round(float64(v) * scale))
			row[c] = int16(q)
			if q != 0 && (q >= min || q <= -min) {
				keep = true
			}
		}
		if keep {
			qk = append(qk, k)
			qw = append(qw, row...)
		}
	}
	return qk, qw
}

// newTable builds a table from increasing non-zero keys and their rows
// (len(keys)*nc weights).
func newTable(nc int, keys []uint64, w []int16) *table {
	t := &table{nc: nc, keys: keys, start: make([]uint32, len(keys)+1)}
	for i := range keys {
		for c, v := range w[i*nc : (i+1)*nc] {
			if v != 0 {
				t.ents = append(t.ents, entry(c, v))
			}
		}
		t.start[i+1] = uint32(len(t.ents))
	}
	if nc <= 3 {
		// load factor at most 1/2
		size := 16
		for size < 2*len(keys) {
			size <<= 1
		}
		t.mask = uint64(size - 1)
		t.small = make([]slot3, size)
		for i, k := range keys {
			j := (k >> 1) & t.mask
			for t.small[j].fp != 0 {
				j = (j + 1) & t.mask
			}
			t.small[j].fp = fp16(k)
			copy(t.small[j].w[:], w[i*nc:(i+1)*nc])
		}
		return t
	}
	// about 2.4 rows per bucket of 4 slots
	t.nb = uint64(len(keys))*5/12 + 1
	t.buckets = make([]slotBucket, t.nb)
	for i, k := range keys {
		b := t.home(k)
		for {
			free := -1
			for j := range t.buckets[b] {
				if t.buckets[b][j].fp == 0 {
					free = j
					break
				}
			}
			if free >= 0 {
				s := &t.buckets[b][free]
				s.fp = fp32(k)
				row := t.ents[t.start[i]:t.start[i+1]]
				if len(row) <= 3 {
					copy(s.e[:], row)
				} else {
					s.e = [3]uint32{extMark, uint32(len(row)), uint32(len(t.ext))}
					t.ext = append(t.ext, row...)
				}
				break
			}
			if b++; b == t.nb {
				b = 0
			}
		}
	}
	return t
}

// rowOf returns the dense weights of row i (for writing the model).
func (t *table) rowOf(i int, row []int16) {
	clear(row)
	for _, e := range t.ents[t.start[i]:t.start[i+1]] {
		row[e>>16] = int16(uint16(e))
	}
}

// maxBatch is how many keys score resolves at a time.
const maxBatch = 128

// score sets scores[:nc] to the summed rows of keys. The keys' home slots
// are read first in a loop of independent loads, so that their cache
// misses overlap instead of following one another; the rows are summed
// in a second pass.
func (t *table) score(scores []int32, keys []uint64) {
	scores = scores[:t.nc]
	clear(scores)
	if t.small != nil {
		var a, b, c int32
		var home [maxBatch]slot3
		for len(keys) > 0 {
			n := min(len(keys), maxBatch)
			for i, k := range keys[:n] {
				home[i] = t.small[(k>>1)&t.mask]
			}
			for i, k := range keys[:n] {
				f := fp16(k)
				s := &home[i]
				if s.fp != f {
					if s.fp == 0 {
						continue
					}
					if s = t.probe3(k, f); s == nil {
						continue
					}
				}
				a += int32(s.w[0])
				b += int32(s.w[1])
				c += int32(s.w[2])
			}
			keys = keys[n:]
		}
		scores[0] = a
		if t.nc > 1 {
			scores[1] = b
		}
		if t.nc > 2 {
			scores[2] = c
		}
		return
	}
	var first [maxBatch]uint32
	for len(keys) > 0 {
		n := min(len(keys), maxBatch)
		for i, k := range keys[:n] {
			first[i] = t.buckets[t.home(k)][0].fp
		}
		for i, k := range keys[:n] {
			if first[i] == 0 {
				continue // the home bucket is empty
			}
			s := t.find(k)
			if s == nil {
				continue
			}
			if s.e[0] != extMark {
				for _, e := range s.e {
					scores[e>>16] += int32(int16(uint16(e)))
				}
				continue
			}
			for _, e := range t.ext[s.e[2] : s.e[2]+s.e[1]] {
				scores[e>>16] += int32(int16(uint16(e)))
			}
		}
		keys = keys[n:]
	}
}

// probe3 finds key k (fingerprint f) past its home slot.
func (t *table) probe3(k uint64, f uint16) *slot3 {
	j := (k>>1 + 1) & t.mask
	for {
		s := &t.small[j]
		if s.fp == f {
			return s
		}
		if s.fp == 0 {
			return nil
		}
		j = (j + 1) & t.mask
	}
}

// find returns the slot of key k in a sparse table, nil if unknown.
func (t *table) find(k uint64) *slotS {
	f := fp32(k)
	b := t.home(k)
	for {
		bk := &t.buckets[b]
		for j := range bk {
			if bk[j].fp == f {
				return &bk[j]
			}
			if bk[j].fp == 0 {
				return nil
			}
		}
		if b++; b == t.nb {
			b = 0
		}
	}
}

// size is the number of rows.
func (t *table) size() int { return len(t.keys) }

// trainTable is the averaged perceptron's table during training: integer
// weights and their running sums, so averaging is exact and the result
// does not depend on floating-point summation order.
type trainTable struct {
	nc  int
	idx map[uint64]int32 // key -> row, rows numbered in order of creation
	key []uint64
	w   []int32
	acc []int64 // sum over updates of (time of update) * delta
	t   int64   // instances seen
}

func newTrainTable(nc int) *trainTable {
	return &trainTable{nc: nc, idx: make(map[uint64]int32)}
}

func (t *trainTable) score(scores []int32, keys []uint64) {
	clear(scores[:t.nc])
	for _, k := range keys {
		r, ok := t.idx[k]
		if !ok {
			continue
		}
		row := t.w[int(r)*t.nc : int(r+1)*t.nc]
		for i, v := range row {
			scores[i] += v
		}
	}
}

// update adds delta to class c of every key's row.
func (t *trainTable) update(keys []uint64, c int, delta int32) {
	for _, k := range keys {
		r, ok := t.idx[k]
		if !ok {
			r = int32(len(t.key))
			t.idx[k] = r
			t.key = append(t.key, k)
			t.w = append(t.w, make([]int32, t.nc)...)
			t.acc = append(t.acc, make([]int64, t.nc)...)
		}
		i := int(r)*t.nc + c
		t.w[i] += delta
		t.acc[i] += t.t * int64(delta)
	}
}

// average returns the averaged weights as sorted keys and rows, leaving
// out rows whose averaged weights are all below min in magnitude.
func (t *trainTable) average(min float64) ([]uint64, []float32) {
	order := make([]int32, len(t.key))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		ka, kb := t.key[a], t.key[b]
		if ka < kb {
			return -1
		}
		if ka > kb {
			return 1
		}
		return 0
	})
	T := float64(t.t)
	if T == 0 {
		T = 1
	}
	var keys []uint64
	var w []float32
	row := make([]float32, t.nc)
	for _, r := range order {
		keep := false
		for c := range t.nc {
			i := int(r)*t.nc + c
			v := float64(t.w[i]) - float64(t.acc[i])/T
			row[c] = float32(v)
			if v >= min || v <= -min {
				keep = true
			}
		}
		if keep {
			keys = append(keys, t.key[r])
			w = append(w, row...)
		}
	}
	return keys, w
}

// pruned returns a copy of t without the rows whose weights are all
// below min in magnitude.
func (t *table) pruned(min int) *table {
	var qk []uint64
	var qw []int16
	row := make([]int16, t.nc)
	for i, k := range t.keys {
		t.rowOf(i, row)
		for _, v := range row {
			if int(v) >= min || int(v) <= -min {
				qk = append(qk, k)
				qw = append(qw, row...)
				break
			}
		}
	}
	return newTable(t.nc, qk, qw)
}
