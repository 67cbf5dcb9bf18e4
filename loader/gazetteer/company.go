package gazetteer

import (
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/loader/text"
)

// Company is a well-known company or brand (data/companies.tsv).
type Company struct {
	Name    string // canonical name as news writes it, without a legal form: "Sony", "Ford"
	Country string // canonical name of the country of its headquarters, or ""
	Sector  string // "technology", "autos", "energy", "finance", ...
}

// FindCompany returns the company known under name — its canonical name,
// a short name, a former name or an acronym (only when written in
// capitals) — with any legal form after it left out ("Sony Corp",
// "Nintendo Co Ltd", "BP plc") and then one corporate word ("Nissan
// Motor", "Altria Group"). ambiguous reports that the name as
// written is also a person's name, a place or a common word ("Ford",
// "Amazon", "Next"), so that a caller retypes it only with care.
func (t *Tables) FindCompany(name string) (c Company, ambiguous, ok bool) {
	for _, n := range withoutLegalForm(name) {
		if a, isAbbr := abbr(n); isAbbr {
			if i, ok := t.compAbbr[a]; ok {
				return t.compList[i], t.compAmbig[a], true
			}
		}
		k := key(n)
		if i, ok := t.comps[k]; ok {
			return t.compList[i], t.compAmbig[k], true
		}
	}
	return Company{}, false, false
}

// legalForms are the words of a company's legal form that news writes
// after its name.
var legalForms = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true, "co": true, "company": true, "ltd": true, "limited": true,
	"plc": true, "ag": true, "sa": true, "nv": true, "bv": true, "spa": true, "gmbh": true, "llc": true, "se": true, "kgaa": true,
	"ab": true, "asa": true, "oy": true,
}

// corporateWords name no business of their own after a company's short
// name: "Nissan Motor", "Altria Group", "Qwest Communications" are the
// companies news also calls "Nissan", "Altria" and "Qwest". One of them may
// end a name after its legal forms are left out; words that name a
// business line ("Sony Pictures", "Barclays Capital", "Fiat Auto") are
// other companies and are not listed.
var corporateWords = map[string]bool{
	"group": true, "holdings": true, "holding": true, "motor": true, "motors": true, "communications": true,
	"industries": true, "technologies": true, "networks": true, "systems": true, "broadband": true, "international": true,
}

// CompanySuffix reports whether words (lower case) are what news writes
// after a company's short name and nothing more: legal forms ("co ltd",
// "inc."), after at most one corporate word ("group plc", "holdings"),
// as withoutLegalForm leaves them out.
func CompanySuffix(words []string) bool {
	if len(words) == 0 {
		return false
	}
	if corporateWords[words[0]] {
		words = words[1:]
	}
	for _, w := range words {
		if !legalForm(w) {
			return false
		}
	}
	return true
}

// legalForm reports whether word is a legal form, in any case, with or
// without full stops ("Inc.", "plc").
func legalForm(word string) bool {
	return legalForms[strings.ToLower(strings.ReplaceAll(word, ".", ""))]
}

// withoutLegalForm returns name and, when it ends in legal forms, name
// without each of them, longest first ("Nintendo Co Ltd", "Nintendo Co",
// "Nintendo"), then without a corporate word before them ("Toyota Motor
// Corp", ..., "Toyota").
func withoutLegalForm(name string) []string {
	out := []string{name}
	w := strings.Fields(name)
	for len(w) > 1 {
		if !legalForm(w[len(w)-1]) {
			break
		}
		w = w[:len(w)-1]
		if n := len(w); n > 1 && (w[n-1] == "&" || strings.EqualFold(w[n-1], "and")) {
			w = w[:n-1] // "Procter & Gamble Co"; "Johnson & Co" keeps its partner word
		}
		out = append(out, strings.Join(w, " "))
	}
	if len(w) > 1 && text.LowerGet(corporateWords, w[len(w)-1]) {
		out = append(out, strings.Join(w[:len(w)-1], " "))
	}
	return out
}

// addCompany reads a line of companies.tsv: name, other names, country,
// sector, ambiguous forms.
func (t *Tables) addCompany(f []string) error {
	c := Company{Name: field(f, 0), Country: field(f, 2), Sector: field(f, 3)}
	if c.Name == "" {
		return fmt.Errorf("company without a name")
	}
	if c.Country != "" {
		if p, ok := t.findPlace(c.Country); !ok || t.placeList[p].Kind != "country" || t.placeList[p].Name != c.Country {
			return fmt.Errorf("%s: country %q is no country's canonical name", c.Name, c.Country)
		}
	}
	idx := len(t.compList)
	t.compList = append(t.compList, c)
	forms := map[string]bool{}
	for _, n := range append([]string{c.Name}, list(field(f, 1), "|")...) {
		forms[n] = true
		if a, ok := abbr(n); ok {
			if j, dup := t.compAbbr[a]; dup && j != idx {
				return fmt.Errorf("%s: acronym %q is %s's already", c.Name, n, t.compList[j].Name)
			}
			t.compAbbr[a] = idx
			continue
		}
		k := key(n)
		if j, dup := t.comps[k]; dup && j != idx {
			return fmt.Errorf("%s: name %q is %s's already", c.Name, n, t.compList[j].Name)
		}
		t.comps[k] = idx
	}
	for _, n := range list(field(f, 4), "|") {
		if !forms[n] {
			return fmt.Errorf("%s: ambiguous form %q is none of its names", c.Name, n)
		}
		if a, ok := abbr(n); ok {
			t.compAmbig[a] = true
		} else {
			t.compAmbig[key(n)] = true
		}
	}
	return nil
}
