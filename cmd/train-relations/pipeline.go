package main

import (
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
	resolve(d)
	return d, nil
}

// resolve stands in for coreference until loader/coref builds: every
// mention is its own entity.
func resolve(d *text.Doc) {
	d.Entities = d.Entities[:0]
	for i := range d.Mentions {
		m := &d.Mentions[i]
		m.Entity = len(d.Entities)
		d.Entities = append(d.Entities, text.Entity{Name: d.MentionText(*m), Type: m.Type, Mentions: []int{i}})
	}
}
