// Package relation finds the relations a document states between its
// mentions: the stage (Stage, built by New from the gazetteer and the
// scorer that Load decodes) has Extract fill text.Doc.Relations (head and
// tail are mention indices, Sent the evidence sentence, Attrs the title,
// predicate, dates and basis, Confidence in (0,1]). It runs after refine
// (typed mentions) and coref (entities, nominal mentions such as "the
// finance minister" and resolved pronouns).
//
// It owns this directory, including the embedded scorer model.bin.gz, and
// the training program cmd/train-relations. It may import graph,
// loader/text, loader/gazetteer and the standard library.
//
// # Three sources of facts, in this order
//
// Patterns (basis=pattern; attribute pattern names the one that found
// the fact, in the order of sentencePatterns), precision first, over
// every sentence: title
// pre-modifiers and appositions (WORKS_FOR with title, LEADS for leading
// titles, MEMBER_OF for a party), verbs of meeting, announcing, proposing,
// launching, attending, organising, acquiring and killing (titles.go,
// verbs.go), events with their place and dates (events.go), parts,
// members, bases and places (structure.go), cooperation (cooperation.go),
// match reports (sports.go) and the data rules of rules.tsv (rules.go: one
// rule a line — name, relation type, a pattern of lower-case words with
// mention slots H:TYPES and T:TYPES, T:ORG+ for a list — and an example
// sentence that TestRuleExamples checks; facts carry rule=NAME). The
// patterns' words and phrases — the verb phrases of each trigger,
// prepositions, cue words, nouns of organisations and events — are data
// too: the named lists of words.txt (lexicon.go), which New checks
// against the lists the code reads.
//
// The scorer (basis=classifier; model.go, features.go, extract.go), over
// every ordered pair of mentions of one sentence — named ones, and
// nominal ones and pronouns that coref resolved — whose types the
// vocabulary allows a relation between (nationalities and MISC names
// left out): one multinomial logistic regression over NONE and every
// relation type of graph.RelationTypes, the softmax taken over the types
// the pair's entity types allow (directed: (A, B) and (B, A) are two
// pairs). Its features follow Zhou et al. (2005): the mentions' words and
// types, the words between (first, last, bag, bigrams, five-letter stems,
// title words), the words around, distance, the mentions between, surface
// shapes (apposition, possessive, "based in", the preposition before the
// tail), what the place gazetteer knows; and what the patterns said of the
// pair (the type a pattern gave it either way, a tail inside another
// person's title, an employer a title pattern gave the person in this
// sentence or elsewhere in the document). The signs that once vetoed a
// classifier pair are features too (cues in extract.go, guards.go): a
// telegraphic line, a dateline place, members of one list, a visit, a verb
// of praise, blame, contest or trade between the names, "against", "told",
// a possessive before a work, a bare "for" or "to", a journey or market
// after the place, a stock ticker, a word for killing in the sentence.
// Probabilities are divided by a fitted temperature before the softmax
// (calibration); a pair gets its most probable relation when that reaches
// the relation's cut. The graph keeps a scored fact whose noisy-or over the
// sentences stating it reaches the model's graph cut of its relation
// (GraphCuts); the evaluation contract keeps every decision. Temperature
// and cuts are fitted on out-of-fold training pairs, the graph cuts on
// news facts: out of fold, and of the later draws' articles no model
// trains on (cmd/train-relations).
//
// The gazetteer (basis=gazetteer), at document level: a city LOCATED_IN its
// country and a well-known organisation PART_OF its parent when the
// document names both (a classifier fact it confirms becomes a gazetteer
// fact).
//
// # Training
//
//	go run ./cmd/train-relations     # writes loader/relation/model.bin.gz, byte for byte the same
//
// trains on CoNLL04 train (gold and pipeline mentions; Work_For, Kill,
// OrgBased_In, Live_In, Located_In mapped to the ontology, the softmax of
// a CoNLL04 pair restricted to NONE and those types, since CoNLL04 says
// nothing of the others) and on the annotated news of testdata/gold/news
// outside the held-out quarter (a pair of mentions of two gold entities
// takes the gold relation between them, else NONE). AdaGrad, averaged
// weights; each model is the mean of eight trained from consecutive fixed
// seeds. News weight, NONE subsampling and epochs were chosen (-grid)
// on CoNLL04 dev F1 plus the F1 on news pairs from 4-fold
// cross-validation over the articles, and are fixed since as the
// training program's defaults, so that a retraining refits the model
// without re-rolling them; the temperature (least negative
// log-likelihood) and the cuts (best F1 per relation) are fitted on the
// out-of-fold pairs at every retraining.
//
// Dependency-path features are not used: measured with the earlier pair
// classifier on CoNLL04 dev they lost (59.69 parsed only, 60.81 both,
// 61.09 without), and graph extraction does not parse.
//
// InContract and ContractType say what belongs in the token-level
// evaluation contract: relations inside one sentence between named
// mentions (gazetteer facts only for a city and its country named in that
// sentence), a WORKS_FOR or LEADS to a place printed as LIVES_IN (CoNLL04
// annotates "U.S. Ambassador X" that way).
//
// Training reads the pipeline's own mentions, which ties the model to the
// NER model: retrain after the NER model changes. The model (about 1 MB
// compressed) loads once; BenchmarkExtract measures news-like sentences.
package relation
