package stream_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/loader/stream"
	"github.com/kgraph/kgraph/store"
)

// cluster is a JetStream cluster of embedded servers on loopback, each
// with its store in a temporary directory. Ports are fixed at start so a
// stopped node comes back at the same addresses.
type cluster struct {
	t    *testing.T
	opts []*server.Options
	srv  []*server.Server
	url  string
}

// freePort returns a loopback port nobody listens on, drawn from below
// the kernel's ephemeral range. A port that :0 hands out is back in that
// range once its probe closes, where any outgoing connection of a test
// running beside this one may take it as its source port before the node
// listens on it; ports below the range are handed out by no one.
func freePort(t *testing.T) int {
	t.Helper()
	low := 32768 // Linux's default lower bound
	if b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range"); err == nil {
		if f := strings.Fields(string(b)); len(f) == 2 {
			if n, err := strconv.Atoi(f[0]); err == nil {
				low = n
			}
		}
	}
	const span = 8000
	base := max(low-span, 1024)
	for range 200 {
		p := base + rand.IntN(low-base)
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err != nil {
			continue
		}
		l.Close()
		return p
	}
	t.Fatal("no free loopback port below the ephemeral range")
	return 0
}

func startCluster(t *testing.T, n int) *cluster {
	t.Helper()
	c := &cluster{t: t}
	clientPorts := make([]int, n)
	routePorts := make([]int, n)
	taken := map[int]bool{}
	port := func() int {
		for {
			if p := freePort(t); !taken[p] {
				taken[p] = true
				return p
			}
		}
	}
	for i := range n {
		clientPorts[i], routePorts[i] = port(), port()
	}
	var urls []string
	for i := range n {
		o := &server.Options{
			ServerName: fmt.Sprintf("n%d", i+1),
			Host:       "127.0.0.1",
			Port:       clientPorts[i],
			JetStream:  true,
			StoreDir:   t.TempDir(),
			NoLog:      true,
			NoSigs:     true,
		}
		if n > 1 {
			o.Cluster = server.ClusterOpts{Name: "kgraph-test", Host: "127.0.0.1", Port: routePorts[i]}
			for j := range n {
				if j != i {
					o.Routes = append(o.Routes, &url.URL{Scheme: "nats", Host: fmt.Sprintf("127.0.0.1:%d", routePorts[j])})
				}
			}
		}
		c.opts = append(c.opts, o)
		c.srv = append(c.srv, nil)
		urls = append(urls, fmt.Sprintf("nats://127.0.0.1:%d", clientPorts[i]))
	}
	c.url = strings.Join(urls, ",")
	for i := range n {
		c.start(i)
	}
	t.Cleanup(func() {
		for i := range c.srv {
			c.stop(i)
		}
	})
	// Wait until JetStream answers (the meta group has a leader).
	nc, js := connect(t, c.url)
	defer nc.Close()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err := js.AccountInfo(ctx)
		cancel()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("JetStream cluster not ready: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	return c
}

func (c *cluster) start(i int) {
	c.t.Helper()
	s, err := server.NewServer(c.opts[i])
	if err != nil {
		c.t.Fatalf("node %d: %v", i, err)
	}
	go s.Start()
	if !s.ReadyForConnections(time.Minute) {
		c.t.Fatalf("node %d not ready", i)
	}
	c.srv[i] = s
}

func (c *cluster) stop(i int) {
	if s := c.srv[i]; s != nil {
		s.Shutdown()
		s.WaitForShutdown()
		c.srv[i] = nil
	}
}

func connect(t *testing.T, url string) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, js, err := stream.Connect(context.Background(), stream.ConnOptions{URL: url, Name: t.Name()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc, js
}

var (
	ldOnce sync.Once
	ld     *loader.Loader
	ldErr  error
)

func theLoader(t *testing.T) *loader.Loader {
	t.Helper()
	ldOnce.Do(func() { ld, ldErr = loader.New() })
	if ldErr != nil {
		t.Fatal(ldErr)
	}
	return ld
}

// readCorpus reads documents as kgraph ingest does.
func readCorpus(t *testing.T, paths ...string) []graph.Document {
	t.Helper()
	var docs []graph.Document
	err := loader.Read(context.Background(), paths, nil, loader.Limits{}, func(it loader.Item) error {
		if it.Err != nil {
			return fmt.Errorf("%s: %w", it.Origin, it.Err)
		}
		docs = append(docs, it.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func openStore(t *testing.T, dir string) *store.DB {
	t.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// localIngest is kgraph ingest of docs in order into a fresh store; it
// returns the store's stats and export.
func localIngest(t *testing.T, docs []graph.Document) (graph.Stats, []byte) {
	t.Helper()
	ctx := context.Background()
	db := openStore(t, t.TempDir())
	defer db.Close()
	for _, d := range docs {
		x, err := theLoader(t).Extract(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	return dump(t, db)
}

// dump returns a store's stats and its whole export as JSON lines.
func dump(t *testing.T, db *store.DB) (graph.Stats, []byte) {
	t.Helper()
	ctx := context.Background()
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	check := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	check(db.ExportDocuments(ctx, func(d *graph.Document) error { return enc.Encode(d) }))
	check(db.ExportEntities(ctx, func(e *graph.Entity) error { return enc.Encode(e) }))
	check(db.ExportRelations(ctx, func(r *graph.Relation) error { return enc.Encode(r) }))
	return st, b.Bytes()
}

// sameGraph fails the test when the stores differ, naming the first
// differing export line.
func sameGraph(t *testing.T, wantStats graph.Stats, wantExport []byte, gotStats graph.Stats, gotExport []byte) {
	t.Helper()
	wantStats.StoreBytes, gotStats.StoreBytes = 0, 0 // files on disk differ with compaction timing
	if fmt.Sprint(wantStats) != fmt.Sprint(gotStats) {
		t.Errorf("stats differ:\n local  %+v\n stream %+v", wantStats, gotStats)
	}
	if !bytes.Equal(wantExport, gotExport) {
		wl, gl := strings.Split(string(wantExport), "\n"), strings.Split(string(gotExport), "\n")
		for i := range max(len(wl), len(gl)) {
			var w, g string
			if i < len(wl) {
				w = wl[i]
			}
			if i < len(gl) {
				g = gl[i]
			}
			if w != g {
				t.Errorf("exports differ at line %d (%d vs %d lines):\n local  %.300s\n stream %.300s", i+1, len(wl), len(gl), w, g)
				break
			}
		}
	}
}

// publish sends docs in order and checks every one was stored.
func publish(t *testing.T, js jetstream.JetStream, cfg stream.Config, docs []graph.Document) stream.PublishResult {
	t.Helper()
	p := &stream.Publisher{JS: js, Config: cfg}
	res, err := p.Publish(context.Background(), func(emit func(graph.Document) error) error {
		for _, d := range docs {
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// waitFor polls cond until it holds, failing after a generous deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// writeJSONL writes documents as a JSON Lines corpus file.
func writeJSONL(t *testing.T, docs []map[string]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func testLog(t *testing.T, who string) func(string, ...any) {
	return func(f string, a ...any) { t.Logf(who+": "+f, a...) }
}
