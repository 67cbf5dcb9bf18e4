package schema

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	graphql "github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"

	"github.com/kgraph/kgraph/graph"
)

// codeUnavailable is the extensions.code of a request refused because the
// server is running as many requests as it allows.
const codeUnavailable = "UNAVAILABLE"

// maxMessageBytes bounds an error message sent to a client; messages quote
// client input (ids, cursors, names), which must not come back whole.
const maxMessageBytes = 300

// DefaultCSP is the Content-Security-Policy of every response: scripts,
// styles and connections from the server itself only, no framing (the
// pages take a bearer token), no plugins, no base or form redirection.
const DefaultCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// SecurityHeaders sets the security headers on every response of next:
// DefaultCSP (a handler may replace it with a stricter or page-specific
// policy), X-Frame-Options DENY, X-Content-Type-Options nosniff and
// Referrer-Policy no-referrer.
func SecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", DefaultCSP)
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// inlineScript finds the inline scripts of a page, for their CSP hashes.
var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

// pageCSP is DefaultCSP for an HTML page that also runs its own inline
// scripts (allowed by hash, never 'unsafe-inline') and loads scripts and
// styles from the given origins (with integrity hashes in the page).
func pageCSP(page []byte, origins ...string) string {
	scripts := []string{"'self'"}
	for _, m := range inlineScript.FindAllSubmatch(page, -1) {
		sum := sha256.Sum256(m[1])
		scripts = append(scripts, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	scripts = append(scripts, origins...)
	from := strings.Join(origins, " ")
	return "default-src 'self'; script-src " + strings.Join(scripts, " ") +
		"; style-src 'self' 'unsafe-inline' " + from + "; img-src 'self' data:; connect-src 'self'; font-src 'self' data: " + from +
		"; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
}

// acquire takes a request slot, or returns false when all are taken.
func (s *Service) acquire() bool {
	select {
	case s.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

func (s *Service) release() { <-s.slots }

// overloaded is the refusal of a request beyond MaxConcurrent.
func (s *Service) overloaded() *httpError {
	return &httpError{status: http.StatusServiceUnavailable, code: codeUnavailable,
		msg:    fmt.Sprintf("the server is running its limit of %d requests at once: retry shortly", s.opts.MaxConcurrent),
		header: http.Header{"Retry-After": {"1"}}}
}

// checkReadToken enforces ReadToken, when set, on every request: either
// token is accepted, compared in constant time.
func (s *Service) checkReadToken(r *http.Request) *httpError {
	if s.opts.ReadToken == "" {
		return nil
	}
	scheme, token, found := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	if found && strings.EqualFold(scheme, "Bearer") {
		read := subtle.ConstantTimeCompare([]byte(token), []byte(s.opts.ReadToken))
		write := 0
		if s.opts.Token != "" {
			write = subtle.ConstantTimeCompare([]byte(token), []byte(s.opts.Token))
		}
		if read|write == 1 {
			return nil
		}
	}
	return &httpError{status: http.StatusUnauthorized, code: graph.EUNAUTHORIZED,
		msg:    "this server requires a token for reads: send Authorization: Bearer <token>",
		header: http.Header{"WWW-Authenticate": {`Bearer realm="kgraph"`}}}
}

// execOnTime runs the request and returns its response by the deadline of
// ctx at the latest: resolvers that have not noticed the deadline yet go
// on in the background (holding the request's slot, released by done),
// while the client gets its timeout answer on time. A request that
// finishes in time has called done (its snapshot and slot released)
// before its response is returned, so nothing it held outlives the
// answer.
func (s *Service) execOnTime(ctx context.Context, req Request, done func()) *graphql.Response {
	out := make(chan *graphql.Response, 1)
	execWorkers.run(func() {
		resp := func() (r *graphql.Response) {
			defer func() {
				if v := recover(); v != nil {
					s.report(ctx, &panicError{v})
					r = &graphql.Response{Errors: []*gqlerrors.QueryError{{Message: "internal error", Extensions: map[string]any{"code": graph.EINTERNAL}}}}
				}
			}()
			return s.exec(ctx, req)
		}()
		done()
		out <- resp
	})
	select {
	case r := <-out:
		return r
	case <-ctx.Done():
		return &graphql.Response{Errors: []*gqlerrors.QueryError{timeoutError(s.opts.Timeout, ctx.Err())}}
	}
}

// capResponse replaces data larger than MaxResponseBytes with an error
// naming the limit.
func (s *Service) capResponse(resp *graphql.Response) {
	if len(resp.Data) <= s.opts.MaxResponseBytes {
		return
	}
	n := len(resp.Data)
	resp.Data = nil
	resp.Errors = append(resp.Errors, requestError(graph.EINVALID,
		"the response is %d bytes, above the limit of %d bytes (max response bytes): ask for fewer items or slices of long texts", n, s.opts.MaxResponseBytes))
}

// capMessages cuts error messages to maxMessageBytes.
func capMessages(errs []*gqlerrors.QueryError) {
	for _, e := range errs {
		if e != nil && len(e.Message) > maxMessageBytes {
			cut := maxMessageBytes
			for cut > 0 && e.Message[cut]&0xC0 == 0x80 {
				cut--
			}
			e.Message = e.Message[:cut] + "…"
		}
	}
}

// Server limits that SetServerLimits applies.
const (
	DefaultReadHeaderTimeout = 5 * time.Second
	DefaultIdleTimeout       = 60 * time.Second
	DefaultMaxHeaderBytes    = 16 << 10
)

// SetServerLimits gives srv the timeouts that keep slow clients from
// holding connections: headers within DefaultReadHeaderTimeout, the whole
// request (a body of up to a few MiB) within timeout, the response written
// within timeout plus a margin (the handler answers by timeout), idle
// keep-alive connections closed after DefaultIdleTimeout, and headers of
// at most DefaultMaxHeaderBytes (431 beyond).
func SetServerLimits(srv *http.Server, timeout time.Duration) {
	srv.ReadHeaderTimeout = DefaultReadHeaderTimeout
	srv.ReadTimeout = timeout + DefaultReadHeaderTimeout
	srv.WriteTimeout = timeout + 5*time.Second
	srv.IdleTimeout = DefaultIdleTimeout
	srv.MaxHeaderBytes = DefaultMaxHeaderBytes
}
