package schema

import "testing"

// FuzzOperations scans arbitrary text with the operation scanner and the
// cost parser: they must end, never panic, and the scanner must never
// call a document without a mutation keyword a mutation.
//
//	go test -run=^$ -fuzz=FuzzOperations -fuzztime=30s ./schema
func FuzzOperations(f *testing.F) {
	for _, s := range []string{
		`{ stats { documents } }`,
		`query Q($id: ID!) { entity(id: $id) { name } } mutation M { deleteDocument(id: "x") }`,
		`mutation { ingestDocument(input: {text: """block "" string"""}) { status } }`,
		`fragment F on Entity { id } { entities { nodes { ...F ... on Entity { name } } } }`,
		`# comment` + "\n" + `{ a: search(query: "\"esc\"", first: 5) @skip(if: false) { nodes { id } } }`,
		"\ufeff{ stats { documents } }",
		`{ subgraph(ids: ["a", "b"], hops: -1, limit: 1e9) { nodes { id } } }`,
		`{{{{((([[[`,
		`"unterminated`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, op := range operations(src) {
			if op.typ == "mutation" && !containsWord(src, "mutation") {
				t.Fatalf("a mutation found in text without the keyword: %q", src)
			}
		}
		parseDocument(src)
	})
}

// containsWord reports whether word occurs in s outside strings and
// comments, as a whole name token.
func containsWord(s, word string) bool {
	lx := lexer{src: s}
	for tok := lx.next(); tok != ""; tok = lx.next() {
		if tok == word {
			return true
		}
	}
	return false
}
