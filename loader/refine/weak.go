package refine

import (
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// genericMention reports whether a mention's name words are only a
// generic head of data/generic-heads.txt ("Senate", "The Commission",
// "CENTRAL BANK"): a description of something the text has in mind, not
// a name. A name the gazetteers know is never generic.
func (lx *Stage) genericMention(w []string) bool {
	if len(w) > 1 && strings.EqualFold(w[0], "the") {
		w = w[1:]
	}
	if len(w) == 0 || len(w) > 2 || !text.Capitalised(w[0]) {
		return false
	}
	name := strings.Join(w, " ")
	if !lx.genericHeads[strings.ToLower(name)] {
		return false
	}
	_, org := lx.gaz.FindOrg(name)
	return !org
}

// qualifyGeneric names a generic mention by the demonym or known place
// written right before it, which CoNLL-2003 annotates as a name of its own
// ("[Italian] [Senate]", "[Japan] 's [Cabinet]"): the mention is then the
// "Italian Senate", no description. It reports whether it did.
func (lx *Stage) qualifyGeneric(c *cand, words []string) bool {
	w := c.name(words)
	if len(w) > 1 && strings.EqualFold(w[0], "the") {
		w = w[1:]
	}
	k := c.start + c.hs
	if k > 0 && possessive(words[k-1]) {
		k--
	}
	for n := 2; n >= 1; n-- {
		if k-n < 0 {
			continue
		}
		before := words[k-n : k]
		if !text.Capitalised(before[0]) || determiner(before[0]) {
			continue
		}
		q := strings.Join(before, " ")
		if _, ok := lx.gaz.Demonym(q); !ok {
			if _, ok := lx.gaz.FindPlace(q); !ok {
				continue
			}
		}
		c.setName(gazetteer.JoinWords(append(append([]string{}, before...), w...)))
		return true
	}
	return false
}

// headlineFragment reports whether a mention in a sentence written in
// capitals names nothing the story names: its name is no name NER found
// in the document's lines in mixed case and no name the gazetteers know
// ("FED ALLOWS CITICORP", "INDUSTRIES INC"). Only in a document that has
// lines in mixed case: a story written all in capitals is judged by
// nothing else.
func (lx *Stage) headlineFragment(c cand, words []string, x spanIndex) bool {
	if !x.mixed || !mostlyCaps(words) || c.canonical != "" {
		return false
	}
	name := strings.Join(c.name(words), " ")
	if x.bodyNames[strings.ToLower(name)] != "" {
		return false
	}
	if _, ok := lx.gaz.FindPlace(name); ok {
		return false
	}
	if _, ok := lx.gaz.FindOrg(name); ok {
		return false
	}
	if _, _, ok := lx.gaz.FindCompany(name); ok {
		return false
	}
	if _, ok := lx.gaz.Demonym(name); ok {
		return false
	}
	return !lx.gaz.IsNORP(name)
}

// noteBodyNames records, for headlineFragment, the lower-case names of
// the spans of sentences in mixed case, and whether the document has one.
func (x *spanIndex) noteBodyNames(words []string, spans []text.Span) {
	if mostlyCaps(words) {
		return
	}
	for _, w := range words {
		if isWordStart(w) {
			x.mixed = true
			break
		}
	}
	for _, sp := range spans {
		if sp.Start >= 0 && sp.End <= len(words) && sp.Start < sp.End {
			x.bodyNames[wordsKey(words[sp.Start:sp.End])] = gazetteer.JoinWords(words[sp.Start:sp.End])
		}
	}
}

// countryTaggedMisc reports whether a span tagged MISC is a country's name
// alone ("the US economy", "wheat for the USSR"): NER reads a country
// before a noun as an adjective, but it names the country, as CoNLL-2003
// annotates it ("U.S." is LOC in nine of ten of its spans). A demonym
// ("Philippine") or an adjective made of the name ("U.S.-based") stays.
func (lx *Stage) countryTaggedMisc(c *cand, name string) bool {
	if c.label != "MISC" || c.hs > 0 || c.ts > 0 || strings.Contains(name, "-") {
		return false
	}
	_, demonym := lx.gaz.Demonym(name)
	return !demonym && !lx.gaz.IsNORP(name)
}

// countryBodies names a national body by the known one the document names,
// when the mention is that body's name without its country: in a story
// that names the "USDA" (or the "U.S. Agriculture Department"), a bare
// "Agriculture Department" is the USDA, since the gazetteer lists "U.S.
// Agriculture Department" as its name and "U.S." is the USDA's country.
// Mentions from index from on are looked at.
func (lx *Stage) countryBodies(d *text.Doc, from int) {
	var bodies []gazetteer.Org
	seen := map[string]bool{}
	for _, m := range d.Mentions[from:] {
		if m.Canonical == "" || seen[m.Canonical] {
			continue
		}
		seen[m.Canonical] = true
		if o, ok := lx.gaz.FindOrg(m.Canonical); ok && o.Country != "" && o.Name == m.Canonical {
			bodies = append(bodies, o)
		}
	}
	if len(bodies) == 0 {
		return
	}
	for i := from; i < len(d.Mentions); i++ {
		m := &d.Mentions[i]
		if m.Canonical != "" || m.Type != graph.Organization || m.Nominal {
			continue
		}
		name := m.Name
		if name == "" {
			name = gazetteer.JoinWords(mentionWords(d, *m))
		}
		if f := strings.Fields(name); len(f) > 1 && strings.EqualFold(f[0], "the") {
			name = strings.Join(f[1:], " ")
		}
		if len(strings.Fields(name)) < 2 {
			continue // "Department" alone says too little
		}
		if o, ok := lx.bodyOf(bodies, name); ok {
			m.Canonical = o.Name
			if m.Attrs == nil {
				m.Attrs = map[string]string{}
			}
			m.Attrs["country"] = o.Country
		}
	}
}

// bodyOf returns the one body among bodies that has a name made of a name
// of its country and name.
func (lx *Stage) bodyOf(bodies []gazetteer.Org, name string) (gazetteer.Org, bool) {
	var found []gazetteer.Org
	low := " " + strings.ToLower(name)
	for _, o := range bodies {
		for _, f := range o.Names {
			lf := strings.ToLower(f)
			if len(lf) <= len(low) || !strings.HasSuffix(lf, low) {
				continue
			}
			if p, ok := lx.gaz.FindPlace(f[:len(f)-len(low)]); ok && p.Name == o.Country {
				found = append(found, o)
				break
			}
		}
	}
	if len(found) != 1 {
		return gazetteer.Org{}, false
	}
	return found[0], true
}

// mentionWords returns the words of a mention's span.
func mentionWords(d *text.Doc, m text.Mention) []string {
	toks := d.Sentences[m.Sent].Tokens[m.Start:m.End]
	out := make([]string, len(toks))
	for k, t := range toks {
		out[k] = t.Text
	}
	return out
}

// politicalGroup reports whether a name is a group of the gazetteer's
// norp.tsv ("Tories", "Democrats") and no demonym: the members of a party
// or a creed, never a place, a person or an organisation of their own.
func (lx *Stage) politicalGroup(name string) bool {
	if _, ok := lx.gaz.Demonym(name); ok {
		return false
	}
	return lx.gaz.IsNORP(name)
}

// fragmentName returns the name a headline's fragment starts or ends with
// that the story names in mixed case, as the story writes it: "Citicorp"
// of "FED ALLOWS CITICORP", "Yeutter" of "YEUTTER WARNS CONGRESS" (the
// longest, the start first), or "" when none does or the story has a
// longer name that starts with the whole fragment.
func fragmentName(w []string, x spanIndex) string {
	// A longer name of the story that starts with the whole fragment is
	// its name ("DAIWA SINGAPORE" of "Daiwa Singapore Ltd"): coreference
	// joins them by their first words.
	whole := wordsKey(w) + " "
	for k := range x.bodyNames {
		if strings.HasPrefix(k, whole) {
			return ""
		}
	}
	for n := len(w) - 1; n >= 1; n-- {
		if v := x.bodyNames[wordsKey(w[:n])]; v != "" {
			return v
		}
		if v := x.bodyNames[wordsKey(w[len(w)-n:])]; v != "" {
			return v
		}
	}
	return ""
}

// knownName reports whether the gazetteers know a name as an organisation,
// a place or (unambiguously) a company: a span of two such names joined by
// "and" is a list ("[IMF and World Bank]").
func (lx *Stage) knownName(w []string) bool {
	name := gazetteer.JoinWords(w)
	if _, ok := lx.gaz.FindOrg(name); ok {
		return true
	}
	if _, ok := lx.gaz.FindPlace(name); ok {
		return true
	}
	_, ambiguous, ok := lx.gaz.FindCompany(name)
	return ok && !ambiguous
}
