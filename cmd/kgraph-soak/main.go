// Command kgraph-soak runs a mixed load against a kgraph server for a given
// time and reports what it saw: requests and 5xx per shape, p50 and p99
// latency per shape, the server's resident memory over time, and whether
// the store's counts at the end equal those at the start.
//
// It starts `kgraph serve` itself (built from --bin) on a loopback port
// with a fresh store holding the articles of --preload, then runs
// --readers connections of reads (entity, one hop, search, subgraph,
// shortest path) while one writer ingests documents through the
// ingestDocument mutation and deletes each again, so that the final counts
// must equal the initial ones. Articles come from --corpus (.txt files),
// each sent with a revision line so that every ingest is a new document.
//
// Usage:
//
//	go build -o /tmp/kgraph ./cmd/kgraph
//	nice -n 10 go run ./cmd/kgraph-soak --bin /tmp/kgraph --duration 10m
//
// Exit status 0 when there was no 5xx, no error other than the documented
// limits, and the final counts equal the initial ones; 1 otherwise.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	bin := flag.String("bin", "kgraph", "kgraph binary to start")
	duration := flag.Duration("duration", 10*time.Minute, "how long to run the load")
	readers := flag.Int("readers", 32, "concurrent reading connections")
	corpus := flag.String("corpus", "cmd/kgraph/testdata/crossdoc", "directory of .txt articles the writer ingests and deletes")
	preload := flag.String("preload", "testdata/gold", "file or directory ingested with `kgraph ingest` before serving, so the reads meet more than the sample document (\"\": none)")
	seed := flag.Uint64("seed", 1, "random seed of the read mix")
	flag.Parse()
	os.Exit(run(*bin, *duration, *readers, *corpus, *preload, *seed))
}

// shape is one kind of request of the mix.
type shape struct {
	name string
	mu   sync.Mutex
	lat  []time.Duration
	n5xx atomic.Int64
	errs atomic.Int64 // GraphQL errors other than documented limits
}

func (s *shape) record(d time.Duration) {
	s.mu.Lock()
	s.lat = append(s.lat, d)
	s.mu.Unlock()
}

func (s *shape) quantile(q float64) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.lat) == 0 {
		return 0
	}
	l := slices.Clone(s.lat)
	slices.Sort(l)
	return l[min(len(l)-1, int(q*float64(len(l))))]
}

func run(bin string, duration time.Duration, readers int, corpus, preload string, seed uint64) int {
	articles, err := loadArticles(corpus)
	if err != nil || len(articles) == 0 {
		fmt.Fprintf(os.Stderr, "kgraph-soak: corpus %s: %v (no .txt articles?)\n", corpus, err)
		return 2
	}
	data, err := os.MkdirTemp("", "kgraph-soak-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "kgraph-soak:", err)
		return 2
	}
	defer os.RemoveAll(data)
	if preload != "" {
		out, err := exec.Command(bin, "ingest", "--data", data, "--log-level", "error", preload).CombinedOutput()
		if err != nil {
			fmt.Fprintf(os.Stderr, "kgraph-soak: preload %s: %v\n%s", preload, err, out)
			return 2
		}
	}
	port, err := freePort()
	if err != nil {
		fmt.Fprintln(os.Stderr, "kgraph-soak:", err)
		return 2
	}
	const token = "soak-token"
	addr := "127.0.0.1:" + strconv.Itoa(port)
	cmd := exec.Command(bin, "serve", "--data", data, "--addr", addr, "--token", token, "--log-level", "warn")
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "kgraph-soak: start server:", err)
		return 2
	}
	defer func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() }()
	url := "http://" + addr + "/graphql"
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: readers + 4}, Timeout: time.Minute}
	if !waitHealthy(client, "http://"+addr+"/healthz", time.Minute) {
		fmt.Fprintln(os.Stderr, "kgraph-soak: the server did not become healthy")
		return 2
	}
	c := &gqlClient{http: client, url: url}
	before, err := c.stats()
	if err != nil {
		fmt.Fprintln(os.Stderr, "kgraph-soak: stats:", err)
		return 2
	}
	var ents struct {
		Entities struct {
			Nodes []struct{ ID, Name string }
		}
	}
	if err := c.query(`{ entities(first: 200) { nodes { id name } } }`, nil, "", &ents); err != nil || len(ents.Entities.Nodes) < 2 {
		fmt.Fprintln(os.Stderr, "kgraph-soak: list entities:", err)
		return 2
	}
	nodes := ents.Entities.Nodes
	fmt.Printf("server pid %d, store %s: %d documents, %d entities, %d relations; %d readers, 1 writer, %s\n",
		cmd.Process.Pid, data, before.Documents, before.Entities, before.Relations, readers, duration)

	shapes := map[string]*shape{}
	for _, n := range []string{"entity", "one hop", "search", "subgraph", "path", "ingest", "delete"} {
		shapes[n] = &shape{name: n}
	}
	queries := []struct {
		name, q string
		vars    func(r *rand.Rand) map[string]any
	}{
		{"entity", `query($id: ID!) { entity(id: $id) { id name type aliases mentionCount degree } }`,
			func(r *rand.Rand) map[string]any { return map[string]any{"id": nodes[r.IntN(len(nodes))].ID} }},
		{"one hop", `query($id: ID!) { entity(id: $id) { name relations(first: 20) { nodes { type source { id name } target { id name } evidence(first: 1) { sentence } } } } }`,
			func(r *rand.Rand) map[string]any { return map[string]any{"id": nodes[r.IntN(len(nodes))].ID} }},
		{"search", `query($q: String!) { search(query: $q, first: 10) { totalCount nodes { id name } } }`,
			func(r *rand.Rand) map[string]any {
				words := strings.Fields(nodes[r.IntN(len(nodes))].Name)
				return map[string]any{"q": strings.ToLower(words[r.IntN(len(words))])}
			}},
		{"subgraph", `query($id: ID!) { subgraph(ids: [$id], hops: 2, limit: 100) { truncated nodes { id name type } edges { id type sourceId targetId } } }`,
			func(r *rand.Rand) map[string]any { return map[string]any{"id": nodes[r.IntN(len(nodes))].ID} }},
		{"path", `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 6) { length nodes { id } } }`,
			func(r *rand.Rand) map[string]any {
				return map[string]any{"a": nodes[r.IntN(len(nodes))].ID, "b": nodes[r.IntN(len(nodes))].ID}
			}},
	}

	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	var total, other atomic.Int64
	var wg sync.WaitGroup
	for i := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(i)))
			for ctx.Err() == nil {
				q := queries[r.IntN(len(queries))]
				sh := shapes[q.name]
				start := time.Now()
				status, errs, err := c.do(q.q, q.vars(r), "")
				if ctx.Err() != nil && err != nil {
					return
				}
				total.Add(1)
				sh.record(time.Since(start))
				if err != nil || status >= 500 {
					if sh.n5xx.Add(1) <= 3 {
						fmt.Fprintf(os.Stderr, "%s: status %d after %s: %v %v\n", q.name, status, time.Since(start).Round(time.Millisecond), err, errs)
					}
				} else if len(errs) > 0 {
					sh.errs.Add(1)
					if other.Add(1) <= 5 {
						fmt.Fprintf(os.Stderr, "%s: %v\n", q.name, errs)
					}
				}
			}
		}()
	}
	// The writer: ingest an article, delete it again.
	var ingested atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			text := articles[i%len(articles)] + fmt.Sprintf("\n\nRevision %d of this report.", i)
			var res struct {
				IngestDocument struct{ DocumentID string }
			}
			start := time.Now()
			err := c.query(`mutation($t: String!) { ingestDocument(input: {text: $t}) { documentId } }`, map[string]any{"t": text}, token, &res)
			total.Add(1)
			shapes["ingest"].record(time.Since(start))
			if err != nil {
				shapes["ingest"].errs.Add(1)
				fmt.Fprintln(os.Stderr, "ingest:", err)
				continue
			}
			ingested.Add(1)
			start = time.Now()
			// The delete runs even when the load has ended, so that the
			// final counts can be compared.
			if err := c.query(`mutation($id: ID!) { deleteDocument(id: $id) }`, map[string]any{"id": res.IngestDocument.DocumentID}, token, nil); err != nil {
				shapes["delete"].errs.Add(1)
				fmt.Fprintln(os.Stderr, "delete:", err)
			}
			total.Add(1)
			shapes["delete"].record(time.Since(start))
		}
	}()

	// RSS sampler: every second; report at 1, 5 and 10 minutes (or the
	// end), and the peak.
	marks := []time.Duration{time.Minute, 5 * time.Minute, 10 * time.Minute}
	var rssAt []string
	var peak int64
	start := time.Now()
	tick := time.NewTicker(time.Second)
	for ctx.Err() == nil {
		select {
		case <-tick.C:
		case <-ctx.Done():
		}
		rss := rssKiB(cmd.Process.Pid)
		peak = max(peak, rss)
		el := time.Since(start)
		for len(marks) > 0 && el >= marks[0] {
			rssAt = append(rssAt, fmt.Sprintf("%s %.0f MiB", marks[0], float64(rss)/1024))
			fmt.Printf("%s: %d requests, RSS %.0f MiB; %s\n", marks[0], total.Load(), float64(rss)/1024, memory(client, "http://"+addr+"/metrics"))
			marks = marks[1:]
		}
	}
	tick.Stop()
	end := rssKiB(cmd.Process.Pid)
	if len(marks) > 0 && time.Since(start) >= marks[0]-2*time.Second {
		rssAt = append(rssAt, fmt.Sprintf("%s %.0f MiB", marks[0], float64(end)/1024))
	}
	wg.Wait()
	after, err := c.stats()
	if err != nil {
		fmt.Fprintln(os.Stderr, "kgraph-soak: final stats:", err)
		return 1
	}

	el := time.Since(start)
	fmt.Printf("\n%d requests in %s (%.0f/s), %d documents ingested and deleted\n", total.Load(), el.Round(time.Second), float64(total.Load())/el.Seconds(), ingested.Load())
	fmt.Printf("%-9s %9s %5s %6s %9s %9s\n", "shape", "requests", "5xx", "errors", "p50", "p99")
	bad := false
	for _, n := range []string{"entity", "one hop", "search", "subgraph", "path", "ingest", "delete"} {
		s := shapes[n]
		s.mu.Lock()
		cnt := len(s.lat)
		s.mu.Unlock()
		fmt.Printf("%-9s %9d %5d %6d %9s %9s\n", n, cnt, s.n5xx.Load(), s.errs.Load(), s.quantile(0.5).Round(10*time.Microsecond), s.quantile(0.99).Round(10*time.Microsecond))
		bad = bad || s.n5xx.Load() > 0 || s.errs.Load() > 0
	}
	fmt.Printf("server RSS: %s; at the end %.0f MiB; peak %.0f MiB\n", strings.Join(rssAt, ", "), float64(end)/1024, float64(peak)/1024)
	fmt.Printf("stats before: %+v\nstats after:  %+v\n", before, after)
	if after != before {
		fmt.Println("FAIL: the final counts differ from the initial ones")
		bad = true
	}
	if bad {
		fmt.Println("FAIL")
		return 1
	}
	fmt.Println("PASS: no 5xx, no unexpected error, final counts equal the initial ones")
	return 0
}

type counts struct{ Documents, Entities, Relations, Mentions, Evidence int }

type gqlClient struct {
	http *http.Client
	url  string
}

func (c *gqlClient) stats() (counts, error) {
	var out struct{ Stats counts }
	err := c.query(`{ stats { documents entities relations mentions evidence } }`, nil, "", &out)
	return out.Stats, err
}

// do sends one request and returns the status and GraphQL errors.
func (c *gqlClient) do(q string, vars map[string]any, token string) (int, []any, error) {
	status, body, err := c.post(q, vars, token)
	if err != nil {
		return status, nil, err
	}
	var r struct{ Errors []any }
	_ = json.Unmarshal(body, &r)
	return status, r.Errors, nil
}

func (c *gqlClient) query(q string, vars map[string]any, token string, out any) error {
	status, body, err := c.post(q, vars, token)
	if err != nil {
		return err
	}
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return fmt.Errorf("status %d: %v", status, err)
	}
	if status != http.StatusOK || len(r.Errors) > 0 {
		return fmt.Errorf("status %d: %v", status, r.Errors)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}

func (c *gqlClient) post(q string, vars map[string]any, token string) (int, []byte, error) {
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, b, err
}

func loadArticles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, string(b))
	}
	return out, nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func waitHealthy(c *http.Client, url string, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if res, err := c.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return true
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return false
}

// memory summarises where the server's memory is, from its /metrics: the
// Go heap in use, goroutines, and the size of Badger's memtables and
// caches when it publishes them; so that RSS growth can be told apart
// from a leak of the Go heap.
func memory(c *http.Client, url string) string {
	res, err := c.Get(url)
	if err != nil {
		return "metrics: " + err.Error()
	}
	defer res.Body.Close()
	want := []struct{ metric, label string }{
		{"go_memstats_heap_inuse_bytes", "Go heap in use"},
		{"go_memstats_heap_sys_bytes", "Go heap from the OS"},
		{"go_goroutines", "goroutines"},
	}
	got := map[string]float64{}
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		name, v, ok := strings.Cut(sc.Text(), " ")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			got[name] = f
		}
	}
	var parts []string
	for _, w := range want {
		v, ok := got[w.metric]
		switch {
		case !ok:
		case strings.HasSuffix(w.metric, "_bytes"):
			parts = append(parts, fmt.Sprintf("%s %.0f MiB", w.label, v/(1<<20)))
		default:
			parts = append(parts, fmt.Sprintf("%s %.0f", w.label, v))
		}
	}
	return strings.Join(parts, ", ")
}

// rssKiB reads VmRSS of a process from /proc (Linux); 0 elsewhere.
func rssKiB(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}
