// Package newsgold reads the annotated news articles of testdata/gold/news
// for the training programs: which articles are training articles, their
// texts from the news corpora (read as kgraph reads them) and their gold
// graphs. It imports graph, loader and the standard library.
package newsgold

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

// Article is one annotated article: its name in articles.txt, its
// document and the JSON of its gold graph, for the caller to decode into
// the fields it needs.
type Article struct {
	Name string
	Doc  graph.Document
	Gold []byte
}

// Training returns the training articles of dir/articles.txt (split
// "dev": the first draw's, never a held-out quarter nor a later draw) in
// the order of articles.txt, their texts read from the corpora in
// newsDir (bbc.jsonl, reuters21578.jsonl).
func Training(dir, newsDir string) ([]Article, error) {
	return Splits(dir, newsDir, "dev")
}

// Splits returns the articles of dir/articles.txt in the given splits
// (dev, dev2, …), in the order of articles.txt, as Training does. A
// held-out split is refused: no training program reads one.
func Splits(dir, newsDir string, splits ...string) ([]Article, error) {
	keep := map[string]bool{}
	for _, s := range splits {
		if strings.HasPrefix(s, "heldout") {
			return nil, fmt.Errorf("newsgold: split %q is held out; training never reads it", s)
		}
		keep[s] = true
	}
	rows, err := os.ReadFile(filepath.Join(dir, "articles.txt"))
	if err != nil {
		return nil, err
	}
	type row struct{ name, corpus, id string }
	var want []row
	for _, l := range strings.Split(string(rows), "\n") {
		if f := strings.Split(l, "\t"); len(f) == 4 && keep[f[3]] {
			want = append(want, row{f[0], f[1], f[2]})
		}
	}
	docs := map[string]graph.Document{}
	for _, c := range []struct{ corpus, file string }{{"bbc", "bbc.jsonl"}, {"reuters", "reuters21578.jsonl"}} {
		needed := map[string]bool{}
		for _, r := range want {
			if r.corpus == c.corpus {
				needed[r.id] = true
			}
		}
		err := loader.Read(context.Background(), []string{filepath.Join(newsDir, c.file)}, nil, loader.Limits{}, func(it loader.Item) error {
			if it.Err == nil && needed[it.Doc.ID] {
				docs[c.corpus+"/"+it.Doc.ID] = it.Doc
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]Article, 0, len(want))
	for _, r := range want {
		doc, ok := docs[r.corpus+"/"+r.id]
		if !ok {
			return nil, fmt.Errorf("article %s %s not in %s", r.corpus, r.id, newsDir)
		}
		gold, err := os.ReadFile(filepath.Join(dir, r.name+".gold.json"))
		if err != nil {
			return nil, err
		}
		out = append(out, Article{Name: r.name, Doc: doc, Gold: gold})
	}
	return out, nil
}
