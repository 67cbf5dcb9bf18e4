package refine

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

//go:embed data/keywords.tsv
var keywordData string

//go:embed data/personal-names.txt
var personalNameData string

//go:embed data/common-nouns.txt
var commonNounData string

//go:embed data/generic-heads.txt
var genericHeadData string

//go:embed data/party-names.txt
var partyNameData string

// wordSet reads a list of one word or phrase per line (# comments),
// lower-cased.
func wordSet(data string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(data, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			set[strings.ToLower(line)] = true
		}
	}
	return set
}

// pairSet reads a list of one word or phrase per line (# comments),
// lower-cased, each with the value after a tab ("" when none).
func pairSet(data string) map[string]string {
	set := map[string]string{}
	for _, line := range strings.Split(data, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			k, v, _ := strings.Cut(line, "\t")
			set[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
		}
	}
	return set
}

// commonNoun reports whether a name is only a common noun that NER may tag
// when it stands alone: "PC", "DVDs", "CEO", "Century", "Nine"
// (data/common-nouns.txt, compared in lower case).
func (lx *Stage) commonNoun(name []string) bool {
	return len(name) == 1 && text.LowerGet(lx.commonNouns, name[0])
}

// peopleNamedLikePlaces returns the lower-case country names that are also
// common personal names (data/personal-names.txt).
func (lx *Stage) peopleNamedLikePlaces() map[string]bool { return lx.personalNames }

// rule gives a type (and for locations a kind) to names of the listed NER
// labels that end in one of the keywords.
type rule struct {
	typ    graph.EntityType
	kind   string
	labels map[string]bool
	words  [][]string // lower-case keyword phrases that end a name
	first  [][]string // lower-case keyword phrases that open a name ("deportivo *")
}

// byLast indexes the keyword phrases of all rules by their last word, in
// rule order.
type keyword struct {
	rule   int
	phrase []string
}

// keywordTable is data/keywords.tsv: the rules in file order and their
// keyword phrases indexed by last and by first word.
type keywordTable struct {
	rules           []rule
	byLast, byFirst map[string][]keyword
}

// parseKeywords reads data/keywords.tsv: TYPE[:kind], NER labels, keyword
// phrases (a phrase ending in " *" opens a name).
func parseKeywords(data string) (*keywordTable, error) {
	kt := &keywordTable{byLast: map[string][]keyword{}, byFirst: map[string][]keyword{}}
	for n, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("data/keywords.tsv:%d: want 3 tab-separated fields, got %d", n+1, len(f))
		}
		typ, kind, _ := strings.Cut(f[0], ":")
		r := rule{typ: graph.EntityType(typ), kind: kind, labels: map[string]bool{}}
		if !r.typ.Valid() {
			return nil, fmt.Errorf("data/keywords.tsv:%d: unknown type %q", n+1, typ)
		}
		for _, l := range strings.Split(f[1], ",") {
			r.labels[strings.TrimSpace(l)] = true
		}
		for _, w := range strings.Split(f[2], ",") {
			ws := strings.Fields(strings.ToLower(w))
			switch {
			case len(ws) > 1 && ws[len(ws)-1] == "*":
				r.first = append(r.first, ws[:len(ws)-1])
			case len(ws) > 0:
				r.words = append(r.words, ws)
			}
		}
		kt.rules = append(kt.rules, r)
	}
	for i, r := range kt.rules {
		for _, w := range r.words {
			last := w[len(w)-1]
			kt.byLast[last] = append(kt.byLast[last], keyword{i, w})
		}
	}
	for i, r := range kt.rules {
		for _, w := range r.first {
			kt.byFirst[w[0]] = append(kt.byFirst[w[0]], keyword{i, w})
		}
	}
	return kt, nil
}

// keywordType returns the type and kind that the keyword table gives a name
// with NER label label and words words: by its last words ("Nordvik
// Sensors"), else by its first words followed by at least one more word
// ("Deportivo Nordvik", "Estadio Nordvik").
func (lx *Stage) keywordType(label string, words []string) (graph.EntityType, string, bool) {
	if t, kind, ok := lx.keywordTypeLast(label, words); ok {
		return t, kind, true
	}
	if t, kind, ok := lx.keywordTypeFirst(label, words); ok {
		return t, kind, true
	}
	// The head of "International Agency for Nuclear Safety" or "Water
	// Plan of Action" comes before the preposition.
	for k := 1; k < len(words); k++ {
		switch strings.ToLower(words[k]) {
		case "of", "for", "on":
			return lx.keywordTypeLast(label, words[:k])
		}
	}
	return "", "", false
}

func (lx *Stage) keywordTypeLast(label string, words []string) (graph.EntityType, string, bool) {
	r, _, ok := lx.matchLast(label, words)
	return r.typ, r.kind, ok
}

func (lx *Stage) keywordTypeFirst(label string, words []string) (graph.EntityType, string, bool) {
	r, _, ok := lx.matchFirst(label, words)
	return r.typ, r.kind, ok
}

// matchLast returns the first rule for label whose keyword ends words, and
// the keyword's length in words.
func (lx *Stage) matchLast(label string, words []string) (rule, int, bool) {
	if len(words) == 0 {
		return rule{}, 0, false
	}
	rs := lx.kw.rules
	for _, kw := range text.LowerGet(lx.kw.byLast, words[len(words)-1]) {
		r := rs[kw.rule]
		if r.labels[label] && endsWith(words, kw.phrase) {
			return r, len(kw.phrase), true
		}
	}
	return rule{}, 0, false
}

// matchFirst returns the first rule for label whose first-words keyword
// opens words with at least one word after it, and the keyword's length.
func (lx *Stage) matchFirst(label string, words []string) (rule, int, bool) {
	if len(words) < 2 {
		return rule{}, 0, false
	}
	rs := lx.kw.rules
	for _, kw := range text.LowerGet(lx.kw.byFirst, words[0]) {
		r := rs[kw.rule]
		if r.labels[label] && len(words) > len(kw.phrase) && startsWith(words, kw.phrase) {
			return r, len(kw.phrase), true
		}
	}
	return rule{}, 0, false
}

func startsWith(words, kw []string) bool {
	if len(kw) > len(words) {
		return false
	}
	for i, k := range kw {
		if !text.LowerIs(words[i], k) {
			return false
		}
	}
	return true
}

func endsWith(words, kw []string) bool {
	if len(kw) > len(words) {
		return false
	}
	off := len(words) - len(kw)
	for i, k := range kw {
		if !text.LowerIs(words[off+i], k) {
			return false
		}
	}
	return true
}
