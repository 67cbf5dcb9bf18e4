package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// loadRows parses kgraph loadtest's table: shape/server -> columns.
func loadRows(t *testing.T, out string) map[string][]string {
	t.Helper()
	rows := map[string][]string{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 7 || f[0] == "shape" || strings.Contains(line, ": hub ") || strings.Contains(line, " connections, ") {
			continue
		}
		rows[f[0]+"/"+f[1]] = f
	}
	return rows
}

func TestLoadtestAgainstServer(t *testing.T) {
	s := startServer(t, t.TempDir())
	code, out, errOut := runCmd(t, "", "loadtest", "--addr", s.url, "--connections", "2",
		"--duration", "300ms", "--warmup", "0s", "--single", "100ms")
	if code != exitOK {
		t.Fatalf("loadtest exited %d:\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "server: hub ") {
		t.Errorf("no hub line:\n%s", out)
	}
	rows := loadRows(t, out)
	for _, sh := range loadShapes {
		if sh.name == "hoppage" {
			continue // not a default shape: the seed has no entity with a page of relations
		}
		f, ok := rows[sh.name+"/server"]
		if !ok {
			t.Errorf("no row for %s:\n%s", sh.name, out)
			continue
		}
		// shape server req/s p50 p99 errors requests 1-conn-p50
		if f[5] != "0" {
			t.Errorf("%s: %s errors, want 0:\n%s\n%s", sh.name, f[5], out, errOut)
		}
		if n, err := strconv.Atoi(f[6]); err != nil || n < 1 {
			t.Errorf("%s: requests %q, want at least 1", sh.name, f[6])
		}
	}
}

// TestLoadtestPagedEntities: the paged entities surround the median of
// those with a full page of relations, the hub left out; a store without
// any makes the hoppage shape a usage error, not a run without requests.
func TestLoadtestPagedEntities(t *testing.T) {
	var ents []loadEntity
	for _, d := range []int{500, 90, 60, 40, 30, 25, 20, 19, 5, 3, 2, 1, 1, 1, 1} {
		ents = append(ents, loadEntity{ID: "e" + strconv.Itoa(d), Degree: d})
	}
	got := pickEntities(ents, 3)
	if got.hub.Degree != 500 {
		t.Errorf("hub of degree %d, want 500", got.hub.Degree)
	}
	degrees := func(l []loadEntity) (d []int) {
		for _, e := range l {
			d = append(d, e.Degree)
		}
		return d
	}
	// the rest, 14 entities: the three from index 14/2 - 3/2 = 6 on (19, 5, 3)
	if d := degrees(got.typical); !slices.Equal(d, []int{3, 5, 19}) {
		t.Errorf("typical degrees %v, want [3 5 19]", d)
	}
	// of degree 20 or more, 6 entities (90 60 40 30 25 20): from index 2 on
	if d := degrees(got.paged); !slices.Equal(d, []int{25, 30, 40}) {
		t.Errorf("paged degrees %v, want [25 30 40]", d)
	}
	if got := pickEntities(ents[:1:1], 3); len(got.paged) != 0 || len(got.typical) != 0 {
		t.Errorf("a hub alone: %+v, want no typical or paged entities", got)
	}

	s := startServer(t, t.TempDir())
	code, out, errOut := runCmd(t, "", "loadtest", "--addr", s.url, "--shapes", "hoppage",
		"--connections", "1", "--duration", "100ms", "--warmup", "0s", "--single", "0")
	if code != exitUsage || !strings.Contains(errOut, "no entity other than the hub has 20 relations") {
		t.Errorf("hoppage on the seed store: exit %d, want %d with the reason:\n%s\n%s", code, exitUsage, out, errOut)
	}
}

func TestLoadtestComparesServersAndCountsErrors(t *testing.T) {
	s := startServer(t, t.TempDir())
	code, out, errOut := runCmd(t, "", "loadtest", "--addr", "a="+s.url+",b="+s.url, "--shapes", "entity,hophub",
		"--connections", "2", "--duration", "200ms", "--warmup", "0s", "--single", "0", "--rounds", "2")
	if code != exitOK {
		t.Fatalf("loadtest exited %d:\n%s\n%s", code, out, errOut)
	}
	rows := loadRows(t, out)
	for _, k := range []string{"entity/a", "entity/b", "hophub/a", "hophub/b"} {
		f, ok := rows[k]
		if !ok || len(f) != 9 {
			t.Fatalf("row %s: %v (want shape server req/s p50 p99 errors requests and two ratios):\n%s", k, f, out)
		}
		if strings.HasSuffix(k, "/a") && (f[7] != "1.00" || f[8] != "1.00") {
			t.Errorf("the first server's ratios are %s %s, want 1.00", f[7], f[8])
		}
	}
	// Both rounds on both servers, each run once per round.
	if n := strings.Count(errOut, "round 2 entity"); n != 2 {
		t.Errorf("round 2 ran entity %d times, want 2:\n%s", n, errOut)
	}

	// Every answer with GraphQL errors, every refused status, every
	// transport error is an error, and each is counted once, with either
	// client.
	ctx := context.Background()
	client := loadClient(2)
	bad := [][]byte{[]byte(`{"query":"{ noSuchField }"}`), []byte(`{"query":"{ entity(id: \"e1\") { id } }"}`)}
	locked := startServer(t, t.TempDir(), "--read-token", "reader")
	for _, std := range []bool{false, true} {
		run := func(url, token string, bodies [][]byte, conns int, d time.Duration) loadResult {
			dial, err := newLoadDialer(std, client, url+"/graphql", token, bodies)
			if err != nil {
				t.Fatal(err)
			}
			return loadRun(ctx, dial, conns, 0, d)
		}
		r := run(s.url, "", bad, 2, 200*time.Millisecond)
		if r.requests < 2 || len(r.lat) != r.requests {
			t.Fatalf("std client %v: requests %d, latencies %d", std, r.requests, len(r.lat))
		}
		if r.errors < r.requests/2 || r.errors >= r.requests {
			// Half the bodies fail to validate; the other half run.
			t.Errorf("std client %v: errors %d of %d requests, want about half", std, r.errors, r.requests)
		}
		if r.status5xx != 0 || !strings.Contains(r.firstErr, "noSuchField") {
			t.Errorf("std client %v: 5xx %d, first error %q", std, r.status5xx, r.firstErr)
		}
		r = run(locked.url, "", bad[1:], 1, 100*time.Millisecond)
		if r.requests == 0 || r.errors != r.requests || !strings.Contains(r.firstErr, "status 401") {
			t.Errorf("std client %v, without the read token: %d errors of %d, first %q", std, r.errors, r.requests, r.firstErr)
		}
		r = run(locked.url, "reader", bad[1:], 1, 100*time.Millisecond)
		if r.requests == 0 || r.errors != 0 {
			t.Errorf("std client %v, with the read token: %d errors of %d, first %q", std, r.errors, r.requests, r.firstErr)
		}
	}
	code, _, errOut = runCmd(t, "", "loadtest", "--addr", "http://127.0.0.1:1", "--duration", "100ms")
	if code != exitUsage || !strings.Contains(errOut, "choosing entities") {
		t.Errorf("unreachable server: exit %d, %s", code, errOut)
	}
	code, _, errOut = runCmd(t, "", "loadtest", "--shapes", "nope")
	if code != exitUsage || !strings.Contains(errOut, `unknown shape "nope"`) {
		t.Errorf("unknown shape: exit %d, %s", code, errOut)
	}
	code, _, errOut = runCmd(t, "", "loadtest", "--client", "curl")
	if code != exitUsage || !strings.Contains(errOut, `--client "curl"`) {
		t.Errorf("unknown client: exit %d, %s", code, errOut)
	}
}

// TestRawLoadClient: the raw client reads bodies sent with a length, in
// chunks and none where the status has none, keeps its connection across
// requests, dials again after a server closes it, and reports what is not
// HTTP as an error.
func TestRawLoadClient(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 8<<10) // 128 KiB, written in pieces: chunked
	mux := http.NewServeMux()
	mux.HandleFunc("/len", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Length", strconv.Itoa(len(b)+3))
		w.Write(append([]byte("re:"), b...))
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < len(big); i += 10000 {
			w.Write([]byte(big[i:min(i+10000, len(big))]))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/close", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Connection", "close")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("busy"))
	})
	var conns atomic.Int32
	srv := &http.Server{Handler: mux, ConnState: func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String()
	ctx := context.Background()

	post := func(path string, bodies ...string) loadPoster {
		b := make([][]byte, len(bodies))
		for i, s := range bodies {
			b[i] = []byte(s)
		}
		dial, err := newLoadDialer(false, nil, base+path, "", b)
		if err != nil {
			t.Fatal(err)
		}
		return dial()
	}
	p := post("/len", "a", "bb")
	for i, want := range []string{"re:a", "re:bb", "re:a"} {
		status, body, err := p.post(ctx, i)
		if err != nil || status != 200 || string(body) != want {
			t.Fatalf("/len request %d: %d %q %v, want 200 %q", i, status, body, err, want)
		}
	}
	p.close()
	if n := conns.Load(); n != 1 {
		t.Errorf("three requests took %d connections, want 1", n)
	}
	p = post("/chunked", "x")
	for i := range 2 {
		status, body, err := p.post(ctx, i)
		if err != nil || status != 200 || string(body) != big {
			t.Fatalf("/chunked request %d: %d, %d bytes, %v; want 200 and %d bytes", i, status, len(body), err, len(big))
		}
	}
	p.close()
	p = post("/empty", "x")
	for i := range 2 {
		status, body, err := p.post(ctx, i)
		if err != nil || status != 204 || len(body) != 0 {
			t.Fatalf("/empty request %d: %d %q %v, want 204 and no body", i, status, body, err)
		}
	}
	p.close()
	conns.Store(0)
	p = post("/close", "x")
	for i := range 2 {
		status, body, err := p.post(ctx, i)
		if err != nil || status != 503 || string(body) != "busy" {
			t.Fatalf("/close request %d: %d %q %v", i, status, body, err)
		}
	}
	p.close()
	if n := conns.Load(); n != 2 {
		t.Errorf("two requests to a server that closes took %d connections, want 2", n)
	}

	// a server that does not speak HTTP
	junk, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer junk.Close()
	go func() {
		for {
			c, err := junk.Accept()
			if err != nil {
				return
			}
			c.Write([]byte("hello there\n"))
			c.Close()
		}
	}()
	dial, _ := newLoadDialer(false, nil, "http://"+junk.Addr().String()+"/graphql", "", [][]byte{[]byte("{}")})
	p = dial()
	if _, _, err := p.post(ctx, 0); !errors.Is(err, errLoadResponse) {
		t.Errorf("a server that does not speak HTTP: %v, want %v", err, errLoadResponse)
	}
	p.close()
}
