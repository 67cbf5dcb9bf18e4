// Package syntax is kgraph's part-of-speech tagger and dependency parser:
// Universal POS tags, lemmas and Universal Dependencies trees for the
// tokens of one sentence, from linear models over hashed sparse features
// trained with the averaged perceptron on UD English EWT. The trained
// model ships inside the binary (model.bin.gz, embedded with go:embed);
// cmd/train-syntax rebuilds it.
//
// Use:
//
//	m, err := syntax.Load() // decodes the embedded model once; later calls share it
//	p := m.Parse(words)     // p.UPOS, p.Lemma, p.Head (1-based, 0 = root), p.Deprel
//
// A *Model is read-only after loading; Parse is safe for concurrent use.
// ParseInto reuses the caller's Parse and scratch to avoid allocation.
package syntax
