package syntax

import (
	"bytes"
	_ "embed"
	"errors"
	"sync"
)

// Model is the trained tagger and parser; read-only after loading, safe
// for concurrent use.
type Model struct {
	tagger *tagger
	parser *parser
	lemmas *lemmatizer
}

// Parse is the syntax of one sentence, one item per token.
type Parse struct {
	UPOS   []string // Universal POS tag per token
	Lemma  []string // lemma per token ("" if unknown)
	Head   []int    // 1-based index of each token's head, 0 for the root
	Deprel []string // UD relation per token (subtypes like nmod:poss allowed)
}

// ErrNoModel is returned by Load when the binary carries no trained model.
var ErrNoModel = errors.New("syntax: no model")

var modelFile []byte

var loaded struct {
	once sync.Once
	m    *Model
	err  error
}

// Load decodes and validates the embedded model. The first call does the
// work; later calls return the same *Model (or the same error). A corrupt
// model file is an error, never a panic.
func Load() (*Model, error) {
	loaded.once.Do(func() {
		if len(modelFile) == 0 {
			loaded.err = ErrNoModel
			return
		}
		loaded.m, loaded.err = Decode(bytes.NewReader(modelFile))
	})
	return loaded.m, loaded.err
}

// Parse tags and parses one sentence of tokens.
func (m *Model) Parse(words []string) Parse {
	var p Parse
	m.ParseInto(&p, words)
	return p
}
