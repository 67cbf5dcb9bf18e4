package token_test

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/token"
)

// splitWant splits an expected token into its surface in the input and,
// after "=>", its text when that is normalised ("’s=>'s").
func splitWant(w string) (surface, text string) {
	if i := strings.Index(w, "=>"); i > 0 {
		return w[:i], w[i+2:]
	}
	return w, w
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"hyphenated names", "President Anna-Lise Varnholt met Secretary-General Jérôme Okafor-Lind.",
			[]string{"President", "Anna-Lise", "Varnholt", "met", "Secretary-General", "Jérôme", "Okafor-Lind", "."}},
		{"apostrophe names", "Conan O'Neill and D'Artagnan flew to Côte d'Ivoire.",
			[]string{"Conan", "O'Neill", "and", "D'Artagnan", "flew", "to", "Côte", "d'Ivoire", "."}},
		{"typographic apostrophe in a name", "Shaquille O’Neal arrived.",
			[]string{"Shaquille", "O’Neal=>O'Neal", "arrived", "."}},
		{"acronyms with dots", "The U.S. and the U.N. agreed, the U.K. abstained",
			[]string{"The", "U.S.", "and", "the", "U.N.", "agreed", ",", "the", "U.K.", "abstained"}},
		{"acronym without final stop", "a U.S unit", []string{"a", "U.S", "unit"}},
		{"acronym joined by hyphen", "the U.S.-led coalition", []string{"the", "U.S.-led", "coalition"}},
		{"lower-case acronyms", "at 10 a.m. or 3 p.m., e.g. today",
			[]string{"at", "10", "a.m.", "or", "3", "p.m.", ",", "e.g.", "today"}},
		{"possessive", "Valdoria's envoy and Britain’s minister met VALDORIA'S delegation",
			[]string{"Valdoria", "'s", "envoy", "and", "Britain", "’s=>'s", "minister", "met", "VALDORIA", "'S", "delegation"}},
		{"plural possessive", "the farmers' union and Jones's office",
			[]string{"the", "farmers", "'", "union", "and", "Jones", "'s", "office"}},
		{"negation", "Officials don't know, can't say and won’t guess; it isn't over",
			[]string{"Officials", "do", "n't", "know", ",", "ca", "n't", "say", "and", "wo", "n’t=>n't", "guess", ";", "it", "is", "n't", "over"}},
		{"other clitics", "they're sure we've won, I'm told she'd go and you'll see",
			[]string{"they", "'re", "sure", "we", "'ve", "won", ",", "I", "'m", "told", "she", "'d", "go", "and", "you", "'ll", "see"}},
		{"clitic already split", "Valdoria 's envoy", []string{"Valdoria", "'s", "envoy"}},
		{"double quotes of every kind", `He said "yes", “no” and «maybe» „fine“`,
			[]string{"He", "said", `"`, "yes", `"`, ",", `“=>"`, "no", `”=>"`, "and", `«=>"`, "maybe", `»=>"`, `„=>"`, "fine", `“=>"`}},
		{"single quotes", "the ‘Bluewater’ plan and the 'Road Map'",
			[]string{"the", "‘=>'", "Bluewater", "’=>'", "plan", "and", "the", "'", "Road", "Map", "'"}},
		{"typewriter quotes", "``Fine,'' he said",
			[]string{"``=>\"", "Fine", ",", "''=>\"", "he", "said"}},
		{"numbers", "Exports rose 3.5% to $1.2bn (1,000.5 tonnes), or 12,000 units",
			[]string{"Exports", "rose", "3.5", "%", "to", "$", "1.2bn", "(", "1,000.5", "tonnes", ")", ",", "or", "12,000", "units"}},
		{"ranges and codes", "On May 16-18, COVID-19 and the F-16 deal for 2021-2025",
			[]string{"On", "May", "16-18", ",", "COVID-19", "and", "the", "F-16", "deal", "for", "2021-2025"}},
		{"en dash ranges", "the 2021–2025 programme, pages 16–18",
			[]string{"the", "2021–2025=>2021-2025", "programme", ",", "pages", "16–18=>16-18"}},
		{"dates and times", "from 2023-05-16 to 16/05/2023 at 10:30 and 1:45.30",
			[]string{"from", "2023-05-16", "to", "16/05/2023", "at", "10:30", "and", "1:45.30"}},
		{"urls", "See https://www.valpress.de/en/news-1234. Or www.un.org, or bbc.co.uk/news!",
			[]string{"See", "https://www.valpress.de/en/news-1234", ".", "Or", "www.un.org", ",", "or", "bbc.co.uk/news", "!"}},
		{"url in brackets", "(http://en.wikipedia.org/wiki/Korvin_(city)) and (https://un.org)",
			[]string{"(", "http://en.wikipedia.org/wiki/Korvin_(city)", ")", "and", "(", "https://un.org", ")"}},
		{"domain names", "Amazon.com and valpress.de grew", []string{"Amazon.com", "and", "valpress.de", "grew"}},
		{"missing space after full stop", "he said.It was late.in fact", []string{"he", "said", ".", "It", "was", "late", ".", "in", "fact"}},
		{"e-mail", "Write to press@ifwa.org or jane.doe+news@mfa.gov.kz.",
			[]string{"Write", "to", "press@ifwa.org", "or", "jane.doe+news@mfa.gov.kz", "."}},
		{"handles and hashtags", "@IFWA posted #COVID19 news", []string{"@IFWA", "posted", "#COVID19", "news"}},
		{"dashes", "The alliance — a new platform – opened -- officials said - today",
			[]string{"The", "alliance", "—=>--", "a", "new", "platform", "–=>--", "opened", "--", "officials", "said", "-", "today"}},
		{"dash touching words", "Maresta—the city", []string{"Maresta", "—=>--", "the", "city"}},
		{"ellipses", "He paused... then … left....", []string{"He", "paused", "...", "then", "…=>...", "left", "...."}},
		{"Cyrillic and diacritics", "Корвин hosted Bergit Ählund and Oʻrtaland’s Şenol Varlık",
			[]string{"Корвин", "hosted", "Bergit", "Ählund", "and", "Oʻrtaland", "’s=>'s", "Şenol", "Varlık"}},
		{"Cyrillic sentence", "Варнхольт встретился с Генеральным секретарем ООН.",
			[]string{"Варнхольт", "встретился", "с", "Генеральным", "секретарем", "ООН", "."}},
		{"unicode hyphens", "Anna‐Lise and co\u00ADoperation",
			[]string{"Anna‐Lise=>Anna-Lise", "and", "co\u00ADoperation=>cooperation"}},
		{"currencies", "US$5 million, HK$10, C$3 and €300m or £600m",
			[]string{"US$", "5", "million", ",", "HK$", "10", ",", "C$", "3", "and", "€", "300m", "or", "£", "600m"}},
		{"signed and bare decimals", "rose +2.5 points to a .500 average, down -3",
			[]string{"rose", "+2.5", "points", "to", "a", ".500", "average", ",", "down", "-", "3"}},
		{"ampersands", "AT&T, S&P and R&D with Johnson & Johnson",
			[]string{"AT&T", ",", "S&P", "and", "R&D", "with", "Johnson", "&", "Johnson"}},
		{"initials", "John F. Kennedy read J. R. R. Tolkien", []string{"John", "F.", "Kennedy", "read", "J.", "R.", "R.", "Tolkien"}},
		{"abbreviations", "Mr. Smith, Dr. Jones and Gen. Ivanov of Acme Inc. and Globex Corp. met on Jan. 5 vs. Feb. 2",
			[]string{"Mr.", "Smith", ",", "Dr.", "Jones", "and", "Gen.", "Ivanov", "of", "Acme", "Inc.", "and", "Globex", "Corp.", "met", "on", "Jan.", "5", "vs.", "Feb.", "2"}},
		{"No. only before a number", "ranked No. 1, said no. Then No. He",
			[]string{"ranked", "No.", "1", ",", "said", "no", ".", "Then", "No", ".", "He"}},
		{"unknown word keeps no full stop", "in Korvin. Then", []string{"in", "Korvin", ".", "Then"}},
		{"list numbers at line start", "1. Trade\n 2. Energy rose 5. Then",
			[]string{"1.", "Trade", "2.", "Energy", "rose", "5", ".", "Then"}},
		{"brackets and punctuation", "(IFWA) [sic] {x}: yes; no? Really?!",
			[]string{"(", "IFWA", ")", "[", "sic", "]", "{", "x", "}", ":", "yes", ";", "no", "?", "Really", "?", "!"}},
		{"runs of symbols", "*** === ___", []string{"***", "===", "___"}},
		{"unicode spaces", "Teodor\u00A0Brannick\u2009met\u200Bher\u3000today",
			[]string{"Teodor", "Brannick", "met", "her", "today"}},
		{"invalid UTF-8", "bad\xffbyte", []string{"bad", "\xff", "byte"}},
		{"empty", "", nil},
		{"only spaces", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := token.Tokenize(tt.in)
			if len(got) != len(tt.want) {
				var texts []string
				for _, tk := range got {
					texts = append(texts, tk.Text)
				}
				t.Fatalf("Tokenize(%q): got %d tokens %q, want %d %q", tt.in, len(got), texts, len(tt.want), tt.want)
			}
			for i, tk := range got {
				surface, text := splitWant(tt.want[i])
				if tk.Start < 0 || tk.End > len(tt.in) || tk.Start >= tk.End {
					t.Fatalf("token %d: bad offsets [%d,%d) in %d bytes", i, tk.Start, tk.End, len(tt.in))
				}
				if got := tt.in[tk.Start:tk.End]; got != surface {
					t.Errorf("token %d: surface got %q, want %q", i, got, surface)
				}
				if tk.Text != text {
					t.Errorf("token %d: text got %q, want %q", i, tk.Text, text)
				}
			}
		})
	}
}

// TestTokenizeHeadline pins the tokens of a news headline where a
// typographic apostrophe (normalised to 's) meets a hyphenated title, and
// checks each token's offsets against the headline.
func TestTokenizeHeadline(t *testing.T) {
	in := "Valdoria’s Water Ministry hosts talks with UN Under-Secretary-General"
	want := []string{"Valdoria", "’s=>'s", "Water", "Ministry", "hosts", "talks", "with", "UN", "Under-Secretary-General"}
	got := token.Tokenize(in)
	if len(got) != len(want) {
		t.Fatalf("Tokenize(%q): got %d tokens, want %d", in, len(got), len(want))
	}
	for i, tk := range got {
		surface, text := splitWant(want[i])
		if tk.Start < 0 || tk.End > len(in) || tk.Start >= tk.End {
			t.Fatalf("token %d: bad offsets [%d,%d) in %d bytes", i, tk.Start, tk.End, len(in))
		}
		if got := in[tk.Start:tk.End]; got != surface {
			t.Errorf("token %d: surface got %q, want %q", i, got, surface)
		}
		if tk.Text != text {
			t.Errorf("token %d: text got %q, want %q", i, tk.Text, text)
		}
	}
}

// TestTokenizeAllocations pins the cost: one allocation for the result
// slice, none per token, on text without normalisation.
func TestTokenizeAllocations(t *testing.T) {
	in := strings.Repeat("The U.S. envoy met Valdoria's Deputy Trade Minister on May 16-18, officials said. ", 20)
	n := len(token.Tokenize(in))
	allocs := testing.AllocsPerRun(20, func() { token.Tokenize(in) })
	if allocs > 1 {
		t.Errorf("Tokenize of %d tokens: got %.0f allocations, want 1", n, allocs)
	}
}
