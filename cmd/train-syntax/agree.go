package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"github.com/kgraph/kgraph/loader/syntax"
	"github.com/kgraph/kgraph/loader/token"
)

// Sentences of unlabeled news that the parsers may learn from: between
// these lengths in tokens, with lower-case words (no headlines).
const (
	agreeMinTokens = 5
	agreeMaxTokens = 40
)

// writeAgreed parses the sentences of the annotation-pool articles of
// the news corpora in newsDir with each direction of model m and writes
// the trees both agree on to out as CoNLL-U, at most limit of them (0:
// no limit), in corpus order. It returns how many sentences it parsed and
// wrote.
func writeAgreed(m *syntax.Model, newsDir string, out io.Writer, limit int) (parsed, kept int, err error) {
	texts, err := poolTexts(newsDir)
	if err != nil {
		return 0, 0, err
	}
	var sents [][]string
	for _, t := range texts {
		for _, s := range token.Split(t) {
			if len(s.Tokens) < agreeMinTokens || len(s.Tokens) > agreeMaxTokens {
				continue
			}
			words := make([]string, len(s.Tokens))
			lower := false
			for i, tok := range s.Tokens {
				words[i] = tok.Text
				lower = lower || strings.IndexFunc(tok.Text, unicode.IsLower) >= 0
			}
			if lower {
				sents = append(sents, words)
			}
		}
	}
	trees := make([]*syntax.Sentence, len(sents))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(sents); i += workers {
				if s, ok := m.Agreed(sents[i]); ok {
					trees[i] = &s
				}
			}
		}()
	}
	wg.Wait()
	bw := bufio.NewWriter(out)
	var b strings.Builder
	for _, s := range trees {
		if s == nil || limit > 0 && kept >= limit {
			continue
		}
		b.Reset()
		s.WriteCoNLLU(&b)
		bw.WriteString(b.String())
		kept++
	}
	return len(sents), kept, bw.Flush()
}

// poolTexts reads the texts of the articles that annotation-pool.txt in
// newsDir lists (BBC: text; Reuters: body), in the order of the corpus
// files.
func poolTexts(newsDir string) ([]string, error) {
	pool, err := os.ReadFile(filepath.Join(newsDir, "annotation-pool.txt"))
	if err != nil {
		return nil, err
	}
	allowed := map[string]bool{}
	for _, line := range strings.Split(string(pool), "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			allowed[strings.Replace(line, "\t", " ", 1)] = true
		}
	}
	var texts []string
	for _, c := range []struct{ corpus, file string }{{"bbc", "bbc.jsonl"}, {"reuters", "reuters21578.jsonl"}} {
		f, err := os.Open(filepath.Join(newsDir, c.file))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var a struct {
				ID   json.RawMessage `json:"id"`
				Text string          `json:"text"`
				Body string          `json:"body"`
			}
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: %w", c.file, err)
			}
			id := strings.Trim(string(a.ID), `"`)
			if allowed[c.corpus+" "+id] {
				texts = append(texts, a.Text+a.Body)
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.file, err)
		}
	}
	return texts, nil
}
