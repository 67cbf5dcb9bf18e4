package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"github.com/kgraph/kgraph/graph"
)

//go:embed data/*.tsv data/*.tsv.gz
var files embed.FS

// Tables is everything the package knows, read once by Load (or Parse)
// and read-only afterwards: safe for concurrent use.
type Tables struct {
	places    map[string]int // name key -> index into placeList
	placeAbbr map[string]int // exact capitals abbreviation -> index
	placeList []Place
	subdivs   map[string]Place // name key -> a state, province or region of one country (FindSubdivision)

	orgs     map[string]int
	orgAbbr  map[string]int
	orgFirst map[string]int // key of a first word -> most words of a name starting with it
	orgList  []Org

	comps     map[string]int // name key -> index into compList
	compAbbr  map[string]int
	compAmbig map[string]bool // keys and acronyms of ambiguous forms
	compList  []Company

	demonyms map[string]string // normalised word or phrase -> place name
	norp     map[string]bool

	timeZones map[string]bool // abbreviations as written

	titles map[string]uint8     // lower-case word -> role bits
	heads  map[string][]headDef // first word of a head phrase -> phrases, longest first
}

type headDef struct {
	words []string
	lead  bool
}

// Role bits of a title word.
const (
	roleLead uint8 = 1 << iota
	roleHead
	roleMod
	roleSub
	roleDomain
	roleNoun
	roleHon
)

// Load reads and validates the embedded tables. A malformed line of an
// embedded file is an error naming the file and line. The first call does
// the work; later calls share its result, which is read-only.
func Load() (*Tables, error) { return loadEmbedded() }

var loadEmbedded = sync.OnceValues(func() (*Tables, error) { return Parse(files) })

// Parse reads the tables from fsys, which holds the files of data/ under
// the same names (data/places.tsv.gz, data/places.tsv, data/demonyms.tsv,
// data/orgs.tsv, data/companies.tsv, data/norp.tsv, data/titles.tsv,
// data/timezones.tsv). Tests use it to check that a corrupt file is an
// error.
func Parse(fsys fs.FS) (*Tables, error) {
	t := &Tables{
		places: map[string]int{}, placeAbbr: map[string]int{}, subdivs: map[string]Place{},
		orgs: map[string]int{}, orgAbbr: map[string]int{}, orgFirst: map[string]int{},
		comps: map[string]int{}, compAbbr: map[string]int{}, compAmbig: map[string]bool{},
		demonyms: map[string]string{}, norp: map[string]bool{},
		titles: map[string]uint8{}, heads: map[string][]headDef{}, timeZones: map[string]bool{},
	}
	steps := []struct {
		file string
		fn   func([]string) error
	}{
		{"data/places.tsv.gz", t.addGenPlace},
		{"data/places.tsv", t.addHandPlace},
		{"data/demonyms.tsv", t.addDemonym},
		{"data/orgs.tsv", t.addOrg},
		{"data/companies.tsv", t.addCompany},
		{"data/norp.tsv", t.addNORP},
		{"data/titles.tsv", t.addTitle},
		{"data/timezones.tsv", func(f []string) error { t.timeZones[field(f, 0)] = true; return nil }},
	}
	for _, s := range steps {
		if err := eachLine(fsys, s.file, s.fn); err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
	}
	for k := range t.subdivs { // a name FindPlace knows ("New York") is that place
		if _, ok := t.places[k]; ok {
			delete(t.subdivs, k)
		}
	}
	return t, nil
}

// eachLine calls fn with the tab-separated fields of every line of an
// embedded file that is neither blank nor a # comment.
func eachLine(fsys fs.FS, name string, fn func([]string) error) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	var r io.Reader = bytes.NewReader(b)
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// field returns f[i], or "" when the line is shorter.
func field(f []string, i int) string {
	if i < len(f) {
		return strings.TrimSpace(f[i])
	}
	return ""
}

// list splits a field on sep, dropping empty items.
func list(s, sep string) []string {
	var out []string
	for _, x := range strings.Split(s, sep) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// key is the case-insensitive form under which names are indexed.
func key(s string) string {
	k := graph.NormalizeName(s)
	k = strings.TrimPrefix(k, "the ")
	if strings.Contains(k, ".") {
		k = strings.Join(strings.Fields(strings.ReplaceAll(k, ".", " ")), " ")
	}
	if strings.Contains(k, " ,") { // tokens joined: "Educational , Scientific"
		k = strings.ReplaceAll(k, " ,", ",")
	}
	return k
}

// abbr reports whether s is a short all-capital abbreviation ("US",
// "U.K.", "UN-Habitat" is not), maybe after "the" ("The US"), and returns
// it without full stops.
func abbr(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = strings.TrimSpace(s[4:])
	}
	s = strings.ReplaceAll(s, ".", "")
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r) || r == '-' || r == '&':
		default:
			return "", false
		}
	}
	return s, letters >= 2 && letters <= 6
}
