package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The crash tests kill the real binary with SIGKILL at seeded random
// moments, restart it, complete the work and compare the store with a
// clean run. KGRAPH_CRASH_SEED picks another seed, KGRAPH_CRASH_ROUNDS
// more rounds. They build the binary, so they are skipped with -short.

func crashSeed(t *testing.T) uint64 {
	seed := uint64(1)
	if s := os.Getenv("KGRAPH_CRASH_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("KGRAPH_CRASH_SEED=%q: %v", s, err)
		}
		seed = n
	}
	t.Logf("seed %d (set KGRAPH_CRASH_SEED to replay another)", seed)
	return seed
}

func crashRounds(def int) int {
	if n, err := strconv.Atoi(os.Getenv("KGRAPH_CRASH_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return def
}

// buildKgraph builds this command into a temporary directory.
func buildKgraph(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("crash tests build and kill the binary: skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "kgraph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashCorpus writes the articles of the repository's test data, each in
// three revisions, as .txt files, and returns the directory and the texts
// in file order.
func crashCorpus(t *testing.T) (string, []string) {
	t.Helper()
	files, _ := filepath.Glob("testdata/crossdoc/*.txt")
	gold, _ := filepath.Glob("../../testdata/gold/*.txt")
	files = append(files, gold...)
	if len(files) < 3 {
		t.Fatalf("found %d fixture articles, want at least 3", len(files))
	}
	dir := t.TempDir()
	var texts []string
	n := 0
	for rev := range 3 {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			if rev > 0 {
				text += fmt.Sprintf("\n\nRevision %d of this report.", rev)
			}
			n++
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", n)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, text)
		}
	}
	return dir, texts
}

// storeState is what must equal between a crashed-and-completed store and
// a clean one: the stats and the export.
type storeState struct {
	stats  string
	export []string // the export's records, sorted
	canon  []string // the export without ids, which depend on ingest order
}

func readState(t *testing.T, bin, data string) storeState {
	t.Helper()
	st, err := exec.Command(bin, "query", "--data", data, "--log-level", "error",
		`{ stats { documents entities relations mentions evidence } }`).Output()
	if err != nil {
		t.Fatalf("kgraph query stats: %v", err)
	}
	out, err := exec.Command(bin, "export", "--data", data, "--log-level", "error").Output()
	if err != nil {
		t.Fatalf("kgraph export: %v", err)
	}
	var g struct {
		Documents []map[string]any `json:"documents"`
		Entities  []struct {
			ID, Name, Type string
			Aliases        []string
			Mentions       []struct {
				Document   string
				Start, End int
			}
		} `json:"entities"`
		Relations []struct {
			Type, Source, Target string
			Evidence             []struct {
				Document   string
				Start, End int
			}
		} `json:"relations"`
	}
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	s := storeState{stats: strings.TrimSpace(string(st))}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		s.export = append(s.export, strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(line, `{"documents":[`), "]}"), ","))
	}
	sort.Strings(s.export)
	names := map[string]string{}
	for _, d := range g.Documents {
		s.canon = append(s.canon, fmt.Sprintf("D %v %v %v", d["id"], d["title"], d["date"]))
	}
	for _, e := range g.Entities {
		names[e.ID] = e.Name
		ms := make([]string, 0, len(e.Mentions))
		for _, m := range e.Mentions {
			ms = append(ms, fmt.Sprintf("%s:%d-%d", m.Document, m.Start, m.End))
		}
		sort.Strings(ms)
		al := slices.Clone(e.Aliases)
		sort.Strings(al)
		s.canon = append(s.canon, fmt.Sprintf("E %s %s %v %v", e.Type, e.Name, al, ms))
	}
	for _, r := range g.Relations {
		ev := make([]string, 0, len(r.Evidence))
		for _, x := range r.Evidence {
			ev = append(ev, fmt.Sprintf("%s:%d-%d", x.Document, x.Start, x.End))
		}
		sort.Strings(ev)
		a, b := names[r.Source], names[r.Target]
		if (r.Type == "MET_WITH" || r.Type == "COOPERATES_WITH") && b < a {
			a, b = b, a // symmetric: stored once, either way round
		}
		s.canon = append(s.canon, fmt.Sprintf("R %s %s %s %v", r.Type, a, b, ev))
	}
	sort.Strings(s.canon)
	return s
}

func diffLines(a, b []string) string {
	var out []string
	for _, l := range a {
		if !slices.Contains(b, l) {
			out = append(out, "- "+shortLine(l))
		}
	}
	for _, l := range b {
		if !slices.Contains(a, l) {
			out = append(out, "+ "+shortLine(l))
		}
	}
	if len(out) > 10 {
		out = append(out[:10], fmt.Sprintf("… %d more", len(out)-10))
	}
	return strings.Join(out, "\n")
}

func shortLine(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

var summaryRE = regexp.MustCompile(`documents: (\d+) new, (\d+) unchanged, (\d+) failed`)

// TestCrashIngest kills `kgraph ingest` at random moments, runs it again
// to completion and compares the store with a clean run: same stats, same
// sorted export (ids included: the resumed run ingests in the same order),
// and so no document half-present.
func TestCrashIngest(t *testing.T) {
	bin := buildKgraph(t)
	corpus, texts := crashCorpus(t)
	r := rand.New(rand.NewPCG(crashSeed(t), 1))

	clean := t.TempDir()
	start := time.Now()
	if out, err := exec.Command(bin, "ingest", "--data", clean, "--log-level", "error", corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	took := time.Since(start)
	want := readState(t, bin, clean)
	// Start-up (opening the store, decoding the models) takes much of a
	// run: half the rounds kill after it, in the middle of the corpus.
	start = time.Now()
	_ = exec.Command(bin, "ingest", "--data", t.TempDir(), "--log-level", "error", filepath.Join(corpus, "absent")).Run()
	startup := min(time.Since(start), took/2)

	rounds := crashRounds(10)
	midway := 0
	for round := range rounds {
		data := t.TempDir()
		cmd := exec.Command(bin, "ingest", "--data", data, "--log-level", "error", corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(r.Int64N(int64(took)))
		if round%2 == 1 {
			delay = startup + time.Duration(r.Int64N(int64(took-startup)))
		}
		time.Sleep(delay)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()

		out, err := exec.Command(bin, "ingest", "--data", data, "--log-level", "error", corpus).CombinedOutput()
		if err != nil {
			t.Fatalf("round %d: ingest after the kill: %v\n%s", round, err, out)
		}
		m := summaryRE.FindStringSubmatch(string(out))
		if m == nil {
			t.Fatalf("round %d: no summary in %q", round, out)
		}
		newDocs, _ := strconv.Atoi(m[1])
		kept, _ := strconv.Atoi(m[2])
		if newDocs+kept != len(texts) || m[3] != "0" {
			t.Errorf("round %d: resumed run reports %s", round, m[0])
		}
		if kept > 0 && newDocs > 0 {
			midway++
		}
		got := readState(t, bin, data)
		if got.stats != want.stats {
			t.Errorf("round %d (killed after %v, %d documents kept): stats %s, want %s", round, delay.Round(time.Millisecond), kept, got.stats, want.stats)
		}
		if !slices.Equal(got.export, want.export) {
			t.Errorf("round %d (killed after %v, %d documents kept): export differs from the clean run:\n%s", round, delay.Round(time.Millisecond), kept, diffLines(want.export, got.export))
		}
		t.Logf("round %d: killed after %v with %d of %d documents stored; completed store equals the clean run", round, delay.Round(time.Millisecond), kept, len(texts))
	}
	t.Logf("%d rounds, %d killed in the middle of the corpus", rounds, midway)
}

// crashServer is a `kgraph serve` process.
type crashServer struct {
	cmd *exec.Cmd
	url string
}

func startCrashServer(t *testing.T, bin, data string, extra ...string) *crashServer {
	t.Helper()
	// The server picks its own port (:0) and says which in its "serving"
	// line: a port probed free and closed here could be taken by another
	// test's connection before the server binds it.
	args := append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--token", "crash", "--seed=false",
		"--log-level", "info", "--log-format", "json"}, extra...)
	cmd := exec.Command(bin, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	var logged syncBuffer
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			fmt.Fprintln(&logged, sc.Text())
			var l struct{ Message, Addr string }
			if json.Unmarshal(sc.Bytes(), &l) == nil && l.Message == "serving" {
				addr <- l.Addr
			}
		}
		_, _ = io.Copy(io.Discard, stderr) // a line too long for the scanner: keep the pipe drained
		close(addr)
	}()
	fail := func(why string) *crashServer {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("serve %s: %s", why, logged.String())
		return nil
	}
	var url string
	select {
	case a, ok := <-addr:
		if !ok {
			return fail("exited before serving")
		}
		url = strings.TrimSuffix(a, "/")
	case <-time.After(60 * time.Second):
		return fail("did not listen within 60s")
	}
	s := &crashServer{cmd: cmd, url: url}
	for range 600 {
		if res, err := http.Get(s.url + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fail("did not become healthy")
}

// ingest sends one ingestDocument mutation; ok is true when the server
// acknowledged it (200, no errors).
func (s *crashServer) ingest(text string) (id, status string, ok bool) {
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($t: String!) { ingestDocument(input: {text: $t}) { documentId status } }`,
		"variables": map[string]any{"t": text},
	})
	req, _ := http.NewRequest(http.MethodPost, s.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer crash")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", "", false
	}
	defer res.Body.Close()
	var out struct {
		Data struct {
			IngestDocument struct{ DocumentID, Status string }
		}
		Errors []any
	}
	if json.NewDecoder(res.Body).Decode(&out) != nil || res.StatusCode != http.StatusOK || len(out.Errors) > 0 {
		return "", "", false
	}
	return out.Data.IngestDocument.DocumentID, out.Data.IngestDocument.Status, true
}

func (s *crashServer) hasDocument(t *testing.T, id string) bool {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": `query($id: ID!) { document(id: $id) { id } }`, "variables": map[string]any{"id": id}})
	res, err := http.Post(s.url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Data struct{ Document *struct{ ID string } }
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out.Data.Document != nil
}

func (s *crashServer) stop(t *testing.T) {
	t.Helper()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	if err := s.cmd.Wait(); err != nil {
		t.Errorf("serve did not stop cleanly: %v", err)
	}
}

// TestCrashServe kills `kgraph serve` while four clients send
// ingestDocument mutations, restarts it and checks that every
// acknowledged document is there; then it sends the whole corpus again
// and compares the store with a clean run through the same mutations.
// The last round runs with --sync.
func TestCrashServe(t *testing.T) {
	bin := buildKgraph(t)
	_, texts := crashCorpus(t)
	r := rand.New(rand.NewPCG(crashSeed(t), 2))

	clean := t.TempDir()
	s := startCrashServer(t, bin, clean)
	start := time.Now()
	for i, text := range texts {
		if _, _, ok := s.ingest(text); !ok {
			t.Fatalf("clean run: document %d not acknowledged", i)
		}
	}
	took := time.Since(start)
	s.stop(t)
	want := readState(t, bin, clean)

	rounds := crashRounds(4)
	for round := range rounds {
		var extra []string
		if round == rounds-1 {
			extra = []string{"--sync"}
		}
		data := t.TempDir()
		s := startCrashServer(t, bin, data, extra...)
		var mu sync.Mutex
		acked := map[string]bool{}
		var wg sync.WaitGroup
		for c := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := c; i < len(texts); i += 4 {
					id, _, ok := s.ingest(texts[i])
					if !ok {
						return // the server is gone
					}
					mu.Lock()
					acked[id] = true
					mu.Unlock()
				}
			}()
		}
		// Four clients on a shared machine finish in well under the
		// sequential time: kill within its first half.
		delay := time.Duration(r.Int64N(int64(took / 2)))
		time.Sleep(delay)
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
		wg.Wait()

		s = startCrashServer(t, bin, data, extra...)
		for id := range acked {
			if !s.hasDocument(t, id) {
				t.Errorf("round %d: document %s was acknowledged before the kill and is missing after the restart", round, id)
			}
		}
		unchanged := 0
		for i, text := range texts {
			_, status, ok := s.ingest(text)
			if !ok {
				t.Fatalf("round %d: document %d not acknowledged after the restart", round, i)
			}
			if status == "UNCHANGED" {
				unchanged++
			}
		}
		s.stop(t)
		if unchanged < len(acked) {
			t.Errorf("round %d: %d documents acknowledged before the kill, only %d found unchanged", round, len(acked), unchanged)
		}
		got := readState(t, bin, data)
		if got.stats != want.stats {
			t.Errorf("round %d: stats %s, want %s", round, got.stats, want.stats)
		}
		if !slices.Equal(got.canon, want.canon) {
			t.Errorf("round %d: the store differs from the clean run:\n%s", round, diffLines(want.canon, got.canon))
		}
		t.Logf("round %d %v: killed after %v with %d documents acknowledged (%d stored); completed store equals the clean run", round, extra, delay.Round(time.Millisecond), len(acked), unchanged)
	}
}

// TestIngestInterrupted sends SIGTERM or SIGINT to `kgraph ingest` at
// random moments: it must stop (a hang shows as the minute passing, not a
// timing figure), print its summary, and the summary's new documents must
// be exactly those the store holds.
func TestIngestInterrupted(t *testing.T) {
	bin := buildKgraph(t)
	corpus, texts := crashCorpus(t)
	r := rand.New(rand.NewPCG(crashSeed(t), 3))
	clean := t.TempDir()
	start := time.Now()
	if out, err := exec.Command(bin, "ingest", "--data", clean, "--log-level", "error", corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	took := time.Since(start)
	for round, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGTERM, syscall.SIGINT} {
		data := t.TempDir()
		cmd := exec.Command(bin, "ingest", "--data", data, "--log-level", "error", corpus)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Int64N(int64(took))))
		_ = cmd.Process.Signal(sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(time.Minute):
			_ = cmd.Process.Kill()
			t.Fatalf("round %d: ingest did not stop within a minute of %v", round, sig)
		}
		m := summaryRE.FindStringSubmatch(stdout.String())
		if m == nil {
			// A signal before the store was open ends the run before any
			// summary: nothing may be stored then.
			if st := readState(t, bin, data); storedDocs(st) != "0" {
				t.Errorf("round %d: no summary (%q), yet the store holds %s", round, stdout.String(), st.stats)
			}
			continue
		}
		got := readState(t, bin, data)
		if storedDocs(got) != m[1] {
			t.Errorf("round %d: summary says %s new, the store holds %s", round, m[1], got.stats)
		}
		t.Logf("round %d: %v; summary %q of %d documents; %s", round, sig, m[0], len(texts), strings.TrimSpace(stderr.String()))
	}
}

var docsRE = regexp.MustCompile(`"documents":\s*(\d+)`)

// storedDocs is the document count of a state's stats.
func storedDocs(s storeState) string {
	if m := docsRE.FindStringSubmatch(s.stats); m != nil {
		return m[1]
	}
	return "?"
}
