package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/kgraph/kgraph/cmd/internal/newsgold"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/ner"
	"github.com/kgraph/kgraph/loader/token"
)

// Annotated news as NER training data. The gold graphs of
// testdata/gold/news name each entity by the surface forms the article
// uses, with its ontology types; tagging every occurrence of those forms
// in the article's sentences gives token labels in the domain kgraph
// reads (BBC and Reuters stories in Title Case, not CoNLL's 1996 wire
// format). Only the training articles (split "dev") are read, never the
// held-out quarter.
//
// Labels follow CoNLL-2003: PERSON is PER, ORGANIZATION ORG, LOCATION
// LOC, every other type (EVENT, INITIATIVE, MISC, NORP) MISC; an
// honorific before a person's name and a leading "the" are left out of
// the span ("Mr [Blair]", "the [Sunday Times]"), and a form matches only
// where the text writes its first word capitalised ("Back" is no name in
// "fought back").
// An optional name (a demonym, a name used as a modifier, a title of a
// work) is MISC, or LOC when the place gazetteer knows it. Every other
// token is O, so a name the annotators left out would teach O: a sentence
// with a capitalised word that no listed form covers, that is not
// sentence-initial, no title word and that the sentence does not also use
// in lower case is left out (as are all-caps headlines, which the gold
// graphs do not always spell).

// newsGold is the part of a gold graph the NER data needs.
type newsGold struct {
	Entities []newsEntity `json:"entities"`
	Optional []string     `json:"optional"`
	NotNodes []string     `json:"must_not_be_nodes"`
}

// newsEntity is a gold entity: its surface forms and accepted types.
type newsEntity struct {
	Names []string `json:"names"`
	Types []string `json:"types"`
}

// readNewsGold returns the training articles of dir/articles.txt as NER
// documents, their texts read from newsDir; it reports how many sentences
// it kept and left out.
func readNewsGold(dir, newsDir string) (docs []ner.Document, kept, dropped int, err error) {
	gaz, err := gazetteer.Load()
	if err != nil {
		return nil, 0, 0, err
	}
	arts, err := newsgold.Training(dir, newsDir)
	if err != nil {
		return nil, 0, 0, err
	}
	for _, a := range arts {
		var g newsGold
		if err := json.Unmarshal(a.Gold, &g); err != nil {
			return nil, 0, 0, fmt.Errorf("%s: %w", a.Name, err)
		}
		d, k, n := labelArticle(a.Doc.Text, g, gaz)
		kept += k
		dropped += n
		if len(d.Sentences) > 0 {
			docs = append(docs, d)
		}
	}
	return docs, kept, dropped, nil
}

// form is one surface form to tag: its lower-case words and its label.
type form struct {
	words []string
	label string // "" for a must-not-be-node form: covered, left O
}

// labelArticle tags the sentences of an article with the forms of its
// gold graph.
func labelArticle(txt string, g newsGold, gaz *gazetteer.Tables) (ner.Document, int, int) {
	var forms []form
	add := func(name, label string) {
		var w []string
		for _, t := range token.Tokenize(name) {
			w = append(w, strings.ToLower(t.Text))
		}
		if len(w) > 1 && w[0] == "the" {
			w = w[1:] // CoNLL leaves "the" out of a name's span
		}
		if len(w) > 0 {
			forms = append(forms, form{w, label})
		}
	}
	for _, e := range g.Entities {
		label := conllLabel(e.Types)
		for _, n := range e.Names {
			add(n, label)
		}
	}
	for _, n := range g.Optional {
		label := "MISC"
		if _, ok := gaz.FindPlace(n); ok {
			label = "LOC"
		}
		add(n, label)
	}
	for _, n := range g.NotNodes {
		add(n, "")
	}
	// Longest forms first, so that "New York Stock Exchange" wins over
	// "New York".
	slices.SortStableFunc(forms, func(a, b form) int { return len(b.words) - len(a.words) })
	var d ner.Document
	kept, dropped := 0, 0
	for _, s := range token.Split(txt) {
		toks := make([]string, len(s.Tokens))
		low := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			toks[i], low[i] = t.Text, strings.ToLower(t.Text)
		}
		if allCaps(toks) {
			continue
		}
		tags := make([]string, len(toks))
		covered := make([]bool, len(toks))
		for i := 0; i < len(toks); {
			f, ok := matchForm(forms, low, i)
			if ok && !capitalised(toks[i]) {
				ok = false // "back" is no use of the name "Back"
			}
			if !ok {
				tags[i] = "O"
				i++
				continue
			}
			end := i + len(f.words)
			st := i
			if f.label == "PER" && end-st > 1 && gaz.Honorific(toks[st]) {
				tags[st] = "O"
				st++
			}
			for k := i; k < end; k++ {
				covered[k] = true
				switch {
				case k < st || f.label == "":
					tags[k] = "O"
				case k == st:
					tags[k] = "B-" + f.label
				default:
					tags[k] = "I-" + f.label
				}
			}
			i = end
		}
		if unlisted(toks, low, covered, gaz) {
			dropped++
			continue
		}
		kept++
		d.Sentences = append(d.Sentences, ner.Sentence{Tokens: toks, Tags: tags})
	}
	return d, kept, dropped
}

// matchForm returns the longest form whose words start at low[i].
func matchForm(forms []form, low []string, i int) (form, bool) {
	for _, f := range forms {
		if i+len(f.words) > len(low) {
			continue
		}
		ok := true
		for k, w := range f.words {
			if low[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return f, true
		}
	}
	return form{}, false
}

// unlisted reports whether the sentence has a capitalised word, not its
// first, that no form covers, that the sentence does not also use in
// lower case and that is no title word, honorific, weekday or month:
// possibly a name the gold graph does not list.
func unlisted(toks, low []string, covered []bool, gaz *gazetteer.Tables) bool {
	lower := map[string]bool{}
	for i, t := range toks {
		if t == low[i] {
			lower[t] = true
		}
	}
	for i := 1; i < len(toks); i++ {
		r := []rune(toks[i])
		if covered[i] || len(r) == 0 || !unicode.IsUpper(r[0]) || lower[low[i]] {
			continue
		}
		if calendarWords[low[i]] || low[i] == "i" || gaz.TitleWord(low[i]) || gaz.Honorific(toks[i]) {
			continue
		}
		return true
	}
	return false
}

// capitalised reports whether a word starts with an upper-case letter or
// a digit ("3M").
func capitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// conllLabel maps a gold entity's accepted ontology types to the CoNLL
// label of the first.
func conllLabel(types []string) string {
	if len(types) == 0 {
		return "MISC"
	}
	switch types[0] {
	case "PERSON":
		return "PER"
	case "ORGANIZATION":
		return "ORG"
	case "LOCATION":
		return "LOC"
	}
	return "MISC"
}
