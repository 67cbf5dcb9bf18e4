package relation

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// rulesFile holds the relation rules written as data (rules.tsv), one a
// line; see parseRules for the format.
//
//go:embed rules.tsv
var rulesFile []byte

// A rule is one line of rules.tsv: a pattern over the tokens and mentions
// of a sentence that states a relation between its H and T slots.
type rule struct {
	name    string
	typ     graph.RelationType
	elems   []elem
	example string // the example sentence, in the bracket notation of the tests
}

// elem is one element of a rule's pattern.
type elem struct {
	slot  byte                      // 'H' or 'T' for a mention slot, 0 for words
	types map[graph.EntityType]bool // a slot's allowed types
	list  bool                      // a slot that takes a list ("A, B and C")
	words map[string]bool           // alternatives of a word element ("_" any word)
	opt   bool                      // may be left out
}

var ruleTypes = map[string]graph.EntityType{
	"PER": graph.Person, "ORG": graph.Organization, "LOC": graph.Location, "EVT": graph.Event,
	"INI": graph.Initiative, "MISC": graph.Misc, "NORP": graph.NORP,
}

// parseRules reads rules.tsv. Each line that is neither blank nor a #
// comment has four tab-separated fields:
//
//	name  RELATION_TYPE  pattern  example
//
// The pattern is a space-separated sequence of elements: H:TYPES and
// T:TYPES, the head and tail mentions (TYPES comma-separated from PER,
// ORG, LOC, EVT, INI, MISC, NORP; a trailing + takes a list of such
// mentions joined by commas and "and", each related), words written
// lower-case with | between alternatives, and _ for any one word outside
// a mention. A trailing ? makes a word element optional. The example is a
// sentence in the notation of the tests ("[ORGANIZATION Hitachi] and
// [ORGANIZATION Matsushita] are joining forces ."): TestRuleExamples
// checks that the rule finds its relation there.
func parseRules(b []byte) ([]rule, error) {
	var out []rule
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("rules.tsv:%d: want 4 tab-separated fields, got %d", n, len(f))
		}
		r := rule{name: f[0], typ: graph.RelationType(f[1]), example: f[3]}
		if !r.typ.Valid() {
			return nil, fmt.Errorf("rules.tsv:%d: unknown relation type %q", n, f[1])
		}
		var h, t bool
		for _, w := range strings.Fields(f[2]) {
			e, err := parseElem(w)
			if err != nil {
				return nil, fmt.Errorf("rules.tsv:%d: %w", n, err)
			}
			h = h || e.slot == 'H'
			t = t || e.slot == 'T'
			r.elems = append(r.elems, e)
		}
		if !h || !t || r.elems[0].opt {
			return nil, fmt.Errorf("rules.tsv:%d: a pattern needs H and T and must not start with an optional word", n)
		}
		for _, he := range r.elems {
			for _, te := range r.elems {
				if he.slot != 'H' || te.slot != 'T' {
					continue
				}
				for a := range he.types {
					for b := range te.types {
						if !r.typ.Allows(a, b) {
							return nil, fmt.Errorf("rules.tsv:%d: %s does not allow %s -> %s", n, r.typ, a, b)
						}
					}
				}
			}
		}
		if r.example == "" {
			return nil, fmt.Errorf("rules.tsv:%d: no example", n)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func parseElem(w string) (elem, error) {
	var e elem
	if (strings.HasPrefix(w, "H:") || strings.HasPrefix(w, "T:")) && len(w) > 2 {
		e.slot = w[0]
		spec := w[2:]
		if s, ok := strings.CutSuffix(spec, "+"); ok {
			spec, e.list = s, true
		}
		e.types = map[graph.EntityType]bool{}
		for _, t := range strings.Split(spec, ",") {
			et, ok := ruleTypes[t]
			if !ok {
				return e, fmt.Errorf("unknown mention type %q in %q", t, w)
			}
			e.types[et] = true
		}
		return e, nil
	}
	if s, ok := strings.CutSuffix(w, "?"); ok && s != "" {
		w, e.opt = s, true
	}
	e.words = map[string]bool{}
	for _, a := range strings.Split(w, "|") {
		if a == "" || strings.ToLower(a) != a {
			return e, fmt.Errorf("bad word element %q (lower-case words, | between)", w)
		}
		e.words[a] = true
	}
	return e, nil
}

// confRule is the confidence of a relation a data rule states.
const confRule = 0.85

// rules applies the data rules to one sentence.
func (x *extractor) rules(st *sentence) {
	if len(st.ms) < 2 {
		return
	}
	for ri := range x.lx.rules {
		r := &x.lx.rules[ri]
		for k := range st.toks {
			var hs, ts []int
			if x.matchRule(st, r.elems, k, &hs, &ts) {
				for _, h := range hs {
					for _, t := range ts {
						x.add(r.typ, x.named(h), x.named(t), st.i, confRule, map[string]string{"rule": r.name})
					}
				}
				break
			}
		}
	}
}

// matchRule matches elems at token k, collecting the slots' mentions.
func (x *extractor) matchRule(st *sentence, elems []elem, k int, hs, ts *[]int) bool {
	if len(elems) == 0 {
		return true
	}
	e := elems[0]
	if e.slot != 0 {
		var got []int
		for {
			m := x.startingAt(st, k)
			if m < 0 || !e.types[x.d.Mentions[m].Type] {
				break
			}
			got = append(got, m)
			k = x.d.Mentions[m].End
			if !e.list || k >= len(st.toks) {
				break
			}
			// "A, B and C": a comma, "and" or ", and" before the next one.
			j := k
			if st.low[j] == "," {
				j++
			}
			if j < len(st.toks) && st.low[j] == "and" {
				j++
			}
			if j == k || x.startingAt(st, j) < 0 || !e.types[x.d.Mentions[x.startingAt(st, j)].Type] {
				break
			}
			k = j
		}
		if len(got) == 0 {
			return false
		}
		n0h, n0t := len(*hs), len(*ts)
		if e.slot == 'H' {
			*hs = append(*hs, got...)
		} else {
			*ts = append(*ts, got...)
		}
		if x.matchRule(st, elems[1:], k, hs, ts) {
			return true
		}
		*hs, *ts = (*hs)[:n0h], (*ts)[:n0t]
		return false
	}
	if k < len(st.toks) && (e.words["_"] && st.at[k] < 0 || e.words[st.low[k]]) {
		if x.matchRule(st, elems[1:], k+1, hs, ts) {
			return true
		}
	}
	return e.opt && x.matchRule(st, elems[1:], k, hs, ts)
}
