package main

import (
	"math"
	"runtime/debug"
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
