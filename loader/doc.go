// Package loader turns text into knowledge: it reads documents (plain text
// with an optional date/title header, JSON Lines, directories, stdin) and
// runs the extraction pipeline that makes a graph.Extraction of each.
//
// The pipeline is a list of stages (Stage: a name and Run(ctx, *text.Doc))
// that read and extend one *text.Doc, one sub-package each:
//
//	tokenize  sentences of tokens with byte offsets         loader/token
//	ner       PER/ORG/LOC/MISC spans, a trained model        loader/ner
//	syntax    UPOS, lemmas, dependency tree per sentence     loader/syntax (evaluation contract and --explain)
//	refine    typed mentions, attributes, name fields        loader/refine + loader/gazetteer
//	coref     mentions clustered into entities, aliases      loader/coref
//	relation  facts between mentions, with evidence          loader/relation
//
// New (or NewFrom with explicit Resources) decodes and validates every
// resource once — gazetteer tables, refine tables, the NER model and word
// clusters, the relation classifier — and builds the stages as values
// holding them (NewPipeline; the training programs call it too, so the
// stage order is written once). A corrupt file is an error of New, and
// nothing panics later. The parser's model alone is decoded on first use
// (Pipeline.Syntax): graph extraction does not read the parse, and the
// model is the largest resource (about 70 MiB and a third of a second to
// decode), so ingest, serve and bench never pay for it; a model that does
// not decode is an error of the first stage that parses.
//
// Stages pass each other typed fields (text.Mention's Name, Modifier,
// Canonical, Honorific; text.Sentence's Syntax); Attrs holds only what the
// graph outputs. Closed-class word lists shared by stages live in
// loader/text (words.go).
//
// Cost is linear in the document: sentences are cut at MaxSentenceTokens,
// the relation classifier scores at most relation.MaxPairs pairs per
// sentence (nearest first), coreference looks at a bounded number of
// members per cluster, and ctx is checked between and inside stages.
//
// Extract is a pure function of its input: no I/O, no store, safe for many
// goroutines at once. ExtractDoc also returns the working document, which
// Explain prints for `kgraph extract --explain`. Sentences reports a
// document per sentence for the evaluation contract (with the parse).
//
// loader imports graph, its own sub-packages and the standard library only.
package loader
