package gazetteer

import (
	"fmt"
	"strings"
)

// Org is a well-known international organisation or national agency.
type Org struct {
	Name     string   // canonical English name: "United Nations Children's Fund"
	Acronyms []string // "UNICEF"
	Parent   string   // canonical name of the organisation it belongs to, or ""
	Country  string   // canonical name of the country a national body belongs to, or ""
	Names    []string // other names as listed ("U.S. Agriculture Department")
}

// FindOrg returns the organisation known under name: its canonical name, an
// acronym (only when written in capitals) or another name ("UN Children's
// Fund", "UN Women").
func (t *Tables) FindOrg(name string) (Org, bool) {
	if a, ok := abbr(name); ok {
		if i, ok := t.orgAbbr[a]; ok {
			return t.orgList[i], true
		}
	}
	if i, ok := t.orgs[key(name)]; ok {
		return t.orgList[i], true
	}
	return Org{}, false
}

// OrgAt returns the length in words of the longest well-known organisation
// name that starts at words[i] (0 when none does) and the organisation.
func (t *Tables) OrgAt(words []string, i int) (int, Org) {
	maxLen := t.orgFirst[firstKey(words[i])]
	if maxLen == 0 {
		return 0, Org{}
	}
	for j := min(len(words), i+maxLen); j > i; j-- {
		if o, ok := t.FindOrg(JoinWords(words[i:j])); ok {
			return j - i, o
		}
	}
	return 0, Org{}
}

// firstKey is the key of a name's first word, as orgFirst indexes it.
func firstKey(w string) string {
	k := key(w)
	if i := strings.IndexByte(k, ' '); i >= 0 {
		k = k[:i]
	}
	return strings.TrimSuffix(k, ",")
}

// noteFirst records that an organisation name of n words starts with the
// word whose key is first.
func (t *Tables) noteFirst(name string) {
	k := key(name)
	// "UN-Women" may be written UN - Women; a comma is a token of its own.
	n := len(strings.Fields(k)) + strings.Count(k, "-")*2 + strings.Count(k, ",")
	first := firstKey(strings.Fields(name + " x")[0])
	if n > t.orgFirst[first] {
		t.orgFirst[first] = n
	}
}

// unForms are the ways news writes "United Nations" before an agency name.
var unForms = []string{"united nations ", "un ", "u.n. "}

// addOrg reads a line of orgs.tsv: name acronyms parent other-names
// country.
func (t *Tables) addOrg(f []string) error {
	o := Org{Name: field(f, 0), Acronyms: list(field(f, 1), "|"), Parent: field(f, 2), Country: field(f, 4), Names: list(field(f, 3), "|")}
	if o.Name == "" {
		return fmt.Errorf("organisation without a name")
	}
	if o.Country != "" {
		if p, ok := t.findPlace(o.Country); !ok || t.placeList[p].Kind != "country" || t.placeList[p].Name != o.Country {
			return fmt.Errorf("%s: country %q is no country's canonical name", o.Name, o.Country)
		}
	}
	idx := len(t.orgList)
	t.orgList = append(t.orgList, o)
	names := append([]string{o.Name}, list(field(f, 3), "|")...)
	for _, a := range o.Acronyms {
		if x, ok := abbr(a); ok {
			t.orgAbbr[x] = idx
		} else {
			names = append(names, a) // mixed case such as "UN-Habitat", "AfDB"
		}
	}
	for _, a := range o.Acronyms {
		t.noteFirst(a)
	}
	for _, n := range names {
		for _, v := range unVariants(n) {
			t.noteFirst(v)
			if a, ok := abbr(v); ok {
				t.orgAbbr[a] = idx
				continue
			}
			if _, dup := t.orgs[key(v)]; !dup {
				t.orgs[key(v)] = idx
			}
		}
	}
	return nil
}

// unVariants returns n with its "United Nations" prefix written each way
// news writes it, and with a hyphen after "UN" ("UN-Women") as a space.
func unVariants(n string) []string {
	low := strings.ToLower(n)
	for _, p := range unForms {
		if rest, ok := strings.CutPrefix(low, p); ok {
			rest = n[len(n)-len(rest):]
			out := make([]string, 0, len(unForms))
			for _, q := range []string{"United Nations ", "UN ", "U.N. "} {
				out = append(out, q+rest)
			}
			return out
		}
	}
	if rest, ok := strings.CutPrefix(n, "UN-"); ok {
		return []string{n, "UN " + rest, "United Nations " + rest}
	}
	return []string{n}
}
