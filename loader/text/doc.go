// Package text holds the working representation of a document as it passes
// through the loader's stages: tokens and sentences (token), NER spans (ner),
// typed mentions (refine), entities made of mentions (coref) and relations
// between mentions (relation). Every stage reads and extends one *Doc; the
// loader package turns the finished Doc into a graph.Extraction.
//
// It imports only graph and the standard library.
package text

import "github.com/kgraph/kgraph/graph"

// Token is a word or punctuation mark. Start and End are byte offsets into
// Doc.Text (End exclusive); Text is normally Doc.Text[Start:End] but may be
// normalised (for example a curly apostrophe as ').
type Token struct {
	Text       string
	Start, End int
}

// Sentence is a run of tokens. Start and End are the byte offsets of its
// first and last token in Doc.Text.
type Sentence struct {
	Start, End int
	Tokens     []Token
	Syntax     *Syntax // the parse of the syntax stage; nil before it or without a parser
}

// Syntax is the parse of one sentence, one item per token: Universal POS
// tag, lemma, 1-based head (0 for the root) and Universal Dependencies
// relation to the head.
type Syntax struct {
	UPOS   []string
	Lemma  []string
	Head   []int
	Deprel []string
}

// Span is a labelled token range [Start, End) within one sentence, as the
// NER model emits it. Label is PER, ORG, LOC or MISC.
type Span struct {
	Start, End int
	Label      string
}

// Mention is a reference to an entity: a name found by NER (refined to an
// ontology type) or, with Nominal set, a description such as "the Executive
// Director" that coreference resolved to a named entity.
type Mention struct {
	Sent       int               // index into Doc.Sentences
	Start, End int               // token range within the sentence
	Label      string            // the NER label it came from ("" for nominal mentions)
	Type       graph.EntityType  // ontology type after refinement
	Attrs      map[string]string // output attributes, e.g. kind=country, country=Kazakhstan
	Entity     int               // index into Doc.Entities once coref has run; -1 before
	Nominal    bool

	// What the stages tell each other about the mention; not output.
	Name      string // the name within the span without a title, honorific or possessive ("" when the span is the name)
	Modifier  string // the suffix of an adjective made of a name ("-based" of "Oslo-based"); Name holds the base
	Canonical string // the gazetteer's name of the thing ("Kazakhstan" for "Republic of Kazakhstan")
	Honorific string // the honorific before a person's name ("Mr")
	// Weak marks a mention that names no node by itself: a generic
	// description ("the Senate", "the Commission") or a fragment of a
	// headline in capitals that the story never names. Its entity is a
	// node of the graph only when another mention names it.
	Weak bool
}

// Entity is one real-world thing in the document: a cluster of mentions.
type Entity struct {
	Name     string // canonical name: the fullest proper name seen
	Type     graph.EntityType
	Aliases  []string          // other surface forms
	Attrs    map[string]string // merged attributes of the mentions
	Mentions []int             // indices into Doc.Mentions, in text order
}

// Relation is a fact between two mentions (Head → Tail, indices into
// Doc.Mentions); the sentence of the evidence is Sent. The loader lifts it
// to the mentions' entities.
type Relation struct {
	Type       graph.RelationType
	Head, Tail int
	Sent       int
	Attrs      map[string]string // title, predicate, date …
	Confidence float64
}

// Doc is a document in the loader.
type Doc struct {
	Text      string
	Date      string // YYYY-MM-DD of the document when known; used to date facts
	Sentences []Sentence
	Spans     [][]Span // NER output, one slice per sentence
	Mentions  []Mention
	Entities  []Entity
	Relations []Relation
}

// MentionText returns the text of mention m as written in the document.
func (d *Doc) MentionText(m Mention) string {
	toks := d.Sentences[m.Sent].Tokens
	return d.Text[toks[m.Start].Start:toks[m.End-1].End]
}

// MentionOffsets returns the byte offsets of mention m in Doc.Text.
func (d *Doc) MentionOffsets(m Mention) (start, end int) {
	toks := d.Sentences[m.Sent].Tokens
	return toks[m.Start].Start, toks[m.End-1].End
}

// FromTokens builds a Doc from pre-tokenised sentences (the evaluation
// contract): the text is the tokens joined by single spaces, one sentence
// per line, so offsets stay meaningful.
func FromTokens(sents [][]string) *Doc {
	d := &Doc{Sentences: make([]Sentence, len(sents))}
	n := 0
	for _, s := range sents {
		for _, t := range s {
			n += len(t) + 1
		}
	}
	buf := make([]byte, 0, n)
	for i, s := range sents {
		toks := make([]Token, len(s))
		for j, t := range s {
			if j > 0 {
				buf = append(buf, ' ')
			}
			toks[j] = Token{Text: t, Start: len(buf), End: len(buf) + len(t)}
			buf = append(buf, t...)
		}
		d.Sentences[i] = Sentence{Tokens: toks}
		if len(toks) > 0 {
			d.Sentences[i].Start, d.Sentences[i].End = toks[0].Start, toks[len(toks)-1].End
		}
		buf = append(buf, '\n')
	}
	d.Text = string(buf)
	return d
}
