package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/text"
)

// example is one candidate pair with its features and gold label.
type example struct {
	feats []uint32
	y     bool
	rel   graph.RelationType
	sent  int
	key   triple
}

// examples turns documents into candidate pairs. docs[i] holds the
// mentions of sents[i] (gold or predicted); a candidate is positive when
// both argument spans, their types and the relation match a gold fact.
func examples(m *relation.Model, sents []sentence, docs []*text.Doc) []example {
	p, err := stages()
	if err != nil {
		panic(err) // main has built the pipeline
	}
	var out []example
	for si, s := range sents {
		d := docs[si]
		gold := map[triple]bool{}
		for _, r := range s.Relations {
			h, t := s.Entities[r.Head], s.Entities[r.Tail]
			if entityType[h.Type] == "" || entityType[t.Type] == "" {
				continue
			}
			gold[triple{h.Start, h.End, t.Start, t.End, r.Type + "/" + h.Type + "/" + t.Type}] = true
		}
		var named []int
		for i := range d.Mentions {
			if !d.Mentions[i].Nominal && d.Mentions[i].Sent == 0 {
				named = append(named, i)
			}
		}
		sort.SliceStable(named, func(a, b int) bool { return d.Mentions[named[a]].Start < d.Mentions[named[b]].Start })
		for _, c := range relation.Candidates(d, named, nil) {
			h, t := d.Mentions[c.Head], d.Mentions[c.Tail]
			kind := contractRelation[c.Rel]
			full := kind + "/" + conllType[h.Type] + "/" + conllType[t.Type]
			out = append(out, example{
				feats: p.Relation.Features(m, d, c, named),
				y:     gold[triple{h.Start, h.End, t.Start, t.End, full}],
				rel:   c.Rel,
				sent:  si,
				key:   triple{h.Start, h.End, t.Start, t.End, kind},
			})
		}
	}
	return out
}

// dedupe keeps one example per sentence and fact: when gold and predicted
// mentions give the same pair, the copies would count twice on dev.
func dedupe(ex []example) []example {
	type k struct {
		sent int
		key  triple
	}
	seen := map[k]bool{}
	out := ex[:0]
	for _, e := range ex {
		if seen[k{e.sent, e.key}] {
			continue
		}
		seen[k{e.sent, e.key}] = true
		out = append(out, e)
	}
	return out
}

var conllType = map[graph.EntityType]string{graph.Person: "Peop", graph.Organization: "Org", graph.Location: "Loc"}

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
	epochs    int
	posWeight float64
	negKeep   float64
	rate      float64
	l2        float64
	seed      int64
	parsed    bool // the model reads dependency-path features
}

// train fits the logistic regression with AdaGrad and returns, per epoch,
// the averaged weights' dev F1 at the best threshold; the model returned is
// the best epoch's.
func train(bits uint, tr, dev []example, devGold int, cfg trainConfig, verbose bool) (*relation.Model, float64) {
	n := 1 << bits
	w := make([]float64, n)
	g2 := make([]float64, n)
	sum := make([]float64, n) // running sum of weights for averaging
	last := make([]int, n)    // step at which sum[i] was last brought up to date
	var b, bsum, bg2 float64
	rng := rand.New(rand.NewSource(cfg.seed))
	order := make([]int, len(tr))
	for i := range order {
		order[i] = i
	}
	step := 0
	var best *relation.Model
	bestF := -1.0
	for ep := 1; ep <= cfg.epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			e := tr[k]
			if !e.y && cfg.negKeep < 1 && rng.Float64() > cfg.negKeep {
				continue
			}
			step++
			s := b
			for _, i := range e.feats {
				s += w[i]
			}
			p := 1 / (1 + math.Exp(-s))
			y, wt := 0.0, 1.0
			if e.y {
				y, wt = 1, cfg.posWeight
			}
			grad := (p - y) * wt
			for _, i := range e.feats {
				sum[i] += w[i] * float64(step-last[i])
				last[i] = step
				gi := grad + cfg.l2*w[i]
				g2[i] += gi * gi
				w[i] -= cfg.rate * gi / math.Sqrt(g2[i]+1e-8)
			}
			bsum += b
			bg2 += grad * grad
			b -= cfg.rate * grad / math.Sqrt(bg2+1e-8)
		}
		// Averaged weights as of this epoch.
		m := relation.NewModel(bits)
		m.Parsed = cfg.parsed
		for i := range w {
			avg := (sum[i] + w[i]*float64(step-last[i])) / float64(step)
			if math.Abs(avg) > 1e-5 {
				m.Weights[i] = float32(avg)
			}
		}
		m.Bias = float32(bsum / float64(step))
		th, f := bestThreshold(m, dev, devGold)
		m.Threshold = th
		if verbose {
			fmt.Fprintf(os.Stderr, "  epoch %2d: dev F1 %.2f at threshold %.2f\n", ep, f, th)
		}
		if f > bestF {
			best, bestF = m, f
		}
	}
	return best, bestF
}

// tunePerRelation sets per-relation thresholds, one relation at a time,
// each to the value that maximises dev F1 with the others fixed; it
// returns the dev F1 reached.
func tunePerRelation(m *relation.Model, dev []example, devGold int) float64 {
	probs := make([]float64, len(dev))
	for i, e := range dev {
		probs[i] = m.Score(e.feats)
	}
	m.PerRelation = map[graph.RelationType]float64{}
	f1 := func() float64 {
		tp, fp := 0, 0
		for i, e := range dev {
			if probs[i] >= m.Cut(e.rel) {
				if e.y {
					tp++
				} else {
					fp++
				}
			}
		}
		_, _, f := prf(tp, fp, devGold-tp)
		return f
	}
	best := f1()
	for _, rel := range []graph.RelationType{graph.WorksFor, graph.Killed, graph.BasedIn, graph.LivesIn, graph.LocatedIn} {
		bt := m.Threshold
		for t := 0.2; t <= 0.81; t += 0.05 {
			m.PerRelation[rel] = t
			// Prefer the global threshold unless another is clearly better.
			if f := f1(); f > best+0.25 {
				best, bt = f, t
			}
		}
		m.PerRelation[rel] = bt
	}
	return best
}

// bestThreshold picks the probability threshold with the best dev F1.
func bestThreshold(m *relation.Model, dev []example, devGold int) (float64, float64) {
	probs := make([]float64, len(dev))
	for i, e := range dev {
		probs[i] = m.Score(e.feats)
	}
	bestT, bestF := 0.5, -1.0
	for t := 0.2; t <= 0.81; t += 0.05 {
		tp, fp := 0, 0
		for i, e := range dev {
			if probs[i] >= t {
				if e.y {
					tp++
				} else {
					fp++
				}
			}
		}
		_, _, f := prf(tp, fp, devGold-tp)
		if f > bestF+1e-9 {
			bestT, bestF = t, f
		}
	}
	return bestT, bestF
}

func runTrain(args []string) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	trainPath := fs.String("train", "../shared/data/conll04/train.json", "CoNLL04 training sentences (SpERT JSON)")
	devPath := fs.String("dev", "../shared/data/conll04/dev.json", "CoNLL04 dev sentences, for model selection")
	out := fs.String("out", "loader/relation/model.bin.gz", "where to write the model")
	bits := fs.Uint("bits", 20, "log2 of the hashed weight table size")
	seed := fs.Int64("seed", 1, "random seed (shuffling, subsampling)")
	epochs := fs.Int("epochs", 20, "maximum epochs; the best epoch on dev is kept")
	perRelation := fs.Bool("per-relation", true, "tune a threshold per relation on dev after the global one")
	mentions := fs.String("mentions", "both", "train on gold mentions, the pipeline's (ner) or both")
	parse := fs.String("parse", "none", "train on every sentence without its parse (none), with it (only: dependency-path features), or twice (both); with only or both, select on parsed dev sentences as the evaluation contract parses them")
	selectOn := fs.String("select", "pipeline", "choose hyperparameters and thresholds on dev with the pipeline's mentions (pipeline) or gold ones (gold)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: train-relations [train] [flags]\n\nexample: go run ./cmd/train-relations -out loader/relation/model.bin.gz\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch *parse {
	case "none", "only", "both":
	default:
		return fmt.Errorf("-parse must be none, only or both, not %q", *parse)
	}
	parsed := *parse != "none"
	trS, err := readSpert(*trainPath)
	if err != nil {
		return err
	}
	devS, err := readSpert(*devPath)
	if err != nil {
		return err
	}
	proto := relation.NewModel(*bits)
	proto.Parsed = parsed
	var tr, dev []example
	for _, useNER := range []bool{false, true} {
		if useNER && *mentions == "gold" || !useNER && *mentions == "ner" {
			continue
		}
		trD, err := docsFor(trS, useNER)
		if err != nil {
			return err
		}
		if *parse != "only" {
			tr = append(tr, examples(proto, trS, trD)...)
		}
		if parsed {
			// The same sentences again with their parse: the graph
			// pipeline classifies unparsed sentences, the evaluation
			// contract parsed ones, and the model serves both.
			if err := parseAll(trD); err != nil {
				return err
			}
			tr = append(tr, examples(proto, trS, trD)...)
		}
	}
	devD, err := docsFor(devS, *selectOn == "pipeline")
	if err != nil {
		return err
	}
	if parsed {
		if err := parseAll(devD); err != nil {
			return err
		}
	}
	dev = dedupe(examples(proto, devS, devD))
	devGold := 0
	for _, s := range devS {
		devGold += len(goldTriples(s))
	}
	pos := 0
	for _, e := range tr {
		if e.y {
			pos++
		}
	}
	fmt.Fprintf(os.Stderr, "train: %d sentences, %d candidates, %d positive; dev: %d sentences, %d gold relations\n",
		len(trS), len(tr), pos, len(devS), devGold)

	// Model selection on dev: positive weight, negative subsampling, rate, L2.
	var best *relation.Model
	bestF := -1.0
	var bestCfg trainConfig
	for _, pw := range []float64{1, 2, 3} {
		for _, nk := range []float64{1, 0.7, 0.5, 0.3} {
			for _, l2 := range []float64{0, 1e-4} {
				cfg := trainConfig{epochs: *epochs, posWeight: pw, negKeep: nk, rate: 0.1, l2: l2, seed: *seed, parsed: parsed}
				m, f := train(*bits, tr, dev, devGold, cfg, false)
				fmt.Fprintf(os.Stderr, "posWeight %.0f negKeep %.1f l2 %g: dev F1 %.2f (threshold %.2f)\n", pw, nk, l2, f, m.Threshold)
				if f > bestF+1e-9 {
					best, bestF, bestCfg = m, f, cfg
				}
			}
		}
	}
	fmt.Fprintf(os.Stderr, "selected posWeight %.0f negKeep %.1f l2 %g\n", bestCfg.posWeight, bestCfg.negKeep, bestCfg.l2)
	train(*bits, tr, dev, devGold, bestCfg, true)
	if *perRelation {
		f := tunePerRelation(best, dev, devGold)
		fmt.Fprintf(os.Stderr, "per-relation thresholds %v: dev F1 %.2f (global threshold: %.2f)\n", best.PerRelation, f, bestF)
		bestF = f
	}
	if *selectOn == "pipeline" {
		// The threshold is chosen on the pipeline's mentions; report the
		// gold-mention figure as well.
		goldD, _ := docsFor(devS, false)
		if parsed {
			if err := parseAll(goldD); err != nil {
				return err
			}
		}
		gdev := dedupe(examples(proto, devS, goldD))
		tp, fp := 0, 0
		for _, e := range gdev {
			if best.Score(e.feats) >= best.Cut(e.rel) {
				if e.y {
					tp++
				} else {
					fp++
				}
			}
		}
		_, _, gf := prf(tp, fp, devGold-tp)
		fmt.Fprintf(os.Stderr, "same model on gold dev mentions: F1 %.2f\n", gf)
	}

	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := best.Encode(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Printf("classifier dev F1 (%s mentions, classifier alone): %.2f, threshold %.2f; wrote %s\n", *selectOn, bestF, best.Threshold, *out)
	return nil
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
