package syntax

import (
	"math"
	"slices"
)

// table maps feature keys to rows of nc integer weights, one per class.
// The lookup structure holds 8-byte slots found by open addressing from
// the key's low bits and checked by a fingerprint of its high bits: for
// rows of at most 3 classes (the parser's actions) the weights sit in the
// slot itself, so scoring a feature touches one cache line; longer rows
// are contiguous in w. (A missing key whose fingerprint matches another
// key in its probe chain, about one lookup in 30,000, reads that key's
// weights; training measures the model through the same lookups.)
// keys and w, sorted by key, are kept for writing the model.
type table struct {
	nc    int
	mask  uint64
	small []slot3 // nc <= 3
	slots []slot  // nc > 3
	keys  []uint64
	w     []int16
}

type slot struct {
	fp  uint32 // high 32 bits of the key, 0 = empty
	off uint32 // offset of the row in w
}

type slot3 struct {
	fp uint16 // high 16 bits of the key, 0 = empty
	w  [3]int16
}

func fp32(k uint64) uint32 { return uint32(k>>32) | 1 }
func fp16(k uint64) uint16 { return uint16(k>>48) | 1 }

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
// (len(keys)*nc weights), load factor at most 1/2.
func newTable(nc int, keys []uint64, w []int16) *table {
	size := 16
	for size < 2*len(keys) {
		size <<= 1
	}
	t := &table{nc: nc, mask: uint64(size - 1), keys: keys, w: w}
	if nc <= 3 {
		t.small = make([]slot3, size)
	} else {
		t.slots = make([]slot, size)
	}
	for i, k := range keys {
		j := (k >> 1) & t.mask
		if nc <= 3 {
			for t.small[j].fp != 0 {
				j = (j + 1) & t.mask
			}
			t.small[j].fp = fp16(k)
			copy(t.small[j].w[:], w[i*nc:(i+1)*nc])
			continue
		}
		for t.slots[j].fp != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = slot{fp32(k), uint32(i * nc)}
	}
	return t
}

// row returns the weights of key, nil if the key is unknown.
func (t *table) row(k uint64) []int16 {
	j := (k >> 1) & t.mask
	if t.small != nil {
		f := fp16(k)
		for {
			s := &t.small[j]
			if s.fp == f {
				return s.w[:t.nc]
			}
			if s.fp == 0 {
				return nil
			}
			j = (j + 1) & t.mask
		}
	}
	f := fp32(k)
	for {
		s := &t.slots[j]
		if s.fp == f {
			return t.w[s.off : int(s.off)+t.nc]
		}
		if s.fp == 0 {
			return nil
		}
		j = (j + 1) & t.mask
	}
}

// score sets scores[:nc] to the summed rows of keys.
func (t *table) score(scores []int32, keys []uint64) {
	scores = scores[:t.nc]
	clear(scores)
	if t.small != nil && t.nc == 3 {
		var a, b, c int32
		for _, k := range keys {
			j := (k >> 1) & t.mask
			f := fp16(k)
			for {
				s := &t.small[j]
				if s.fp == f {
					a += int32(s.w[0])
					b += int32(s.w[1])
					c += int32(s.w[2])
					break
				}
				if s.fp == 0 {
					break
				}
				j = (j + 1) & t.mask
			}
		}
		scores[0], scores[1], scores[2] = a, b, c
		return
	}
	for _, k := range keys {
		r := t.row(k)
		if r == nil {
			continue
		}
		r = r[:len(scores)]
		for i, v := range r {
			scores[i] += int32(v)
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
	for i, k := range t.keys {
		row := t.w[i*t.nc : (i+1)*t.nc]
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
