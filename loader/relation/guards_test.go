package relation

import (
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// TestCues: the signs that once vetoed a classifier pair are features of
// the pair now; each case names the sign it shows ("" for none of them).
func TestCues(t *testing.T) {
	tests := []struct {
		sent       string
		head, tail int
		want       string
	}{
		// Verbs of praise, blame, meeting and address.
		{"[PERSON Ivo Marek] also commended the [ORGANIZATION Norvik Fund] country team .", 0, 1, "encounter"},
		{"[PERSON Ivo Marek] sharply criticised [ORGANIZATION Norvik Bank] on Monday .", 0, 1, "encounter"},
		{"[PERSON Ivo Marek] met [ORGANIZATION Norvik Bank] officials in the capital .", 0, 1, "encounter"},
		{"[PERSON Ivo Marek] praised the people of [LOCATION Velland] .", 0, 1, "encounter"},
		{"The plan was confirmed , spokesman [PERSON Ivo Marek] told [ORGANIZATION Reuters] .", 0, 1, "told"},
		{"[PERSON Ivo Marek] of [ORGANIZATION Norvik Bank] said prices would rise .", 0, 1, ""},
		{"[PERSON Ivo Marek] , who joined [ORGANIZATION Norvik Bank] in 1990 , said so .", 0, 1, ""},
		{"[ORGANIZATION Norvik Bank] has beaten [PERSON Ivo Marek] in court .", 1, 0, "encounter-after"},
		{"He flew from [LOCATION Velland] , where he met President [PERSON Ivo Marek] .", 1, 0, ""},
		{"[PERSON Ivo Marek] faces strong criticism for his plan in [LOCATION Velland] .", 0, 1, ""},
		{"[PERSON Ivo Marek] scored twice against [ORGANIZATION Norvik United] .", 0, 1, "against"},
		{"[PERSON Ivo Marek] has already acquired [ORGANIZATION Norvik Bank] 's card business .", 0, 1, "encounter"},
		{"[PERSON Ivo Marek] , who owned the failed [ORGANIZATION Norvik Bank] , filed for protection .", 0, 1, ""},
		// A post taken for an organisation.
		{"[PERSON Ivo Marek] , Norvik 's [ORGANIZATION Vice-President of Marketing Services] , said so .", 0, 1, "ttitle"},
		// A credit and a person's work.
		{"She is nominated alongside [PERSON Ivo Marek] for [ORGANIZATION The Long Winter] .", 0, 1, "bare-for"},
		{"[PERSON Ivo Marek] 's [ORGANIZATION The Long Winter] won the prize .", 0, 1, "poss-the"},
		{"[PERSON Ivo Marek] 's [LOCATION Velland] home was searched .", 0, 1, ""},
		{"[PERSON Ivo Marek] 's [ORGANIZATION Unity Party] won the vote .", 0, 1, ""},
		// Lists.
		{"It sells in [LOCATION Velland] , [LOCATION Osteria] , [LOCATION Carnia] and [LOCATION Duvia] .", 0, 1, "samelist"},
		{"Backers such as [LOCATION Norvik] , [LOCATION Altec] and [LOCATION Brightline] spoke .", 1, 2, "samelist"},
		{"It was cold in [LOCATION Dunmore] , [LOCATION Wyo.] , and [LOCATION Carlow] , [LOCATION Colo.] .", 0, 1, ""},
		{"The plant is in [LOCATION Dunmore] , [LOCATION Velland] .", 0, 1, ""},
		{"Critics praised [LOCATION Velland] , [LOCATION Osteria] and Bodies .", 0, 1, "samelist"},
		{"Rain closed a road between [LOCATION Dunmore] and [LOCATION Carlow] , [LOCATION Velland] .", 1, 2, ""},
		// Routes and journeys.
		{"Grain from the [ORGANIZATION Great Basin] to [LOCATION Velland] made 28 dlrs .", 0, 1, "bare-to"},
		{"[PERSON Ivo Marek] is on a [LOCATION Velland] tour this week .", 0, 1, "tafter-journey"},
		{"[ORGANIZATION Norvik Bank] remains committed to the [LOCATION Velland] market .", 0, 1, "tafter-journey"},
		{"[ORGANIZATION Norvik Bank] , based in [LOCATION Velland] , said so .", 0, 1, ""},
		// Tickers.
		{"A bid came from [ORGANIZATION Norvik AG] < [PERSON NORV] . F > .", 1, 0, "ticker"},
	}
	for _, tt := range tests {
		d := buildDoc(t, "", tt.sent)
		x := newExtractor(testStage, d)
		st := x.sentence(0)
		f := &featurizer{gaz: testStage.gaz}
		var sc sentenceCues
		sc.dateEnd, sc.agency = x.dateline(st)
		x.cues(f, st, &sc, tt.head, tt.tail)
		var got []string
		for _, name := range vetoCues {
			g := &featurizer{}
			g.add("cue", name)
			if slices.Contains(f.out, g.out[0]) {
				got = append(got, name)
			}
		}
		if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("%q %d->%d: cues %v, want %q", tt.sent, tt.head, tt.tail, got, tt.want)
		}
	}
}

var vetoCues = []string{"encounter", "encounter-after", "against", "told", "poss-the", "ttitle", "bare-for", "bare-to",
	"samelist", "tafter-journey", "ticker"}

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
