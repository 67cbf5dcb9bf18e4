package schema

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// CORSOptions configure CORS, which lets pages of other origins (a
// dashboard, a notebook's web front end) call the server from a browser.
type CORSOptions struct {
	// Origins are the allowed origins, each "scheme://host[:port]" as a
	// browser sends it in the Origin header, or "*" for any origin. Empty:
	// CORS is off and browsers keep cross-origin pages out.
	Origins []string
	// Credentials lets browsers send cookies and Authorization with
	// cross-origin requests (Access-Control-Allow-Credentials). Off by
	// default; it cannot be combined with "*".
	Credentials bool
	// MaxAge is how long, in seconds, a browser may cache a preflight
	// answer (default 600).
	MaxAge int
}

// corsAllowHeaders are the request headers a cross-origin request may
// carry: those of GraphQL over HTTP, bearer tokens and revalidation.
const corsAllowHeaders = "Accept, Authorization, Content-Type, If-None-Match"

// corsExposeHeaders are the response headers scripts of other origins may
// read.
const corsExposeHeaders = "ETag"

// CORS wraps next with CORS: a request whose Origin is allowed gets
// Access-Control-Allow-Origin (and Vary: Origin); a preflight (OPTIONS with
// Access-Control-Request-Method) is answered here with 204, with the
// allowed methods and headers when the origin is allowed and without any
// CORS header otherwise, so the browser refuses the request. Requests from
// other origins otherwise pass unchanged: without the header, the browser
// does not let the page read the answer.
func CORS(o CORSOptions, next http.Handler) http.Handler {
	if len(o.Origins) == 0 {
		return next
	}
	any := slices.Contains(o.Origins, "*")
	if o.MaxAge == 0 {
		o.MaxAge = 600
	}
	allowed := func(origin string) bool {
		return origin != "" && (any || slices.ContainsFunc(o.Origins, func(a string) bool { return strings.EqualFold(a, origin) }))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		h := w.Header()
		h.Add("Vary", "Origin")
		ok := allowed(origin)
		if ok {
			if any && !o.Credentials {
				h.Set("Access-Control-Allow-Origin", "*")
			} else {
				h.Set("Access-Control-Allow-Origin", origin)
			}
			if o.Credentials {
				h.Set("Access-Control-Allow-Credentials", "true")
			}
		}
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Add("Vary", "Access-Control-Request-Method")
			h.Add("Vary", "Access-Control-Request-Headers")
			if ok {
				h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				h.Set("Access-Control-Allow-Headers", corsAllowHeaders)
				h.Set("Access-Control-Max-Age", strconv.Itoa(o.MaxAge))
			}
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if ok {
			h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
		}
		next.ServeHTTP(w, r)
	})
}
