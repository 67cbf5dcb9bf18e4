package coref

import (
	"math"
	"sort"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// specificity breaks ties between mention types when an entity's mentions
// disagree: the more specific type wins.
var specificity = map[graph.EntityType]int{
	graph.Person: 7, graph.Location: 6, graph.Organization: 5, graph.Event: 4,
	graph.Initiative: 3, graph.NORP: 2, graph.Misc: 1,
}

// build sorts the mentions into text order and turns the clusters into
// d.Entities.
func (r *resolver) build() {
	d := r.d
	order := make([]int, len(d.Mentions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := d.Mentions[order[a]], d.Mentions[order[b]]
		if x.Sent != y.Sent {
			return x.Sent < y.Sent
		}
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		return x.End > y.End
	})
	mentions := make([]text.Mention, len(order))
	r.reason = make([]string, len(order))
	r.isShort = make([]bool, len(order))
	entityOf := map[int]int{} // root -> entity index
	d.Entities = d.Entities[:0]
	for k, old := range order {
		m := d.Mentions[old]
		root := r.find(old)
		e, ok := entityOf[root]
		if !ok {
			e = len(d.Entities)
			entityOf[root] = e
			d.Entities = append(d.Entities, text.Entity{})
		}
		m.Entity = e
		mentions[k] = m
		r.reason[k] = r.why[old]
		r.isShort[k] = r.short[old]
		d.Entities[e].Mentions = append(d.Entities[e].Mentions, k)
	}
	d.Mentions = mentions
	for e := range d.Entities {
		r.describe(&d.Entities[e])
	}
}

// describe sets an entity's type, name, aliases and attributes from its
// mentions (d.Mentions already in text order).
func (r *resolver) describe(e *text.Entity) {
	d := r.d
	count := map[graph.EntityType]int{}
	canonical := ""
	var canonType graph.EntityType
	for _, i := range e.Mentions {
		m := d.Mentions[i]
		if m.Nominal {
			continue
		}
		// Capitals (headlines, datelines) tell NER little: such a mention's
		// type counts half; a gazetteer name or a dateline's agency most.
		w := 2
		if t := d.MentionText(m); strings.ToUpper(t) == t {
			w = 1
		}
		if m.Canonical != "" || m.Attrs["role"] != "" {
			w = 3
		}
		if m.Modifier != "" {
			w = 0 // "U.S.-owned" says nothing of what the U.S. is
		}
		if r.isShort[i] && (m.Type == graph.Misc || m.Type == graph.Location) {
			// "Blu-ray" tagged MISC and joined to "Blu-ray Disc
			// Association" by its first words: a format or product named
			// after the organisation, it does not say what the entity is
			// (a person's first names tagged PER do: "Aigerim" of
			// "Aigerim Nurlanova" tagged ORG once).
			w = 0
		}
		count[m.Type] += w
		if c := m.Canonical; c != "" && canonical == "" {
			canonical, canonType = c, m.Type
		}
	}
	e.Name = canonical
	nameType := canonType
	if e.Name == "" {
		e.Name, nameType = r.fullestName(e.Mentions)
		e.Name = r.localName(e)
	}
	// The most votes win; a tie goes to the type of the mention that gave
	// the name, then to the more specific type.
	e.Type = graph.Misc
	best := -1
	for t, n := range count {
		if n > best || (n == best && (t == nameType || (e.Type != nameType && specificity[t] > specificity[e.Type]))) {
			e.Type, best = t, n
		}
	}
	if canonical != "" {
		e.Type = canonType
	}
	if best < 0 { // only descriptions: cannot happen, they join named entities
		e.Type = d.Mentions[e.Mentions[0]].Type
	}
	if place, ok := r.adjectivePlace(e); ok {
		// Only "Dallas-based" names it: the place, not an adjective.
		e.Name, e.Type = place.Name, graph.Location
	}
	seen := map[string]bool{graph.NormalizeName(e.Name): true, graph.NormalizeName(stripThe(e.Name)): true}
	localForms := r.localForms(e)
	e.Aliases = nil
	e.Attrs = map[string]string{}
	var descs, local []string
	for _, i := range e.Mentions {
		m := d.Mentions[i]
		if isPronounMention(d, m) {
			continue // explained in resolution, no description
		}
		t := surface(d, m)
		k := graph.NormalizeName(stripThe(t))
		switch {
		case m.Nominal || (localForms[k] && !seen[k]):
			// A description, or a name that stands for the entity only
			// in this text ("the Fund", "Commission", "Foreign Ministry").
			if !seen["desc:"+k] {
				seen["desc:"+k] = true
				descs = append(descs, t)
			}
		case seen[k]: // the name, or an alias already listed
		case r.lx.localPlace(stripThe(t), e.Type):
			seen[k] = true
			local = append(local, stripThe(t))
		default:
			seen[k] = true
			e.Aliases = append(e.Aliases, stripThe(t))
		}
		if m.Nominal {
			continue
		}
		for key, v := range m.Attrs {
			if _, ok := e.Attrs[key]; !ok && v != "" {
				e.Attrs[key] = v
			}
		}
	}
	if len(descs) > 0 {
		e.Attrs[graph.AttrDescriptions] = strings.Join(descs, graph.ListSeparator)
	}
	if len(local) > 0 {
		e.Attrs[graph.AttrLocalNames] = strings.Join(local, graph.ListSeparator)
	}
	if why := r.resolution(e); why != "" {
		e.Attrs[graph.AttrResolution] = why
	}
}

// localForms returns the normalised names (without a leading "The") by
// which an entity's mentions refer to it only within this document: a
// single generic word ("Fund", "the Alliance"), a name of generic words
// that the head-noun, first-words or country sieve linked ("Regional
// Alliance"; "Foreign Ministry" of "Latvian Foreign Ministry", even when
// written "Latvia's Foreign Ministry"; "Veldmark" of "Dutch Veldmark"
// stays an alias). Every mention of such a name counts, whichever sieve
// linked it.
func (r *resolver) localForms(e *text.Entity) map[string]bool {
	out := map[string]bool{}
	for _, i := range e.Mentions {
		m := r.d.Mentions[i]
		if m.Nominal {
			continue
		}
		t := stripThe(surface(r.d, m))
		local := r.lx.genericWord(t)
		switch r.reason[i] {
		case reasonHead, reasonFirst, reasonCountry:
			local = local || r.lx.genericName(t)
		}
		if local {
			out[graph.NormalizeName(t)] = true
		}
	}
	return out
}

// resolution explains an entity: for each of its other names and its
// descriptions, the sieve that linked it ("UNICEF: acronym in parentheses;
// Ozols: name part; The Latvian diplomat: description"); equal names go
// without saying.
func (r *resolver) resolution(e *text.Entity) string {
	var parts []string
	seen := map[string]bool{graph.NormalizeName(e.Name): true}
	for _, i := range e.Mentions {
		why := r.reason[i]
		if why == "" || why == sameName {
			continue
		}
		t := surface(r.d, r.d.Mentions[i])
		if k := graph.NormalizeName(t); !seen[k] {
			seen[k] = true
			parts = append(parts, t+": "+why)
		}
	}
	return strings.Join(parts, graph.ListSeparator)
}

// surface returns a mention's name: its text without a title, honorific
// or trailing possessive.
func surface(d *text.Doc, m text.Mention) string {
	if n := m.Name; n != "" {
		return n
	}
	// Hard-wrapped text (Reuters) breaks names across lines.
	t := strings.Join(strings.Fields(d.MentionText(m)), " ")
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if s, ok := strings.CutSuffix(t, p); ok && s != "" {
			return s
		}
	}
	// One full stop ends both an abbreviation and its sentence ("moved
	// to the U.S."); the tokens give it to the sentence, the name keeps
	// it: "U.S.", "Fort Lee, N.J.", not "U.S".
	if toks := d.Sentences[m.Sent].Tokens; m.End == len(toks)-1 && toks[m.End].Text == "." &&
		toks[m.End].Start == toks[m.End-1].End && abbreviation(t[strings.LastIndexByte(t, ' ')+1:]) {
		return t + "."
	}
	return t
}

// abbreviation reports whether w is single letters joined by full stops
// ("U.S", "N.J", "L.P"): the shape of an abbreviation that lost its final
// full stop (not "PowerPage.org").
func abbreviation(w string) bool {
	if len(w) < 3 || len(w)%2 == 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		letter := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
		if i%2 == 0 && !letter || i%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

// fullestName picks the name an entity is best known by: a written-out name
// over an acronym, more words over fewer, mixed case over all capitals,
// then the first seen.
func (r *resolver) fullestName(members []int) (string, graph.EntityType) {
	d := r.d
	best, bestScore := "", math.MinInt
	var typ graph.EntityType
	for _, i := range members {
		m := d.Mentions[i]
		if m.Nominal {
			continue
		}
		t := surface(d, m)
		words := strings.Fields(t)
		if len(words) > 1 && strings.EqualFold(words[0], "the") {
			words = words[1:] // "The Government" is no fuller than "U.K. Government"
		}
		score := len(words) * 4
		if acronym(t) == "" {
			score += 1000
		}
		if r.lx.genericWord(stripThe(t)) {
			score -= 2000 // "Fund" names the entity only when nothing else does
		}
		if strings.ToUpper(t) != t {
			score += 2
		}
		if score > bestScore {
			best, bestScore, typ = t, score, m.Type
		}
	}
	return best, typ
}

// adjectivePlace returns the known place an entity is, when every named
// mention of it is an adjective made of the place's name ("Dallas-based",
// "U.S.-owned").
func (r *resolver) adjectivePlace(e *text.Entity) (gazetteer.Place, bool) {
	base := ""
	for _, i := range e.Mentions {
		m := r.d.Mentions[i]
		if m.Nominal {
			continue
		}
		if m.Modifier == "" || m.Type != graph.Misc {
			return gazetteer.Place{}, false
		}
		if base == "" {
			base = m.Name
		}
	}
	if base == "" {
		return gazetteer.Place{}, false
	}
	return r.lx.gaz.FindPlace(base)
}
