package main

import (
	"github.com/kgraph/kgraph/loader/coref"
	"github.com/kgraph/kgraph/loader/ner"
	"github.com/kgraph/kgraph/loader/refine"
	"github.com/kgraph/kgraph/loader/text"
)

// pipelineDoc runs the loader's stages up to coreference on pre-tokenised
// sentences: NER, type refinement and coreference.
func pipelineDoc(sents [][]string) (*text.Doc, error) {
	m, err := ner.Load()
	if err != nil {
		return nil, err
	}
	d := text.FromTokens(sents)
	m.Tag(d)
	refine.Refine(d)
	coref.Resolve(d)
	return d, nil
}
