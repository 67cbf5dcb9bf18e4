package ner_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/ner"
	"github.com/kgraph/kgraph/loader/text"
)

const sharedData = "../../../shared/data"

func mustLoad(tb testing.TB) *ner.Model {
	tb.Helper()
	m, err := ner.Load()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return m
}

func TestTagMadeUpSentences(t *testing.T) {
	m := mustLoad(t)
	tests := []struct {
		sentence string
		want     []string // "text/LABEL" for every span, in order
	}{
		{
			"President Tomasz Wielgorski of Norway met NATO officials in Brussels on Monday .",
			[]string{"Tomasz Wielgorski/PER", "Norway/LOC", "NATO/ORG", "Brussels/LOC"},
		},
		{
			"Shares of Kellerman Industries Inc rose 5 percent in New York .",
			[]string{"Kellerman Industries Inc/ORG", "New York/LOC"},
		},
		{
			"Dr. Amina Odhiambo , a Kenyan doctor , joined the World Health Organization in Geneva .",
			[]string{"Amina Odhiambo/PER", "Kenyan/MISC", "World Health Organization/ORG", "Geneva/LOC"},
		},
	}
	for _, tt := range tests {
		toks := strings.Fields(tt.sentence)
		d := text.FromTokens([][]string{toks})
		m.Tag(d)
		var got []string
		for _, sp := range d.Spans[0] {
			got = append(got, strings.Join(toks[sp.Start:sp.End], " ")+"/"+sp.Label)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Tag(%q):\n got %v\nwant %v", tt.sentence, got, tt.want)
		}
	}
}

func TestTagEmptyAndSpanBounds(t *testing.T) {
	m := mustLoad(t)
	d := text.FromTokens([][]string{{}, {"BRUSSELS", "1996-08-22"}, {"Hello"}})
	m.Tag(d)
	if len(d.Spans) != 3 {
		t.Fatalf("got %d span slices, want 3", len(d.Spans))
	}
	for s, spans := range d.Spans {
		for _, sp := range spans {
			if sp.Start < 0 || sp.End > len(d.Sentences[s].Tokens) || sp.Start >= sp.End {
				t.Errorf("sentence %d: span %+v out of bounds", s, sp)
			}
		}
	}
	if len(d.Spans[1]) != 1 || d.Spans[1][0] != (text.Span{Start: 0, End: 1, Label: "LOC"}) {
		t.Errorf("dateline: got %v, want [{0 1 LOC}]", d.Spans[1])
	}
}

func readDev(tb testing.TB) []ner.Document {
	tb.Helper()
	path := filepath.Join(sharedData, "conll2003", "dev.txt")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("no CoNLL-2003 dev data (%v)", err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		tb.Fatalf("ReadCoNLL: %v", err)
	}
	return docs
}

func TestDevF1(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	docs := readDev(t)
	m := mustLoad(t)
	s := ner.Evaluate(m, docs)
	if s.F1 < 89.0 {
		t.Errorf("dev F1 = %.2f, want >= 89.0", s.F1)
	}
	t.Logf("dev P %.2f R %.2f F1 %.2f", s.Precision, s.Recall, s.F1)
}

func BenchmarkTag(b *testing.B) {
	docs := readDev(b)
	m := mustLoad(b)
	var tds []*text.Doc
	ntok := 0
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Tokens
			ntok += len(s.Tokens)
		}
		tds = append(tds, text.FromTokens(sents))
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range tds {
			m.Tag(d)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestTagConcurrent(t *testing.T) {
	m := mustLoad(t)
	docs := [][][]string{
		{strings.Fields("Jonas Berg of Lindqvist Partners flew to Madrid ."), strings.Fields("Berg said Madrid was calm .")},
		{strings.Fields("FOOTBALL - ARSENAL BEAT CHELSEA IN LONDON ."), strings.Fields("LONDON 1996-08-22")},
		{strings.Fields("The European Union and Japan signed a trade pact in Tokyo .")},
	}
	want := make([][][]text.Span, len(docs))
	for i, d := range docs {
		want[i] = m.TagTokens(d)
	}
	errs := make(chan string, 64)
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			for r := 0; r < 50; r++ {
				i := (g + r) % len(docs)
				if got := m.TagTokens(docs[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("doc %d: got %v, want %v", i, got, want[i])
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
