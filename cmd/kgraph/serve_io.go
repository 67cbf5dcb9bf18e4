package main

import (
	"archive/zip"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/store"
)

// DefaultMaxIngestBytes bounds the body of one POST /ingest.
const DefaultMaxIngestBytes = 1 << 30

// exportHandler serves GET /export?format=F[&part=P][&evidence=true|false]:
// the export of one snapshot, streamed as it is written. A format of
// several files without part comes as a zip archive of all of them. An
// error after the first byte aborts the connection, so a client never takes
// a cut export for a whole one.
func exportHandler(db *store.DB, log zerolog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		name := q.Get("format")
		if name == "" {
			name = "json"
		}
		f, ok := findFormat(name)
		if !ok {
			http.Error(w, fmt.Sprintf("unknown format %q; formats: %s", name, strings.Join(formatNames(), ", ")), http.StatusBadRequest)
			return
		}
		evidence := f.evidence
		if v := q.Get("evidence"); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				http.Error(w, "evidence must be true or false", http.StatusBadRequest)
				return
			}
			evidence = b
		}
		part := q.Get("part")
		if part == "" && len(f.files) == 1 {
			part = f.files[0].part
		}
		var fi exportFile
		if part != "" {
			if fi, ok = f.file(part); !ok {
				http.Error(w, fmt.Sprintf("format %s has no part %q; parts: %s", f.name, part, strings.Join(f.parts(), ", ")), http.StatusBadRequest)
				return
			}
		}
		// An export may take longer than the server's write timeout,
		// which is meant for GraphQL requests.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
		exportMemory.enter()
		defer exportMemory.leave()
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		started := &startedWriter{w: w}
		var err error
		if part != "" {
			h.Set("Content-Type", fi.media)
			h.Set("Content-Disposition", `attachment; filename="kgraph-`+fi.name+`"`)
			err = runExportFormat(r.Context(), db, f, streamSink{w: started, name: fi.name}, evidence)
		} else {
			h.Set("Content-Type", "application/zip")
			h.Set("Content-Disposition", `attachment; filename="kgraph-`+f.name+`.zip"`)
			zs := &zipSink{zw: zip.NewWriter(started)}
			err = runExportFormat(r.Context(), db, f, zs, evidence)
			if err == nil {
				err = zs.zw.Close()
			}
		}
		if err != nil {
			if r.Context().Err() == nil {
				log.Error().Err(err).Str("format", f.name).Msg("export")
			}
			if !started.started {
				http.Error(w, "export failed: "+graph.ErrorMessage(err), http.StatusInternalServerError)
				return
			}
			panic(http.ErrAbortHandler)
		}
	})
}

// startedWriter records whether anything was written yet.
type startedWriter struct {
	w       http.ResponseWriter
	started bool
}

func (s *startedWriter) Write(p []byte) (int, error) {
	s.started = true
	return s.w.Write(p)
}

// zipSink writes the files of an export into a zip archive, streamed.
type zipSink struct{ zw *zip.Writer }

func (z *zipSink) file(name string) (io.Writer, error) {
	return z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now()})
}

// ingestLine is one line of the streamed answer of POST /ingest: a
// document's result, or, last, the summary.
type ingestLine struct {
	Origin    string `json:"origin,omitempty"`
	Document  string `json:"document,omitempty"`
	Status    string `json:"status,omitempty"` // NEW, UNCHANGED or FAILED
	Error     string `json:"error,omitempty"`
	Entities  int    `json:"entities,omitempty"`
	Relations int    `json:"relations,omitempty"`
	Words     int    `json:"words,omitempty"`

	Summary *ingestSummary `json:"summary,omitempty"`
}

// ingestSummary is the last line of POST /ingest.
type ingestSummary struct {
	New, Unchanged, Failed int
	Entities, Relations    int // extracted, summed per document
	Words                  int
	Seconds                float64
	Graph                  *struct{ Documents, Entities, Relations int } `json:",omitempty"` // store totals afterwards
	Error                  string                                        `json:",omitempty"` // why the ingest stopped early
}

// ingestHandler serves POST /ingest: the body is JSON Lines (one
// {"id","title","date","source","url","text"} per line) or one text
// document (optional "date YYYY-MM-DD" line, title, body), read as
// 'kgraph ingest -' reads standard input. It needs the mutation token. The
// answer is JSON Lines, one line per document as soon as it is stored or
// refused, then a summary line.
func ingestHandler(p *pipeline, db *store.DB, token string, lim loader.Limits, maxBody int64, log zerolog.Logger, m *metrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if token == "" {
			http.Error(w, "ingest is disabled: start the server with --token or KGRAPH_TOKEN", http.StatusForbidden)
			return
		}
		scheme, got, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		if !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kgraph"`)
			http.Error(w, "POST /ingest needs the header Authorization: Bearer <token>", http.StatusUnauthorized)
			return
		}
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Time{})
		_ = rc.SetWriteDeadline(time.Time{})
		// Answer lines go out while the body is still being read.
		_ = rc.EnableFullDuplex()
		body := http.MaxBytesReader(w, r.Body, maxBody)
		w.Header().Set("Content-Type", "application/x-ndjson")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(http.StatusOK)
		var mu sync.Mutex
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		send := func(v ingestLine) {
			mu.Lock()
			defer mu.Unlock()
			_ = enc.Encode(v)
			_ = rc.Flush()
		}
		read := func(fn func(loader.Item) error) error {
			return loader.Read(r.Context(), []string{"-"}, body, lim, fn)
		}
		t, err := ingestAll(r.Context(), p, db, read, log, lineObserver{send}, m)
		sum := &ingestSummary{New: t.New, Unchanged: t.Unchanged, Failed: t.Failed, Entities: t.Entities,
			Relations: t.Relations, Words: t.Words, Seconds: t.Elapsed.Seconds()}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				sum.Error = fmt.Sprintf("request body is larger than the limit of %d bytes; the documents before it were stored", maxBody)
			} else {
				sum.Error = graph.ErrorMessage(err)
			}
		}
		if st, err := db.Stats(context.WithoutCancel(r.Context())); err == nil {
			sum.Graph = &struct{ Documents, Entities, Relations int }{st.Documents, st.Entities, st.Relations}
		}
		send(ingestLine{Summary: sum})
	})
}

// lineObserver sends every document's outcome as one answer line.
type lineObserver struct{ send func(ingestLine) }

func (l lineObserver) document(o outcome, res graph.IngestResult) {
	if o.err != nil {
		l.send(ingestLine{Origin: o.origin, Document: o.doc.ID, Status: "FAILED", Error: reason(o.err)})
		return
	}
	l.send(ingestLine{Origin: o.origin, Document: res.DocumentID, Status: string(res.Status),
		Entities: res.Entities, Relations: res.Relations, Words: o.words})
}

func (lineObserver) update(tally, time.Duration) {}
