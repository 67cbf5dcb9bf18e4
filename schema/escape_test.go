package schema_test

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// TestStringEscapes: a string graphql-go's decoder refuses (an octal
// escape above \377, a UTF-16 surrogate, a \U beyond U+10FFFF) is a 400
// syntax error naming its place, whether it is a description, an argument
// or a default value; escapes it reads, block strings and comments are
// served as before.
func TestStringEscapes(t *testing.T) {
	e := newEnv(t, schema.Options{})
	refused := []struct{ name, query, at string }{
		{"octal description", `"\700" { stats { documents } }`, "line 1, column 1"},
		{"surrogate pair argument", `{ search(query: "\uD83D\uDE00", first: 1) { nodes { id } } }`, "line 1, column 17"},
		{"code point beyond Unicode", "query Q {\n  search(query: \"ab \\U00110000\") { nodes { id } }\n}", "line 2, column 17"},
		{"variable default", `query($q: String = "\777") { search(query: $q) { nodes { id } } }`, "line 1, column 20"},
		{"after a comment line", "# \"\\700\" is fine here\n{ search(query: \"é\\400\") { nodes { id } } }", "line 2, column 17"},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			r := post(t, e.url, gql{Query: c.query})
			if r.status != 400 || r.code() != "INVALID" || !strings.Contains(r.message(), "escape") || !strings.Contains(r.message(), c.at) {
				t.Errorf("got status %d, body %s; want 400 INVALID naming the escape at %s", r.status, r.raw, c.at)
			}
		})
	}
	served := []struct{ name, query string }{
		{"escapes graphql-go reads", `{ search(query: "caf\u00e9 \"x\" a\\b\n", first: 1) { nodes { id } } }`},
		{"block string", `{ search(query: """a \700 b \""" c""", first: 1) { nodes { id } } }`},
		{"escape in a comment", "# \"\\700\"\n{ stats { documents } }"},
	}
	for _, c := range served {
		t.Run(c.name, func(t *testing.T) {
			if r := post(t, e.url, gql{Query: c.query}); r.status != 200 || len(r.body.Errors) > 0 {
				t.Errorf("got status %d, body %s; want 200 without errors", r.status, r.raw)
			}
		})
	}
	// An unterminated string is graphql-go's syntax error, not an escape.
	if r := post(t, e.url, gql{Query: `{ search(query: "abc\"`}); r.status != 400 || strings.Contains(r.message(), "cannot read") {
		t.Errorf("unterminated string: status %d, body %s; want graphql-go's 400", r.status, r.raw)
	}
	// Exec (the command line's path) refuses the same text.
	resp := e.svc.Exec(t.Context(), schema.Request{Query: `"\700" { stats { documents } }`})
	if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "INVALID" || !strings.Contains(resp.Errors[0].Message, "escape") {
		t.Errorf("Exec: %+v, want one INVALID escape error", resp.Errors)
	}
}
