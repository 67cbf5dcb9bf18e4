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
