// Command train-relations trains the relation classifier of loader/relation
// on CoNLL04 and measures it.
//
//	go run ./cmd/train-relations                 # train on train.json at the fixed configuration, write loader/relation/model.bin.gz
//	go run ./cmd/train-relations -grid           # search the configuration again by CoNLL04 dev F1 plus news cross-validation
//	go run ./cmd/train-relations -weak 1000 -weak-positive -weak-weight 0.3 -out /tmp/m.bin.gz  # weak supervision from the patterns (measured, left off: README)
//	go run ./cmd/train-relations eval            # dev F1 of the embedded model with gold entities
//	go run ./cmd/train-relations tag < in.jsonl  # evaluation contract: tokens in, entities and relations out
//	go run ./cmd/train-relations tag -gold ../shared/data/conll04/dev.json < in.jsonl  # same, gold entities
//
// Training is deterministic (fixed seeds; each model is the mean of eight
// trained from consecutive seeds, two at a time, summed in seed order):
// the same data gives the same model.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	args := os.Args[1:]
	mode := "train"
	if len(args) > 0 && (args[0] == "train" || args[0] == "eval" || args[0] == "tag") {
		mode, args = args[0], args[1:]
	}
	training = mode == "train"
	if _, err := stages(); err != nil {
		fmt.Fprintln(os.Stderr, "train-relations:", err)
		os.Exit(1)
	}
	var err error
	switch mode {
	case "train":
		err = runTrain(args)
	case "eval":
		err = runEval(args)
	case "tag":
		err = runTag(args)
	}
	if err != nil {
		if err == flag.ErrHelp {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "train-relations:", err)
		os.Exit(1)
	}
}
