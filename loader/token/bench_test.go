package token_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/text"
	"github.com/kgraph/kgraph/loader/token"
)

// benchParagraph is the fallback corpus when ../shared is absent: news
// text written for the benchmark.
const benchParagraph = "KORVIN. VALPRESS - Deputy Trade Minister Mirek Sandor-Holm met U.S. Deputy Secretary of State Jane Roe on May 16-18, the ministry’s press service said. " +
	"\"We discussed energy, trade and the $1.2bn transit project,\" Mr. Sandor-Holm told reporters. The talks, held at 10 a.m. in Korvin, covered COVID-19 recovery and the 2021–2025 programme. " +
	"Exports rose 3.5% to 1,000.5 tonnes, officials said; details are at https://www.valdoria.gov/news. The U.S. delegation didn't comment.\n\n"

// benchTexts returns up to 300 BBC articles, or the fallback paragraph
// repeated, as separate documents.
func benchTexts(b *testing.B) []string {
	b.Helper()
	f, err := os.Open(filepath.Join(sharedData, "news", "bbc.jsonl"))
	if err != nil {
		b.Logf("BBC corpus not available (%v); using the built-in paragraph", err)
		return []string{strings.Repeat(benchParagraph, 2000)}
	}
	defer f.Close()
	var docs []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(docs) < 300 {
		var d struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatalf("bbc.jsonl: %v", err)
		}
		docs = append(docs, d.Text)
	}
	return docs
}

func countTokens(docs []string) int {
	n := 0
	for _, d := range docs {
		n += len(token.Tokenize(d))
	}
	return n
}

func BenchmarkTokenize(b *testing.B) {
	docs := benchTexts(b)
	n := countTokens(docs)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			token.Tokenize(d)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSentences(b *testing.B) {
	docs := benchTexts(b)
	n := countTokens(docs)
	toks := make([][]text.Token, len(docs))
	for i, d := range docs {
		toks[i] = token.Tokenize(d)
	}
	b.ResetTimer()
	for b.Loop() {
		for i, d := range docs {
			token.Sentences(d, toks[i])
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSplit(b *testing.B) {
	docs := benchTexts(b)
	n := countTokens(docs)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			token.Split(d)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
