// Package syntax is kgraph's part-of-speech tagger and dependency parser:
// Universal POS tags, lemmas and Universal Dependencies trees for the
// tokens of one sentence, from linear models over hashed sparse features
// trained with the averaged perceptron on UD English EWT. The trained
// model ships inside the binary (model.bin.gz, embedded with go:embed);
// cmd/train-syntax rebuilds it. It imports only the standard library.
//
// Use:
//
//	m, err := syntax.Load() // decodes the embedded model once; later calls share it
//	p := m.Parse(words)     // p.UPOS, p.Lemma, p.Head (1-based, 0 = root), p.Deprel
//	m.ParseInto(&p, words)  // the same, reusing p's slices (no allocation per call)
//
// A *Model is read-only after loading; Parse and ParseInto are safe for
// concurrent use (per-call scratch comes from a sync.Pool). Load returns
// an error, never panics, when the embedded file is corrupt. Every
// sentence gets a tree: one root (relation "root"), no cycles, every head
// in range; the words of one call are one sentence, so give it sentences
// (a long run of text without a sentence break still parses, only worse).
//
// # Architecture
//
// Five stages per sentence, linear in its length (the labeller's count
// of punctuation between an arc's ends and the rare cycle that the
// spanning tree must break aside):
//
//  1. Atoms (feat.go): each token is normalised (see Tokens below) and
//     hashed once into word, lower-case word (digits as 0), shape,
//     prefixes 1–3, suffixes 1–4, word-cluster prefixes of 4, 8 and 12
//     bits, and for a hyphenated word its last part, that part's suffix
//     and cluster. Features are 64-bit mixes of a template number and
//     atoms; no strings are built while parsing.
//  2. Tagger (tagger.go): greedy left to right, 17 UPOS tags, 39
//     templates: the token's atoms, words, suffixes, shapes and clusters
//     at ±1/±2, the two previous tags alone, together and with the word.
//     A second pass (stacking) tags the sentence again with the same
//     templates plus ten over the first pass's tags of the token and its
//     neighbours at -1..+2 (alone, paired, with the word and suffix), so
//     a tag can follow the tags to its right.
//  3. Parser (parser.go, beam.go): arc-hybrid transitions with the root
//     at the end of the buffer, beam search (the model file says how wide
//     the beam is; width 1 is greedy). In an n-word sentence every
//     derivation has 2n transitions, so the beam's items stay in step: each
//     step expands every item by its valid actions and keeps the best
//     successors by the summed scores of their actions (ties broken by
//     item and action, so the output never depends on sort order). An
//     action model (SHIFT, LEFT, RIGHT) scores
//     96 templates: Zhang & Nivre (2011)'s set moved to arc-hybrid
//     positions (words, tags and word–tag pairs of s0–s2 and b0–b2, pairs
//     and triples, distance, valency, the leftmost/rightmost two children
//     and their relations, the label sets of s0, s1 and b0), plus word
//     clusters of s0, s1, b0, b1 and their pairs. When an action makes an
//     arc, a relation model (one weight row per relation, separate
//     templates for left and right arcs) picks the label from the arc's
//     two ends, their distance, the dependent's children and neighbours
//     and the relations the head already has. LEFT onto the root is
//     allowed only for the last word on the stack, so a tree has one root.
//     At parse time the 32 action templates that read one token in one
//     role (s0, s1, s2, the buffer front with its two successors, the
//     children the templates read) are summed once per token, role and
//     sentence and kept, shared by all items of the beam; only the other
//     64 are looked up per item and transition.
//     Training scores all 96 the plain way; TestActSplit checks that the
//     two give the same keys and scores.
//  4. Ensemble (ensemble.go; Sagae & Lavie 2006, Surdeanu & Manning
//     2010): a second action model and relation model, trained the same
//     way on the training sentences with their words reversed, parse the
//     sentence right to left (the same beam search over the reversed
//     tokens; heads are mapped back). The two final beams vote: each item
//     gives every arc of its tree the softmax of the item scores over its
//     beam (temperature 12000, on the scale of the summed int16 weights),
//     the right-to-left votes count 0.85, so ties go to the left-to-right
//     parser. The tree is the maximum spanning tree over the votes
//     (Chu-Liu/Edmonds, so it may be non-projective), each arc into the
//     root costing more than all votes of the sentence, so that it has one
//     root. Usually each word's best-voted head already forms a tree and
//     the spanning tree costs nothing more. Direction("left") and
//     Direction("right") parse with one direction alone (comparisons).
//  5. Arc labeller (relabel.go), after the lemmas (below), which it
//     reads: the relations of the finished tree are
//     chosen again, top-down (a head before its dependents, each head's
//     dependents left to right), by a model that sees what no transition
//     could: 64 templates over the two ends (word, tag, lemma, cluster,
//     suffix), direction and distance, the head's head and the relation
//     just given to the head, the siblings before and after and the
//     relations given to the earlier ones, the tags of the head's
//     children on each side, the dependent's children (outermost ones,
//     counts, tags on each side, its case-marker, subordinator,
//     auxiliary and determiner words), the head's auxiliary, the
//     punctuation between the two ends, and neighbours. The parser's own
//     relations still steer its transitions (its label-set templates).
//
// Lemmas (lemma.go): suffix rules per tag (plural nouns, -s/-ed/-ing
// verbs, -ier/-iest adjectives) plus the training data's most frequent
// lemma of a (word, tag) pair wherever the rules would get it wrong
// (irregular verbs, "was" → "be", "children" → "child"). Proper nouns keep
// their form.
//
// Each table maps a feature key to a row of int16 weights, one per class,
// by open addressing (table.go). The action model's 3 weights sit in the
// hash slot itself; the tagger's and the relation model's rows are stored
// sparse (about 3 non-zero classes of 17 or 51), up to three entries inline
// in a 16-byte slot, four slots to a cache line. So one feature costs one
// cache line, and score reads the home slots of all a decision's features
// in one loop of independent loads before it sums them, so that their
// cache misses overlap.
//
// # Training (train.go, cmd/train-syntax)
//
// Data: ../shared/data/ud-ewt/train.conllu (12,544 sentences, 204k
// syntactic words); dev.conllu only reports figures; the test split is
// never read. The tagger is an averaged perceptron, 8 epochs. The parser
// trains on jackknifed tags (4 folds: each quarter tagged by a tagger
// trained on the other three, 96.2% correct), so it learns from the kind
// of tag errors it will see. Parser: averaged perceptron, 8 epochs,
// trained globally with beam search (beam.go; Zhang & Clark 2008, Zhang &
// Nivre 2011): each sentence is decoded with the current weights, and the
// perceptron updates the whole transition sequence up to the step where
// the beam's best item outscores the best correct one by the most
// (max-violation, Huang, Fayong & Guo 2012). "Correct" is the dynamic
// oracle of Goldberg & Nivre (2013) for arc-hybrid: an action is correct
// when it loses no more reachable gold arcs than the best action, so
// non-projective trees need no special case, and the correct sequence is
// the best-scoring one among the many that build the same tree; once it
// falls out of the beam it goes on alone. The right-to-left parser
// trains the same way, 8 epochs, on the reversed sentences with their
// own shuffle (its weights are pruned at 500 instead of 250: they are on
// another scale, and the smaller table parses as well). Role sums are memoised in
// training too (the action weights change only between sentences). With
// -beam 1 the parser is greedy instead, trained with the same dynamic
// oracle and exploration (it follows its own wrong action with probability
// 0.9 from the second epoch). The relation model learns on the gold arcs
// of the correct sequence. The second tagging pass learns from the
// jackknifed first-pass tags (what the first pass gives on unseen text),
// 10 epochs. The arc labeller learns from the gold trees of train with
// the jackknifed tags, labelling each tree in its parse-time order with
// its own earlier choices as history, 10 epochs. Weights are averaged exactly in integers,
// quantised to int16 and small rows pruned. Shuffling uses math/rand/v2's
// PCG with fixed seeds and maps are never iterated into the output
// unsorted. The parts that do not learn from each other train side by
// side, each on its own goroutine with its own random stream (the four
// jackknife taggers; then the tagger and the second pass; then the two
// parsers and the labeller), so the model file is byte-identical on every
// run and the same as when they train one after the other (which they do
// when -eval scores dev during training; TestEnsembleTraining checks it).
//
// # Tokens: EWT versus kgraph's tokenizer
//
// kgraph's tokenizer (loader/token) follows CoNLL-2003; EWT follows
// PTB-like UD conventions. They agree on clitics (Valdoria 's, do n't,
// ca n't, they 're), on splitting most punctuation and on keeping U.S.
// and Mr. whole. They differ as follows, reconciled so:
//
//   - Hyphens: EWT splits hyphenated compounds (15 - year, anti - war);
//     loader/token keeps them whole (15-year, Kassym-Jomart). Training
//     rewrites the compounds of every second sentence the kgraph way (one
//     word carrying the tag, head and relation of the part that heads the
//     compound), so the model knows both; a hyphenated word also gets
//     features from its last part (its form, suffix and cluster), which
//     is usually the head (year in 15-year).
//   - Brackets and quotes: PTB escapes (-LRB-, -RRB-, -LSB-, “, ”) and
//     typographic quotes map to the plain characters ( ) " ' before
//     features are computed; [ and { count as (.
//   - Dashes: — – --- and -- are one form "--" (loader/token writes a
//     free-standing dash as "--"); "…" is "...".
//   - Apostrophes inside words (’ ʼ) become ' (n’t = n't).
//   - Digits: the lower-case form writes every digit as 0, so unseen
//     numbers, dates and times share features.
//
// The evaluation (../shared/eval/score run dep) feeds EWT's own syntactic
// words, so the figures below are on EWT tokenisation; on kgraph's tokens
// only hyphenated compounds differ in number.
//
// # Figures
//
// UD EWT dev through the evaluation contract (gold tokens as
// ../shared/eval/score feeds them, predicted tags, punctuation included):
// UPOS 95.21, UAS 85.39, LAS 82.09 with both parsers at the beam of 8
// voting, the second tagging pass and the arc labeller; 85.48 / 82.24 at
// the beam of 16 that the loader parses with (loader/stages.go). The
// left-to-right parser alone (Direction("left"), the model before the
// ensemble, byte for byte the same tables): 95.21 / 84.73 / 81.42; the
// right-to-left one alone 82.79 / 79.76 (UAS / LAS). So the vote gives
// +0.66 UAS and +0.67 LAS. Vote weights (temperature:right weight, LAS):
// 300:0.98 81.48, 1000:0.98 81.70, 4000:0.98 81.77, 10000:0.98 81.93,
// 30000:0.98 81.72, uniform votes 80.88, 10000:0.8 81.99, 15000:0.8
// 82.05 (right-to-left weights pruned at 250); on the model as written
// 8000:0.85 81.99, 12000:0.85 82.09 (kept), 16000:0.85 82.05, 12000:0.95
// 82.01, 12000:0.7 82.08: a plateau, chosen on dev, so expect a little
// less elsewhere. Pruning the right-to-left weights at 250, 500, 750,
// 1000, 1500: LAS 81.99, 82.09, 81.88, 81.81, 81.63 (789k, 244k, 118k,
// 67k, 25k action features; 500 kept). The ensemble with other beams
// (WithBeam, both directions): 4 items 84.77 / 81.54, 12 items 85.45 /
// 82.16, 16 items 85.48 / 82.24. Before the ensemble: the labeller gave
// +0.20 LAS (81.35; epochs 4, 8, 10, 12, 16: 81.30, 81.30, 81.35, 81.32,
// 81.33), the second pass +0.12 UPOS and +0.07 LAS on top (without the
// two: 95.09 / 84.66 / 81.15; the greedy parser before: 95.06 / 83.49 /
// 80.03). The left-to-right parser with other beams: 16 items 84.69 /
// 81.39, 4 items 84.47 / 81.22, 2 items 83.80 / 80.53, greedy 81.78 /
// 78.63 (a model trained for the beam is a worse greedy parser). Parser:
// before pruning small weights 84.69 / 81.19 at epoch 8 (without the
// labeller); epochs 10, 12 and 14 gave 80.98, 81.11 and 81.27 LAS, so 8
// are kept. Model 25.2 MB compressed (20.1 before the ensemble): 143k
// tagger, 937k action, 181k relation and 303k labeller features, the
// second tagging pass, and 244k action and 164k relation features of the
// right-to-left parser. Training (go run ./cmd/train-syntax) takes about
// 6 minutes of CPU (338 s user; 3.7 minutes before the ensemble): 3 min
// 5 s wall on 2 cores with the parts side by side, 6 min 34 s one after
// the other.
//
// Speed (BenchmarkParse: atoms, tagger, parser and lemmas on the dev
// sentences, one core, tokens per CPU second of the parsing thread):
// BenchmarkParseDirections in one run at a load average of 6 on 2 cores:
// left to right alone 30.7k, right to left alone 29.4k, both voting
// 15.1k; the vote and spanning tree cost little beside the two beams.
// Before the ensemble, at a load average of about 12: 22-26k with the
// beam of 8; BenchmarkParseWidths in one run: 1 item 72k, 2 items 61k,
// 4 items 43k, 8 items 22k (the greedy model before measured 79-88k).
// Most of the time is table lookups, most of them cache misses in tables
// of several megabytes: per transition each item looks up 64 action
// features, and each arc that enters the beam 31 relation features, so
// the parse costs what its memory traffic costs.
//
// # Model file
//
// See codec.go: gzip-compressed; relation labels, the word clusters
// (copied from loader/ner/clusters.txt.gz when training), the lemma
// exceptions, then the tables (tagger, actions, the parser's relations,
// in version 4 the arc labeller and the second tagging pass, in version
// 6 also the right-to-left parser's actions and relations; version 2 to
// 4 files without them still decode) as increasing feature keys (uvarint
// deltas) and int16 weights (zig-zag varints). Decode checks every count,
// range and the gzip checksum and rejects trailing data.
package syntax
