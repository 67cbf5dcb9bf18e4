package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestIngestSkipsFIFO ingests a directory holding a FIFO named a.txt and a
// valid article: the article is stored, the FIFO is named on stderr, and
// the command does not wait on the pipe.
func TestIngestSkipsFIFO(t *testing.T) {
	in := t.TempDir()
	fifo := filepath.Join(in, "a.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	article := "date 2024-02-03 Ministers meet\n\nForeign Minister Anna Berg met Paul Dufort in Geneva on Monday."
	if err := os.WriteFile(filepath.Join(in, "b.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errs := runCmd(t, "", "ingest", "--data", t.TempDir(), "--log-format", "json", in)
		done <- result{code, out, errs}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(2 * time.Minute): // a hang, not a timing figure
		t.Fatal("ingest blocked on the FIFO")
	}
	if r.code != exitPartial || !strings.Contains(r.out, "1 new, 0 unchanged, 1 failed") {
		t.Errorf("got exit %d, %q; want %d and 1 new, 1 failed", r.code, r.out, exitPartial)
	}
	if !strings.Contains(r.err, "a.txt") || !strings.Contains(r.err, "named pipe") {
		t.Errorf("stderr does not name the FIFO:\n%s", r.err)
	}
}
