package ner

import (
	"bufio"
	"io"
	"strings"

	"github.com/kgraph/kgraph/loader/text"
)

// Sentence is a tokenised sentence with its gold IOB tags ("B-PER", "I-ORG",
// "O", …), as training and evaluation data.
type Sentence struct {
	Tokens []string
	Tags   []string
}

// Document is a run of sentences that belong together; document-level
// features look across it.
type Document struct {
	Sentences []Sentence
}

// ReadCoNLL reads CoNLL-2003 column data (token first, NER tag last;
// "-DOCSTART-" lines separate documents, blank lines sentences).
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var docs []Document
	var cur Document
	var s Sentence
	flushSent := func() {
		if len(s.Tokens) > 0 {
			cur.Sentences = append(cur.Sentences, s)
		}
		s = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Document{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flushSent()
		case f[0] == "-DOCSTART-":
			flushDoc()
		default:
			s.Tokens = append(s.Tokens, f[0])
			s.Tags = append(s.Tags, f[len(f)-1])
		}
	}
	flushDoc()
	return docs, sc.Err()
}

// Score is a strict micro-averaged span score (exact span and type).
type Score struct {
	TP, FP, FN            int
	Precision, Recall, F1 float64 // percentages
}

func (s *Score) add(gold, pred []text.Span) {
	g := make(map[text.Span]int, len(gold))
	for _, x := range gold {
		g[x]++
	}
	for _, x := range pred {
		if g[x] > 0 {
			g[x]--
			s.TP++
		} else {
			s.FP++
		}
	}
	for _, n := range g {
		s.FN += n
	}
}

func (s *Score) finish() {
	if s.TP+s.FP > 0 {
		s.Precision = 100 * float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = 100 * float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// goldSpans returns the entity spans of IOB tags.
func goldSpans(tags []string) []text.Span {
	labels := spanLabels(tags)
	sc := &scratch{labels: labels, sents: []int{0, len(labels)}}
	return sc.spans(0)
}

// Evaluate tags the documents with m and scores the spans against their
// gold tags.
func Evaluate(m *Model, docs []Document) Score {
	var s Score
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, x := range d.Sentences {
			sents[i] = x.Tokens
		}
		pred := m.TagTokens(sents)
		for i, x := range d.Sentences {
			s.add(goldSpans(x.Tags), pred[i])
		}
	}
	s.finish()
	return s
}
