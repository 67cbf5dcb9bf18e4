package main

import (
	"bytes"
	"context"
	"sync"

	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/text"
)

// stages is the loader's pipeline, built by the same constructor as the
// loader's, so that training sees the stages the extractor runs.
// When training, the pipeline carries an empty relation model: training
// reads the candidate pairs, which do not depend on the embedded model, so
// the same data gives the same model whatever model.bin.gz holds.
var stages = sync.OnceValues(func() (*loader.Pipeline, error) {
	var r loader.Resources
	if training {
		var b bytes.Buffer
		if err := relation.NewModel(1).Encode(&b); err != nil {
			return nil, err
		}
		r.RelationModel = b.Bytes()
	}
	return loader.NewPipeline(r)
})

// training says the pipeline serves training (see stages).
var training bool

// pipelineDoc runs the loader's stages up to coreference on pre-tokenised
// sentences: NER, syntax (when the binary has a parser), type refinement
// and coreference.
func pipelineDoc(sents [][]string) (*text.Doc, error) {
	p, err := stages()
	if err != nil {
		return nil, err
	}
	d := text.FromTokens(sents)
	if err := p.Run(context.Background(), d, "coref"); err != nil {
		return nil, err
	}
	return d, nil
}

// prepareGold runs on a document with gold mentions the stages that the
// relation stage reads besides the mentions (the parse), and returns it.
func prepareGold(d *text.Doc) *text.Doc {
	p, err := stages()
	if err != nil {
		panic(err) // main has built the pipeline before any document
	}
	for _, s := range p.Stages {
		if s.Name() == "syntax" { // present when the relation stage reads the parse
			if err := s.Run(context.Background(), d); err != nil {
				panic(err)
			}
		}
	}
	return d
}

// extract runs the relation stage on d.
func extract(d *text.Doc) {
	p, err := stages()
	if err != nil {
		panic(err)
	}
	p.Relation.Extract(d)
}
