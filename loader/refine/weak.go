package refine

import (
	"strings"

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
	if len(w) == 0 || len(w) > 2 || !capitalised(w[0]) {
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
		if !capitalised(before[0]) || determiner(before[0]) {
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
	if x.bodyNames[strings.ToLower(name)] {
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
			x.bodyNames[strings.ToLower(strings.Join(words[sp.Start:sp.End], " "))] = true
		}
	}
}
