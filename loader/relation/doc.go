// Package relation finds the relations a document states between its
// mentions: Extract fills text.Doc.Relations (head and tail are mention
// indices, Sent the evidence sentence, Attrs the title, predicate, dates
// and basis, Confidence in (0,1]). It runs after refine (typed mentions) and
// coref (entities, nominal mentions such as "the Executive Director").
//
// It owns this directory, including the embedded classifier model.bin.gz,
// and the training program cmd/train-relations. It may import graph,
// loader/text, loader/gazetteer and the standard library.
//
// # Two parts
//
// A trained classifier for the five CoNLL04 relations (WORKS_FOR, KILLED,
// BASED_IN, LIVES_IN, LOCATED_IN): every ordered pair of named mentions in
// a sentence whose types allow one of them (person→organisation,
// person→person, organisation→place, person→place, place→place) is scored by
// a logistic regression over hashed features after Zhou et al. (2005): the
// mentions' words and last words, their types, the words between (first,
// last, bag, bigrams, five-letter stems), the words around, distance and
// the mentions in between, and surface patterns ("X , a/the ... of Y",
// "Y 's X", "in Y", "based in"). Training (AdaGrad, averaged weights,
// fixed seed) uses both gold mentions and the pipeline's own mentions of
// CoNLL04 train, so the model sees names as NER will hand them over;
// positive weight, negative subsampling, L2, epoch and threshold are chosen
// on dev. Rebuild with
//
//	go run ./cmd/train-relations
//
// Hand-written patterns for the rest of the ontology, precision first
// (basis=pattern):
//
//   - WORKS_FOR with title, and LEADS for leading titles (president, chairman,
//     CEO, secretary-general … without deputy/vice), from pre-modifiers
//     ("UNFPA Executive Director X", "First Deputy Foreign Minister of the
//     Republic of Kazakhstan X", chains "UN Deputy Secretary-General, UNFPA
//     Executive Director X", "Y's chief executive X") and appositions ("X,
//     chairman of Y", "X, the CEO of Y", "X, Y's chief executive,", "X was
//     named chief executive of Y"); "former" posts and "in Paris President X"
//     are not jobs. Titles come from the gazetteer's title table.
//   - MET_WITH ("held talks/a meeting with", "met (with)", "X and Y met";
//     "received/hosted/welcomed" between persons); a title prefix leads to
//     its person ("met UN Deputy Secretary-General, UNFPA Executive Director
//     X" is a meeting with X, not with the UN).
//   - ANNOUNCED, PROPOSED ("put forward", "proposed"), LAUNCHED ("launched",
//     "established", "set up", "founded", "created"), active with up to four
//     auxiliary words ("is going to announce") and passive ("launched by").
//   - PARTICIPATES_IN ("attended", "took part in", "On the sidelines/eve of
//     EVENT, X ..."); ORGANIZED_BY (an organisation's name opening the
//     event's name or written right before it, "organised/hosted by",
//     "X organised EVENT"); LOCATED_IN for events ("EVENT [held] in PLACE")
//     with the date nearby as attributes date (ISO, a range as
//     "2023-05-16/2023-05-18"), start and end, the year taken from the
//     document date when the text gives none.
//   - PART_OF ("X is the leading Y organization", "Y agencies such as A, B
//     and C", "in the framework of Y" for what the sentence announced or
//     launched, "X, a unit of Y", "Y's Foreign Ministry" and demonyms
//     "Kazakh Foreign Ministry" → the country's state body), MEMBER_OF ("X,
//     a member of Y", "NATO member X", "X joined Y"), BASED_IN ("based in",
//     "headquartered in"), COOPERATES_WITH ("in cooperation/partnership with",
//     "increase cooperation with", lists and "such as" expanded), KILLED
//     ("shot dead", "assassinated by"), ACQUIRED ("acquired", "took over").
//   - RELATED_TO with attribute predicate for a clear subject-verb-object
//     between two names that nothing else related ("X praised Y": predicate
//     "praised"); reporting verbs and clauses ("said", "noted that") never.
//
// Subjects and objects may be nominal mentions resolved by coref; a named
// mention of the same entity in the same sentence is preferred. Document
// level (basis=gazetteer): a city LOCATED_IN its country and a well-known
// organisation PART_OF its parent when the document names both.
//
// Every relation carries attribute basis (pattern, classifier or gazetteer)
// and, when Doc.Date is set, documentDate. Classifier relations carry the
// classifier's probability as confidence; a classifier WORKS_FOR below 0.7
// is dropped when a title pattern gave the person another employer.
// InContract and ContractType say what belongs in the token-level
// evaluation contract: relations stated inside one sentence between named
// mentions, without gazetteer facts, and a WORKS_FOR or LEADS to a place
// printed as LIVES_IN (CoNLL04 annotates "U.S. Ambassador X" that way).
//
// # Figures (CoNLL04 dev, strict relation micro F1)
//
//	gold entities, Extract:                74.23 (P 71.43, R 77.26)   go run ./cmd/train-relations eval
//	gold entities, classifier alone:       74.23                       printed by go run ./cmd/train-relations
//	pipeline entities (ner+refine+coref):  51.1  (P 50.0, R 52.2)
//	    go build -o /tmp/train-relations ./cmd/train-relations
//	    ../shared/eval/score run re ../shared/data/conll04/dev.json -- /tmp/train-relations tag
//
// The pipeline figure is bounded by entity quality on CoNLL04: the NER
// (trained on CoNLL-2003) reaches entity F1 80.3 there and gets 80.5% of
// the gold relation arguments exactly right (span and type), so about 65%
// of gold relations have both arguments right.
//
// Speed: BenchmarkExtract, about two million words a second on one core
// for news-like sentences with mentions; the model (230 kB compressed)
// loads once.
package relation
