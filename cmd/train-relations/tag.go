package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/text"
)

type inLine struct {
	ID     string   `json:"id"`
	Doc    string   `json:"doc,omitempty"`
	Tokens []string `json:"tokens"`
}

type outEntity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

type outRelation struct {
	Head int    `json:"head"`
	Tail int    `json:"tail"`
	Type string `json:"type"`
}

type outLine struct {
	ID        string        `json:"id"`
	Entities  []outEntity   `json:"entities"`
	Relations []outRelation `json:"relations"`
}

// runTag implements the evaluation contract: JSONL sentences in, entities
// and relations out. With -gold the entities are the gold ones of that
// CoNLL04 file (same sentences in the same order); otherwise the pipeline's
// NER, refinement and coreference find them.
func runTag(args []string) error {
	fs := flag.NewFlagSet("tag", flag.ContinueOnError)
	goldPath := fs.String("gold", "", "CoNLL04 JSON whose gold entities replace NER (same sentences, same order)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: train-relations tag [-gold FILE] < in.jsonl > out.jsonl\n\nexample: ../shared/eval/score run re ../shared/data/conll04/dev.json -- /tmp/train-relations tag\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	var gold []sentence
	if *goldPath != "" {
		var err error
		if gold, err = readSpert(*goldPath); err != nil {
			return err
		}
	}
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	var lines []inLine
	flush := func() error {
		if len(lines) == 0 {
			return nil
		}
		sents := make([][]string, len(lines))
		for i, l := range lines {
			sents[i] = l.Tokens
		}
		var d *text.Doc
		if gold != nil {
			d = prepareGold(goldDocs(gold, sents))
		} else {
			var err error
			if d, err = pipelineDoc(sents); err != nil {
				return err
			}
		}
		extract(d)
		for i, l := range lines {
			if err := enc.Encode(contractLine(d, i, l.ID)); err != nil {
				return err
			}
		}
		lines = lines[:0]
		return nil
	}
	gi := 0
	for {
		b, err := in.ReadBytes('\n')
		if len(b) > 0 {
			var l inLine
			if err := json.Unmarshal(b, &l); err != nil {
				return fmt.Errorf("input line: %w", err)
			}
			// Consecutive lines of one doc form one document; lines without
			// doc are documents of their own.
			if len(lines) > 0 && (l.Doc == "" || l.Doc != lines[0].Doc) {
				if err := flush(); err != nil {
					return err
				}
			}
			lines = append(lines, l)
			if gold != nil && gi >= len(gold) {
				return errors.New("more input lines than gold sentences")
			}
			gi++
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return nil
}

// goldDocs builds a document from sentences whose mentions are the gold
// entities of the next len(sents) gold sentences (consumed from *gold).
var goldNext int

func goldDocs(gold []sentence, sents [][]string) *text.Doc {
	d := text.FromTokens(sents)
	for si := range sents {
		s := gold[goldNext]
		goldNext++
		for _, e := range s.Entities {
			t := entityType[e.Type]
			k := len(d.Mentions)
			d.Mentions = append(d.Mentions, text.Mention{Sent: si, Start: e.Start, End: e.End, Type: t, Entity: k})
			d.Entities = append(d.Entities, text.Entity{Name: d.MentionText(d.Mentions[k]), Type: t, Mentions: []int{k}})
		}
	}
	return d
}

// contractLine renders sentence si of d: its named mentions as entities and
// the relations whose both arguments are among them.
func contractLine(d *text.Doc, si int, id string) outLine {
	o := outLine{ID: id, Entities: []outEntity{}, Relations: []outRelation{}}
	index := map[int]int{}
	for i, m := range d.Mentions {
		if m.Sent != si || m.Nominal {
			continue
		}
		index[i] = len(o.Entities)
		o.Entities = append(o.Entities, outEntity{Start: m.Start, End: m.End, Type: string(m.Type)})
	}
	for _, r := range d.Relations {
		if !relation.InContract(d, r) {
			continue
		}
		h, okh := index[r.Head]
		t, okt := index[r.Tail]
		if !okh || !okt {
			continue
		}
		o.Relations = append(o.Relations, outRelation{Head: h, Tail: t, Type: string(relation.ContractType(d, r))})
	}
	return o
}

var _ = graph.Person
