package refine

import (
	_ "embed"
	"fmt"
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
	phrase []string
	strong bool
}

// parseDescriptors reads data/org-descriptors.tsv: a kind (strong, weak
// or modifier), a tab, comma-separated phrases.
func parseDescriptors(data string) (*descriptors, error) {
	t := &descriptors{heads: map[string][]descHead{}, modifiers: map[string]bool{}}
	for n, line := range strings.Split(data, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, list, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("data/org-descriptors.tsv:%d: no tab after the kind", n+1)
		}
		if kind != "modifier" && kind != "strong" && kind != "weak" {
			return nil, fmt.Errorf("data/org-descriptors.tsv:%d: bad kind %q", n+1, kind)
		}
		for _, p := range strings.Split(list, ",") {
			ws := strings.Fields(strings.ToLower(p))
			if len(ws) == 0 {
				continue
			}
			if kind == "modifier" {
				t.modifiers[ws[0]] = true
				continue
			}
			last := ws[len(ws)-1]
			t.heads[last] = append(t.heads[last], descHead{phrase: ws, strong: kind == "strong"})
		}
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
		n := len(h.phrase)
		if start < n {
			continue
		}
		match := true
		for k, w := range h.phrase {
			if words[start-n+k] != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if b := start - n - 1; b > 0 && capitalised(words[b]) && !lx.placeWord(words, b) {
			return false // "CGA consultancy Jeanne-Marie Gescher": the head describes CGA
		}
		if h.strong || lx.qualifiedBefore(words, start-n) {
			return true
		}
	}
	return false
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
	if !capitalised(w) {
		return false
	}
	if _, ok := lx.gaz.Demonym(w); ok {
		return true
	}
	if _, ok := lx.gaz.FindPlace(w); ok {
		return true
	}
	if j > 0 && capitalised(words[j-1]) {
		if _, ok := lx.gaz.FindPlace(words[j-1] + " " + w); ok {
			return true
		}
	}
	return false
}
