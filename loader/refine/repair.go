package refine

import (
	"github.com/kgraph/kgraph/loader/text"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
)

// recall adds candidates for names NER missed: well-known organisations
// ("UN-Women") and capitalised phrases that end in an event or initiative
// keyword ("Regional Water Summit").
func (lx *Stage) recall(cs []cand, words []string) []cand {
	if mostlyCaps(words) {
		return cs
	}
	used := make([]bool, len(words))
	for _, c := range cs {
		markUsed(used, c.start, c.end)
	}
	n := len(cs)
	for i := 0; i < len(words); i++ {
		if used[i] || !text.Capitalised(words[i]) {
			continue
		}
		// A known organisation, longest first, when it is a whole
		// capitalised run: "UN" of "the UN Agency" is a modifier; a name
		// found next to it ends the run ("told the Sunday Times Mr X"). A
		// capitalised "The" opening the run is left out ("The Sunday
		// Telegraph reported").
		at := i
		if strings.EqualFold(words[i], "the") && i+1 < len(words) && !used[i+1] {
			at = i + 1
		}
		// The run at at opens no longer capitalised name.
		opens := at == 0 || !text.Capitalised(words[at-1]) || used[at-1] || determiner(words[at-1])
		// A party's name or a well-known company's (one that is not
		// also a person's name, a place or a common word) written as a
		// whole capitalised run, which NER took for a common word:
		// "the Conservatives", "Conservative leader X", "GM said".
		if j := capitalRun(words, used, at); j > at && j-at <= 4 && opens {
			name := gazetteer.JoinWords(words[at:j])
			_, party := lx.partyNames[strings.ToLower(name)]
			_, ambiguous, company := lx.gaz.FindCompany(name)
			if party || company && !ambiguous {
				cs = append(cs, cand{start: at, end: j, label: "ORG"})
				markUsed(used, at, j)
				i = j - 1
				continue
			}
		}
		if n, _ := lx.gaz.OrgAt(words, at); n > 0 && !anyUsed(used, at, at+n) &&
			(at+n == len(words) || !text.Capitalised(words[at+n]) || used[at+n]) && opens {
			cs = append(cs, cand{start: at, end: at + n, label: "ORG"})
			markUsed(used, at, at+n)
			i = at + n - 1
			continue
		}
		// A known place's adjective, "Dallas-based", which NER leaves out
		// at a sentence's start; coreference makes it a mention of the
		// place.
		if base, ok := strings.CutSuffix(words[i], "-based"); ok && base != "" {
			if _, ok := lx.gaz.FindPlace(base); ok {
				cs = append(cs, cand{start: i, end: i + 1, label: "MISC"})
				markUsed(used, i, i+1)
				continue
			}
		}
		// A capitalised phrase ending in an event or initiative keyword
		// (not counting a sentence's first word, capitalised anyway).
		j := capitalRun(words, used, i)
		start := i
		if start == 0 || strings.EqualFold(words[start], "the") {
			start++
		}
		if j-start >= 2 && (start == 0 || !used[start-1]) && (j == len(words) || !used[j]) {
			if t, _, ok := lx.keywordType("MISC", words[start:j]); ok && (t == graph.Event || t == graph.Initiative) {
				cs = append(cs, cand{start: start, end: j, label: "MISC"})
				markUsed(used, start, j)
			}
		}
		i = max(i, j-1)
	}
	if len(cs) > n {
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].start < cs[b].start })
	}
	return cs
}

// capitalRun returns the end of the run of unused capitalised words that
// starts at i.
func capitalRun(words []string, used []bool, i int) int {
	j := i
	for j < len(words) && !used[j] && text.Capitalised(words[j]) && isWordStart(words[j]) {
		j++
	}
	return j
}

// extendOf extends an organisation's or other name over "of" or "for" and
// the capitalised words after it that NER left out ("International
// Agency" + "for Nuclear Safety").
func (lx *Stage) extendOf(cs []cand, words []string) {
	if mostlyCaps(words) {
		return
	}
	used := make([]bool, len(words))
	for _, c := range cs {
		markUsed(used, c.start, c.end)
	}
	for i := range cs {
		c := &cs[i]
		if c.end+1 >= len(words) {
			continue
		}
		if c.label == "PER" || c.label == "LOC" {
			continue // "Anna Berg of Tashkent": a person or place is not extended
		}
		t, _, keyword := lx.keywordType(c.label, words[c.start:c.end])
		switch strings.ToLower(words[c.end]) {
		case "of", "for":
		case "on": // "Coordinating Group on Vaccine Supply", not "the Fund on Monday"
			if !lx.orgHead(words[c.start:c.end]) {
				continue
			}
		default:
			continue
		}
		j := c.end + 1 // "of the Left" is as often a description as part of the name: not extended
		k := capitalRun(words, used, j)
		if k == j || (k < len(words) && used[k]) {
			continue
		}
		if _, ok := lx.gaz.FindPlace(strings.Join(words[j:k], " ")); ok {
			continue // "Government of Latvia" is two names
		}
		if text.LowerGet(calendar, words[j]) {
			continue // "Ides" of March
		}
		markUsed(used, c.end, k)
		c.end = k
		if keyword {
			c.hint = t // the type the name's head gave it: "Summit" of the Americas
		}
	}
}

// orgHead reports whether a name ends in a word that heads an
// organisation's name ("… Group", "… Committee", "… Council").
func (lx *Stage) orgHead(w []string) bool {
	t, _, ok := lx.keywordTypeLast("PER", w)
	return ok && t == graph.Organization
}

// dateline marks the news agency of a dateline — "TASHKENT. UZA - …",
// "LONDON, (Reuters) - …" — as an organisation: after a place in capitals
// at the start of a sentence, its punctuation and an agency name in
// capitals or in brackets, before a dash.
func (lx *Stage) dateline(cs []cand, words []string) []cand {
	if len(words) < 4 || !allCaps(words[:1]) || !isWordStart(words[0]) {
		return cs
	}
	p := 1
	for p < len(words) && p < 4 && allCaps(words[p:p+1]) && isWordStart(words[p]) {
		p++
	}
	if _, ok := lx.gaz.FindPlace(strings.Join(words[:p], " ")); !ok || p >= len(words) || !datelineMark[words[p]] {
		return cs
	}
	a := p + 1
	if a < len(words) && words[a] == "(" {
		a++
	}
	b := a
	for b < len(words) && b < a+3 && isWordStart(words[b]) && (allCaps(words[b:b+1]) || words[a-1] == "(") {
		b++
	}
	e := b
	if e < len(words) && words[e] == ")" {
		e++
	}
	if b == a || e >= len(words) || !dash[words[e]] {
		return cs
	}
	out := cs[:0:0]
	for _, c := range cs {
		if c.end <= a || c.start >= b {
			out = append(out, c)
		}
	}
	out = append(out, cand{start: a, end: b, label: "ORG", attrs: map[string]string{"role": "news agency"}})
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// possessiveHeads are the nouns of places and institutions named after
// their founder or saint with a possessive: "St Anne's Chapel", "Guy's
// Hospital", "Fisher's Creek".
var possessiveHeads = map[string]bool{
	"chapel": true, "cathedral": true, "church": true, "abbey": true, "college": true, "hospital": true,
	"school": true, "creek": true, "park": true, "square": true, "hall": true, "inn": true, "wood": true,
	"island": true, "bay": true, "gate": true, "cross": true, "well": true, "court": true, "lodge": true,
}

// joinPossessive joins a name, its possessive and a single capitalised
// place noun that NER tagged as two names ("[St Anne] 's [Chapel]") into
// the one name of a place; neither part names it alone. A country's
// possessive is the country's ("Britain's Cross" is no place).
func (lx *Stage) joinPossessive(cs []cand, words []string) {
	for i := 0; i+1 < len(cs); i++ {
		a, b := &cs[i], &cs[i+1]
		if a.drop || b.drop || b.start != a.end+1 || b.end != b.start+1 || !possessive(words[a.end]) ||
			!text.LowerGet(possessiveHeads, words[b.start]) || !text.Capitalised(words[b.start]) {
			continue
		}
		if p, ok := lx.gaz.FindPlace(strings.Join(words[a.start:a.end], " ")); ok && p.Kind == "country" {
			continue
		}
		a.end, a.label, a.hs, a.ts = b.end, "LOC", 0, 0
		b.drop = true
	}
}

// calendar words are capitalised without being names.
var calendar = text.Set(text.Months, text.Weekdays)

var dash = map[string]bool{"-": true, "--": true, "–": true, "—": true}

// brackets pairs each opening bracket with its closing one.
var brackets = map[string]string{"(": ")", "[": "]", "{": "}"}

// closers are the closing brackets of brackets.
var closers = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range brackets {
		m[c] = true
	}
	return m
}()

// splitAtBrackets cuts a span at the brackets it does not close: a name
// holds no half of a bracket pair, so NER ran over two names or past the
// name's end ("Sberbank (Savings Bank)", "there was me and Ato (Boldon)",
// "[actor Ryan Philippe]", a line-up's "Arbuckle (Gilhaney 75)"). The
// pieces keep the span's label; a bracket pair inside a span stays
// ("Deutsche Bank (Asia) AG"), a span that ends one token into a short
// bracketed qualifier takes its closing bracket ("Proleter (Z)"), and one
// that starts inside a bracketed first name its opening bracket ("(Jon
// Dahl) Tomasson").
func splitAtBrackets(cs []cand, words []string) []cand {
	var out []cand
	for _, c := range cs {
		var open []int // positions of unclosed opening brackets
		var cut []int  // positions of brackets without a partner in the span
		for k := c.start; k < c.end; k++ {
			w := words[k]
			if _, ok := brackets[w]; ok {
				open = append(open, k)
				continue
			}
			if !closers[w] {
				continue
			}
			if n := len(open); n > 0 && brackets[words[open[n-1]]] == w {
				open = open[:n-1]
			} else {
				cut = append(cut, k)
			}
		}
		// NER stopped one token short of a short qualifier's closing
		// bracket ("Proleter ( Z" before ")"): the span takes it.
		if n := len(open); n == 1 && len(cut) == 0 && open[0] == c.end-2 && len(words[c.end-1]) <= 3 &&
			c.end < len(words) && words[c.end] == brackets[words[open[0]]] {
			c.end++
			open = nil
		}
		// The same at the start: a span that begins inside a bracketed
		// first name whose opening bracket NER left out ("( Jerry )
		// Koosman", "(Jon Dahl) Tomasson").
		if len(cut) == 1 && len(open) == 0 && cut[0]-c.start <= 2 && cut[0] > c.start && c.start > 0 &&
			brackets[words[c.start-1]] == words[cut[0]] {
			c.start--
			cut = nil
		}
		if cut = append(cut, open...); len(cut) == 0 {
			out = append(out, c)
			continue
		}
		sort.Ints(cut)
		from := c.start
		for _, k := range append(cut, c.end) {
			if k > from {
				out = append(out, cand{start: from, end: k, label: c.label})
			}
			from = k + 1
		}
	}
	return out
}

// splitPlacePerson splits a span that NER ran over a place and the name
// after it, when a title governs both: "Deputy Foreign Minister of the
// Republic of [Latvia Janis Ozols]".
func (lx *Stage) splitPlacePerson(cs []cand, words []string) []cand {
	var out []cand
	for _, c := range cs {
		w := words[c.start:c.end]
		split := false
		if c.label != "PER" && len(w) >= 3 && lx.ofTitleBefore(words, c.start) {
			for k := 1; k <= 2 && len(w)-k >= 2; k++ {
				if _, ok := lx.gaz.FindPlace(strings.Join(w[:k], " ")); ok && lx.looksLikePerson(w[k:]) {
					out = append(out, cand{start: c.start, end: c.start + k, label: "LOC"},
						cand{start: c.start + k, end: c.end, label: "PER"})
					split = true
					break
				}
			}
		}
		if !split {
			out = append(out, c)
		}
	}
	return out
}

// ofTitleBefore reports whether a title followed by "of" (and up to three
// more words: "of the Republic of") comes just before token start.
func (lx *Stage) ofTitleBefore(words []string, start int) bool {
	for k := start - 1; k >= 0 && k >= start-5; k-- {
		if strings.EqualFold(words[k], "of") {
			if _, _, ok := lx.gaz.TitleBefore(words, k); ok {
				return true
			}
		}
	}
	return false
}

// titleBefore reports whether a title comes just before cs[i], directly
// ("Executive Director Anna Berg") or through "of [the] <name>"
// ("President of Latvia Marta Kalnina") when cs[i] has at
// least minVia words.
func (lx *Stage) titleBefore(cs []cand, i int, words []string, minVia int) bool {
	c := cs[i]
	if st, _, ok := lx.gaz.TitleBefore(words, c.start); ok {
		return text.Capitalised(words[st])
	}
	if c.end-c.start < minVia {
		return false
	}
	if j := candEndingAt(cs, c.start); j >= 0 {
		s := cs[j].start
		if s > 0 && determiner(words[s-1]) {
			s--
		}
		if s > 0 && strings.EqualFold(words[s-1], "of") {
			st, _, ok := lx.gaz.TitleBefore(words, s-1)
			return ok && text.Capitalised(words[st])
		}
	}
	return false
}

// titleAppositive reports whether a name of at least two words stands in
// apposition to a title: followed by a title of something ("Hahn Sang-yon,
// president of the company"; "X, the chairman of Y") or set off by commas
// after the title of a leader ("whose chairman, Park Ken-sek, fell"). A
// title phrase that a reporting verb ends is the subject of the next
// clause, not an apposition: "in South Sulawesi, the head of the food
// agency said".
func (lx *Stage) titleAppositive(c *cand, words []string) bool {
	if c.end-c.start < 2 || c.end >= len(words) || words[c.end] != "," {
		return false
	}
	if c.start > 1 && words[c.start-1] == "," {
		if _, lead, ok := lx.gaz.TitleBefore(words, c.start-1); ok && lead {
			return true
		}
	}
	j := c.end + 1
	if j < len(words) && determiner(words[j]) {
		j++
	}
	n, _ := lx.gaz.TitleAt(words, j)
	if n == 0 || j+n >= len(words) || !strings.EqualFold(words[j+n], "of") && !strings.EqualFold(words[j+n], "at") {
		return false
	}
	for _, w := range words[j+n:] {
		if w == "," || w == "." || w == ";" {
			break
		}
		if reportingVerbs[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// reportingVerbs end a subject that names a source: "the head of the
// agency said".
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "adds": true,
	"announced": true, "stated": true, "reported": true, "warned": true, "explained": true,
}

// looksLikePerson reports whether words can be a person's name: one to four
// capitalised words, none a title, no organisation or event keyword at the
// end, and no known place or organisation.
func (lx *Stage) looksLikePerson(w []string) bool {
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for _, x := range w {
		if !text.Capitalised(x) || !isWordStart(x) {
			return false
		}
		if n, _ := lx.gaz.TitleAt([]string{x}, 0); n > 0 {
			return false
		}
	}
	name := strings.Join(w, " ")
	if _, ok := lx.gaz.FindPlace(name); ok {
		return false
	}
	if _, ok := lx.gaz.FindOrg(name); ok {
		return false
	}
	if lx.gaz.IsNORP(name) {
		return false
	}
	for _, l := range []string{"PER", "MISC", "LOC"} {
		if _, _, ok := lx.keywordType(l, w); ok {
			return false
		}
	}
	return true
}

func anyUsed(used []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if used[k] {
			return true
		}
	}
	return false
}

func markUsed(used []bool, i, j int) {
	for k := i; k < j; k++ {
		used[k] = true
	}
}

// mostlyCaps reports whether a sentence is written in capitals (a
// headline), where capitalisation says nothing about names.
func mostlyCaps(words []string) bool {
	caps, letters := 0, 0
	for _, w := range words {
		if !isWordStart(w) {
			continue
		}
		letters++
		if text.IsUpper(w) {
			caps++
		}
	}
	return letters > 0 && caps*2 > letters
}

func allCaps(w []string) bool {
	for _, x := range w {
		if !text.IsUpper(x) {
			return false
		}
	}
	return true
}

// isWordStart reports whether w starts with a letter.
func isWordStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}
