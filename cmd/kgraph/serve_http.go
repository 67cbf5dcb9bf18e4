package main

import (
	"flag"
	"net/http"
	"strings"

	"github.com/klauspost/compress/gzhttp"
	"github.com/rs/zerolog"

	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/store"
)

// httpExtras are the serve flags and handlers for data in and out and for
// browsers: /export, /ingest, CORS and compression.
type httpExtras struct {
	corsOrigins     string
	corsCredentials bool
	maxIngestBytes  int64
}

func (h *httpExtras) register(fs *flag.FlagSet, e env) {
	fs.StringVar(&h.corsOrigins, "cors-origin", envOr(e, "KGRAPH_CORS_ORIGIN", ""),
		"origins whose pages may call the server from a browser, comma-separated, or * for any (env KGRAPH_CORS_ORIGIN; empty: CORS off)")
	fs.BoolVar(&h.corsCredentials, "cors-credentials", false, "let cross-origin requests carry cookies and Authorization (never with --cors-origin '*')")
	fs.Int64Var(&h.maxIngestBytes, "max-ingest-bytes", DefaultMaxIngestBytes, "largest body of one POST /ingest")
}

// mount adds GET /export (ETag from the store's version) and POST /ingest.
func (h *httpExtras) mount(mux *http.ServeMux, svc *schema.Service, p *pipeline, db *store.DB, token string, lim loader.Limits, log zerolog.Logger, m *metrics) {
	mux.Handle("GET /export", svc.RequireRead(schema.ETag(db.Version, exportHandler(db, log))))
	mux.Handle("POST /ingest", ingestHandler(p, db, token, lim, h.maxIngestBytes, log, m))
}

// wrap adds CORS and gzip (for clients that accept it; not on the
// streamed per-document answers of /ingest, whose lines must go out as
// they are written) around next.
func (h *httpExtras) wrap(next http.Handler) http.Handler {
	gz := gzhttp.GzipHandler(next)
	compressed := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ingest" {
			next.ServeHTTP(w, r)
			return
		}
		gz.ServeHTTP(w, r)
	})
	var origins []string
	for o := range strings.SplitSeq(h.corsOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	return schema.CORS(schema.CORSOptions{Origins: origins, Credentials: h.corsCredentials && !contains(origins, "*")}, compressed)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
