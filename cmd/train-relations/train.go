package main

import (
	"flag"
	"fmt"
	"math"
	"math/bits"
	"math/rand"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/kgraph/kgraph/cmd/internal/newsgold"
	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/text"
)

// example is one candidate pair with its features and gold class.
type example struct {
	feats []uint64
	mask  uint32 // classes the training softmax runs over (CoNLL04 says nothing of the others)
	full  uint32 // classes the pair's types allow at run time
	rules uint32 // classes the patterns gave the pair (emitted whatever the scorer says)
	y     int    // gold class, an index into relation.Classes
	group int    // news article; -1 for CoNLL04, -2 for CoNLL04 dev, -3 for a weakly labelled pair
	fold  int    // cross-validation fold: the article's or the CoNLL04 sentence's
	key   string // news: the gold entities of head and tail
	// CoNLL04 dev scoring: the gold kind of the pair and whether the tail
	// is a place (WORKS_FOR and LEADS to a place print as Live_In).
	kind  string
	place bool
}

// conllClass maps a CoNLL04 relation to its class.
var conllClass = map[string]graph.RelationType{
	"Work_For": graph.WorksFor, "Kill": graph.Killed, "OrgBased_In": graph.BasedIn,
	"Live_In": graph.LivesIn, "Located_In": graph.LocatedIn,
}

// conllMask holds NONE and the classes CoNLL04 annotates (LEADS counts as
// Work_For there).
var conllMask = func() uint32 {
	m := uint32(1) | 1<<relation.ClassIndex(graph.Leads)
	for _, r := range conllClass {
		m |= 1 << relation.ClassIndex(r)
	}
	return m
}()

var conllType = map[graph.EntityType]string{graph.Person: "Peop", graph.Organization: "Org", graph.Location: "Loc"}

// conllExamples turns documents into candidate pairs of named mentions.
// docs[i] holds the mentions of sents[i] (gold or predicted); a pair's
// class is the gold relation whose argument spans and types it matches.
func conllExamples(sents []sentence, docs []*text.Doc) []example {
	p, err := stages()
	if err != nil {
		panic(err) // main has built the pipeline
	}
	var out []example
	for si, s := range sents {
		d := docs[si]
		gold := map[triple]string{}
		for _, r := range s.Relations {
			h, t := s.Entities[r.Head], s.Entities[r.Tail]
			gold[triple{h.Start, h.End, t.Start, t.End, h.Type + "/" + t.Type}] = r.Type
		}
		pairs := p.Relation.Pairs(d)
		rules := patternClasses(d)
		for _, pr := range pairs {
			h, t := d.Mentions[pr.Head], d.Mentions[pr.Tail]
			if h.Nominal || t.Nominal || h.Sent != 0 || t.Sent != 0 {
				continue
			}
			kind := gold[triple{h.Start, h.End, t.Start, t.End, conllType[h.Type] + "/" + conllType[t.Type]}]
			out = append(out, example{feats: pr.Feats, mask: pr.Allowed & conllMask, full: pr.Allowed, rules: rules[[2]int{pr.Head, pr.Tail}],
				y: relation.ClassIndex(conllClass[kind]), group: -1, fold: si % folds, kind: kind, place: t.Type == graph.Location})
		}
	}
	return out
}

// patternClasses returns the classes the patterns gave each pair of
// mentions of d, as bit sets over relation.Classes (after Pairs, d's
// relations are the patterns' alone).
func patternClasses(d *text.Doc) map[[2]int]uint32 {
	out := map[[2]int]uint32{}
	for _, r := range d.Relations {
		out[[2]int{r.Head, r.Tail}] |= 1 << relation.ClassIndex(r.Type)
	}
	return out
}

// docsFor returns one document per sentence with gold mentions, or with
// the pipeline's mentions when ner is set.
func docsFor(sents []sentence, ner bool) ([]*text.Doc, error) {
	out := make([]*text.Doc, len(sents))
	for i, s := range sents {
		if !ner {
			out[i] = prepareGold(goldDoc(s))
			continue
		}
		d, err := pipelineDoc([][]string{s.Tokens})
		if err != nil {
			return nil, err
		}
		out[i] = d
	}
	return out, nil
}

type trainConfig struct {
	epochs     []int   // checkpoints: the averaged weights after these epochs
	newsWeight float64 // weight of a news example against a CoNLL04 one
	negKeep    float64 // share of NONE examples kept per epoch
	weakWeight float64 // weight of a pair the patterns labelled (weakExamples)
	rate, l2   float64
	seed       int64
	seeds      int // models trained from seeds seed, seed+1, …, whose weights are averaged
}

// bag trains cfg.seeds models over the examples use admits, from
// consecutive seeds (their shuffles and NONE subsamples differ), two at a
// time, and returns at each checkpoint the mean of their weights. One
// shuffle's luck moves CoNLL04 dev by about a point; the mean of several
// moves less, so a change elsewhere in the pipeline does not pick another
// configuration by chance.
func bag(bits uint, ex []example, use func(e *example) bool, cfg trainConfig) []*relation.Model {
	k := max(cfg.seeds, 1)
	runs := make([][]*relation.Model, k)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i := range k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			c := cfg
			c.seed = cfg.seed + int64(i)
			runs[i] = train(bits, ex, use, c)
		}()
	}
	wg.Wait()
	if k == 1 {
		return runs[0]
	}
	out := runs[0]
	for c, m := range out {
		for j := range m.Weights {
			sum := float64(0)
			for i := range k {
				sum += float64(runs[i][c].Weights[j])
			}
			m.Weights[j] = float32(sum / float64(k))
		}
	}
	return out
}

// train fits the multinomial logistic regression with AdaGrad over the
// examples use admits and returns the averaged weights at each checkpoint.
func train(bits uint, ex []example, use func(e *example) bool, cfg trainConfig) []*relation.Model {
	proto := relation.NewModel(bits)
	n := 1 << bits
	w := make([]float64, n)
	g2 := make([]float64, n)
	sum := make([]float64, n) // running sum of weights for averaging
	last := make([]int, n)    // step at which sum[i] was last brought up to date
	rng := rand.New(rand.NewSource(cfg.seed))
	var order []int
	for i := range ex {
		if use(&ex[i]) {
			order = append(order, i)
		}
	}
	nc := len(relation.Classes)
	score := make([]float64, nc)
	step := 0
	var out []*relation.Model
	ck := 0
	for ep := 1; ck < len(cfg.epochs); ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			e := &ex[k]
			if e.y == 0 && cfg.negKeep < 1 && rng.Float64() > cfg.negKeep {
				continue
			}
			step++
			mx := math.Inf(-1)
			for c := 0; c < nc; c++ {
				if e.mask&(1<<c) == 0 {
					continue
				}
				s := 0.0
				for _, h := range e.feats {
					s += w[proto.Slot(h, c)]
				}
				score[c] = s
				mx = max(mx, s)
			}
			z := 0.0
			for c := 0; c < nc; c++ {
				if e.mask&(1<<c) != 0 {
					score[c] = math.Exp(score[c] - mx)
					z += score[c]
				}
			}
			wt := 1.0
			switch {
			case e.group >= 0:
				wt = cfg.newsWeight
			case e.group == -3:
				wt = cfg.weakWeight
			}
			for c := 0; c < nc; c++ {
				if e.mask&(1<<c) == 0 {
					continue
				}
				grad := score[c] / z
				if c == e.y {
					grad--
				}
				grad *= wt
				for _, h := range e.feats {
					i := proto.Slot(h, c)
					sum[i] += w[i] * float64(step-last[i])
					last[i] = step
					gi := grad + cfg.l2*w[i]
					g2[i] += gi * gi
					w[i] -= cfg.rate * gi / math.Sqrt(g2[i]+1e-8)
				}
			}
		}
		if ep == cfg.epochs[ck] {
			m := relation.NewModel(bits)
			for i := range w {
				avg := (sum[i] + w[i]*float64(step-last[i])) / float64(max(step, 1))
				if math.Abs(avg) > 1e-4 {
					m.Weights[i] = float32(avg)
				}
			}
			out = append(out, m)
			ck++
		}
	}
	return out
}

// conllF1 is the strict relation F1 of the decisions on CoNLL04 dev pairs
// (group -2; classifier alone), with devGold gold relations.
func conllF1(ds []decision, devGold int) float64 {
	tp, fp := 0, 0
	for _, d := range ds {
		if d.e.group != -2 {
			continue
		}
		kinds := map[string]bool{}
		for c := 1; c < len(relation.Classes); c++ {
			if c == d.k || d.e.rules&(1<<c) != 0 {
				if kind := contractKind(relation.Classes[c], d.e.place); kind != "" {
					kinds[kind] = true
				}
			}
		}
		for kind := range kinds {
			if kind == d.e.kind {
				tp++
			} else {
				fp++
			}
		}
	}
	_, _, f := prf(tp, fp, devGold-tp)
	return f
}

// contractKind is the CoNLL04 kind a class prints as ("" for none).
func contractKind(c graph.RelationType, place bool) string {
	if (c == graph.WorksFor || c == graph.Leads) && place {
		return "Live_In"
	}
	if c == graph.Leads {
		return "Work_For"
	}
	for k, r := range conllClass {
		if r == c {
			return k
		}
	}
	return ""
}

// newsF1 is the pair-level F1 of the decisions on news pairs, over all
// relation classes.
func newsF1(ds []decision) float64 {
	tp, fp, fn := 0, 0, 0
	for _, d := range ds {
		if d.e.group < 0 {
			continue
		}
		on := d.e.rules
		if d.k > 0 {
			on |= 1 << d.k
		}
		if d.e.y > 0 && on&(1<<d.e.y) != 0 {
			tp++
			on &^= 1 << d.e.y
		} else if d.e.y > 0 {
			fn++
		}
		fp += bits.OnesCount32(on)
	}
	_, _, f := prf(tp, fp, fn)
	return f
}

const folds = 4

func runTrain(args []string) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	trainPath := fs.String("train", "../shared/data/conll04/train.json", "CoNLL04 training sentences (SpERT JSON)")
	devPath := fs.String("dev", "../shared/data/conll04/dev.json", "CoNLL04 dev sentences, for model selection")
	splits := fs.String("splits", "dev", "the splits of the annotated news to train on, comma-separated (dev, dev2, dev3; a held-out split is refused)")
	grid := fs.Bool("grid", false, "search news weight {3, 6} x NONE share {0.25, 0.15} x epochs {10, 15, 20, 30} by CoNLL04 dev F1 plus news cross-validated F1 instead of training the configuration of -news-weight, -neg-keep and -epochs (write the chosen one into their defaults to adopt it)")
	newsWeight := fs.Float64("news-weight", 3, "weight of a news pair against a CoNLL04 pair (the configuration the last search chose; see -grid)")
	negKeep := fs.Float64("neg-keep", 0.15, "share of NONE pairs kept in each epoch")
	epochs := fs.Int("epochs", 30, "training epochs")
	cutSplitsFlag := fs.String("cut-splits", "dev2,dev3", "the splits of the annotated news, not trained on, whose facts (with the training articles' out-of-fold ones) choose the graph cuts")
	goldDir := fs.String("gold", "testdata/gold/news", "annotated news: articles.txt and the gold graphs (the dev split is read, the held-out quarter never)")
	newsDir := fs.String("news", "../shared/data/news", "the news corpora that hold the annotated articles' texts")
	out := fs.String("out", "loader/relation/model.bin.gz", "where to write the model")
	bits := fs.Uint("bits", 20, "log2 of the hashed weight table size")
	seed := fs.Int64("seed", 1, "random seed (shuffling, subsampling)")
	seeds := fs.Int("seeds", 8, "models trained from consecutive seeds whose weights are averaged")
	weak := fs.Int("weak", 0, "also train on this many annotation-pool articles that no split of -gold lists, their pairs labelled by the patterns (weak supervision; measured and left off, see the README; 0: none)")
	weakPositive := fs.Bool("weak-positive", false, "with -weak, keep only the pairs the patterns relate (not the other pairs as NONE)")
	weakWeight := fs.Float64("weak-weight", 1, "with -weak, the weight of a pattern-labelled pair against a CoNLL04 pair")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: train-relations [train] [flags]\n\nexample: go run ./cmd/train-relations -out loader/relation/model.bin.gz\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *newsWeight <= 0 || *negKeep <= 0 || *negKeep > 1 || *epochs < 1 || *weak < 0 || *weakWeight <= 0 {
		return fmt.Errorf("want -news-weight > 0, -neg-keep in (0, 1], -epochs >= 1, -weak >= 0 and -weak-weight > 0, got %g, %g, %d, %d, %g", *newsWeight, *negKeep, *epochs, *weak, *weakWeight)
	}
	trS, err := readSpert(*trainPath)
	if err != nil {
		return err
	}
	devS, err := readSpert(*devPath)
	if err != nil {
		return err
	}
	var ex []example
	for _, useNER := range []bool{false, true} {
		trD, err := docsFor(trS, useNER)
		if err != nil {
			return err
		}
		ex = append(ex, conllExamples(trS, trD)...)
	}
	nConll := len(ex)
	trainSplits, cutSplits := strings.Split(*splits, ","), strings.Split(*cutSplitsFlag, ",")
	for _, c := range cutSplits {
		if slices.Contains(trainSplits, c) {
			return fmt.Errorf("split %s is in -splits and -cut-splits: the graph cut is chosen on articles not trained on", c)
		}
	}
	nex, narts, err := splitExamples(*goldDir, *newsDir, trainSplits)
	if err != nil {
		return err
	}
	ex = append(ex, nex...)
	if *weak > 0 {
		docs, err := newsgold.Pool(*goldDir, *newsDir, *weak)
		if err != nil {
			return err
		}
		wex, err := weakExamples(docs, *weakPositive)
		if err != nil {
			return err
		}
		wpos := 0
		for _, e := range wex {
			if e.y > 0 {
				wpos++
			}
		}
		fmt.Fprintf(os.Stderr, "weak supervision: %d pairs (%d related by the patterns) of %d pool articles, weight %g\n", len(wex), wpos, len(docs), *weakWeight)
		ex = append(ex, wex...)
	}
	devD, err := docsFor(devS, true)
	if err != nil {
		return err
	}
	dev := conllExamples(devS, devD)
	for i := range dev {
		dev[i].group = -2 // not a training example
	}
	devGold := 0
	for _, s := range devS {
		devGold += len(goldTriples(s))
	}
	npos := 0
	for _, e := range nex {
		if e.y > 0 {
			npos++
		}
	}
	fmt.Fprintf(os.Stderr, "train: %d CoNLL04 pairs, %d news pairs (%d related) of %d articles; dev: %d pairs, %d gold relations\n",
		nConll, len(nex), npos, narts, len(dev), devGold)

	// Selection: each configuration and checkpoint is trained on all the
	// training pairs (CoNLL04 dev F1, the selection figure) and in 4 folds
	// over CoNLL04 sentences and news articles, whose out-of-fold pairs
	// fit the temperature and the per-class cuts: thresholds come from
	// training data alone, and the news figure is cross-validated.
	// Without -grid only the configuration of the flags is trained: the
	// one the last search chose, kept fixed so that a retraining after a
	// change upstream (NER, refine, coref, the patterns) refits the
	// weights, the temperature and the cuts without re-rolling the
	// configuration on noise (the configurations' objectives differ by
	// less than a retraining moves them). The model of the chosen
	// checkpoint is the one the search trained: the averaged weights
	// after an epoch do not depend on the checkpoints after it.
	type choice struct {
		cfg   trainConfig
		epoch int
		obj   float64
		model *relation.Model
		oof   []logits
	}
	best := choice{obj: -1}
	newsWeights, negKeeps, checkpoints := []float64{*newsWeight}, []float64{*negKeep}, []int{*epochs}
	if *grid {
		newsWeights, negKeeps, checkpoints = []float64{3, 6}, []float64{0.25, 0.15}, []int{10, 15, 20, 30}
	}
	for _, nw := range newsWeights {
		for _, nk := range negKeeps {
			cfg := trainConfig{epochs: checkpoints, newsWeight: nw, negKeep: nk, weakWeight: *weakWeight, rate: 0.03, seed: *seed, seeds: *seeds}
			full, oof := crossValidate(*bits, ex, cfg)
			for c, m := range full {
				calibrate(m, oof[c])
				cf, nf := conllF1(decide(m, probsLogits(m, dev)), devGold), newsF1(decide(m, oof[c]))
				fmt.Fprintf(os.Stderr, "newsWeight %g negKeep %g epochs %2d: CoNLL04 dev %.2f, news cross-validated %.2f (temperature %.2f)\n", nw, nk, checkpoints[c], cf, nf, m.Temperature)
				if cf+nf > best.obj+1e-9 {
					best = choice{cfg, checkpoints[c], cf + nf, m, oof[c]}
				}
			}
		}
	}
	cfg := best.cfg
	final, finalOOF := best.model, best.oof
	cf, nf := conllF1(decide(final, probsLogits(final, dev)), devGold), newsF1(decide(final, finalOOF))
	// The graph cuts are chosen on the training articles' out-of-fold facts
	// and the later draws' articles, which no model was trained on: the
	// training articles alone hold too few facts to tell one cut from
	// another.
	held, _, err := splitExamples(*goldDir, *newsDir, cutSplits)
	if err != nil {
		return err
	}
	for i := range held {
		held[i].group += narts
		held[i].fold = -1
	}
	single := fitGraphCuts(final, append(decide(final, finalOOF), decide(final, probsLogits(final, held))...))
	var cuts []string
	for k := 1; k < len(relation.Classes); k++ {
		cuts = append(cuts, fmt.Sprintf("%s %.2f", relation.Classes[k], final.Cuts[k]))
	}
	fmt.Fprintf(os.Stderr, "cuts: %s\n", strings.Join(cuts, ", "))

	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := final.Encode(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Printf("scorer: newsWeight %g negKeep %g epochs %d, temperature %.2f, one graph cut %.2f before the per-class ones; CoNLL04 dev %.2f (scorer alone), news cross-validated %.2f; wrote %s\n",
		cfg.newsWeight, cfg.negKeep, best.epoch, final.Temperature, single, cf, nf, *out)
	return nil
}

// logits is a selection example with its model's raw class scores.
type logits struct {
	e *example
	s []float64 // per class; -Inf outside e.full
}

func probsLogits(m *relation.Model, ex []example) []logits {
	out := make([]logits, 0, len(ex))
	save := m.Temperature
	m.Temperature = 1
	defer func() { m.Temperature = save }()
	for i := range ex {
		e := &ex[i]
		s := make([]float64, len(relation.Classes))
		for k := range s {
			s[k] = math.Inf(-1)
			if e.full&(1<<k) == 0 {
				continue
			}
			v := float32(0)
			for _, h := range e.feats {
				v += m.Weights[m.Slot(h, k)]
			}
			s[k] = float64(v)
		}
		out = append(out, logits{e, s})
	}
	return out
}

func softmax(s []float64, t float64, p []float64) {
	mx := math.Inf(-1)
	for _, v := range s {
		mx = max(mx, v)
	}
	z := 0.0
	for k, v := range s {
		p[k] = math.Exp((v - mx) / t)
		z += p[k]
	}
	for k := range p {
		p[k] /= z
	}
}

// fitTemperature returns the temperature (0.5 to 3 in steps of 0.05) of
// least negative log-likelihood on the selection pairs.
func fitTemperature(sel []logits) float32 {
	p := make([]float64, len(relation.Classes))
	best, bestT := math.Inf(1), 1.0
	for t := 0.2; t <= 3.0001; t += 0.05 {
		nll := 0.0
		for _, l := range sel {
			softmax(l.s, t, p)
			nll -= math.Log(max(p[l.e.y], 1e-12))
		}
		if nll < best-1e-9 {
			best, bestT = nll, t
		}
	}
	return float32(bestT)
}

// decision is a selection pair's decided class.
type decision struct {
	e *example
	k int
	p float64 // probability of the most probable relation
	r int     // that relation
}

// decide applies m's temperature and cuts to the selection pairs.
func decide(m *relation.Model, sel []logits) []decision {
	p := make([]float64, len(relation.Classes))
	out := make([]decision, len(sel))
	for i, l := range sel {
		softmax(l.s, float64(m.Temperature), p)
		k, _ := m.Decide(p)
		r := 1
		for c := 2; c < len(p); c++ {
			if p[c] > p[r] {
				r = c
			}
		}
		out[i] = decision{l.e, k, p[r], r}
	}
	return out
}

// fitCuts sets each class's cut (0.2 to 0.9 in steps of 0.05) to the one
// of best F1 for that class on the selection pairs; a class the pairs
// never give or predict keeps 0.5.
func fitCuts(m *relation.Model, sel []logits) {
	ds := decide(m, sel)
	for c := 1; c < len(relation.Classes); c++ {
		best, bestCut := -1.0, 0.5
		for cut := 0.2; cut <= 0.9001; cut += 0.05 {
			tp, fp, fn := 0, 0, 0
			for _, d := range ds {
				if d.e.mask&(1<<c) == 0 {
					continue // CoNLL04 does not annotate c
				}
				on := d.r == c && d.p >= cut || d.e.rules&(1<<c) != 0
				switch {
				case on && d.e.y == c:
					tp++
				case on:
					fp++
				case d.e.y == c:
					fn++
				}
			}
			if tp+fp+fn == 0 {
				break
			}
			if _, _, f := prf(tp, fp, fn); f > best+1e-9 {
				best, bestCut = f, cut
			}
		}
		m.Cuts[c] = float32(bestCut)
	}
}

// crossValidate trains cfg on all of ex and, for each of the folds, on
// the other folds; it returns the full models (one per checkpoint) and,
// per checkpoint, the out-of-fold class scores of every training pair.
func crossValidate(bits uint, ex []example, cfg trainConfig) ([]*relation.Model, [][]logits) {
	full := bag(bits, ex, func(*example) bool { return true }, cfg)
	oof := make([][]logits, len(full))
	for fold := 0; fold < folds; fold++ {
		ms := bag(bits, ex, func(e *example) bool { return e.fold != fold }, cfg)
		var part []example
		for _, e := range ex {
			if e.fold == fold {
				part = append(part, e)
			}
		}
		for c, m := range ms {
			oof[c] = append(oof[c], probsLogits(m, part)...)
		}
	}
	return full, oof
}

// calibrate sets m's temperature and cuts from out-of-fold scores.
func calibrate(m *relation.Model, oof []logits) {
	m.Temperature = fitTemperature(oof)
	fitCuts(m, oof)
}

// extractGold runs relation.Extract on each sentence with gold mentions and
// returns micro precision, recall and F1 against the gold relations.
func extractGold(sents []sentence, verbose bool) (p, r, f float64) {
	tp, fp, fn := 0, 0, 0
	for _, s := range sents {
		d := prepareGold(goldDoc(s))
		extract(d)
		gold, pred := goldTriples(s), predTriples(d)
		for t := range pred {
			if gold[t] {
				tp++
			} else {
				fp++
				if verbose {
					conf := 0.0
					for _, r := range d.Relations {
						h, tl := d.Mentions[r.Head], d.Mentions[r.Tail]
						if h.Start == t.hs && h.End == t.he && tl.Start == t.ts && tl.End == t.te {
							conf = r.Confidence
						}
					}
					fmt.Printf("FP %s %.2f: %s -> %s | %s\n", t.typ, conf, strings.Join(s.Tokens[t.hs:t.he], " "),
						strings.Join(s.Tokens[t.ts:t.te], " "), strings.Join(s.Tokens, " "))
				}
			}
		}
		for t := range gold {
			if !pred[t] {
				fn++
			}
		}
	}
	return prf(tp, fp, fn)
}

func runEval(args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	devPath := fs.String("dev", "../shared/data/conll04/dev.json", "CoNLL04 sentences to score")
	verbose := fs.Bool("v", false, "print false positives")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: train-relations eval [flags]\n\nexample: go run ./cmd/train-relations eval -v | head\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	devS, err := readSpert(*devPath)
	if err != nil {
		return err
	}
	p, r, f := extractGold(devS, *verbose)
	fmt.Printf("relation.Extract on %s with gold entities: P %.2f R %.2f F1 %.2f\n", *devPath, p, r, f)
	return nil
}

// fitGraphCuts sets m's graph cut of each class, and returns the single
// cut it started from: the least confidence of
// a stored fact of it that only the scorer gives. The criterion is the
// F-measure with β² = 1/2 (precision counts twice as much as recall) of
// the news facts per article and pair of gold entities, patterns' and
// scorer's together. One cut for all classes is chosen first (its table
// is printed); then each class's cut in turn, twice over, is the one of
// best F with the others held, ties kept at the current cut: a class whose
// scored facts are mostly wrong in news (LIVES_IN, which CoNLL04 states
// often and the news graphs seldom) rises alone.
func fitGraphCuts(m *relation.Model, ds []decision) float64 {
	type fact struct {
		group int
		key   string
		k     int
	}
	gold := map[fact]bool{}
	for _, d := range ds {
		if d.e.group >= 0 && d.e.y > 0 {
			gold[fact{d.e.group, d.e.key, d.e.y}] = true
		}
	}
	nc := len(relation.Classes)
	measure := func(cuts []float64) (tp, fp int, f float64) {
		on := map[fact]bool{}
		for _, d := range ds {
			if d.e.group < 0 {
				continue
			}
			for k := 1; k < nc; k++ {
				if d.e.rules&(1<<k) != 0 || k == d.k && d.p >= cuts[k] {
					on[fact{d.e.group, d.e.key, k}] = true
				}
			}
		}
		for x := range on {
			if gold[x] {
				tp++
			}
		}
		p, r, _ := prf(tp, len(on)-tp, len(gold)-tp)
		if p+r > 0 {
			f = 1.5 * p * r / (0.5*p + r)
		}
		return tp, len(on) - tp, f
	}
	var grid []float64
	for c := 6; c <= 19; c++ {
		grid = append(grid, float64(c)/20)
	}
	cuts := make([]float64, nc)
	best, single := -1.0, 0.0
	for _, c := range grid {
		for k := range cuts {
			cuts[k] = c
		}
		tp, fp, f := measure(cuts)
		fmt.Fprintf(os.Stderr, "graph cut %.2f: news facts (out of fold, and of the cut splits) %d right, %d wrong, %d missed (F %.2f)\n", c, tp, fp, len(gold)-tp, f)
		if f > best+1e-9 {
			best, single = f, c
		}
	}
	for k := range cuts {
		cuts[k] = single // cuts[0], NONE's, is never read and keeps it
	}
	for pass := 0; pass < 2; pass++ {
		for k := 1; k < nc; k++ {
			keep := cuts[k]
			for _, c := range grid {
				cuts[k] = c
				if _, _, f := measure(cuts); f > best+1e-9 {
					best, keep = f, c
				}
			}
			cuts[k] = keep
		}
	}
	var parts []string
	for k := range cuts {
		m.GraphCuts[k] = float32(cuts[k])
		if k > 0 {
			parts = append(parts, fmt.Sprintf("%s %.2f", relation.Classes[k], cuts[k]))
		}
	}
	tp, fp, f := measure(cuts)
	fmt.Fprintf(os.Stderr, "graph cuts: %s; news facts %d right, %d wrong, %d missed (F %.2f)\n", strings.Join(parts, ", "), tp, fp, len(gold)-tp, f)
	return single
}
