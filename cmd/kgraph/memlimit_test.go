package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func gcPercent() int {
	v := debug.SetGCPercent(100)
	debug.SetGCPercent(v)
	return v
}

func TestExportMemoryGuard(t *testing.T) {
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)

	// Two overlapping exports: GOGC is lowered by the first and restored
	// by the last.
	exportMemory.enter()
	exportMemory.enter()
	if got := gcPercent(); got != exportGCPercent {
		t.Fatalf("GOGC during exports = %d, want %d", got, exportGCPercent)
	}
	exportMemory.leave()
	if got := gcPercent(); got != exportGCPercent {
		t.Errorf("GOGC while one export still runs = %d, want %d", got, exportGCPercent)
	}
	exportMemory.leave()
	if got := gcPercent(); got != 100 {
		t.Errorf("GOGC after the exports = %d, want 100 back", got)
	}

	// With a memory limit chosen by the operator, GOGC is left alone.
	lim := debug.SetMemoryLimit(1 << 40)
	defer debug.SetMemoryLimit(lim)
	if lim != math.MaxInt64 {
		t.Logf("the test process runs with GOMEMLIMIT=%d", lim)
	}
	exportMemory.enter()
	got := gcPercent()
	exportMemory.leave()
	if got != 100 {
		t.Errorf("GOGC during an export under a memory limit = %d, want 100 (untouched)", got)
	}
}
