// Command train-syntax trains kgraph's part-of-speech tagger and
// dependency parser (package loader/syntax) on UD English EWT and writes
// the model file that the binary embeds.
//
// Usage, from the repository root with ../shared/data present:
//
//	go run ./cmd/train-syntax            # rebuilds loader/syntax/model.bin.gz
//	go run ./cmd/train-syntax -out DIR   # writes DIR/model.bin.gz instead
//	go run ./cmd/train-syntax -eval      # also scores each third epoch on dev
//	go run ./cmd/train-syntax -out /tmp/m -eval -eval-every 2 -snapshot /tmp/m/snap -prune-sweep 0,250
//	                                     # model selection: dev figures and a model file per scored epoch and prune level
//	go run ./cmd/train-syntax -score FILE -beam-sweep 1,4,8
//	                                     # scores a model file on dev at several beam widths
//	go run ./cmd/train-syntax -score FILE -vote-sweep 8000:0.85,12000:0.85 -prune-right-sweep 500,1000
//	                                     # scores the ensemble's vote weights and right-to-left pruning on dev
//	go run ./cmd/train-syntax -reverse-from FILE -out /tmp/m -eval
//	                                     # trains only the right-to-left parser on top of FILE's other parts
//	go run ./cmd/train-syntax -reverse=false
//	                                     # the left-to-right parser alone (no ensemble)
//	go run ./cmd/train-syntax -agree-from loader/syntax/model.bin.gz -agree-out /tmp/agreed.conllu
//	go run ./cmd/train-syntax -extra /tmp/agreed.conllu -out /tmp/m
//	                                     # tri-training: the parsers also learn the trees both
//	                                     # directions agree on in unlabeled news (model selection)
//
// The same data, flags and seed give a byte-identical file. The dev split
// only reports figures; it never changes the model. The test split is
// never read.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/kgraph/kgraph/loader/ner"
	"github.com/kgraph/kgraph/loader/syntax"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "train-syntax:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train-syntax", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "../shared/data/ud-ewt", "folder with train.conllu and dev.conllu")
	clusters := fs.String("clusters", "loader/ner/clusters.txt.gz", "word cluster file (learned by cmd/train-ner)")
	out := fs.String("out", "loader/syntax", "folder to write model.bin.gz into")
	tagIter := fs.Int("tag-iter", 8, "tagger epochs")
	parseIter := fs.Int("parse-iter", 8, "parser epochs")
	folds := fs.Int("folds", 4, "jackknife folds for the parser's training tags (0: gold tags)")
	explore := fs.Float64("explore", 0.9, "greedy training (-beam 1): probability of following a wrong parser action after the first epoch")
	prune := fs.Int("prune", 250, "drop features whose quantised weights (max 30000) are all below this")
	sweep := fs.String("prune-sweep", "", "comma-separated prune levels to score on dev before writing (model selection)")
	beam := fs.Int("beam", 8, "beam width of the parser (1: greedy, trained with the dynamic oracle; more: beam search, trained globally)")
	evalEvery := fs.Int("eval-every", 3, "with -eval: score on dev every this many parser epochs")
	snapshot := fs.String("snapshot", "", "with -eval: write the model after each scored epoch to DIR/model-epN-pruneP.bin.gz, P the -prune level or each of -prune-sweep (the same bytes as -parse-iter N -prune P)")
	beamSweep := fs.String("beam-sweep", "", "comma-separated beam widths to score the written model with on dev (speed against accuracy)")
	score := fs.String("score", "", "score the model file FILE on dev (with -beam-sweep, at each width) instead of training")
	relabelIter := fs.Int("relabel-iter", 10, "epochs of the arc labeller that relabels the finished tree (0: none, the parser's relations stand)")
	stackIter := fs.Int("stack-iter", 10, "epochs of the second tagging pass, which reads the first pass's tags on both sides (0: none)")
	reverse := fs.Bool("reverse", true, "also train a right-to-left parser whose final beam votes with the left-to-right one's (a maximum spanning tree over the arcs of both beams)")
	reverseFrom := fs.String("reverse-from", "", "train only the right-to-left parser on top of model file FILE and write the combined model (model selection; with -eval it scores each third epoch on dev)")
	pruneRight := fs.Int("prune-right", 500, "like -prune (and at least it), for the right-to-left parser, whose weights are on another scale")
	pruneRightSweep := fs.String("prune-right-sweep", "", "with -score: comma-separated -prune-right levels to score on dev (model selection)")
	voteSweep := fs.String("vote-sweep", "", "with -score: comma-separated TEMP:RIGHT pairs of the ensemble's vote weights to score on dev (model selection)")
	relabelFrom := fs.String("relabel-from", "", "train only the arc labeller on top of the tagger and parser of model file FILE (model selection; with -eval it scores each epoch on dev)")
	agreeFrom := fs.String("agree-from", "", "parse the annotation-pool articles of -news with each direction of model file FILE and write the trees both agree on to -agree-out (CoNLL-U), instead of training")
	agreeOut := fs.String("agree-out", "", "with -agree-from: the CoNLL-U file to write")
	agreeMax := fs.Int("agree-max", 0, "with -agree-from: write at most this many trees (0: all)")
	news := fs.String("news", "../shared/data/news", "with -agree-from: folder with bbc.jsonl, reuters21578.jsonl and annotation-pool.txt")
	extra := fs.String("extra", "", "CoNLL-U file of parsed unlabeled sentences (written by -agree-from) that both parsers also train on")
	extraN := fs.Int("extra-n", 0, "with -extra: use the first n sentences only (0: all)")
	seed := fs.Uint64("seed", 1, "random seed")
	limit := fs.Int("n", 0, "train on the first n sentences only (0: all; for quick experiments)")
	eval := fs.Bool("eval", false, "score the parser on dev every -eval-every epochs")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./cmd/train-syntax [flags]\n\n"+
			"Trains the UPOS tagger and dependency parser on %s/train.conllu and\n"+
			"writes model.bin.gz; prints dev figures of the written model.\n\n"+
			"Examples:\n  go run ./cmd/train-syntax\n  go run ./cmd/train-syntax -out /tmp/m -parse-iter 6 -eval\n\nFlags:\n", "../shared/data/ud-ewt")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	pruneLevels, err := intList("-prune-sweep", *sweep)
	if err != nil {
		return err
	}
	pruneRightLevels, err := intList("-prune-right-sweep", *pruneRightSweep)
	if err != nil {
		return err
	}
	beamWidths, err := intList("-beam-sweep", *beamSweep)
	if err != nil {
		return err
	}
	start := time.Now()
	if *agreeFrom != "" {
		if *agreeOut == "" {
			return fmt.Errorf("-agree-from needs -agree-out")
		}
		m, err := readModel(*agreeFrom)
		if err != nil {
			return err
		}
		f, err := os.Create(*agreeOut)
		if err != nil {
			return err
		}
		parsed, kept, err := writeAgreed(m, *news, f, *agreeMax)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d news sentences parsed, %d agreed trees written to %s (%s)\n", parsed, kept, *agreeOut, time.Since(start).Round(time.Second))
		return nil
	}
	train, err := readTreebank(filepath.Join(*data, "train.conllu"))
	if err != nil {
		return err
	}
	dev, err := readTreebank(filepath.Join(*data, "dev.conllu"))
	if err != nil {
		return err
	}
	if *score != "" {
		m, err := readModel(*score)
		if err != nil {
			return err
		}
		a, b2, c, d, ra, rl := m.Sizes()
		fmt.Fprintf(stdout, "%s: beam %d; %d tagger, %d action, %d relation, %d labeller, %d+%d right-to-left features\n", *score, m.Beam(), a, b2, c, d, ra, rl)
		scoreDirections(stdout, m, dev)
		for _, level := range pruneRightLevels {
			p := m.PruneRight(level)
			_, _, _, _, ra, rl := p.Sizes()
			t := time.Now()
			r := p.Eval(dev)
			fmt.Fprintf(stdout, "prune-right %d: %d+%d features; dev %s; %.0f tokens/s\n", level, ra, rl, r, float64(r.Words)/time.Since(t).Seconds())
		}
		if *voteSweep != "" {
			for _, f := range strings.Split(*voteSweep, ",") {
				a, b, _ := strings.Cut(strings.TrimSpace(f), ":")
				temp, err1 := strconv.ParseFloat(a, 64)
				right, err2 := strconv.ParseFloat(b, 64)
				if err1 != nil || err2 != nil {
					return fmt.Errorf("-vote-sweep: %q is not TEMP:RIGHT", f)
				}
				fmt.Fprintf(stdout, "votes %g:%g: dev %s\n", temp, right, m.Votes(temp, right).Eval(dev))
			}
		}
		if len(beamWidths) == 0 {
			beamWidths = []int{m.Beam()}
		}
		sweepBeams(stdout, m, dev, beamWidths)
		return nil
	}
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
	}
	f, err := os.Open(*clusters)
	if err != nil {
		return err
	}
	cl, err := ner.ReadClusters(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", *clusters, err)
	}
	cfg := syntax.TrainConfig{
		Train: train, Clusters: cl,
		TagIter: *tagIter, ParseIter: *parseIter, Folds: *folds, Explore: *explore, Beam: *beam, EvalEvery: *evalEvery,
		RelabelIter: *relabelIter, StackIter: *stackIter, Reverse: *reverse, Seed: *seed, Log: stdout,
	}
	if *eval {
		cfg.Dev = dev
	}
	if *extra != "" {
		if cfg.Extra, err = readTreebank(*extra); err != nil {
			return err
		}
		if *extraN > 0 && *extraN < len(cfg.Extra) {
			cfg.Extra = cfg.Extra[:*extraN]
		}
	}
	if *reverseFrom != "" {
		base, err := readModel(*reverseFrom)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "base model %s: dev %s\n", *reverseFrom, base.Eval(dev))
		m, err := syntax.TrainReverse(base, cfg)
		if err != nil {
			return err
		}
		return writeScored(stdout, m.Prune(*prune).PruneRight(*pruneRight), dev, *out, beamWidths, start)
	}
	if *relabelFrom != "" {
		base, err := readModel(*relabelFrom)
		if err != nil {
			return err
		}
		cfg.RelabelEval = *eval
		fmt.Fprintf(stdout, "base model %s: dev %s\n", *relabelFrom, base.WithoutLabeller().Eval(dev))
		m, err := syntax.TrainLabeller(base, cfg)
		if err != nil {
			return err
		}
		for _, level := range []int{*prune} {
			fmt.Fprintf(stdout, "prune %d: dev %s\n", level, m.Prune(level).Eval(dev))
		}
		return nil
	}
	if *snapshot != "" {
		if err := os.MkdirAll(*snapshot, 0o755); err != nil {
			return err
		}
		levels := []int{*prune}
		if len(pruneLevels) > 0 {
			levels = pruneLevels
		}
		cfg.Snapshot = func(epoch int, m *syntax.Model) {
			for _, level := range levels {
				path := filepath.Join(*snapshot, fmt.Sprintf("model-ep%d-prune%d.bin.gz", epoch, level))
				if err := writeModel(m.Prune(level), path); err != nil {
					fmt.Fprintf(stderr, "train-syntax: snapshot: %v\n", err)
					return
				}
				fmt.Fprintf(stdout, "wrote %s\n", path)
			}
		}
	}
	m, err := syntax.Train(cfg)
	if err != nil {
		return err
	}
	for _, level := range pruneLevels {
		p := m.Prune(level)
		t := time.Now()
		r := p.Eval(dev)
		a, b, c, d, _, _ := p.Sizes()
		fmt.Fprintf(stdout, "prune %d: %d+%d+%d+%d features; dev %s; %.0f tokens/s\n", level, a, b, c, d, r, float64(r.Words)/time.Since(t).Seconds())
	}
	return writeScored(stdout, m.Prune(*prune).PruneRight(*pruneRight), dev, *out, beamWidths, start)
}

// writeScored writes m to dir/model.bin.gz and scores the model as
// written (weights quantised) on dev, at the beam widths too.
func writeScored(stdout io.Writer, m *syntax.Model, dev []syntax.Sentence, dir string, widths []int, start time.Time) error {
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(dir, "model.bin.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return err
	}
	m2, err := syntax.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return fmt.Errorf("decoding the written model: %w", err)
	}
	t := time.Now()
	r := m2.Eval(dev)
	fmt.Fprintf(stdout, "dev (model as written): %s; %.0f tokens/s tagging and parsing\n", r, float64(r.Words)/time.Since(t).Seconds())
	scoreDirections(stdout, m2, dev)
	sweepBeams(stdout, m2, dev, widths)
	fmt.Fprintf(stdout, "wrote %s (%d bytes) in %s\n", path, buf.Len(), time.Since(start).Round(time.Second))
	return nil
}

// readModel decodes the model file at path.
func readModel(path string) (*syntax.Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := syntax.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// sweepBeams scores m on dev with each beam width.
func sweepBeams(w io.Writer, m *syntax.Model, dev []syntax.Sentence, widths []int) {
	for _, k := range widths {
		t := time.Now()
		r := m.WithBeam(k).Eval(dev)
		fmt.Fprintf(w, "beam %d: dev %s; %.0f tokens/s\n", k, r, float64(r.Words)/time.Since(t).Seconds())
	}
}

// scoreDirections scores each parser of an ensemble alone on dev.
func scoreDirections(w io.Writer, m *syntax.Model, dev []syntax.Sentence) {
	if !m.Ensemble() {
		return
	}
	for _, dir := range []string{"left", "right"} {
		fmt.Fprintf(w, "%s alone: dev %s\n", dir, m.Direction(dir).Eval(dev))
	}
}

// intList parses the comma-separated integers of flag name (none for "").
func intList(name, s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, n)
	}
	return out, nil
}

// writeModel writes m in the model file format to path.
func writeModel(m *syntax.Model, path string) error {
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func readTreebank(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := syntax.ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
