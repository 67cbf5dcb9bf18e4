package main

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// seededServer starts a server on a fresh store holding the sample
// article, with a mutation token, and returns it with its stats.
func seededServer(t *testing.T, extra ...string) (*server, map[string]any) {
	t.Helper()
	s := startServer(t, t.TempDir(), append([]string{"--token", "tok"}, extra...)...)
	return s, stats(t, s)
}

func count(st map[string]any, k string) int { return int(st[k].(float64)) }

// get sends a GET with headers and returns the response, body read.
func get(t *testing.T, u string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no transparent gzip: see what the server sends
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// TestExportFormatsThroughServer exports every format with
// 'kgraph export --server' and checks node and edge counts against stats:
// GraphML and GEXF parsed as XML, Cytoscape JSON and JSONL decoded, CSV in
// neo4j-admin import header conventions, N-Quads line by line.
func TestExportFormatsThroughServer(t *testing.T) {
	s, st := seededServer(t)
	n, m := count(st, "entities"), count(st, "relations")
	export := func(args ...string) string {
		t.Helper()
		code, out, errs := runCmd(t, "", append([]string{"export", "--server", s.url}, args...)...)
		if code != exitOK {
			t.Fatalf("export %v: exit %d: %s", args, code, errs)
		}
		return out
	}

	var gml struct {
		Keys  []struct{ ID, For, Name, Type string } `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct{ Source, Target string } `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(export("--format", "graphml")), &gml); err != nil {
		t.Fatalf("graphml: %v", err)
	}
	if len(gml.Graph.Nodes) != n || len(gml.Graph.Edges) != m {
		t.Errorf("graphml: %d nodes, %d edges; stats say %d, %d", len(gml.Graph.Nodes), len(gml.Graph.Edges), n, m)
	}

	var gexf struct {
		Graph struct {
			Nodes []struct{ ID, Label string } `xml:"nodes>node"`
			Edges []struct{ ID string }        `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(export("--format", "gexf")), &gexf); err != nil {
		t.Fatalf("gexf: %v", err)
	}
	if len(gexf.Graph.Nodes) != n || len(gexf.Graph.Edges) != m {
		t.Errorf("gexf: %d nodes, %d edges; stats say %d, %d", len(gexf.Graph.Nodes), len(gexf.Graph.Edges), n, m)
	}

	var cy struct {
		Elements struct {
			Nodes []struct{ Data map[string]any } `json:"nodes"`
			Edges []struct{ Data map[string]any } `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal([]byte(export("--format", "cyjs", "--evidence")), &cy); err != nil {
		t.Fatalf("cyjs: %v", err)
	}
	if len(cy.Elements.Nodes) != n || len(cy.Elements.Edges) != m {
		t.Errorf("cyjs: %d nodes, %d edges; stats say %d, %d", len(cy.Elements.Nodes), len(cy.Elements.Edges), n, m)
	}
	if ev, _ := cy.Elements.Edges[0].Data["evidence"].([]any); len(ev) == 0 {
		t.Errorf("cyjs --evidence: first edge has no evidence: %v", cy.Elements.Edges[0].Data)
	}

	kinds := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(export("--format", "jsonl", "--evidence=false")))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l struct {
			Kind     string
			Evidence []any
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("jsonl line %q: %v", sc.Text(), err)
		}
		if l.Kind == "relation" && len(l.Evidence) != 0 {
			t.Errorf("jsonl --evidence=false: relation with evidence: %s", sc.Text())
		}
		kinds[l.Kind]++
	}
	if kinds["entity"] != n || kinds["relation"] != m || kinds["document"] != count(st, "documents") {
		t.Errorf("jsonl: %v; stats say %v", kinds, st)
	}

	dir := t.TempDir()
	export("--format", "csv", "--out", dir)
	ids := checkNeo4jCSV(t, filepath.Join(dir, "nodes.csv"), []string{":ID", ":LABEL"}, n, nil)
	checkNeo4jCSV(t, filepath.Join(dir, "relationships.csv"), []string{":START_ID", ":END_ID", ":TYPE"}, m, ids)

	export("--format", "nquads", "--out", dir)
	quad := regexp.MustCompile(`^(<[^>]*>|_:\w+) <[^>]*> (<[^>]*>|_:\w+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>)?) <urn:kgraph:graph> \.$`)
	entities, relations, direct := 0, 0, 0
	b, _ := os.ReadFile(filepath.Join(dir, "graph.nq"))
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if !quad.MatchString(l) {
			t.Fatalf("not an N-Quad: %s", l)
		}
		switch {
		case strings.HasSuffix(l, "<urn:kgraph:vocab:Entity> <urn:kgraph:graph> ."):
			entities++
		case strings.HasSuffix(l, "<urn:kgraph:vocab:Relation> <urn:kgraph:graph> ."):
			relations++
		case regexp.MustCompile(`^<urn:kgraph:entity:\w+> <urn:kgraph:vocab:[A-Z_]+> <urn:kgraph:entity:`).MatchString(l):
			direct++
		}
	}
	if entities != n || relations != m || direct != m {
		t.Errorf("nquads: %d entities, %d relation resources, %d direct triples; stats say %d, %d", entities, relations, direct, n, m)
	}
	if sch, _ := os.ReadFile(filepath.Join(dir, "dgraph.schema")); !strings.Contains(string(sch), "<urn:kgraph:vocab:WORKS_FOR>: [uid] @reverse .") {
		t.Errorf("dgraph.schema lacks the relation predicates:\n%s", sch)
	}
}

// checkNeo4jCSV checks a file against neo4j-admin import's header
// conventions: the required special columns, "name:type" columns with a
// type Neo4j knows, rows as wide as the header, and (for relationships)
// endpoints among the node IDs. It returns the values of the :ID column.
func checkNeo4jCSV(t *testing.T, path string, required []string, rows int, nodeIDs map[string]bool) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	header := recs[0]
	types := map[string]bool{"int": true, "long": true, "float": true, "double": true, "boolean": true, "byte": true,
		"short": true, "char": true, "string": true, "point": true, "date": true, "localtime": true, "time": true,
		"localdatetime": true, "datetime": true, "duration": true}
	col := map[string]int{}
	for i, h := range header {
		name, typ, typed := strings.Cut(h, ":")
		switch {
		case !typed:
		case typ == "ID" || typ == "LABEL" || typ == "START_ID" || typ == "END_ID" || typ == "TYPE":
			if name != "" && typ != "ID" {
				t.Errorf("%s: column %q: only :ID may carry a property name", path, h)
			}
			col[":"+typ] = i
		case types[strings.TrimSuffix(typ, "[]")]:
		default:
			t.Errorf("%s: column %q: %q is not a neo4j-admin import type", path, h, typ)
		}
	}
	for _, r := range required {
		if _, ok := col[r]; !ok {
			t.Errorf("%s: no %s column in %v", path, r, header)
		}
	}
	if len(recs)-1 != rows {
		t.Errorf("%s: %d rows, want %d", path, len(recs)-1, rows)
	}
	ids := map[string]bool{}
	for _, r := range recs[1:] {
		if len(r) != len(header) {
			t.Fatalf("%s: row of %d fields under a header of %d", path, len(r), len(header))
		}
		if i, ok := col[":ID"]; ok {
			ids[r[i]] = true
		}
		for _, end := range []string{":START_ID", ":END_ID"} {
			if i, ok := col[end]; ok && nodeIDs != nil && !nodeIDs[r[i]] {
				t.Errorf("%s: %s %q is no node's :ID", path, end, r[i])
			}
		}
		if i, ok := col[":LABEL"]; ok && !strings.HasPrefix(r[i], "Entity;") {
			t.Errorf("%s: label %q", path, r[i])
		}
	}
	return ids
}

// TestExportLocalMatchesServer checks that the store read directly and the
// server give the same export, and that a several-file format wants --out
// or --part.
func TestExportLocalMatchesServer(t *testing.T) {
	data := t.TempDir()
	s := startServer(t, data)
	_, remote, errs := runCmd(t, "", "export", "--server", s.url, "--format", "csv", "--part", "relationships")
	if remote == "" {
		t.Fatalf("remote export empty: %s", errs)
	}
	if code, _, errs := runCmd(t, "", "export", "--data", data, "--format", "json"); code != exitUsage || !strings.Contains(errs, "--server") {
		t.Errorf("export of a store a server holds: exit %d, %q; want 2 and a pointer to --server", code, errs)
	}
	s.stop(t)
	code, local, errs := runCmd(t, "", "export", "--data", data, "--format", "csv", "--part", "relationships")
	if code != exitOK || local != remote {
		t.Errorf("local export (exit %d, %s) differs from the server's:\n%s\n---\n%s", code, errs, local, remote)
	}
	code, _, errs = runCmd(t, "", "export", "--data", data, "--format", "nquads")
	if code != exitUsage || !strings.Contains(errs, "--out DIR") {
		t.Errorf("nquads to stdout without --part: exit %d, %q; want 2 and a pointer to --out", code, errs)
	}
}

// TestServerIngestAndGzipExport sends documents with 'kgraph ingest
// --server', checks the summary against the graph's totals, and fetches
// a gzip-compressed export.
func TestServerIngestAndGzipExport(t *testing.T) {
	s, before := seededServer(t)
	code, _, errs := runCmd(t, "", "ingest", "--server", s.url, "testdata/crossdoc")
	if code != exitUsage || !strings.Contains(errs, "401") {
		t.Errorf("ingest without the token: exit %d, %q; want 2 and 401", code, errs)
	}
	e, out, errb := testEnv("", map[string]string{"KGRAPH_TOKEN": "tok"})
	code = run(t.Context(), []string{"ingest", "--server", s.url, "testdata/crossdoc"}, e)
	if code != exitOK {
		t.Fatalf("ingest --server: exit %d: %s", code, errb)
	}
	after := stats(t, s)
	want := "graph now holds: " + itoa(count(after, "documents")) + " documents, " + itoa(count(after, "entities")) + " entities, " + itoa(count(after, "relations")) + " relations"
	if !strings.Contains(out.String(), "3 new, 0 unchanged, 0 failed") || !strings.Contains(out.String(), want) {
		t.Errorf("summary:\n%s\nwant 3 new and %q", out, want)
	}
	if count(after, "documents") != count(before, "documents")+3 {
		t.Errorf("documents %d -> %d, want +3", count(before, "documents"), count(after, "documents"))
	}

	// POST /ingest directly: one good line, one bad line, per-document answers.
	body := `{"title":"Talks","text":"Foreign Minister Anna Berg met Paul Dufort in Geneva on Monday."}` + "\n" + `{"text": 5}` + "\n"
	req, _ := http.NewRequest(http.MethodPost, s.url+"/ingest", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var lines []ingestLine
	dec := json.NewDecoder(resp.Body)
	for {
		var l ingestLine
		if err := dec.Decode(&l); err != nil {
			break
		}
		lines = append(lines, l)
	}
	resp.Body.Close()
	if len(lines) != 3 || lines[0].Status != "NEW" || lines[1].Status != "FAILED" || lines[2].Summary == nil || lines[2].Summary.New != 1 || lines[2].Summary.Failed != 1 {
		t.Errorf("POST /ingest answered %+v; want NEW, FAILED, then a summary of 1 new and 1 failed", lines)
	}

	resp, b := get(t, s.url+"/export?format=graphml", "Accept-Encoding", "gzip")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("GET /export with gzip: %d, Content-Encoding %q", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || !strings.Contains(string(plain), "</graphml>") {
		t.Errorf("gunzipped export: %v, ends %q", err, tail(string(plain)))
	}
	if resp, _ := get(t, s.url+"/export?format=xlsx"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown format: %d, want 400", resp.StatusCode)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func tail(s string) string {
	if len(s) > 40 {
		return s[len(s)-40:]
	}
	return s
}

// TestCORSETagAndPersistedQueries: a request from an allowed origin gets
// CORS headers, its preflight is answered; another origin gets none; a GET
// repeated with If-None-Match gets 304 until the graph changes; an APQ hash
// round trip works.
func TestCORSETagAndPersistedQueries(t *testing.T) {
	const origin = "https://dash.example.org"
	s, _ := seededServer(t, "--cors-origin", origin)
	q := url.Values{"query": {"{ stats { entities } }"}}
	gql := s.url + "/graphql?" + q.Encode()

	resp, _ := get(t, gql, "Origin", origin)
	if resp.StatusCode != 200 || resp.Header.Get("Access-Control-Allow-Origin") != origin || resp.Header.Get("Access-Control-Allow-Credentials") != "" {
		t.Errorf("allowed origin: %d, Allow-Origin %q, Allow-Credentials %q", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"), resp.Header.Get("Access-Control-Allow-Credentials"))
	}
	req, _ := http.NewRequest(http.MethodOptions, s.url+"/graphql", nil)
	req.Header.Set("Origin", origin)
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "content-type, authorization")
	pre, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	pre.Body.Close()
	if pre.StatusCode != http.StatusNoContent || pre.Header.Get("Access-Control-Allow-Origin") != origin ||
		!strings.Contains(pre.Header.Get("Access-Control-Allow-Methods"), "POST") ||
		!strings.Contains(strings.ToLower(pre.Header.Get("Access-Control-Allow-Headers")), "authorization") {
		t.Errorf("preflight: %d %v", pre.StatusCode, pre.Header)
	}
	req.Header.Set("Origin", "https://evil.example.com")
	pre, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	pre.Body.Close()
	if pre.Header.Get("Access-Control-Allow-Origin") != "" || pre.Header.Get("Access-Control-Allow-Methods") != "" {
		t.Errorf("preflight from another origin got CORS headers: %v", pre.Header)
	}
	if resp, _ := get(t, gql, "Origin", "https://evil.example.com"); resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("other origin got Access-Control-Allow-Origin %q", resp.Header.Get("Access-Control-Allow-Origin"))
	}

	// ETag and 304.
	resp, _ = get(t, gql)
	tag := resp.Header.Get("ETag")
	if tag == "" {
		t.Fatalf("GET /graphql: no ETag: %v", resp.Header)
	}
	if resp, b := get(t, gql, "If-None-Match", tag); resp.StatusCode != http.StatusNotModified || len(b) != 0 {
		t.Errorf("repeated GET with If-None-Match: %d with %d bytes, want 304 and no body", resp.StatusCode, len(b))
	}
	if resp, _ := get(t, s.url+"/graphql?"+url.Values{"query": {"{ stats { relations } }"}}.Encode(), "If-None-Match", tag); resp.StatusCode != http.StatusOK {
		t.Errorf("another query with the first one's ETag: %d, want 200", resp.StatusCode)
	}
	r := s.graphql(t, `mutation { ingestDocument(input: {text: "Anna Berg, chief executive of Nordvik Energy, met Paul Dufort in Oslo."}) { status } }`, "tok")
	if r["errors"] != nil {
		t.Fatalf("ingest: %v", r)
	}
	if resp, _ := get(t, gql, "If-None-Match", tag); resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") == tag {
		t.Errorf("after a write: %d with ETag %q (was %q), want 200 and a new ETag", resp.StatusCode, resp.Header.Get("ETag"), tag)
	}
	if resp, _ := get(t, s.url+"/export?format=cyjs"); resp.Header.Get("ETag") == "" {
		t.Errorf("GET /export: no ETag")
	} else if r2, _ := get(t, s.url+"/export?format=cyjs", "If-None-Match", resp.Header.Get("ETag")); r2.StatusCode != http.StatusNotModified {
		t.Errorf("GET /export with its ETag: %d, want 304", r2.StatusCode)
	}

	// Automatic persisted queries.
	query := "{ stats { documents } }"
	sum := sha256.Sum256([]byte(query))
	ext := `{"persistedQuery":{"version":1,"sha256Hash":"` + hex.EncodeToString(sum[:]) + `"}}`
	hashOnly := s.url + "/graphql?" + url.Values{"extensions": {ext}}.Encode()
	_, b := get(t, hashOnly, "Accept", "application/json")
	if !strings.Contains(string(b), `"PersistedQueryNotFound"`) || !strings.Contains(string(b), "PERSISTED_QUERY_NOT_FOUND") {
		t.Errorf("unknown hash: %s", b)
	}
	_, b = get(t, s.url+"/graphql?"+url.Values{"extensions": {ext}, "query": {query}}.Encode(), "Accept", "application/json")
	if !strings.Contains(string(b), `"documents"`) {
		t.Errorf("hash with query: %s", b)
	}
	_, b = get(t, hashOnly, "Accept", "application/json")
	if !strings.Contains(string(b), `{"data":{"stats":{"documents":`) {
		t.Errorf("known hash alone: %s", b)
	}
	_, b = get(t, s.url+"/graphql?"+url.Values{"extensions": {ext}, "query": {"{ stats { entities } }"}}.Encode(), "Accept", "application/json")
	if !strings.Contains(string(b), "does not match") {
		t.Errorf("hash of another query: %s", b)
	}
}

// TestMetricsScrape scrapes /metrics and finds the Go runtime, process,
// Badger and request series.
func TestMetricsScrape(t *testing.T) {
	s, _ := seededServer(t)
	_, b := get(t, s.url+"/metrics")
	for _, want := range []string{
		"\ngo_goroutines ",
		"\nprocess_resident_memory_bytes ",
		"\nbadger_put_num_user ",
		`kgraph_http_request_duration_seconds_bucket{operation="stats",le="+Inf"} `,
		`kgraph_ingest_documents_total{status="NEW"} `,
		"\nkgraph_store_entities ",
		"\nkgraph_store_read_cache_hits_total ",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// TestVersionHealthcheckAndFlags: version and --version, healthcheck
// against a live and a dead address, and a wrong flag in one line.
func TestVersionHealthcheckAndFlags(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := runCmd(t, "", args...)
		if code != exitOK || !regexp.MustCompile(`^kgraph \S+ \(revision [^)]+\) go1\.`).MatchString(out) {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	s, _ := seededServer(t)
	if code, out, errs := runCmd(t, "", "healthcheck", "--url", s.url); code != exitOK || out != "ok\n" {
		t.Errorf("healthcheck of a live server: exit %d, %q %q", code, out, errs)
	}
	dead := s.url
	s.stop(t)
	if code, _, _ := runCmd(t, "", "healthcheck", "--url", dead, "--timeout", "2s"); code != exitPartial {
		t.Errorf("healthcheck of a stopped server: exit %d, want 1", code)
	}
	code, out, errs := runCmd(t, "", "export", "--fromat", "graphml")
	if code != exitUsage || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "--help") {
		t.Errorf("wrong flag: exit %d, stderr %q; want one line pointing to --help", code, errs)
	}
}

// TestProgressLine: with a known total the line has the percentage and an
// ETA from the rate so far; without one, only the counts.
func TestProgressLine(t *testing.T) {
	l := progressLine(tally{New: 20, Unchanged: 3, Failed: 2, Words: 5000, Elapsed: 10e9}, 100, 10e9)
	for _, want := range []string{"25/100 documents (25%)", "20 new, 3 unchanged, 2 failed", "ETA 30s"} {
		if !strings.Contains(l, want) {
			t.Errorf("progress line %q lacks %q", l, want)
		}
	}
	if l := progressLine(tally{New: 5}, 0, 1e9); strings.Contains(l, "%") || strings.Contains(l, "ETA") {
		t.Errorf("progress line without total: %q", l)
	}
}

// No progress line and no colours for output that is no terminal, even a
// character device such as /dev/null.
func TestIsTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no %s: %v", os.DevNull, err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("isTerminal(%s) = true", os.DevNull)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&strings.Builder{}) {
		t.Error("a file or a buffer taken for a terminal")
	}
}
