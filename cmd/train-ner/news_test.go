package main

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/gazetteer"
)

// TestLabelArticle tags an invented article with the forms of its gold
// graph the CoNLL way, and leaves out the sentences whose labels it cannot
// trust.
func TestLabelArticle(t *testing.T) {
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	var g newsGold
	g.Entities = []newsEntity{
		{[]string{"Orvella Bank", "Orvella"}, []string{"ORGANIZATION"}},
		{[]string{"Mr Tamsin", "Tamsin", "Edda Tamsin"}, []string{"PERSON"}},
		{[]string{"Lisbon"}, []string{"LOCATION", "ORGANIZATION"}},
		{[]string{"the Grant Fund", "Grant"}, []string{"ORGANIZATION"}},
	}
	g.Optional = []string{"Portuguese", "Portugal"}
	g.NotNodes = []string{"Chief Economist"}
	txt := "ORVELLA BANK POSTS PROFIT\n\n" +
		"Orvella Bank, the Lisbon lender, made a profit, Edda Tamsin said.\n" +
		"Mr Tamsin is the Chief Economist of Orvella.\n" +
		"The Portuguese bank grew in Portugal with a grant from the Grant Fund.\n" +
		"Analysts at Kestrel Partners were surprised.\n"
	d, kept, dropped := labelArticle(txt, g, gaz)
	if kept != 3 || dropped != 1 {
		t.Fatalf("kept %d, dropped %d sentences; want 3 and 1 (the headline skipped, the Kestrel sentence left out)", kept, dropped)
	}
	var got []string
	for _, s := range d.Sentences {
		var b []string
		for i, tok := range s.Tokens {
			b = append(b, tok+"/"+s.Tags[i])
		}
		got = append(got, strings.Join(b, " "))
	}
	want := []string{
		"Orvella/B-ORG Bank/I-ORG ,/O the/O Lisbon/B-LOC lender/O ,/O made/O a/O profit/O ,/O Edda/B-PER Tamsin/I-PER said/O ./O",
		"Mr/O Tamsin/B-PER is/O the/O Chief/O Economist/O of/O Orvella/B-ORG ./O",
		"The/O Portuguese/B-MISC bank/O grew/O in/O Portugal/B-LOC with/O a/O grant/O from/O the/O Grant/B-ORG Fund/I-ORG ./O",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}
