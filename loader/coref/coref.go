package coref

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// Resolve fills d.Entities and sets Mention.Entity for every mention, adding
// nominal mentions for the descriptions it resolves. It sorts d.Mentions in
// text order; run it before relation extraction, which refers to mentions
// by index.
func (lx *Stage) Resolve(d *text.Doc) { _ = lx.ResolveContext(context.Background(), d) }

// ResolveContext is Resolve that checks ctx between its sieves and returns
// ctx.Err() when it ends first (d is then incomplete).
func (lx *Stage) ResolveContext(ctx context.Context, d *text.Doc) error {
	r := &resolver{lx: lx, d: d}
	r.init()
	for _, sieve := range []func(){
		r.parenAcronyms,
		r.exact,
		r.plurals,
		r.retypeAcronyms,
		r.gazetteerNames,
		r.initials,
		r.countryOrgs,
		r.headMatch,
		r.nameParts,
		r.firstWords,
		r.nameParts, // again, for people whom first words made persons
		r.descriptions,
		r.pronouns,
	} {
		if err := ctx.Err(); err != nil {
			return err
		}
		sieve()
	}
	r.build()
	return nil
}

// mention is what the sieves know about one mention.
type mention struct {
	words []string // tokens as written
	low   []string // lower-case tokens without lone hyphens
	norm  string   // normalised name, full stops removed
	canon string   // gazetteer name, normalised ("" when unknown)
	abbr  string   // the mention as an acronym ("UNICEF"), "" if it is not one
}

// resolver holds the clusters (a union-find over mentions, each root
// listing its members) and the indexes that keep every sieve close to
// linear in the number of mentions: documents may run to megabytes.
type resolver struct {
	lx      *Stage
	d       *text.Doc
	ms      []mention
	parent  []int
	members map[int][]int  // root -> the mentions of its cluster
	spans   map[[3]int]int // sentence, start, end -> mention
	first   map[int][2]int // root -> sentence and end of its first named mention (descriptions)
	why     map[int]string // mention -> the sieve that joined it to its entity
	defined map[string]int // normalised acronym defined in parentheses -> its mention
	reason  []string       // why, by mention index once build has sorted them
	short   map[int]bool   // mentions of a short form the first-words sieve joined to a longer name (describe: a MISC or place one does not vote on the type)
	isShort []bool         // short, by mention index once build has sorted them
}

func (r *resolver) init() {
	r.ms = r.ms[:0]
	r.parent = r.parent[:0]
	r.members = map[int][]int{}
	r.spans = map[[3]int]int{}
	r.why = map[int]string{}
	r.short = map[int]bool{}
	for i := range r.d.Mentions {
		r.add(i)
	}
}

// add registers d.Mentions[i] (a new mention gets its own cluster).
func (r *resolver) add(i int) {
	m := r.d.Mentions[i]
	toks := r.d.Sentences[m.Sent].Tokens[m.Start:m.End]
	mi := mention{words: make([]string, 0, len(toks))}
	for _, t := range toks {
		mi.words = append(mi.words, t.Text)
	}
	if n := m.Name; n != "" { // the name within the span, without a title or possessive
		mi.words = strings.Fields(n)
	}
	for k, w := range mi.words {
		if w == "-" || (k == 0 && len(mi.words) > 1 && strings.EqualFold(w, "the")) {
			continue // "The Fund" is matched as "Fund"
		}
		mi.low = append(mi.low, strings.ToLower(w))
	}
	name := gazetteer.JoinWords(mi.words)
	mi.norm = strings.TrimPrefix(norm(name), "the ")
	mi.canon = norm(m.Canonical)
	mi.abbr = acronym(name)
	r.ms = append(r.ms, mi)
	r.parent = append(r.parent, i)
	r.members[i] = []int{i}
	if _, ok := r.spans[[3]int{m.Sent, m.Start, m.End}]; !ok {
		r.spans[[3]int{m.Sent, m.Start, m.End}] = i
	}
}

func norm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(graph.NormalizeName(s), ".", "")), " ")
}

// acronym returns s without full stops when it is written as an acronym:
// 2 to 8 letters (digits and hyphens allowed), at least two of them
// capitals and no lower-case letter after the first two characters
// ("UNICEF", "U.N.", "IsDB" is not).
func acronym(s string) string {
	s = strings.ReplaceAll(s, ".", "")
	if strings.ContainsAny(s, " ") {
		return ""
	}
	upper, n := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			return ""
		case unicode.IsDigit(r) || r == '-' || r == '&':
		default:
			return ""
		}
		n++
	}
	if upper < 2 || n > 8 {
		return ""
	}
	return s
}

func (r *resolver) find(i int) int {
	for r.parent[i] != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = r.parent[i]
	}
	return i
}

func (r *resolver) union(a, b int) {
	a, b = r.find(a), r.find(b)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	r.parent[b] = a // the earlier mention stays the root
	r.members[a] = append(r.members[a], r.members[b]...)
	delete(r.members, b)
}

// maxScan bounds how many members of one cluster a sieve looks at when it
// asks what the cluster is (a person? which words does it have?). A news
// document's largest cluster has a few dozen mentions; a roster repeating
// a few names thousands of times would make every such question cost the
// cluster's size, and the sieves quadratic in the document.
const maxScan = 256

// scan returns the members of the cluster of root that the sieves look
// at: the first maxScan.
func (r *resolver) scan(root int) []int {
	m := r.members[root]
	if len(m) > maxScan {
		return m[:maxScan]
	}
	return m
}

// sameName is the reason exact matching gives; resolution leaves it out.
const sameName = "same name"

// Reasons of the sieves whose short forms may be document-local (see
// localForms).
const (
	reasonCountry = "same organisation of the country"
	reasonHead    = "head noun"
	reasonFirst   = "first words"
)

// link merges the clusters of mentions i and j and records, on each that
// has none yet, the sieve that linked them, for the entity's "resolution"
// attribute.
func (r *resolver) link(i, j int, why string) {
	if r.find(i) == r.find(j) {
		return
	}
	for _, k := range []int{i, j} {
		if w := r.why[k]; w == "" || w == sameName {
			r.why[k] = why
		}
	}
	r.union(i, j)
}

func (r *resolver) typ(i int) graph.EntityType { return r.d.Mentions[i].Type }

// group is a coarse class of types that may share a cluster.
func group(t graph.EntityType) int {
	switch t {
	case graph.Person:
		return 1
	case graph.NORP:
		return 2
	case graph.Location:
		return 3
	default: // organisations, events, initiatives, misc
		return 4
	}
}

func (r *resolver) tokens(sent int) []text.Token { return r.d.Sentences[sent].Tokens }

// parenAcronyms merges a name with the acronym written in parentheses right
// after it, adding a mention for the acronym when NER missed it. An
// acronym whose letters are the name's initials — in order, the first
// word's first, skipping function words and at most half the others:
// "Swedish International Development Cooperation Agency (Sida)" — is also
// linked when it is written like a word ("Sida", "Nato") and whatever NER
// labelled it, and takes the name's type; so do the later bare mentions of
// it that exact matching joins (see retypeAcronyms).
func (r *resolver) parenAcronyms() {
	n := len(r.d.Mentions)
	for i := 0; i < n; i++ {
		m := r.d.Mentions[i]
		toks := r.tokens(m.Sent)
		if group(m.Type) == 1 || group(m.Type) == 2 || m.End+2 >= len(toks) ||
			toks[m.End].Text != "(" || toks[m.End+2].Text != ")" || len(r.ms[i].low) < 2 {
			continue
		}
		tok := toks[m.End+1].Text
		a, letters := acronym(tok), strings.ReplaceAll(tok, ".", "")
		spelled := initialsMatch(r.ms[i].words, strings.ToUpper(letters))
		if !spelled && (a == "" || !strings.EqualFold(a[:1], r.ms[i].low[0][:1])) {
			continue
		}
		if a == "" && !wordAcronym(tok) {
			continue
		}
		j := r.mentionAt(m.Sent, m.End+1, m.End+2)
		if j < 0 && len(letters) < 3 {
			continue // "(IN)": too short to add as a name on this evidence alone
		}
		if j < 0 {
			r.d.Mentions = append(r.d.Mentions, text.Mention{Sent: m.Sent, Start: m.End + 1, End: m.End + 2,
				Label: m.Label, Type: m.Type, Attrs: map[string]string{}, Canonical: m.Canonical, Entity: -1})
			j = len(r.d.Mentions) - 1
			r.add(j)
		} else if group(r.typ(j)) == 1 && !spelled {
			continue
		}
		if spelled && r.typ(j) != m.Type {
			r.retype(j, m)
		}
		if spelled {
			if r.defined == nil {
				r.defined = map[string]int{}
			}
			if _, ok := r.defined[r.ms[j].norm]; !ok {
				r.defined[r.ms[j].norm] = j
			}
		}
		r.link(j, i, "acronym in parentheses")
	}
}

// retype gives mention j the type of the name it abbreviates, dropping
// what its old type said about it (a place's kind and country).
func (r *resolver) retype(j int, name text.Mention) {
	mj := &r.d.Mentions[j]
	mj.Type = name.Type
	attrs := map[string]string{}
	for k, v := range mj.Attrs {
		switch k {
		case "kind", "country", "place":
		default:
			attrs[k] = v
		}
	}
	mj.Attrs = attrs
	mj.Canonical = name.Canonical
	r.ms[j].canon = norm(mj.Canonical)
}

// retypeAcronyms gives the other mentions of an acronym defined in
// parentheses, once exact matching has joined them to it, its type: a
// later "Sida" NER took for a place is the agency.
func (r *resolver) retypeAcronyms() {
	if len(r.defined) == 0 {
		return
	}
	for i := range r.ms {
		j, ok := r.defined[r.ms[i].norm]
		if !ok || i == j || r.find(i) != r.find(j) || r.typ(i) == r.typ(j) || r.d.Mentions[i].Nominal {
			continue
		}
		r.retype(i, r.d.Mentions[j])
	}
}

// wordAcronym reports whether w is written like a word but may be an
// acronym: 3 to 8 letters, a capital first and lower case after it
// ("Sida", "Nato", "Unicef").
func wordAcronym(w string) bool {
	n := 0
	for k, c := range w {
		if !unicode.IsLetter(c) || (k == 0) != unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 3 && n <= 8
}

// initialsMatch reports whether the letters of a (upper case) are the
// initials of the name's words in order (an all-capital word gives all its
// letters), starting with the first word that is no function word and
// skipping function words and at most half of the others.
func initialsMatch(words []string, a string) bool {
	if len(a) < 2 {
		return false
	}
	content, skipped, started := 0, 0, false
	for _, w := range words {
		if w == "-" || w == "(" || w == ")" || possessiveMark(w) {
			continue
		}
		stop := initialStop[strings.ToLower(w)]
		if !stop {
			content++
		}
		unit := acronym(w)
		if unit == "" {
			c, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLetter(c) {
				return false
			}
			unit = string(unicode.ToUpper(c))
		}
		if a != "" && strings.HasPrefix(a, unit) && (started || !stop) {
			a, started = a[len(unit):], true
			continue
		}
		if !started && !stop {
			return false // the first word gives the first letter
		}
		if !stop {
			skipped++
		}
	}
	return a == "" && skipped*2 <= content
}

func possessiveMark(w string) bool {
	switch w {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}

// mentionAt returns the mention covering exactly [start, end) of sentence
// sent, or -1.
func (r *resolver) mentionAt(sent, start, end int) int {
	if i, ok := r.spans[[3]int{sent, start, end}]; ok {
		return i
	}
	return -1
}

// exact merges mentions with the same normalised name, whatever NER
// labelled them (one string names one thing within a news article; the
// entity's type is then voted), keeping groups (NORP) apart.
func (r *resolver) exact() {
	first := map[string]int{}
	for i, m := range r.ms {
		k := m.norm
		if group(r.typ(i)) == 2 {
			k = "\x00" + k
		}
		if j, ok := first[k]; ok {
			r.link(i, j, sameName)
		} else {
			first[k] = i
		}
	}
}

// plurals merges a name with its plural or singular written elsewhere
// ("Golden Globe" and "Golden Globes", "Olympic" and "Olympics") and the
// words for one people ("Italian", "Italians"; "British", "Briton": one
// place the demonyms name). A person is never joined so: a plural of a
// surname is a family ("the Clintons"), and "Williams" is no plural of
// "William".
func (r *resolver) plurals() {
	bySingular := map[string][]int{}
	byPlace := map[string]int{}
	for i, m := range r.ms {
		at := r.d.Mentions[i]
		if at.Nominal || m.abbr != "" {
			continue
		}
		if p := at.Attrs["place"]; p != "" && group(at.Type) == 2 {
			if j, ok := byPlace[p]; ok {
				r.link(i, j, "same people")
			} else {
				byPlace[p] = i
			}
			continue
		}
		if k, ok := singular(m.norm); ok {
			bySingular[k] = append(bySingular[k], i)
		}
	}
	if len(bySingular) == 0 {
		return
	}
	for i, m := range r.ms {
		at := r.d.Mentions[i]
		plural := bySingular[m.norm]
		if at.Nominal || len(plural) == 0 || at.Type == graph.Person {
			continue
		}
		for _, j := range plural {
			if r.typ(j) == graph.Person || group(at.Type) == 2 != (group(r.typ(j)) == 2) {
				continue
			}
			r.link(i, j, "plural")
		}
	}
}

// singular returns a normalised name without the plural ending of its
// last word ("golden globes" -> "golden globe", "tories" -> "tory"), and
// whether it had one.
func singular(n string) (string, bool) {
	if len(n) < 5 || !strings.HasSuffix(n, "s") || strings.HasSuffix(n, "ss") || strings.HasSuffix(n, "'s") {
		return "", false
	}
	last := n[strings.LastIndexByte(n, ' ')+1:]
	if len(last) < 4 {
		return "", false
	}
	if strings.HasSuffix(last, "ies") && len(last) > 4 {
		return n[:len(n)-3] + "y", true
	}
	return n[:len(n)-1], true
}

// gazetteerNames merges mentions the gazetteers know as one place or
// organisation.
func (r *resolver) gazetteerNames() {
	first := map[string]int{}
	for i, m := range r.ms {
		if m.canon == "" || group(r.typ(i)) == 1 || group(r.typ(i)) == 2 {
			continue
		}
		k := string(r.typ(i)[:1]) + m.canon
		if r.typ(i) != graph.Location {
			k = "O" + m.canon
		}
		if j, ok := first[k]; ok {
			r.link(i, j, "gazetteer")
		} else {
			first[k] = i
		}
	}
}

// stop words that initials skip.
var initialStop = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "to": true, "&": true, "at": true,
	// the same words in the languages of many European institutions' names
	// ("Banca Nazionale del Lavoro" is BNL, "Deutsche Gesellschaft für
	// Internationale Zusammenarbeit" GIZ)
	"de": true, "la": true, "le": true, "les": true, "du": true, "des": true, "del": true, "della": true,
	"dei": true, "di": true, "e": true, "et": true, "y": true, "da": true, "do": true, "dos": true,
	"der": true, "die": true, "das": true, "für": true, "und": true, "van": true, "voor": true, "en": true,
}

// initialsOf returns the acronym a multi-word name makes: the first letter
// of each word (an all-capital word gives all its letters: "UN Development
// Programme" -> "UNDP"), with and without its stop words.
func initialsOf(words []string) (without, with string) {
	var a, b strings.Builder
	for _, w := range words {
		if w == "-" || w == "(" || w == ")" {
			continue
		}
		part := w
		if acronym(w) == "" {
			r, _ := utf8.DecodeRuneInString(w)
			part = string(unicode.ToUpper(r))
		} else {
			part = acronym(w)
		}
		b.WriteString(strings.ToUpper(part))
		if !initialStop[strings.ToLower(w)] {
			a.WriteString(strings.ToUpper(part))
		}
	}
	return a.String(), b.String()
}

// initials merges an acronym with the one cluster whose full name it
// abbreviates.
func (r *resolver) initials() {
	byInitials := map[string][]int{}
	for j, n := range r.ms {
		if len(n.words) < 2 || group(r.typ(j)) == 1 || group(r.typ(j)) == 2 {
			continue
		}
		x, y := initialsOf(n.words)
		byInitials[x] = append(byInitials[x], j)
		if y != x {
			byInitials[y] = append(byInitials[y], j)
		}
	}
	for i, m := range r.ms {
		if m.abbr == "" || group(r.typ(i)) != 4 && group(r.typ(i)) != 3 {
			continue
		}
		target := -1
		for _, j := range byInitials[strings.ReplaceAll(m.abbr, "-", "")] {
			if target >= 0 && r.find(target) != r.find(j) {
				target = -2
				break
			}
			target = j
		}
		if target >= 0 {
			r.link(i, target, "initials")
		}
	}
}

// countryOrgs merges organisations tied to the same country whose names
// without the country are equal ("Latvian Foreign Ministry", "Latvia's
// Foreign Ministry"), and an untied one with the only tied one of its name.
func (r *resolver) countryOrgs() {
	type key struct{ country, core string }
	tied := map[key]int{}
	byCore := map[string][]int{}
	for i := range r.ms {
		if r.typ(i) != graph.Organization || r.ms[i].canon != "" {
			continue
		}
		c := r.d.Mentions[i].Attrs["country"]
		core := r.core(i)
		if c == "" || core == "" {
			continue
		}
		k := key{c, core}
		if j, ok := tied[k]; ok {
			r.link(i, j, reasonCountry)
		} else {
			tied[k] = i
			byCore[core] = append(byCore[core], i)
		}
	}
	for i := range r.ms {
		if r.typ(i) != graph.Organization || r.d.Mentions[i].Attrs["country"] != "" {
			continue
		}
		if c := byCore[r.ms[i].norm]; len(c) == 1 {
			r.link(i, c[0], reasonCountry)
		}
	}
}

// core returns an organisation's name without the country or demonym at
// its front or "of <country>" at its end, normalised: "foreign ministry",
// "government" (of "Government of Latvia").
func (r *resolver) core(i int) string {
	w := r.ms[i].words
	for k := len(w) - 2; k >= 1; k-- {
		if strings.EqualFold(w[k], "of") {
			if p, ok := r.lx.gaz.FindPlace(strings.Join(w[k+1:], " ")); ok && p.Kind == "country" {
				w = w[:k]
			}
			break
		}
	}
	if len(w) == 1 {
		return norm(w[0])
	}
	for k := min(3, len(w)-1); k >= 1; k-- {
		front := strings.Join(w[:k], " ")
		if _, ok := r.lx.gaz.Demonym(front); ok {
			return norm(gazetteer.JoinWords(w[k:]))
		}
		if p, ok := r.lx.gaz.FindPlace(front); ok && p.Kind == "country" {
			return norm(gazetteer.JoinWords(w[k:]))
		}
	}
	return r.ms[i].norm
}

// words returns the set of lower-case words of a cluster's mentions, their
// gazetteer names and those names' acronyms, and the name and acronyms of
// the organisation each belongs to ("un" of UNICEF, "eu" of the European
// Commission).
func (r *resolver) words(members []int) map[string]bool {
	out := map[string]bool{}
	for _, i := range members {
		if r.d.Mentions[i].Nominal {
			continue
		}
		for _, w := range r.ms[i].low {
			out[w] = true
		}
		if c := r.d.Mentions[i].Canonical; c != "" {
			for _, w := range strings.Fields(strings.ToLower(c)) {
				out[w] = true
			}
			if o, ok := r.lx.gaz.FindOrg(c); ok {
				addOrgWords(out, o, false)
				if p, ok := r.lx.gaz.FindOrg(o.Parent); ok && o.Parent != "" {
					addOrgWords(out, p, true) // "the EU Commission", "the UN Agency"
				}
			}
		}
	}
	return out
}

// addOrgWords adds to words the lower-case acronyms of o, with and without
// full stops, and with name set the words of its name.
func addOrgWords(words map[string]bool, o gazetteer.Org, name bool) {
	for _, a := range o.Acronyms {
		a = strings.ToLower(a)
		words[a] = true
		words[strings.ReplaceAll(a, ".", "")] = true
	}
	if name {
		for _, w := range strings.Fields(strings.ToLower(o.Name)) {
			words[w] = true
		}
	}
}

// headMatch merges a name with the one other cluster of organisations,
// events and the like that it ends ("Summit" of "Regional Water
// Summit"), or whose words include all of its words with the same head.
func (r *resolver) headMatch() {
	byHead := map[string][]int{} // last word -> named mentions of the group
	for j, n := range r.ms {
		if group(r.typ(j)) == 4 && !r.d.Mentions[j].Nominal && len(n.low) > 0 {
			byHead[n.low[len(n.low)-1]] = append(byHead[n.low[len(n.low)-1]], j)
		}
	}
	words := map[int]map[string]bool{} // root -> words of its cluster, until it grows
	for i, m := range r.ms {
		if group(r.typ(i)) != 4 || m.abbr != "" || len(m.low) == 0 {
			continue
		}
		if _, ok := r.lx.gaz.FindPlace(m.norm); ok {
			continue // "Leicester" the club is not "BBC Radio Leicester"
		}
		target := -1
		seen := map[int]bool{r.find(i): true}
		for _, j := range byHead[m.low[len(m.low)-1]] {
			root := r.find(j)
			if seen[root] || group(r.typ(root)) != 4 {
				continue
			}
			seen[root] = true
			if !r.headFits(i, m, root, words) {
				continue
			}
			if target >= 0 {
				target = -2
				break
			}
			target = root
		}
		if target >= 0 {
			delete(words, target)
			delete(words, r.find(i))
			r.link(i, target, reasonHead)
		}
	}
}

// headFits reports whether mention m (index i) can be a short form of the
// cluster members: a longer name of the cluster, written before it, ends
// with m, or has m's last word as its last word and contains all of m's
// words; gazetteer names must not disagree. A short form refers back: a
// "Democratic Party" before any "Social Democratic Party" is another party.
func (r *resolver) headFits(i int, m mention, root int, cache map[int]map[string]bool) bool {
	head := m.low[len(m.low)-1]
	at := r.d.Mentions[i]
	for _, j := range r.scan(root) {
		n := r.ms[j]
		if r.d.Mentions[j].Nominal || len(n.low) <= len(m.low) || n.low[len(n.low)-1] != head {
			continue
		}
		if b := r.d.Mentions[j]; b.Sent > at.Sent || (b.Sent == at.Sent && b.Start > at.Start) {
			continue
		}
		if m.canon != "" && n.canon != "" && m.canon != n.canon {
			return false
		}
		if len(m.low) == 1 && hasFunctionWord(n.low) && r.lx.gaz.IsNORP(m.norm) {
			continue // "Labour" the party is not "Institute for the Study of Labour"
		}
		if suffix(n.low, m.low) {
			return true
		}
		all, ok := cache[root]
		if !ok {
			all = r.words(r.scan(root))
			cache[root] = all
		}
		ok = true
		for _, w := range m.low {
			ok = ok && all[w]
		}
		if ok {
			return true
		}
	}
	return false
}

func suffix(long, short []string) bool {
	off := len(long) - len(short)
	for k, w := range short {
		if long[off+k] != w {
			return false
		}
	}
	return true
}

// nameParts merges a person's partial name ("Ozols") with the only person
// whose fuller name contains it.
func (r *resolver) nameParts() {
	byWord := map[string][]int{} // word -> named multi-word PERSON mentions holding it
	for j, n := range r.ms {
		if len(n.low) < 2 || r.d.Mentions[j].Nominal || (r.typ(j) != graph.Person && !r.personCluster(r.find(j))) {
			continue
		}
		for _, w := range n.low {
			byWord[w] = append(byWord[w], j)
		}
	}
	r.surnames(byWord)
	for i, m := range r.ms {
		if len(m.low) != 1 || r.d.Mentions[i].Nominal {
			continue
		}
		person := r.typ(i) == graph.Person
		if !person && (m.canon != "" || m.abbr != "" || group(r.typ(i)) == 2) {
			continue
		}
		if r.typ(i) == graph.Organization && r.knownCompany(m) {
			continue // "Ford" tagged ORG is the company, not Bill Ford
		}
		target := -1
		seen := map[int]bool{r.find(i): true}
		for _, j := range byWord[m.low[0]] {
			root := r.find(j)
			if seen[root] || (r.typ(root) != graph.Person && !r.personCluster(root)) {
				continue
			}
			seen[root] = true
			// "Mr Howard" names a surname, never Howard Flight; "Sir
			// Edwin" names a first name (a knight or dame is called by it).
			hon := strings.ToLower(r.d.Mentions[i].Honorific)
			anyPart := person && (hon == "" || hon == "sir" || hon == "dame")
			if !r.namePartOf(m.low[0], r.scan(root), anyPart) {
				continue
			}
			if target >= 0 {
				target = -2
				break
			}
			target = root
		}
		if target < 0 {
			continue
		}
		if !person {
			own := r.scan(r.find(i))
			same := true
			for _, j := range own {
				same = same && r.ms[j].norm == m.norm
			}
			if !same {
				continue // other names in its cluster say what it is
			}
			for _, j := range own {
				if r.d.Mentions[j].Modifier == "" { // "pre-Castro" stays an adjective
					r.d.Mentions[j].Type = graph.Person
				}
			}
		}
		r.link(i, target, "name part")
	}
}

// knownCompany reports whether the company table lists m's name, also
// when the name is a person's too ("Ford", "Dell"): NER's ORG and the
// table together outweigh a person of that surname in the document.
func (r *resolver) knownCompany(m mention) bool {
	_, _, ok := r.lx.gaz.FindCompany(gazetteer.JoinWords(m.words))
	return ok
}

// surnames merges a person named by a surname of several words ("Mrs Holm
// Lind", "Holm Lind", "da Costa") with the only person whose longer name
// ends in those words ("Greta Holm Lind"). byWord indexes the multi-word
// person mentions by their words.
func (r *resolver) surnames(byWord map[string][]int) {
	for i, m := range r.ms {
		at := r.d.Mentions[i]
		if len(m.low) < 2 || at.Nominal || at.Type != graph.Person {
			continue
		}
		target := -1
		for _, j := range byWord[m.low[len(m.low)-1]] {
			root := r.find(j)
			if root == r.find(i) || root == target || len(r.ms[j].low) <= len(m.low) || !suffix(r.ms[j].low, m.low) {
				continue
			}
			if target >= 0 {
				target = -2
				break
			}
			target = root
		}
		if target >= 0 {
			r.link(i, target, "name part")
		}
	}
}

// personCluster reports whether most named mentions of the cluster rooted
// at root are PERSON mentions: "Charlie Bell" tagged ORG once and
// "Charlie" tagged PER three times, which the first-words sieve joined,
// is a person whose surname "Mr Bell" then joins.
func (r *resolver) personCluster(root int) bool {
	people, named := 0, 0
	for _, j := range r.scan(root) {
		if r.d.Mentions[j].Nominal {
			continue
		}
		named++
		if r.typ(j) == graph.Person {
			people++
		}
	}
	return people*2 > named
}

// namePartOf reports whether word is a word of a longer name among members
// (for a mention typed otherwise, only the last word: the surname).
func (r *resolver) namePartOf(word string, members []int, anyPart bool) bool {
	for _, j := range members {
		n := r.ms[j].low
		if len(n) < 2 || r.d.Mentions[j].Nominal {
			continue
		}
		if n[len(n)-1] == word {
			return true
		}
		if anyPart {
			for _, w := range n[:len(n)-1] {
				if w == word {
					return true
				}
			}
		}
	}
	return false
}

// genericFirst are words that begin the names of many organisations
// without naming any of them on their own ("National" of "National Grid").
var genericFirst = map[string]bool{
	"national": true, "international": true, "united": true, "new": true, "general": true, "royal": true,
	"federal": true, "central": true, "first": true, "global": true, "world": true, "american": true,
	"european": true, "state": true, "people": true, "peoples": true, "people's": true, "public": true,
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "great": true, "grand": true, "old": true, "free": true,
	"social": true, "democratic": true, "liberal": true, "labour": true, "republican": true,
	"islamic": true, "christian": true, "arab": true, "african": true, "asian": true, "union": true,
	"bank": true, "university": true, "city": true, "county": true, "saint": true, "st": true, "the": true,
}

// namedAfter are the heads of names of institutions and places called
// after a place, person or club: "Darlington Council", "Celtic Park",
// "Cranfield University", "Butler Inquiry" are not what "Darlington",
// "Celtic", "Cranfield" or "Butler" alone name.
var namedAfter = map[string]bool{
	"council": true, "county": true, "university": true, "college": true, "school": true, "park": true,
	"stadium": true, "inquiry": true, "report": true, "hotel": true, "prison": true, "hospital": true,
	"airport": true, "museum": true, "station": true, "commission": true, "committee": true,
	"government": true, "police": true, "state": true, "city": true, "foundation": true, "award": true,
	"awards": true, "prize": true, "trophy": true, "cup": true,
}

// firstWords merges a short name with the one organisation whose longer
// name starts with its words ("Nordvik" of "Nordvik Energy": news names a
// company in full, then by its first word). The short name must be no
// group, no name the gazetteers know (a known place name is
// never the short form of an organisation: "Sweden" is not "Sweden
// Democrats") and begin with no title word; its cluster holds only that
// name; and exactly one organisation cluster may fit. A short name that
// begins with a word that begins many names ("United", "New"), a
// demonym or a place is short only for a name that adds a legal form
// ("United Biscuits" of "United Biscuits Plc", "Gulf Canada" of "Gulf
// Canada Corp"). A party's or group's name is short only
// for a name ending in "Party" ("Green" of "Green Party", not of "Green
// Harbour Logistics"). The longer name must go on with a
// capitalised word and hold no word of an institution named after
// something ("Darlington Council"). Measured on the BBC news corpus, a
// short name NER took for a place is mostly a place the gazetteers lack
// ("Texas" of "Texas Instruments", "Essex" of "Essex County Council"), and
// one it labelled MISC a format or product named after the organisation
// ("Blu-ray" of "Blu-ray Disc Association", "Windows" of "Windows XP"):
// such a name, and an acronym, is short only for a name that adds
// nothing but a legal form, after at most one corporate word
// (gazetteer.CompanySuffix: "Minebea" of "Minebea Co Ltd", "NCR" of "NCR
// Corp", "UFJ" of "UFJ Holdings", the capitals of a wire headline), and
// never a state's name.
func (r *resolver) firstWords() {
	byFirst := map[string][]int{} // first word -> named multi-word ORGANIZATION mentions
	for j, n := range r.ms {
		if r.typ(j) == graph.Organization && len(n.low) >= 2 && !r.d.Mentions[j].Nominal {
			byFirst[n.low[0]] = append(byFirst[n.low[0]], j)
		}
	}
	for i, m := range r.ms {
		at := r.d.Mentions[i]
		if len(m.low) == 0 || at.Nominal || m.canon != "" || group(r.typ(i)) == 2 ||
			at.Honorific != "" || at.Attrs["title"] != "" ||
			(group(r.typ(i)) == 4 && r.typ(i) != graph.Organization && r.typ(i) != graph.Misc && r.modifier(at)) {
			continue
		}
		ok, legalOnly := r.shortFormWords(m)
		if !ok {
			continue
		}
		// An acronym, a name NER took for a place and one it labelled
		// MISC are short only for a name that adds nothing but a legal
		// form ("MCA" of "MCA Inc", "Minebea" of "Minebea Co Ltd").
		legalOnly = legalOnly || m.abbr != "" || r.typ(i) == graph.Location || r.typ(i) == graph.Misc
		if _, ok := r.lx.gaz.FindSubdivision(m.norm); ok && legalOnly {
			continue
		}
		cands := byFirst[m.low[0]]
		if len(cands) == 0 {
			continue
		}
		party := r.lx.gaz.IsNORP(m.norm) // "Green" is short for "Green Party" only
		own := r.scan(r.find(i))
		same := true
		for _, j := range own {
			same = same && r.ms[j].norm == m.norm
		}
		if !same {
			continue // other names in its cluster say what it is
		}
		target := -1
		seen := map[int]bool{r.find(i): true}
		for _, j := range cands {
			n := r.ms[j]
			if len(n.low) <= len(m.low) || !prefix(n.low, m.low) || !restOfName(n.words, len(m.low)) ||
				(party && n.low[len(n.low)-1] != "party") || (legalOnly && !gazetteer.CompanySuffix(n.low[len(m.low):])) {
				continue
			}
			root := r.find(j)
			if seen[root] {
				continue
			}
			seen[root] = true
			if !r.allOrgs(root) {
				continue // a cluster that also names a place or person is no company to abbreviate
			}
			if target >= 0 {
				target = -2
				break
			}
			target = root
		}
		if target >= 0 {
			r.link(i, target, reasonFirst)
			for _, j := range own {
				r.short[j] = true
			}
		}
	}
}

// shortFormWords reports whether a name's words can be an organisation's
// short form (ok): it is no title word's or honorific's and no known
// place. A name whose first word is a generic word, a demonym or a place
// ("United Biscuits", "American Express", "Gulf Canada") is short only for
// a name that adds nothing but a legal form (legalOnly: "United Biscuits
// Corp"), as it may begin many names.
func (r *resolver) shortFormWords(m mention) (ok, legalOnly bool) {
	w := m.low[0]
	if r.lx.gaz.TitleWord(w) || r.lx.gaz.Honorific(w) {
		return false, false
	}
	if _, ok := r.lx.gaz.FindPlace(m.norm); ok {
		return false, false
	}
	_, demonym := r.lx.gaz.Demonym(w)
	_, place := r.lx.gaz.FindPlace(w)
	return true, genericFirst[w] || demonym || place
}

// allOrgs reports whether every named mention of a cluster is an
// organisation, event or the like.
func (r *resolver) allOrgs(root int) bool {
	for _, j := range r.scan(root) {
		if !r.d.Mentions[j].Nominal && group(r.typ(j)) != 4 {
			return false
		}
	}
	return true
}

// restOfName reports whether the words of a longer name after its first
// k go on like a different thing's own name: a capitalised word first
// (not "of Lords", "& McLennan") and no namedAfter word.
func restOfName(words []string, k int) bool {
	var rest []string
	for _, w := range words {
		if w != "-" && !(len(rest) == 0 && len(words) > 1 && strings.EqualFold(w, "the")) {
			rest = append(rest, w)
		}
	}
	if k >= len(rest) || !unicode.IsUpper(firstRune(rest[k])) {
		return false
	}
	for _, w := range rest[k:] {
		if namedAfter[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

func firstRune(w string) rune {
	c, _ := utf8.DecodeRuneInString(w)
	return c
}

// modifier reports whether a mention is directly followed by a lower-case
// word, as a modifier is ("Internet service").
func (r *resolver) modifier(m text.Mention) bool {
	toks := r.tokens(m.Sent)
	if m.End >= len(toks) {
		return false
	}
	c := firstRune(toks[m.End].Text)
	return unicode.IsLower(c)
}

func prefix(long, short []string) bool {
	for k, w := range short {
		if long[k] != w {
			return false
		}
	}
	return true
}
