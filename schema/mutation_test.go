package schema_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

// noteText is a document that only the ingestDocument test adds.
const noteText = "Nadia Oyelaran chairs the Velmora River Council."

func TestIngestDocument(t *testing.T) {
	var (
		mu  sync.Mutex
		got []graph.Document
		e   *env
	)
	// The injected function stands in for loader + store: it records the
	// document and stores a hand-made extraction of it.
	ingest := func(ctx context.Context, doc graph.Document) (graph.IngestResult, error) {
		mu.Lock()
		got = append(got, doc)
		mu.Unlock()
		if doc.Text != noteText {
			return graph.IngestResult{}, graph.Errorf(graph.EINVALID, "this test knows only one text")
		}
		x := extraction(t, doc, []fent{
			{id: "e1", name: "Nadia Oyelaran", typ: graph.Person},
			{id: "e2", name: "Velmora River Council", typ: graph.Organization},
		}, []frel{{graph.Leads, "e1", "e2", map[string]string{"title": "chair"}, noteText}})
		return e.db.Ingest(ctx, x)
	}
	e = newEnv(t, schema.Options{Token: "s3cret", Ingest: ingest})
	const m = `mutation($in: DocumentInput!) { ingestDocument(input: $in) {
	  documentId status entities relations newEntities document { id title date source url length } } }`
	in := map[string]any{"id": "d-note", "title": "Council chair", "date": "2024-05-02", "source": "Courier", "url": "https://example.org/note", "text": noteText}
	type result struct {
		IngestDocument struct {
			DocumentID                       string
			Status                           string
			Entities, Relations, NewEntities int
			Document                         *struct {
				ID, Title, Date, Source, URL string
				Length                       int
			}
		}
	}
	auth := []string{"Authorization", "Bearer s3cret"}
	r := post(t, e.url, gql{Query: m, Variables: map[string]any{"in": in}}, auth...)
	if r.status != http.StatusOK || len(r.body.Errors) > 0 {
		t.Fatalf("ingestDocument: status %d, body %s", r.status, r.raw)
	}
	want := graph.Document{ID: "d-note", Title: "Council chair", Date: "2024-05-02", Source: "Courier", URL: "https://example.org/note", Text: noteText}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("injected Ingest got %+v, want %+v", got, want)
	}
	var res result
	decode(t, r, &res)
	ir := res.IngestDocument
	if ir.DocumentID != "d-note" || ir.Status != "NEW" || ir.Entities != 2 || ir.Relations != 1 || ir.NewEntities != 1 {
		t.Errorf("ingestDocument result: got %+v, want d-note NEW 2 entities 1 relation 1 new entity", ir)
	}
	if ir.Document == nil || ir.Document.Title != "Council chair" || ir.Document.Date != "2024-05-02" || ir.Document.Length != len(noteText) {
		t.Errorf("ingestDocument document: got %+v, want the stored metadata", ir.Document)
	}
	if id := e.idOf(t, "nadia oyelaran"); id == "" {
		t.Error("the ingested person is not found by name")
	}

	// The same text again is UNCHANGED.
	r = post(t, e.url, gql{Query: m, Variables: map[string]any{"in": in}}, auth...)
	decode(t, r, &res)
	if res.IngestDocument.Status != "UNCHANGED" {
		t.Errorf("second ingest: got status %q, want UNCHANGED", res.IngestDocument.Status)
	}

	// Input errors: empty text, a bad date, an error of the injected function.
	for _, tt := range []struct {
		in      map[string]any
		message string
	}{
		{map[string]any{"text": "   "}, "text must not be empty"},
		{map[string]any{"text": noteText, "date": "2024-5-2"}, "YYYY-MM-DD"},
		{map[string]any{"text": "Something else entirely."}, "this test knows only one text"},
	} {
		r := post(t, e.url, gql{Query: m, Variables: map[string]any{"in": tt.in}}, auth...)
		if r.code() != "INVALID" || !strings.Contains(r.message(), tt.message) {
			t.Errorf("ingestDocument(%v): got status %d, body %s; want INVALID %q", tt.in, r.status, r.raw, tt.message)
		}
	}
}

func TestDeleteAndMerge(t *testing.T) {
	e := newEnv(t, schema.Options{Token: "s3cret"})
	auth := []string{"Authorization", "Bearer s3cret"}

	r := post(t, e.url, gql{Query: `mutation { deleteDocument(id: "no-such-document") }`}, auth...)
	if r.code() != "NOT_FOUND" {
		t.Errorf("deleteDocument of an unknown id: got code %q, want NOT_FOUND; body %s", r.code(), r.raw)
	}

	keller, brandt := e.idOf(t, "Marta Keller"), e.idOf(t, "Tomas Brandt")
	r = post(t, e.url, gql{Query: `mutation($into: ID!, $from: [ID!]!) { mergeEntities(into: $into, from: $from) { id name aliases } }`,
		Variables: map[string]any{"into": keller, "from": []string{brandt}}}, auth...)
	var d struct {
		MergeEntities struct {
			ID      string
			Name    string
			Aliases []string
		}
	}
	decode(t, r, &d)
	names := append([]string{d.MergeEntities.Name}, d.MergeEntities.Aliases...)
	if d.MergeEntities.ID != keller || !containsFold(names, "Tomas Brandt") || !containsFold(names, "Marta Keller") {
		t.Errorf("mergeEntities: got %+v, want %s named both Marta Keller and Tomas Brandt", d.MergeEntities, keller)
	}
	if id := e.idOf(t, "Tomas Brandt"); id != keller {
		t.Errorf("entityByName(Tomas Brandt) after the merge: got %s, want %s", id, keller)
	}
	r = post(t, e.url, gql{Query: `mutation($id: ID!) { mergeEntities(into: $id, from: [$id]) { id } }`, Variables: map[string]any{"id": keller}}, auth...)
	if r.code() != "INVALID" {
		t.Errorf("merging an entity into itself: got code %q, want INVALID", r.code())
	}
}

// TestExec runs a mutation without HTTP and without a token: the caller of
// Exec is trusted.
func TestExec(t *testing.T) {
	e := newEnv(t, schema.Options{})
	resp := e.svc.Exec(context.Background(), schema.Request{Query: `mutation($id: ID!) { deleteDocument(id: $id) }`, Variables: map[string]any{"id": "d-glass"}})
	if len(resp.Errors) > 0 || string(resp.Data) != `{"deleteDocument":true}` {
		t.Fatalf("Exec deleteDocument: got data %s, errors %v", resp.Data, resp.Errors)
	}
	resp = e.svc.Exec(context.Background(), schema.Request{Query: `{ stats { documents } }`})
	if string(resp.Data) != `{"stats":{"documents":2}}` {
		t.Errorf("Exec stats after the delete: got %s, want 2 documents", resp.Data)
	}
}

func decode(tb testing.TB, r *reply, out any) {
	tb.Helper()
	if r.status != http.StatusOK || len(r.body.Errors) > 0 {
		tb.Fatalf("status %d, body %s", r.status, r.raw)
	}
	if err := json.Unmarshal(r.body.Data, out); err != nil {
		tb.Fatalf("decode data: %v\n%s", err, r.raw)
	}
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
