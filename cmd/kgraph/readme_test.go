package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// readmeBlock is one fenced code block of the README.
type readmeBlock struct {
	lang, text string
	line       int
}

func readmeBlocks(t *testing.T) []readmeBlock {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []readmeBlock
	var cur *readmeBlock
	for i, l := range strings.Split(string(b), "\n") {
		switch {
		case cur == nil && strings.HasPrefix(l, "```"):
			cur = &readmeBlock{lang: strings.TrimPrefix(l, "```"), line: i + 1}
		case cur != nil && l == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.text += l + "\n"
		}
	}
	return out
}

// TestReadmeExamples runs the README's examples as written against a
// server started the way the README starts it (seeded store, token
// s3cret): every graphql block must answer without errors, and where a
// json block follows it, with exactly that answer; then the curl mutation
// runs with its body and token.
func TestReadmeExamples(t *testing.T) {
	blocks := readmeBlocks(t)
	s := startServer(t, t.TempDir(), "--token", "s3cret")
	ran := 0
	for i, b := range blocks {
		if b.lang != "graphql" {
			continue
		}
		ran++
		body, _ := json.Marshal(map[string]string{"query": b.text})
		got := postJSON(t, s.url+"/graphql", body, "")
		if errs, ok := got["errors"]; ok {
			t.Errorf("README line %d: errors %v", b.line, errs)
			continue
		}
		if i+1 < len(blocks) && blocks[i+1].lang == "json" {
			var want map[string]any
			if err := json.Unmarshal([]byte(blocks[i+1].text), &want); err != nil {
				t.Fatalf("README line %d: answer is not JSON: %v", blocks[i+1].line, err)
			}
			if !reflect.DeepEqual(got, want) {
				g, _ := json.Marshal(got)
				t.Errorf("README line %d: the query answers\n%s\nbut the README shows\n%s", b.line, g, oneLineJSON(blocks[i+1].text))
			}
		}
	}
	if ran < 4 {
		t.Errorf("ran %d graphql blocks of the README, want at least 4", ran)
	}

	curl := regexp.MustCompile(`(?s)curl -s (\S+) .*-H 'Authorization: Bearer (\w+)'.*-d '([^']*)'`)
	mutations := 0
	for _, b := range blocks {
		m := curl.FindStringSubmatch(b.text)
		if b.lang != "sh" || m == nil || !strings.Contains(m[3], "mutation") {
			continue
		}
		mutations++
		if !strings.Contains(b.text, "KGRAPH_TOKEN="+m[2]) {
			t.Errorf("README line %d: the mutation sends token %q but the block does not start the server with it", b.line, m[2])
		}
		got := postJSON(t, s.url+"/graphql", []byte(m[3]), m[2])
		if got["errors"] != nil {
			t.Errorf("README line %d: mutation: %v", b.line, got)
		}
	}
	if mutations == 0 {
		t.Error("no curl mutation example found in the README")
	}
}

// postJSON posts a JSON body (with the bearer token, if any) and decodes the
// JSON answer.
func postJSON(t *testing.T, url string, body []byte, token string) map[string]any {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode response (status %d): %v", resp.StatusCode, err)
	}
	return out
}

func oneLineJSON(s string) string {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}
