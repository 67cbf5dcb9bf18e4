package gazetteer

import (
	"fmt"
	"strings"
)

// Org is a well-known international organisation.
type Org struct {
	Name     string   // canonical English name: "United Nations Population Fund"
	Acronyms []string // "UNFPA"
	Parent   string   // canonical name of the organisation it belongs to, or ""
}

// FindOrg returns the organisation known under name: its canonical name, an
// acronym (only when written in capitals) or another name ("UN Population
// Fund", "UN Women").
func FindOrg(name string) (Org, bool) {
	t := get()
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

// unForms are the ways news writes "United Nations" before an agency name.
var unForms = []string{"united nations ", "un ", "u.n. "}

// addOrg reads a line of orgs.tsv: name acronyms parent other-names.
func (t *tables) addOrg(f []string) error {
	o := Org{Name: field(f, 0), Acronyms: list(field(f, 1), "|"), Parent: field(f, 2)}
	if o.Name == "" {
		return fmt.Errorf("organisation without a name")
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
	for _, n := range names {
		for _, v := range unVariants(n) {
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
