package stream_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/stream"
)

// runWorker starts a worker on its own connection and returns its stop
// function, which cancels it (as a crash would) and waits for it.
func runWorker(t *testing.T, url string, cfg stream.Config, name string, configure func(*stream.Worker)) (*stream.Worker, func()) {
	t.Helper()
	_, js := connect(t, url)
	w := &stream.Worker{JS: js, Config: cfg, Extract: theLoader(t).Extract, Concurrency: 2, AckWait: 2 * time.Second, Log: testLog(t, name)}
	if configure != nil {
		configure(w)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := w.Run(ctx); err != nil && ctx.Err() == nil {
			t.Errorf("%s: %v", name, err)
		}
	}()
	stop := func() { cancel(); <-done }
	t.Cleanup(stop)
	return w, stop
}

// TestClusterMatchesLocalIngest publishes the repository's fixture articles
// to a three-node cluster, extracts them with two workers and applies them
// with one writer: the store equals a local ingest of the same files.
func TestClusterMatchesLocalIngest(t *testing.T) {
	gold, err := filepath.Glob("../../testdata/gold/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs := readCorpus(t, append([]string{"../../cmd/kgraph/testdata/crossdoc", "../../seeds"}, gold...)...)
	if len(docs) < 10 {
		t.Fatalf("fixture corpus has %d documents", len(docs))
	}
	wantStats, wantExport := localIngest(t, docs)

	c := startCluster(t, 3)
	cfg := stream.Config{Replicas: 3}
	_, js := connect(t, c.url)
	if err := stream.Setup(context.Background(), js, cfg); err != nil {
		t.Fatal(err)
	}
	res := publish(t, js, cfg, docs)
	if res.Published != len(docs) || res.Duplicates != 0 {
		t.Fatalf("first publication: %+v, want %d published", res, len(docs))
	}
	// A repeat within the de-duplication window is dropped by the stream.
	if again := publish(t, js, cfg, docs); again.Published != 0 || again.Duplicates != len(docs) {
		t.Fatalf("repeated publication: %+v, want %d duplicates", again, len(docs))
	}

	w1, _ := runWorker(t, c.url, cfg, "worker1", nil)
	w2, _ := runWorker(t, c.url, cfg, "worker2", nil)

	db := openStore(t, t.TempDir())
	defer db.Close()
	wr := &stream.Writer{JS: js, Config: cfg, Store: db, Log: testLog(t, "writer")}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := wr.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	gotStats, gotExport := dump(t, db)
	sameGraph(t, wantStats, wantExport, gotStats, gotExport)
	if n := wr.Stats().New.Load(); n != int64(len(docs)) {
		t.Errorf("writer applied %d new documents, want %d", n, len(docs))
	}
	t.Logf("%d documents: worker1 extracted %d, worker2 %d; stats %+v",
		len(docs), w1.Stats().Extracted.Load(), w2.Stats().Extracted.Load(), gotStats)
	// The last acknowledgements reach the stream shortly after the drain.
	waitFor(t, "no lag", func() bool {
		lag, err := wr.Lag(ctx)
		return err == nil && lag == (stream.Lag{})
	})
}

// TestClusterFaults runs 600 generated articles through a three-node
// cluster while a worker dies mid-document, a node stops and comes back
// and the writer restarts: the store still equals a local ingest.
func TestClusterFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault test extracts 600 documents twice")
	}
	docs := readCorpus(t, writeJSONL(t, generatedCorpus(600)))
	wantStats, wantExport := localIngest(t, docs)

	c := startCluster(t, 3)
	cfg := stream.Config{Replicas: 3}
	_, js := connect(t, c.url)
	if err := stream.Setup(context.Background(), js, cfg); err != nil {
		t.Fatal(err)
	}
	publish(t, js, cfg, docs)

	// Worker A blocks inside its 25th extraction until it is killed.
	inside := make(chan struct{})
	var calls atomic.Int64
	a, killA := runWorker(t, c.url, cfg, "workerA", func(w *stream.Worker) {
		extract := w.Extract
		w.Extract = func(ctx context.Context, d graph.Document) (*graph.Extraction, error) {
			if calls.Add(1) == 25 {
				close(inside)
				<-ctx.Done()
				return nil, ctx.Err()
			}
			return extract(ctx, d)
		}
	})
	b, _ := runWorker(t, c.url, cfg, "workerB", nil)

	dir := t.TempDir()
	db := openStore(t, dir)
	_, wjs := connect(t, c.url)
	wr := &stream.Writer{JS: wjs, Config: cfg, Store: db, AckWait: 5 * time.Second, Log: testLog(t, "writer")}
	wctx, wcancel := context.WithCancel(context.Background())
	wdone := make(chan error, 1)
	go func() { wdone <- wr.Run(wctx) }()

	<-inside
	killA()
	t.Logf("worker A killed inside a document at writer position %d", wr.Stats().Next.Load())
	a2, _ := runWorker(t, c.url, cfg, "workerA2", nil)

	waitFor(t, "150 documents applied", func() bool { return wr.Stats().Next.Load() > 150 })
	c.stop(0)
	t.Logf("node n1 stopped at writer position %d", wr.Stats().Next.Load())
	waitFor(t, "300 documents applied", func() bool { return wr.Stats().Next.Load() > 300 })
	c.start(0)
	t.Logf("node n1 restarted at writer position %d", wr.Stats().Next.Load())

	waitFor(t, "420 documents applied", func() bool { return wr.Stats().Next.Load() > 420 })
	wcancel()
	if err := <-wdone; err != nil {
		t.Fatal(err)
	}
	first := wr.Stats()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("writer stopped at position %d; store closed and reopened", first.Next.Load())
	db = openStore(t, dir)
	defer db.Close()
	wr2 := &stream.Writer{JS: wjs, Config: cfg, Store: db, AckWait: 5 * time.Second, Log: testLog(t, "writer2")}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := wr2.Drain(ctx); err != nil {
		t.Fatal(err)
	}

	gotStats, gotExport := dump(t, db)
	sameGraph(t, wantStats, wantExport, gotStats, gotExport)
	applied := first.New.Load() + wr2.Stats().New.Load()
	if applied != int64(len(docs)) {
		t.Errorf("writers applied %d new documents, want %d", applied, len(docs))
	}
	workerRedeliveries := a.Stats().Redelivered.Load() + a2.Stats().Redelivered.Load() + b.Stats().Redelivered.Load()
	if workerRedeliveries < 1 {
		t.Errorf("the killed worker's document was not redelivered")
	}
	t.Logf("%d documents; redeliveries: %d to workers, %d counted by the writers (worker and writer deliveries of applied documents); unchanged on re-apply %d",
		len(docs), workerRedeliveries, first.Redelivered.Load()+wr2.Stats().Redelivered.Load(), first.Unchanged.Load()+wr2.Stats().Unchanged.Load())
}

// TestDeadLetter: a document whose extraction keeps failing, and one that
// is not valid UTF-8, go to the dead-letter stream with their reasons; the
// other documents reach the store.
func TestDeadLetter(t *testing.T) {
	all := readCorpus(t, writeJSONL(t, generatedCorpus(12)))
	poison := all[5]
	var good []graph.Document
	for i, d := range all {
		if i != 5 {
			good = append(good, d)
		}
	}
	wantStats, wantExport := localIngest(t, good)

	c := startCluster(t, 1)
	cfg := stream.Config{}
	_, js := connect(t, c.url)
	if err := stream.Setup(context.Background(), js, cfg); err != nil {
		t.Fatal(err)
	}
	publish(t, js, cfg, all[:8])
	// Not UTF-8: a publisher other than kgraph publish can send anything.
	if _, err := js.Publish(context.Background(), cfg.DocsSubject(), []byte("{\"id\":\"bad\",\"text\":\"caf\xe9 au lait\"}")); err != nil {
		t.Fatal(err)
	}
	publish(t, js, cfg, all[8:])

	var attempts sync.Map
	w, _ := runWorker(t, c.url, cfg, "worker", func(w *stream.Worker) {
		extract := w.Extract
		w.MaxDeliver = 3
		w.Backoff = []time.Duration{10 * time.Millisecond, 20 * time.Millisecond}
		w.Extract = func(ctx context.Context, d graph.Document) (*graph.Extraction, error) {
			if d.ID == poison.ID {
				n, _ := attempts.LoadOrStore(d.ID, new(atomic.Int64))
				n.(*atomic.Int64).Add(1)
				return nil, errors.New("extractor failed on purpose")
			}
			return extract(ctx, d)
		}
	})

	db := openStore(t, t.TempDir())
	defer db.Close()
	wr := &stream.Writer{JS: js, Config: cfg, Store: db, Log: testLog(t, "writer")}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := wr.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	gotStats, gotExport := dump(t, db)
	sameGraph(t, wantStats, wantExport, gotStats, gotExport)

	n, _ := attempts.Load(poison.ID)
	if n == nil || n.(*atomic.Int64).Load() != 3 {
		t.Errorf("poison document extracted %v times, want 3 (MaxDeliver)", n)
	}
	dead, err := js.Stream(ctx, "KGRAPH_DEAD")
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for seq := uint64(1); seq <= 2; seq++ {
		m, err := dead.GetMsg(ctx, seq)
		if err != nil {
			t.Fatalf("dead letter %d: %v", seq, err)
		}
		reasons[m.Header.Get("Kgraph-Doc-Id")+"|"+string(m.Data)[:12]] = m.Header.Get("Kgraph-Reason") + " after " + m.Header.Get("Kgraph-Deliveries")
	}
	if _, err := dead.GetMsg(ctx, 3); !errors.Is(err, jetstream.ErrMsgNotFound) {
		t.Errorf("a third dead letter: %v", err)
	}
	var sawPoison, sawUTF8 bool
	for k, r := range reasons {
		t.Logf("dead letter %s: %s", k, r)
		sawPoison = sawPoison || strings.HasPrefix(k, poison.ID) && strings.Contains(r, "failed on purpose after 3")
		sawUTF8 = sawUTF8 || strings.Contains(k, `"id":"bad"`) && strings.Contains(r, "UTF-8") && strings.HasSuffix(r, "after 1")
	}
	if !sawPoison || !sawUTF8 {
		t.Errorf("dead letters %v: want the failing document after 3 deliveries and the invalid one after 1", reasons)
	}
	if got := w.Stats().Dead.Load(); got != 2 {
		t.Errorf("worker dead-lettered %d documents, want 2", got)
	}
	if got := wr.Stats().Skipped.Load(); got != 2 {
		t.Errorf("writer skipped %d sequence numbers, want 2", got)
	}
}
