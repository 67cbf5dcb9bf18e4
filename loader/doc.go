// Package loader turns text into knowledge: it reads documents (plain text
// with an optional date/title header, JSON Lines, directories, stdin) and
// runs the extraction pipeline that makes a graph.Extraction of each.
//
// The pipeline is a sequence of stages, one sub-package each, that read and
// extend one *text.Doc:
//
//	token     tokens with byte offsets, sentences            (loader/token)
//	ner       PER/ORG/LOC/MISC spans, a trained model         (loader/ner)
//	refine    ontology types and attributes from gazetteers  (loader/refine, loader/gazetteer)
//	coref     mentions clustered into entities, aliases      (loader/coref)
//	relation  facts between mentions, with evidence          (loader/relation)
//
// Extract is a pure function of its input: no I/O, no store, safe for many
// goroutines at once. The trained models are embedded in the binary.
//
// loader imports graph, its own sub-packages and the standard library only.
package loader
