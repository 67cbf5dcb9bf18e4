package refine

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/kgraph/kgraph/graph"
)

//go:embed data/keywords.tsv
var keywordData string

//go:embed data/personal-names.txt
var personalNameData string

//go:embed data/common-nouns.txt
var commonNounData string

var (
	commonOnce  sync.Once
	commonNouns map[string]bool
)

// commonNoun reports whether a name is only a common noun that NER may tag
// when it stands alone: "PC", "DVDs", "CEO", "Century", "Nine"
// (data/common-nouns.txt, compared in lower case).
func commonNoun(name []string) bool {
	if len(name) != 1 {
		return false
	}
	commonOnce.Do(func() {
		commonNouns = map[string]bool{}
		for _, line := range strings.Split(commonNounData, "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				commonNouns[strings.ToLower(line)] = true
			}
		}
	})
	return commonNouns[strings.ToLower(name[0])]
}

var (
	personalOnce  sync.Once
	personalNames map[string]bool
)

// peopleNamedLikePlaces returns the lower-case country names that are also
// common personal names (data/personal-names.txt).
func peopleNamedLikePlaces() map[string]bool {
	personalOnce.Do(func() {
		personalNames = map[string]bool{}
		for _, line := range strings.Split(personalNameData, "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				personalNames[strings.ToLower(line)] = true
			}
		}
	})
	return personalNames
}

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

var byLast, byFirst map[string][]keyword

var (
	rulesOnce sync.Once
	rules     []rule
)

func keywordRules() []rule {
	rulesOnce.Do(func() {
		for _, line := range strings.Split(keywordData, "\n") {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) < 3 {
				panic("refine: bad keyword line " + line)
			}
			typ, kind, _ := strings.Cut(f[0], ":")
			r := rule{typ: graph.EntityType(typ), kind: kind, labels: map[string]bool{}}
			if !r.typ.Valid() {
				panic("refine: unknown type in keyword line " + line)
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
			rules = append(rules, r)
		}
		byLast = map[string][]keyword{}
		for i, r := range rules {
			for _, w := range r.words {
				last := w[len(w)-1]
				byLast[last] = append(byLast[last], keyword{i, w})
			}
		}
		byFirst = map[string][]keyword{}
		for i, r := range rules {
			for _, w := range r.first {
				byFirst[w[0]] = append(byFirst[w[0]], keyword{i, w})
			}
		}
	})
	return rules
}

// keywordType returns the type and kind that the keyword table gives a name
// with NER label label and words words: by its last words ("Nordvik
// Sensors"), else by its first words followed by at least one more word
// ("Deportivo Nordvik", "Estadio Nordvik").
func keywordType(label string, words []string) (graph.EntityType, string, bool) {
	if t, kind, ok := keywordTypeLast(label, words); ok {
		return t, kind, true
	}
	if t, kind, ok := keywordTypeFirst(label, words); ok {
		return t, kind, true
	}
	// The head of "International Agency for Nuclear Safety" or "Water
	// Plan of Action" comes before the preposition.
	for k := 1; k < len(words); k++ {
		switch strings.ToLower(words[k]) {
		case "of", "for", "on":
			return keywordTypeLast(label, words[:k])
		}
	}
	return "", "", false
}

func keywordTypeLast(label string, words []string) (graph.EntityType, string, bool) {
	r, _, ok := matchLast(label, words)
	return r.typ, r.kind, ok
}

func keywordTypeFirst(label string, words []string) (graph.EntityType, string, bool) {
	r, _, ok := matchFirst(label, words)
	return r.typ, r.kind, ok
}

// matchLast returns the first rule for label whose keyword ends words, and
// the keyword's length in words.
func matchLast(label string, words []string) (rule, int, bool) {
	if len(words) == 0 {
		return rule{}, 0, false
	}
	rs := keywordRules()
	for _, kw := range byLast[strings.ToLower(words[len(words)-1])] {
		r := rs[kw.rule]
		if r.labels[label] && endsWith(words, kw.phrase) {
			return r, len(kw.phrase), true
		}
	}
	return rule{}, 0, false
}

// matchFirst returns the first rule for label whose first-words keyword
// opens words with at least one word after it, and the keyword's length.
func matchFirst(label string, words []string) (rule, int, bool) {
	if len(words) < 2 {
		return rule{}, 0, false
	}
	rs := keywordRules()
	for _, kw := range byFirst[strings.ToLower(words[0])] {
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
		if strings.ToLower(words[i]) != k {
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
		if strings.ToLower(words[off+i]) != k {
			return false
		}
	}
	return true
}
