package schema

import "strings"

// The cost check needs the shape of a query before graphql-go runs it:
// fields with their aliases and arguments, fragments, inline fragments.
// graphql-go keeps its parser internal, so this file reads executable
// documents with the operation scanner's lexer. It follows the GraphQL
// grammar for everything graphql-go accepts; what it cannot read is
// weighed by checkCost's fallback.

// qDocument is a parsed executable document.
type qDocument struct {
	ops     []qOperation
	frags   map[string]qFragment
	aliases int
	depth   int // deepest nesting of fields (fragments not followed)
}

type qOperation struct {
	typ, name string
	sel       []qSelection
}

type qFragment struct {
	on  string
	sel []qSelection
}

// qSelection is a field, a fragment spread (spread set) or an inline
// fragment (inline, with its type condition in on, "" when absent).
type qSelection struct {
	field  *qField
	spread string
	on     string
	inline []qSelection
}

type qField struct {
	name string
	args map[string]qValue
	sel  []qSelection
}

// Value kinds.
const (
	valueVariable = iota // raw: the variable name
	valueString          // raw: the literal as written, without quotes
	valueNumber          // raw: the literal
	valueEnum            // raw: an enum value, true, false or null
	valueList            // items
	valueObject          // items: the field values
)

type qValue struct {
	kind  int
	raw   string
	items []qValue
}

// parseError says where the scanner stopped understanding a query.
type parseError struct{ msg string }

type parser struct {
	lx      lexer
	tok     string
	start   int // offset where tok starts
	depth   int // current nesting of selection sets and values
	sets    int // current nesting of fields with selections
	deepest int
	aliases int
}

func parseDocument(src string) (doc *qDocument, err *parseError) {
	p := &parser{lx: lexer{src: src}}
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(*parseError)
			if !ok {
				panic(r)
			}
			doc, err = nil, pe
		}
	}()
	p.advance()
	doc = &qDocument{frags: map[string]qFragment{}}
	for p.tok != "" {
		switch p.tok {
		case "{":
			doc.ops = append(doc.ops, qOperation{typ: "query", sel: p.selectionSet()})
		case "query", "mutation", "subscription":
			op := qOperation{typ: p.tok}
			p.advance()
			if isName(p.tok) {
				op.name = p.tok
				p.advance()
			}
			if p.tok == "(" {
				p.skipGroup() // variable definitions
			}
			p.directives()
			op.sel = p.selectionSet()
			doc.ops = append(doc.ops, op)
		case "fragment":
			p.advance()
			name := p.name()
			if p.tok != "on" {
				p.fail("fragment " + shorten(name) + " has no type condition")
			}
			p.advance()
			f := qFragment{on: p.name()}
			p.directives()
			f.sel = p.selectionSet()
			doc.frags[name] = f
		default:
			p.fail("unexpected " + shorten(p.tok))
		}
	}
	doc.aliases, doc.depth = p.aliases, p.deepest
	return doc, nil
}

func (p *parser) fail(msg string) { panic(&parseError{msg: msg}) }

// advance reads the next token.
func (p *parser) advance() {
	p.lx.skipIgnored()
	p.start = p.lx.pos
	p.tok = p.lx.next()
}

func (p *parser) expect(tok string) {
	if p.tok != tok {
		p.fail("expected " + tok + ", found " + shorten(p.tok))
	}
	p.advance()
}

func (p *parser) name() string {
	if !isName(p.tok) {
		p.fail("expected a name, found " + shorten(p.tok))
	}
	n := p.tok
	p.advance()
	return n
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxParseDepth {
		p.fail("nested too deeply")
	}
}

func (p *parser) skipGroup() {
	p.lx.skipGroup() // the lexer stands just after the opening bracket
	p.advance()
}

func (p *parser) selectionSet() []qSelection {
	p.expect("{")
	p.enter()
	defer func() { p.depth-- }()
	var out []qSelection
	for p.tok != "}" {
		if p.tok == "" {
			p.fail("unclosed selection set")
		}
		out = append(out, p.selection())
	}
	p.advance()
	return out
}

func (p *parser) selection() qSelection {
	if p.tok == "..." {
		p.advance()
		switch {
		case p.tok == "on":
			p.advance()
			on := p.name()
			p.directives()
			return qSelection{on: on, inline: p.selectionSet()}
		case p.tok == "{" || p.tok == "@":
			p.directives()
			return qSelection{inline: p.selectionSet()}
		}
		name := p.name()
		p.directives()
		return qSelection{spread: name}
	}
	f := &qField{name: p.name()}
	if p.tok == ":" {
		p.advance()
		f.name = p.name()
		p.aliases++
	}
	if p.tok == "(" {
		f.args = p.arguments()
	}
	p.directives()
	if p.tok == "{" {
		// Depth as graphql-go's limit counts it: fields, not fragments.
		p.sets++
		p.deepest = max(p.deepest, p.sets)
		f.sel = p.selectionSet()
		p.sets--
	}
	return qSelection{field: f}
}

func (p *parser) arguments() map[string]qValue {
	p.expect("(")
	args := map[string]qValue{}
	for p.tok != ")" {
		name := p.name()
		p.expect(":")
		args[name] = p.value()
	}
	p.advance()
	return args
}

func (p *parser) directives() {
	for p.tok == "@" {
		p.advance()
		p.name()
		if p.tok == "(" {
			p.arguments()
		}
	}
}

func (p *parser) value() qValue {
	p.enter()
	defer func() { p.depth-- }()
	switch tok := p.tok; {
	case tok == "$":
		p.advance()
		return qValue{kind: valueVariable, raw: p.name()}
	case tok == `"`:
		raw := p.lx.src[p.start:p.lx.pos]
		if strings.HasPrefix(raw, `"""`) {
			raw = strings.TrimSuffix(strings.TrimPrefix(raw, `"""`), `"""`)
		} else {
			raw = strings.TrimSuffix(strings.TrimPrefix(raw, `"`), `"`)
		}
		p.advance()
		return qValue{kind: valueString, raw: raw}
	case tok == "[":
		p.advance()
		v := qValue{kind: valueList}
		for p.tok != "]" {
			if p.tok == "" {
				p.fail("unclosed list")
			}
			v.items = append(v.items, p.value())
		}
		p.advance()
		return v
	case tok == "{":
		p.advance()
		v := qValue{kind: valueObject}
		for p.tok != "}" {
			p.name()
			p.expect(":")
			v.items = append(v.items, p.value())
		}
		p.advance()
		return v
	case tok != "" && (tok[0] == '-' || isDigit(tok[0])):
		p.advance()
		return qValue{kind: valueNumber, raw: tok}
	case isName(tok):
		p.advance()
		return qValue{kind: valueEnum, raw: tok}
	}
	p.fail("unexpected " + shorten(p.tok) + " in a value")
	return qValue{}
}
