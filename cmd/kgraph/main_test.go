package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func testEnv(stdin string, vars map[string]string) (env, *syncBuffer, *syncBuffer) {
	out, errb := &syncBuffer{}, &syncBuffer{}
	return env{stdin: strings.NewReader(stdin), stdout: out, stderr: errb, getenv: func(k string) string { return vars[k] }}, out, errb
}

// runCmd runs one kgraph command to completion.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	e, out, errb := testEnv(stdin, nil)
	code = run(context.Background(), args, e)
	return code, out.String(), errb.String()
}

// server is a running `kgraph serve`.
type server struct {
	url    string
	cancel context.CancelFunc
	done   chan int
	log    *syncBuffer
}

func startServer(t testing.TB, data string, extra ...string) *server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	e, _, errb := testEnv("", nil)
	addr := make(chan string, 1)
	e.ready = func(a string) { addr <- a }
	s := &server{cancel: cancel, done: make(chan int, 1), log: errb}
	args := append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--log-format", "json"}, extra...)
	go func() { s.done <- run(ctx, args, e) }()
	select {
	case a := <-addr:
		s.url = "http://" + a
	case code := <-s.done:
		t.Fatalf("serve exited %d before listening: %s", code, errb.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not listen within 60s: %s", errb.String())
	}
	t.Cleanup(func() { s.stop(t) })
	return s
}

func (s *server) stop(t testing.TB) {
	t.Helper()
	if s.cancel == nil {
		return
	}
	s.cancel()
	s.cancel = nil
	select {
	case code := <-s.done:
		if code != exitOK {
			t.Errorf("serve exited %d, want 0: %s", code, s.log.String())
		}
	case <-time.After(30 * time.Second):
		t.Error("serve did not stop within 30s")
	}
}

func (s *server) graphql(t *testing.T, query, token string) map[string]any {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	return postJSON(t, s.url+"/graphql", body, token)
}

func stats(t *testing.T, s *server) map[string]any {
	t.Helper()
	r := s.graphql(t, `{stats{documents entities relations}}`, "")
	data, _ := r["data"].(map[string]any)
	st, ok := data["stats"].(map[string]any)
	if !ok {
		t.Fatalf("stats: got %v", r)
	}
	return st
}

func TestServeSeedsRestartsAndDeletes(t *testing.T) {
	dir := t.TempDir()
	const token = "test-token"
	s := startServer(t, dir, "--token", token)
	first := stats(t, s)
	if first["documents"].(float64) < 1 || first["entities"].(float64) < 10 {
		t.Fatalf("seeded stats: got %v, want documents >= 1 and entities >= 10", first)
	}
	for _, path := range []string{"/healthz", "/metrics", "/"} {
		resp, err := http.Get(s.url + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || len(b) == 0 {
			t.Errorf("GET %s: got %d with %d bytes, want 200 with a body", path, resp.StatusCode, len(b))
		}
		if path == "/metrics" && !strings.Contains(string(b), `kgraph_http_requests_total{operation="stats",path="/graphql",status="200"}`) {
			t.Errorf("metrics do not count the stats query:\n%s", b)
		}
	}
	s.stop(t)

	s = startServer(t, dir, "--token", token)
	if again := stats(t, s); !equalJSON(again, first) {
		t.Errorf("stats after restart: got %v, want %v", again, first)
	}
	docs := s.graphql(t, `{documents(first:10){edges{node{id}}}}`, "")
	edges := docs["data"].(map[string]any)["documents"].(map[string]any)["edges"].([]any)
	id := edges[0].(map[string]any)["node"].(map[string]any)["id"].(string)
	del := `mutation{deleteDocument(id:"` + id + `")}`
	if r := s.graphql(t, del, ""); r["errors"] == nil {
		t.Errorf("deleteDocument without a token: got %v, want an error", r)
	}
	if r := s.graphql(t, del, token); r["errors"] != nil {
		t.Fatalf("deleteDocument with the token: %v", r["errors"])
	}
	want := map[string]any{"documents": 0.0, "entities": 0.0, "relations": 0.0}
	if got := stats(t, s); !equalJSON(got, want) {
		t.Errorf("stats after deleting the seed: got %v, want %v", got, want)
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestIngestReportsBadDocuments(t *testing.T) {
	in := t.TempDir()
	files := map[string][]byte{
		"good.txt":    []byte("date 2024-02-03 Ministers meet\n\nForeign Minister Anna Berg met Paul Dufort in Geneva on Monday."),
		"binary.txt":  {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3},
		"latin1.txt":  []byte("Le caf\xe9 de la gare a ferm\xe9."),
		"empty.txt":   {},
		"huge.txt":    bytes.Repeat([]byte("All work and no play. "), 6<<20/22+1),
		"ignored.csv": []byte("not,a,document"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data := t.TempDir()
	code, out, errs := runCmd(t, "", "ingest", "--data", data, "--log-format", "json", in)
	if code != exitPartial {
		t.Errorf("exit status: got %d, want %d", code, exitPartial)
	}
	if !strings.Contains(out, "1 new, 0 unchanged, 4 failed") {
		t.Errorf("summary: got %q, want 1 new, 0 unchanged, 4 failed", out)
	}
	for name, why := range map[string]string{"binary.txt": "binary", "latin1.txt": "UTF-8", "empty.txt": "empty", "huge.txt": "larger than"} {
		found := false
		for _, line := range strings.Split(errs, "\n") {
			found = found || strings.Contains(line, name) && strings.Contains(line, why)
		}
		if !found {
			t.Errorf("stderr does not name %s with %q:\n%s", name, why, errs)
		}
	}
	// The same article again is unchanged.
	code, out, _ = runCmd(t, "", "ingest", "--data", data, filepath.Join(in, "good.txt"))
	if code != exitOK || !strings.Contains(out, "0 new, 1 unchanged, 0 failed") {
		t.Errorf("re-ingest: got %d %q, want 0 and 1 unchanged", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"nosuch"}, {"ingest"}, {"export", "--format", "nosuch"}, {"query"}, {"serve", "--log-level", "loud"}} {
		if code, _, _ := runCmd(t, "", args...); code != exitUsage {
			t.Errorf("%v: got exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errs := runCmd(t, "", "ingest", "--help"); code != exitOK || !strings.Contains(errs, "Examples:") {
		t.Errorf("ingest --help: got %d, %q; want 0 and examples", code, errs)
	}
}

func TestExtractTokensContract(t *testing.T) {
	in := `{"id":"s1","doc":"d1","tokens":["Foreign","Minister","Anna","Berg","visited","Norway","."]}
{"id":"s2","doc":"d1","tokens":["Berg","returned","."]}
{"id":"s3","tokens":[]}
`
	code, out, errs := runCmd(t, in, "extract", "--tokens")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want 3:\n%s", len(lines), out)
	}
	for i, l := range lines {
		var r struct {
			ID       string `json:"id"`
			Entities []struct {
				Start, End int
				Type       string
			} `json:"entities"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		if want := []string{"s1", "s2", "s3"}[i]; r.ID != want {
			t.Errorf("line %d: id %q, want %q", i, r.ID, want)
		}
	}
}

func TestCountWords(t *testing.T) {
	for in, want := range map[string]int{"": 0, "  ": 0, "one": 1, " two  words\n": 2, "a\tb\u00a0c": 3} {
		if got := countWords(in); got != want {
			t.Errorf("countWords(%q): got %d, want %d", in, got, want)
		}
	}
}
