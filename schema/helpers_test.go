package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/store"
)

// env is a running service over a real store holding the fixtures.
type env struct {
	db   *store.DB
	srv  *httptest.Server
	url  string // the /graphql endpoint
	svc  *schema.Service
	seen *observed
}

// observed collects what Options.Observe reported.
type observed struct {
	mu    sync.Mutex
	infos []schema.RequestInfo
}

func (o *observed) add(i schema.RequestInfo) {
	o.mu.Lock()
	o.infos = append(o.infos, i)
	o.mu.Unlock()
}

func (o *observed) last(tb testing.TB) schema.RequestInfo {
	tb.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.infos) == 0 {
		tb.Fatal("Observe was never called")
	}
	return o.infos[len(o.infos)-1]
}

// newEnv opens a store in a temporary directory, ingests the fixtures and
// serves it on 127.0.0.1 with the given options (Reader, Delete and Merge
// default to the store).
func newEnv(tb testing.TB, opts schema.Options) *env {
	tb.Helper()
	db, err := store.Open(tb.TempDir(), store.Options{})
	if err != nil {
		tb.Fatalf("store.Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("close store: %v", err)
		}
	})
	ingestFixtures(tb, db)
	return serve(tb, db, opts)
}

// serve starts the service over db.
func serve(tb testing.TB, db *store.DB, opts schema.Options) *env {
	tb.Helper()
	e := &env{db: db, seen: &observed{}}
	if opts.Reader == nil {
		opts.Reader = db
	}
	if opts.Delete == nil {
		opts.Delete = db.DeleteDocument
	}
	if opts.Merge == nil {
		opts.Merge = db.MergeEntities
	}
	if opts.Observe == nil {
		opts.Observe = e.seen.add
	}
	svc, err := schema.New(opts)
	if err != nil {
		tb.Fatalf("schema.New: %v", err)
	}
	mux := http.NewServeMux()
	svc.Register(mux)
	e.svc = svc
	e.srv = httptest.NewServer(mux)
	tb.Cleanup(e.srv.Close)
	e.url = e.srv.URL + "/graphql"
	return e
}

// reply is a decoded HTTP response.
type reply struct {
	status int
	header http.Header
	raw    string
	body   struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string         `json:"message"`
			Path       []any          `json:"path"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
}

// code returns extensions.code of the first error, "" when none.
func (r *reply) code() string {
	if len(r.body.Errors) == 0 {
		return ""
	}
	c, _ := r.body.Errors[0].Extensions["code"].(string)
	return c
}

// message returns the first error message, "" when none.
func (r *reply) message() string {
	if len(r.body.Errors) == 0 {
		return ""
	}
	return r.body.Errors[0].Message
}

// do sends a request and decodes the JSON reply.
func do(tb testing.TB, req *http.Request) *reply {
	tb.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatalf("read body: %v", err)
	}
	r := &reply{status: res.StatusCode, header: res.Header, raw: string(raw)}
	if err := json.Unmarshal(raw, &r.body); err != nil {
		tb.Fatalf("%s %s: status %d, body is not JSON: %v\n%s", req.Method, req.URL, res.StatusCode, err, raw)
	}
	return r
}

// post sends body (a string or a value to marshal) with JSON content type
// and the headers given as name, value pairs.
func post(tb testing.TB, url string, body any, headers ...string) *reply {
	tb.Helper()
	var data []byte
	switch b := body.(type) {
	case string:
		data = []byte(b)
	default:
		var err error
		if data, err = json.Marshal(b); err != nil {
			tb.Fatal(err)
		}
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i+1] == "" {
			req.Header.Del(headers[i])
		} else {
			req.Header.Set(headers[i], headers[i+1])
		}
	}
	return do(tb, req)
}

// get sends a GET with the given query parameters.
func get(tb testing.TB, base string, params url.Values, headers ...string) *reply {
	tb.Helper()
	req, err := http.NewRequest(http.MethodGet, base+"?"+params.Encode(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return do(tb, req)
}

// gql is a GraphQL request body.
type gql struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName,omitempty"`
	Variables     map[string]any `json:"variables,omitempty"`
}

// query posts a query that must succeed without errors and decodes its
// data into out.
func (e *env) query(tb testing.TB, q string, vars map[string]any, out any) {
	tb.Helper()
	r := post(tb, e.url, gql{Query: q, Variables: vars})
	if r.status != http.StatusOK || len(r.body.Errors) > 0 {
		tb.Fatalf("query %s: status %d, body %s", oneLine(q), r.status, r.raw)
	}
	if err := json.Unmarshal(r.body.Data, out); err != nil {
		tb.Fatalf("decode data: %v\n%s", err, r.raw)
	}
}

// idOf returns the id of the entity named name (or alias).
func (e *env) idOf(tb testing.TB, name string) string {
	tb.Helper()
	var d struct{ EntityByName *struct{ ID string } }
	e.query(tb, `query($n: String!) { entityByName(name: $n) { id } }`, map[string]any{"n": name}, &d)
	if d.EntityByName == nil {
		tb.Fatalf("entityByName(%q) is null", name)
	}
	return d.EntityByName.ID
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// countingReader counts the batch reads of a real store, to show that
// lists do not read their items one by one.
type countingReader struct {
	graph.Reader
	mu                             sync.Mutex
	entity, entitiesByID, docsByID int
	document                       int
}

func (c *countingReader) Entity(ctx context.Context, id string) (*graph.Entity, error) {
	c.mu.Lock()
	c.entity++
	c.mu.Unlock()
	return c.Reader.Entity(ctx, id)
}

func (c *countingReader) EntitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	c.mu.Lock()
	c.entitiesByID++
	c.mu.Unlock()
	return c.Reader.EntitiesByID(ctx, ids)
}

func (c *countingReader) Document(ctx context.Context, id string) (*graph.Document, error) {
	c.mu.Lock()
	c.document++
	c.mu.Unlock()
	return c.Reader.Document(ctx, id)
}

func (c *countingReader) DocumentsByID(ctx context.Context, ids []string) ([]*graph.Document, error) {
	c.mu.Lock()
	c.docsByID++
	c.mu.Unlock()
	return c.Reader.DocumentsByID(ctx, ids)
}
