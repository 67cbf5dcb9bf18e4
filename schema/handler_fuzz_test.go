package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

// FuzzHandler sends arbitrary query text and variables, with and without
// a GET, to the GraphQL handler over a real store: no panic, always a JSON
// answer, never an INTERNAL error, and no mutation function ever runs
// without the token, whatever the text.
//
//	go test -run=^$ -fuzz=FuzzHandler -fuzztime=30s ./schema
func FuzzHandler(f *testing.F) {
	for _, s := range []string{
		`{ stats { documents } }`,
		`mutation { deleteDocument(id: "d1") }`,
		`mutation M { mergeEntities(into: "e1", from: ["e2"]) { id } }`,
		`query Q { stats { documents } } mutation M { deleteDocument(id: "d1") }`,
		`{ __typename } mutation { ingestDocument(input: {text: "Anna met Paul."}) { status } }`,
		`subscription { stats { documents } }`,
		`mutation{deleteDocument(id:"x")}#`,
		`"mutation" { deleteDocument(id: "d1") }`,
		`{ entities(first: 1000) { nodes { mentions(first: 1000) { nodes { document { text } } } } } }`,
	} {
		f.Add(s, "", false, "")
		f.Add(s, "M", true, "")
	}
	f.Add(`{ search(query: "\uD83D\uDE00", first: 1) { nodes { id } } }`, "", false, "")
	f.Add(`query($ids: [ID!]!, $h: Int) { subgraph(ids: $ids, hops: $h) { nodes { id } } }`, "", false, `{"ids": ["e1"], "h": 1}`)
	f.Add(`query($d: Date, $t: [RelationType!]) { documents(from: $d) { nodes { id } } relations(types: $t) { nodes { id } } }`, "", false, `{"d": "2020-01-02", "t": ["MET_WITH"]}`)
	base := newEnv(f, schema.Options{})
	var ran atomic.Int64
	svc, err := schema.New(schema.Options{
		Reader: base.db,
		Token:  "s3cret",
		Ingest: func(context.Context, graph.Document) (graph.IngestResult, error) {
			ran.Add(1)
			return graph.IngestResult{}, graph.Errorf(graph.EINVALID, "fuzz")
		},
		Delete: func(context.Context, string) error { ran.Add(1); return graph.Errorf(graph.ENOTFOUND, "fuzz") },
		Merge: func(context.Context, string, []string) (*graph.Entity, error) {
			ran.Add(1)
			return nil, graph.Errorf(graph.ENOTFOUND, "fuzz")
		},
	})
	if err != nil {
		f.Fatal(err)
	}
	h := svc.GraphQL()
	f.Fuzz(func(t *testing.T, query, opName string, get bool, vars string) {
		in := map[string]any{"query": query, "operationName": opName}
		if json.Valid([]byte(vars)) {
			in["variables"] = json.RawMessage(vars)
		}
		body, _ := json.Marshal(in)
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if get {
			req = httptest.NewRequest(http.MethodGet, "/graphql?query="+urlQuery(query)+"&operationName="+urlQuery(opName), nil)
		}
		before := ran.Load()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if n := ran.Load() - before; n != 0 {
			t.Fatalf("%d mutation functions ran without a token for %q (operation %q)", n, query, opName)
		}
		var out struct {
			Errors []struct {
				Extensions struct{ Code string }
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatalf("status %d, body is not JSON: %v: %q", rec.Code, err, rec.Body.String())
		}
		if rec.Code >= 500 && rec.Code != http.StatusGatewayTimeout && rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("status %d for %q: %s", rec.Code, query, rec.Body.String())
		}
		// The fake mutations fail with INVALID or NOT_FOUND: INTERNAL is a
		// panic or a bug of the server's.
		for _, e := range out.Errors {
			if e.Extensions.Code == "INTERNAL" {
				t.Fatalf("an INTERNAL error for %q (variables %q): %s", query, vars, rec.Body.String())
			}
		}
	})
}

func urlQuery(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
		} else {
			b.WriteString("%")
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		}
	}
	return b.String()
}
