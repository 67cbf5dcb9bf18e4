package graph

import (
	"errors"
	"fmt"
)

// Error codes. They are deliberately few: each maps to one HTTP status and one
// GraphQL extensions.code at the edge.
const (
	ENOTFOUND     = "NOT_FOUND"    // the named thing does not exist
	EINVALID      = "INVALID"      // the input is malformed or out of bounds
	ECONFLICT     = "CONFLICT"     // the request contradicts the stored state
	EUNAUTHORIZED = "UNAUTHORIZED" // a mutation without a valid token
	EINTERNAL     = "INTERNAL"     // anything else; details stay in the logs
)

// Error is an application error with a machine-readable code and a message
// that is safe to show to a client.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of err: the message of an
// *Error, or a generic text for anything else, so internals never leak.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "internal error"
}
