package schema_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

// failingReader is the real store with Stats failing and Search panicking,
// as a broken disk or a bug would.
type failingReader struct{ graph.Reader }

func (failingReader) Stats(context.Context) (graph.Stats, error) {
	return graph.Stats{}, errors.New("badger: open /var/lib/kgraph/000042.vlog: input/output error")
}

func (failingReader) Search(context.Context, graph.SearchQuery) (graph.Page[*graph.Entity], error) {
	panic("index out of range [7] with length 7")
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	e := newEnv(t, schema.Options{})
	var (
		mu       sync.Mutex
		reported []string
	)
	c := serve(t, e.db, schema.Options{Reader: failingReader{e.db}, ReportError: func(_ context.Context, err error) {
		mu.Lock()
		reported = append(reported, err.Error())
		mu.Unlock()
	}})
	for _, q := range []string{`{ stats { documents } }`, `{ search(query: "velmora") { totalCount } }`} {
		r := post(t, c.url, gql{Query: q})
		if r.status != 200 || r.message() != "internal error" || r.code() != "INTERNAL" {
			t.Errorf("%s: got status %d, body %s; want 200 with only \"internal error\", code INTERNAL", q, r.status, r.raw)
		}
		if strings.Contains(r.raw, "vlog") || strings.Contains(r.raw, "index out of range") {
			t.Errorf("%s: the response leaks the internal error: %s", q, r.raw)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(reported) != 2 || !strings.Contains(reported[0], "000042.vlog") || !strings.Contains(reported[1], "index out of range") {
		t.Errorf("ReportError got %q, want the disk error and the panic", reported)
	}
	// Errors with a code keep their message.
	r := post(t, c.url, gql{Query: `{ entities(first: 5, after: "not-a-cursor") { totalCount } }`})
	if r.code() != "INVALID" || r.message() == "internal error" {
		t.Errorf("bad cursor: got %s, want an INVALID error with the store's message", r.raw)
	}
}

func TestTimeout(t *testing.T) {
	e := newEnv(t, schema.Options{Timeout: time.Nanosecond})
	r := post(t, e.url, gql{Query: `{ stats { documents } }`})
	if r.status != 504 || r.code() != "TIMEOUT" || !strings.Contains(r.message(), "timed out") {
		t.Errorf("got status %d, body %s; want 504 with a TIMEOUT error", r.status, r.raw)
	}
	if got := e.seen.last(t).Status; got != 504 {
		t.Errorf("Observe: got status %d, want 504", got)
	}
}
