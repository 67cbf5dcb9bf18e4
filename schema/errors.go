package schema

import (
	"context"
	"errors"
	"fmt"
	"time"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"

	"github.com/kgraph/kgraph/graph"
)

// codeTimeout is the extensions.code of a request that ran out of time. It
// is not a graph code: no store or loader call produces it, only the edge.
const codeTimeout = "TIMEOUT"

// resolverError is what resolvers return to graphql-go: a client-safe
// message and a code that graphql-go copies into extensions.code.
type resolverError struct {
	code    string
	message string
}

func (e *resolverError) Error() string { return e.message }

// Extensions makes graphql-go put the code into the error's extensions.
func (e *resolverError) Extensions() map[string]any { return map[string]any{"code": e.code} }

// invalidf is an INVALID resolver error about the arguments.
func invalidf(format string, args ...any) error {
	return &resolverError{code: graph.EINVALID, message: fmt.Sprintf(format, args...)}
}

// fail turns any error from a store or an injected function into a
// resolver error: *graph.Error keeps its code and message, anything else
// becomes "internal error" and is reported, never shown.
func (s *Service) fail(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var re *resolverError
	if errors.As(err, &re) {
		return re
	}
	if ctx.Err() != nil {
		// The deadline passed or the client went away: the request-level
		// timeout error says so once, instead of one internal error per field.
		return &resolverError{code: codeTimeout, message: "request cancelled or timed out"}
	}
	code := graph.ErrorCode(err)
	if code == graph.EINTERNAL {
		s.report(ctx, err)
	}
	return &resolverError{code: code, message: graph.ErrorMessage(err)}
}

// report passes an internal error to Options.ReportError.
func (s *Service) report(ctx context.Context, err error) {
	if s.opts.ReportError != nil {
		s.opts.ReportError(ctx, err)
	}
}

// panicError carries a recovered resolver panic to ReportError.
type panicError struct{ value any }

func (e *panicError) Error() string { return fmt.Sprintf("schema: resolver panic: %v", e.value) }

// timeoutError is the single error of a request whose context ended.
func timeoutError(limit time.Duration, err error) *gqlerrors.QueryError {
	msg := fmt.Sprintf("request timed out: the limit is %s", limit)
	if errors.Is(err, context.Canceled) {
		msg = "request cancelled"
	}
	return &gqlerrors.QueryError{Message: msg, Extensions: map[string]any{"code": codeTimeout}}
}

// requestError is a GraphQL-shaped error about the request itself (its
// JSON, parameters or headers), sent before anything executes.
func requestError(code, format string, args ...any) *gqlerrors.QueryError {
	return &gqlerrors.QueryError{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": code}}
}
