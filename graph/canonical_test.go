package graph

import "testing"

func TestCanonicalKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Securities & Exchange Commission", "securities and exchange commission"},
		{"The Securities and Exchange Commission", "Securities and Exchange Commission"},
		{"Sony Corp.", "Sony"},
		{"Sony Corporation", "SONY"},
		{"U.S. Department of Agriculture", "US Department of Agriculture"},
		{"Royal Dutch/Shell", "Royal Dutch Shell"},
		{"O'Brien", "OBrien"},
		{"Kazakhstan’s Foreign Ministry", "kazakhstan's foreign ministry"},
		{"Merrill Lynch & Co", "Merrill Lynch"},
		{"E. F. Hutton", "E.F. Hutton"},
		{"J P Morgan", "J.P. Morgan"},
		{"World Health Organisation", "World Health Organization"},
		{"Ministry of Defence", "Ministry of Defense"},
		{"Wells Fargo and Co Inc", "Wells Fargo"},
		{"José Mourinho", "Jose Mourinho"},
		{"Société Générale", "Societe Generale"},
		{"José Mourinho", "José Mourinho"}, // decomposed accent
	} {
		if ka, kb := CanonicalKey(c.a), CanonicalKey(c.b); ka != kb {
			t.Errorf("CanonicalKey(%q) = %q, CanonicalKey(%q) = %q; want equal", c.a, ka, c.b, kb)
		}
	}
	for _, c := range []struct{ a, b string }{
		{"Sony", "Sony Music"},
		{"Labour", "New Labour"},
		{"US", "USA"},
		{"Дмитрий", "Дмитрии"}, // й is a letter of its own, not и with a mark
		{"Johnson & Johnson", "Johnson"},
		{"George W. Bush", "George Bush"},
		{"Labour Party", "Labor Party"},
		{"Formula 1 A", "Formula 1A"},
		{"Barnes and Noble", "Barnes"},
	} {
		if ka := CanonicalKey(c.a); ka == CanonicalKey(c.b) {
			t.Errorf("CanonicalKey(%q) = CanonicalKey(%q) = %q; want different", c.a, c.b, ka)
		}
	}
	if got := CanonicalKey("Smith & Co"); got != "smith" {
		t.Errorf("the and of & Co: got %q", got)
	}
	if got := CanonicalKey("The Co."); got != "co" {
		t.Errorf("at least one word stays: got %q", got)
	}
}

func TestAcronym(t *testing.T) {
	for name, want := range map[string]string{
		"Securities and Exchange Commission":                "SEC",
		"U.S. Department of Agriculture":                    "USDA",
		"North Atlantic Treaty Organization":                "NATO",
		"European Union":                                    "EU",
		"Organisation of the Petroleum Exporting Countries": "OPEC",
		"Sony": "",
	} {
		if got := Acronym(name); got != want {
			t.Errorf("Acronym(%q) = %q, want %q", name, got, want)
		}
	}
	for s, want := range map[string]bool{"SEC": true, "U.S.": true, "AT&T": true, "G7": false, "Sony": false, "A": false, "NASDAQX12": true} {
		if got := IsAcronymForm(s); got != want {
			t.Errorf("IsAcronymForm(%q) = %v, want %v", s, got, want)
		}
	}
}
