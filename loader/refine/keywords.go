package refine

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/kgraph/kgraph/graph"
)

//go:embed data/keywords.tsv
var keywordData string

// rule gives a type (and for locations a kind) to names of the listed NER
// labels that end in one of the keywords.
type rule struct {
	typ    graph.EntityType
	kind   string
	labels map[string]bool
	words  [][]string // lower-case keyword phrases
}

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
				if ws := strings.Fields(strings.ToLower(w)); len(ws) > 0 {
					r.words = append(r.words, ws)
				}
			}
			rules = append(rules, r)
		}
	})
	return rules
}

// keywordType returns the type and kind that the keyword table gives a name
// with NER label label and words words.
func keywordType(label string, words []string) (graph.EntityType, string, bool) {
	for _, r := range keywordRules() {
		if !r.labels[label] {
			continue
		}
		for _, kw := range r.words {
			if endsWith(words, kw) && len(words) >= len(kw) {
				return r.typ, r.kind, true
			}
		}
	}
	return "", "", false
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
