package refine

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/loader/text"
)

// nameLinks are the lower-case words a long organisation's name may hold
// between its capitalised words ("Commission for the Protection of the …").
var nameLinks = map[string]bool{
	"of": true, "for": true, "on": true, "the": true, "and": true, "in": true, "to": true, "&": true,
	"de": true, "del": true, "des": true, "du": true, "la": true, "le": true, "el": true, "y": true, "et": true,
}

// maxAcronymName is how many words past a span a name spelt out before its
// acronym may run.
const maxAcronymName = 16

// extendToAcronym extends an organisation's or other name that NER cut at
// "for", "of" or "on" over the rest of the name when an acronym in
// brackets spells the whole: "[International Commission] for the
// Protection of the [Danube River] (ICPDR)" is one name. The names NER
// found inside the extension are dropped.
func extendToAcronym(cs []cand, words []string) []cand {
	if mostlyCaps(words) {
		return cs
	}
	drop := false
	for i := range cs {
		c := &cs[i]
		if c.drop || (c.label != "ORG" && c.label != "MISC") || c.end >= len(words) {
			continue
		}
		if w := strings.ToLower(words[c.end]); w != "of" && w != "for" && w != "on" {
			continue
		}
		k := c.end
		for k < len(words) && k < c.end+maxAcronymName && words[k] != "(" &&
			(text.LowerGet(nameLinks, words[k]) || (text.Capitalised(words[k]) && isWordStart(words[k]))) {
			k++
		}
		if k+2 >= len(words) || words[k] != "(" || words[k+2] != ")" || !text.Capitalised(words[k-1]) {
			continue
		}
		if !spellsOut(words[c.start:k], words[k+1]) {
			continue
		}
		inside := true
		for j := range cs {
			o := cs[j]
			if j == i || o.drop || o.end <= c.end || o.start >= k {
				continue
			}
			if o.start < c.end || o.end > k {
				inside = false // a name runs across the end: leave it
			}
		}
		if !inside {
			continue
		}
		for j := range cs {
			if j != i && cs[j].start >= c.end && cs[j].end <= k {
				cs[j].drop = true
				drop = true
			}
		}
		c.end = k
	}
	if !drop {
		return cs
	}
	out := cs[:0]
	for _, c := range cs {
		if !c.drop {
			out = append(out, c)
		}
	}
	return out
}

// spellsOut reports whether acronym a (two or more capital letters, "ICPDR")
// is the initials of the capitalised words of name, in order, a leading
// "The" left out.
func spellsOut(name []string, a string) bool {
	if utf8.RuneCountInString(a) < 2 || !text.IsUpper(a) {
		return false
	}
	var initials []rune
	for k, w := range name {
		if k == 0 && strings.EqualFold(w, "the") || text.LowerGet(nameLinks, w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		initials = append(initials, unicode.ToUpper(r))
	}
	return string(initials) == a
}

// splitOrgTitlePlace splits a span NER ran over an organisation, a title and
// the place the title is for ("[WHO Regional Director for Africa]",
// "[UN Special Envoy to Sudan]") into the organisation and the place: the
// title between is no name, and coreference reads it as the title of the
// person named next to it. The organisation must be a known one or the
// title of two or more words.
func (lx *Stage) splitOrgTitlePlace(cs []cand, words []string) []cand {
	var add []cand
	for i := range cs {
		c := &cs[i]
		if c.drop || c.label != "ORG" || c.hs > 0 || c.ts > 0 || c.end-c.start < 4 {
			continue
		}
		w := words[c.start:c.end]
		for st := 1; st < len(w)-2; st++ {
			n, _ := lx.gaz.TitleAt(w, st)
			if n == 0 || st+n+1 >= len(w) {
				continue
			}
			if p := strings.ToLower(w[st+n]); p != "for" && p != "of" && p != "to" && p != "in" {
				continue
			}
			k := st + n + 1
			if k+1 < len(w) && strings.EqualFold(w[k], "the") {
				k++
			}
			if _, ok := lx.gaz.FindPlace(strings.Join(w[k:], " ")); !ok || !text.Capitalised(w[k]) {
				continue
			}
			if _, org := lx.gaz.FindOrg(strings.Join(w[:st], " ")); !org && n < 2 {
				continue
			}
			add = append(add, cand{start: c.start + k, end: c.end, label: "LOC"})
			c.end = c.start + st
			break
		}
	}
	if len(add) == 0 {
		return cs
	}
	cs = append(cs, add...)
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].start < cs[b].start })
	return cs
}
