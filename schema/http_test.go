package schema_test

import (
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

const statsQuery = `{ stats { documents entities relations } }`

func TestTransport(t *testing.T) {
	e := newEnv(t, schema.Options{Token: "s3cret", MaxBodyBytes: 4096})
	const gqlResp, appJSON = "application/graphql-response+json", "application/json"
	bigBody := `{"query": "{ stats { documents } }", "pad": "` + strings.Repeat("x", 5000) + `"}`
	tests := []struct {
		name      string
		method    string
		body      string
		params    url.Values
		header    []string
		status    int
		mediaType string
		code      string // extensions.code of the first error; "" for none
		message   string // part of the first error message
		allow     string // Allow header
		noData    bool   // the response must not contain "data"
	}{
		{name: "POST query", method: "POST", body: `{"query": "{ stats { documents } }"}`, status: 200, mediaType: gqlResp},
		{name: "POST with null operationName, variables and extensions", method: "POST",
			body: `{"query": "{ stats { documents } }", "operationName": null, "variables": null, "extensions": null}`, status: 200, mediaType: gqlResp},
		{name: "POST picks the named operation", method: "POST",
			body: `{"query": "query A { stats { documents } } query B { stats { entities } }", "operationName": "B"}`, status: 200, mediaType: gqlResp},
		{name: "GET query", method: "GET", params: url.Values{"query": {statsQuery}}, status: 200, mediaType: gqlResp},
		{name: "GET with variables", method: "GET",
			params: url.Values{"query": {`query($n: String!) { entityByName(name: $n) { name } }`}, "variables": {`{"n": "keller"}`}}, status: 200, mediaType: gqlResp},
		{name: "Accept application/json", method: "POST", body: `{"query": "{ stats { documents } }"}`, header: []string{"Accept", appJSON}, status: 200, mediaType: appJSON},
		{name: "Accept */* gets graphql-response+json", method: "POST", body: `{"query": "{ stats { documents } }"}`, header: []string{"Accept", "*/*"}, status: 200, mediaType: gqlResp},
		{name: "Accept prefers application/json by q", method: "POST", body: `{"query": "{ stats { documents } }"}`,
			header: []string{"Accept", "application/graphql-response+json;q=0.5, application/json"}, status: 200, mediaType: appJSON},
		{name: "Accept names application/json next to */*", method: "POST", body: `{"query": "{ stats { documents } }"}`,
			header: []string{"Accept", "application/json, */*"}, status: 200, mediaType: appJSON},
		{name: "Accept text/html only", method: "POST", body: `{"query": "{ stats { documents } }"}`, header: []string{"Accept", "text/html"},
			status: 406, code: "INVALID", message: "Accept"},

		{name: "invalid JSON", method: "POST", body: `{"query": "{ stats `, status: 400, code: "INVALID", message: "not a JSON object", noData: true},
		{name: "invalid JSON with application/json", method: "POST", body: `{"query": `, header: []string{"Accept", appJSON}, status: 400, code: "INVALID", noData: true},
		{name: "data after the object", method: "POST", body: `{"query": "{ stats { documents } }"} {}`, status: 400, code: "INVALID", message: "not a JSON object", noData: true},
		{name: "body is an array", method: "POST", body: `[{"query": "{ stats { documents } }"}]`, status: 400, code: "INVALID", noData: true},
		{name: "empty body", method: "POST", body: ``, status: 400, code: "INVALID", message: "empty", noData: true},
		{name: "missing query", method: "POST", body: `{"qeury": "{ stats { documents } }"}`, status: 400, code: "INVALID", message: "missing query", noData: true},
		{name: "null query", method: "POST", body: `{"query": null}`, status: 400, code: "INVALID", message: "missing query", noData: true},
		{name: "non-string query", method: "POST", body: `{"query": 42}`, status: 400, code: "INVALID", message: "query must be a string", noData: true},
		{name: "non-object variables", method: "POST", body: `{"query": "{ stats { documents } }", "variables": [1]}`, status: 400, code: "INVALID", message: "variables", noData: true},
		{name: "string variables", method: "POST", body: `{"query": "{ stats { documents } }", "variables": "{}"}`, status: 400, code: "INVALID", message: "variables", noData: true},
		{name: "non-string operationName", method: "POST", body: `{"query": "{ stats { documents } }", "operationName": 1}`, status: 400, code: "INVALID", message: "operationName", noData: true},
		{name: "non-object extensions", method: "POST", body: `{"query": "{ stats { documents } }", "extensions": "x"}`, status: 400, code: "INVALID", message: "extensions", noData: true},
		{name: "GET without query", method: "GET", params: url.Values{"q": {statsQuery}}, status: 400, code: "INVALID", message: "missing query"},
		{name: "GET with non-object variables", method: "GET", params: url.Values{"query": {statsQuery}, "variables": {"[]"}}, status: 400, code: "INVALID", message: "variables"},

		{name: "syntax error", method: "POST", body: `{"query": "{ stats { documents }"}`, status: 400, mediaType: gqlResp, code: "INVALID", message: "syntax error", noData: true},
		{name: "syntax error with application/json", method: "POST", body: `{"query": "{ stats { documents }"}`, header: []string{"Accept", appJSON},
			status: 200, mediaType: appJSON, code: "INVALID", message: "syntax error", noData: true},
		{name: "unknown field", method: "POST", body: `{"query": "{ nothing }"}`, status: 400, code: "INVALID", message: "nothing", noData: true},
		{name: "unknown operation name", method: "POST", body: `{"query": "query A { stats { documents } }", "operationName": "B"}`, status: 400, code: "INVALID", noData: true},
		{name: "missing variable", method: "POST", body: `{"query": "query($n: String!) { entityByName(name: $n) { name } }"}`, status: 400, code: "INVALID", noData: true},
		{name: "first above 1000", method: "POST", body: `{"query": "{ search(query: \"velmora\", first: 100000) { totalCount } }"}`,
			status: 200, code: "INVALID", message: "first must be between 0 and 1000, got 100000"},
		{name: "negative first", method: "POST", body: `{"query": "{ entities(first: -1) { totalCount } }"}`, status: 200, code: "INVALID", message: "first must be between"},

		{name: "mutation over GET", method: "GET", params: url.Values{"query": {`mutation { deleteDocument(id: "d-glass") }`}},
			status: 405, code: "INVALID", message: "POST", allow: "POST"},
		{name: "PUT", method: "PUT", body: `{"query": "{ stats { documents } }"}`, status: 405, code: "INVALID", allow: "GET, POST"},
		{name: "body over the limit", method: "POST", body: bigBody, status: 413, code: "INVALID", message: "4096 bytes"},
		{name: "text/plain body", method: "POST", body: `{"query": "{ stats { documents } }"}`, header: []string{"Content-Type", "text/plain"}, status: 415, code: "INVALID"},
		{name: "no Content-Type", method: "POST", body: `{"query": "{ stats { documents } }"}`, header: []string{"Content-Type", ""}, status: 415, code: "INVALID", message: "Content-Type"},
		{name: "latin-1 charset", method: "POST", body: `{"query": "{ stats { documents } }"}`, header: []string{"Content-Type", "application/json; charset=iso-8859-1"}, status: 415, code: "INVALID", message: "charset"},
		{name: "utf-8 charset", method: "POST", body: `{"query": "{ stats { documents } }"}`, header: []string{"Content-Type", "application/json; charset=utf-8"}, status: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r *reply
			switch tt.method {
			case "GET":
				r = get(t, e.url, tt.params, tt.header...)
			case "POST":
				r = post(t, e.url, tt.body, tt.header...)
			default:
				req, err := http.NewRequest(tt.method, e.url, bytes.NewReader([]byte(tt.body)))
				if err != nil {
					t.Fatal(err)
				}
				r = do(t, req)
			}
			if r.status != tt.status {
				t.Fatalf("status: got %d, want %d; body %s", r.status, tt.status, r.raw)
			}
			if ct := r.header.Get("Content-Type"); tt.mediaType != "" && !strings.HasPrefix(ct, tt.mediaType+";") {
				t.Errorf("Content-Type: got %q, want %s", ct, tt.mediaType)
			}
			if got := r.code(); got != tt.code {
				t.Errorf("extensions.code: got %q, want %q; body %s", got, tt.code, r.raw)
			}
			if !strings.Contains(r.message(), tt.message) {
				t.Errorf("message: got %q, want it to contain %q", r.message(), tt.message)
			}
			if got := r.header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow: got %q, want %q", got, tt.allow)
			}
			if tt.noData && strings.Contains(r.raw, `"data"`) {
				t.Errorf("body has a data entry: %s", r.raw)
			}
			if tt.code == "" && len(r.body.Errors) > 0 {
				t.Errorf("unexpected errors: %s", r.raw)
			}
		})
	}
	// The server keeps answering after all of that.
	if r := post(t, e.url, gql{Query: statsQuery}); r.status != 200 || len(r.body.Errors) > 0 {
		t.Errorf("after the bad requests: got status %d, body %s", r.status, r.raw)
	}
}

// nested returns a query whose selections are nested depth levels deep.
func nested(depth int) string {
	var b strings.Builder
	b.WriteString(`{ entity(id: "x") {`)
	open := 1
	for open+4 <= depth {
		b.WriteString(" relations { edges { node { source {")
		open += 4
	}
	b.WriteString(" name")
	b.WriteString(strings.Repeat(" }", open-1))
	b.WriteString(" } }")
	return b.String()
}

func TestLimits(t *testing.T) {
	e := newEnv(t, schema.Options{MaxQueryLength: 2000})
	t.Run("60 levels deep", func(t *testing.T) {
		r := post(t, e.url, gql{Query: nested(60)})
		if r.status != 400 || r.code() != "INVALID" || !strings.Contains(r.message(), "exceeds max depth 15") {
			t.Errorf("got status %d, body %s; want 400 with an INVALID max depth error", r.status, r.raw)
		}
	})
	t.Run("at the depth limit", func(t *testing.T) {
		r := post(t, e.url, gql{Query: nested(13)})
		if r.status != 200 || len(r.body.Errors) > 0 {
			t.Errorf("got status %d, body %s; want 200 without errors", r.status, r.raw)
		}
	})
	t.Run("query too long", func(t *testing.T) {
		q := "{ stats { documents } }" + strings.Repeat(" ", 2000)
		r := post(t, e.url, gql{Query: q})
		if r.status != 400 || r.code() != "INVALID" || !strings.Contains(r.message(), "limit is 2000 bytes") {
			t.Errorf("got status %d, body %s; want 400 naming the 2000-byte limit", r.status, r.raw)
		}
	})
	if r := post(t, e.url, gql{Query: statsQuery}); r.status != 200 || len(r.body.Errors) > 0 {
		t.Errorf("after the limits: got status %d, body %s", r.status, r.raw)
	}
}

func TestMutationAuth(t *testing.T) {
	const del = `mutation { deleteDocument(id: "d-glass") }`
	tests := []struct {
		name    string
		token   string // server token
		auth    string // Authorization header
		status  int
		code    string
		message string
	}{
		{"no token configured", "", "Bearer anything", 403, "UNAUTHORIZED", "mutations are disabled: start the server with --token or KGRAPH_TOKEN"},
		{"no header", "s3cret", "", 401, "UNAUTHORIZED", "Authorization: Bearer <token>"},
		{"wrong scheme", "s3cret", "Basic czNjcmV0", 401, "UNAUTHORIZED", "Authorization: Bearer <token>"},
		{"wrong token", "s3cret", "Bearer s3cre", 401, "UNAUTHORIZED", "not valid"},
		{"right token", "s3cret", "Bearer s3cret", 200, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, schema.Options{Token: tt.token})
			r := post(t, e.url, gql{Query: del}, "Authorization", tt.auth)
			if r.status != tt.status || r.code() != tt.code || !strings.Contains(r.message(), tt.message) {
				t.Fatalf("got status %d, body %s; want %d, code %q, message containing %q", r.status, r.raw, tt.status, tt.code, tt.message)
			}
			if tt.status == 401 && r.header.Get("WWW-Authenticate") == "" {
				t.Errorf("401 without WWW-Authenticate")
			}
			var d struct{ Document *struct{ ID string } }
			e.query(t, `{ document(id: "d-glass") { id } }`, nil, &d)
			if deleted := d.Document == nil; deleted != (tt.status == 200) {
				t.Errorf("document deleted: got %v, want %v", deleted, tt.status == 200)
			}
			if tt.status == 200 && string(r.body.Data) != `{"deleteDocument":true}` {
				t.Errorf("data: got %s, want {\"deleteDocument\":true}", r.body.Data)
			}
		})
	}
}

func TestObserve(t *testing.T) {
	e := newEnv(t, schema.Options{})
	tests := []struct {
		body string
		want schema.RequestInfo
	}{
		{`{"query": "query Numbers { stats { documents } }"}`, schema.RequestInfo{Operation: "Numbers", Type: "query", Field: "stats", Status: 200}},
		{`{"query": "{ n: search(query: \"velmora\") { totalCount } }"}`, schema.RequestInfo{Operation: "search", Type: "query", Field: "search", Status: 200}},
		{`{"query": "mutation { deleteDocument(id: \"d-glass\") }"}`, schema.RequestInfo{Operation: "deleteDocument", Type: "mutation", Field: "deleteDocument", Status: 403, Errors: 1}},
		{`{"query": "{ stats { documents }"}`, schema.RequestInfo{Status: 400, Errors: 1}},
		{`{"query": "{ nothing }"}`, schema.RequestInfo{Status: 400, Errors: 1}},
		{`{"query": "mutation { nothing }"}`, schema.RequestInfo{Type: "mutation", Status: 403, Errors: 1}},
		{`{"query": "fragment F on Query { stats { documents } } query Q { ...F }", "operationName": "Q"}`, schema.RequestInfo{Operation: "Q", Type: "query", Status: 200}},
		{`{"query": "# mutation { x }\n query($s: String = \"} mutation {\") { search(query: $s) { totalCount } }"}`, schema.RequestInfo{Operation: "search", Type: "query", Field: "search", Status: 200}},
		{`{"query": "query A { stats { documents } } mutation B { deleteDocument(id: \"x\") }", "operationName": "B"}`, schema.RequestInfo{Operation: "B", Type: "mutation", Field: "deleteDocument", Status: 403, Errors: 1}},
		{`{"query": "query A { stats { documents } } mutation B { deleteDocument(id: \"x\") }", "operationName": "A"}`, schema.RequestInfo{Operation: "A", Type: "query", Field: "stats", Status: 200}},
	}
	for _, tt := range tests {
		post(t, e.url, tt.body)
		got := e.seen.last(t)
		if got.Duration <= 0 {
			t.Errorf("%s: Duration %v, want > 0", tt.body, got.Duration)
		}
		got.Duration = 0
		if got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.body, got, tt.want)
		}
	}
}

func TestLandingPage(t *testing.T) {
	e := newEnv(t, schema.Options{})
	res, err := http.Get(e.srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	buf := new(bytes.Buffer)
	if _, err := buf.ReadFrom(res.Body); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("got status %d, Content-Type %q; want 200 text/html", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, want := range []string{e.url, `href="graphiql"`, `href="explore"`, `href="graphiql?example=0"`, "search(query:", "subgraph(", "stats {"} {
		if !strings.Contains(page, want) {
			t.Errorf("landing page lacks %q", want)
		}
	}
	for _, unwanted := range []string{"<script", "https://unpkg", "cdn"} {
		if strings.Contains(page, unwanted) {
			t.Errorf("landing page has %q: it must load nothing from elsewhere", unwanted)
		}
	}
	if n := strings.Count(page, "data-query="); n < 4 {
		t.Errorf("landing page has %d runnable examples, want at least 4", n)
	}
	// Every example is a valid query: it runs (status 200), whatever the data.
	for _, m := range regexp.MustCompile(`data-query="([^"]*)"( data-variables="([^"]*)")?`).FindAllStringSubmatch(page, -1) {
		q := html.UnescapeString(m[1])
		var vars map[string]any
		if m[3] != "" {
			if err := json.Unmarshal([]byte(html.UnescapeString(m[3])), &vars); err != nil {
				t.Fatalf("example variables %s: %v", m[3], err)
			}
		}
		if r := post(t, e.url, gql{Query: q, Variables: vars}); r.status != 200 {
			t.Errorf("example %s: got status %d, body %s", oneLine(q), r.status, r.raw)
		}
	}
	res2, err := http.Get(e.srv.URL + "/nothing-here")
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != 404 {
		t.Errorf("GET /nothing-here: got %d, want 404", res2.StatusCode)
	}
}
