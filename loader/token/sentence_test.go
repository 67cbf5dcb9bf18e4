package token_test

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/text"
	"github.com/kgraph/kgraph/loader/token"
)

// sentenceTexts returns each sentence as its token texts joined by spaces.
func sentenceTexts(sents []text.Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		words := make([]string, len(s.Tokens))
		for j, t := range s.Tokens {
			words[j] = t.Text
		}
		out[i] = strings.Join(words, " ")
	}
	return out
}

// checkSentences verifies the offsets of sentences against the text: each
// token's surface, each sentence's extent, and the order of everything.
func checkSentences(t *testing.T, in string, sents []text.Sentence) {
	t.Helper()
	prev := 0
	for i, s := range sents {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d is empty", i)
		}
		if s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End {
			t.Errorf("sentence %d: extent got [%d,%d), want [%d,%d)", i, s.Start, s.End, s.Tokens[0].Start, s.Tokens[len(s.Tokens)-1].End)
		}
		for _, tk := range s.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(in) {
				t.Fatalf("sentence %d: token %q at [%d,%d) out of order or bounds (previous end %d)", i, tk.Text, tk.Start, tk.End, prev)
			}
			prev = tk.End
		}
		if cap(s.Tokens) != len(s.Tokens) {
			t.Errorf("sentence %d: cap got %d, want %d (len)", i, cap(s.Tokens), len(s.Tokens))
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "The minister arrived in Korvin on Monday. He met officials from 20 countries.",
			[]string{"The minister arrived in Korvin on Monday .", "He met officials from 20 countries ."}},
		{"titles mid-sentence", "Mr. Smith met Dr. Jones and Gen. Ivanov at St. Mary's. Prof. Lee and Sen. Brown joined them.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Ivanov at St. Mary 's .", "Prof. Lee and Sen. Brown joined them ."}},
		{"U.S. ends a sentence", "The firm is based in the U.S. The company said profits rose.",
			[]string{"The firm is based in the U.S .", "The company said profits rose ."}},
		{"U.S. inside a sentence", "The U.S. Army and the U.S. Navy held drills with U.N. peacekeepers.",
			[]string{"The U.S. Army and the U.S. Navy held drills with U.N. peacekeepers ."}},
		{"U.S. at the end of the text", "Talks were held in the U.S.",
			[]string{"Talks were held in the U.S ."}},
		{"company abbreviations", "He joined Acme Inc. last year. Globex Corp. Chief Executive Jane Roe resigned. She cited Acme Inc. It declined to comment.",
			[]string{"He joined Acme Inc. last year .", "Globex Corp. Chief Executive Jane Roe resigned .", "She cited Acme Inc .", "It declined to comment ."}},
		{"months", "The forum opens on Jan. 15 in Maresta. The deal was signed in Feb. The rules apply now.",
			[]string{"The forum opens on Jan. 15 in Maresta .", "The deal was signed in Feb .", "The rules apply now ."}},
		{"etc. and vs.", "They discussed energy, water, etc. The match ended Valdoria vs. Estmark 2-1.",
			[]string{"They discussed energy , water , etc .", "The match ended Valdoria vs. Estmark 2-1 ."}},
		{"No. before a number", "He ranked No. 1 in the world. No. 2 was Smith.",
			[]string{"He ranked No. 1 in the world .", "No. 2 was Smith ."}},
		{"initials", "John F. Kennedy admired J. R. R. Tolkien. It was known.",
			[]string{"John F. Kennedy admired J. R. R. Tolkien .", "It was known ."}},
		{"decimals and times", "Growth slowed to 3.5 percent at 10 a.m. Tuesday. Inflation rose 0.4 points.",
			[]string{"Growth slowed to 3.5 percent at 10 a.m. Tuesday .", "Inflation rose 0.4 points ."}},
		{"quote after the full stop", `"We will cooperate." The minister smiled. She said: "It is done."`,
			[]string{`" We will cooperate . "`, "The minister smiled .", `She said : " It is done . "`}},
		{"typographic quotes after the full stop", "“We agree.” The talks ended.",
			[]string{`" We agree . "`, "The talks ended ."}},
		{"bracket after the full stop", "(The talks ended.) Both sides left.",
			[]string{"( The talks ended . )", "Both sides left ."}},
		{"question and exclamation", "Will the deal hold? Nobody knows! Talks resume Monday?! Yes.",
			[]string{"Will the deal hold ?", "Nobody knows !", "Talks resume Monday ? !", "Yes ."}},
		{"question inside a quote", `"Why?" he asked. "Because," she said.`,
			[]string{`" Why ? " he asked .`, `" Because , " she said .`}},
		{"ellipsis", "He paused... Then he left. We will ... continue, he said.",
			[]string{"He paused ...", "Then he left .", "We will ... continue , he said ."}},
		{"place, agency and dash", "KORVIN. VALPRESS - On the eve of the summit, Ilsa Moravec-Dunn met the envoy. They agreed.",
			[]string{"KORVIN . VALPRESS -", "On the eve of the summit , Ilsa Moravec-Dunn met the envoy .", "They agreed ."}},
		{"dateline with an en dash", "MARESTA. VALPRESS – The forum opened on Tuesday.",
			[]string{"MARESTA . VALPRESS --", "The forum opened on Tuesday ."}},
		{"Reuters dateline", "LONDON, May 16 (Reuters) - Oil prices rose on Tuesday.",
			[]string{"LONDON , May 16 ( Reuters ) -", "Oil prices rose on Tuesday ."}},
		{"place and dash", "NEW YORK - The U.N. Security Council met on Friday.",
			[]string{"NEW YORK -", "The U.N. Security Council met on Friday ."}},
		{"dateline without dash stays", "KORVIN. VALPRESS Officials met on Tuesday.",
			[]string{"KORVIN . VALPRESS Officials met on Tuesday ."}},
		{"place alone", "MARESTA. The forum opened.",
			[]string{"MARESTA .", "The forum opened ."}},
		{"dateline after a headline", "Valdoria hosts regional water forum\n\nKORVIN. VALPRESS - The meeting opened.",
			[]string{"Valdoria hosts regional water forum", "KORVIN . VALPRESS -", "The meeting opened ."}},
		{"capitals inside a paragraph are no dateline", "Officials met. NATO - the alliance - agreed.",
			[]string{"Officials met .", "NATO - the alliance - agreed ."}},
		{"blank line", "Valdoria hosts regional water forum\n\nThe meeting opened on Tuesday",
			[]string{"Valdoria hosts regional water forum", "The meeting opened on Tuesday"}},
		{"blank line after a comma", "officials said,\n\nthe meeting",
			[]string{"officials said ,", "the meeting"}},
		{"title then body on the next line", "Valdoria and IFWA discuss cooperation\nThe Deputy Trade Minister met the agency's Director General on Tuesday.",
			[]string{"Valdoria and IFWA discuss cooperation", "The Deputy Trade Minister met the agency 's Director General on Tuesday ."}},
		{"all-caps headline", "VALDORIA HOSTS FORUM\nOfficials from 20 countries arrived.",
			[]string{"VALDORIA HOSTS FORUM", "Officials from 20 countries arrived ."}},
		{"hard-wrapped Reuters body",
			"The Valdorian government said on Tuesday it would hold talks with\n" +
				"officials from Japan and South Korea on energy supplies, the deputy\n" +
				"minister said. The talks follow a visit by the trade minister\n" +
				"Teodor Brannick to Tokyo in March, and officials expect a deal by\n" +
				"June.\n" +
				"    The ministry gave no figures.",
			[]string{
				"The Valdorian government said on Tuesday it would hold talks with officials from Japan and South Korea on energy supplies , the deputy minister said .",
				"The talks follow a visit by the trade minister Teodor Brannick to Tokyo in March , and officials expect a deal by June .",
				"The ministry gave no figures .",
			}},
		{"short title above a hard-wrapped body",
			"Oil output rises\n" +
				"The ministry said oil output in the first quarter rose to\n" +
				"record levels as new fields came on stream, officials said on\n" +
				"Monday.",
			[]string{"Oil output rises", "The ministry said oil output in the first quarter rose to record levels as new fields came on stream , officials said on Monday ."}},
		{"hard-wrapped lead whose dateline was taken off",
			"Valdoria cuts rates\n\n" +
				"Central Bank Governor Teodor\n" +
				"Brannick said the bank would cut its discount rate by half a\n" +
				"point on Monday, the first cut since the spring of last year.\n" +
				"    The bank gave no reason.",
			[]string{
				"Valdoria cuts rates",
				"Central Bank Governor Teodor Brannick said the bank would cut its discount rate by half a point on Monday , the first cut since the spring of last year .",
				"The bank gave no reason .",
			}},
		{"hard-wrapped table rows after a title",
			"Maresta Mills results\n\n" +
				"Shr 32 cts vs 29 cts\n" +
				"Net 1,234,000 vs 1,111,000\n" +
				"Revs 12.3 mln vs 11.1 mln\n" +
				"    The company said it would pay a dividend later in\n" +
				"the year and that sales rose in all of its regions.",
			[]string{
				"Maresta Mills results",
				"Shr 32 cts vs 29 cts",
				"Net 1,234,000 vs 1,111,000",
				"Revs 12.3 mln vs 11.1 mln",
				"The company said it would pay a dividend later in the year and that sales rose in all of its regions .",
			}},
		{"wrapped line ending in a function word", "The minister met the head of the\nInternational Fisheries and Water Agency.",
			[]string{"The minister met the head of the International Fisheries and Water Agency ."}},
		{"dash and numbered lists", "The agenda includes:\n- energy security\n- water management\n1. trade\n2) transport",
			[]string{"The agenda includes :", "- energy security", "- water management", "1. trade", "2 ) transport"}},
		{"bullets", "Priorities: • health • education\n• gender equality",
			[]string{"Priorities :", "• health", "• education", "• gender equality"}},
		{"Reuters byline", "Prices rose 5 pct.\n Reuter", []string{"Prices rose 5 pct .", "Reuter"}},
		{"Cyrillic", "Варнхольт прибыл в Корвин. Встреча началась.", []string{"Варнхольт прибыл в Корвин .", "Встреча началась ."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := token.Split(tt.in)
			checkSentences(t, tt.in, sents)
			got := sentenceTexts(sents)
			if len(got) != len(tt.want) {
				t.Fatalf("Split(%q):\ngot  %d sentences %q\nwant %d %q", tt.in, len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("sentence %d: got %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestSentencesSplitAbbreviation checks the offsets of an abbreviation
// whose full stop ends the sentence: "U.S." becomes "U.S" and ".".
func TestSentencesSplitAbbreviation(t *testing.T) {
	in := "It is based in the U.S. The firm grew."
	sents := token.Split(in)
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	first := sents[0].Tokens
	us, stop := first[len(first)-2], first[len(first)-1]
	if in[us.Start:us.End] != "U.S" || us.Text != "U.S" {
		t.Errorf("abbreviation got %q (surface %q), want U.S", us.Text, in[us.Start:us.End])
	}
	if in[stop.Start:stop.End] != "." || stop.Text != "." {
		t.Errorf("full stop got %q (surface %q), want .", stop.Text, in[stop.Start:stop.End])
	}
	if sents[0].End != strings.Index(in, " The") {
		t.Errorf("first sentence end got %d, want %d", sents[0].End, strings.Index(in, " The"))
	}
}

// TestSentencesShareTokens checks that without abbreviation splits the
// sentences are views of the caller's token slice.
func TestSentencesShareTokens(t *testing.T) {
	in := "Brannick met Castell. They discussed cooperation."
	toks := token.Tokenize(in)
	sents := token.Sentences(in, toks)
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	if &sents[0].Tokens[0] != &toks[0] || &sents[1].Tokens[0] != &toks[4] {
		t.Errorf("sentences do not share the token slice")
	}
}

// TestSplitNewsLayout runs the splitter over an invented agency article in
// the usual wire layout: headline, blank line, a paragraph opening with a
// "PLACE. AGENCY -" dateline, then a body paragraph.
func TestSplitNewsLayout(t *testing.T) {
	in := "Valdoria’s Energy Ministry hosts talks with EU Commissioner\n\n" +
		"KORVIN. VALPRESS - First Vice Minister of Energy of the Republic of Valdoria Mirek Sandor-Holm held talks with EU Energy Commissioner Maria Lindqvist, Valpress reports, citing the ministry’s press service.\n\n" +
		"The Commissioner noted the progress of the Green Hydrogen initiative. Mr. Sandor-Holm said Valdoria would host the forum in Maresta on June 3-5.\n"
	want := []string{
		"Valdoria 's Energy Ministry hosts talks with EU Commissioner",
		"KORVIN . VALPRESS -",
		"First Vice Minister of Energy of the Republic of Valdoria Mirek Sandor-Holm held talks with EU Energy Commissioner Maria Lindqvist , Valpress reports , citing the ministry 's press service .",
		"The Commissioner noted the progress of the Green Hydrogen initiative .",
		"Mr. Sandor-Holm said Valdoria would host the forum in Maresta on June 3-5 .",
	}
	sents := token.Split(in)
	checkSentences(t, in, sents)
	got := sentenceTexts(sents)
	if len(got) != len(want) {
		t.Fatalf("got %d sentences %q, want %d", len(got), got, len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("sentence %d: got %q, want %q", i, got[i], want[i])
		}
	}
	// The headline and the dateline end where their text ends.
	for i, surface := range []string{"Valdoria’s Energy Ministry hosts talks with EU Commissioner", "KORVIN. VALPRESS -"} {
		if g := in[sents[i].Start:sents[i].End]; g != surface {
			t.Errorf("sentence %d: surface got %q, want %q", i, g, surface)
		}
	}
}
