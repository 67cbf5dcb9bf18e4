package ner

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes: every token is reduced once to a handful of
// "atoms" (hashes of its form, lower-cased form, shape, affixes, cluster
// path), and a feature is a template number mixed with one or more atoms.
// No strings are built per token.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix combines a with b into a well-spread 64-bit hash (splitmix64 finaliser).
func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// token flags
const (
	fInitCap = 1 << iota // first letter upper-case
	fAllCap              // has letters, all upper-case
	fHasLower
	fHasUpper
	fHasDigit
	fHasAlpha
)

// atoms is what the feature templates know about one token.
type atoms struct {
	w, l, shape, short uint64
	pre, suf           [4]uint64
	clus               [4]uint64 // 0 when the word has no cluster
	flags              uint16
	gaz                uint32 // bit 4*t+p: exact match, position p of type t; <<16: case-folded match
	key                int32  // index into scratch.keys for capitalised tokens, else -1
	wid                int32  // index into Model.wordList, else -1
}

// boundary atoms stand for the positions before and after a sentence.
var boundary = atoms{w: 0x1111, l: 0x2222, shape: 0x3333, short: 0x4444, key: -1, wid: -1}

// clusterPrefixes are the cluster path lengths used as features.
var clusterPrefixes = [4]int{4, 6, 10, 20}

// atomize fills a from the token text.
func (m *Model) atomize(tok string, a *atoms, sc *scratch) {
	if m.wordAtoms != nil {
		if id, ok := m.words[tok]; ok {
			*a = m.wordAtoms[id]
			return
		}
	}
	hw, hl := uint64(fnvOffset), uint64(fnvOffset)
	hs, hss := uint64(fnvOffset), uint64(fnvOffset)
	var flags uint16
	var last rune = -1
	run := 0
	runes := sc.runes[:0]
	nr := 0
	for _, r := range tok {
		lr := r
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				lr = r + 'a' - 'A'
			}
		} else {
			lr = unicode.ToLower(r)
		}
		hw = (hw ^ uint64(r)) * fnvPrime
		hl = (hl ^ uint64(lr)) * fnvPrime
		runes = append(runes, lr)
		if nr < 4 {
			a.pre[nr] = hl
		}
		nr++
		var c rune
		switch {
		case lr != r || unicode.IsUpper(r):
			c = 'X'
			flags |= fHasUpper | fHasAlpha
		case unicode.IsLetter(r):
			c = 'x'
			flags |= fHasLower | fHasAlpha
		case unicode.IsDigit(r):
			c = 'd'
			flags |= fHasDigit
		default:
			c = r
		}
		if nr == 1 && c == 'X' {
			flags |= fInitCap
		}
		if c == last {
			run++
		} else {
			run = 1
			hss = (hss ^ uint64(c)) * fnvPrime
		}
		if run <= 4 {
			hs = (hs ^ uint64(c)) * fnvPrime
		}
		last = c
	}
	for k := nr; k < 4; k++ {
		a.pre[k] = hl
	}
	if flags&fHasUpper != 0 && flags&fHasLower == 0 {
		flags |= fAllCap
	}
	for k := 0; k < 4; k++ {
		h := uint64(fnvOffset)
		from := len(runes) - k - 1
		if from < 0 {
			from = 0
		}
		for _, r := range runes[from:] {
			h = (h ^ uint64(r)) * fnvPrime
		}
		a.suf[k] = mix(h, uint64(k))
	}
	sc.runes = runes
	a.w, a.l, a.shape, a.short, a.flags = hw, hl, mix(hs, 7), mix(hss, 8), flags
	a.key = -1
	a.gaz = 0
	a.clus = [4]uint64{}
	a.wid = -1
	if len(m.words) == 0 {
		return
	}
	id, ok := m.words[tok]
	if ok {
		a.wid = id
	}
	if !ok && flags&fHasUpper != 0 {
		// Unknown capitalised or all-caps form: try Title case, then lower case.
		b := sc.buf[:0]
		for i, r := range runes {
			if i == 0 {
				r = unicode.ToUpper(r)
			}
			b = utf8.AppendRune(b, r)
		}
		id, ok = m.words[string(b)]
		if !ok {
			b = b[:0]
			for _, r := range runes {
				b = utf8.AppendRune(b, r)
			}
			id, ok = m.words[string(b)]
		}
		sc.buf = b
	}
	if !ok {
		return
	}
	p := m.wordClus[id]
	n := int(p >> 24)
	bits := p & 0xffffff
	for k, pl := range clusterPrefixes {
		if pl > n {
			pl = n
		}
		a.clus[k] = mix(uint64(pl)<<32|uint64(bits>>(n-pl)), uint64(k)+0x55)
	}
}

// sentence kinds
const (
	sNormal = iota
	sCaps   // all-caps headline or dateline
	sTitle  // every longer word capitalised: titles, bylines
)

func sentenceKind(a []atoms) uint64 {
	alpha, lower, allcap, lowerWords := 0, 0, 0, 0
	for i := range a {
		f := a[i].flags
		if f&fHasAlpha == 0 {
			continue
		}
		alpha++
		if f&fHasLower != 0 {
			lower++
		}
		if f&fAllCap != 0 {
			allcap++
		}
		if f&fInitCap == 0 {
			lowerWords++
		}
	}
	switch {
	case alpha > 0 && allcap > 0 && lower*5 <= alpha:
		return sCaps
	case alpha >= 2 && lowerWords == 0:
		return sTitle
	}
	return sNormal
}

// Feature templates. The numbers only need to be distinct, but they are part
// of the model format: append new ones, never renumber (retired ones stay as _).
const (
	tBias = iota + 1
	tW
	tL
	tShape
	tShort
	tPre
	_
	_
	_
	tSuf
	_
	_
	_
	tL1
	tLm1
	tL2
	tLm2
	tWm1
	tW1
	tSm1
	tS1
	tSm2
	tS2
	tLm1L
	tLL1
	tSm1S
	tSS1
	tSm1SS1
	tClus
	_
	_
	_
	tClusM1
	tClusP1
	tNoClus
	tKindS
	tKindL
	tFirstS
	tFirstL
	tY1
	tY2Y1
	tY1W
	tY1S
	tGaz
	_ // retired
	tAggPrev
	tAggNext
	tAggFlag
	tAggCount
	tHist
	tHistMaj
	tS1Self
	tS1Other
	tS1OtherMaj
	tKindSm1S
	tGazM1
	tGazP1
)

const maxAgg = 6

// keyInfo gathers, for one capitalised word form (lower-cased) in a
// document, what the document says about it elsewhere.
type keyInfo struct {
	prev, next [maxAgg]uint64
	np, nn     uint8
	flags      uint8 // kLowerMid, kCapMid
	count      uint16
	hist       [nTypes + 1]uint16 // earlier predictions in the document: O, then per type
	s1         [nTypes + 1]uint16 // first-stage predictions over the whole document
}

const (
	kLowerMid = 1 << iota // appears lower-case mid-sentence
	kCapMid               // appears capitalised mid-sentence in a normal sentence
)

// wordFeatures appends the features that the word a contributes when it
// stands at offset off (-2..2) from the token being labelled. They depend
// on the word alone, so the tagger can cache their weights per word.
func wordFeatures(a *atoms, off int, out []uint64) []uint64 {
	switch off {
	case 0:
		out = append(out,
			mix(tW, a.w), mix(tL, a.l), mix(tShape, a.shape), mix(tShort, a.short),
			mix(tPre, a.pre[0]), mix(tPre+1, a.pre[1]), mix(tPre+2, a.pre[2]), mix(tPre+3, a.pre[3]),
			mix(tSuf, a.suf[0]), mix(tSuf+1, a.suf[1]), mix(tSuf+2, a.suf[2]), mix(tSuf+3, a.suf[3]))
		if a.clus[0] != 0 {
			out = append(out, mix(tClus, a.clus[0]), mix(tClus+1, a.clus[1]), mix(tClus+2, a.clus[2]), mix(tClus+3, a.clus[3]))
		} else {
			out = append(out, mix(tNoClus, a.short))
		}
	case -1:
		out = append(out, mix(tLm1, a.l), mix(tWm1, a.w), mix(tSm1, a.short))
		if a.clus[0] != 0 {
			out = append(out, mix(tClusM1, a.clus[1]), mix(tClusM1, a.clus[2]))
		}
	case 1:
		out = append(out, mix(tL1, a.l), mix(tW1, a.w), mix(tS1, a.short))
		if a.clus[0] != 0 {
			out = append(out, mix(tClusP1, a.clus[1]), mix(tClusP1, a.clus[2]))
		}
	case -2:
		out = append(out, mix(tLm2, a.l), mix(tSm2, a.short))
	case 2:
		out = append(out, mix(tL2, a.l), mix(tS2, a.short))
	}
	return out
}

// window returns the atoms at offset off from token i of a sentence
// spanning [lo, hi).
func (sc *scratch) window(i, off, lo, hi int) *atoms {
	j := i + off
	if j < lo || j >= hi {
		return &boundary
	}
	return &sc.atoms[j]
}

// features appends all label-independent features of token i of the
// document (flattened index); its sentence spans [lo, hi).
func (sc *scratch) features(i, lo, hi int, kind uint64, stage2 bool, out []uint64) []uint64 {
	for off := -2; off <= 2; off++ {
		out = wordFeatures(sc.window(i, off, lo, hi), off, out)
	}
	return sc.contextFeatures(i, lo, hi, kind, stage2, out)
}

// contextFeatures appends the features of token i that depend on more than
// one word: combinations, sentence, gazetteer and document features.
func (sc *scratch) contextFeatures(i, lo, hi int, kind uint64, stage2 bool, out []uint64) []uint64 {
	a := &sc.atoms[i]
	m1, p1 := sc.window(i, -1, lo, hi), sc.window(i, 1, lo, hi)
	out = append(out,
		tBias,
		mix(mix(tLm1L, m1.l), a.l), mix(mix(tLL1, a.l), p1.l),
		mix(mix(tSm1S, m1.short), a.short), mix(mix(tSS1, a.short), p1.short),
		mix(mix(mix(tSm1SS1, m1.short), a.short), p1.short),
		mix(mix(tKindS, kind), a.short),
		mix(mix(tKindSm1S, kind), mix(m1.short, a.short)),
	)
	if kind != sNormal {
		out = append(out, mix(mix(tKindL, kind), a.l))
	}
	if i == lo {
		out = append(out, mix(tFirstS, a.short), mix(tFirstL, a.l))
	}
	for g := a.gaz; g != 0; g &= g - 1 {
		b := uint64(trailingZeros32(g))
		out = append(out, mix(tGaz, b))
	}
	if g := m1.gaz & 0xffff; g != 0 {
		out = append(out, mix(tGazM1, uint64(g)))
	}
	if g := p1.gaz & 0xffff; g != 0 {
		out = append(out, mix(tGazP1, uint64(g)))
	}
	if a.key >= 0 {
		k := &sc.keys[a.key]
		for j := 0; j < int(k.np); j++ {
			out = append(out, mix(tAggPrev, k.prev[j]))
		}
		for j := 0; j < int(k.nn); j++ {
			out = append(out, mix(tAggNext, k.next[j]))
		}
		out = append(out, mix(mix(tAggFlag, uint64(k.flags)), kind), mix(tAggCount, uint64(min(k.count, 4))))
		best, bestN := -1, uint16(0)
		for t, n := range k.hist {
			if n > 0 {
				out = append(out, mix(tHist, uint64(t)))
				if n > bestN {
					best, bestN = t, n
				}
			}
		}
		if best >= 0 {
			out = append(out, mix(mix(tHistMaj, uint64(best)), kind))
		}
		if stage2 {
			own := labelType(int(sc.stage1[i])) + 1
			out = append(out, mix(tS1Self, uint64(own)))
			best, bestN = -1, 0
			for t, n := range k.s1 {
				if t == own {
					n--
				}
				if n > 0 {
					out = append(out, mix(tS1Other, uint64(t)))
					if n > bestN {
						best, bestN = t, n
					}
				}
			}
			if best >= 0 {
				out = append(out, mix(mix(tS1OtherMaj, uint64(best)), uint64(own)))
			}
		}
	} else if stage2 {
		out = append(out, mix(tS1Self, uint64(labelType(int(sc.stage1[i]))+1)))
	}
	return out
}

// labelFeatures returns the features that pair the previous label yp with
// token a.
func labelFeatures(yp int, a *atoms, out *[nLabelFeats]uint64) {
	all := [3]uint64{mix(tY1, uint64(yp)), mix(mix(tY1S, uint64(yp)), a.short), mix(mix(tY1W, uint64(yp)), a.l)}
	copy(out[:], all[:])
}

const nLabelFeats = 2

func trailingZeros32(x uint32) int {
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}
