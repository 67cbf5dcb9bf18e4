package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/bits"
	"regexp"
	"strings"

	"github.com/kgraph/kgraph/cmd/internal/newsgold"
	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/text"
	"github.com/kgraph/kgraph/loader/token"
)

// goldGraph is the part of a gold graph (testdata/gold/news) that
// training reads.
type goldGraph struct {
	Entities []struct {
		Key   string   `json:"key"`
		Names []string `json:"names"`
	} `json:"entities"`
	Relations []struct {
		Source string   `json:"source"`
		Target []string `json:"target"`
		Types  []string `json:"types"`
	} `json:"relations"`
}

var possessive = regexp.MustCompile(`[\x{2019}']s$`)

// norm folds a name as graphscore does: possessive, spacing and case.
func norm(s string) string {
	s = possessive.ReplaceAllString(strings.TrimSpace(s), "")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// newsArticles reads the training articles of dir/articles.txt (the
// held-out quarters are never read) with their gold graphs, and the
// article texts from the news corpora in newsDir, in the order of
// articles.txt.
func newsArticles(dir, newsDir string, splits []string) ([]graph.Document, []goldGraph, error) {
	arts, err := newsgold.Splits(dir, newsDir, splits...)
	if err != nil {
		return nil, nil, err
	}
	var docs []graph.Document
	var golds []goldGraph
	for _, a := range arts {
		var g goldGraph
		if err := json.Unmarshal(a.Gold, &g); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", a.Name, err)
		}
		docs = append(docs, a.Doc)
		golds = append(golds, g)
	}
	return docs, golds, nil
}

// splitExamples returns the labelled pairs (newsExamples) of the
// articles of the given splits and the number of articles.
func splitExamples(dir, newsDir string, splits []string) ([]example, int, error) {
	docs, golds, err := newsArticles(dir, newsDir, splits)
	if err != nil {
		return nil, 0, err
	}
	ex, err := newsExamples(docs, golds)
	return ex, len(docs), err
}

// newsExamples runs the pipeline and the patterns over each article and
// labels every candidate pair whose two mentions belong to gold entities:
// the gold relation between the two entities (its first type the
// mentions' types allow), else NONE. Pairs with an end outside the gold
// graph are left out (the gold graph says nothing about them).
func newsExamples(docs []graph.Document, golds []goldGraph) ([]example, error) {
	var out []example
	for ai, doc := range docs {
		d, pairs, rules, err := articlePairs(doc)
		if err != nil {
			return nil, err
		}
		g := golds[ai]
		byName := map[string]string{}
		for _, e := range g.Entities {
			for _, n := range e.Names {
				if _, ok := byName[norm(n)]; !ok {
					byName[norm(n)] = e.Key
				}
			}
		}
		// An entity of the pipeline takes the gold key of the first of its
		// mentions whose text is a gold name.
		entKey := make([]string, len(d.Entities))
		for e, ent := range d.Entities {
			for _, i := range ent.Mentions {
				if k := byName[norm(d.MentionText(d.Mentions[i]))]; k != "" {
					entKey[e] = k
					break
				}
			}
		}
		keyOf := func(i int) string {
			m := d.Mentions[i]
			if m.Entity >= 0 && m.Entity < len(entKey) && entKey[m.Entity] != "" {
				return entKey[m.Entity]
			}
			if m.Nominal {
				return ""
			}
			return byName[norm(d.MentionText(m))]
		}
		rels := map[[2]string][]string{}
		for _, r := range g.Relations {
			for _, t := range r.Target {
				rels[[2]string{r.Source, t}] = append(rels[[2]string{r.Source, t}], r.Types...)
				for _, typ := range r.Types {
					if info, ok := graph.RelationType(typ).Info(); ok && info.Symmetric {
						rels[[2]string{t, r.Source}] = append(rels[[2]string{t, r.Source}], typ)
					}
				}
			}
		}
		for _, pr := range pairs {
			kh, kt := keyOf(pr.Head), keyOf(pr.Tail)
			if kh == "" || kt == "" || kh == kt {
				continue
			}
			y := 0
			if types := rels[[2]string{kh, kt}]; len(types) > 0 {
				y = -1
				for _, typ := range types {
					if k := relation.ClassIndex(graph.RelationType(typ)); k > 0 && pr.Allowed&(1<<k) != 0 {
						y = k
						break
					}
				}
				if y < 0 {
					continue // a gold relation the mentions' types cannot carry
				}
			}
			out = append(out, example{feats: pr.Feats, mask: pr.Allowed, full: pr.Allowed, rules: rules[[2]int{pr.Head, pr.Tail}], y: y, group: ai, fold: ai % folds, key: kh + "\x00" + kt})
		}
	}
	return out, nil
}

// articlePairs runs the pipeline up to coreference over an article and
// returns it with its candidate pairs and the classes the patterns gave
// each pair (Pairs runs the patterns: d.Relations are theirs after it).
func articlePairs(doc graph.Document) (*text.Doc, []relation.Pair, map[[2]int]uint32, error) {
	p, err := stages()
	if err != nil {
		return nil, nil, nil, err
	}
	d := &text.Doc{Text: doc.Text, Date: doc.Date, Sentences: token.Split(doc.Text)}
	if err := p.Run(context.Background(), d, "coref"); err != nil {
		return nil, nil, nil, err
	}
	pairs := p.Relation.Pairs(d)
	return d, pairs, patternClasses(d), nil
}

// weakExamples labels the candidate pairs of unannotated articles with
// what the patterns say of them (weak supervision): a pair the patterns
// relate takes the first of their classes its types allow; any other
// pair is NONE, or left out with positiveOnly (the patterns find a
// fraction of the facts, so most of those NONEs are guesses). The
// scorer's features are not the patterns' own, so it may learn from these
// pairs the words around the facts the patterns state. group -3 and fold
// -1: the pairs are trained on in every fold, never scored out of fold.
func weakExamples(docs []graph.Document, positiveOnly bool) ([]example, error) {
	var out []example
	for _, doc := range docs {
		_, pairs, rules, err := articlePairs(doc)
		if err != nil {
			return nil, err
		}
		for _, pr := range pairs {
			r := rules[[2]int{pr.Head, pr.Tail}]
			y := 0
			if r&pr.Allowed != 0 {
				y = bits.TrailingZeros32(r & pr.Allowed)
			} else if positiveOnly {
				continue
			}
			out = append(out, example{feats: pr.Feats, mask: pr.Allowed, full: pr.Allowed, rules: r, y: y, group: -3, fold: -1})
		}
	}
	return out, nil
}
