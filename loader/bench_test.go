package loader_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

// bbcDocs reads the first n documents of the BBC news sample in
// ../shared, or skips the benchmark when it is absent.
func bbcDocs(b *testing.B, n int) ([]graph.Document, int) {
	b.Helper()
	path := "../../shared/data/news/bbc.jsonl"
	if _, err := os.Stat(path); err != nil {
		b.Skipf("no BBC sample (%v): the shared data is absent", err)
	}
	var docs []graph.Document
	words := 0
	errStop := context.Canceled
	err := loader.Read(context.Background(), []string{path}, nil, loader.Limits{}, func(it loader.Item) error {
		if it.Err != nil {
			return nil
		}
		docs = append(docs, it.Doc)
		words += len(strings.Fields(it.Doc.Text))
		if len(docs) == n {
			return errStop
		}
		return nil
	})
	if err != nil && err != errStop {
		b.Fatal(err)
	}
	return docs, words
}

// BenchmarkExtractBBC runs the whole graph pipeline, one document at a
// time on one goroutine, over 300 BBC articles (what `kgraph bench
// --workers 1` measures, without reading and start-up).
func BenchmarkExtractBBC(b *testing.B) {
	docs, words := bbcDocs(b, 300)
	l, err := loader.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := l.Extract(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
