// Package ner is kgraph's named-entity recogniser: a greedy left-to-right
// averaged-perceptron tagger with BILOU labels (PER, ORG, LOC, MISC),
// trained on CoNLL-2003 and shipped inside the binary (model.bin.gz and
// clusters.txt.gz, embedded with go:embed).
//
// It owns the model format, the feature extraction, the decoder and the
// trainer (cmd/train-ner is the command that runs it). It imports only
// loader/text, graph and the standard library.
//
// Use: m, err := ner.Load(); m.Tag(doc) fills doc.Spans from the tokens of
// doc.Sentences. A *Model is read-only and safe for concurrent use.
//
// Details (data, features, figures, training command) are in the rest of
// this comment, kept up to date with the committed model.
package ner
