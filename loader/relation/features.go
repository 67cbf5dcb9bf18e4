package relation

import (
	"strconv"
	"strings"
	"sync"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// Candidate is an ordered pair of mentions of one sentence that the
// scorer reads.
type Candidate struct {
	Head, Tail int // indices into Doc.Mentions
}

// MaxPairs bounds the candidate pairs of one sentence. A news sentence has
// a handful of names (the most crowded sentence of CoNLL04 gives 421 pairs
// of gold mentions, so training sees them all); a roster of thousands of
// names in one sentence would otherwise cost the square of its length in
// time and memory.
const MaxPairs = 1024

// Candidates lists the candidate pairs of a sentence: every ordered pair of
// its mentions (indices into d.Mentions, in token order) whose types the
// vocabulary allows some relation between, nationalities and other names
// (NORP, MISC) left out: CoNLL04 relates none of its Other names, and the
// news gold graphs hardly any. When there are more than
// MaxPairs pairs, the nearest ones in the sentence's order are kept, so
// the cost is linear in the number of mentions.
func Candidates(d *text.Doc, mentions []int, out []Candidate) []Candidate {
	start, n := len(out), len(mentions)
	for gap := 1; gap < n && len(out)-start < MaxPairs; gap++ {
		for a := 0; a+gap < n && len(out)-start < MaxPairs; a++ {
			i, j := mentions[a], mentions[a+gap]
			ti, tj := d.Mentions[i].Type, d.Mentions[j].Type
			if ti == graph.NORP || ti == graph.Misc || tj == graph.NORP || tj == graph.Misc {
				continue
			}
			if Allowed(ti, tj) > 1 {
				out = append(out, Candidate{i, j})
			}
			if Allowed(tj, ti) > 1 && len(out)-start < MaxPairs {
				out = append(out, Candidate{j, i})
			}
		}
	}
	return out
}

// cachedPlace is a gazetteer answer for one mention (Extract fills the
// cache from the patterns' look-ups before scoring).
type cachedPlace struct {
	p  gazetteer.Place
	ok bool
}

// featurizer hashes feature strings (FNV-1a); the model places each hash's
// weight per class. It reuses its buffers, so one featurizer serves one
// goroutine.
type featurizer struct {
	gaz    *gazetteer.Tables
	out    []uint64 // feature hashes
	lower  []string // lower-cased tokens of the current sentence
	cands  []Candidate
	ms     []int
	places map[int]cachedPlace // gazetteer answers by mention index, for one document
}

var featPool = sync.Pool{New: func() any { return new(featurizer) }}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// add appends the hash of feature prefix=parts, the parts written one
// after the other (the hash of prefix=ab, without building the string).
func (f *featurizer) add(prefix string, parts ...string) {
	h := featureStart(prefix)
	for _, s := range parts {
		h = hashString(h, s)
	}
	f.out = append(f.out, h)
}

// addSpan appends the hash of feature prefix=lead followed by the
// lower-cased tokens [a, b) joined by spaces.
func (f *featurizer) addSpan(prefix, lead string, a, b int) {
	h := hashString(featureStart(prefix), lead)
	for k := a; k < b; k++ {
		if k > a {
			h = (h ^ ' ') * fnvPrime
		}
		h = hashString(h, f.lower[k])
	}
	f.out = append(f.out, h)
}

// featureStart is the hash of "prefix=", which a feature's value continues.
func featureStart(prefix string) uint64 {
	return (hashString(fnvOffset, prefix) ^ '=') * fnvPrime
}

// hashString continues FNV-1a hash h over the bytes of s.
func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func lowerTokens(toks []text.Token, out []string) []string {
	out = out[:0]
	for _, t := range toks {
		out = append(out, strings.ToLower(t.Text))
	}
	return out
}

func bucket(n int) string {
	switch {
	case n <= 3:
		return strconv.Itoa(n)
	case n <= 5:
		return "4-5"
	case n <= 9:
		return "6-9"
	case n <= 15:
		return "10-15"
	}
	return "16+"
}

// stem is a crude, cheap normaliser for trigger words between the mentions:
// the first five letters catch killed/killing/killer and
// assassinated/assassination alike.
func stem(w string) string {
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

// features fills f.out with the hashed features of candidate c; sent holds
// the indices of the named mentions of c's sentence in token order and
// f.lower the sentence's lower-cased tokens. Features follow Zhou et al.
// (2005): the mentions' words and heads, their types, the words between
// them (first, last, bag), the words around them, distance, the mentions in
// between, and a few surface patterns.
func (f *featurizer) features(d *text.Doc, c Candidate, sent []int) {
	f.out = f.out[:0]
	h, t := d.Mentions[c.Head], d.Mentions[c.Tail]
	toks := f.lower
	n := len(toks)
	m1, m2 := h, t
	ord := "HT"
	if t.Start < h.Start {
		m1, m2 = t, h
		ord = "TH"
	}
	f.add("bias", "")
	f.add("ord", ord)
	f.add("ty", string(h.Type), ">", string(t.Type))
	if h.Nominal || t.Nominal {
		f.add("nom", ord, strconv.FormatBool(h.Nominal), strconv.FormatBool(t.Nominal))
	}

	// The mentions themselves.
	f.add("hw", toks[h.End-1])
	f.add("tw", toks[t.End-1])
	f.addSpan("hs", "", h.Start, h.End)
	f.addSpan("ts", "", t.Start, t.End)
	for k := h.Start; k < h.End; k++ {
		f.add("hwi", toks[k])
	}
	for k := t.Start; k < t.End; k++ {
		f.add("twi", toks[k])
	}
	// What the place gazetteer knows: kinds, and whether the head lies
	// in the tail.
	if h.Type == graph.Location || t.Type == graph.Location {
		ch, ct := f.places[c.Head], f.places[c.Tail]
		ph, okh, pt, okt := ch.p, ch.ok, ct.p, ct.ok
		if okh {
			f.add("hk", ph.Kind)
		}
		if okt {
			f.add("tk", pt.Kind)
		}
		if okh && okt {
			f.add("hktk", ph.Kind, "/", pt.Kind)
			if ph.Country != "" && ph.Country == pt.Name && ph.Name != pt.Name {
				f.add("gz", "in")
			}
		}
	}

	// Words between.
	a, b := m1.End, m2.Start
	if b < a { // overlapping mentions: nothing between
		b = a
	}
	nb := b - a
	switch nb {
	case 0:
		f.add("bn", ord)
	case 1:
		f.add("b1", toks[a])
		f.add("b1o", ord, toks[a])
	default:
		f.add("bf", toks[a])
		f.add("bl", toks[b-1])
		f.add("bfo", ord, toks[a])
		f.add("blo", ord, toks[b-1])
		for k := a; k < b; k++ {
			f.add("bb", toks[k])
			f.add("bb5", stem(toks[k]))
			if isLowerWord(toks[k]) && f.gaz.PersonNoun(toks[k]) {
				f.add("btitle", ord)
			}
		}
		for k := a; k+1 < b; k++ {
			f.add("bg", toks[k], " ", toks[k+1])
		}
	}
	if nb <= 4 {
		f.addSpan("bs", ord, a, b)
	}
	f.add("dist", ord, bucket(nb))

	// Words around.
	if k := m1.Start - 1; k >= 0 {
		f.add("b1f", toks[k])
		if k--; k >= 0 {
			f.add("b1l", toks[k])
		}
	} else {
		f.add("b1f", "<s>")
	}
	if k := m2.End; k < n {
		f.add("a2f", toks[k])
		if k++; k < n {
			f.add("a2l", toks[k])
		}
	} else {
		f.add("a2f", "</s>")
	}
	// The word before the tail, whatever the order ("in Y", "of Y").
	if k := t.Start - 1; k >= 0 {
		f.add("tp", toks[k])
		if k >= 1 {
			f.add("tp2", toks[k-1], " ", toks[k])
		}
	}
	if k := h.Start - 1; k >= 0 {
		f.add("hp", toks[k])
		if f.gaz.PersonNoun(toks[k]) {
			f.add("hptitle", "")
		}
	}
	if k := t.End; k < n && (toks[k] == "," || toks[k] == ")") {
		f.add("ta", toks[k])
	}

	// Mentions in between.
	between := 0
	for _, j := range sent {
		m := d.Mentions[j]
		if m.Start >= a && m.End <= b {
			between++
			f.add("mb", string(m.Type))
		}
	}
	f.add("nmb", ord, bucket(between))

	// Surface patterns.
	if nb >= 1 && toks[a] == "," {
		f.add("pat", ord, "comma-first")
		if nb >= 2 && (toks[a+1] == "a" || toks[a+1] == "the" || toks[a+1] == "an") {
			f.add("pat", ord, "appos-det")
		}
		if b < n && b >= 1 && toks[b-1] == "of" {
			f.add("pat", ord, "appos-of")
		}
	}
	if nb == 1 && genitive(toks[a]) {
		f.add("pat", ord, "poss")
	}
	if nb >= 2 && toks[b-2] == "based" && toks[b-1] == "in" {
		f.add("pat", ord, "based-in")
	}
	if b-1 >= a && (toks[b-1] == "in" || toks[b-1] == "of" || toks[b-1] == "at" || toks[b-1] == "from") {
		f.add("pat", ord, "prep-", toks[b-1])
	}
}
