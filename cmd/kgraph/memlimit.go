package main

import (
	"fmt"
	"math"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
)

// Memory during exports. Go's collector lets the heap grow to twice the
// live data before it collects (GOGC=100). A serving kgraph holds about
// 130 MB live (the extraction models for ingestDocument, the Badger
// memtable and caches), and an export decodes hundreds of MB of records
// into short-lived garbage, so GET /export took the process up by as much
// again: +161 MB RSS for a GraphML export of a 124k-relation store, +226 MB
// with evidence. While an export runs the server collects at
// exportGCPercent instead; when the last export ends GOGC comes back.
// Lowered for good it would cost the query load (more frequent
// collections: a soft limit at live + 64 MiB all the time cost up to a
// quarter of the one-hop and subgraph throughput in a load test), so it is
// kept to exports. When the operator has set a memory limit (GOMEMLIMIT),
// the collector is left alone.

// exportGCPercent is GOGC while an export runs: the heap may grow by 10%
// of the live data between collections instead of 100%. Measured on the
// 124k-relation store (GraphML with evidence, 119 MB): GOGC 100 +226 MB
// RSS in 8.7 s, 50 +144 MB in 10.2 s, 25 +105 MB in 8.4 s, 15 +91 MB in
// 11.2 s, 10 +80 MB in 13.2 s. (A soft memory limit at live + 64 MiB
// instead: +73 MB but 29 s, as Badger's block cache filled the headroom
// and the collector ran back to back.)
const exportGCPercent = 10

// exportMemory lowers GOGC while exports run.
var exportMemory memoryGuard

type memoryGuard struct {
	mu     sync.Mutex
	active int  // exports running
	prevGC int  // GOGC before the first of them
	set    bool // whether this guard changed GOGC
}

// enter is called when an export starts, leave when it ends.
func (g *memoryGuard) enter() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.active++
	if g.active > 1 {
		return
	}
	// A memory limit other than "none" was chosen by the operator.
	g.set = debug.SetMemoryLimit(-1) == math.MaxInt64
	if g.set {
		g.prevGC = debug.SetGCPercent(exportGCPercent)
	}
}

func (g *memoryGuard) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.active--
	if g.active == 0 && g.set {
		debug.SetGCPercent(g.prevGC)
		g.set = false
	}
}

// Memory during ingest. Past tens of thousands of documents, Badger's
// compactions build several tables at once in heap buffers (133 MB live
// in table builders in a heap profile of a batch into a 100k-document
// store), and with GOGC=100 the heap may grow to twice that live peak:
// 843 MiB of anonymous memory plus 258 MiB of mapped table pages at the
// tenth batch of cmd/kgraph-soak/scale.sh. A soft limit on the Go
// runtime's memory makes the collector work harder only while the heap
// is near it, which a small corpus never reaches.
const defaultIngestMemoryLimit = "640MiB"

// setMemoryLimit applies --memory-limit: a size with the unit B, KiB,
// MiB or GiB, or 0 for none. A GOMEMLIMIT in the environment wins over the
// default, not over the flag given explicitly. The returned function puts
// the previous limit back (for commands run inside a longer process).
func setMemoryLimit(value string, explicit bool, getenv func(string) string) (restore func(), err error) {
	restore = func() {}
	if !explicit && getenv("GOMEMLIMIT") != "" {
		return restore, nil
	}
	n, err := parseSize(value)
	if err != nil {
		return restore, fmt.Errorf("--memory-limit: %w", err)
	}
	if n == 0 {
		n = math.MaxInt64
	}
	prev := debug.SetMemoryLimit(n)
	return func() { debug.SetMemoryLimit(prev) }, nil
}

// parseSize reads "640MiB", "1GiB", "512KiB", "1048576B" or "0".
func parseSize(s string) (int64, error) {
	if s == "0" {
		return 0, nil
	}
	units := []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			n, err := strconv.ParseInt(num, 10, 64)
			if err != nil || n < 0 || n > math.MaxInt64/u.mult {
				break
			}
			if n*u.mult < 64<<20 {
				return 0, fmt.Errorf("%q is below 64MiB, too little for the extraction models", s)
			}
			return n * u.mult, nil
		}
	}
	return 0, fmt.Errorf("%q is not a size like 640MiB or 1GiB (or 0 for no limit)", s)
}
