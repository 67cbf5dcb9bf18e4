package main

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/kgraph/kgraph/loader"
)

const benchHelp = `
Measures extraction speed: reads the documents (as 'kgraph ingest' does),
runs the whole extraction pipeline on them, discards the result and prints
documents, words, entities, relations, wall-clock seconds and words per
second. Model loading is timed apart. Nothing is stored.

Examples:
  kgraph bench ../shared/data/news/bbc.jsonl
  kgraph bench --workers 1 corpus/        # one core
  kgraph bench --cpuprofile cpu.out ../shared/data/news/bbc.jsonl
  go tool pprof -top kgraph cpu.out        # where extraction spends its time
`

func runBench(ctx context.Context, args []string, e env) int {
	fs := newFlags("bench", "[flags] PATH...", benchHelp, e)
	workers := fs.Int("workers", 0, "extraction goroutines (0: one per core)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of model loading and extraction to this `file` (go tool pprof)")
	paths, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, "kgraph bench: no input (see --help)")
		return exitUsage
	}
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph bench:", err)
		return exitUsage
	}
	defer stopProfile()
	t0 := time.Now()
	ld, err := loader.New()
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph bench:", err)
		return exitUsage
	}
	load := time.Since(t0)
	var docs, failed, words, ents, rels int
	start := time.Now()
	p := &pipeline{loader: ld, workers: *workers}
	err = p.run(ctx, func(fn func(loader.Item) error) error {
		return loader.Read(ctx, paths, e.stdin, loader.Limits{}, fn)
	}, func(o outcome) error {
		if o.err != nil {
			failed++
			return nil
		}
		docs++
		words += o.words
		ents += len(o.x.Entities)
		rels += len(o.x.Relations)
		return nil
	})
	el := time.Since(start)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph bench:", err)
		return exitUsage
	}
	w := *workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	fmt.Fprintf(e.stdout, "model load %.3fs; %d documents (%d failed), %d words, %d entities, %d relations in %.2fs on %d workers: %.0f words/s\n",
		load.Seconds(), docs, failed, words, ents, rels, el.Seconds(), w, float64(words)/el.Seconds())
	return exitOK
}
