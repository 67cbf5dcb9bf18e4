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

func TestIngestMemoryLimit(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	getenv := func(v string) func(string) string {
		return func(string) string { return v }
	}
	cases := []struct {
		value    string
		explicit bool
		env      string
		want     int64 // -1: unchanged
		err      bool
	}{
		{value: "640MiB", want: 640 << 20},
		{value: "1GiB", explicit: true, want: 1 << 30},
		{value: "0", explicit: true, want: math.MaxInt64},
		{value: "640MiB", env: "2GiB", want: -1},                        // the environment's limit stays
		{value: "800MiB", explicit: true, env: "2GiB", want: 800 << 20}, // the flag wins
		{value: "10MiB", explicit: true, err: true},
		{value: "12", explicit: true, err: true},
		{value: "-5MiB", explicit: true, err: true},
		{value: "9999999999999GiB", explicit: true, err: true},
	}
	for _, c := range cases {
		debug.SetMemoryLimit(123 << 20)
		restore, err := setMemoryLimit(c.value, c.explicit, getenv(c.env))
		got := debug.SetMemoryLimit(-1)
		if restore(); debug.SetMemoryLimit(-1) != 123<<20 {
			t.Errorf("%q: the previous limit was not restored", c.value)
		}
		switch {
		case c.err && err == nil:
			t.Errorf("%q: no error", c.value)
		case !c.err && err != nil:
			t.Errorf("%q: %v", c.value, err)
		case c.err || c.want == -1:
			if got != 123<<20 {
				t.Errorf("%q (env %q): limit changed to %d", c.value, c.env, got)
			}
		case got != c.want:
			t.Errorf("%q (env %q): limit %d, want %d", c.value, c.env, got, c.want)
		}
	}
}
