package schema_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

// watchReader counts every read that runs, to show that a refused query
// never reached the store, and can hold reads until released.
type watchReader struct {
	graph.Reader
	calls atomic.Int64
	gate  chan struct{} // when not nil, Search waits for it
}

func (w *watchReader) Search(ctx context.Context, q graph.SearchQuery) (graph.Page[*graph.Entity], error) {
	w.calls.Add(1)
	if w.gate != nil {
		select {
		case <-w.gate:
		case <-ctx.Done():
			return graph.Page[*graph.Entity]{}, ctx.Err()
		}
	}
	return w.Reader.Search(ctx, q)
}

func (w *watchReader) Entities(ctx context.Context, f graph.EntityFilter) (graph.Page[*graph.Entity], error) {
	w.calls.Add(1)
	return w.Reader.Entities(ctx, f)
}

func (w *watchReader) Subgraph(ctx context.Context, ids []string, hops, limit int) (*graph.Subgraph, error) {
	w.calls.Add(1)
	return w.Reader.Subgraph(ctx, ids, hops, limit)
}

func (w *watchReader) Mentions(ctx context.Context, id string, p graph.PageRequest) (graph.Page[graph.Mention], error) {
	w.calls.Add(1)
	return w.Reader.Mentions(ctx, id, p)
}

// nestedLists builds levels of entities→relations→source nesting, each list
// asking for first: 1000.
func nestedLists(levels int) string {
	var b strings.Builder
	b.WriteString("{ entities(first: 1000) { nodes { ")
	for range levels - 1 {
		b.WriteString("relations(first: 1000) { nodes { source { ")
	}
	b.WriteString("id")
	for range levels - 1 {
		b.WriteString(" } } }")
	}
	b.WriteString(" } } }")
	return b.String()
}

// TestCostLimitsRefuseBeforeRunning sends the expensive query shapes: each
// is refused with INVALID and a message naming the limit, and no store
// read runs.
func TestCostLimitsRefuseBeforeRunning(t *testing.T) {
	base := newEnv(t, schema.Options{})
	w := &watchReader{Reader: base.db}
	e := serve(t, base.db, schema.Options{Reader: w})
	hub := e.idOf(t, "Marta Keller")

	var aliases strings.Builder
	aliases.WriteString("{")
	for i := range 300 {
		fmt.Fprintf(&aliases, ` s%d: search(query: "keller") { nodes { id } }`, i)
	}
	aliases.WriteString("}")
	tests := []struct {
		name, query string
		vars        map[string]any
		limit       string // the limit the message must name
	}{
		{"nested lists", `{entities(first:1000){nodes{mentions(first:1000){nodes{document{text}}}}}}`, nil, "max cost"},
		{"300 aliases of a search", aliases.String(), nil, "aliases"},
		{"10 levels of first: 1000", nestedLists(10), nil, "max depth"},
		{"3 levels of first: 1000, within the depth limit", nestedLists(3), nil, "max cost"},
		{"subgraph hops 6", `query($id: ID!) { subgraph(ids: [$id], hops: 6, limit: 100000) { nodes { id } } }`, map[string]any{"id": hub}, "limit"},
		{"subgraph limit in a variable", `query($id: ID!, $l: Int) { subgraph(ids: [$id], hops: 2, limit: $l) { nodes { id } } }`, map[string]any{"id": hub, "l": 100000}, "limit"},
		{"nested lists through a fragment", `{ entities(first: 1000) { nodes { ...M } } } fragment M on Entity { mentions(first: 1000) { nodes { document { id } } } }`, nil, "max cost"},
		{"175 KB search string", `query($q: String!) { search(query: $q) { nodes { id } } }`, map[string]any{"q": strings.Repeat("keller ", 25_000)}, "limit is 256 bytes"},
		// Every pair of the 4,000 selections must be checked for a
		// conflict: 8 million comparisons, seconds of CPU, unless the
		// validator stops at its limit.
		{"one field selected 4,000 times", "{ entities(first: 1) { nodes {" + strings.Repeat(" id", 4000) + " } } }", nil, "Overlapping field validation aborted"},
		{"400 KB cursor", `query($c: String) { entities(after: $c) { nodes { id } } }`, map[string]any{"c": strings.Repeat("A", 400_000)}, "limit is 1024 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := w.calls.Load()
			r := post(t, e.url, gql{Query: tt.query, Variables: tt.vars})
			if r.status != http.StatusBadRequest || r.code() != graph.EINVALID {
				t.Fatalf("status %d code %q, want 400 INVALID: %.300s", r.status, r.code(), r.raw)
			}
			if !strings.Contains(r.message(), tt.limit) {
				t.Errorf("message %q does not name the limit (%q)", r.message(), tt.limit)
			}
			if len(r.raw) > 1000 {
				t.Errorf("the refusal is %d bytes long: it must not echo the request", len(r.raw))
			}
			if n := w.calls.Load() - before; n != 0 {
				t.Errorf("%d store reads ran for a refused query", n)
			}
		})
	}

	// Ordinary queries stay under the limits.
	for _, q := range []string{
		`{ entities(first: 1000) { nodes { id name relations(first: 20) { nodes { id type sourceId targetId } } } } }`,
		`{ a: search(query: "keller") { nodes { id } } b: search(query: "oslo") { nodes { id } } }`,
		`query($id: ID!) { subgraph(ids: [$id], hops: 5, limit: 1000) { nodes { id } edges { id } } }`,
	} {
		r := post(t, e.url, gql{Query: q, Variables: map[string]any{"id": hub}})
		if r.status != http.StatusOK || len(r.body.Errors) > 0 {
			t.Errorf("%s: status %d: %.300s", q, r.status, r.raw)
		}
	}
}

// TestConcurrencyLimit holds MaxConcurrent searches inside the store and
// checks that one more request gets 503 with Retry-After at once.
func TestConcurrencyLimit(t *testing.T) {
	base := newEnv(t, schema.Options{})
	w := &watchReader{Reader: base.db, gate: make(chan struct{})}
	e := serve(t, base.db, schema.Options{Reader: w, MaxConcurrent: 2})
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			post(t, e.url, gql{Query: `{ search(query: "keller") { nodes { id } } }`})
		}()
	}
	for w.calls.Load() < 2 {
		time.Sleep(5 * time.Millisecond)
	}
	r := post(t, e.url, gql{Query: statsQuery})
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" || r.code() != "UNAVAILABLE" {
		t.Errorf("third request: status %d, Retry-After %q, code %q; want 503 with Retry-After", r.status, r.header.Get("Retry-After"), r.code())
	}
	close(w.gate)
	wg.Wait()
	if r := post(t, e.url, gql{Query: statsQuery}); r.status != http.StatusOK {
		t.Errorf("after the others finished: status %d, want 200", r.status)
	}
}

// TestTimeoutAnswersOnTime holds a search in the store past the request
// timeout; the client must get 504 TIMEOUT while the read is still held.
func TestTimeoutAnswersOnTime(t *testing.T) {
	base := newEnv(t, schema.Options{})
	gate := make(chan struct{})
	sr := &stubbornReader{watchReader: &watchReader{Reader: base.db}, hold: gate}
	e := serve(t, base.db, schema.Options{Reader: sr, Timeout: 200 * time.Millisecond})
	r := post(t, e.url, gql{Query: `{ search(query: "keller") { nodes { id } } }`})
	released := sr.released.Load()
	close(gate)
	if r.status != http.StatusGatewayTimeout || r.code() != "TIMEOUT" {
		t.Fatalf("status %d code %q, want 504 TIMEOUT: %s", r.status, r.code(), r.raw)
	}
	if released {
		t.Error("the answer came only after the store read returned")
	}
}

// stubbornReader's Search ignores the context until hold is closed, as a
// long store loop without context checks would.
type stubbornReader struct {
	*watchReader
	hold     chan struct{}
	released atomic.Bool
}

func (s *stubbornReader) Search(ctx context.Context, q graph.SearchQuery) (graph.Page[*graph.Entity], error) {
	<-s.hold
	s.released.Store(true)
	return s.watchReader.Reader.Search(ctx, q)
}

// TestSecurityHeaders checks the headers of the landing page and the
// GraphQL endpoint.
func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t, schema.Options{})
	for _, path := range []string{"/", "/graphql?query=%7Bstats%7Bdocuments%7D%7D"} {
		res, err := http.Get(e.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "'unsafe-inline' 'self'") {
			t.Errorf("%s: Content-Security-Policy %q", path, csp)
		}
		if strings.Contains(csp, "script-src") && strings.Contains(strings.Split(strings.Split(csp, "script-src")[1], ";")[0], "unsafe-inline") {
			t.Errorf("%s: scripts may run inline: %q", path, csp)
		}
		if res.Header.Get("X-Frame-Options") != "DENY" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: X-Frame-Options %q, X-Content-Type-Options %q", path, res.Header.Get("X-Frame-Options"), res.Header.Get("X-Content-Type-Options"))
		}
	}
}

// TestReadToken checks that with ReadToken set, queries need a token
// (either one) and get 401 without.
func TestReadToken(t *testing.T) {
	e := newEnv(t, schema.Options{Token: "writer", ReadToken: "reader"})
	for _, tc := range []struct {
		auth   string
		status int
	}{{"", 401}, {"Bearer wrong", 401}, {"Bearer reader", 200}, {"Bearer writer", 200}} {
		r := post(t, e.url, gql{Query: statsQuery}, "Authorization", tc.auth)
		if r.status != tc.status {
			t.Errorf("Authorization %q: status %d, want %d", tc.auth, r.status, tc.status)
		}
	}
}

// TestSlowHeadersCutOff opens a real connection to a server with the
// timeouts kgraph serve uses and sends its headers a byte at a time: the
// server must close the connection.
func TestSlowHeadersCutOff(t *testing.T) {
	e := newEnv(t, schema.Options{})
	mux := http.NewServeMux()
	e.svc.Register(mux)
	srv := &http.Server{Handler: mux}
	schema.SetServerLimits(srv, 300*time.Millisecond)
	srv.ReadHeaderTimeout = 300 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	header := "GET /graphql?query=%7Bstats%7Bdocuments%7D%7D HTTP/1.1\r\nHost: x\r\nX-Slow: " + strings.Repeat("a", 10_000)
	cut := false
	for i := 0; i < len(header); i++ {
		if _, err := conn.Write([]byte{header[i]}); err != nil {
			cut = true
			break
		}
		time.Sleep(20 * time.Millisecond)
		if i%10 == 0 {
			// A closed connection shows as EOF (or a 408) on read.
			_ = conn.SetReadDeadline(time.Now().Add(time.Millisecond))
			if line, err := bufio.NewReader(conn).ReadString('\n'); err == nil || !isTimeout(err) {
				cut = true
				t.Logf("server answered %q after %d bytes", line, i)
				break
			}
		}
	}
	if !cut {
		t.Fatal("the server kept reading a header sent a byte every 20ms")
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// TestLandingScriptsHaveIntegrity checks that every script and stylesheet
// the landing page loads from another origin carries an integrity hash,
// and that its inline script is allowed by hash, not by 'unsafe-inline'.
func TestLandingScriptsHaveIntegrity(t *testing.T) {
	e := newEnv(t, schema.Options{})
	res, err := http.Get(e.srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var page strings.Builder
	if _, err := bufio.NewReader(res.Body).WriteTo(&page); err != nil {
		t.Fatal(err)
	}
	for _, tag := range regexp.MustCompile(`<(script|link)[^>]*https://[^>]*>`).FindAllString(page.String(), -1) {
		if !strings.Contains(tag, `integrity="sha384-`) {
			t.Errorf("no integrity hash: %s", tag)
		}
	}
	csp := res.Header.Get("Content-Security-Policy")
	if strings.Contains(page.String(), "<script>") && !strings.Contains(csp, "'sha256-") {
		t.Errorf("the inline script is not allowed by hash: %q", csp)
	}
}
