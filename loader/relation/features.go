package relation

import (
	"sort"
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// Classifier argument classes: the CoNLL04 entity kinds a relation argument
// can have. Anything else (dates, NORP, events, initiatives, misc) takes no
// part in the classifier.
const (
	argNone byte = iota
	argPer
	argOrg
	argLoc
)

func argClass(t graph.EntityType) byte {
	switch t {
	case graph.Person:
		return argPer
	case graph.Organization:
		return argOrg
	case graph.Location:
		return argLoc
	}
	return argNone
}

// classRelation is the one relation the classifier may predict for an
// ordered pair of argument classes (CoNLL04's relations have fixed
// argument types), or "" when the pair takes no part.
func classRelation(h, t byte) graph.RelationType {
	switch {
	case h == argPer && t == argOrg:
		return graph.WorksFor
	case h == argPer && t == argPer:
		return graph.Killed
	case h == argOrg && t == argLoc:
		return graph.BasedIn
	case h == argPer && t == argLoc:
		return graph.LivesIn
	case h == argLoc && t == argLoc:
		return graph.LocatedIn
	}
	return ""
}

// Candidate is an ordered pair of named mentions in one sentence that the
// classifier scores for Rel (the only relation their types allow).
type Candidate struct {
	Head, Tail int // indices into Doc.Mentions
	Rel        graph.RelationType
}

// MaxPairs bounds the classifier's candidate pairs in one sentence. A news
// sentence has a handful of names (the most crowded sentence of CoNLL04
// gives 421 pairs of gold mentions, so training sees them all); a roster of
// thousands of names in one sentence would otherwise cost the square of
// its length in time and memory.
const MaxPairs = 1024

// Candidates lists the classifier's candidate pairs of sentence s: every
// ordered pair of named (non-nominal) mentions whose types allow a CoNLL04
// relation, in head order. mentions holds the indices of the sentence's
// named mentions in token order. When there are more than MaxPairs pairs,
// the MaxPairs nearest ones are kept (fewest tokens between the two
// mentions): the cost is linear in the number of mentions.
func Candidates(d *text.Doc, mentions []int, out []Candidate) []Candidate {
	if pairsAtMost(d, mentions, MaxPairs) {
		return allCandidates(d, mentions, out)
	}
	return nearestCandidates(d, mentions, out)
}

// pairsAtMost reports whether mentions make at most max ordered pairs of
// arguments, counting without listing them.
func pairsAtMost(d *text.Doc, mentions []int, max int) bool {
	var n [argLoc + 1]int
	for _, i := range mentions {
		n[argClass(d.Mentions[i].Type)]++
	}
	total := 0
	for a := argPer; a <= argLoc; a++ {
		for b := argPer; b <= argLoc; b++ {
			if n[a] > 0 && n[b] > 0 && classRelation(a, b) != "" {
				k := n[a] * n[b]
				if a == b {
					k -= n[a]
				}
				if total += k; total > max {
					return false
				}
			}
		}
	}
	return true
}

func allCandidates(d *text.Doc, mentions []int, out []Candidate) []Candidate {
	for _, i := range mentions {
		ci := argClass(d.Mentions[i].Type)
		if ci == argNone {
			continue
		}
		for _, j := range mentions {
			if i == j {
				continue
			}
			if rel := classRelation(ci, argClass(d.Mentions[j].Type)); rel != "" {
				out = append(out, Candidate{Head: i, Tail: j, Rel: rel})
			}
		}
	}
	return out
}

// nearestCandidates keeps the MaxPairs pairs of least distance: it pairs
// each mention with the mentions at rank distance 1, 2, … in the
// sentence's token order until MaxPairs pairs are found, then lists them
// in head order like allCandidates. Work is O(MaxPairs + len(mentions)) per
// rank distance tried, and at most MaxPairs rank distances yield pairs.
func nearestCandidates(d *text.Doc, mentions []int, out []Candidate) []Candidate {
	start := len(out)
	n := len(mentions)
	for gap := 1; gap < n && len(out)-start < MaxPairs; gap++ {
		for a := 0; a+gap < n && len(out)-start < MaxPairs; a++ {
			i, j := mentions[a], mentions[a+gap]
			ci, cj := argClass(d.Mentions[i].Type), argClass(d.Mentions[j].Type)
			if ci == argNone || cj == argNone {
				continue
			}
			if rel := classRelation(ci, cj); rel != "" {
				out = append(out, Candidate{Head: i, Tail: j, Rel: rel})
			}
			if rel := classRelation(cj, ci); rel != "" && len(out)-start < MaxPairs {
				out = append(out, Candidate{Head: j, Tail: i, Rel: rel})
			}
		}
	}
	pos := make(map[int]int, n)
	for k, i := range mentions {
		pos[i] = k
	}
	kept := out[start:]
	sort.SliceStable(kept, func(a, b int) bool {
		if pos[kept[a].Head] != pos[kept[b].Head] {
			return pos[kept[a].Head] < pos[kept[b].Head]
		}
		return pos[kept[a].Tail] < pos[kept[b].Tail]
	})
	return out
}

// cachedPlace is a gazetteer answer for one mention.
type cachedPlace struct {
	p  gazetteer.Place
	ok bool
}

// placeOf looks location mention i up in the place gazetteer, once per
// document (reset clears the cache).
func (f *featurizer) placeOf(d *text.Doc, i int) (gazetteer.Place, bool) {
	m := d.Mentions[i]
	if m.Type != graph.Location {
		return gazetteer.Place{}, false
	}
	if c, ok := f.places[i]; ok {
		return c.p, c.ok
	}
	p, ok := f.gaz.FindPlace(d.MentionText(m))
	if f.places == nil {
		f.places = map[int]cachedPlace{}
	}
	f.places[i] = cachedPlace{p, ok}
	return p, ok
}

// reset forgets the per-document cache.
func (f *featurizer) reset() { clear(f.places) }

// featurizer hashes feature strings, conjoined with the relation they are
// scored for, into indices of the weight table. It reuses its buffers, so
// one featurizer serves one goroutine.
type featurizer struct {
	gaz    *gazetteer.Tables
	mask   uint32
	rel    string
	buf    []byte
	out    []uint32
	lower  []string // lower-cased tokens of the current sentence
	cands  []Candidate
	places map[int]cachedPlace // gazetteer answers by mention index, for one document
	parsed bool                // the model reads dependency-path features
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func (f *featurizer) add(prefix, s string) {
	h := uint64(fnvOffset)
	for i := 0; i < len(f.rel); i++ {
		h = (h ^ uint64(f.rel[i])) * fnvPrime
	}
	h = (h ^ '|') * fnvPrime
	for i := 0; i < len(prefix); i++ {
		h = (h ^ uint64(prefix[i])) * fnvPrime
	}
	h = (h ^ '=') * fnvPrime
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	f.out = append(f.out, uint32(h^(h>>32))&f.mask)
}

// join returns the lower-cased tokens [a, b) joined by spaces, using the
// featurizer's scratch buffer (the result is only valid until the next call).
func (f *featurizer) join(a, b int) string {
	f.buf = f.buf[:0]
	for k := a; k < b; k++ {
		if k > a {
			f.buf = append(f.buf, ' ')
		}
		f.buf = append(f.buf, f.lower[k]...)
	}
	return string(f.buf)
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
	f.rel = string(c.Rel)
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

	// The mentions themselves.
	f.add("hw", toks[h.End-1])
	f.add("tw", toks[t.End-1])
	f.add("hs", f.join(h.Start, h.End))
	f.add("ts", f.join(t.Start, t.End))
	for k := h.Start; k < h.End; k++ {
		f.add("hwi", toks[k])
	}
	for k := t.Start; k < t.End; k++ {
		f.add("twi", toks[k])
	}
	// What the place gazetteer knows: kinds, and whether the head lies
	// in the tail.
	if h.Type == graph.Location || t.Type == graph.Location {
		ph, okh := f.placeOf(d, c.Head)
		pt, okt := f.placeOf(d, c.Tail)
		if okh {
			f.add("hk", ph.Kind)
		}
		if okt {
			f.add("tk", pt.Kind)
		}
		if okh && okt {
			f.add("hktk", ph.Kind+"/"+pt.Kind)
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
		f.add("b1o", ord+toks[a])
	default:
		f.add("bf", toks[a])
		f.add("bl", toks[b-1])
		f.add("bfo", ord+toks[a])
		f.add("blo", ord+toks[b-1])
		for k := a; k < b; k++ {
			f.add("bb", toks[k])
			f.add("bb5", stem(toks[k]))
			if isLowerWord(toks[k]) && f.gaz.PersonNoun(toks[k]) {
				f.add("btitle", ord)
			}
		}
		for k := a; k+1 < b; k++ {
			f.add("bg", toks[k]+" "+toks[k+1])
		}
	}
	if nb <= 4 {
		f.add("bs", ord+f.join(a, b))
	}
	f.add("dist", ord+bucket(nb))

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
			f.add("tp2", toks[k-1]+" "+toks[k])
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
	f.add("nmb", ord+bucket(between))

	// Surface patterns.
	if nb >= 1 && toks[a] == "," {
		f.add("pat", ord+"comma-first")
		if nb >= 2 && (toks[a+1] == "a" || toks[a+1] == "the" || toks[a+1] == "an") {
			f.add("pat", ord+"appos-det")
		}
		if b < n && b >= 1 && toks[b-1] == "of" {
			f.add("pat", ord+"appos-of")
		}
	}
	if nb == 1 && (toks[a] == "'s" || toks[a] == "'") {
		f.add("pat", ord+"poss")
	}
	if nb >= 2 && toks[b-2] == "based" && toks[b-1] == "in" {
		f.add("pat", ord+"based-in")
	}
	if b-1 >= a && (toks[b-1] == "in" || toks[b-1] == "of" || toks[b-1] == "at" || toks[b-1] == "from") {
		f.add("pat", ord+"prep-"+toks[b-1])
	}
	if f.parsed && h.Sent == t.Sent && h.Sent >= 0 && h.Sent < len(d.Sentences) {
		f.pathFeatures(d.Sentences[h.Sent].Syntax, h, t, n)
	}
}

// spanHead returns the token of m whose head lies outside it (the last
// such token: "Bank" of "World Bank"), the root of the span in the parse.
func spanHead(sx *text.Syntax, m text.Mention) int {
	h := m.End - 1
	for k := m.End - 1; k >= m.Start; k-- {
		if p := sx.Head[k] - 1; p < m.Start || p >= m.End {
			return k
		}
	}
	return h
}

// maxPath bounds the dependency paths the features describe; longer
// paths say little and cost more.
const maxPath = 8

// pathFeatures adds the features of the dependency path between the two
// mentions' head words when the sentence has a parse (the evaluation
// contract parses every sentence): the path's relations with their
// directions (unlexicalised), the same with the lemmas of the words on
// it (lexicalised), its length, each lemma on it, the lowest common
// ancestor's lemma and each mention's own relation to its head.
func (f *featurizer) pathFeatures(sx *text.Syntax, h, t text.Mention, n int) {
	if sx == nil || len(sx.Head) != n || len(sx.Deprel) != n || len(sx.Lemma) != n {
		return
	}
	a, b := spanHead(sx, h), spanHead(sx, t)
	f.add("hdep", sx.Deprel[a])
	f.add("tdep", sx.Deprel[b])
	// Ancestors of a, with their depth.
	var up [maxPath + 1]int
	na := 0
	for k := a; k >= 0 && na <= maxPath; k = sx.Head[k] - 1 {
		up[na] = k
		na++
		if sx.Head[k] == 0 {
			break
		}
	}
	var down [maxPath + 1]int
	nb, lca := 0, -1
	for k := b; k >= 0 && nb <= maxPath; k = sx.Head[k] - 1 {
		for i := 0; i < na; i++ {
			if up[i] == k {
				lca = i
				break
			}
		}
		if lca >= 0 {
			break
		}
		down[nb] = k
		nb++
		if sx.Head[k] == 0 {
			break
		}
	}
	if lca < 0 {
		f.add("dpath", "far")
		return
	}
	f.add("dlen", bucket(lca+nb))
	top := up[lca]
	f.add("dlca", sx.Lemma[top])
	var plain, lex []byte
	for i := 0; i < lca; i++ {
		k := up[i]
		plain = append(append(plain, '<'), sx.Deprel[k]...)
		if i > 0 {
			lex = append(append(lex, ' '), sx.Lemma[k]...)
			f.add("dw", sx.Lemma[k])
		}
		lex = append(append(lex, '<'), sx.Deprel[k]...)
	}
	lex = append(append(lex, ' '), sx.Lemma[top]...)
	for i := nb - 1; i >= 0; i-- {
		k := down[i]
		plain = append(append(plain, '>'), sx.Deprel[k]...)
		if i < nb-1 {
			lex = append(append(lex, ' '), sx.Lemma[down[i+1]]...)
			f.add("dw", sx.Lemma[down[i+1]])
		}
		lex = append(append(lex, '>'), sx.Deprel[k]...)
	}
	if top != a && top != b {
		f.add("dw", sx.Lemma[top])
	}
	f.add("dpath", string(plain))
	f.add("dpathl", string(lex))
	// Words hanging off the path's top: "case" and "mark" words name the
	// link ("of", "in"), a copula or apposition the shape.
	for k := range n {
		if sx.Head[k]-1 == b && (sx.Deprel[k] == "case" || sx.Deprel[k] == "cop") {
			f.add("tcase", f.lower[k])
		}
		if sx.Head[k]-1 == a && sx.Deprel[k] == "case" {
			f.add("hcase", f.lower[k])
		}
	}
}
