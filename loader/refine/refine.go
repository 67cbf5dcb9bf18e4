package refine

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// Refine appends to d.Mentions one typed mention for each usable NER span in
// d.Spans, in text order, with Entity set to -1. Spans that are only a title
// are not kept (coreference may add them back as descriptions).
func (lx *Stage) Refine(d *text.Doc) { _ = lx.RefineContext(context.Background(), d) }

// RefineContext is Refine that checks ctx every 64 sentences and returns
// ctx.Err() when it ends first (d.Mentions is then incomplete).
func (lx *Stage) RefineContext(ctx context.Context, d *text.Doc) error {
	sentWords := docWords(d)
	alone := lx.spanNames(d, sentWords)
	if n := 0; d.Mentions == nil {
		for _, spans := range d.Spans {
			n += len(spans)
		}
		if n > 0 {
			d.Mentions = make([]text.Mention, 0, n+n/4)
		}
	}
	from := len(d.Mentions)
	for si := range d.Sentences {
		if si%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		var spans []text.Span
		if si < len(d.Spans) {
			spans = d.Spans[si]
		}
		words := sentWords[si]
		spans, firms := lx.joinFirm(spans, words, alone)
		spans = lx.splitAnd(spans, words, alone, firms)
		spans = lx.trimHeadline(spans, words, alone)
		for _, c := range lx.refineSentence(words, spans, alone) {
			if c.hs > 0 || c.ts > 0 {
				c.setName(gazetteer.JoinWords(c.name(words)))
			}
			if base, suf := modifierBase(c.name(words)); base != "" && c.typ == graph.Misc {
				c.setName(base)
				if suf != "" {
					c.modifier = suf
				}
				if lx.gaz.IsNORP(base) {
					c.typ = graph.NORP // "Italian-based" is of the Italians' (MISC to CoNLL)
				}
			}
			weak := lx.headlineFragment(c, words, alone)
			if weak {
				c.setName(fragmentName(c.name(words), alone)) // "Citicorp" of "FED ALLOWS CITICORP"
			}
			if lx.genericMention(c.name(words)) && !lx.qualifyGeneric(&c, words) {
				weak = true
			}
			d.Mentions = append(d.Mentions, text.Mention{
				Sent: si, Start: c.start, End: c.end, Label: c.label,
				Type: c.typ, Attrs: c.attrs, Entity: -1,
				Name: c.nameOut, Modifier: c.modifier, Canonical: c.canonical, Honorific: c.honorific,
				Weak: weak,
			})
		}
	}
	lx.countryBodies(d, from)
	return nil
}

// spanIndex counts the lower-case texts of the document's NER spans and
// the words in them.
type spanIndex struct {
	names, words map[string]int
	surnames     map[string]bool // last words of persons' names (noteSurname)
	// orgCores holds the lower-case names that the document's
	// organisation names have without their designators ("nordvik" of
	// "Deportivo Nordvik", "Club Atlético Nordvik" or "Nordvik Sensors").
	orgCores map[string]bool
	// bodyNames holds the texts of the spans of sentences in mixed case
	// by their lower-case form, and mixed whether the document has such
	// a sentence (noteBodyNames).
	bodyNames map[string]string // lower-case name -> as written
	mixed     bool
	lx        *Stage
}

// docWords returns the words of each sentence of d, all in one
// allocation; each sentence's slice has no room to grow into the next.
func docWords(d *text.Doc) [][]string {
	n := 0
	for _, s := range d.Sentences {
		n += len(s.Tokens)
	}
	all := make([]string, 0, n)
	out := make([][]string, len(d.Sentences))
	for si, s := range d.Sentences {
		from := len(all)
		for _, t := range s.Tokens {
			all = append(all, t.Text)
		}
		out[si] = all[from:len(all):len(all)]
	}
	return out
}

func (lx *Stage) spanNames(d *text.Doc, sentWords [][]string) spanIndex {
	x := spanIndex{lx: lx, names: map[string]int{}, words: map[string]int{}, surnames: map[string]bool{}, orgCores: map[string]bool{}, bodyNames: map[string]string{}}
	for si, spans := range d.Spans {
		if si >= len(d.Sentences) {
			break
		}
		toks := d.Sentences[si].Tokens
		words := sentWords[si]
		x.noteBodyNames(words, spans)
		for _, sp := range spans {
			if sp.Start >= 0 && sp.End <= len(toks) && sp.Start < sp.End {
				x.names[spanKey(toks[sp.Start:sp.End])]++
				if sp.Label == "PER" && sp.End-sp.Start >= 2 {
					ws := make([]string, 0, sp.End-sp.Start)
					for _, t := range toks[sp.Start:sp.End] {
						ws = append(ws, t.Text)
					}
					if t, _, ok := lx.keywordType("PER", ws); (!ok || t != graph.Organization) && !lx.orgDescriptorBefore(words, sp.Start) {
						x.noteSurname(ws) // not of "Deportivo Nordvik" nor "law firm Berge Larsen"
					}
				}
				for _, t := range toks[sp.Start:sp.End] {
					x.words[strings.ToLower(t.Text)]++
				}
				if sp.Label != "ORG" && lx.orgDescriptorBefore(words, sp.Start) {
					x.orgCores[spanKey(toks[sp.Start:sp.End])] = true // "retailer Hollins", later "Hollins"
				}
				if sp.End-sp.Start >= 2 {
					ws := make([]string, 0, sp.End-sp.Start)
					for _, t := range toks[sp.Start:sp.End] {
						ws = append(ws, t.Text)
					}
					x.noteOrgCores(ws)
				}
			}
		}
	}
	return x
}

// noteOrgCores records the names an organisation's name ws has without
// the designators the keyword table types it by: "Club Atlético Nordvik"
// gives "atlético nordvik" and "nordvik", "Nordvik Sensors" "nordvik".
func (x spanIndex) noteOrgCores(ws []string) {
	if r, n, ok := x.lx.matchLast("PER", ws); ok && r.typ == graph.Organization && n < len(ws) {
		x.orgCores[wordsKey(ws[:len(ws)-n])] = true
	}
	for {
		r, n, ok := x.lx.matchFirst("PER", ws)
		if !ok || r.typ != graph.Organization {
			return
		}
		ws = ws[n:]
		x.orgCores[wordsKey(ws)] = true
	}
}

// wordsKey is the key of words in the document's name indexes (names,
// surnames, orgCores, bodyNames): lower case, joined by spaces, as
// spanKey makes it from the words' tokens.
func wordsKey(w []string) string { return strings.ToLower(strings.Join(w, " ")) }

func spanKey(toks []text.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(t.Text))
	}
	return b.String()
}

// splitAnd splits a span NER ran over two names joined by "and" ("[Foo
// Fighters and Keane]") in two, when the document names the second alone
// elsewhere (and, if it ends like a company's name, the first too), so the
// span is a list and not one name ("Procter and Gamble", "Florida Power
// and Light Co" are never split: nothing names "Gamble" or "Light Co"
// alone).
func (lx *Stage) splitAnd(spans []text.Span, words []string, alone spanIndex, firms []text.Span) []text.Span {
	out := make([]text.Span, 0, len(spans))
	for _, sp := range spans {
		split := false
		if slices.Contains(firms, sp) {
			out = append(out, sp) // joined by joinFirm: its parts are tagged alone right here
			continue
		}
		for k := sp.Start + 1; k < sp.End-1 && sp.End <= len(words); k++ {
			if words[k] != "and" || !text.Capitalised(words[k+1]) || !lx.andList(words[sp.Start:sp.End], k-sp.Start) {
				continue
			}
			left, right := wordsKey(words[sp.Start:k]), wordsKey(words[k+1:sp.End])
			if (alone.names[right] > 0 && (alone.names[left] > 0 || !lx.orgTail(words[k+1:sp.End]))) ||
				(lx.knownName(words[sp.Start:k]) && lx.knownName(words[k+1:sp.End])) {
				out = append(out, text.Span{Start: sp.Start, End: k, Label: sp.Label}, text.Span{Start: k + 1, End: sp.End, Label: sp.Label})
				split = true
				break
			}
		}
		if !split {
			out = append(out, sp)
		}
	}
	return out
}

// andList reports whether a name with "and" at k may be a list of two
// names: not a name the gazetteers know whole ("Bosnia and
// Herzegovina"), nor one whose first part goes on with a lower-case word
// ("Department for Work and Pensions"), nor a firm's name ("Merrill Lynch
// and Co", "Johnson and Johnson"), nor a place and what is named after it
// ("Bristol and West Building Society").
func (lx *Stage) andList(w []string, k int) bool {
	whole := strings.Join(w, " ")
	if _, ok := lx.gaz.FindPlace(whole); ok {
		return false
	}
	if _, ok := lx.gaz.FindOrg(whole); ok {
		return false
	}
	for _, x := range w[:k] {
		if !text.Capitalised(x) {
			return false
		}
	}
	if k+1 < len(w) && text.LowerGet(firmPartner, w[k+1]) {
		return false // "Merrill Lynch and Co Inc", "Smith and Sons"
	}
	if strings.EqualFold(strings.Join(w[:k], " "), strings.Join(w[k+1:], " ")) {
		return false // "Johnson and Johnson"
	}
	_, place := lx.gaz.FindPlace(strings.Join(w[:k], " "))
	return !place
}

// orgTail reports whether a name ends like a company's or an
// association's ("... Light Co", "... Loan Association"): the second half
// of "Florida Power and Light Co" is no name of its own.
func (lx *Stage) orgTail(w []string) bool {
	t, _, ok := lx.keywordType("PER", w[len(w)-1:])
	if ok && t == graph.Organization {
		return true
	}
	return legalForm(w[len(w)-1])
}

// legalForm reports whether w is the legal form that ends a company's
// name ("Co", "Corp.", "Inc", "Ltd", "AG").
func legalForm(w string) bool {
	switch strings.ToLower(strings.ReplaceAll(w, ".", "")) {
	case "co", "corp", "inc", "ltd", "plc", "llc", "ag", "sa", "nv":
		return true
	}
	return false
}

// firmEnd reports whether w ends a company's name: a legal form, or a
// name that ends in one ("KeyCorp", "Bancorp").
func firmEnd(w string) bool {
	return legalForm(w) || len(w) > 4 && strings.EqualFold(w[len(w)-4:], "corp")
}

// inSpan reports whether word i is inside a span labelled label.
func inSpan(spans []text.Span, i int, label string) bool {
	for _, sp := range spans {
		if sp.Start <= i && i < sp.End && sp.Label == label {
			return true
		}
	}
	return false
}

// maxConjunct bounds the words of one name before a firm's "and" or
// comma that joinFirm takes in.
const maxConjunct = 5

// joinFirm makes one ORG span of a firm's name that NER cut at its "and"
// or its commas: a name ending in a legal form ("Rochester Gas and
// Electric Corp", "Bolt Beranek and Newman Inc", "Manning, Selvage and Lee
// Inc"), or "and" with a partner word ("Sanford C. Bernstein and Co"). The
// legal form is the whole firm's: CoNLL-2003 train annotates 15 such names
// as one organisation and 6 as two, and 4 of those 6 end the first name in
// a legal form too ("Chevron Corp and Texaco Inc", or a name like
// "Bancorp"), which is kept a list.
//
// A name before the "and" is taken in only when it is capitalised words
// that the gazetteers do not know (not "Texaco" of "Texaco and Pennzoil
// Co", not a place), that do not end a complete organisation's name
// ("Rockwell International"), that the document does not name alone
// elsewhere, that do not start the sentence untagged ("Analysts and ...")
// and that follow no capitalised word it leaves out (a MISC modifier such
// as "Ohio-based", a firm's name, a sixth word); and only when the
// document does not name the firm after the "and" alone (namedAlone).
// Names further left join over commas on the same terms (a known
// organisation may begin the firm's name), as far as they go.
//
// It returns the spans and the firms' spans among them, which splitAnd
// leaves whole.
func (lx *Stage) joinFirm(spans []text.Span, words []string, alone spanIndex) ([]text.Span, []text.Span) {
	var firms []text.Span
	for k := 1; k+1 < len(words); k++ {
		if words[k] != "and" && words[k] != "&" {
			continue
		}
		end := -1
		for _, sp := range spans {
			if sp.Start == k+1 && sp.End <= len(words) && legalForm(words[sp.End-1]) && !slices.ContainsFunc(words[sp.Start:sp.End-1], firmEnd) {
				end = sp.End
			}
		}
		if end < 0 && (legalForm(words[k+1]) || text.LowerGet(firmPartner, words[k+1])) {
			end = k + 2
		}
		if end < 0 || lx.namedAlone(words[k+1:end], alone) {
			continue
		}
		start := -1
		for e := k; ; {
			s := e
			for s > 0 && e-s < maxConjunct && text.Capitalised(words[s-1]) && !firmEnd(words[s-1]) && !inSpan(spans, s-1, "MISC") {
				s--
			}
			if s == e || (s > 0 && text.Capitalised(words[s-1])) || !lx.firmConjunct(spans, words, s, e, e == k, alone) {
				break
			}
			start = s
			if s < 2 || words[s-1] != "," || !text.Capitalised(words[s-2]) {
				break
			}
			e = s - 1
		}
		if start < 0 {
			continue
		}
		kept := spans[:0:0]
		for _, sp := range spans {
			switch {
			case sp.End <= start || sp.Start >= end:
				kept = append(kept, sp)
			case sp.Start < start || sp.End > end:
				start = -1 // a name across the firm's edge: leave the spans as they are
			}
		}
		if start < 0 {
			continue
		}
		at := sort.Search(len(kept), func(i int) bool { return kept[i].Start >= end })
		firm := text.Span{Start: start, End: end, Label: "ORG"}
		spans = slices.Insert(kept, at, firm)
		firms = append(firms, firm)
		k = end - 1
	}
	return spans, firms
}

// namedAlone reports whether the firm after the "and" (w, its legal form
// last) is a name of its own: the document names it elsewhere without the
// form or by its first word ("Dominion Textile Inc" and "Dominion"), the
// gazetteers know it, or it starts with "The" or has an "and" or a comma
// of its own already.
func (lx *Stage) namedAlone(w []string, alone spanIndex) bool {
	if len(w) < 2 {
		return false
	}
	if w[0] == "The" || slices.ContainsFunc(w, func(x string) bool { return x == "and" || x == "&" || x == "," }) || lx.knownName(w) || lx.knownName(w[:len(w)-1]) {
		return true // a whole firm's name already ("The Industrial Bank of Japan Ltd"), or one the gazetteers know ("Federal Express Corp")
	}
	return alone.names[wordsKey(w[:len(w)-1])] > 0 || alone.names[strings.ToLower(w[0])] > 0
}

// firmConjunct reports whether words[s:e] may be a part of a firm's name
// before its "and" (first) or a comma (see joinFirm). A name the
// gazetteers know as an organisation may begin a firm's name over a comma
// ("Merrill Lynch, Pierce, Fenner and Smith Inc"), never a place.
func (lx *Stage) firmConjunct(spans []text.Span, words []string, s, e int, first bool, alone spanIndex) bool {
	name := gazetteer.JoinWords(words[s:e])
	if _, place := lx.gaz.FindPlace(name); place || first && lx.knownName(words[s:e]) || text.LowerGet(wholeOrgEnd, words[e-1]) {
		return false // a name of its own: "Texaco", "Rockwell International", "Process Machinery Division"
	}
	if _, ok := lx.gaz.FindSubdivision(name); ok && inSpan(spans, s, "LOC") {
		return false // a state or province, tagged a place
	}
	here := 0
	tagged := false
	for _, sp := range spans {
		if sp.Start == s && sp.End == e {
			here = 1
		}
		if sp.Start <= s && s < sp.End {
			tagged = true
		}
	}
	if s == 0 && !tagged {
		return false
	}
	if e-s > 1 && inSpan(spans, s, "PER") && alone.names[strings.ToLower(words[e-1])] > 0 {
		return false // a person named by the surname elsewhere: "Asher Edelman and ... Inc"
	}
	return alone.names[wordsKey(words[s:e])] <= here
}

// wholeOrgEnd are last words of an organisation's complete name, which
// no firm's name goes on from over an "and".
var wholeOrgEnd = map[string]bool{"international": true, "division": true, "group": true, "holdings": true, "bank": true, "unit": true}

// firmPartner are the words that follow "and" inside a firm's name.
var firmPartner = map[string]bool{
	"co": true, "co.": true, "company": true, "cie": true, "sons": true, "son": true, "partners": true,
	"associates": true, "brothers": true, "bros": true, "bros.": true, "inc": true, "ltd": true, "daughters": true,
}

// trimHeadline cuts a span in a headline written in capitals down to the
// longest name it starts with that the document tags elsewhere, when the
// words it leaves out are in no other name of the document: in "BALLADUR
// URGES G-7 TO ..." capitals do not show where "BALLADUR" ends, the
// story's "Balladur" does; "HONG KONG OPEN" and "ROBERTO DURAN" stay whole
// when the story names the "Hong Kong Open" or "Duran".
func (lx *Stage) trimHeadline(spans []text.Span, words []string, x spanIndex) []text.Span {
	if !capsLine(words) {
		return spans
	}
	for i, sp := range spans {
		if x.names[wordsKey(words[sp.Start:sp.End])] > 1 {
			continue
		}
		for k := sp.End - 1; k > sp.Start; k-- {
			prefix := strings.Join(words[sp.Start:k], " ")
			if text.LowerGet(x.names, prefix) == 0 {
				continue
			}
			if lx.gaz.IsNORP(prefix) {
				break // "ENGLISH COUNTY CHAMPIONSHIP": a demonym opens many names
			}
			rest := true
			for _, w := range words[k:sp.End] {
				rest = rest && text.LowerGet(x.words, w) <= 1
			}
			if rest {
				spans[i].End = k
			}
			break
		}
	}
	return spans
}

// capsLine reports whether a sentence is a headline in capitals: three
// words or more and no lower-case letter.
func capsLine(words []string) bool {
	n := 0
	for _, w := range words {
		if !text.IsUpper(w) {
			return false
		}
		if isWordStart(w) {
			n++
		}
	}
	return n >= 3
}

// cand is a span on its way to becoming a mention.
type cand struct {
	start, end int
	label      string
	typ        graph.EntityType
	hint       graph.EntityType // type from a keyword before the span grew
	// hs and ts count the tokens at the head and tail of the span that are
	// not part of the name: a title or honorific ("President Lincoln",
	// "Mr Greenspan") and a possessive ("Church 's"). The span keeps them,
	// as news corpora annotate them differently; the name does not.
	hs, ts int
	attrs  map[string]string // output attributes of the mention
	drop   bool
	// typed fields of the mention (see text.Mention)
	nameOut, modifier, canonical, honorific string
}

func (c *cand) setName(v string) {
	if v != "" {
		c.nameOut = v
	}
}

func (c *cand) setCanonical(v string) {
	if v != "" {
		c.canonical = v
	}
}

// name returns the words of the name within the span.
func (c *cand) name(words []string) []string {
	if c.start+c.hs >= c.end-c.ts {
		return words[c.start:c.end]
	}
	return words[c.start+c.hs : c.end-c.ts]
}

func (c *cand) set(k, v string) {
	if v == "" {
		return
	}
	if c.attrs == nil {
		c.attrs = map[string]string{}
	}
	c.attrs[k] = v
}

func (lx *Stage) refineSentence(words []string, spans []text.Span, x spanIndex) []cand {
	cs := make([]cand, 0, len(spans))
	for _, s := range spans {
		if s.Start >= 0 && s.End <= len(words) && s.Start < s.End {
			cs = append(cs, cand{start: s.Start, end: s.End, label: s.Label})
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].start < cs[j].start })
	cs = splitAtBrackets(cs, words)
	cs = lx.dateline(cs, words)
	cs = lx.recall(cs, words)
	cs = lx.splitPlacePerson(cs, words)
	cs = lx.splitOrgTitlePlace(cs, words)
	cs = extendToAcronym(cs, words)
	lx.extendOf(cs, words)
	lx.joinPossessive(cs, words)
	lx.demonymTitle(cs, words)
	for i := range cs {
		c := &cs[i]
		lx.trimPossessive(c, words)
		trimLower(c, words)
		lx.joinStateForm(cs, i, words)
		lx.personLed(c, words)
		lx.splitTitle(c, words)
		if lx.commonNoun(c.name(words)) {
			c.drop = true
		}
	}
	for i := range cs {
		if !cs[i].drop {
			lx.assignType(cs, i, words, x)
		}
	}
	for i := range cs {
		if !cs[i].drop && cs[i].typ == graph.Person {
			lx.personContext(cs, i, words)
		}
	}
	out := cs[:0]
	for _, c := range cs {
		if !c.drop && c.start < c.end {
			if _, ok := brackets[words[c.start]]; ok {
				c.setName(gazetteer.JoinWords(unbracketed(c.name(words)))) // "(World) Bank" is the World Bank
			}
			out = append(out, c)
		}
	}
	return out
}

// unbracketed returns w without its bracket tokens.
func unbracketed(w []string) []string {
	var out []string
	for _, x := range w {
		if _, open := brackets[x]; !open && !closers[x] {
			out = append(out, x)
		}
	}
	return out
}

// possessive reports whether w is a possessive ending written as a token.
func possessive(w string) bool {
	switch w {
	case "'s", "’s", "'", "’", "'S", "’S":
		return true
	}
	return false
}

// trimPossessive leaves a trailing possessive out of the name, except from
// a place that is named with one ("Lord's", "St John's"): a LOC span whose
// text without it is no known place or company ("[Sony 's]" tagged LOC).
func (lx *Stage) trimPossessive(c *cand, words []string) {
	if c.end-c.start < 2 || !possessive(words[c.end-1]) {
		return
	}
	if c.label == "LOC" {
		rest := strings.Join(words[c.start:c.end-1], " ")
		_, place := lx.gaz.FindPlace(rest)
		_, _, company := lx.gaz.FindCompany(rest)
		if !place && !company {
			return
		}
	}
	c.ts = 1
}

// particles are lower-case words that belong inside names ("Charles de
// Gaulle", "Ludwig van Beethoven"), so a span never loses them.
var particles = map[string]bool{"de": true, "da": true, "do": true, "dos": true, "das": true, "del": true, "della": true, "di": true, "du": true,
	"la": true, "le": true, "van": true, "von": true, "der": true, "den": true, "ten": true, "ter": true, "al": true, "el": true,
	"bin": true, "ibn": true, "bint": true, "y": true, "e": true, "st": true}

// trimLower drops common lower-case words from the front of a span ("bank
// Wells Fargo"): names start with a capital or a particle.
func trimLower(c *cand, words []string) {
	for c.end-c.start > 1 && lowerWord(words[c.start]) && !particles[words[c.start]] && !determiner(words[c.start]) && text.Capitalised(words[c.start+1]) &&
		(c.end-c.start > 2 || len(words[c.start+1]) > 2) { // "serie A" is a name
		c.start++
	}
}

// lowerWord reports whether w is made of lower-case letters only.
func lowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// joinStateForm extends a country's span over a state form written before
// it ("Republic of" + "Latvia"), dropping any span the form carried.
func (lx *Stage) joinStateForm(cs []cand, i int, words []string) {
	c := &cs[i]
	if c.drop || (c.label != "LOC" && c.label != "ORG") {
		return
	}
	p, ok := lx.gaz.FindPlace(strings.Join(words[c.start:c.end], " "))
	if !ok || p.Kind != "country" {
		return
	}
	for k := 5; k >= 2; k-- {
		s := c.start - k
		if s < 0 || !text.Capitalised(words[s]) || strings.EqualFold(words[s], "the") {
			continue
		}
		if q, ok := lx.gaz.FindPlace(strings.Join(words[s:c.end], " ")); ok && q.Name == p.Name {
			for j := range cs {
				if j != i && cs[j].start < c.start && cs[j].end > s {
					cs[j].drop = true
				}
			}
			c.start, c.label = s, "LOC"
			return
		}
	}
}

// splitTitle separates titles from names. A span that is only a title
// ("the Executive Director") is dropped. A title at the end of a span is
// cut off when what remains is a known name or the title is long ("UN
// Deputy Secretary-General"); tagged PER or LOC, only when what remains is
// a known organisation ("UN Deputy"), which it then is. A title or
// honorific at the front of a person's span is left out of the name
// ("President Marta Kalnina", "Mr Greenspan") and kept as the
// mention's title.
func (lx *Stage) splitTitle(c *cand, words []string) {
	if c.drop {
		return
	}
	w := c.name(words)
	if _, _, ok := lx.gaz.Title(w); ok {
		if len(w) >= 2 || (c.start > 0 && determiner(words[c.start-1])) {
			c.drop = true
		}
		return
	}
	if k := lx.officeOfPlace(w); k > 0 {
		// "[Archbishop of Canterbury]", "[Mayor of Leeds]": an office
		// named after its place is no name; the place is.
		c.start, c.hs, c.ts, c.label = c.start+c.hs+k, 0, 0, "LOC"
		return
	}
	if st, _, ok := lx.gaz.TitleBefore(w, len(w)); ok && st > 0 {
		rest := strings.Join(w[:st], " ")
		_, org := lx.gaz.FindOrg(rest)
		_, place := lx.gaz.FindPlace(rest)
		personOrPlace := c.label == "PER" || c.label == "LOC"
		if org || (!personOrPlace && (place || len(w)-st >= 2)) {
			c.end, c.ts = c.start+c.hs+st, 0
			if personOrPlace {
				c.label = "ORG"
			}
			return
		}
	}
	if c.label != "PER" {
		return
	}
	for len(w) > 1 && lx.gaz.Honorific(w[0]) && nameStart(w[1:]) {
		c.honorific = w[0] // what follows is a surname or a full name
		c.hs++
		w = w[1:]
	}
	if n, _ := lx.gaz.TitleAt(w, 0); n > 0 && n < len(w) && nameStart(w[n:]) {
		c.set("title", gazetteer.JoinWords(w[:n]))
		c.hs += n
	}
}

// personLed relabels as a person's a span NER tagged otherwise that opens
// with an honorific ("[ORG Mrs Anna Berg]", not "MX" in capitals) or with
// the title of a leader before at least two words that look like a
// person's name ("[ORG Chancellor Peter Lind]"), so that splitTitle then
// leaves them out of the name. Other titles double as common words
// ("Major League Baseball", "General Electric"), and a title before one
// word may be anything ("Governor Mills").
func (lx *Stage) personLed(c *cand, words []string) {
	if c.drop || c.label == "PER" || c.end-c.start < 2 {
		return
	}
	w := words[c.start:c.end]
	k := 0
	for k < len(w)-1 && lx.gaz.Honorific(w[k]) && !allCaps(w[k:k+1]) && text.Capitalised(w[k+1]) {
		k++
	}
	if k == 0 {
		if n, lead := lx.gaz.TitleAt(w, 0); lead && len(w)-n >= 2 && !allCaps(w[:1]) {
			k = n
		}
	}
	if k > 0 && lx.looksLikePerson(w[k:]) {
		c.label = "PER"
	}
}

// modifierSuffixes turn a name into an adjective: "London-based",
// "U.S.-owned", "Oscar-winning".
var modifierSuffixes = []string{
	"-based", "-owned", "-led", "-backed", "-born", "-controlled", "-run", "-made", "-funded",
	"-registered", "-listed", "-style", "-written", "-winning", "-nominated", "-bound", "-focused",
}

// modifierPrefixes, written in lower case, make a name an adjective too:
// "anti-American", "post-Enron", "ex-Downing Street".
var modifierPrefixes = []string{"anti-", "pro-", "post-", "pre-", "non-", "ex-", "pan-", "all-", "sub-", "mid-", "neo-", "un-"}

// modifierBase returns the name inside a name made an adjective by a
// hyphenated suffix or lower-case prefix ("New Orleans" of "New
// Orleans-based", "Enron" of "post-Enron") and the affix, or "". The span stays as NER and CoNLL-2003 have it (a MISC adjective);
// its name is the name it is built on, so coreference joins it to that
// name's entity instead of making a node of the adjective.
func modifierBase(w []string) (base, suffix string) {
	if len(w) == 0 {
		return "", ""
	}
	first := w[0]
	for _, pre := range modifierPrefixes {
		if len(first) > len(pre) && strings.HasPrefix(first, pre) && text.Capitalised(first[len(pre):]) {
			return gazetteer.JoinWords(append([]string{first[len(pre):]}, w[1:]...)), pre
		}
	}
	last := w[len(w)-1]
	for _, suf := range modifierSuffixes {
		if len(last) > len(suf) && strings.HasSuffix(strings.ToLower(last), suf) {
			b := last[:len(last)-len(suf)]
			if !text.Capitalised(b) {
				return "", ""
			}
			return gazetteer.JoinWords(append(w[:len(w)-1:len(w)-1], b)), suf
		}
	}
	return "", ""
}

// officeOfPlace returns the index of the place in words that are a title,
// "of", maybe "the", and a known place ("Archbishop of Canterbury", "Mayor
// of the Hague"), or 0.
func (lx *Stage) officeOfPlace(w []string) int {
	n, _ := lx.gaz.TitleAt(w, 0)
	if n == 0 || n+1 >= len(w) || !strings.EqualFold(w[n], "of") {
		return 0
	}
	k := n + 1
	if k+1 < len(w) && strings.EqualFold(w[k], "the") {
		k++
	}
	if _, ok := lx.gaz.FindPlace(strings.Join(w[k:], " ")); !ok || !text.Capitalised(w[k]) {
		return 0
	}
	return k
}

// nameStart reports whether a person's name may start at w[0]: a capital,
// or a particle before one ("da Silva", "van Gogh").
func nameStart(w []string) bool {
	return text.Capitalised(w[0]) || (len(w) > 1 && text.LowerGet(particles, w[0]) && text.Capitalised(w[1]))
}

// demonymTitle re-reads an organisation's span that is a demonym and the
// start of a title whose head follows it, right before a person, as the
// demonym alone: "[British Energy] Secretary Thomas Whitcombe" is a
// British Energy Secretary named Thomas Whitcombe, tied to the United
// Kingdom; the title is left for the person. Only the portfolio words of a
// title that no holder leads may sit in the span ("Energy" Secretary,
// "Foreign" Minister), so a company's chief executive after its name stays
// the company's ("British Energy Chief Executive ..."); a known
// organisation keeps its span.
func (lx *Stage) demonymTitle(cs []cand, words []string) {
	for i := range cs {
		c := &cs[i]
		if c.label != "ORG" && c.label != "MISC" || c.end-c.start < 2 {
			continue
		}
		if _, ok := lx.gaz.FindOrg(strings.Join(words[c.start:c.end], " ")); ok {
			continue
		}
		for k := 1; k <= 2 && c.start+k < c.end; k++ {
			if _, ok := lx.gaz.Demonym(strings.Join(words[c.start:c.start+k], " ")); !ok {
				continue
			}
			ts := c.start + k
			n, lead := lx.gaz.TitleAt(words, ts)
			if n == 0 || lead || ts+n <= c.end || !lx.portfolio(words[ts:c.end]) {
				continue
			}
			if j := candStartingAt(cs, ts+n); j >= 0 && cs[j].label == "PER" {
				c.end, c.label = ts, "MISC"
				break
			}
		}
	}
}

// portfolio reports whether every word is a title's portfolio or modifier
// word and none its head ("Energy", "Foreign", "Defence").
func (lx *Stage) portfolio(w []string) bool {
	for _, x := range w {
		if !lx.gaz.TitleWord(x) {
			return false
		}
		if n, _ := lx.gaz.TitleAt([]string{x}, 0); n > 0 {
			return false
		}
	}
	return true
}

// candStartingAt returns the index of the kept candidate that starts at
// token start, or -1.
func candStartingAt(cs []cand, start int) int {
	for j := range cs {
		if !cs[j].drop && cs[j].start == start && cs[j].end > start {
			return j
		}
	}
	return -1
}

// assignType gives cs[i] its ontology type and attributes.
func (lx *Stage) assignType(cs []cand, i int, words []string, x spanIndex) {
	c := &cs[i]
	w := c.name(words)
	name := strings.Join(w, " ")
	place, isPlace := lx.gaz.FindPlace(name)
	org, isOrg := lx.gaz.FindOrg(name)
	if c.label != "PER" && !isPlace && (lx.titleBefore(cs, i, words, 2) || lx.titleAppositive(c, words)) && lx.looksLikePerson(w) {
		c.label = "PER" // "Executive Director Anna Berg" tagged ORG
	}
	if (c.label == "ORG" || c.label == "PER") && isPlace && place.Kind == "city" && c.start == 0 && allCaps(w) &&
		(c.end == len(words) || datelineMark[words[c.end]]) {
		c.label = "LOC" // a dateline: "TASHKENT. UZA - ..."
	}
	if _, ok := lx.gaz.Demonym(name); ok && c.label == "ORG" && !allCaps(w) {
		c.label = "MISC"
	}
	if !isOrg && lx.company(cs, i, words, x, isPlace, place.Kind) {
		return
	}
	if !isPlace && !isOrg && lx.companyProduct(cs, i, words) {
		c.label = "MISC" // "Sony's [Playstation]"
	}
	switch {
	case isOrg && (c.label != "PER" || acronymOf(w) || lx.knownOrgNotPerson(cs, i, words, x)):
		c.typ = graph.Organization
		c.setCanonical(org.Name)
		c.set("parent", org.Parent)
		c.set("country", org.Country)
		return
	case isPlace && (c.label == "LOC" || (place.Kind == "country" &&
		(c.label == "ORG" || (c.label == "PER" && !lx.personalName(name, place)) || lx.countryTaggedMisc(c, name)))):
		c.typ = graph.Location
		c.set("kind", place.Kind)
		c.set("country", place.Country)
		c.setCanonical(place.Name)
		return
	}
	if full, ok := lx.partyNames[strings.ToLower(gazetteer.JoinWords(w))]; ok && c.hs == 0 {
		c.typ = graph.Organization // "Labour" tagged LOC, "Lib Dems" tagged PER
		c.setCanonical(full)       // "Labour" is the "Labour Party"
		return
	}
	if c.label == "LOC" && c.hs == 0 && lx.politicalGroup(name) {
		c.typ = graph.NORP // "the Tories" tagged LOC: the party's members
		return
	}
	if c.hint != "" {
		c.typ = c.hint
		if c.typ == graph.Organization {
			c.set("country", lx.orgCountry(cs, i, words))
		}
		return
	}
	switch c.label {
	case "PER", "LOC":
		c.typ = graph.Person
		if c.label == "LOC" {
			c.typ = graph.Location
			// A name NER took for a place that is a state, province or
			// region of one country ("Jiangsu", "California").
			if p, ok := lx.gaz.FindSubdivision(name); ok {
				c.set("kind", p.Kind)
				c.set("country", p.Country)
			}
		}
		// "Clean Rivers Initiative" tagged PER: a name's head outranks
		// the label, when the name has more than the head.
		if t, kind, ok := lx.keywordType(c.label, w); ok && len(w) >= 2 {
			c.typ = t
			if t == graph.Location {
				c.set("kind", kind)
			}
		}
		// "Nordvik" tagged PER where the document names "Deportivo
		// Nordvik" or "Nordvik Sensors" and no person called Nordvik.
		if key := strings.ToLower(name); c.typ == graph.Person && c.label == "PER" && c.hs == 0 &&
			x.orgCores[key] && !x.surnames[key] {
			c.typ = graph.Organization
		}
		// "German carmaker Ostwald", "Swiss bank Lindqvist Partners",
		// "Visteon, a former subsidiary".
		if c.typ != graph.Organization && c.hs == 0 && (lx.orgDescriptorBefore(words, c.start) ||
			c.attrs["kind"] == "" && lx.orgDescriptorAfter(words, c.end)) { // not "Woodstock, Ontario, a group of ..."
			c.typ = graph.Organization
			delete(c.attrs, "kind")
			c.set("country", lx.orgCountry(cs, i, words))
		}
	case "ORG":
		c.typ = graph.Organization
		if t, kind, ok := lx.keywordType(c.label, w); ok {
			c.typ = t
			if t == graph.Location {
				c.set("kind", kind) // "Stade Belcourt"
			}
		}
		c.set("country", lx.orgCountry(cs, i, words))
		if d := lx.demonymBefore(cs, i, words); d != "" && c.typ == graph.Organization && c.hs == 0 &&
			len(w) >= 2 && lx.portfolio(w[:len(w)-1]) && lx.orgHead(w) {
			// "[Austrian] [Foreign Ministry]", as CoNLL-2003 annotates it,
			// names the "Austrian Foreign Ministry".
			c.setName(d + " " + gazetteer.JoinWords(w))
		}
	default: // MISC
		c.typ = graph.Misc
		if p, ok := lx.gaz.Demonym(name); ok {
			c.typ = graph.NORP
			c.set("country", lx.countryOf(p))
			c.set("place", p)
		} else if lx.gaz.IsNORP(name) {
			c.typ = graph.NORP
		} else if t, _, ok := lx.keywordType("MISC", w); ok {
			c.typ = t
		} else if c.hs == 0 && (lx.orgDescriptorBefore(words, c.start) || lx.orgDescriptorAfter(words, c.end)) {
			c.typ = graph.Organization // "US chipmaker Arvo" tagged MISC
			c.set("country", lx.orgCountry(cs, i, words))
		}
	}
}

// knownOrgNotPerson reports whether a span tagged PER that is exactly a
// well-known organisation's name ("Oxfam", "Gavi") names the organisation:
// not when an honorific or title is written with it, the document names a
// person ending in it, or it stands in a list of persons.
func (lx *Stage) knownOrgNotPerson(cs []cand, i int, words []string, x spanIndex) bool {
	c := cs[i]
	if c.hs > 0 {
		return false
	}
	if _, _, ok := lx.gaz.TitleBefore(words, c.start); ok {
		return false // "Coach Gavi"
	}
	if c.start > 0 && lx.gaz.PersonNoun(words[c.start-1]) {
		return false // "midfielder Gavi"
	}
	if x.surnames[wordsKey(c.name(words))] {
		return false
	}
	return !lx.personList(cs, i, words)
}

// acronymOf reports whether a name is one word in capitals ("UNDP"): a
// well-known organisation's acronym is no person's name.
func acronymOf(w []string) bool {
	return len(w) == 1 && len(w[0]) >= 2 && allCaps(w) && isWordStart(w[0])
}

// personalName reports whether a country's name as written is also a
// person's name — an other name ("Holland") or a listed one ("Jordan") —
// so that a PER label on it may well be right.
func (lx *Stage) personalName(name string, p gazetteer.Place) bool {
	if !strings.EqualFold(strings.Join(strings.Fields(name), " "), p.Name) {
		if q, ok := lx.gaz.FindPlace(name); !ok || !statePrefixed(name, q) {
			return true
		}
	}
	return text.LowerGet(lx.peopleNamedLikePlaces(), p.Name)
}

// statePrefixed reports whether name is a country's name behind a state
// form ("Republic of Latvia").
func statePrefixed(name string, p gazetteer.Place) bool {
	return strings.HasSuffix(strings.ToLower(name), " "+strings.ToLower(p.Name))
}

// datelineMark is what follows the place of a dateline.
var datelineMark = map[string]bool{".": true, ",": true, "-": true, "--": true, "–": true, "—": true}

// countryOf returns the country a place lies in, or "" for regions.
func (lx *Stage) countryOf(place string) string {
	if p, ok := lx.gaz.FindPlace(place); ok {
		return p.Country
	}
	return ""
}

// orgCountry returns the country an organisation's name or its context ties
// it to: a demonym or country at the front ("Latvian Foreign Ministry",
// "Latvia Foreign Ministry"), "of <country>" at the end ("Government of
// Kazakhstan"), a possessive country before it ("Kazakhstan's Foreign
// Ministry") or a demonym span just before it.
func (lx *Stage) orgCountry(cs []cand, i int, words []string) string {
	c := cs[i]
	w := c.name(words)
	for k := min(3, len(w)-1); k >= 1; k-- {
		front := strings.Join(w[:k], " ")
		if p, ok := lx.gaz.Demonym(front); ok {
			if cc := lx.countryOf(p); cc != "" {
				return cc
			}
		}
		if p, ok := lx.gaz.FindPlace(front); ok && p.Kind == "country" {
			return p.Country
		}
	}
	for k := 1; k <= 4 && k+1 < len(w); k++ {
		if strings.EqualFold(w[len(w)-k-1], "of") {
			if p, ok := lx.gaz.FindPlace(strings.Join(w[len(w)-k:], " ")); ok && p.Kind == "country" {
				return p.Country
			}
		}
	}
	before := c.start
	if before > 0 && possessive(words[before-1]) {
		before--
	}
	for j := range cs {
		b := cs[j]
		if j == i || b.drop || b.end != before {
			continue
		}
		text := strings.Join(words[b.start:b.end], " ")
		if b.label == "MISC" && before == c.start {
			if p, ok := lx.gaz.Demonym(text); ok {
				return lx.countryOf(p)
			}
		}
		if before < c.start || b.label == "LOC" {
			if p, ok := lx.gaz.FindPlace(text); ok && p.Kind == "country" {
				return p.Country
			}
		}
	}
	return ""
}

// demonymBefore returns the demonym of the span tagged MISC that ends right
// before cs[i], or "".
func (lx *Stage) demonymBefore(cs []cand, i int, words []string) string {
	c := cs[i]
	for j := range cs {
		b := cs[j]
		if j == i || b.drop || b.end != c.start || b.label != "MISC" {
			continue
		}
		text := strings.Join(words[b.start:b.end], " ")
		if _, ok := lx.gaz.Demonym(text); ok {
			return text
		}
	}
	return ""
}

// personContext records the title written next to a person's name and the
// country it ties the person to: "UNICEF Executive Director Anna Berg",
// "Foreign Minister of the Republic of Latvia Janis Ozols", "Janis Ozols,
// the Deputy Finance Minister".
func (lx *Stage) personContext(cs []cand, i int, words []string) {
	c := &cs[i]
	end := c.start
	var via *cand // a name between the title and the person: "of the Republic of Latvia"
	if j := candEndingAt(cs, end); j >= 0 && cs[j].typ != graph.Person {
		s := cs[j].start
		if s > 0 && determiner(words[s-1]) {
			s--
		}
		if s > 0 && strings.EqualFold(words[s-1], "of") {
			via, end = &cs[j], s-1
		}
	}
	st, _, ok := lx.gaz.TitleBefore(words, end)
	if ok {
		st, ok = lx.titleOutside(cs, i, words, st, end)
	}
	if !ok && via == nil {
		if c.end+1 < len(words) && words[c.end] == "," {
			j := c.end + 1
			if determiner(words[j]) {
				j++
			}
			if n, _ := lx.gaz.TitleAt(words, j); n > 0 {
				c.set("title", gazetteer.JoinWords(words[j:j+n]))
			}
		}
		return
	}
	if !ok {
		return
	}
	if c.attrs["title"] == "" {
		c.set("title", gazetteer.JoinWords(words[st:end]))
	}
	country := ""
	if via != nil {
		country = via.attrs["country"]
	}
	if country == "" && st > 0 {
		if p, ok := lx.gaz.Demonym(words[st-1]); ok {
			country = lx.countryOf(p)
		} else if j := candEndingAt(cs, st); j >= 0 {
			country = cs[j].attrs["country"]
		}
	}
	c.set("country", country)
}

// titleOutside moves the start st of a title ending at end past any other
// kept name that covers part of it ("Energy" of "[Danish Energy] Chief
// Executive" belongs to the company), and reports whether a title remains.
func (lx *Stage) titleOutside(cs []cand, i int, words []string, st, end int) (int, bool) {
	moved := false
	for j := range cs {
		if j != i && !cs[j].drop && cs[j].start < end && cs[j].end > st && cs[j].start < cs[j].end {
			st, moved = cs[j].end, true
		}
	}
	if !moved {
		return st, true
	}
	if st >= end {
		return st, false
	}
	n, _ := lx.gaz.TitleAt(words[:end], st)
	return st, n == end-st
}

// candEndingAt returns the index of the kept candidate that ends at token
// end, or -1.
func candEndingAt(cs []cand, end int) int {
	for j := range cs {
		if !cs[j].drop && cs[j].end == end && cs[j].start < end {
			return j
		}
	}
	return -1
}

func determiner(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an":
		return true
	}
	return false
}
