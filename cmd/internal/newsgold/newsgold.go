// Package newsgold reads the annotated news articles of testdata/gold/news
// for the training programs: which articles are training articles, their
// texts from the news corpora (read as kgraph reads them) and their gold
// graphs; and unannotated articles of the annotation pool (Pool), which a
// training program may label by other means. It imports graph, loader and
// the standard library.
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
	rows, err := listed(dir)
	if err != nil {
		return nil, err
	}
	var want []row
	needed := map[string]bool{}
	for _, r := range rows {
		if keep[r.split] {
			want = append(want, r)
			needed[r.key()] = true
		}
	}
	docs, err := corpusDocs(newsDir, needed)
	if err != nil {
		return nil, err
	}
	out := make([]Article, 0, len(want))
	for _, r := range want {
		doc, ok := docs[r.key()]
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

// Pool returns n articles of the annotation pool (newsDir's
// annotation-pool.txt) that dir/articles.txt does not list in any split,
// held-out ones included, spread evenly over the pool's order: unlabeled
// text a training program may label by other means.
func Pool(dir, newsDir string, n int) ([]graph.Document, error) {
	rows, err := listed(dir)
	if err != nil {
		return nil, err
	}
	annotated := map[string]bool{}
	for _, r := range rows {
		annotated[r.key()] = true
	}
	pool, err := os.ReadFile(filepath.Join(newsDir, "annotation-pool.txt"))
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, l := range strings.Split(string(pool), "\n") {
		if f := strings.Split(l, "\t"); len(f) == 2 && !strings.HasPrefix(l, "#") && !annotated[f[0]+"/"+f[1]] {
			keys = append(keys, f[0]+"/"+f[1])
		}
	}
	n = min(n, len(keys))
	if n <= 0 {
		return nil, nil
	}
	picked := make([]string, n)
	needed := make(map[string]bool, n)
	for i := range picked {
		picked[i] = keys[i*len(keys)/n]
		needed[picked[i]] = true
	}
	docs, err := corpusDocs(newsDir, needed)
	if err != nil {
		return nil, err
	}
	out := make([]graph.Document, n)
	for i, k := range picked {
		doc, ok := docs[k]
		if !ok {
			return nil, fmt.Errorf("newsgold: pool article %s not in %s", k, newsDir)
		}
		out[i] = doc
	}
	return out, nil
}

// row is a line of articles.txt: an article's name, corpus, id and split.
type row struct{ name, corpus, id, split string }

// key is the article's "corpus/id", as corpusDocs keys it.
func (r row) key() string { return r.corpus + "/" + r.id }

// listed reads dir/articles.txt.
func listed(dir string) ([]row, error) {
	data, err := os.ReadFile(filepath.Join(dir, "articles.txt"))
	if err != nil {
		return nil, err
	}
	var out []row
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Split(l, "\t"); len(f) == 4 {
			out = append(out, row{f[0], f[1], f[2], f[3]})
		}
	}
	return out, nil
}

// corpusDocs reads the documents whose "corpus/id" (bbc or reuters) is in
// needed from the corpora in newsDir, as kgraph reads them.
func corpusDocs(newsDir string, needed map[string]bool) (map[string]graph.Document, error) {
	docs := map[string]graph.Document{}
	for _, c := range []struct{ corpus, file string }{{"bbc", "bbc.jsonl"}, {"reuters", "reuters21578.jsonl"}} {
		err := loader.Read(context.Background(), []string{filepath.Join(newsDir, c.file)}, nil, loader.Limits{}, func(it loader.Item) error {
			if k := c.corpus + "/" + it.Doc.ID; it.Err == nil && needed[k] {
				docs[k] = it.Doc
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}
