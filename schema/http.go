package schema

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"

	"github.com/kgraph/kgraph/graph"
)

// Response media types.
const (
	mediaGraphQL = "application/graphql-response+json"
	mediaJSON    = "application/json"
)

// httpError is a request the handler refuses before running it.
type httpError struct {
	status int
	code   string
	msg    string
	header http.Header // extra response headers (Allow, WWW-Authenticate)
}

func badRequest(format string, args ...any) *httpError {
	return &httpError{status: http.StatusBadRequest, code: graph.EINVALID, msg: fmt.Sprintf(format, args...)}
}

// responseBody is the JSON body of every /graphql response.
type responseBody struct {
	Errors []*gqlerrors.QueryError `json:"errors,omitempty"`
	Data   json.RawMessage         `json:"data,omitempty"`
}

// serveGraphQL is the GraphQL-over-HTTP handler. The status codes are the
// package documentation's table.
func (s *Service) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	var info RequestInfo
	defer func() {
		if s.opts.Observe != nil {
			info.Duration = time.Since(start)
			s.opts.Observe(info)
		}
	}()

	media, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		s.refuse(w, &info, mediaJSON, &httpError{status: http.StatusNotAcceptable, code: graph.EINVALID,
			msg: "none of the media types in Accept can be served: accept " + mediaGraphQL + " or " + mediaJSON})
		return
	}
	if he := s.checkReadToken(r); he != nil {
		s.refuse(w, &info, media, he)
		return
	}
	var (
		req Request
		he  *httpError
	)
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		req, he = requestFromQuery(r.URL.Query())
	case http.MethodPost:
		req, he = s.requestFromBody(w, r)
	default:
		he = &httpError{status: http.StatusMethodNotAllowed, code: graph.EINVALID,
			msg:    "method " + r.Method + " is not allowed: use POST, or GET for queries",
			header: http.Header{"Allow": {"GET, POST"}}}
	}
	if he != nil {
		s.refuse(w, &info, media, he)
		return
	}
	if qe, status := s.resolvePersisted(&req); qe != nil {
		s.respond(w, &info, media, status, responseBody{Errors: []*gqlerrors.QueryError{qe}})
		return
	}

	// A query over the length limit is refused before it is even scanned.
	if len(req.Query) > s.opts.MaxQueryLength {
		s.respond(w, &info, media, requestErrorStatus(media), responseBody{Errors: []*gqlerrors.QueryError{
			requestError(graph.EINVALID, "query is %d bytes long; the limit is %d bytes", len(req.Query), s.opts.MaxQueryLength)}})
		return
	}
	op, known := pick(s.operationsOf(req.Query), req.OperationName)
	if known {
		info.Type, info.Operation = op.typ, op.name
		if s.rootFields[op.typ][op.field] {
			info.Field = op.field
		}
		if info.Operation == "" {
			info.Operation = info.Field
		}
	}
	authorized := false
	if known && op.typ == "mutation" {
		if r.Method != http.MethodPost {
			s.refuse(w, &info, media, &httpError{status: http.StatusMethodNotAllowed, code: graph.EINVALID,
				msg:    "mutations must be sent with POST",
				header: http.Header{"Allow": {"POST"}}})
			return
		}
		if he := s.checkToken(r); he != nil {
			s.refuse(w, &info, media, he)
			return
		}
		authorized = true
	}

	if !s.acquire() {
		s.refuse(w, &info, media, s.overloaded())
		return
	}
	if le := s.checkCost(req); le != nil {
		s.release()
		s.respond(w, &info, media, requestErrorStatus(media), responseBody{Errors: []*gqlerrors.QueryError{requestError(graph.EINVALID, "%s", le.msg)}})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	ctx = withRequestState(ctx, s, authorized, known && op.typ == "query")
	resp := s.execOnTime(ctx, req, func() { finishRequest(ctx); s.release() })
	s.capResponse(resp)
	status := http.StatusOK
	switch {
	case ctx.Err() != nil:
		status = http.StatusGatewayTimeout
	case len(resp.Data) == 0:
		// Nothing ran: the document did not parse or validate, the
		// operation could not be chosen, or the variables did not fit. What
		// the scan guessed about the operation is not to be trusted.
		status = requestErrorStatus(media)
		info.Operation, info.Type, info.Field = "", "", ""
	}
	s.respond(w, &info, media, status, responseBody{Errors: resp.Errors, Data: resp.Data})
}

// requestErrorStatus is the status of a request that failed before
// execution (parse, validation, operation choice, variables): 400 with
// application/graphql-response+json, whose status codes carry that
// meaning, and 200 with application/json, which the specification keeps
// for the errors of well-formed requests.
func requestErrorStatus(media string) int {
	if media == mediaGraphQL {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

// checkToken checks the bearer token of a mutation.
func (s *Service) checkToken(r *http.Request) *httpError {
	if s.opts.Token == "" {
		return &httpError{status: http.StatusForbidden, code: graph.EUNAUTHORIZED,
			msg: "mutations are disabled: start the server with --token or KGRAPH_TOKEN"}
	}
	unauthorized := func(msg string) *httpError {
		return &httpError{status: http.StatusUnauthorized, code: graph.EUNAUTHORIZED, msg: msg,
			header: http.Header{"WWW-Authenticate": {`Bearer realm="kgraph"`}}}
	}
	h := r.Header.Get("Authorization")
	scheme, token, found := strings.Cut(h, " ")
	if h == "" || !found || !strings.EqualFold(scheme, "Bearer") {
		return unauthorized("mutations need the header Authorization: Bearer <token>")
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), []byte(s.opts.Token)) != 1 {
		return unauthorized("the bearer token is not valid")
	}
	return nil
}

// requestFromQuery reads a GET request's parameters.
func requestFromQuery(q url.Values) (Request, *httpError) {
	var req Request
	req.Query = q.Get("query")
	req.OperationName = q.Get("operationName")
	if v := q.Get("variables"); v != "" {
		if err := decodeObject([]byte(v), &req.Variables); err != nil {
			return req, badRequest("variables must be a JSON object: %v", err)
		}
	}
	if v := q.Get("extensions"); v != "" {
		if err := decodeObject([]byte(v), &req.Extensions); err != nil {
			return req, badRequest("extensions must be a JSON object: %v", err)
		}
	}
	if _, _, persisted, _ := persistedHash(req.Extensions); !q.Has("query") && !persisted {
		return req, badRequest("missing query parameter: send ?query={...}")
	}
	return req, nil
}

// requestFromBody reads a POST request's JSON body.
func (s *Service) requestFromBody(w http.ResponseWriter, r *http.Request) (Request, *httpError) {
	var req Request
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return req, &httpError{status: http.StatusUnsupportedMediaType, code: graph.EINVALID,
			msg: "missing Content-Type: send the request as application/json"}
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != mediaJSON {
		return req, &httpError{status: http.StatusUnsupportedMediaType, code: graph.EINVALID,
			msg: "unsupported Content-Type " + strconv.Quote(ct) + ": send the request as application/json"}
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return req, &httpError{status: http.StatusUnsupportedMediaType, code: graph.EINVALID,
			msg: "unsupported charset " + strconv.Quote(cs) + ": send UTF-8"}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return req, &httpError{status: http.StatusRequestEntityTooLarge, code: graph.EINVALID,
				msg: fmt.Sprintf("request body is larger than the limit of %d bytes", s.opts.MaxBodyBytes)}
		}
		return req, badRequest("cannot read the request body: %v", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return req, badRequest(`request body is empty: send a JSON object such as {"query": "{ stats { entities } }"}`)
	}
	// One pass into the request's fields (a map of raw values decoded
	// field by field again cost a twentieth of a small query's CPU).
	var in struct {
		Query         *string        `json:"query"`
		OperationName *string        `json:"operationName"`
		Variables     map[string]any `json:"variables"`
		Extensions    map[string]any `json:"extensions"`
	}
	if err := decodeObject(body, &in); err != nil {
		if te := (*json.UnmarshalTypeError)(nil); errors.As(err, &te) {
			switch te.Field {
			case "query":
				return req, badRequest("query must be a string")
			case "operationName":
				return req, badRequest("operationName must be a string or null")
			case "variables":
				return req, badRequest("variables must be a JSON object or null")
			case "extensions":
				return req, badRequest("extensions must be a JSON object or null")
			}
		}
		return req, badRequest("request body is not a JSON object: %v", err)
	}
	req.Variables, req.Extensions = in.Variables, in.Extensions
	if _, _, persisted, _ := persistedHash(req.Extensions); in.Query == nil && !persisted {
		return req, badRequest(`missing query: the body must be a JSON object with a "query" string`)
	}
	if in.Query != nil {
		req.Query = *in.Query
	}
	if in.OperationName != nil {
		req.OperationName = *in.OperationName
	}
	return req, nil
}

// decodeObject unmarshals data, which must be a JSON object, into v.
func decodeObject(data []byte, v any) error {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return errors.New("not a JSON object")
	}
	return json.Unmarshal(data, v) // refuses data after the object too
}

// refuse answers a request the handler will not run.
func (s *Service) refuse(w http.ResponseWriter, info *RequestInfo, media string, he *httpError) {
	for k, v := range he.header {
		w.Header()[k] = v
	}
	s.respond(w, info, media, he.status, responseBody{Errors: []*gqlerrors.QueryError{requestError(he.code, "%s", he.msg)}})
}

// respond writes a JSON response and records it in info.
func (s *Service) respond(w http.ResponseWriter, info *RequestInfo, media string, status int, body responseBody) {
	info.Status = status
	info.Errors = len(body.Errors)
	capMessages(body.Errors)
	out, err := encodeBody(body)
	if err != nil {
		s.report(context.Background(), err)
		status = http.StatusInternalServerError
		info.Status = status
		out = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", media+"; charset=utf-8")
	if h.Get("Cache-Control") == "" || status != http.StatusOK {
		h.Set("Cache-Control", "no-store") // GET answers with an ETag are "no-cache" instead
	}
	h.Add("Vary", "Accept")
	h.Set("X-Content-Type-Options", "nosniff")
	// A known length spares chunked framing and the extra write of its
	// last chunk (a compressing wrapper drops the header when it
	// compresses).
	h.Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// encodeBody writes {"errors":[...],"data":...} and a newline. The data
// is graphql-go's output, compact JSON already: it is copied as it is
// instead of going through encoding/json, which would scan and compact
// it again (a subgraph answer is tens of KB).
func encodeBody(body responseBody) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(body.Data) + 64)
	buf.WriteByte('{')
	if len(body.Errors) > 0 {
		buf.WriteString(`"errors":`)
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false) // the body is JSON, never HTML: keep "<token>" readable
		if err := enc.Encode(body.Errors); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
	}
	if len(body.Data) > 0 {
		if len(body.Errors) > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(`"data":`)
		buf.Write(body.Data)
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}

// negotiate picks the response media type from the Accept headers:
// application/graphql-response+json when there is no Accept header or it
// allows any type (*/*, application/*), application/json when that is
// preferred; ok is false when the client accepts neither.
func negotiate(accept []string) (media string, ok bool) {
	var ranges []string
	for _, a := range accept {
		for r := range strings.SplitSeq(a, ",") {
			if r = strings.TrimSpace(r); r != "" {
				ranges = append(ranges, r)
			}
		}
	}
	if len(ranges) == 0 {
		return mediaGraphQL, true
	}
	// For each type we serve: the q of the most specific range that
	// matches it (RFC 9110, 12.5.1), and that range's specificity.
	type score struct {
		q    float64
		spec int
	}
	var scores [2]score
	for i := range scores {
		scores[i].spec = -1
	}
	for _, r := range ranges {
		mt, params, err := mime.ParseMediaType(r)
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				continue
			}
		}
		if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
			continue
		}
		for i, m := range []string{mediaGraphQL, mediaJSON} {
			spec := -1
			switch mt {
			case m:
				spec = 2
			case "application/*":
				spec = 1
			case "*/*":
				spec = 0
			}
			if spec > scores[i].spec {
				scores[i] = score{q, spec}
			}
		}
	}
	g, j := scores[0], scores[1]
	switch {
	case g.q <= 0 && j.q <= 0:
		return "", false
	case j.q > g.q || (j.q == g.q && j.spec > g.spec):
		return mediaJSON, true
	}
	return mediaGraphQL, true
}
