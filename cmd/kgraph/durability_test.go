package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestGroupSyncShares checks group commit: callers waiting together are
// served by few fsyncs, and every caller's wait ends after a flush that
// started after it called.
func TestGroupSyncShares(t *testing.T) {
	var flushes atomic.Int64
	var mu sync.Mutex
	var lastStart time.Time
	g := newGroupSync(func() error {
		mu.Lock()
		lastStart = time.Now()
		mu.Unlock()
		flushes.Add(1)
		time.Sleep(5 * time.Millisecond) // an fsync takes a while
		return nil
	})
	var wg sync.WaitGroup
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			called := time.Now()
			if err := g.wait(); err != nil {
				t.Error(err)
			}
			mu.Lock()
			defer mu.Unlock()
			if lastStart.Before(called) {
				t.Error("wait returned without a flush that started after the call")
			}
		}()
	}
	wg.Wait()
	if n := flushes.Load(); n >= 64 {
		t.Errorf("64 concurrent callers ran %d flushes: no sharing", n)
	}
	t.Logf("64 concurrent callers, %d flushes", flushes.Load())

	boom := errors.New("disk gone")
	g = newGroupSync(func() error { return boom })
	if err := g.wait(); !errors.Is(err, boom) {
		t.Errorf("wait = %v, want the flush error", err)
	}
}

// BenchmarkIngestMutation measures ingestDocument throughput from eight
// concurrent clients with and without --sync; the ratio of the two is the
// cost of durability against power loss:
//
//	go test -run=^$ -bench=IngestMutation -benchtime=200x ./cmd/kgraph
func BenchmarkIngestMutation(b *testing.B) {
	files, _ := filepath.Glob("testdata/crossdoc/*.txt")
	var base []string
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		base = append(base, string(t))
	}
	for _, mode := range []string{"default", "sync"} {
		b.Run(mode, func(b *testing.B) {
			extra := []string{"--token", "bench", "--seed=false", "--log-level", "error"}
			if mode == "sync" {
				extra = append(extra, "--sync")
			}
			s := startServer(b, b.TempDir(), extra...)
			var next atomic.Int64
			b.ResetTimer()
			var wg sync.WaitGroup
			for range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						i := next.Add(1) - 1
						if i >= int64(b.N) {
							return
						}
						text := base[i%int64(len(base))] + fmt.Sprintf("\n\nRevision %d.", i)
						body, _ := json.Marshal(map[string]any{"query": `mutation($t: String!) { ingestDocument(input: {text: $t}) { status } }`, "variables": map[string]any{"t": text}})
						req, _ := http.NewRequest(http.MethodPost, s.url+"/graphql", bytes.NewReader(body))
						req.Header.Set("Content-Type", "application/json")
						req.Header.Set("Authorization", "Bearer bench")
						res, err := http.DefaultClient.Do(req)
						if err != nil {
							b.Error(err)
							return
						}
						res.Body.Close()
						if res.StatusCode != http.StatusOK {
							b.Errorf("status %d", res.StatusCode)
							return
						}
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
