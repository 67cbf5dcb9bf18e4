package ner_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/ner"
)

// conll builds documents from "word/TAG" sentences; "|" separates documents.
func conll(src string) []ner.Document {
	var docs []ner.Document
	for _, d := range strings.Split(src, "|") {
		var doc ner.Document
		for _, line := range strings.Split(strings.TrimSpace(d), "\n") {
			var s ner.Sentence
			for _, wt := range strings.Fields(line) {
				w, t, _ := strings.Cut(wt, "/")
				s.Tokens = append(s.Tokens, w)
				s.Tags = append(s.Tags, t)
			}
			if len(s.Tokens) > 0 {
				doc.Sentences = append(doc.Sentences, s)
			}
		}
		docs = append(docs, doc)
	}
	return docs
}

const tinyCorpus = `
Maria/B-PER Olsen/I-PER visited/O Oslo/B-LOC ./O
The/O Nordic/B-ORG Fishing/I-ORG Council/I-ORG met/O in/O Bergen/B-LOC ./O
|
Olsen/B-PER said/O the/O Danish/B-MISC plan/O failed/O ./O
Pedro/B-PER Alves/I-PER left/O Lisbon/B-LOC for/O Oslo/B-LOC ./O
|
The/O council/O praised/O Alves/B-PER and/O Olsen/B-PER ./O
Nordic/B-ORG Fishing/I-ORG Council/I-ORG staff/O flew/O to/O Lisbon/B-LOC ./O
`

func TestTrainLearnsAndRoundTrips(t *testing.T) {
	docs := conll(tinyCorpus)
	for _, folds := range []int{0, 3} {
		m, err := ner.Train(ner.TrainOptions{Train: docs, Dev: docs, Epochs: 8, Seed: 1, Folds: folds})
		if err != nil {
			t.Fatalf("Train(folds=%d): %v", folds, err)
		}
		if s := ner.Evaluate(m, docs); s.F1 < 99.9 {
			t.Errorf("folds=%d: training-set F1 = %.2f, want 100", folds, s.F1)
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatalf("WriteTo: %v", err)
		}
		back, err := ner.ReadModel(&buf, nil)
		if err != nil {
			t.Fatalf("ReadModel: %v", err)
		}
		for _, d := range docs {
			var sents [][]string
			for _, s := range d.Sentences {
				sents = append(sents, s.Tokens)
			}
			if got, want := back.TagTokens(sents), m.TagTokens(sents); !reflect.DeepEqual(got, want) {
				t.Errorf("folds=%d: read-back model tags %v, want %v", folds, got, want)
			}
		}
	}
}

func TestTrainNeedsData(t *testing.T) {
	if _, err := ner.Train(ner.TrainOptions{}); err == nil {
		t.Error("Train with no data: got nil error, want an error")
	}
}

func TestReadCoNLL(t *testing.T) {
	src := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP B-LOC\n"
	docs, err := ner.ReadCoNLL(strings.NewReader(src))
	if err != nil {
		t.Fatalf("ReadCoNLL: %v", err)
	}
	want := []ner.Document{
		{Sentences: []ner.Sentence{{Tokens: []string{"EU", "rejects"}, Tags: []string{"B-ORG", "O"}}, {Tokens: []string{"Peter"}, Tags: []string{"B-PER"}}}},
		{Sentences: []ner.Sentence{{Tokens: []string{"Bonn"}, Tags: []string{"B-LOC"}}}},
	}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("ReadCoNLL:\n got %+v\nwant %+v", docs, want)
	}
}

func TestClustersRoundTrip(t *testing.T) {
	paths := map[string]string{"Oslo": "0110", "Bergen": "0111", "said": "1", "told": "10101010101010101010"}
	var buf bytes.Buffer
	if err := ner.WriteClusters(&buf, paths); err != nil {
		t.Fatalf("WriteClusters: %v", err)
	}
	got, err := ner.ReadClusters(&buf)
	if err != nil {
		t.Fatalf("ReadClusters: %v", err)
	}
	want := map[string]uint32{"Oslo": 4<<24 | 6, "Bergen": 4<<24 | 7, "said": 1<<24 | 1, "told": 20<<24 | 0xaaaaa}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadClusters = %v, want %v", got, want)
	}
}
