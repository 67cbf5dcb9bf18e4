package store_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// The read benchmarks run against a synthetic store of 2,000 documents,
// or, with KGRAPH_BENCH_STORE naming a store directory (for example one
// holding BBC and Reuters-21578), against a copy of that store. Each
// reports the Badger reads per call (point gets plus iterators, from
// Badger's own counters) beside the time:
//
//	KGRAPH_BENCH_STORE=/path/to/store go test ./store -run '^$' -bench 'OneHop|SearchStore|Subgraph'

var benchStore struct {
	once sync.Once
	dir  string
	err  error
}

// openBenchStore opens the store the read benchmarks share, with opts.
func openBenchStore(b *testing.B, opts store.Options) *store.DB {
	b.Helper()
	benchStore.once.Do(func() {
		dir, err := os.MkdirTemp("", "kgraph-bench-")
		if err != nil {
			benchStore.err = err
			return
		}
		benchStore.dir = filepath.Join(dir, "store")
		if src := os.Getenv("KGRAPH_BENCH_STORE"); src != "" {
			benchStore.err = exec.Command("cp", "-r", src, benchStore.dir).Run()
			return
		}
		db, err := store.Open(benchStore.dir, store.Options{})
		if err != nil {
			benchStore.err = err
			return
		}
		defer db.Close()
		for _, x := range corpus(2000) {
			if _, err := db.Ingest(context.Background(), x); err != nil {
				benchStore.err = err
				return
			}
		}
	})
	if benchStore.err != nil {
		b.Fatal(benchStore.err)
	}
	db, err := store.Open(benchStore.dir, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// cacheModes are the read cache's settings the view benchmarks run
// under: on (the default; after the first call every record comes from
// it) and off (every call reads Badger).
var cacheModes = []struct {
	name string
	opts store.Options
}{{"cache", store.Options{}}, {"nocache", store.Options{ReadCacheBytes: -1}}}

// badgerReads is the process's count of Badger point gets and iterators.
func badgerReads() int64 {
	var n int64
	for _, m := range store.BadgerMetrics() {
		if m.Name == "badger_get_num_user" || m.Name == "badger_iterator_num_user" {
			n += int64(m.Value)
		}
	}
	return n
}

// measure runs fn b.N times and reports Badger reads per call.
func measure(b *testing.B, fn func() error) {
	b.Helper()
	b.ReportAllocs()
	b.ResetTimer()
	before := badgerReads()
	for i := 0; i < b.N; i++ {
		if err := fn(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(badgerReads()-before)/float64(b.N), "reads/op")
}

// hubAndTypical returns the most connected entity and one with about 20
// relations.
func hubAndTypical(b *testing.B, db *store.DB) (hub, typical *graph.Entity) {
	ctx := context.Background()
	p, err := db.Entities(ctx, graph.EntityFilter{Order: graph.ByDegree, PageRequest: graph.PageRequest{First: graph.MaxPageSize}})
	if err != nil || len(p.Items) == 0 {
		b.Fatal(p, err)
	}
	hub, typical = p.Items[0], p.Items[len(p.Items)-1]
	for _, e := range p.Items {
		if e.Degree <= 25 {
			typical = e
			break
		}
	}
	return hub, typical
}

// BenchmarkOneHop reads a page of 20 relations of an entity and their
// endpoints through one view, as the GraphQL one-hop query does, with the
// read cache on and off.
func BenchmarkOneHop(b *testing.B) {
	for _, mode := range cacheModes {
		db := openBenchStore(b, mode.opts)
		hub, typical := hubAndTypical(b, db)
		ctx := context.Background()
		for _, c := range []struct {
			name string
			e    *graph.Entity
		}{{"hub", hub}, {"typical", typical}} {
			b.Run(c.name+"/"+mode.name, func(b *testing.B) {
				b.ReportMetric(float64(c.e.Degree), "degree")
				measure(b, func() error {
					view, release := db.View(ctx)
					defer release()
					p, err := view.Relations(ctx, graph.RelationFilter{Entity: c.e.ID, PageRequest: graph.PageRequest{First: 20}})
					if err != nil {
						return err
					}
					ids := make([]string, 0, 2*len(p.Items))
					for _, r := range p.Items {
						ids = append(ids, r.Source, r.Target)
					}
					_, err = view.EntitiesByID(ctx, ids)
					return err
				})
			})
		}
		db.Close()
	}
}

// BenchmarkSearchStore ranks the first ten hits of name searches: a
// common word, a two-word name, a misspelling and a prefix.
func BenchmarkSearchStore(b *testing.B) {
	db := openBenchStore(b, store.Options{})
	ctx := context.Background()
	for _, q := range []string{"united states", "amira abara", "goverment", "minist"} {
		b.Run(q, func(b *testing.B) {
			measure(b, func() error {
				_, err := db.Search(ctx, graph.SearchQuery{Query: q, PageRequest: graph.PageRequest{First: 10}})
				return err
			})
		})
	}
}

// BenchmarkSubgraph expands the hub by two hops up to 200 nodes through
// one view, as the load harness does, with the read cache on and off.
func BenchmarkSubgraph(b *testing.B) {
	for _, mode := range cacheModes {
		db := openBenchStore(b, mode.opts)
		hub, _ := hubAndTypical(b, db)
		ctx := context.Background()
		b.Run(mode.name, func(b *testing.B) {
			measure(b, func() error {
				view, release := db.View(ctx)
				defer release()
				_, err := view.Subgraph(ctx, []string{hub.ID}, 2, 200)
				return err
			})
		})
		db.Close()
	}
}
