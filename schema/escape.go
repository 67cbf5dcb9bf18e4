package schema

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// graphql-go reads a quoted string with text/scanner, which lets Go's
// escapes through, and decodes it with strconv.Unquote, which refuses some
// of those: an octal escape above \377, a \U beyond U+10FFFF, a UTF-16
// surrogate (\uD800 to \uDFFF, and so the two halves of a pair). It then
// panics: in its parser when the string is a description (the request's
// connection dropped without an answer), while the field runs when it is
// an argument (an internal error). The handler and Exec refuse such a
// text with a syntax error before graphql-go sees it.

// escapeError returns the message for the first quoted string of src
// (outside comments and block strings) that strconv.Unquote cannot
// decode, or "" when there is none. An unterminated string is left to
// graphql-go, which reports it.
func escapeError(src string) string {
	if !strings.Contains(src, `\`) {
		return ""
	}
	lx := lexer{src: src}
	for {
		lx.skipIgnored()
		if lx.pos >= len(src) {
			return ""
		}
		if src[lx.pos] != '"' {
			lx.next()
			continue
		}
		start := lx.pos
		block := strings.HasPrefix(src[start:], `"""`)
		lx.skipString()
		tok := src[start:lx.pos]
		if block || !closed(tok) || !strings.Contains(tok, `\`) {
			continue
		}
		if _, err := strconv.Unquote(tok); err != nil {
			line, col := position(src, start)
			return fmt.Sprintf(`syntax error: a string at line %d, column %d has an escape this server cannot read: `+
				`use \" \\ \b \f \n \r \t or \uXXXX outside the surrogates D800-DFFF, and send other characters as they are (UTF-8)`,
				line, col)
		}
	}
}

// closed reports whether the quoted string tok ends with a quote of its
// own, not an escaped one ("a\" is unterminated).
func closed(tok string) bool {
	for i := 1; i < len(tok); i++ {
		switch tok[i] {
		case '\\':
			i++
		case '"':
			return i == len(tok)-1
		}
	}
	return false
}

// position returns the 1-based line and column (in characters) of byte
// offset off of src; "\r\n", "\n" and "\r" end a line, as in GraphQL.
func position(src string, off int) (line, col int) {
	line, lineStart := 1, 0
	for i := 0; i < off; i++ {
		switch src[i] {
		case '\n':
			line, lineStart = line+1, i+1
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			line, lineStart = line+1, i+1
		}
	}
	return line, utf8.RuneCountInString(src[lineStart:off]) + 1
}
