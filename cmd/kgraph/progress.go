package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

// ingestObserver sees an ingest as it goes: every document's outcome (with
// its result when it was stored) and the running tally.
type ingestObserver interface {
	document(o outcome, res graph.IngestResult)
	update(t tally, elapsed time.Duration)
}

// progressBar redraws one status line on a terminal, at most ten times a
// second: documents done of the total with percentage and ETA when the
// total is known (files), otherwise the counts alone. A nil *progressBar
// does nothing.
type progressBar struct {
	mu    sync.Mutex
	w     io.Writer
	start time.Time
	last  time.Time
	drawn bool
	total int // 0 while unknown
}

// newProgressBar starts a progress line. When paths are files or
// directories (not stdin), it counts their documents in the background,
// so the line gets a total, a percentage and an ETA as soon as the count
// is done; counting reads the files once more, without extracting.
func newProgressBar(ctx context.Context, w io.Writer, paths []string, lim loader.Limits) *progressBar {
	b := &progressBar{w: w, start: time.Now()}
	if slices.Contains(paths, "-") {
		return b
	}
	go func() {
		n := 0
		err := loader.Read(ctx, paths, nil, lim, func(loader.Item) error { n++; return nil })
		if err == nil {
			b.mu.Lock()
			b.total = n
			b.mu.Unlock()
		}
	}()
	return b
}

func (b *progressBar) document(outcome, graph.IngestResult) {}

func (b *progressBar) update(t tally, elapsed time.Duration) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	b.drawn = true
	t.Elapsed = elapsed
	fmt.Fprint(b.w, "\r\033[K", progressLine(t, b.total, elapsed))
}

// progressLine is the text of the progress line.
func progressLine(t tally, total int, elapsed time.Duration) string {
	done := t.New + t.Unchanged + t.Failed
	counts := fmt.Sprintf("%d new, %d unchanged, %d failed | %.0f words/s", t.New, t.Unchanged, t.Failed, t.wordsPerSecond())
	if total <= 0 || done > total {
		return fmt.Sprintf("%d documents | %s | %s", done, counts, elapsed.Round(time.Second))
	}
	eta := "?"
	if done > 0 {
		eta = (time.Duration(float64(elapsed) / float64(done) * float64(total-done))).Round(time.Second).String()
	}
	return fmt.Sprintf("%d/%d documents (%.0f%%) | %s | %s elapsed, ETA %s",
		done, total, 100*float64(done)/float64(total), counts, elapsed.Round(time.Second), eta)
}

func (b *progressBar) finish() {
	if b != nil && b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
	}
}

// printSummary writes the summary of an ingest: what happened to the
// documents, what the extractor found in them (summed per document, before
// entities of different documents were merged) and, when known, the
// store's totals afterwards.
func printSummary(w io.Writer, t tally, totals *graph.Stats) {
	fmt.Fprintf(w, "documents: %d new, %d unchanged, %d failed; %.1fs, %.0f words/s\n",
		t.New, t.Unchanged, t.Failed, t.Elapsed.Seconds(), t.wordsPerSecond())
	fmt.Fprintf(w, "extracted (summed per document, before merging across documents): %d entities, %d relations\n",
		t.Entities, t.Relations)
	if totals != nil {
		fmt.Fprintf(w, "graph now holds: %d documents, %d entities, %d relations\n",
			totals.Documents, totals.Entities, totals.Relations)
	}
}
