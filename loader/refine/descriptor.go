package refine

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/kgraph/kgraph/loader/gazetteer"
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

var (
	descOnce sync.Once
	descTab  descriptors
)

func descTable() *descriptors {
	descOnce.Do(func() {
		descTab = descriptors{heads: map[string][]descHead{}, modifiers: map[string]bool{}}
		for _, line := range strings.Split(descriptorData, "\n") {
			if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			kind, list, ok := strings.Cut(line, "\t")
			if !ok {
				panic("refine: bad line in data/org-descriptors.tsv: " + line)
			}
			for _, p := range strings.Split(list, ",") {
				ws := strings.Fields(strings.ToLower(p))
				if len(ws) == 0 {
					continue
				}
				switch kind {
				case "modifier":
					descTab.modifiers[ws[0]] = true
				case "strong", "weak":
					last := ws[len(ws)-1]
					descTab.heads[last] = append(descTab.heads[last], descHead{phrase: ws, strong: kind == "strong"})
				default:
					panic("refine: bad kind in data/org-descriptors.tsv: " + kind)
				}
			}
		}
	})
	return &descTab
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
func orgDescriptorBefore(words []string, start int) bool {
	if start == 0 {
		return false
	}
	t := descTable()
	last := words[start-1]
	if last != strings.ToLower(last) {
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
		if b := start - n - 1; b > 0 && capitalised(words[b]) && !placeWord(words, b) {
			return false // "CGA consultancy Jeanne-Marie Gescher": the head describes CGA
		}
		if h.strong || qualifiedBefore(words, start-n) {
			return true
		}
	}
	return false
}

// qualifiedBefore reports whether the words ending before token end are a
// weak head's qualification: listed modifiers, optionally after a place,
// a demonym or an "X-based" adjective, or such a place word alone.
func qualifiedBefore(words []string, end int) bool {
	t := descTable()
	j := end - 1
	mods := 0
	for j >= 0 && t.modifiers[words[j]] {
		j--
		mods++
	}
	if j >= 0 && placeWord(words, j) {
		return true
	}
	return mods > 0
}

// placeWord reports whether words[j] (maybe with the word before it) is a
// demonym, a known place, a place's possessive or an "X-based" adjective:
// "German", "Oslo", "Hong Kong", "Germany 's", "Chicago-based".
func placeWord(words []string, j int) bool {
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
	if _, ok := gazetteer.Demonym(w); ok {
		return true
	}
	if _, ok := gazetteer.FindPlace(w); ok {
		return true
	}
	if j > 0 && capitalised(words[j-1]) {
		if _, ok := gazetteer.FindPlace(words[j-1] + " " + w); ok {
			return true
		}
	}
	return false
}
