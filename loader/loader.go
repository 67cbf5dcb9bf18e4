package loader

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/text"
	"github.com/kgraph/kgraph/loader/token"
)

// minConfidence returns the confidence below which the graph leaves out a
// fact of type t that only the relation scorer proposed: the model's graph
// cut of t, fitted on the annotated news (see cmd/train-relations). A
// fact's confidence is the noisy-or of the scorer's probabilities over the
// sentences that state it. The evaluation contract (Sentences) keeps every
// decision.
func (l *Loader) minConfidence(t graph.RelationType) float64 {
	if m := l.p.Relation.Model(); m != nil {
		return float64(m.GraphCut(t))
	}
	return 1
}

// Loader runs the extraction pipeline. It is read-only after New and safe
// for concurrent use.
type Loader struct {
	p   *Pipeline
	gaz *gazetteer.Tables
}

// New loads and validates the embedded models and tables and builds the
// stages (see NewPipeline). A corrupt embedded file is an error here.
func New() (*Loader, error) { return NewFrom(Resources{}) }

// NewFrom is New with explicit resources; a nil field means the embedded
// file.
func NewFrom(r Resources) (*Loader, error) {
	p, err := NewPipeline(r)
	if err != nil {
		return nil, err
	}
	return &Loader{p: p, gaz: p.Gazetteer}, nil
}

// Pipeline returns the loader's stages.
func (l *Loader) Pipeline() *Pipeline { return l.p }

// Extract runs the whole pipeline on doc.Text and returns the document's
// graph: entities with local IDs ("e1", "e2", …) and all their mentions,
// relations between them with evidence sentences.
func (l *Loader) Extract(ctx context.Context, doc graph.Document) (*graph.Extraction, error) {
	_, x, err := l.ExtractDoc(ctx, doc)
	return x, err
}

// ExtractDoc is Extract that also returns the working document, with what
// every stage added (tokens, parse, NER spans, mentions, entities and
// mention-level relations), for inspection (see Explain).
func (l *Loader) ExtractDoc(ctx context.Context, doc graph.Document) (*text.Doc, *graph.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if doc.ID == "" {
		doc.ID = graph.DocumentID(doc.Text)
	}
	if doc.Hash == "" {
		doc.Hash = graph.ContentHash(doc.Text)
	}
	d := &text.Doc{Text: doc.Text, Date: doc.Date, Sentences: capSentences(token.Split(doc.Text), MaxSentenceTokens)}
	if err := l.p.Run(ctx, d, ""); err != nil {
		return nil, nil, err
	}
	return d, toExtraction(l.gaz, doc, d, l.minConfidence), nil
}

// ExtractTokens runs the pipeline after the tokenizer on pre-tokenised
// sentences of one document (the evaluation contract) and returns the
// working document: per-sentence mentions and relations.
func (l *Loader) ExtractTokens(ctx context.Context, sents [][]string) (*text.Doc, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d := text.FromTokens(sents)
	if err := l.p.RunEval(ctx, d, ""); err != nil {
		return nil, err
	}
	return d, nil
}

// MaxSentenceTokens bounds the length of a sentence that the stages see.
// Several stages look at pairs of tokens or mentions within a sentence, so
// a "sentence" of thousands of tokens (a wall of words without
// punctuation, a roster of names) would cost the square of its length; it
// is cut into pieces of at most this many tokens. News sentences are far
// shorter: of the 41,760 sentences of the BBC sample one has 242 tokens,
// the next longest 136.
const MaxSentenceTokens = 256

// capSentences cuts every sentence longer than max tokens into pieces of
// at most max tokens.
func capSentences(sents []text.Sentence, max int) []text.Sentence {
	long := false
	for _, s := range sents {
		long = long || len(s.Tokens) > max
	}
	if !long {
		return sents
	}
	out := make([]text.Sentence, 0, len(sents)+1)
	for _, s := range sents {
		for len(s.Tokens) > max {
			piece := s.Tokens[:max:max]
			out = append(out, text.Sentence{Start: piece[0].Start, End: piece[max-1].End, Tokens: piece})
			s.Tokens = s.Tokens[max:]
			s.Start = s.Tokens[0].Start
		}
		out = append(out, s)
	}
	return out
}

// toExtraction lifts mentions to entities and mention-level relations to
// entity-level facts, one per (source, type, target) with all its evidence.
func toExtraction(gaz *gazetteer.Tables, doc graph.Document, d *text.Doc, minConf func(graph.RelationType) float64) *graph.Extraction {
	x := &graph.Extraction{Document: doc, Entities: make([]graph.Entity, 0, len(d.Entities))}
	n := graphNodes(gaz, d)
	ids := n.ids
	for i, e := range d.Entities {
		if n.node[i] != i {
			continue
		}
		ge := graph.Entity{ID: ids[i], Name: e.Name, Type: e.Type, Aliases: e.Aliases, Attributes: copyAttrs(e.Attrs)}
		if t := n.ticker[i]; t != "" && ge.Attributes["ticker"] == "" {
			ge.Attributes["ticker"] = t
		}
		if ge.Aliases == nil {
			ge.Aliases = []string{}
		}
		for _, mi := range e.Mentions {
			m := d.Mentions[mi]
			s, end := d.MentionOffsets(m)
			ge.Mentions = append(ge.Mentions, graph.Mention{Start: s, End: end, Text: d.Text[s:end], Sentence: m.Sent})
		}
		x.Entities = append(x.Entities, ge)
	}
	type key struct {
		src, dst string
		typ      graph.RelationType
	}
	index := map[key]int{}
	keyOf := func(r text.Relation) key {
		hi, ti := d.Mentions[r.Head].Entity, d.Mentions[r.Tail].Entity
		if hi < 0 || ti < 0 {
			return key{}
		}
		gr := graph.Relation{Type: r.Type, Source: ids[hi], Target: ids[ti]}.Canonical()
		return key{gr.Source, gr.Target, gr.Type}
	}
	// A scored fact stated in several sentences is surer than in one: its
	// confidence is the noisy-or of its sentences' probabilities (the
	// highest in each sentence).
	support := map[key]map[int]float64{}
	for _, r := range d.Relations {
		if r.Attrs["basis"] == "classifier" {
			k := keyOf(r)
			if support[k] == nil {
				support[k] = map[int]float64{}
			}
			support[k][r.Sent] = max(support[k][r.Sent], r.Confidence)
		}
	}
	conf := make(map[key]float64, len(support))
	for k, bySent := range support {
		conf[k] = noisyOr(bySent)
	}
	for _, r := range d.Relations {
		if r.Attrs["basis"] == "classifier" {
			r.Confidence = conf[keyOf(r)]
		}
		if dropReason(d, n, r, minConf) != "" {
			continue
		}
		hi, ti := d.Mentions[r.Head].Entity, d.Mentions[r.Tail].Entity
		gr := graph.Relation{Type: r.Type, Source: ids[hi], Target: ids[ti]}.Canonical()
		k := key{gr.Source, gr.Target, gr.Type}
		sent := d.Sentences[r.Sent]
		ev := graph.Evidence{Document: doc.ID, Sentence: d.Text[sent.Start:sent.End], Start: sent.Start, End: sent.End}
		i, ok := index[k]
		if !ok {
			gr.Attributes = copyAttrs(r.Attrs)
			gr.Confidence = r.Confidence
			i = len(x.Relations)
			index[k] = i
			x.Relations = append(x.Relations, gr)
		}
		xr := &x.Relations[i]
		for k, v := range r.Attrs {
			if _, seen := xr.Attributes[k]; !seen {
				xr.Attributes[k] = v
			}
		}
		if r.Confidence > xr.Confidence {
			xr.Confidence = r.Confidence
		}
		if !slices.ContainsFunc(xr.Evidence, func(e graph.Evidence) bool { return e.Start == ev.Start }) {
			xr.Evidence = append(xr.Evidence, ev)
		}
	}
	if x.Relations == nil {
		x.Relations = []graph.Relation{}
	}
	return x
}

// symbols are the stock symbols of a document: news wires print a listed
// company's symbol in angle brackets after its name ("Siemens AG
// <SIEG.F>", "General Motors Corp <GM>"), and NER may tag the symbol as a
// name of its own.
type symbols struct {
	at    map[int]bool   // mentions that are a symbol
	owner map[int]int    // symbol mention -> the entity named just before it
	of    map[int]string // entity -> the symbol printed after one of its names
}

// stockSymbols finds the mentions of d that are a stock symbol: one token
// of capitals and digits directly inside "<" and ">" (or the symbol's
// full stop, "<DBKG.F>"), and the entity whose mention ends just before
// the "<".
func stockSymbols(d *text.Doc) symbols {
	var sy symbols            // maps made at the first symbol: most documents have none
	var ending map[[2]int]int // (sentence, end token) -> entity
	for mi, m := range d.Mentions {
		if m.Nominal || m.End-m.Start != 1 || m.Start == 0 {
			continue
		}
		toks := d.Sentences[m.Sent].Tokens
		if toks[m.Start-1].Text != "<" {
			continue
		}
		sym := bracketedSymbol(d.Text[toks[m.Start-1].Start:])
		if sym == "" {
			continue
		}
		if sy.at == nil {
			sy = symbols{at: map[int]bool{}, owner: map[int]int{}, of: map[int]string{}}
			ending = map[[2]int]int{}
			for _, o := range d.Mentions {
				if o.Entity >= 0 && !o.Nominal {
					ending[[2]int{o.Sent, o.End}] = o.Entity
				}
			}
		}
		sy.at[mi] = true
		// The company's mention ends at the "<", or up to two capitalised
		// words or legal forms before it ("Morgan Grenfell Group [plc]
		// <MGFL.L>", which NER or refine left out of the name).
		for end := m.Start - 1; end >= max(0, m.Start-3); end-- {
			if e, ok := ending[[2]int{m.Sent, end}]; ok && e != m.Entity {
				sy.owner[mi] = e
				if sy.of[e] == "" {
					sy.of[e] = sym
				}
				break
			}
			if w := toks[max(end-1, 0)].Text; !text.Capitalised(w) && !graph.HasLegalForm("X "+w) {
				break
			}
		}
	}
	return sy
}

// bracketedSymbol returns the symbol of a stock symbol in angle brackets
// at the start of s ("<SIEG.F> said" → "SIEG.F"): capitals and digits, at
// most ten, in at most three parts joined by full stops, with a capital
// among them; "" when s does not start with one.
func bracketedSymbol(s string) string {
	if s == "" || s[0] != '<' {
		return ""
	}
	n, parts, upper := 0, 1, false
	for j := 1; j < len(s) && j <= 14; j++ {
		switch c := s[j]; {
		case 'A' <= c && c <= 'Z':
			upper = true
			n++
		case '0' <= c && c <= '9':
			n++
		case c == '.' && j > 1 && s[j-1] != '.' && parts < 3:
			parts++
		case c == '>' && upper && n <= 10 && s[j-1] != '.':
			return s[1:j]
		default:
			return ""
		}
	}
	return ""
}

// company returns the entity that every symbol naming e follows, when
// there is one.
func (sy symbols) company(e text.Entity) (int, bool) {
	o := -1
	for _, mi := range e.Mentions {
		if !sy.at[mi] {
			continue
		}
		c, ok := sy.owner[mi]
		if !ok || (o >= 0 && c != o) {
			return -1, false
		}
		o = c
	}
	return o, o >= 0
}

// nodes says which entities of a document are nodes of its graph.
type nodes struct {
	// node[i] is the entity whose node stands for entity i: i itself,
	// the company of an entity named only by its stock symbol, or -1
	// for an entity the graph leaves out.
	node   []int
	ids    []string // entity -> the local ID of its node, "" when none
	ticker []string // entity -> the stock symbol printed after its name
}

// graphNodes decides the nodes of d's graph, in entity order: every
// entity except units of time ("10:00 GMT"), entities no mention names
// (weakOnly) and stock symbols ("<SIEG.F>"), which fold into the company
// named just before them (its facts are the company's, the symbol its
// ticker attribute) or, without one, are left out.
func graphNodes(gaz *gazetteer.Tables, d *text.Doc) nodes {
	sy := stockSymbols(d)
	n := nodes{node: make([]int, len(d.Entities)), ids: make([]string, len(d.Entities)), ticker: make([]string, len(d.Entities))}
	k := 0
	var symbolOnly []int // entities named only by stock symbols
	for i, e := range d.Entities {
		n.node[i] = -1
		only := sy.only(d, e)
		if only {
			symbolOnly = append(symbolOnly, i)
		}
		if gaz.TimeZone(e.Name) || weakOnly(d, e) || only {
			continue
		}
		k++
		n.node[i], n.ids[i], n.ticker[i] = i, "e"+strconv.Itoa(k), sy.of[i]
	}
	for _, i := range symbolOnly {
		if c, ok := sy.company(d.Entities[i]); ok && n.node[c] == c {
			n.node[i], n.ids[i] = c, n.ids[c]
		}
	}
	return n
}

// only reports whether every name of entity e is a stock symbol.
func (sy symbols) only(d *text.Doc, e text.Entity) bool {
	named := false
	for _, mi := range e.Mentions {
		if d.Mentions[mi].Nominal {
			continue
		}
		if !sy.at[mi] {
			return false
		}
		named = true
	}
	return named
}

// weakOnly reports whether every name of entity e is a weak mention
// (text.Mention.Weak): a generic description or a headline's fragment.
func weakOnly(d *text.Doc, e text.Entity) bool {
	named := false
	for _, mi := range e.Mentions {
		m := d.Mentions[mi]
		if m.Nominal {
			continue
		}
		if !m.Weak {
			return false
		}
		named = true
	}
	return named
}

// noisyOr is 1 - Π(1 - p) over the probabilities of a fact's sentences,
// taken in sentence order: a product in map order differs in its last bit
// from run to run, and so would the graph.
func noisyOr(bySent map[int]float64) float64 {
	none := 1.0
	for _, s := range slices.Sorted(maps.Keys(bySent)) {
		none *= 1 - bySent[s]
	}
	return 1 - none
}

// dropReason says why the graph leaves out mention-level relation r, or
// returns "" when it keeps it. n says which entities are nodes
// (graphNodes).
func dropReason(d *text.Doc, n nodes, r text.Relation, minConf func(graph.RelationType) float64) string {
	hi, ti := d.Mentions[r.Head].Entity, d.Mentions[r.Tail].Entity
	if hi < 0 || ti < 0 {
		return "a side is in no entity"
	}
	if hi == ti {
		return "both sides are one entity"
	}
	hi, ti = n.node[hi], n.node[ti]
	switch {
	case hi < 0 || ti < 0:
		return "a side is no node of the graph"
	case hi == ti:
		return "both sides are one node (a company and its stock symbol)"
	case !r.Type.Allows(d.Entities[hi].Type, d.Entities[ti].Type):
		return "the entities' types do not allow it" // a mention typed one way inside an entity voted another
	case r.Attrs["basis"] == "classifier" && r.Confidence < minConf(r.Type):
		return fmt.Sprintf("classifier confidence below %.2f", minConf(r.Type))
	}
	return ""
}

func copyAttrs(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// SentenceResult is one sentence of the evaluation contract: named entity
// mentions as token spans, and relations between them.
type SentenceResult struct {
	Entities  []TokenEntity   `json:"entities"`
	Relations []TokenRelation `json:"relations"`
	// The parse of the syntax stage, one item per token; left out when
	// the binary has no parser.
	UPOS    []string `json:"upos,omitempty"`
	Heads   []int    `json:"heads,omitempty"`
	Deprels []string `json:"deprels,omitempty"`
}

// TokenEntity is an entity mention as a token span, end exclusive.
type TokenEntity struct {
	Start int              `json:"start"`
	End   int              `json:"end"`
	Type  graph.EntityType `json:"type"`
}

// TokenRelation joins two entities of the same SentenceResult by index.
type TokenRelation struct {
	Head int                `json:"head"`
	Tail int                `json:"tail"`
	Type graph.RelationType `json:"type"`
}

// Sentences reports d per sentence for the evaluation contract. Nominal
// mentions ("the Executive Director") are not names and are left out, and
// so are relations the contract's gold standard does not annotate (see
// relation.InContract).
func Sentences(d *text.Doc) []SentenceResult {
	out := make([]SentenceResult, len(d.Sentences))
	pos := make([]int, len(d.Mentions)) // mention -> index in its sentence's Entities
	order := make([]int, 0, len(d.Mentions))
	for i, m := range d.Mentions {
		pos[i] = -1
		if !m.Nominal {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := d.Mentions[order[a]], d.Mentions[order[b]]
		if ma.Sent != mb.Sent {
			return ma.Sent < mb.Sent
		}
		return ma.Start < mb.Start
	})
	for _, i := range order {
		m := d.Mentions[i]
		r := &out[m.Sent]
		pos[i] = len(r.Entities)
		r.Entities = append(r.Entities, TokenEntity{Start: m.Start, End: m.End, Type: m.Type})
	}
	for _, rel := range d.Relations {
		if !relation.InContract(d, rel) {
			continue
		}
		h, t := pos[rel.Head], pos[rel.Tail]
		if h < 0 || t < 0 || h == t {
			continue
		}
		r := &out[rel.Sent]
		tr := TokenRelation{Head: h, Tail: t, Type: relation.ContractType(d, rel)}
		dup := false
		for _, x := range r.Relations {
			dup = dup || x == tr
		}
		if !dup {
			r.Relations = append(r.Relations, tr)
		}
	}
	for i := range out {
		if sx := d.Sentences[i].Syntax; sx != nil {
			out[i].UPOS, out[i].Heads, out[i].Deprels = sx.UPOS, sx.Head, sx.Deprel
		}
		if out[i].Entities == nil {
			out[i].Entities = []TokenEntity{}
		}
		if out[i].Relations == nil {
			out[i].Relations = []TokenRelation{}
		}
	}
	return out
}
