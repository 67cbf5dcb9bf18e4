package relation

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
)

// TestRuleExamples checks every rule of rules.tsv on its own example: the
// rule finds a relation of its type there, with attribute rule set to its
// name.
func TestRuleExamples(t *testing.T) {
	rules, err := parseRules(rulesFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) == 0 {
		t.Fatal("no rules")
	}
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			d := buildDoc(t, "", r.example)
			testStage.Extract(d)
			for _, rel := range d.Relations {
				if rel.Type == r.typ && rel.Attrs["rule"] == r.name {
					return
				}
			}
			var got []string
			for _, rel := range d.Relations {
				got = append(got, string(rel.Type)+"("+d.MentionText(d.Mentions[rel.Head])+" -> "+d.MentionText(d.Mentions[rel.Tail])+")")
			}
			t.Errorf("rule %s finds no %s in its example %q; got %s", r.name, r.typ, r.example, strings.Join(got, ", "))
		})
	}
}

func TestParseRulesErrors(t *testing.T) {
	for name, line := range map[string]string{
		"fields":        "a\tMET_WITH\tH:PER met T:PER",
		"type":          "a\tLIKES\tH:PER likes T:PER\t[PERSON A] likes [PERSON B] .",
		"mention type":  "a\tMET_WITH\tH:PERSON met T:PER\tx",
		"no tail":       "a\tMET_WITH\tH:PER met\tx",
		"upper word":    "a\tMET_WITH\tH:PER Met T:PER\tx",
		"optional head": "a\tMET_WITH\tmet? H:PER met T:PER\tx",
		"not allowed":   "a\tLIVES_IN\tH:ORG in T:LOC\tx",
		"no example":    "a\tMET_WITH\tH:PER met T:PER\t",
	} {
		if _, err := parseRules([]byte(line + "\n")); err == nil {
			t.Errorf("%s: no error for %q", name, line)
		}
	}
}

func TestRuleListAndNearMiss(t *testing.T) {
	rules, err := parseRules([]byte("m\tMEMBER_OF\tT:ORG , whose members include H:ORG+\tx\n"))
	if err != nil {
		t.Fatal(err)
	}
	st := &Stage{gaz: testStage.gaz, rules: rules}
	d := buildDoc(t, "", "[ORGANIZATION Alpha Group] , whose members include [ORGANIZATION Beta] , [ORGANIZATION Gamma] and [ORGANIZATION Delta] .")
	st.Extract(d)
	n := 0
	for _, rel := range d.Relations {
		if rel.Type == graph.MemberOf && rel.Attrs["rule"] == "m" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("got %d MEMBER_OF from the list, want 3: %+v", n, d.Relations)
	}
	d = buildDoc(t, "", "[ORGANIZATION Alpha Group] , whose rivals include [ORGANIZATION Beta] .")
	st.Extract(d)
	for _, rel := range d.Relations {
		if rel.Attrs["rule"] == "m" {
			t.Errorf("near miss: %+v", rel)
		}
	}
}

// TestPatternAttribute: a fact a hand-written pattern states names that
// pattern (attribute pattern: titles, verbs, …, rules for the data rules);
// a fact only the scorer states names none.
func TestPatternAttribute(t *testing.T) {
	d := buildDoc(t, "", "[PERSON Lena Holm] , chief executive of [ORGANIZATION Norvik Bank] , met [PERSON Tomas Brandt] in [LOCATION Oslo] .")
	testStage.Extract(d)
	want := map[graph.RelationType]string{graph.WorksFor: "titles", graph.MetWith: "verbs"}
	for _, r := range d.Relations {
		p, basis := r.Attrs["pattern"], r.Attrs["basis"]
		if w, ok := want[r.Type]; ok {
			if p != w || basis != "pattern" {
				t.Errorf("%s: basis %q, pattern %q; want pattern %q", r.Type, basis, p, w)
			}
			delete(want, r.Type)
		}
		if basis != "pattern" && p != "" {
			t.Errorf("%s with basis %s names pattern %q", r.Type, basis, p)
		}
	}
	for typ := range want {
		t.Errorf("no %s found", typ)
	}
}
