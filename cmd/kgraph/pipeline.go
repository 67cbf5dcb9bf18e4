package main

import (
	"context"
	"runtime"
	"sync"
	"time"
	"unicode"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

// parallel runs work on all cores over what produce emits and hands the
// results to consume in the order they were emitted, from the calling
// goroutine. Input order keeps store IDs and output reproducible, and the
// single consumer matches the store's serialised writes. It stops early when
// ctx is done or produce or consume fail.
func parallel[In, Out any](ctx context.Context, workers int, produce func(emit func(In) error) error, work func(context.Context, In) Out, consume func(Out) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		in  In
	}
	type done struct {
		seq int
		out Out
	}
	jobs := make(chan job, workers*2)
	results := make(chan done, workers*2)

	// produceErr is written by the producer and read only after
	// produced is closed: workers can return on ctx.Done while the
	// producer is still running.
	var produceErr error
	produced := make(chan struct{})
	go func() {
		defer close(produced)
		defer close(jobs)
		seq := 0
		produceErr = produce(func(in In) error {
			select {
			case jobs <- job{seq, in}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				select {
				case results <- done{j.seq, work(ctx, j.in)}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]Out{}
	next := 0
	var consumeErr error
	for r := range results {
		if consumeErr != nil {
			continue // drain so the workers can finish
		}
		pending[r.seq] = r.out
		for {
			o, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if consumeErr = consume(o); consumeErr != nil {
				cancel()
				break
			}
		}
	}
	stopped := ctx.Err()
	cancel() // the producer may still be emitting: stop it and wait
	<-produced
	switch {
	case consumeErr != nil:
		return consumeErr
	case produceErr != nil && stopped == nil:
		return produceErr
	}
	return stopped
}

// pipeline extracts documents read from a source.
type pipeline struct {
	loader  *loader.Loader
	workers int // 0: one per core
}

// outcome is what became of one input document.
type outcome struct {
	origin string
	doc    graph.Document
	x      *graph.Extraction
	err    error
	words  int
}

// run reads documents with read, extracts them in parallel and calls write
// for each, in input order. A document that could not be read or extracted
// reaches write with err set.
func (p *pipeline) run(ctx context.Context, read func(func(loader.Item) error) error, write func(outcome) error) error {
	return parallel(ctx, p.workers, read, func(ctx context.Context, it loader.Item) outcome {
		out := outcome{origin: it.Origin, doc: it.Doc, err: it.Err}
		if out.err == nil {
			out.words = countWords(it.Doc.Text)
			out.x, out.err = p.loader.Extract(ctx, it.Doc)
		}
		return out
	}, write)
}

// countWords counts runs of non-space characters, as strings.Fields would,
// without building the slice.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// tally sums what an ingest did.
type tally struct {
	New, Unchanged, Failed int
	Entities, Relations    int
	Words                  int
	Elapsed                time.Duration
}

func (t tally) wordsPerSecond() float64 {
	if t.Elapsed <= 0 {
		return 0
	}
	return float64(t.Words) / t.Elapsed.Seconds()
}
