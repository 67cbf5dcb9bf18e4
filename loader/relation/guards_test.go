package relation

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

func TestImplausible(t *testing.T) {
	tests := []struct {
		sent       string
		rel        graph.RelationType
		head, tail int
		want       bool
	}{
		// Verbs of praise, blame, meeting and address.
		{"[PERSON Ivo Marek] also commended the [ORGANIZATION Norvik Fund] country team .", graph.WorksFor, 0, 1, true},
		{"[PERSON Ivo Marek] sharply criticised [ORGANIZATION Norvik Bank] on Monday .", graph.WorksFor, 0, 1, true},
		{"[PERSON Ivo Marek] met [ORGANIZATION Norvik Bank] officials in the capital .", graph.WorksFor, 0, 1, true},
		{"[PERSON Ivo Marek] praised the people of [LOCATION Velland] .", graph.LivesIn, 0, 1, true},
		{"The plan was confirmed , spokesman [PERSON Ivo Marek] told [ORGANIZATION Reuters] .", graph.WorksFor, 0, 1, true},
		{"[PERSON Ivo Marek] of [ORGANIZATION Norvik Bank] said prices would rise .", graph.WorksFor, 0, 1, false},
		{"[PERSON Ivo Marek] , who joined [ORGANIZATION Norvik Bank] in 1990 , said so .", graph.WorksFor, 0, 1, false},
		{"[ORGANIZATION Norvik Bank] has beaten [PERSON Ivo Marek] in court .", graph.WorksFor, 1, 0, true},
		{"He flew from [LOCATION Velland] , where he met President [PERSON Ivo Marek] .", graph.LivesIn, 1, 0, false},
		{"[PERSON Ivo Marek] faces strong criticism for his plan in [LOCATION Velland] .", graph.LivesIn, 0, 1, false},
		{"[PERSON Ivo Marek] scored twice against [ORGANIZATION Norvik United] .", graph.WorksFor, 0, 1, true},
		{"[PERSON Ivo Marek] has already acquired [ORGANIZATION Norvik Bank] 's card business .", graph.WorksFor, 0, 1, true},
		{"[PERSON Ivo Marek] , who owned the failed [ORGANIZATION Norvik Bank] , filed for protection .", graph.WorksFor, 0, 1, false},
		// A post taken for an organisation.
		{"[PERSON Ivo Marek] , Norvik 's [ORGANIZATION Vice-President of Marketing Services] , said so .", graph.WorksFor, 0, 1, true},
		// A credit and a person's work.
		{"She is nominated alongside [PERSON Ivo Marek] for [ORGANIZATION The Long Winter] .", graph.WorksFor, 0, 1, true},
		{"[PERSON Ivo Marek] 's [ORGANIZATION The Long Winter] won the prize .", graph.WorksFor, 0, 1, true},
		{"[PERSON Ivo Marek] 's [LOCATION Velland] home was searched .", graph.LivesIn, 0, 1, false},
		{"[PERSON Ivo Marek] 's [ORGANIZATION Unity Party] won the vote .", graph.WorksFor, 0, 1, false},
		// Lists.
		{"It sells in [LOCATION Velland] , [LOCATION Osteria] , [LOCATION Carnia] and [LOCATION Duvia] .", graph.LocatedIn, 0, 1, true},
		{"Backers such as [LOCATION Norvik] , [LOCATION Altec] and [LOCATION Brightline] spoke .", graph.LocatedIn, 1, 2, true},
		{"It was cold in [LOCATION Dunmore] , [LOCATION Wyo.] , and [LOCATION Carlow] , [LOCATION Colo.] .", graph.LocatedIn, 0, 1, false},
		{"The plant is in [LOCATION Dunmore] , [LOCATION Velland] .", graph.LocatedIn, 0, 1, false},
		{"Critics praised [LOCATION Velland] , [LOCATION Osteria] and Bodies .", graph.LocatedIn, 0, 1, true},
		{"Rain closed a road between [LOCATION Dunmore] and [LOCATION Carlow] , [LOCATION Velland] .", graph.LocatedIn, 1, 2, false},
		// Routes and journeys.
		{"Grain from the [ORGANIZATION Great Basin] to [LOCATION Velland] made 28 dlrs .", graph.BasedIn, 0, 1, true},
		{"[PERSON Ivo Marek] is on a [LOCATION Velland] tour this week .", graph.LivesIn, 0, 1, true},
		{"[ORGANIZATION Norvik Bank] remains committed to the [LOCATION Velland] market .", graph.BasedIn, 0, 1, true},
		{"[ORGANIZATION Norvik Bank] , based in [LOCATION Velland] , said so .", graph.BasedIn, 0, 1, false},
		// Tickers.
		{"A bid came from [ORGANIZATION Norvik AG] < [PERSON NORV] . F > .", graph.WorksFor, 1, 0, true},
	}
	for _, tt := range tests {
		d := buildDoc(t, "", tt.sent)
		x := newExtractor(testStage, d)
		st := x.sentence(0)
		if got := x.implausible(st, tt.rel, tt.head, tt.tail); got != tt.want {
			t.Errorf("%q %s %d->%d: implausible got %v, want %v", tt.sent, tt.rel, tt.head, tt.tail, got, tt.want)
		}
	}
}

func TestTelegraphic(t *testing.T) {
	tests := []struct {
		text string
		want []bool // per sentence
	}{
		{"Marek tips Holm for gold\n\nMarek said Holm would win.", []bool{true, false}},
		{"Winners:\n - Best actor - Ivo Marek for The Long Winter at the Lyric \n - Best play - Dusk\n", []bool{false, true, true}},
		{"Holm joined Norvik Bank in 1990.\nHe left in 1995", []bool{false, true}},
		{"Zentek player tipped as a 'must-have'\n\nIt sold well.", []bool{true, false}},
		{"\"It sold well,\" Holm said. \"We are glad.\"\n", []bool{false}},
	}
	for _, tt := range tests {
		d := &text.Doc{Text: tt.text}
		// Sentences are the lines here, split at the line breaks.
		start := 0
		for _, line := range strings.SplitAfter(tt.text, "\n") {
			var toks []text.Token
			off := start
			for _, w := range strings.Fields(line) {
				i := strings.Index(tt.text[off:], w) + off
				toks = append(toks, text.Token{Text: w, Start: i, End: i + len(w)})
				off = i + len(w)
			}
			start += len(line)
			if len(toks) > 0 {
				d.Sentences = append(d.Sentences, text.Sentence{Tokens: toks, Start: toks[0].Start, End: toks[len(toks)-1].End})
			}
		}
		if len(d.Sentences) != len(tt.want) {
			t.Fatalf("%q: %d sentences, want %d", tt.text, len(d.Sentences), len(tt.want))
		}
		x := newExtractor(testStage, d)
		for i, want := range tt.want {
			if got := x.telegraphic(x.sentence(i)); got != want {
				t.Errorf("%q sentence %d: telegraphic got %v, want %v", tt.text, i, got, want)
			}
		}
	}
}

// testStage is the relation stage over the embedded gazetteer and model.
var testStage = func() *Stage {
	g, err := gazetteer.Load()
	if err != nil {
		panic(err)
	}
	m, err := Load()
	if err != nil {
		panic(err)
	}
	s, err := New(g, m)
	if err != nil {
		panic(err)
	}
	return s
}()
