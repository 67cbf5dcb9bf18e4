package schema

import (
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
)

// ETag wraps a read-only GET endpoint (GraphQL queries over GET, exports)
// with validators made from the store's version: the ETag of an answer is
// the version together with a hash of what selects the representation
// (the path and query string, Accept), so it changes whenever the graph
// does. A GET or HEAD whose If-None-Match holds the current ETag gets 304
// Not Modified without running anything. The answers become "no-cache"
// (a client may keep them but must revalidate) instead of "no-store".
//
// The version is read before the request runs; a write that lands in
// between makes the answer newer than its ETag says, which only costs the
// client a full answer on its next request, never a stale one.
func ETag(version func() uint64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		h := fnv.New64a()
		h.Write([]byte(r.URL.Path))
		h.Write([]byte{0})
		h.Write([]byte(r.URL.RawQuery))
		h.Write([]byte{0})
		h.Write([]byte(strings.Join(r.Header.Values("Accept"), ",")))
		tag := `W/"` + strconv.FormatUint(version(), 36) + "-" + strconv.FormatUint(h.Sum64(), 36) + `"`
		w.Header().Set("ETag", tag)
		w.Header().Set("Cache-Control", "no-cache")
		if etagMatch(r.Header.Values("If-None-Match"), tag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		next.ServeHTTP(&etagWriter{ResponseWriter: w}, r)
	})
}

// etagWriter drops the validators from answers other than 200 OK: an
// error is not a representation to revalidate.
type etagWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *etagWriter) WriteHeader(code int) {
	if !w.wrote && code != http.StatusOK {
		w.Header().Del("ETag")
		w.Header().Set("Cache-Control", "no-store")
	}
	w.wrote = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *etagWriter) Write(p []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection (flushes,
// deadlines).
func (w *etagWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// etagMatch is the weak comparison of If-None-Match (RFC 9110, 13.1.2).
func etagMatch(header []string, tag string) bool {
	want := strings.TrimPrefix(tag, "W/")
	for _, h := range header {
		for c := range strings.SplitSeq(h, ",") {
			c = strings.TrimSpace(c)
			if c == "*" || strings.TrimPrefix(c, "W/") == want {
				return true
			}
		}
	}
	return false
}

// RequireRead wraps a read endpoint other than GraphQL (exports) with the
// read token check of Options.ReadToken: without a valid token (the read
// or the mutation token) it answers 401.
func (s *Service) RequireRead(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if he := s.checkReadToken(r); he != nil {
			for k, v := range he.header {
				w.Header()[k] = v
			}
			http.Error(w, he.msg, he.status)
			return
		}
		next.ServeHTTP(w, r)
	})
}
