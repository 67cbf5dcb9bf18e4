package newsgold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	goldDir = "../../../testdata/gold/news"
	newsDir = "../../../../shared/data/news"
)

func TestPoolLeavesOutAnnotatedArticles(t *testing.T) {
	if _, err := os.Stat(filepath.Join(newsDir, "annotation-pool.txt")); err != nil {
		t.Skipf("news corpora absent (%v); the article texts are not in the repository", err)
	}
	rows, err := os.ReadFile(filepath.Join(goldDir, "articles.txt"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, l := range strings.Split(string(rows), "\n") {
		if f := strings.Split(l, "\t"); len(f) == 4 {
			listed[f[2]] = true // ids of either corpus; a collision only makes the test stricter
		}
	}
	docs, err := Pool(goldDir, newsDir, 300)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 300 {
		t.Fatalf("Pool gave %d articles, want 300", len(docs))
	}
	seen := map[string]bool{}
	for _, d := range docs {
		if listed[d.ID] {
			t.Errorf("Pool gave %s, an annotated article (articles.txt)", d.ID)
		}
		if seen[d.ID] || d.Text == "" {
			t.Errorf("Pool gave %q twice or empty", d.ID)
		}
		seen[d.ID] = true
	}
	bbc := 0
	for id := range seen {
		if strings.Contains(id, "/") { // BBC ids are category/number
			bbc++
		}
	}
	if bbc == 0 || bbc == len(seen) {
		t.Errorf("Pool drew %d BBC articles of %d: want both corpora", bbc, len(seen))
	}
	again, err := Pool(goldDir, newsDir, 300)
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if again[i].ID != docs[i].ID {
			t.Fatalf("Pool is not deterministic: article %d is %s, then %s", i, docs[i].ID, again[i].ID)
		}
	}
	if none, err := Pool(goldDir, newsDir, 0); err != nil || len(none) != 0 {
		t.Errorf("Pool(0) = %d articles, %v; want none", len(none), err)
	}
}
