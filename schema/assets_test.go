package schema_test

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

func fetchPage(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

// TestWebPages checks the pages and files the browser pages are made of:
// every script and style a page names is served from /assets/, with a
// content type and a validator, and GraphiQL's example tabs all run.
func TestWebPages(t *testing.T) {
	e := newEnv(t, schema.Options{})
	for _, page := range []string{"/graphiql", "/explore", "/explore/document?id=x"} {
		res, body := fetchPage(t, e.srv.URL+page)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET %s: %d %s", page, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if strings.Contains(body, "http://") || strings.Contains(body, "https://") {
			t.Errorf("GET %s names another origin: %s", page, body)
		}
		refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(body, -1)
		if len(refs) < 2 {
			t.Errorf("GET %s: want a script and a style, got %v", page, refs)
		}
		for _, m := range refs {
			ref := html.UnescapeString(m[1])
			if !strings.HasPrefix(ref, "/assets/") {
				t.Errorf("GET %s refers to %s, outside /assets/", page, ref)
				continue
			}
			res, body := fetchPage(t, e.srv.URL+ref)
			ct := res.Header.Get("Content-Type")
			if res.StatusCode != 200 || len(body) == 0 || !(strings.HasPrefix(ct, "text/javascript") || strings.HasPrefix(ct, "text/css")) {
				t.Errorf("GET %s: %d, %d bytes, %s", ref, res.StatusCode, len(body), ct)
			}
			etag := res.Header.Get("ETag")
			if etag == "" {
				t.Errorf("GET %s has no ETag", ref)
				continue
			}
			if res, _ := fetchPage(t, e.srv.URL+ref, "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
				t.Errorf("GET %s with If-None-Match %s: %d, want 304", ref, etag, res.StatusCode)
			}
		}
	}
	for _, f := range []string{"graphql.worker.js", "editor.worker.js", "json.worker.js", "THIRD_PARTY_LICENSES.txt"} {
		if res, body := fetchPage(t, e.srv.URL+"/assets/"+f); res.StatusCode != 200 || len(body) < 1000 {
			t.Errorf("GET /assets/%s: %d, %d bytes", f, res.StatusCode, len(body))
		}
	}
	if res, _ := fetchPage(t, e.srv.URL+"/assets/nothing.js"); res.StatusCode != 404 {
		t.Errorf("GET /assets/nothing.js: %d, want 404", res.StatusCode)
	}
	if res, _ := fetchPage(t, e.srv.URL+"/assets/graphiql.html"); res.StatusCode != 404 {
		t.Errorf("GET /assets/graphiql.html (a page template): %d, want 404", res.StatusCode)
	}

	// GraphiQL's configuration: the endpoint and the examples, each of
	// which runs.
	_, body := fetchPage(t, e.srv.URL+"/graphiql")
	m := regexp.MustCompile(`(?s)<script type="application/json" id="kgraph-config">(.*?)</script>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("/graphiql has no kgraph-config: %s", body)
	}
	var cfg struct {
		Endpoint string
		Examples []struct{ Title, Query, Variables string }
	}
	if err := json.Unmarshal([]byte(m[1]), &cfg); err != nil {
		t.Fatalf("kgraph-config %s: %v", m[1], err)
	}
	if cfg.Endpoint != "/graphql" || len(cfg.Examples) < 6 {
		t.Errorf("config: endpoint %q, %d examples", cfg.Endpoint, len(cfg.Examples))
	}
	for _, ex := range cfg.Examples {
		var vars map[string]any
		if ex.Variables != "" {
			if err := json.Unmarshal([]byte(ex.Variables), &vars); err != nil {
				t.Fatalf("example %q variables: %v", ex.Title, err)
			}
		}
		if r := post(t, e.url, gql{Query: ex.Query, Variables: vars}); r.status != 200 {
			t.Errorf("example %q: status %d, %s", ex.Title, r.status, r.raw)
		}
	}
}
