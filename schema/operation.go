package schema

import "strings"

// operation is what the HTTP handler must know about a query before it
// runs it: mutations are refused over GET and need the token.
type operation struct {
	typ   string // "query", "mutation" or "subscription"
	name  string // "" for an anonymous operation
	field string // first root field ("" when it starts with a fragment)
}

// operations lists the operations of a GraphQL document by scanning its
// tokens. It only needs to be right for documents that parse; for anything
// else its answer is a best guess, and graphql-go reports the syntax error
// when the request runs.
func operations(src string) []operation {
	lx := lexer{src: src}
	var ops []operation
	for {
		tok := lx.next()
		switch tok {
		case "":
			return ops
		case "{": // the query shorthand
			ops = append(ops, operation{typ: "query", field: lx.selectionSet()})
		case "query", "mutation", "subscription":
			op := operation{typ: tok}
			tok = lx.next()
			if isName(tok) {
				op.name = tok
				tok = lx.next()
			}
			for tok != "{" && tok != "" { // variables and directives
				if tok == "(" || tok == "[" {
					lx.skipGroup()
				}
				tok = lx.next()
			}
			if tok == "{" {
				op.field = lx.selectionSet()
			}
			ops = append(ops, op)
		default: // fragment definitions and anything else: skip its body
			for tok != "{" && tok != "" {
				tok = lx.next()
			}
			if tok == "{" {
				lx.skipGroup()
			}
		}
	}
}

// pick returns the operation that operationName selects: the named one,
// or the only one when name is "". ok is false when none fits.
func pick(ops []operation, name string) (op operation, ok bool) {
	if name == "" {
		if len(ops) == 1 {
			return ops[0], true
		}
		return op, false
	}
	for _, o := range ops {
		if o.name == name {
			return o, true
		}
	}
	return op, false
}

// selectionSet reads a selection set whose "{" was just read and returns
// its first field's name (the field, not its alias).
func (lx *lexer) selectionSet() string {
	field := ""
	tok := lx.next()
	if isName(tok) {
		field = tok
		if lx.peek() == ":" {
			lx.next()
			if t := lx.next(); isName(t) {
				field = t
			}
		}
	}
	if tok != "}" {
		lx.skipGroup()
	}
	return field
}

// lexer splits GraphQL source into punctuators, names, numbers and
// strings, skipping white space, commas and comments.
type lexer struct {
	src string
	pos int
}

// skipGroup skips tokens until the bracket that closes the one just read,
// nested brackets included.
func (lx *lexer) skipGroup() {
	depth := 1
	for depth > 0 {
		switch lx.next() {
		case "":
			return
		case "{", "(", "[":
			depth++
		case "}", ")", "]":
			depth--
		}
	}
}

// peek returns the next token without consuming it.
func (lx *lexer) peek() string {
	pos := lx.pos
	tok := lx.next()
	lx.pos = pos
	return tok
}

// next returns the next token, or "" at the end. Strings come back as a
// single `"` token, since their content never matters here.
func (lx *lexer) next() string {
	lx.skipIgnored()
	s := lx.src
	if lx.pos >= len(s) {
		return ""
	}
	c := s[lx.pos]
	switch {
	case c == '"':
		lx.skipString()
		return `"`
	case c == '.' && len(s) >= lx.pos+3 && s[lx.pos:lx.pos+3] == "...":
		lx.pos += 3
		return "..."
	case isNameStart(c):
		start := lx.pos
		for lx.pos < len(s) && (isNameStart(s[lx.pos]) || isDigit(s[lx.pos])) {
			lx.pos++
		}
		return s[start:lx.pos]
	case c == '-' || isDigit(c): // a number; its exact form does not matter
		start := lx.pos
		lx.pos++
		for lx.pos < len(s) && (isNameStart(s[lx.pos]) || isDigit(s[lx.pos]) || strings.IndexByte(".+-", s[lx.pos]) >= 0) {
			lx.pos++
		}
		return s[start:lx.pos]
	}
	lx.pos++
	return s[lx.pos-1 : lx.pos]
}

// skipIgnored skips white space, commas, comments and byte order marks.
func (lx *lexer) skipIgnored() {
	s := lx.src
	for lx.pos < len(s) {
		c := s[lx.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',':
			lx.pos++
		case c == '#':
			for lx.pos < len(s) && s[lx.pos] != '\n' && s[lx.pos] != '\r' {
				lx.pos++
			}
		case c == 0xEF && len(s) >= lx.pos+3 && s[lx.pos:lx.pos+3] == "\uFEFF":
			lx.pos += 3
		default:
			return
		}
	}
}

// skipString skips a string or block string starting at lx.pos.
func (lx *lexer) skipString() {
	s := lx.src
	if len(s) >= lx.pos+3 && s[lx.pos:lx.pos+3] == `"""` {
		lx.pos += 3
		for lx.pos < len(s) {
			switch {
			case s[lx.pos] == '\\' && len(s) >= lx.pos+4 && s[lx.pos+1:lx.pos+4] == `"""`:
				lx.pos += 4
			case len(s) >= lx.pos+3 && s[lx.pos:lx.pos+3] == `"""`:
				lx.pos += 3
				return
			default:
				lx.pos++
			}
		}
		return
	}
	lx.pos++
	for lx.pos < len(s) {
		switch s[lx.pos] {
		case '\\':
			lx.pos = min(lx.pos+2, len(s)) // a trailing backslash ends the text
		case '"':
			lx.pos++
			return
		case '\n', '\r':
			return
		default:
			lx.pos++
		}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isNameStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// isName reports whether tok is a GraphQL name.
func isName(tok string) bool { return tok != "" && isNameStart(tok[0]) }
