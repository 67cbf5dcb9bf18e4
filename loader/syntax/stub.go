package syntax

import (
	"errors"
	"io"
)

type tagger struct{}
type parser struct{}
type lemmatizer struct{}

// Decode reads a model from r (used by Load and by tests with corrupt input).
func Decode(r io.Reader) (*Model, error) {
	return nil, errors.New("syntax: model decoding not implemented yet")
}

// ParseInto is Parse writing into p, reusing its slices.
func (m *Model) ParseInto(p *Parse, words []string) {
	n := len(words)
	p.UPOS = resize(p.UPOS, n)
	p.Lemma = resize(p.Lemma, n)
	p.Deprel = resize(p.Deprel, n)
	p.Head = p.Head[:0]
	for range n {
		p.Head = append(p.Head, 0)
	}
}

func resize(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}
