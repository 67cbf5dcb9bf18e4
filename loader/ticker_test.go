package loader

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// tickerDoc builds one sentence of src, whose tokens are words in order,
// with the mentions given as [start, end, entity] token ranges; entity
// types come from types, names from the first mention.
func tickerDoc(src string, words []string, mentions [][3]int, types []graph.EntityType) *text.Doc {
	d := &text.Doc{Text: src}
	var toks []text.Token
	at := 0
	for _, w := range words {
		at += strings.Index(src[at:], w)
		toks = append(toks, text.Token{Text: w, Start: at, End: at + len(w)})
		at += len(w)
	}
	d.Sentences = []text.Sentence{{Start: 0, End: len(src), Tokens: toks}}
	for _, t := range types {
		d.Entities = append(d.Entities, text.Entity{Type: t})
	}
	for _, m := range mentions {
		e := &d.Entities[m[2]]
		if e.Name == "" {
			e.Name = strings.Join(words[m[0]:m[1]], " ")
		}
		e.Mentions = append(e.Mentions, len(d.Mentions))
		d.Mentions = append(d.Mentions, text.Mention{Start: m[0], End: m[1], Entity: m[2], Type: types[m[2]], Label: "ORG"})
	}
	return d
}

// TestStockSymbols: a stock symbol NER tagged as a name ("<SIEG.F>") is
// no node of its own: it folds into the company named just before it,
// whose ticker it becomes and whose facts its facts are; a fact between
// the two is dropped, and a symbol after no company is left out.
func TestStockSymbols(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	src := "Siemens AG plc <SIEG.F> hired Anna Smith and <XY> rose."
	words := []string{"Siemens", "AG", "plc", "<", "SIEG", ".", "F", ">", "hired", "Anna", "Smith", "and", "<", "XY", ">", "rose", "."}
	d := tickerDoc(src, words,
		[][3]int{{0, 2, 0}, {4, 5, 1}, {9, 11, 2}, {13, 14, 3}},
		[]graph.EntityType{graph.Organization, graph.Organization, graph.Person, graph.Organization})
	d.Relations = []text.Relation{
		{Head: 2, Tail: 1, Type: graph.WorksFor, Attrs: map[string]string{"basis": "pattern"}}, // Anna Smith → SIEG: Siemens's
		{Head: 0, Tail: 1, Type: graph.Acquired, Attrs: map[string]string{"basis": "pattern"}}, // Siemens → its own symbol
		{Head: 2, Tail: 3, Type: graph.WorksFor, Attrs: map[string]string{"basis": "pattern"}}, // Anna Smith → XY: no company
	}

	n := graphNodes(l.gaz, d)
	if n.node[1] != 0 || n.ids[1] != n.ids[0] {
		t.Errorf("the symbol's node is %d (%q), want the company's (%q)", n.node[1], n.ids[1], n.ids[0])
	}
	if n.node[3] != -1 || n.ids[3] != "" {
		t.Errorf("a symbol after no company is node %d (%q), want none", n.node[3], n.ids[3])
	}
	x := toExtraction(l.gaz, graph.Document{ID: "d"}, d, func(graph.RelationType) float64 { return 0 })
	var names []string
	for _, e := range x.Entities {
		names = append(names, e.Name)
		if e.Name == "Siemens AG" && e.Attributes["ticker"] != "SIEG.F" {
			t.Errorf("Siemens AG's ticker is %q, want SIEG.F", e.Attributes["ticker"])
		}
	}
	if strings.Join(names, "|") != "Siemens AG|Anna Smith" {
		t.Errorf("nodes %v, want Siemens AG and Anna Smith", names)
	}
	if len(x.Relations) != 1 || x.Relations[0].Type != graph.WorksFor || x.Relations[0].Source != n.ids[2] || x.Relations[0].Target != n.ids[0] {
		t.Errorf("relations %+v, want only Anna Smith WORKS_FOR Siemens AG", x.Relations)
	}
	if why := dropReason(d, n, d.Relations[1], func(graph.RelationType) float64 { return 0 }); !strings.Contains(why, "one node") {
		t.Errorf("the company's fact about its own symbol: %q, want it dropped as one node", why)
	}
}

func TestBracketedSymbol(t *testing.T) {
	for s, want := range map[string]string{
		"<SIEG.F> said": "SIEG.F", "<GM>": "GM", "<BRK.A.N>": "BRK.A.N", "<T>,": "T",
		"<Deutsche Bank (Asia) AG>": "", "<gm>": "", "<12>": "", "<A..B>": "", "<A.>": "", "<ABCDEFGHIJK>": "", "<A": "", "SIEG.F>": "",
	} {
		if got := bracketedSymbol(s); got != want {
			t.Errorf("bracketedSymbol(%q) = %q, want %q", s, got, want)
		}
	}
}
