package coref

import (
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// Every alias an entity carries is a key the store resolves other
// documents' names by, so only names that say which thing they are across
// documents become aliases. A short form that stands for a longer name
// only within one text — "the Fund", "Commission", "Foreign Ministry" — is
// kept as a mention and listed in the "descriptions" attribute; a place
// name linked to an organisation is kept as a mention and listed in
// "localNames".

// genericHeads are common nouns that head the names of many institutions,
// events and teams: on its own (or after a determiner and modifiers of
// genericMods and titles) such a word names nothing outside the document.
var genericHeads = map[string]bool{
	"fund": true, "alliance": true, "ministry": true, "council": true, "agency": true, "bank": true,
	"party": true, "government": true, "commission": true, "committee": true, "department": true,
	"office": true, "authority": true, "board": true, "union": true, "association": true,
	"federation": true, "institute": true, "institution": true, "university": true, "college": true,
	"school": true, "company": true, "corporation": true, "group": true, "foundation": true,
	"organisation": true, "organization": true, "assembly": true, "parliament": true, "senate": true,
	"congress": true, "court": true, "tribunal": true, "army": true, "navy": true, "police": true,
	"service": true, "centre": true, "center": true, "programme": true, "program": true,
	"initiative": true, "summit": true, "meeting": true, "conference": true, "forum": true,
	"festival": true, "award": true, "awards": true, "prize": true, "cup": true, "league": true,
	"games": true, "series": true, "tour": true, "championship": true, "act": true, "bill": true,
	"law": true, "treaty": true, "agreement": true, "accord": true, "plan": true, "strategy": true,
	"campaign": true, "project": true, "club": true, "team": true, "society": true, "trust": true,
	"network": true, "channel": true, "radio": true, "tv": true, "television": true, "city": true,
	"united": true, "county": true, "state": true, "republic": true, "kingdom": true,
	"secretariat": true, "mission": true, "delegation": true, "embassy": true, "cabinet": true,
	"administration": true, "regime": true, "coalition": true, "movement": true, "front": true,
	"bureau": true, "division": true, "unit": true, "directorate": true, "inquiry": true,
	"report": true, "force": true, "declaration": true, "convention": true, "charter": true,
}

// genericMods are words that modify such heads without naming anything
// ("National Council", "Central Bank", "Regional Alliance").
var genericMods = map[string]bool{
	"national": true, "international": true, "central": true, "federal": true, "regional": true,
	"general": true, "executive": true, "supreme": true, "high": true, "joint": true, "special": true,
	"select": true, "standing": true, "interim": true, "provisional": true, "public": true,
	"royal": true, "global": true, "world": true, "local": true, "new": true, "main": true,
	"constitutional": true, "permanent": true, "parliamentary": true, "ruling": true,
	"opposition": true, "military": true, "civil": true, "reserve": true, "development": true,
	"investment": true, "population": true, "health": true, "security": true, "trade": true,
}

// stripThe returns s without a leading "The" ("The Fund" -> "Fund"), unless
// nothing would remain.
func stripThe(s string) string {
	f := strings.Fields(s)
	if len(f) > 1 && strings.EqualFold(f[0], "the") {
		return strings.Join(f[1:], " ")
	}
	return s
}

// genericWord reports whether a name (without a leading "The") is a single
// generic head ("Fund", "Alliance", "Commission"), which names nothing
// outside the text that uses it as a short form.
func (lx *Stage) genericWord(s string) bool {
	f := strings.Fields(s)
	if len(f) != 1 || !genericHeads[strings.ToLower(f[0])] || acronym(f[0]) != "" {
		return false
	}
	_, known := lx.gaz.FindOrg(s)
	return !known
}

// genericName reports whether a name (without a leading "The") is made of
// generic words only — at least one head, and modifiers, title words and
// function words: "Regional Alliance", "Executive Board", "Foreign
// Ministry", "Department of Justice"; not "UN Agency", "Latvian Government"
// or a name the gazetteer knows ("Security Council").
func (lx *Stage) genericName(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	if _, ok := lx.gaz.FindOrg(s); ok {
		return false
	}
	head := false
	for k, w := range f {
		lw := strings.ToLower(w)
		if functionWords[lw] && k > 0 && k < len(f)-1 {
			continue
		}
		if acronym(w) != "" || !(genericMods[lw] || genericHeads[lw] || lx.gaz.TitleWord(lw)) {
			return false
		}
		head = head || genericHeads[lw]
	}
	return head
}

// determiners that, in lower case before a generic word, make it a
// description of something the text has in mind ("the Cabinet").
var determiners = text.Set(text.Articles, []string{"this"}, text.Possessives)

// localName returns the name of an entity known in the document only by a
// generic word: the word with the lower-case determiner the text writes
// before it ("the Cabinet", also for "The Cabinet" opening a sentence),
// which marks the name as a description that the store resolves no other
// document's name by. Any other entity keeps its name.
func (r *resolver) localName(e *text.Entity) string {
	word := stripThe(e.Name)
	if !r.lx.genericWord(word) {
		return e.Name
	}
	for _, i := range e.Mentions {
		m := r.d.Mentions[i]
		if m.Nominal || graph.NormalizeName(stripThe(surface(r.d, m))) != graph.NormalizeName(word) {
			continue
		}
		if f := strings.Fields(surface(r.d, m)); len(f) > 1 {
			return strings.ToLower(f[0]) + " " + word // "The Cabinet"
		}
		if m.Start > 0 {
			if det := strings.ToLower(r.tokens(m.Sent)[m.Start-1].Text); determiners[det] {
				return det + " " + word
			}
		}
	}
	return e.Name
}

// localPlace reports whether name t, a name of an entity typed typ, is a
// place's name that must not become the entity's alias: an organisation,
// event or the like is never known by a place's name elsewhere ("Leicester"
// of "BBC Radio Leicester").
func (lx *Stage) localPlace(t string, typ graph.EntityType) bool {
	if group(typ) != 4 {
		return false
	}
	_, ok := lx.gaz.FindPlace(t)
	return ok
}

// functionWords join the parts of a name that describes one thing by
// another ("Institute for the Study of Labour", "Bank of England").
var functionWords = map[string]bool{"of": true, "for": true, "and": true, "&": true, "the": true, "in": true, "on": true, "at": true, "to": true}

// hasFunctionWord reports whether lower-case words hold a function word.
func hasFunctionWord(low []string) bool {
	for _, w := range low {
		if functionWords[w] {
			return true
		}
	}
	return false
}
