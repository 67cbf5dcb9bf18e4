package graph

import (
	"slices"
	"testing"
)

func TestFoldLatin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain ascii", "plain ascii"},
		{"josé müller", "jose muller"},
		{"São Paulo", "Sao Paulo"},
		{"Łódź", "Lodz"},
		{"Søren Kierkegaard", "Soren Kierkegaard"},
		{"straße", "strasse"},
		{"Æsir", "AEsir"},
		{"Nguyễn Tấn Dũng", "Nguyen Tan Dung"},
		{"Erdoğan", "Erdogan"},
		{"Ceaușescu", "Ceausescu"},
		{"e\u0301te\u0301", "ete"}, // decomposed
		{"\u0301a", "\u0301a"},     // a mark after no letter stays
		{"Дмитрий Медведев", "Дмитрий Медведев"}, // another script stays
		{"Ελλάδα", "Ελλάδα"},
		{"東京", "東京"},
	} {
		if got := FoldLatin(c.in); got != c.want {
			t.Errorf("FoldLatin(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNameTokensFold(t *testing.T) {
	if got, want := NameTokens("Arsène Wenger's"), []string{"arsene", "wenger"}; !slices.Equal(got, want) {
		t.Errorf("NameTokens: got %q, want %q", got, want)
	}
}

func TestNameTokensInitials(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"U.S. Treasury", []string{"us", "treasury"}},
		{"Mike O'Brien", []string{"mike", "obrien"}},
		{"AT&T", []string{"at", "t"}},
		{"Wal-Mart Stores", []string{"wal", "mart", "stores"}},
		{"St. Louis", []string{"st", "louis"}},
		{"E. F. Hutton & Co", []string{"ef", "hutton", "co"}},
		{"World Health Organisation", []string{"world", "health", "organization"}},
	} {
		if got := NameTokens(c.in); !slices.Equal(got, c.want) {
			t.Errorf("NameTokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if PlainKey("Sony Corp.") != PlainKey("sony corp") || PlainKey("Sony Corp.") == PlainKey("Sony") {
		t.Error("PlainKey should tell Sony Corp. from Sony and keep case and punctuation out")
	}
}
