package relation_test

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
)

// TestClausePatterns covers relative clauses and appositions added after
// the regression articles: "based in CITY, COUNTRY", "Y, whose TITLE, X",
// "X, ..., which signed an agreement with Y", sports and place phrasing.
func TestClausePatterns(t *testing.T) {
	tests := []struct {
		name      string
		sents     []string
		want, not []fact
	}{
		{
			name:  "based in a city and its country",
			sents: []string{"The deal covers [ORGANIZATION Lumora Optics] , a start-up based in [LOCATION Porto] , [LOCATION Portugal] , and two rivals ."},
			want: []fact{
				{typ: graph.BasedIn, head: "Lumora Optics", tail: "Porto"},
				{typ: graph.BasedIn, head: "Lumora Optics", tail: "Portugal"},
			},
		},
		{
			name:  "based in a list of places is not based in the last",
			sents: []string{"[ORGANIZATION Lumora Optics] is based in [LOCATION Porto] , [LOCATION Lisbon] and [LOCATION Spain] ."},
			not:   []fact{{typ: graph.BasedIn, head: "Lumora Optics", tail: "Spain", basis: "pattern"}},
		},
		{
			name:  "whose title, name",
			sents: []string{"Talks were chaired by the [ORGANIZATION Nordic Grid Council] ( [ORGANIZATION NGC] ) , whose chairman , [PERSON Ola Brekke] , spoke first ."},
			want:  []fact{{typ: graph.WorksFor, head: "Ola Brekke", tail: "NGC", title: "chairman"}, {typ: graph.Leads, head: "Ola Brekke", tail: "NGC"}},
		},
		{
			name:  "whose title before the name",
			sents: []string{"Shares rose at [ORGANIZATION Corvane Foods] , whose chief executive [PERSON Lia Moreau] quit in May ."},
			want:  []fact{{typ: graph.WorksFor, head: "Lia Moreau", tail: "Corvane Foods", title: "chief executive"}},
		},
		{
			name:  "whose after a person is no employer",
			sents: []string{"[PERSON Tom Akers] , whose adviser , [PERSON Ola Brekke] , spoke first , left [ORGANIZATION Corvane Foods] ."},
			not:   []fact{{typ: graph.WorksFor, head: "Ola Brekke", tail: "Corvane Foods", basis: "pattern"}},
		},
		{
			name:  "whose without a comma is no apposition",
			sents: []string{"He asked [ORGANIZATION Corvane Foods] whose chairman [PERSON Ola Brekke] was ."},
			not:   []fact{{typ: graph.WorksFor, head: "Ola Brekke", tail: "Corvane Foods", basis: "pattern"}},
		},
		{
			name:  "which signed an agreement with, after an apposition",
			sents: []string{"Doses will come from [ORGANIZATION Delmar Pharma] , a vaccine maker based in [LOCATION Pune] , which signed a licensing agreement with [ORGANIZATION Gavi] in May ."},
			want:  []fact{{typ: graph.CooperatesWith, head: "Delmar Pharma", tail: "Gavi"}},
			not:   []fact{{typ: graph.CooperatesWith, head: "Pune", tail: "Gavi"}},
		},
		{
			name:  "the relative clause names its own subject, not the main one",
			sents: []string{"[ORGANIZATION Tarvik Bank] praised [ORGANIZATION Orsa Energy] , which works with [ORGANIZATION Nordlys Grid] ."},
			want:  []fact{{typ: graph.CooperatesWith, head: "Orsa Energy", tail: "Nordlys Grid"}},
			not:   []fact{{typ: graph.CooperatesWith, head: "Tarvik Bank", tail: "Nordlys Grid"}},
		},
		{
			name:  "a name inside the relative clause is its subject",
			sents: []string{"Doses came from [ORGANIZATION Delmar Pharma] , which [ORGANIZATION Gavi] says has a partnership with [ORGANIZATION Unicef] ."},
			not:   []fact{{typ: graph.CooperatesWith, head: "Delmar Pharma", tail: "Unicef"}},
		},
		{
			name:  "a bank advised a company on a deal",
			sents: []string{"[ORGANIZATION Halden Partners] advised [ORGANIZATION Corvane Foods] on the planned merger , while [ORGANIZATION Brekke Bank] is advising [ORGANIZATION Orsa Energy] on its bid ."},
			want: []fact{
				{typ: graph.CooperatesWith, head: "Halden Partners", tail: "Corvane Foods"},
				{typ: graph.CooperatesWith, head: "Brekke Bank", tail: "Orsa Energy"},
			},
		},
		{
			name:  "a second adviser shares the deal",
			sents: []string{"[ORGANIZATION Halden Partners] advised [ORGANIZATION Corvane Foods] on the sale , while [ORGANIZATION Brekke Bank] advised [ORGANIZATION Orsa Energy] ."},
			want:  []fact{{typ: graph.CooperatesWith, head: "Brekke Bank", tail: "Orsa Energy"}},
		},
		{
			name:  "without a deal named a bare advised is no tie",
			sents: []string{"[ORGANIZATION Halden Partners] advised [ORGANIZATION Corvane Foods] last year ; [ORGANIZATION Brekke Bank] advised [ORGANIZATION Orsa Energy] ."},
			not:   []fact{{typ: graph.CooperatesWith, head: "Brekke Bank", tail: "Orsa Energy", basis: "pattern"}},
		},
		{
			name:  "advice to do something is no service",
			sents: []string{"[ORGANIZATION Halden Partners] advised [ORGANIZATION Corvane Foods] to sell , and [ORGANIZATION Brekke Bank] advised [ORGANIZATION Orsa Energy] on safety ."},
			not: []fact{
				{typ: graph.CooperatesWith, head: "Halden Partners", tail: "Corvane Foods"},
				{typ: graph.CooperatesWith, head: "Brekke Bank", tail: "Orsa Energy"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := relation.BuildDoc(t, "", tc.sents...)
			stages.Relation.Extract(d)
			checkFacts(t, d, tc.want, tc.not)
		})
	}
}

// TestGazetteerConfirmsClassifier: a city LOCATED_IN its country that the
// classifier also proposed (perhaps with low confidence) stands on the
// gazetteer, so the graph keeps it.
func TestGazetteerConfirmsClassifier(t *testing.T) {
	sents := []string{
		"[PERSON Ana Petrovic] , who flew in from [LOCATION Belgrade] on Monday , said [LOCATION Serbia] would sign .",
		"[PERSON Ana Petrovic] , who lives in [LOCATION Lyon] , [LOCATION France] , will attend .",
	}
	d := relation.BuildDoc(t, "", sents...)
	stages.Relation.Extract(d)
	for _, f := range []fact{{typ: graph.LocatedIn, head: "Belgrade", tail: "Serbia"}} {
		r, ok := find(d, f)
		if !ok {
			t.Fatalf("missing %s(%q -> %q)", f.typ, f.head, f.tail)
		}
		if got := r.Attrs["basis"]; got != "gazetteer" {
			t.Errorf("%s: basis %q, want gazetteer", describe(d, r), got)
		}
	}
	r, ok := find(d, fact{typ: graph.LocatedIn, head: "Lyon", tail: "France"})
	if !ok || r.Attrs["basis"] != "pattern" {
		t.Errorf("Lyon, France: got %v (found %v), want basis pattern", r.Attrs, ok)
	}
}

// TestSubdivisionInCountry: a state or province the gazetteer knows lies
// in its country when the document names both; a name that is a state of
// another country gives nothing.
func TestSubdivisionInCountry(t *testing.T) {
	sents := []string{
		"Floods hit [LOCATION Jiangsu] and [LOCATION Anhui] on Monday .",
		"[LOCATION China] said aid would follow , as did [LOCATION California] 's governor .",
	}
	d := relation.BuildDoc(t, "", sents...)
	stages.Relation.Extract(d)
	for _, head := range []string{"Jiangsu", "Anhui"} {
		r, ok := find(d, fact{typ: graph.LocatedIn, head: head, tail: "China"})
		if !ok {
			t.Fatalf("missing LOCATED_IN(%q -> China)", head)
		}
		if got := r.Attrs["basis"]; got != "gazetteer" {
			t.Errorf("%s: basis %q, want gazetteer", describe(d, r), got)
		}
	}
	if r, ok := find(d, fact{typ: graph.LocatedIn, head: "California", tail: "China"}); ok {
		t.Errorf("unexpected %s", describe(d, r))
	}
}
