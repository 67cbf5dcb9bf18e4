package gazetteer

import (
	"fmt"
	"strings"
)

// Demonym returns the place whose people or things word names — "Kazakh" and
// "Kazakhs" give "Kazakhstan", "British" gives "United Kingdom", "Central
// Asian" gives "Central Asia" — and whether word is a known demonym. The
// place can be looked up with FindPlace.
func (t *Tables) Demonym(word string) (place string, ok bool) {
	k := key(word)
	if p, ok := t.demonyms[k]; ok {
		return p, true
	}
	if stem, ok := plural(k); ok {
		if _, place := t.places[k]; place {
			return "", false // "Philippines" is no plural of "Philippine"
		}
		p, ok := t.demonyms[stem]
		return p, ok
	}
	return "", false
}

// IsNORP reports whether name is a nationality, religious, ethnic or
// political group, or an adjective of one: a demonym ("Kazakh",
// "Americans") or a listed group ("Muslim", "Sunni", "Republicans").
func (t *Tables) IsNORP(name string) bool {
	if _, ok := t.Demonym(name); ok {
		return true
	}
	k := key(name)
	if t.norp[k] {
		return true
	}
	stem, ok := plural(k)
	return ok && t.norp[stem]
}

// plural returns the singular of an English plural in -s, when k is one.
func plural(k string) (string, bool) {
	if len(k) > 3 && strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") {
		return k[:len(k)-1], true
	}
	return "", false
}

// addDemonym reads a line of demonyms.tsv: place words.
func (t *Tables) addDemonym(f []string) error {
	place := field(f, 0)
	i, ok := t.findPlace(place)
	if !ok {
		return fmt.Errorf("demonym place %q is not in the place gazetteer", place)
	}
	place = t.placeList[i].Name
	for _, w := range list(field(f, 1), ",") {
		t.demonyms[key(w)] = place
	}
	return nil
}

// addNORP reads a line of norp.tsv: one group name.
func (t *Tables) addNORP(f []string) error {
	t.norp[key(field(f, 0))] = true
	return nil
}

// TimeZone reports whether name is a time zone abbreviation as written
// ("GMT", "EST"): a unit of time that news names but a graph does not keep.
func (t *Tables) TimeZone(name string) bool { return t.timeZones[strings.TrimSpace(name)] }
