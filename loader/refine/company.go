package refine

import (
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// company types cs[i] as the organisation when its name is exactly a
// well-known company's (data/companies.tsv in the gazetteer), and reports
// whether it did. NER often tags a company by a name it has not seen as a
// person or place ("Sony", "Gartner", "Time Warner"); a span tagged ORG
// keeps its type and gains the company's canonical name. A name that is
// also a known place stays a place when NER tagged it LOC or it is a
// country's ("Emirates"); tagged PER or MISC, a city's name is the
// company's ("Toyota"). A name the list marks ambiguous — also a person's
// name, a place or a common word — is retyped only when nothing says it
// is the other thing: never from MISC ("Dow Jones" the index, "Jaguar"
// the car), nor given the company's name when tagged ORG (Labour's "NEC"
// is no electronics firm); tagged PER or LOC, not when the document names
// a person of two or more words ending in it ("Harrison Ford" and
// "Ford"), after an initial ("C Thomson") or next to a person in a list
// ("Abbott, Voyce"); tagged LOC, not after "the" ("the Amazon"). A
// person's span with an honorific or title ("Mr Dell") is never a
// company.
func (lx *Stage) company(cs []cand, i int, words []string, x spanIndex, isPlace bool, placeKind string) bool {
	c := &cs[i]
	w := c.name(words)
	co, ambiguous, ok := lx.gaz.FindCompany(strings.Join(w, " "))
	if !ok || c.hs > 0 || (isPlace && (c.label == "LOC" || placeKind == "country")) {
		return false
	}
	if ambiguous {
		switch c.label {
		case "MISC":
			return false // "Jaguar", "Dow Jones" (the index), "Coke" (the drink)
		case "ORG":
			return false // an organisation, but maybe another: Labour's "NEC"
		case "PER", "LOC":
			if x.surnames[wordsKey(w)] || lx.personList(cs, i, words) {
				return false
			}
			if c.label == "LOC" && c.start > 0 && strings.EqualFold(words[c.start-1], "the") {
				return false
			}
		}
	}
	c.typ = graph.Organization
	c.setCanonical(co.Name)
	c.set("country", co.Country)
	return true
}

// noteSurname records in x.surnames the lower-case last words of the
// document's person spans of two or more words, and of one or two words
// after the first ("Harrison Ford", "Michael Dell"; "Eli Lilly" of
// "Mr Eli Lilly").
func (x spanIndex) noteSurname(words []string) {
	for k := 1; k < len(words) && k <= 2; k++ {
		x.surnames[wordsKey(words[len(words)-k:])] = true
	}
}

// personList reports whether cs[i] follows an initial ("C Thomson") or is
// an item of a list next to a name tagged PER that is no company
// ("Lewsey, Abbott, Voyce"; "Sony and Philips" is no such list).
func (lx *Stage) personList(cs []cand, i int, words []string) bool {
	c := cs[i]
	if c.start > 0 && len(words[c.start-1]) == 1 && text.Capitalised(words[c.start-1]) {
		return true
	}
	for j := range cs {
		o := cs[j]
		if j == i || o.drop || o.label != "PER" {
			continue
		}
		between := ""
		switch {
		case o.end == c.start-1:
			between = words[o.end]
		case o.start == c.end+1:
			between = words[c.end]
		default:
			continue
		}
		if between != "," && between != "and" && between != ";" {
			continue
		}
		if _, _, co := lx.gaz.FindCompany(strings.Join(words[o.start:o.end], " ")); !co {
			return true
		}
	}
	return false
}

// sitesOfCompanies are the nouns after a company's place that say it is
// one: "BP's Texas City refinery", "Rover's Longbridge plant".
var sitesOfCompanies = map[string]bool{
	"plant": true, "plants": true, "factory": true, "factories": true, "site": true, "sites": true, "refinery": true,
	"works": true, "store": true, "stores": true, "headquarters": true, "hq": true, "office": true, "offices": true,
	"operations": true, "mill": true, "mine": true, "branch": true, "base": true, "campus": true, "facility": true,
	"unit": true, "division": true, "subsidiary": true, "arm": true, "market": true, "business": true,
}

// companyProduct reports whether a span tagged LOC that is no known place
// and has no place's head word names a product of the known company whose
// possessive comes right before it ("Sony 's [Playstation]", "Apple 's
// [Safari]"): NER reads an unknown name after a possessive as a place,
// and relation extraction would seat the company in it. A place noun
// after the span keeps the place ("BP 's Texas City refinery").
func (lx *Stage) companyProduct(cs []cand, i int, words []string) bool {
	c := cs[i]
	if c.label != "LOC" || c.start < 2 || !possessive(words[c.start-1]) {
		return false
	}
	if _, _, ok := lx.keywordType("LOC", c.name(words)); ok {
		return false
	}
	if c.end < len(words) && text.LowerGet(sitesOfCompanies, words[c.end]) {
		return false
	}
	j := candEndingAt(cs, c.start-1)
	if j < 0 {
		return false
	}
	_, ambiguous, ok := lx.gaz.FindCompany(strings.Join(cs[j].name(words), " "))
	return ok && (!ambiguous || cs[j].typ == graph.Organization)
}
