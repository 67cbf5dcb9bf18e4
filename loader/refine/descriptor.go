package refine

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/kgraph/kgraph/loader/text"
)

//go:embed data/org-descriptors.tsv
var descriptorData string

// descriptors holds data/org-descriptors.tsv: organisation head nouns,
// strong or weak, by their last word, and the modifiers allowed before them.
type descriptors struct {
	heads     map[string][]descHead // by last word
	modifiers map[string]bool
}

type descHead struct {
	phrase   []string
	strong   bool
	personal bool // describes a person as well ("a senior broadcaster")
}

// endsAt reports whether h's phrase is words[end-len:end], starting at
// from or after.
func (h descHead) endsAt(words []string, from, end int) bool {
	return end-len(h.phrase) >= from && slices.Equal(words[end-len(h.phrase):end], h.phrase)
}

// parseDescriptors reads data/org-descriptors.tsv: a kind (strong, weak,
// personal or modifier), a tab, comma-separated phrases. A personal
// phrase must be a head of another line.
func parseDescriptors(data string) (*descriptors, error) {
	t := &descriptors{heads: map[string][]descHead{}, modifiers: map[string]bool{}}
	personal := map[string]int{} // phrase -> line
	for n, line := range strings.Split(data, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, list, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("data/org-descriptors.tsv:%d: no tab after the kind", n+1)
		}
		if kind != "modifier" && kind != "strong" && kind != "weak" && kind != "personal" {
			return nil, fmt.Errorf("data/org-descriptors.tsv:%d: bad kind %q", n+1, kind)
		}
		for _, p := range strings.Split(list, ",") {
			ws := strings.Fields(strings.ToLower(p))
			if len(ws) == 0 {
				continue
			}
			switch kind {
			case "modifier":
				t.modifiers[ws[0]] = true
				continue
			case "personal":
				personal[strings.Join(ws, " ")] = n + 1
				continue
			}
			last := ws[len(ws)-1]
			t.heads[last] = append(t.heads[last], descHead{phrase: ws, strong: kind == "strong"})
		}
	}
	for _, hs := range t.heads {
		for i, h := range hs {
			p := strings.Join(h.phrase, " ")
			if _, ok := personal[p]; ok {
				hs[i].personal = true
				delete(personal, p)
			}
		}
	}
	for p, line := range personal {
		return nil, fmt.Errorf("data/org-descriptors.tsv:%d: personal %q is no head", line, p)
	}
	return t, nil
}

// orgDescriptorBefore reports whether the words right before token start
// describe an organisation: a head noun of data/org-descriptors.tsv
// written in lower case ("carmaker", "law firm"), which, if weak, has a
// place, a demonym, an "X-based" adjective or a listed modifier before it
// ("Swiss bank", "Oslo law firm", "Dutch shipping company", "the
// Chicago-based consultancy"). Person nouns ("actor", "striker",
// "banker") are no heads, and a head followed by a possessive
// ("manufacturer's chief") is not right before the name; nor is a head
// that describes a name before it ("CGA consultancy Anna Berg").
func (lx *Stage) orgDescriptorBefore(words []string, start int) bool {
	if start == 0 {
		return false
	}
	t := lx.desc
	last := words[start-1]
	if !text.IsLower(last) {
		return false // "World Bank", "Team": part of a name, not a description
	}
	for _, h := range t.heads[last] {
		if !h.endsAt(words, 0, start) {
			continue
		}
		n := len(h.phrase)
		if b := start - n - 1; b > 0 && text.Capitalised(words[b]) && !lx.placeWord(words, b) {
			return false // "CGA consultancy Jeanne-Marie Gescher": the head describes CGA
		}
		if h.strong || lx.qualifiedBefore(words, start-n) {
			return true
		}
	}
	return false
}

// orgDescriptorAfter reports whether an apposition after token end
// describes the name before it as an organisation: a comma, an article
// or a place's possessive, at most three lower-case words, and a head
// noun of data/org-descriptors.tsv that ends the phrase ("Visteon, a
// former subsidiary", "Consob, Italy's stock market regulator", "Air
// Shamrock, an airline owned by ..."). In an apposition a weak head
// needs no qualification unless it may describe a person too ("Jo
// Flaherty, a senior broadcaster with ..."), but the phrase must end at
// it and hold no function word: "Smith, the bank's chairman", "Smith, a
// company director" and "Agnelli, the godfather of the group" describe
// a person.
func (lx *Stage) orgDescriptorAfter(words []string, end int) bool {
	if end+2 >= len(words) || words[end] != "," {
		return false
	}
	j := end + 1
	switch {
	case determiner(words[j]):
		j++
	case j+1 < len(words) && possessive(words[j+1]) && lx.placeWord(words, j+1):
		j += 2
	default:
		return false
	}
	for k := j; k < len(words) && k <= j+3; k++ {
		w := words[k]
		if !text.IsLower(w) || appositionEnd[w] || determiner(w) {
			return false
		}
		for _, h := range lx.desc.heads[w] {
			if !h.personal && h.endsAt(words, j, k+1) && (k+1 == len(words) || appositionEnd[strings.ToLower(words[k+1])]) {
				return true
			}
		}
	}
	return false
}

// appositionEnd holds the words that may follow the head of an
// apposition describing a name: punctuation, relative pronouns,
// participles and prepositions that start what the noun phrase is told.
var appositionEnd = map[string]bool{
	",": true, ".": true, ";": true, ":": true, ")": true, "-": true, "--": true,
	"that": true, "which": true, "whose": true, "owned": true, "based": true, "controlled": true, "run": true,
	"of": true, "in": true, "with": true, "for": true, "and": true, "from": true, "at": true, "on": true, "to": true, "by": true,
}

// qualifiedBefore reports whether the words ending before token end are a
// weak head's qualification: listed modifiers, optionally after a place,
// a demonym or an "X-based" adjective, or such a place word alone.
func (lx *Stage) qualifiedBefore(words []string, end int) bool {
	t := lx.desc
	j := end - 1
	mods := 0
	for j >= 0 && t.modifiers[words[j]] {
		j--
		mods++
	}
	if j >= 0 && lx.placeWord(words, j) {
		return true
	}
	return mods > 0
}

// placeWord reports whether words[j] (maybe with the word before it) is a
// demonym, a known place, a place's possessive or an "X-based" adjective:
// "German", "Oslo", "Hong Kong", "Germany 's", "Chicago-based".
func (lx *Stage) placeWord(words []string, j int) bool {
	w := words[j]
	if possessive(w) && j > 0 {
		j--
		w = words[j]
	}
	if strings.HasSuffix(strings.ToLower(w), "-based") && len(w) > len("-based") {
		return true
	}
	if !text.Capitalised(w) {
		return false
	}
	if _, ok := lx.gaz.Demonym(w); ok {
		return true
	}
	if _, ok := lx.gaz.FindPlace(w); ok {
		return true
	}
	if j > 0 && text.Capitalised(words[j-1]) {
		if _, ok := lx.gaz.FindPlace(words[j-1] + " " + w); ok {
			return true
		}
	}
	return false
}
