package main

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// Durability (README, "Durability"): without --sync a 200 for a mutation
// means the change is committed to the store's write-ahead log in the
// operating system's page cache; it survives a crash of the kgraph process
// (kill -9, panic, OOM kill) but not a power loss or an operating-system
// crash, which can lose the last seconds of acknowledged changes. With
// --sync every mutation is fsynced before it is acknowledged, and
// concurrent mutations share one fsync (group commit).

// groupSync runs fsyncs on behalf of many callers: a caller waits for a
// sync that started after it called, and every caller waiting when a sync
// starts is served by that one sync.
type groupSync struct {
	flush func() error

	mu        sync.Mutex
	cond      *sync.Cond
	started   uint64 // syncs started so far
	completed uint64 // the highest sync finished
	running   bool
	err       error // of the last finished sync

	count atomic.Int64 // fsyncs run, for metrics and the benchmark
}

func newGroupSync(flush func() error) *groupSync {
	g := &groupSync{flush: flush}
	g.cond = sync.NewCond(&g.mu)
	return g
}

// wait returns once a sync that started after the call has finished, with
// that sync's error.
func (g *groupSync) wait() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	// A sync running now may have started before the caller's commit:
	// only the next one counts.
	target := g.started + 1
	for g.completed < target {
		if g.running {
			g.cond.Wait()
			continue
		}
		g.running = true
		g.started++
		n := g.started
		g.mu.Unlock()
		err := g.flush()
		g.count.Add(1)
		g.mu.Lock()
		g.running = false
		g.completed, g.err = n, err
		g.cond.Broadcast()
	}
	return g.err
}

// durableWrites wraps the mutation functions so that each success is
// synced before it is acknowledged. A nil g leaves them as they are.
func durableWrites(g *groupSync,
	ingest func(context.Context, graph.Document) (graph.IngestResult, error),
	del func(context.Context, string) error,
	merge func(context.Context, string, []string) (*graph.Entity, error),
) (func(context.Context, graph.Document) (graph.IngestResult, error), func(context.Context, string) error, func(context.Context, string, []string) (*graph.Entity, error)) {
	if g == nil {
		return ingest, del, merge
	}
	return func(ctx context.Context, d graph.Document) (graph.IngestResult, error) {
			r, err := ingest(ctx, d)
			if err == nil {
				err = g.wait()
			}
			return r, err
		}, func(ctx context.Context, id string) error {
			err := del(ctx, id)
			if err == nil {
				err = g.wait()
			}
			return err
		}, func(ctx context.Context, into string, from []string) (*graph.Entity, error) {
			e, err := merge(ctx, into, from)
			if err == nil {
				err = g.wait()
			}
			return e, err
		}
}

// ingester stores one extracted document.
type ingester interface {
	Ingest(ctx context.Context, x *graph.Extraction) (graph.IngestResult, error)
}

// syncedIngester is ingest --sync: each document is fsynced before it is
// counted and logged as stored.
type syncedIngester struct{ db *store.DB }

func (s syncedIngester) Ingest(ctx context.Context, x *graph.Extraction) (graph.IngestResult, error) {
	r, err := s.db.Ingest(ctx, x)
	if err == nil {
		err = s.db.Sync()
	}
	return r, err
}
