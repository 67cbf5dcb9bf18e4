// Package ner is kgraph's named-entity recogniser: a linear model over
// hashed sparse features, trained with the averaged structured perceptron
// and decoded with first-order Viterbi over BILOU labels for PER, ORG, LOC
// and MISC. The trained model ships inside the binary (model.bin.gz and
// clusters.txt.gz, embedded with go:embed).
//
// It owns the model file format, feature extraction, the decoder and the
// trainer (cmd/train-ner is the command that runs the trainer). It imports
// only loader/text, graph and the standard library.
//
// Use:
//
//	m, err := ner.Load() // decodes the embedded model once; later calls share it
//	m.Tag(doc)           // fills doc.Spans from the tokens of doc.Sentences
//
// All sentences of a Doc are one document: a word's other occurrences in it
// inform its label. A *Model is read-only; Tag is safe for concurrent use
// (per-call scratch comes from a sync.Pool).
//
// # Data
//
// CoNLL-2003 train (946 documents, 203k tokens) plus the CoNLL04 training
// sentences (Peop/Org/Loc as PER/ORG/LOC; an "Other" span that looks like a
// name becomes MISC, other "Other" spans O), plus Title Case copies of the
// CoNLL all-caps headlines and datelines (real news has Title Case
// headlines; CoNLL has none). CoNLL-2003 dev selects the epoch, nothing
// else. No test split is used.
//
// # Features
//
// Every token is hashed once into atoms (form, lower-cased form, shape,
// short shape, prefixes and suffixes up to 4, cluster path prefixes 4, 6,
// 10, 20); a feature is a template number mixed with atoms, so no strings
// are built while tagging. Templates: the token's own atoms; lower-cased
// words, forms and short shapes at -2..+2 and cluster prefixes at ±1;
// word bigrams and short-shape bigrams/trigram; the sentence kind (normal,
// all-caps headline, Title Case line) with the shape and word; first token;
// gazetteer matches (entity strings of the training data, per type and
// BILU position, exact and case-folded, up to 6 tokens; a training document
// does not see entries only it contributed); document context of
// capitalised words (lower-cased neighbours of its other occurrences, seen
// lower-case or capitalised mid-sentence elsewhere, occurrence count); and
// extended prediction history (the types the word received earlier in the
// document). Label features: the previous label, alone and with the short
// shape.
//
// Word clusters are learned by cmd/train-ner from the news in
// ../shared/data/news (BBC, Reuters-21578) and the CoNLL-2003 training
// text, never dev: every word seen at least 4 times (36.8k words) is a
// positive-PMI vector of its left and right neighbours (3,000 most frequent
// words, plus coarse classes), and the words are split in two recursively
// by spherical 2-means (depth ≤ 20, nodes under 12 words not split). A
// word's path of splits is its cluster bit string, as with Brown clusters.
//
// # Figures (seed 1, committed model)
//
//	CoNLL-2003 dev:  P 93.55  R 93.27  F1 93.41  (../shared/eval/score run ner …/dev.txt -- train-ner tag)
//	CoNLL04 dev entities (Other ignored): P 86.02  R 87.35  F1 86.68
//	tagger: ~0.9-1.3M tokens/s on one core (BenchmarkTag; BBC corpus, 977k tokens, in 0.8 s)
//	model: 1.4 MB model.bin.gz + 0.2 MB clusters.txt.gz; decoding ~0.1 s
//	training: ~25 s on one core (clusters ~4 s, 10 epochs ~1 s each)
//
// # Training
//
// From the repository root, with ../shared/data present:
//
//	nice go run ./cmd/train-ner
//
// rebuilds clusters.txt.gz and model.bin.gz in this folder, printing dev
// F1 per epoch and, at the end, the dev F1 of the model as written, its
// size and the training time. Same data and seed give byte-identical
// files. -folds 4 adds a second stage that sees the first stage's labels
// of the same word elsewhere in the document (cross-validated on the
// training data): about +0.3 dev F1 for twice the tagging time, so it is
// off by default.
//
// # Model file
//
// See codec.go: gzip-compressed; the gazetteer as sorted 64-bit keys; per
// stage the sorted feature keys and, per feature, the non-zero label
// weights quantised to integers with one scale. At load the weights go into
// an open-addressing table, and the summed weights of every clustered
// word's own features (at each window offset) are cached, so tagging a
// known word costs five vector additions instead of ~30 lookups.
//
// # Speed
//
// Tagging is bound by memory reads, not arithmetic: a sentence's scores
// are float32 sums whose order is fixed (another order rounds differently
// and can change a label), so the work is arranged around the reads.
// Each slot of the weight table holds the feature key and its 17 weights
// as the file's 16-bit integers (one 48-byte read per feature; the weight
// is float32(q)*scale, bit for bit the value a float table would hold);
// the atoms of the 36.8k clustered words are computed once at load; the
// gazetteer is a flat table; a sentence's features are all built, and the
// memory they will touch read once, before its scores are summed, so the
// cache misses of a whole sentence overlap; the Viterbi recursion visits
// only the BILOU-allowed predecessors of each label. None of this changes
// an output: `kgraph extract` of BBC and the CoNLL-2003 dev predictions
// are byte-identical before and after.
package ner
