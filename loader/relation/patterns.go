package relation

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// sentence is the per-sentence view the patterns work on.
type sentence struct {
	i     int
	toks  []text.Token
	low   []string
	at    []int // mention covering each token (named preferred), -1 if none
	ms    []int // mentions (named and nominal) in token order
	owner []int // person whose title prefix covers the token, -1 if none
	// objects of ANNOUNCED/PROPOSED/LAUNCHED found in this sentence, for
	// "in the framework of" (PART_OF).
	created []int
	subject int // the clause subject of the last verb pattern, -1 if none
	// persons given an employer by a title pattern in this sentence
	employed map[int]bool
	// the employer a premodifier title gave a person ("Y chairman X")
	premodEmployer map[int]int
}

// skipThe returns the first token index from j on that is not "the".
func (st *sentence) skipThe(j int) int {
	for j < len(st.low) && st.low[j] == "the" {
		j++
	}
	return j
}

// backThe returns the first token index from j back that does not follow
// "the": where a name at j starts with its article.
func (st *sentence) backThe(j int) int {
	for j > 0 && st.low[j-1] == "the" {
		j--
	}
	return j
}

// skipAcronym returns the token after an acronym in brackets at token j
// ("( WHO )"), else j.
func (st *sentence) skipAcronym(j int) int {
	if j+2 < len(st.low) && st.low[j] == "(" && st.low[j+2] == ")" {
		return j + 3
	}
	return j
}

// genitive reports whether w is the genitive "'s" or "'".
func genitive(w string) bool {
	return w == "'s" || w == "'"
}

// anyIn reports whether one of the tokens [a, b) of st is in set.
func (st *sentence) anyIn(a, b int, set map[string]bool) bool {
	for k := max(a, 0); k < b && k < len(st.low); k++ {
		if set[st.low[k]] {
			return true
		}
	}
	return false
}

// sentencePatterns runs the hand-written patterns over one sentence.
func (x *extractor) sentencePatterns(st *sentence) {
	for _, p := range patterns {
		x.pattern = p.name
		p.run(x, st)
	}
	x.pattern = ""
}

// patterns are the hand-written patterns in the order they run. A fact
// one of them states carries its name as attribute pattern.
var patterns = []struct {
	name string
	run  func(*extractor, *sentence)
}{
	{"titles", (*extractor).titles}, {"verbs", (*extractor).verbs}, {"meetings", (*extractor).meetings},
	{"events", (*extractor).events}, {"structure", (*extractor).structure}, {"cooperation", (*extractor).cooperation},
	{"sports", (*extractor).sports}, {"adviser", (*extractor).adviser}, {"rules", (*extractor).rules},
}

func (x *extractor) sentence(s int) *sentence {
	toks := x.d.Sentences[s].Tokens
	st := &sentence{
		i:              s,
		toks:           toks,
		low:            lowerTokens(toks, nil),
		at:             make([]int, len(toks)),
		owner:          make([]int, len(toks)),
		ms:             x.bySent[s],
		subject:        -1,
		employed:       map[int]bool{},
		premodEmployer: map[int]int{},
	}
	for k := range st.at {
		st.at[k], st.owner[k] = -1, -1
	}
	for _, i := range st.ms {
		m := x.d.Mentions[i]
		for k := m.Start; k < m.End && k < len(toks); k++ {
			if st.at[k] < 0 || (x.d.Mentions[st.at[k]].Nominal && !m.Nominal) {
				st.at[k] = i
			}
		}
	}
	return st
}

// Type sets used by the patterns.
var (
	partyTypes  = []graph.EntityType{graph.Person, graph.Organization, graph.Location}
	personTypes = []graph.EntityType{graph.Person}
	orgTypes    = []graph.EntityType{graph.Organization}
	thingTypes  = []graph.EntityType{graph.Initiative, graph.Organization, graph.Event, graph.Misc}
	eventTypes  = []graph.EntityType{graph.Event}
)

// endingAt returns the mention of st that ends exactly at token k
// (exclusive), or -1.
func (x *extractor) endingAt(st *sentence, k int) int {
	if k <= 0 || k > len(st.toks) {
		return -1
	}
	i := st.at[k-1]
	if i >= 0 && x.d.Mentions[i].End == k {
		return i
	}
	return -1
}

// startingAt returns the mention of st that starts exactly at token k, or -1.
func (x *extractor) startingAt(st *sentence, k int) int {
	if k < 0 || k >= len(st.toks) {
		return -1
	}
	i := st.at[k]
	if i >= 0 && x.d.Mentions[i].Start == k {
		return i
	}
	return -1
}

// named returns a named mention of the same entity as mention i in the same
// sentence when i is nominal and one exists; otherwise i.
func (x *extractor) named(i int) int {
	m := x.d.Mentions[i]
	if !m.Nominal || m.Entity < 0 || m.Entity >= len(x.d.Entities) {
		return i
	}
	if j := x.entityMention(x.d.Entities[m.Entity].Mentions, m.Sent); j >= 0 && x.d.Mentions[j].Sent == m.Sent {
		return j
	}
	return i
}

// antecedent returns, for a pronoun at token k of st that coref resolved
// (a nominal mention of one token), the named mention of its entity
// nearest before it; else -1.
func (x *extractor) antecedent(st *sentence, k int) int {
	p := st.at[k]
	if p < 0 || !x.d.Mentions[p].Nominal || x.d.Mentions[p].Start != k || x.d.Mentions[p].End != k+1 {
		return -1
	}
	e := x.entityOf(p)
	if e < 0 {
		return -1
	}
	best := -1
	for _, j := range x.d.Entities[e].Mentions {
		if j < 0 || j >= len(x.d.Mentions) || !x.valid[j] || x.d.Mentions[j].Nominal {
			continue
		}
		m := x.d.Mentions[j]
		if m.Sent > st.i || m.Sent == st.i && m.End > k {
			break
		}
		best = j
	}
	return best
}

// entityOf returns the entity index of mention i, or -1.
func (x *extractor) entityOf(i int) int {
	e := x.d.Mentions[i].Entity
	if e >= 0 && e < len(x.d.Entities) {
		return e
	}
	return -1
}

// texts returns the original texts of tokens [a, b) of st.
func (st *sentence) texts(a, b int) []string {
	out := make([]string, b-a)
	for k := a; k < b; k++ {
		out[k-a] = st.toks[k].Text
	}
	return out
}

// phrase returns the original text of tokens [a, b) of st.
func (x *extractor) phrase(st *sentence, a, b int) string {
	return x.d.Text[st.toks[a].Start:st.toks[b-1].End]
}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return s != ""
}

// isLowerWord reports whether s is a lower-case word (not punctuation, not
// a name).
func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) && isWord(s)
}

// matchAt reports whether the lower-cased tokens at k spell words.
func matchAt(low []string, k int, words []string) bool {
	if k < 0 || k+len(words) > len(low) {
		return false
	}
	for i, w := range words {
		if low[k+i] != w {
			return false
		}
	}
	return true
}

// phraseTable maps a first word to the phrases (as word lists) starting
// with it, longest first.
type phraseTable map[string][][]string

func newPhraseTable(phrases ...string) phraseTable {
	t := phraseTable{}
	for _, p := range phrases {
		w := strings.Fields(p)
		t[w[0]] = append(t[w[0]], w)
	}
	for _, ws := range t {
		slices.SortStableFunc(ws, func(a, b []string) int { return len(b) - len(a) })
	}
	return t
}

// match returns the length of the longest phrase of t at token k, or 0.
func (t phraseTable) match(low []string, k int) int {
	if k >= len(low) {
		return 0
	}
	for _, w := range t[low[k]] {
		if matchAt(low, k, w) {
			return len(w)
		}
	}
	return 0
}

// clauseEnd reports whether a token ends a clause for the patterns'
// purposes.
func clauseEnd(w string) bool {
	switch w {
	case ".", ";", ":", "!", "?", "--", "—":
		return true
	}
	return false
}
