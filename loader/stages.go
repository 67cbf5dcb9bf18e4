package loader

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/kgraph/kgraph/loader/coref"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/ner"
	"github.com/kgraph/kgraph/loader/refine"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/syntax"
	"github.com/kgraph/kgraph/loader/text"
)

// A Stage is one step of the pipeline. It reads what the stages before it
// added to the document and adds its own; it is read-only after New and
// safe for concurrent use on different documents.
type Stage interface {
	// Name is the stage's short name ("ner", "refine", …), as --explain
	// and errors print it.
	Name() string
	// Run extends d. It returns ctx.Err() when the context ends first.
	Run(ctx context.Context, d *text.Doc) error
}

// Resources are the files the stages are built from. A nil or empty field
// means the file embedded in the binary; tests pass corrupt contents to
// check that NewFrom reports them.
type Resources struct {
	Gazetteer     fs.FS          // data/*.tsv[.gz] of loader/gazetteer
	Refine        *refine.Tables // the refine stage's word tables
	NERModel      []byte         // model.bin.gz of loader/ner
	NERClusters   []byte         // clusters.txt.gz of loader/ner
	RelationModel []byte         // model.bin.gz of loader/relation
	SyntaxModel   []byte         // model.bin.gz of loader/syntax
}

// Pipeline is the stages of the loader in order, with the resources they
// were built from. Training programs use it to run the same stages as the
// loader (or a prefix of them).
type Pipeline struct {
	Gazetteer *gazetteer.Tables
	NER       *ner.Model
	Refine    *refine.Stage
	Coref     *coref.Stage
	Relation  *relation.Stage
	// Stages are the stages of graph extraction. They include the syntax
	// stage only when a later stage reads the parse (graphReadsSyntax);
	// it then parses the sentences with at least two names.
	Stages []Stage
	// Eval are the same stages with a syntax stage that parses every
	// sentence, for the evaluation contract.
	Eval []Stage

	syntax *lazySyntax
}

// parseBeam is the width of the parser's beam: twice the 8 items it was
// trained with, which on EWT dev gains 0.15 LAS (82.09 -> 82.24; 24 or 32
// items: 82.30) at half the parsing speed. Only the evaluation contract
// (--tokens) and --explain parse.
const parseBeam = 16

// lazySyntax decodes the parser's model on first use. The model is the
// largest resource (25 MB compressed, about 75 MiB decoded, a third of a
// second) and graph extraction does not read the parse (graphReadsSyntax),
// so commands that only build graphs never decode it.
type lazySyntax struct {
	data []byte // nil: the embedded model
	once sync.Once
	m    *syntax.Model
	err  error
}

func (l *lazySyntax) get() (*syntax.Model, error) {
	l.once.Do(func() {
		if l.data != nil {
			l.m, l.err = syntax.Decode(bytes.NewReader(l.data))
		} else {
			l.m, l.err = syntax.Load()
		}
		if l.err != nil {
			l.err = fmt.Errorf("loader: syntax model: %w", l.err)
		} else {
			l.m = l.m.WithBeam(max(l.m.Beam(), parseBeam))
		}
	})
	return l.m, l.err
}

// Syntax returns the parser's model, decoding it on the first call (every
// stage that parses calls it). A model that does not decode is an error
// here and of every stage that parses.
func (p *Pipeline) Syntax() (*syntax.Model, error) { return p.syntax.get() }

// NewPipeline loads and validates every resource and builds the stages.
// Any malformed file is an error here, never a panic later, with one
// exception: the parser's model is decoded on first use (see Syntax), and
// NewPipeline checks only that an explicit one is gzip data.
func NewPipeline(r Resources) (*Pipeline, error) {
	p := &Pipeline{}
	// The NER model, the largest resource decoded here, loads on a core
	// of its own while the others load.
	nerDone := make(chan error, 1)
	go func() {
		var err error
		if r.NERModel != nil || r.NERClusters != nil {
			p.NER, err = decodeNER(r.NERModel, r.NERClusters)
		} else {
			p.NER, err = ner.Load()
		}
		nerDone <- err
	}()
	err := p.loadRest(r)
	if nerErr := <-nerDone; nerErr != nil {
		return nil, fmt.Errorf("loader: NER model: %w", nerErr)
	}
	if err != nil {
		return nil, err
	}
	p.Stages = []Stage{nerStage{p.NER}}
	p.Eval = []Stage{nerStage{p.NER}}
	if graphReadsSyntax {
		p.Stages = append(p.Stages, syntaxStage{m: p.syntax})
	}
	p.Eval = append(p.Eval, syntaxStage{m: p.syntax, every: true})
	rest := []Stage{refineStage{p.Refine}, corefStage{p.Coref}, relationStage{p.Relation}}
	p.Stages = append(p.Stages, rest...)
	p.Eval = append(p.Eval, rest...)
	return p, nil
}

// loadRest loads the resources of NewPipeline other than the NER model.
func (p *Pipeline) loadRest(r Resources) error {
	var err error
	if r.Gazetteer != nil {
		p.Gazetteer, err = gazetteer.Parse(r.Gazetteer)
	} else {
		p.Gazetteer, err = gazetteer.Load()
	}
	if err != nil {
		return fmt.Errorf("loader: %w", err)
	}
	p.syntax = &lazySyntax{data: r.SyntaxModel}
	if r.SyntaxModel != nil {
		if _, err := gzip.NewReader(bytes.NewReader(r.SyntaxModel)); err != nil {
			return fmt.Errorf("loader: syntax model: %w", err)
		}
	}
	tables := refine.EmbeddedTables()
	if r.Refine != nil {
		tables = *r.Refine
	}
	if p.Refine, err = refine.New(p.Gazetteer, tables); err != nil {
		return fmt.Errorf("loader: %w", err)
	}
	if p.Coref, err = coref.New(p.Gazetteer); err != nil {
		return fmt.Errorf("loader: %w", err)
	}
	var rm *relation.Model
	if r.RelationModel != nil {
		rm, err = relation.Decode(bytes.NewReader(r.RelationModel))
	} else {
		rm, err = relation.Load()
	}
	if err != nil {
		return fmt.Errorf("loader: relation model: %w", err)
	}
	if p.Relation, err = relation.New(p.Gazetteer, rm); err != nil {
		return fmt.Errorf("loader: %w", err)
	}
	return nil
}

// graphReadsSyntax says whether a stage after syntax reads the parse when
// it builds the graph. None does yet: the parser (about 15k tokens/s on
// one core with both directions voting) would cost several times the rest
// of extraction for output that does not change, so graph extraction
// leaves it out, and the evaluation contract (RunEval) and --explain
// (ParseAll) parse every sentence.
const graphReadsSyntax = false

func decodeNER(model, clusters []byte) (*ner.Model, error) {
	if model == nil || clusters == nil {
		return nil, errors.New("model and clusters go together")
	}
	c, err := ner.ReadClusters(bytes.NewReader(clusters))
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	return ner.ReadModel(bytes.NewReader(model), c)
}

// Run runs the stages in order on d, checking ctx between them. upTo, when
// not "", names the last stage to run.
func (p *Pipeline) Run(ctx context.Context, d *text.Doc, upTo string) error {
	return runStages(ctx, p.Stages, d, upTo)
}

// RunEval is Run with the evaluation contract's stages (every sentence
// parsed).
func (p *Pipeline) RunEval(ctx context.Context, d *text.Doc, upTo string) error {
	return runStages(ctx, p.Eval, d, upTo)
}

// ParseAll parses the sentences of d that have no parse yet (the graph
// pipeline parses only those with two names or more); --explain uses it.
func (p *Pipeline) ParseAll(ctx context.Context, d *text.Doc) error {
	return syntaxStage{m: p.syntax, every: true}.Run(ctx, d)
}

func runStages(ctx context.Context, stages []Stage, d *text.Doc, upTo string) error {
	for _, s := range stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Run(ctx, d); err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
		if s.Name() == upTo {
			break
		}
	}
	return ctx.Err()
}

type nerStage struct{ m *ner.Model }

func (nerStage) Name() string { return "ner" }
func (s nerStage) Run(_ context.Context, d *text.Doc) error {
	s.m.Tag(d)
	return nil
}

// syntaxStage parses sentences. Unless every is set it parses only those
// with at least two NER spans, the ones whose parse a relation between
// names can be read from: parsing costs more than all other stages
// together, and most sentences of news name one thing or none.
type syntaxStage struct {
	m     *lazySyntax
	every bool
}

func (syntaxStage) Name() string { return "syntax" }
func (s syntaxStage) Run(ctx context.Context, d *text.Doc) error {
	m, err := s.m.get()
	if err != nil {
		return err
	}
	var words []string
	for i := range d.Sentences {
		if i&63 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		sent := &d.Sentences[i]
		if sent.Syntax != nil || (!s.every && (i >= len(d.Spans) || len(d.Spans[i]) < 2)) {
			continue
		}
		words = words[:0]
		for _, t := range sent.Tokens {
			words = append(words, t.Text)
		}
		p := m.Parse(words)
		sent.Syntax = &text.Syntax{UPOS: p.UPOS, Lemma: p.Lemma, Head: p.Head, Deprel: p.Deprel}
	}
	return nil
}

type refineStage struct{ s *refine.Stage }

func (refineStage) Name() string                                 { return "refine" }
func (s refineStage) Run(ctx context.Context, d *text.Doc) error { return s.s.RefineContext(ctx, d) }

type corefStage struct{ s *coref.Stage }

func (corefStage) Name() string                                 { return "coref" }
func (s corefStage) Run(ctx context.Context, d *text.Doc) error { return s.s.ResolveContext(ctx, d) }

type relationStage struct{ s *relation.Stage }

func (relationStage) Name() string                                 { return "relation" }
func (s relationStage) Run(ctx context.Context, d *text.Doc) error { return s.s.ExtractContext(ctx, d) }

// Stage returns the stage called name among the evaluation stages (which
// hold them all), or nil when there is none.
func (p *Pipeline) Stage(name string) Stage {
	for _, s := range p.Eval {
		if s.Name() == name {
			return s
		}
	}
	return nil
}
