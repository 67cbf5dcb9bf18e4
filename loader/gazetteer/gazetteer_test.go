package gazetteer_test

import (
	"compress/gzip"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kgraph/kgraph/loader/gazetteer"
)

func TestFindPlace(t *testing.T) {
	tests := []struct {
		name, want, kind, country string
	}{
		{"Kazakhstan", "Kazakhstan", "country", "Kazakhstan"},
		{"Republic of Kazakhstan", "Kazakhstan", "country", "Kazakhstan"},
		{"the Republic of Kazakhstan", "Kazakhstan", "country", "Kazakhstan"},
		{"Kazakhstan’s", "Kazakhstan", "country", "Kazakhstan"},
		{"Britain", "United Kingdom", "country", "United Kingdom"},
		{"U.K.", "United Kingdom", "country", "United Kingdom"},
		{"UK", "United Kingdom", "country", "United Kingdom"},
		{"Great Britain", "United Kingdom", "country", "United Kingdom"},
		{"U.S.", "United States", "country", "United States"},
		{"US", "United States", "country", "United States"},
		{"America", "United States", "country", "United States"},
		{"United States of America", "United States", "country", "United States"},
		{"the Netherlands", "Netherlands", "country", "Netherlands"},
		{"Turkey", "Turkey", "country", "Turkey"},
		{"Kingdom of Spain", "Spain", "country", "Spain"},
		{"Almaty", "Almaty", "city", "Kazakhstan"},
		{"ASTANA", "Astana", "city", "Kazakhstan"},
		{"Nur-Sultan", "Astana", "city", "Kazakhstan"},
		{"Kiev", "Kyiv", "city", "Ukraine"},
		{"London", "London", "city", "United Kingdom"},
		{"Central Asia", "Central Asia", "region", ""},
		{"Middle East", "Middle East", "region", ""},
		{"Europe", "Europe", "region", ""},
		{"Georgia", "Georgia", "country", "Georgia"},
		{"Republic of China", "Taiwan", "country", "Taiwan"},
	}
	for _, tt := range tests {
		p, ok := tab.FindPlace(tt.name)
		if !ok {
			t.Errorf("FindPlace(%q): not found, want %s", tt.name, tt.want)
			continue
		}
		if p.Name != tt.want || p.Kind != tt.kind || p.Country != tt.country {
			t.Errorf("FindPlace(%q) = %s/%s/%s, want %s/%s/%s", tt.name, p.Name, p.Kind, p.Country, tt.want, tt.kind, tt.country)
		}
	}
	for _, name := range []string{"us", "car", "Foreign Ministry", "Republic", "Berg Republic", "Republic of Nowhere"} {
		if p, ok := tab.FindPlace(name); ok {
			t.Errorf("FindPlace(%q) = %s, want not found", name, p.Name)
		}
	}
}

func TestCountryByCode(t *testing.T) {
	for code, want := range map[string]string{"KZ": "Kazakhstan", "KAZ": "Kazakhstan", "GB": "United Kingdom", "USA": "United States"} {
		if p, ok := tab.CountryByCode(code); !ok || p.Name != want {
			t.Errorf("CountryByCode(%q) = %q, %v, want %q", code, p.Name, ok, want)
		}
	}
}

func TestFindOrg(t *testing.T) {
	tests := []struct{ name, want, parent string }{
		{"UN", "United Nations", ""},
		{"U.N.", "United Nations", ""},
		{"United Nations", "United Nations", ""},
		{"UNFPA", "United Nations Population Fund", "United Nations"},
		{"UN Population Fund", "United Nations Population Fund", "United Nations"},
		{"U.N. Population Fund", "United Nations Population Fund", "United Nations"},
		{"UN-Women", "UN Women", "United Nations"},
		{"UN Women", "UN Women", "United Nations"},
		{"UNDP", "United Nations Development Programme", "United Nations"},
		{"World Health Organisation", "World Health Organization", "United Nations"},
		{"WHO", "World Health Organization", "United Nations"},
		{"NATO", "North Atlantic Treaty Organization", ""},
		{"EU", "European Union", ""},
		{"Red Cross", "Red Cross", ""},
		{"REUTER", "Reuters", ""}, // the sign-off of a wire story
		{"Reuters", "Reuters", ""},
		{"AFP", "Agence France-Presse", ""},
		{"Xinhua", "Xinhua News Agency", ""},
	}
	for _, tt := range tests {
		o, ok := tab.FindOrg(tt.name)
		if !ok || o.Name != tt.want || o.Parent != tt.parent {
			t.Errorf("FindOrg(%q) = %q (parent %q), %v; want %q (parent %q)", tt.name, o.Name, o.Parent, ok, tt.want, tt.parent)
		}
	}
	for _, name := range []string{"who", "Who", "Foreign Ministry", "Nordvik"} {
		if o, ok := tab.FindOrg(name); ok {
			t.Errorf("FindOrg(%q) = %q, want not found", name, o.Name)
		}
	}
}

func TestFindOrgNationalAgency(t *testing.T) {
	tests := []struct{ name, want, country string }{
		{"USAID", "United States Agency for International Development", "United States"},
		{"U.S. Agency for International Development", "United States Agency for International Development", "United States"},
		{"Sida", "Swedish International Development Cooperation Agency", "Sweden"},
		{"SIDA", "Swedish International Development Cooperation Agency", "Sweden"},
		{"Norad", "Norwegian Agency for Development Cooperation", "Norway"},
		{"NORAD", "North American Aerospace Defense Command", ""},
		{"Danida", "Danish International Development Agency", "Denmark"},
		{"JICA", "Japan International Cooperation Agency", "Japan"},
		{"KOICA", "Korea International Cooperation Agency", "South Korea"},
		{"TIKA", "Turkish Cooperation and Coordination Agency", "Turkey"},
		{"GIZ", "German Agency for International Cooperation", "Germany"},
		{"Deutsche Gesellschaft für Internationale Zusammenarbeit", "German Agency for International Cooperation", "Germany"},
		{"KfW", "KfW", "Germany"},
		{"AFD", "French Development Agency", "France"},
		{"Agence Française de Développement", "French Development Agency", "France"},
		{"Enabel", "Belgian Development Agency", "Belgium"},
		{"SDC", "Swiss Agency for Development and Cooperation", "Switzerland"},
		{"Irish Aid", "Irish Aid", "Ireland"},
		{"FCDO", "Foreign, Commonwealth and Development Office", "United Kingdom"},
		{"Foreign , Commonwealth and Development Office", "Foreign, Commonwealth and Development Office", "United Kingdom"},
		{"DFID", "Department for International Development", "United Kingdom"},
		{"AusAID", "Australian Agency for International Development", "Australia"},
		{"Global Affairs Canada", "Global Affairs Canada", "Canada"},
		{"AECID", "Spanish Agency for International Development Cooperation", "Spain"},
		{"UNFPA", "United Nations Population Fund", ""},
	}
	for _, tt := range tests {
		o, ok := tab.FindOrg(tt.name)
		if !ok || o.Name != tt.want || o.Country != tt.country {
			t.Errorf("FindOrg(%q) = %q (country %q), %v; want %q (country %q)", tt.name, o.Name, o.Country, ok, tt.want, tt.country)
		}
	}
	// Written in lower case or as an acronym of another body, these are no agency.
	for _, name := range []string{"AfD", "kfw bank", "Aid", "Development Agency"} {
		if o, ok := tab.FindOrg(name); ok {
			t.Errorf("FindOrg(%q) = %q, want not found", name, o.Name)
		}
	}
}

func TestOrgAt(t *testing.T) {
	tests := []struct {
		sent string
		i, n int
		want string
	}{
		{"with UN-Women and UNDP", 1, 1, "UN Women"},
		{"with UN - Women and UNDP", 1, 3, "UN Women"},
		{"with UN-Women and UNDP", 3, 1, "United Nations Development Programme"},
		{"the United Nations Population Fund said", 1, 4, "United Nations Population Fund"},
		{"the United Nations said", 1, 2, "United Nations"},
		{"the Foreign Ministry said", 1, 0, ""},
		{"paid through Sida before June", 2, 1, "Swedish International Development Cooperation Agency"},
		{"the Foreign , Commonwealth and Development Office said", 1, 6, "Foreign, Commonwealth and Development Office"},
	}
	for _, tt := range tests {
		n, o := tab.OrgAt(strings.Fields(tt.sent), tt.i)
		if n != tt.n || o.Name != tt.want {
			t.Errorf("OrgAt(%q, %d) = %d, %q; want %d, %q", tt.sent, tt.i, n, o.Name, tt.n, tt.want)
		}
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct{ word, want string }{
		{"Kazakh", "Kazakhstan"}, {"Kazakhs", "Kazakhstan"}, {"British", "United Kingdom"},
		{"American", "United States"}, {"Americans", "United States"}, {"Chinese", "China"},
		{"Central Asian", "Central Asia"}, {"Swiss", "Switzerland"}, {"Turkish", "Turkey"},
	}
	for _, tt := range tests {
		if got, ok := tab.Demonym(tt.word); !ok || got != tt.want {
			t.Errorf("Demonym(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
	for _, w := range []string{"Kazakhstan", "Foreign", "Fund", "Ozolses"} {
		if got, ok := tab.Demonym(w); ok {
			t.Errorf("Demonym(%q) = %q, want none", w, got)
		}
	}
}

func TestIsNORP(t *testing.T) {
	for name, want := range map[string]bool{
		"Muslim": true, "Muslims": true, "Sunni": true, "Kazakh": true, "Republicans": true,
		"Kazakhstan": false, "Olympics": false, "COVID-19": false,
	} {
		if got := tab.IsNORP(name); got != want {
			t.Errorf("IsNORP(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		words string
		ok    bool
		lead  bool
	}{
		{"President", true, true},
		{"Prime Minister", true, true},
		{"First Deputy Energy Minister", true, false},
		{"First Deputy Minister", true, false},
		{"Executive Director", true, false},
		{"Secretary-General", true, true},
		{"Secretary - General", true, true},
		{"Deputy Secretary-General", true, false},
		{"Vice President", true, false},
		{"former President", true, false},
		{"shadow chancellor", true, false},
		{"chief executive officer", true, true},
		{"CEO", true, true},
		{"spokesman", true, false},
		{"Foreign Minister", true, false},
		{"mayor", true, true},
		{"Foreign Ministry", false, false},
		{"Deputy", true, false},
		{"First", false, false},
		{"Regional Water Summit", false, false},
	}
	for _, tt := range tests {
		title, lead, ok := tab.Title(strings.Fields(tt.words))
		if ok != tt.ok || lead != tt.lead {
			t.Errorf("Title(%q) = %q, lead %v, ok %v; want lead %v, ok %v", tt.words, title, lead, ok, tt.lead, tt.ok)
		}
	}
	if got, _, _ := tab.Title([]string{"Secretary", "-", "General"}); got != "Secretary-General" {
		t.Errorf("Title(Secretary - General) = %q, want Secretary-General", got)
	}
}

func TestTitleBefore(t *testing.T) {
	tests := []struct {
		sent  string
		end   int
		start int
		ok    bool
	}{
		{"UNICEF Executive Director Anna Berg", 3, 1, true},
		{"said First Deputy Energy Minister Janis Ozols", 5, 1, true},
		{"the talks in Almaty", 3, 0, false},
	}
	for _, tt := range tests {
		start, _, ok := tab.TitleBefore(strings.Fields(tt.sent), tt.end)
		if ok != tt.ok || (ok && start != tt.start) {
			t.Errorf("TitleBefore(%q, %d) = %d, %v; want %d, %v", tt.sent, tt.end, start, ok, tt.start, tt.ok)
		}
	}
}

func TestTitleWord(t *testing.T) {
	for w, want := range map[string]bool{"Deputy": true, "foreign": true, "Minister": true, "prime": true, "Natalia": false, "said": false} {
		if got := tab.TitleWord(w); got != want {
			t.Errorf("TitleWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestSubordinate(t *testing.T) {
	for w, want := range map[string]bool{"Deputy": true, "vice": true, "First": false, "Minister": false} {
		if got := tab.Subordinate(w); got != want {
			t.Errorf("Subordinate(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestHonorific(t *testing.T) {
	for w, want := range map[string]bool{"Mr": true, "Mrs.": true, "Dr": true, "Sir": true, "President": false, "Anna": false} {
		if got := tab.Honorific(w); got != want {
			t.Errorf("Honorific(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestPersonNoun(t *testing.T) {
	for w, want := range map[string]bool{"diplomat": true, "Minister": true, "official": true, "Government": false, "delegation": false} {
		if got := tab.PersonNoun(w); got != want {
			t.Errorf("PersonNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

// tab is the embedded tables, read once for the package's tests.
var tab = func() *gazetteer.Tables {
	t, err := gazetteer.Load()
	if err != nil {
		panic(err)
	}
	return t
}()

func TestParseCorrupt(t *testing.T) {
	fsys := fstest.MapFS{
		"data/places.tsv.gz": {Data: []byte("not gzip")},
	}
	if _, err := gazetteer.Parse(fsys); err == nil || !strings.Contains(err.Error(), "places.tsv.gz") {
		t.Fatalf("corrupt places.tsv.gz: got %v, want an error naming the file", err)
	}
}

// TestFindOrgForms checks that the forms news writes a national body in
// (an acronym, "&" for "and", a country prefix, a short name) find one
// organisation, and that a form any country's body goes by finds none.
func TestFindOrgForms(t *testing.T) {
	groups := map[string][]string{
		"Securities and Exchange Commission":                {"Securities and Exchange Commission", "Securities & Exchange Commission", "SEC", "U.S. Securities and Exchange Commission"},
		"United States Department of Agriculture":           {"U.S. Department of Agriculture", "U.S. Agriculture Department", "USDA", "US Agriculture Department"},
		"Federal Reserve":                                   {"Federal Reserve", "Fed", "Federal Reserve Board", "U.S. Federal Reserve"},
		"Organization of the Petroleum Exporting Countries": {"OPEC", "Opec"},
		"BBC": {"BBC", "British Broadcasting Corporation"},
	}
	for want, forms := range groups {
		for _, f := range forms {
			if o, ok := tab.FindOrg(f); !ok || o.Name != want {
				t.Errorf("FindOrg(%q) = %q, %v; want %q", f, o.Name, ok, want)
			}
		}
	}
	for _, f := range []string{"Agriculture Department", "Senate", "sec", "New York Fed"} {
		if o, ok := tab.FindOrg(f); ok {
			t.Errorf("FindOrg(%q) = %q, want none", f, o.Name)
		}
	}
}

// TestDemonymPluralIsNoCountry checks that a country whose name ends in -s
// is no plural of its demonym ("Philippines", "Philippine").
func TestDemonymPluralIsNoCountry(t *testing.T) {
	if p, ok := tab.Demonym("Philippines"); ok {
		t.Errorf("Demonym(Philippines) = %q, want none: it is the country", p)
	}
	if p, ok := tab.Demonym("Filipinos"); !ok || p != "Philippines" {
		t.Errorf("Demonym(Filipinos) = %q, %v; want Philippines", p, ok)
	}
}

// TestFindSubdivision checks the states, provinces and regions of one
// country: found apart from FindPlace, never for a name that is a city, a
// country or a subdivision of several countries.
func TestFindSubdivision(t *testing.T) {
	for _, tt := range []struct{ name, want, country string }{
		{"Jiangsu", "Jiangsu", "China"},
		{"California", "California", "United States"},
		{"Rajasthan", "Rajasthan", "India"},
		{"Queensland", "Queensland", "Australia"},
	} {
		p, ok := tab.FindSubdivision(tt.name)
		if !ok || p.Name != tt.want || p.Kind != "region" || p.Country != tt.country {
			t.Errorf("FindSubdivision(%q) = %+v, %v; want region %s in %s", tt.name, p, ok, tt.want, tt.country)
		}
		if q, ok := tab.FindPlace(tt.name); ok {
			t.Errorf("FindPlace(%q) = %+v: subdivisions are kept apart", tt.name, q)
		}
	}
	// New York and Washington are cities, Georgia a country, Amazonas a
	// state of Brazil and a department of Colombia.
	for _, name := range []string{"New York", "Washington", "Georgia", "Amazonas", "Bristol, City of"} {
		if p, ok := tab.FindSubdivision(name); ok {
			t.Errorf("FindSubdivision(%q) = %+v, want not found", name, p)
		}
	}
}

func TestParseSubdivisionWithoutCountry(t *testing.T) {
	var gz strings.Builder
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("subdivision\tNowhere\t\tXX\t\t0\t\n"))
	zw.Close()
	if _, err := gazetteer.Parse(fstest.MapFS{"data/places.tsv.gz": {Data: []byte(gz.String())}}); err == nil || !strings.Contains(err.Error(), "places.tsv.gz:1") {
		t.Fatalf("a subdivision without its country: got %v, want an error naming the line", err)
	}
}
