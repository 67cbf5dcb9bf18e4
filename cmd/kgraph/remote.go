package main

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

// serverURL joins a server's base URL and an endpoint path.
func serverURL(base, path string, q url.Values) (string, error) {
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("--server %q: want a URL such as http://127.0.0.1:8080", base)
	}
	u.Path += path
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// httpClient is the client of the --server commands: no overall timeout
// (exports and ingests of big corpora take minutes), but a bounded wait
// for the connection and the response headers.
var httpClient = &http.Client{Transport: &http.Transport{
	Proxy:                 nil, // the server is named directly; no proxy from the environment
	ResponseHeaderTimeout: 2 * time.Minute,
	IdleConnTimeout:       30 * time.Second,
}}

// responseError turns a non-200 answer into an error with the server's
// message.
func responseError(resp *http.Response) error {
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return fmt.Errorf("server answered %s: %s", resp.Status, strings.TrimSpace(string(msg)))
}

// getExport asks a running server for an export (GET /export with the
// query q, the read token of KGRAPH_READ_TOKEN if set). The response is
// 200; the caller closes its body. The transport asks for gzip and unpacks
// it.
func getExport(ctx context.Context, e env, server string, q url.Values) (*http.Response, error) {
	u, err := serverURL(server, "/export", q)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	if tok := e.getenv("KGRAPH_READ_TOKEN"); tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		return nil, responseError(resp)
	}
	return resp, nil
}

// exportRemote is 'kgraph export --server': GET /export, written to
// stdout, or into outDir (several-file formats come as one zip archive,
// made from one snapshot, and are unpacked there).
func exportRemote(ctx context.Context, e env, server string, f exportFormat, part, outDir string, evidence bool) int {
	q := url.Values{"format": {f.name}, "evidence": {strconv.FormatBool(evidence)}}
	if part != "" && outDir == "" {
		q.Set("part", part)
	}
	start := time.Now()
	resp, err := getExport(ctx, e, server, q)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph export:", err)
		return exitUsage
	}
	defer resp.Body.Close()
	var n int64
	switch {
	case outDir == "":
		n, err = io.Copy(e.stdout, resp.Body)
	case q.Get("part") == "" && len(f.files) > 1:
		n, err = unzipTo(resp.Body, outDir, f)
	default:
		n, err = writeFile(filepath.Join(outDir, f.files[0].name), resp.Body)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph export:", err)
		return exitUsage
	}
	if outDir != "" {
		fmt.Fprintf(e.stderr, "kgraph export: %s, %d bytes into %s in %.1fs\n", f.name, n, outDir, time.Since(start).Seconds())
	}
	return exitOK
}

func writeFile(path string, r io.Reader) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// unzipTo saves the zip archive of a several-file export (zip needs its
// directory at the end, so through a temporary file) and unpacks the
// format's files into dir.
func unzipTo(r io.Reader, dir string, f exportFormat) (int64, error) {
	tmp, err := os.CreateTemp(dir, ".kgraph-export-*.zip")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	size, err := io.Copy(tmp, r)
	if err != nil {
		return 0, err
	}
	zr, err := zip.NewReader(tmp, size)
	if err != nil {
		return 0, fmt.Errorf("the server's archive is not readable: %w", err)
	}
	var n int64
	for _, zf := range zr.File {
		if _, ok := f.fileNamed(zf.Name); !ok {
			return n, fmt.Errorf("unexpected file %q in the server's archive", zf.Name)
		}
		rc, err := zf.Open()
		if err != nil {
			return n, err
		}
		m, err := writeFile(filepath.Join(dir, zf.Name), rc)
		rc.Close()
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func (f exportFormat) fileNamed(name string) (exportFile, bool) {
	for _, x := range f.files {
		if x.name == name {
			return x, true
		}
	}
	return exportFile{}, false
}

// wireDocument is a document as POST /ingest reads it (JSON Lines).
type wireDocument struct {
	ID     string `json:"id,omitempty"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Text   string `json:"text"`
}

// ingestRemote is 'kgraph ingest --server': the documents are read here
// (so a bad file is reported with its path, as by a local ingest), sent as
// JSON Lines to POST /ingest and stored by the server, whose per-document
// answers drive the same progress line and summary.
func ingestRemote(ctx context.Context, e env, c common, server, token string, read func(func(loader.Item) error) error, bar *progressBar) int {
	log, err := c.logger(e.stderr)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph ingest:", err)
		return exitUsage
	}
	u, err := serverURL(server, "/ingest", nil)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph ingest:", err)
		return exitUsage
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var (
		mu      sync.Mutex
		origins []string // origins of the documents sent and not yet answered
		local   tally    // documents refused here, before sending
	)
	start := time.Now()
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriterSize(pw, 1<<16)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err := read(func(it loader.Item) error {
			if it.Err != nil {
				mu.Lock()
				local.Failed++
				mu.Unlock()
				log.Warn().Str("document", it.Origin).Str("reason", reason(it.Err)).Msg("skipped")
				return nil
			}
			mu.Lock()
			origins = append(origins, it.Origin)
			mu.Unlock()
			d := it.Doc
			return enc.Encode(wireDocument{d.ID, d.Title, d.Date, d.Source, d.URL, d.Text})
		})
		if err == nil {
			err = bw.Flush()
		}
		pw.CloseWithError(err)
	}()

	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, pr)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph ingest:", err)
		return exitUsage
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph ingest:", err)
		return exitUsage
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(e.stderr, "kgraph ingest:", responseError(resp))
		return exitUsage
	}
	var (
		t            tally
		serverFailed int
		sum          *ingestSummary
	)
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var l ingestLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			fmt.Fprintf(e.stderr, "kgraph ingest: unreadable answer line from the server: %v\n", err)
			return exitUsage
		}
		if l.Summary != nil {
			sum = l.Summary
			break
		}
		mu.Lock()
		origin := l.Origin
		if len(origins) > 0 {
			origin, origins = origins[0], origins[1:]
		}
		if l.Status == "FAILED" {
			serverFailed++
		}
		t.Failed = local.Failed + serverFailed
		mu.Unlock()
		switch l.Status {
		case "FAILED":
			log.Warn().Str("document", origin).Str("reason", l.Error).Msg("skipped")
		case string(graph.Unchanged):
			t.Unchanged++
		default:
			t.New++
		}
		if l.Status != "FAILED" {
			t.Entities += l.Entities
			t.Relations += l.Relations
			t.Words += l.Words
			log.Debug().Str("document", l.Document).Str("origin", origin).Str("status", l.Status).Msg("ingested")
		}
		bar.update(t, time.Since(start))
	}
	bar.finish()
	if err := sc.Err(); err != nil && sum == nil {
		fmt.Fprintln(e.stderr, "kgraph ingest: reading the server's answer:", err)
		return exitUsage
	}
	if sum == nil {
		fmt.Fprintln(e.stderr, "kgraph ingest: the server's answer ended without a summary: some documents may not have been stored")
		return exitUsage
	}
	mu.Lock()
	t = tally{New: sum.New, Unchanged: sum.Unchanged, Failed: sum.Failed + local.Failed,
		Entities: sum.Entities, Relations: sum.Relations, Words: sum.Words, Elapsed: time.Since(start)}
	mu.Unlock()
	var totals *graph.Stats
	if sum.Graph != nil {
		totals = &graph.Stats{Documents: sum.Graph.Documents, Entities: sum.Graph.Entities, Relations: sum.Graph.Relations}
	}
	printSummary(e.stdout, t, totals)
	switch {
	case sum.Error != "":
		log.Error().Str("reason", sum.Error).Msg("ingest stopped")
		return exitUsage
	case t.Failed > 0:
		return exitPartial
	}
	return exitOK
}
