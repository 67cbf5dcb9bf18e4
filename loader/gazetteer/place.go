package gazetteer

import (
	"fmt"
	"strconv"
	"strings"
)

// Place is a country, region or city.
type Place struct {
	Name       string // canonical English name: "Kazakhstan", "Almaty", "Central Asia"
	Kind       string // "country", "region" (continents included) or "city"
	Country    string // the country it lies in (a country's is itself); "" for regions across borders
	ISO2, ISO3 string // ISO 3166-1 codes of a country; ISO2 of a city's country
	Population int    // of a city, when known
}

// rank orders kinds when two places share a name: a country wins over a
// region, a region over a city ("Mexico", "Georgia", "Luxembourg").
var rank = map[string]int{"country": 3, "region": 2, "city": 1}

// FindPlace returns the place known under name — its canonical name or any
// other name, such as "Britain", "U.K." or "Republic of Latvia".
func (t *Tables) FindPlace(name string) (Place, bool) {
	if i, ok := t.findPlace(name); ok {
		return t.placeList[i], true
	}
	return Place{}, false
}

// FindSubdivision returns the state, province or region of one country
// called name ("Jiangsu", "California", "Bayern"), as a place of kind
// region with its country; never a name FindPlace knows ("New York" is
// the city). Subdivisions are apart from FindPlace: many of their names
// are also surnames, clubs or words ("Rivera", "Delta"), so only a name
// already taken for a place should be looked up here.
func (t *Tables) FindSubdivision(name string) (Place, bool) {
	p, ok := t.subdivs[key(name)]
	return p, ok
}

// CountryByCode returns the country with ISO 3166-1 alpha-2 or alpha-3 code
// code, in capitals ("KZ", "KAZ").
func (t *Tables) CountryByCode(code string) (Place, bool) {
	for _, p := range t.placeList {
		if p.Kind == "country" && p.ISO2 != "" && (p.ISO2 == code || p.ISO3 == code) {
			return p, true
		}
	}
	return Place{}, false
}

// stateForms are the words before a country's name in its official name.
var stateForms = []string{
	"republic of", "kingdom of", "state of", "states of", "commonwealth of",
	"federation of", "principality of", "grand duchy of", "duchy of", "sultanate of",
	"emirate of", "union of", "federal republic of", "democratic republic of",
	"islamic republic of", "people's republic of", "peoples republic of",
	"socialist republic of", "arab republic of", "united republic of",
	"federal democratic republic of", "democratic socialist republic of",
	"hashemite kingdom of", "plurinational state of", "bolivarian republic of",
	"oriental republic of", "independent state of", "co-operative republic of",
	"cooperative republic of", "kyrgyz republic of", "lao people's democratic republic of",
}

func (t *Tables) findPlace(name string) (int, bool) {
	if a, ok := abbr(name); ok {
		if i, ok := t.placeAbbr[a]; ok {
			return i, true
		}
	}
	k := key(name)
	if i, ok := t.places[k]; ok {
		return i, true
	}
	if !strings.Contains(k, "of ") { // every state form ends with "of"
		return 0, false
	}
	for _, f := range stateForms {
		if len(k) > len(f) && k[len(f)] == ' ' && strings.HasPrefix(k, f) {
			rest := k[len(f)+1:]
			if i, ok := t.places[strings.TrimPrefix(rest, "the ")]; ok && t.placeList[i].Kind == "country" {
				return i, true
			}
		}
	}
	return 0, false
}

// addPlace indexes p under its name and other names; an existing place of
// a higher rank keeps a shared name, and so does one of the same rank
// unless hand is set (hand-written names override generated ones).
func (t *Tables) addPlace(p Place, other []string, hand bool) {
	idx := -1
	if i, ok := t.places[key(p.Name)]; ok && t.placeList[i].Kind == p.Kind {
		idx = i // a second line about the same place adds names
		if p.Country != "" {
			t.placeList[i].Country = p.Country
		}
	} else {
		idx = len(t.placeList)
		t.placeList = append(t.placeList, p)
	}
	for _, n := range append([]string{p.Name}, other...) {
		if a, ok := abbr(n); ok {
			t.placeAbbr[a] = idx
			continue
		}
		k := key(n)
		if old, ok := t.places[k]; ok && old != idx && (rank[t.placeList[old].Kind] > rank[p.Kind] || (!hand && rank[t.placeList[old].Kind] == rank[p.Kind])) {
			continue
		}
		t.places[k] = idx
	}
}

// addGenPlace reads a line of places.tsv.gz:
// kind name country iso2 iso3 population other-names.
func (t *Tables) addGenPlace(f []string) error {
	kind := field(f, 0)
	if kind == "subdivision" {
		p := Place{Name: field(f, 1), Kind: "region", Country: field(f, 2), ISO2: field(f, 3)}
		if p.Name == "" || p.Country == "" {
			return fmt.Errorf("subdivision %q without a name or country", p.Name)
		}
		for _, n := range append([]string{p.Name}, list(field(f, 6), "|")...) {
			t.subdivs[key(n)] = p
		}
		return nil
	}
	if kind == "continent" {
		kind = "region"
	}
	if rank[kind] == 0 {
		return fmt.Errorf("unknown kind %q", kind)
	}
	pop, _ := strconv.Atoi(field(f, 5))
	t.addPlace(Place{Name: field(f, 1), Kind: kind, Country: field(f, 2), ISO2: field(f, 3), ISO3: field(f, 4), Population: pop}, list(field(f, 6), "|"), false)
	return nil
}

// addHandPlace reads a line of places.tsv: kind name country other-names.
func (t *Tables) addHandPlace(f []string) error {
	kind, name := field(f, 0), field(f, 1)
	if rank[kind] == 0 || name == "" {
		return fmt.Errorf("bad line: kind %q, name %q", kind, name)
	}
	country := field(f, 2)
	if kind == "country" && country == "" {
		country = name
	}
	t.addPlace(Place{Name: name, Kind: kind, Country: country}, list(field(f, 3), "|"), true)
	return nil
}
