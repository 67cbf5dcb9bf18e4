package coref

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// windowSize bounds how far before a person's name its title is looked for.
const windowSize = 16

// personFacts is what the text says next to a person's names: the chain of
// titles and names written right before each name ("UN Deputy
// Secretary-General, UNICEF Executive Director"), an apposition after it,
// the titles refine found, and tied countries.
type personFacts struct {
	windows   [][]string
	countries map[string]bool
}

// descriptions adds nominal mentions for the descriptions a reader resolves
// ("the Executive Director", "the Latvian diplomat", "the Fund"): each joins
// the only earlier entity it can describe.
func (r *resolver) descriptions() {
	covered := r.covered()
	facts := r.personFacts(covered)
	r.first = r.firstNamed()
	heads := r.headIndex()
	for si, s := range r.d.Sentences {
		toks := s.Tokens
		for i := 0; i+1 < len(toks); i++ {
			if !strings.EqualFold(toks[i].Text, "the") || covered[si][i] != 0 {
				continue
			}
			if end, root := r.personDescription(si, i, facts, covered[si]); root >= 0 {
				r.addNominal(si, i, end, root)
				i = end - 1
			} else if end, root := r.orgDescription(si, i, covered[si], heads); root >= 0 {
				r.addNominal(si, i, end, root)
				i = end - 1
			}
		}
	}
}

// covered marks, per sentence and token, the type group of the mention
// covering it (0 when none).
func (r *resolver) covered() [][]int {
	out := make([][]int, len(r.d.Sentences))
	for si, s := range r.d.Sentences {
		out[si] = make([]int, len(s.Tokens))
	}
	for _, m := range r.d.Mentions {
		for k := m.Start; k < m.End; k++ {
			out[m.Sent][k] = group(m.Type)
		}
	}
	return out
}

func (r *resolver) addNominal(sent, start, end, root int) {
	r.d.Mentions = append(r.d.Mentions, text.Mention{Sent: sent, Start: start, End: end,
		Type: r.typ(root), Entity: -1, Nominal: true})
	i := len(r.d.Mentions) - 1
	r.add(i)
	r.link(i, root, "description")
}

// peopleIndex holds the facts of every person cluster, by root, and the
// roots by window word and by tied country.
type peopleIndex struct {
	of        map[int]*personFacts
	byWord    map[string][]int
	byCountry map[string][]int
}

func (r *resolver) personFacts(covered [][]int) *peopleIndex {
	out := map[int]*personFacts{}
	for i, m := range r.d.Mentions {
		if m.Type != graph.Person || m.Nominal {
			continue
		}
		root := r.find(i)
		f := out[root]
		if f == nil {
			f = &personFacts{countries: map[string]bool{}}
			out[root] = f
		}
		toks := r.tokens(m.Sent)
		from := m.Start
		for from > 0 && from > m.Start-windowSize && r.lx.chainToken(toks[from-1].Text) && covered[m.Sent][from-1] != 1 {
			if strings.EqualFold(toks[from-1].Text, "the") && (from < 2 || !strings.EqualFold(toks[from-2].Text, "of")) {
				break // "the prime minister and Mr Brown": only "of the" joins a chain
			}
			from--
		}
		f.windows = append(f.windows, segments(lowerWords(toks[from:m.Start]))...)
		if m.End+1 < len(toks) && toks[m.End].Text == "," {
			start := m.End + 1
			if determiner(toks[start].Text) {
				start++
			}
			end := start
			for end < len(toks) && end < start+windowSize && toks[end].Text != "," && r.lx.chainToken(toks[end].Text) && !possessive(toks[end].Text) {
				end++ // "X, the prime minister's rival": the title is someone else's
			}
			f.windows = append(f.windows, lowerWords(toks[start:end]))
		}
		if t := m.Attrs["title"]; t != "" {
			f.windows = append(f.windows, strings.Fields(strings.ReplaceAll(strings.ToLower(t), "-", " - ")))
		}
		if c := m.Attrs["country"]; c != "" {
			f.countries[c] = true
		}
	}
	idx := &peopleIndex{of: out, byWord: map[string][]int{}, byCountry: map[string][]int{}}
	for root, f := range out {
		seen := map[string]bool{}
		for _, w := range f.windows {
			for _, x := range w {
				if !seen[x] {
					seen[x] = true
					idx.byWord[x] = append(idx.byWord[x], root)
				}
			}
		}
		for c := range f.countries {
			idx.byCountry[c] = append(idx.byCountry[c], root)
		}
	}
	return idx
}

// chainToken reports whether a token can be part of the titles and names
// written before a person's name: a capitalised word, a title word in any
// case, or a joining word ("of", "the", a comma).
func (lx *Stage) chainToken(w string) bool {
	switch strings.ToLower(w) {
	case "of", "the", ",", "-", "'s", "’s", "for":
		return true
	}
	return (text.Capitalised(w) && isWord(w)) || lx.gaz.TitleWord(w)
}

func determiner(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an":
		return true
	}
	return false
}

// segments splits a window at its commas: "UN Deputy Secretary-General,
// UNICEF Executive Director" holds two titles, matched one at a time.
func segments(words []string) [][]string {
	var out [][]string
	start := 0
	for i, w := range words {
		if w == "," {
			if i > start {
				out = append(out, words[start:i])
			}
			start = i + 1
		}
	}
	if start < len(words) {
		out = append(out, words[start:])
	}
	return out
}

func possessive(w string) bool {
	switch w {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}

func lowerWords(toks []text.Token) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, strings.ToLower(t.Text))
	}
	return out
}

// personDescription reads "the [demonym] title-or-person-noun" at token i
// of sentence si and returns its end and the one earlier person it fits,
// or root -1.
func (r *resolver) personDescription(si, i int, facts *peopleIndex, covered []int) (end, root int) {
	toks := r.tokens(si)
	words := make([]string, len(toks))
	for k, t := range toks {
		words[k] = t.Text
	}
	j := i + 1
	country := ""
	if p, ok := r.lx.gaz.Demonym(words[j]); ok && text.Capitalised(words[j]) && j+1 < len(words) {
		if pl, ok := r.lx.gaz.FindPlace(p); ok && pl.Country != "" {
			country = pl.Country
			j++
		}
	}
	n, _ := r.lx.gaz.TitleAt(words, j)
	title := n > 0
	if !title {
		if country == "" || !r.lx.gaz.PersonNoun(words[j]) {
			return 0, -1
		}
		n = 1
	}
	end = j + n
	if end < len(words) && (strings.EqualFold(words[end], "of") || (text.Capitalised(words[end]) && isWord(words[end]))) {
		return 0, -1 // "the President of ...", "the Executive Director Anna Berg"
	}
	for k := j; k < end; k++ {
		if covered[k] != 0 {
			return 0, -1
		}
	}
	want := make([]string, 0, n)
	for _, w := range words[j:end] {
		if w != "-" {
			want = append(want, strings.ToLower(w))
		}
	}
	// Only people whose windows hold the description's last word, or who
	// are tied to its country, can fit.
	var cands []int
	if title {
		cands = facts.byWord[want[len(want)-1]]
	} else {
		cands = facts.byCountry[country]
	}
	root = -1
	for _, cand := range cands {
		f := facts.of[cand]
		if !r.before(cand, si, i) {
			continue
		}
		if country != "" && !f.countries[country] {
			continue
		}
		if title && !r.lx.anySubsequence(f.windows, want) {
			continue
		}
		if root >= 0 {
			return 0, -1
		}
		root = cand
	}
	return end, root
}

// before reports whether the cluster of root has a named mention before
// token tok of sentence sent.
func (r *resolver) before(root, sent, tok int) bool {
	p, ok := r.first[root]
	return ok && (p[0] < sent || (p[0] == sent && p[1] <= tok))
}

// firstNamed returns, per cluster root, the sentence and end token of its
// first named mention.
func (r *resolver) firstNamed() map[int][2]int {
	out := map[int][2]int{}
	for i, m := range r.d.Mentions {
		if m.Nominal {
			continue
		}
		root := r.find(i)
		if p, ok := out[root]; !ok || m.Sent < p[0] || (m.Sent == p[0] && m.End < p[1]) {
			out[root] = [2]int{m.Sent, m.End}
		}
	}
	return out
}

// anySubsequence reports whether the words of a description (want) occur
// in order in one window, without skipping a word that makes the holder
// someone's subordinate ("the prime minister" is not the deputy prime
// minister).
func (lx *Stage) anySubsequence(windows [][]string, want []string) bool {
	for _, w := range windows {
		k := 0
		ok := true
		for p, x := range w {
			if k == len(want) {
				break
			}
			if x == want[k] {
				k++
				// The description's last word must end the title: "the
				// justice" is not the justice minister.
				if k == len(want) && p+1 < len(w) && lx.gaz.TitleWord(w[p+1]) {
					ok = false
				}
			} else if k > 0 || lx.gaz.Subordinate(x) {
				ok = ok && !lx.gaz.Subordinate(x)
			}
		}
		if ok && k == len(want) {
			return true
		}
	}
	return false
}

// orgDescription reads "the" + capitalised words at token i of sentence si
// ("the Fund", "the UN Agency") and returns its end and the one earlier
// organisation-like entity whose head noun and words fit, or root -1.
func (r *resolver) orgDescription(si, i int, covered []int, heads map[string][]int) (end, root int) {
	toks := r.tokens(si)
	end = i + 1
	for end < len(toks) && text.Capitalised(toks[end].Text) && isWord(toks[end].Text) {
		if covered[end] != 0 {
			return 0, -1
		}
		end++
	}
	if end == i+1 || (end < len(toks) && strings.EqualFold(toks[end].Text, "of")) {
		return 0, -1
	}
	words := lowerWords(toks[i+1 : end])
	head := words[len(words)-1]
	if r.lx.gaz.PersonNoun(head) || calendar[head] {
		return 0, -1
	}
	root = -1
	// "the TV" is no short form of "Sky TV"; "the LTA" is of an "LTA".
	abbrev := end == i+2 && acronym(toks[i+1].Text) != ""
	for _, cand := range heads[head] {
		if group(r.typ(cand)) != 4 || r.typ(cand) == graph.Misc || !r.before(cand, si, i) {
			continue
		}
		if abbrev && !r.hasName(cand, head) {
			continue
		}
		all := r.words(r.scan(cand))
		ok := true
		for _, w := range words {
			ok = ok && all[w]
		}
		if !ok {
			continue
		}
		if root >= 0 {
			return 0, -1
		}
		root = cand
	}
	return end, root
}

// calendar words are capitalised without naming anything ("the February
// figures").
var calendar = text.Set(text.Months, text.Weekdays)

// hasName reports whether the cluster of root has a named mention whose
// normalised name is name.
func (r *resolver) hasName(root int, name string) bool {
	for _, j := range r.scan(root) {
		if !r.d.Mentions[j].Nominal && r.ms[j].norm == name {
			return true
		}
	}
	return false
}

// headIndex lists, per head noun, the clusters with a named mention or a
// gazetteer name that ends with it.
func (r *resolver) headIndex() map[string][]int {
	out := map[string][]int{}
	type key struct {
		head string
		root int
	}
	seen := map[key]bool{}
	note := func(head string, root int) {
		k := key{head, root}
		if head != "" && !seen[k] {
			seen[k] = true
			out[head] = append(out[head], root)
		}
	}
	for j, m := range r.ms {
		if r.d.Mentions[j].Nominal {
			continue
		}
		root := r.find(j)
		if len(m.low) > 0 {
			note(m.low[len(m.low)-1], root)
		}
		if c := strings.Fields(m.canon); len(c) > 0 {
			note(c[len(c)-1], root)
		}
	}
	return out
}

// isWord reports whether w starts with a letter.
func isWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}
