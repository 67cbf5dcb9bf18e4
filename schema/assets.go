package schema

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// webDist holds the browser pages built by schema/web (GraphiQL and the
// explorer, bundled with esbuild; see schema/web/build.mjs). The built files
// are committed, so the binary needs neither npm nor the network.
//
//go:embed web/dist
var webDist embed.FS

// assetPrefix is the URL path under which the built files are served.
const assetPrefix = "/assets/"

// webAsset is one embedded file with its precomputed validator.
type webAsset struct {
	body  []byte
	ctype string
	etag  string
}

var (
	webAssets = loadWebAssets()
	webPages  = template.Must(template.New("").ParseFS(webDist, "web/dist/*.html"))
)

func loadWebAssets() map[string]webAsset {
	sub, err := fs.Sub(webDist, "web/dist")
	if err != nil {
		panic(err)
	}
	out := map[string]webAsset{}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".js":
			ct = "text/javascript; charset=utf-8"
		case ".css":
			ct = "text/css; charset=utf-8"
		case ".txt":
			ct = "text/plain; charset=utf-8"
		case ".ttf":
			ct = "font/ttf"
		}
		if ct == "" {
			ct = "application/octet-stream"
		}
		out[p] = webAsset{body: b, ctype: ct, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return out
}

// graphiqlExamples are GraphiQL's saved tabs and example picker: the
// landing page's examples and those of the README.
var graphiqlExamples = append(append([]example{}, examples...),
	example{
		Title: "An entity by any of its names, with its facts",
		Note:  "Case-insensitive lookup by canonical name or alias; each relation's attributes and the byte offsets of its evidence.",
		Query: `query ByName($name: String!) {
  entityByName(name: $name) {
    id name type aliases
    relations(first: 10) {
      totalCount
      edges { node {
        type source { name } target { name }
        title: attribute(key: "title")
        confidence
        evidence(first: 2) { sentence start end document { title date } }
      } }
    }
  }
}`,
		Variables: `{"name": "united nations"}`,
	},
	example{
		Title: "The shortest path between two entities",
		Note:  "Put two entity ids (from search) into the variables; the path ignores relation direction.",
		Query: `query Path($from: ID!, $to: ID!) {
  shortestPath(from: $from, to: $to, maxHops: 4) {
    length
    nodes { id name type }
    edges { type sourceId targetId evidence(first: 1) { sentence } }
  }
}`,
		Variables: `{"from": "ID1", "to": "ID2"}`,
	},
)

// pageConfig is the JSON the pages read from their kgraph-config element.
type pageConfig struct {
	Endpoint string          `json:"endpoint"`
	Assets   string          `json:"assets"`
	Examples []exampleConfig `json:"examples,omitempty"`
}

type exampleConfig struct {
	Title     string `json:"title"`
	Note      string `json:"note"`
	Query     string `json:"query"`
	Variables string `json:"variables,omitempty"`
}

// registerWeb mounts GraphiQL at /graphiql, the explorer at /explore (and
// its document view at /explore/document) and the built files at /assets/.
func (s *Service) registerWeb(mux *http.ServeMux) {
	mux.Handle("GET /graphiql", SecurityHeaders(s.servePage("graphiql.html", true)))
	mux.Handle("GET /explore", SecurityHeaders(s.servePage("explore.html", false)))
	mux.Handle("GET /explore/document", SecurityHeaders(s.servePage("explore.html", false)))
	mux.Handle("GET "+assetPrefix+"{file...}", SecurityHeaders(http.HandlerFunc(serveAsset)))
}

// servePage renders one of the built HTML pages with its configuration.
func (s *Service) servePage(name string, withExamples bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		cfg := pageConfig{Endpoint: s.opts.Endpoint, Assets: assetPrefix}
		if withExamples {
			for _, e := range graphiqlExamples {
				cfg.Examples = append(cfg.Examples, exampleConfig(e))
			}
		}
		var buf bytes.Buffer
		err := webPages.ExecuteTemplate(&buf, name, map[string]any{
			"Assets":   assetPrefix,
			"Endpoint": s.opts.Endpoint,
			"Config":   cfg,
		})
		if err != nil {
			s.report(r.Context(), err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(buf.Bytes())
	}
}

// serveAsset serves one embedded file. Files are revalidated with their
// content hash (ETag), so a new binary's files replace cached ones.
func serveAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := webAssets[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", a.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	// ServeContent answers If-None-Match and Range from the ETag.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}
