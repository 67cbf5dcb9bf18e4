package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/loader/ner"
)

// Word clusters, a cheap stand-in for Brown clusters: every frequent word is
// described by the words seen just before and after it (positive PMI
// weights over the most frequent context words, left and right apart), and
// the words are split in two again and again by spherical 2-means. A word's
// cluster is its path of left/right choices, so prefixes of the path are
// coarser clusters, as with Brown's bit strings.

const (
	minWordCount   = 4      // words rarer than this get no cluster
	maxWords       = 150000 // most frequent words clustered
	contextWords   = 3000   // most frequent words used as contexts
	minClusterSize = 12     // nodes smaller than this are not split
	maxDepth       = 20
	kmeansIters    = 10
	window         = 1 // context words on each side
)

// corpusTokens reads the unlabeled news and the CoNLL training text as
// sentences of tokens.
func corpusTokens(newsDir string, train []ner.Document) ([][]string, error) {
	var sents [][]string
	for _, d := range train {
		for _, s := range d.Sentences {
			sents = append(sents, s.Tokens)
		}
	}
	files := []struct {
		name   string
		fields []string
	}{
		{"bbc.jsonl", []string{"title", "text"}},
		{"reuters21578.jsonl", []string{"title", "body"}},
	}
	for _, f := range files {
		fh, err := os.Open(filepath.Join(newsDir, f.name))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var rec map[string]any
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				fh.Close()
				return nil, fmt.Errorf("%s: %w", f.name, err)
			}
			for _, k := range f.fields {
				s, _ := rec[k].(string)
				for _, line := range strings.Split(s, "\n") {
					if toks := splitWords(line); len(toks) > 0 {
						sents = append(sents, toks)
					}
				}
			}
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return sents, nil
}

// splitWords is a rough CoNLL-like tokeniser, good enough for counting
// contexts: punctuation split off words, possessive 's and n't apart,
// abbreviations with inner dots kept whole.
func splitWords(s string) []string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", "\"", "\u201d", "\"").Replace(s)
	var out []string
	for _, w := range strings.Fields(s) {
		var tail []string
		for len(w) > 0 {
			r, n := utf8.DecodeRuneInString(w)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			out = append(out, w[:n])
			w = w[n:]
		}
		for len(w) > 0 {
			r, n := utf8.DecodeLastRuneInString(w)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			if r == '.' && strings.Count(w, ".") > 1 {
				break // U.S.
			}
			tail = append(tail, w[len(w)-n:])
			w = w[:len(w)-n]
		}
		if len(w) > 0 {
			lw := strings.ToLower(w)
			switch {
			case strings.HasSuffix(lw, "n't") && len(w) > 3:
				out = append(out, w[:len(w)-3], w[len(w)-3:])
			case strings.HasSuffix(lw, "'s") && len(w) > 2:
				out = append(out, w[:len(w)-2], w[len(w)-2:])
			default:
				out = append(out, w)
			}
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
	}
	return out
}

// buildClusters returns a path of 0s and 1s for every frequent word.
func buildClusters(newsDir string, train []ner.Document, seed int64, logf func(string, ...any)) (map[string]string, error) {
	sents, err := corpusTokens(newsDir, train)
	if err != nil {
		return nil, err
	}
	count := make(map[string]int)
	ntok := 0
	for _, s := range sents {
		for _, t := range s {
			count[t]++
		}
		ntok += len(s)
	}
	type wc struct {
		w string
		n int
	}
	var vocab []wc
	for w, n := range count {
		if n >= minWordCount {
			vocab = append(vocab, wc{w, n})
		}
	}
	slices.SortFunc(vocab, func(a, b wc) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.w, b.w)
	})
	if len(vocab) > maxWords {
		vocab = vocab[:maxWords]
	}
	id := make(map[string]int32, len(vocab))
	for i, v := range vocab {
		id[v.w] = int32(i)
	}
	logf("clusters: %d sentences, %d tokens, %d words to cluster", len(sents), ntok, len(vocab))

	// Context classes: the most frequent words, then coarse classes for the
	// rest, then the sentence boundary.
	const (
		cCap = contextWords + iota
		cLow
		cNum
		cPunct
		cEdge
		nCtx
	)
	ctxOf := func(t string) uint32 {
		if i, ok := id[t]; ok && i < contextWords {
			return uint32(i)
		}
		r, _ := utf8.DecodeRuneInString(t)
		switch {
		case unicode.IsUpper(r):
			return cCap
		case unicode.IsLetter(r):
			return cLow
		case unicode.IsDigit(r):
			return cNum
		}
		return cPunct
	}
	pairs := make([]uint64, 0, 2*window*ntok)
	for _, s := range sents {
		for i, t := range s {
			w, ok := id[t]
			if !ok {
				continue
			}
			for d := 1; d <= window; d++ {
				l, r := uint32(cEdge), uint32(cEdge)
				if i-d >= 0 {
					l = ctxOf(s[i-d])
				}
				if i+d < len(s) {
					r = ctxOf(s[i+d])
				}
				off := uint64(2 * (d - 1) * nCtx)
				pairs = append(pairs, uint64(w)<<32|(off+uint64(l)), uint64(w)<<32|(off+uint64(nCtx+r)))
			}
		}
	}
	slices.Sort(pairs)
	// Sparse rows: context -> count, in CSR form.
	type cell struct {
		c uint32
		v float32
	}
	nw := len(vocab)
	rowStart := make([]int, nw+1)
	var cells []cell
	ctxTotal := make([]float64, 2*window*nCtx)
	wordTotal := make([]float64, nw)
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		w, c := int(pairs[i]>>32), uint32(pairs[i])
		cells = append(cells, cell{c, float32(j - i)})
		rowStart[w+1] = len(cells)
		ctxTotal[c] += float64(j - i)
		wordTotal[w] += float64(j - i)
		i = j
	}
	for w := 1; w <= nw; w++ {
		if rowStart[w] < rowStart[w-1] {
			rowStart[w] = rowStart[w-1]
		}
	}
	// Positive PMI with context-distribution smoothing, rows normalised.
	total := float64(len(pairs))
	smooth := 0.0
	for _, n := range ctxTotal {
		smooth += math.Pow(n, 0.75)
	}
	for w := 0; w < nw; w++ {
		row := cells[rowStart[w]:rowStart[w+1]]
		norm := 0.0
		for k := range row {
			pc := math.Pow(ctxTotal[row[k].c], 0.75) / smooth
			pmi := math.Log(float64(row[k].v) / total / (wordTotal[w] / total * pc))
			if pmi < 0 {
				pmi = 0
			}
			row[k].v = float32(pmi)
			norm += pmi * pmi
		}
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for k := range row {
				row[k].v *= inv
			}
		}
	}
	dot := func(w int, cen []float32) float32 {
		s := float32(0)
		for _, c := range cells[rowStart[w]:rowStart[w+1]] {
			s += c.v * cen[c.c]
		}
		return s
	}
	rng := rand.New(rand.NewSource(seed))
	paths := make(map[string]string, nw)
	type node struct {
		members []int
		path    string
	}
	stack := []node{{members: seqInts(nw), path: ""}}
	cen := [2][]float32{make([]float32, 2*window*nCtx), make([]float32, 2*window*nCtx)}
	side := make([]uint8, nw)
	leaves := 0
	for len(stack) > 0 {
		nd := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if len(nd.members) < minClusterSize || len(nd.path) >= maxDepth {
			for _, w := range nd.members {
				paths[vocab[w].w] = pathOrRoot(nd.path)
			}
			leaves++
			continue
		}
		for _, w := range nd.members {
			side[w] = uint8(rng.Intn(2))
		}
		for it := 0; it < kmeansIters; it++ {
			for k := range cen {
				clear(cen[k])
			}
			for _, w := range nd.members {
				c := cen[side[w]]
				for _, x := range cells[rowStart[w]:rowStart[w+1]] {
					c[x.c] += x.v
				}
			}
			for k := range cen {
				normalise(cen[k])
			}
			for _, w := range nd.members {
				if dot(w, cen[1]) > dot(w, cen[0]) {
					side[w] = 1
				} else {
					side[w] = 0
				}
			}
		}
		var a, b []int
		for _, w := range nd.members {
			if side[w] == 0 {
				a = append(a, w)
			} else {
				b = append(b, w)
			}
		}
		if len(a) == 0 || len(b) == 0 {
			for _, w := range nd.members {
				paths[vocab[w].w] = pathOrRoot(nd.path)
			}
			leaves++
			continue
		}
		stack = append(stack, node{b, nd.path + "1"}, node{a, nd.path + "0"})
	}
	logf("clusters: %d leaves", leaves)
	return paths, nil
}

func pathOrRoot(p string) string {
	if p == "" {
		return "0"
	}
	return p
}

func normalise(v []float32) {
	s := 0.0
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

func seqInts(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// readCoNLL04 reads the SpERT-style CoNLL04 JSON as one-sentence documents
// with IOB2 tags: Peop, Org and Loc become PER, ORG and LOC; an Other span
// becomes MISC when it looks like a name (every token capitalised, no
// digits, not a month or weekday), else O.
func readCoNLL04(path string) ([]ner.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var recs []struct {
		Tokens   []string `json:"tokens"`
		Entities []struct {
			Type       string `json:"type"`
			Start, End int
		} `json:"entities"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	kinds := map[string]string{"Peop": "PER", "Org": "ORG", "Loc": "LOC"}
	var docs []ner.Document
	for _, r := range recs {
		tags := make([]string, len(r.Tokens))
		for i := range tags {
			tags[i] = "O"
		}
		for _, e := range r.Entities {
			k := kinds[e.Type]
			if e.Type == "Other" && nameLike(r.Tokens[e.Start:e.End]) {
				k = "MISC"
			}
			if k == "" {
				continue
			}
			for i := e.Start; i < e.End; i++ {
				tags[i] = "I-" + k
			}
			tags[e.Start] = "B-" + k
		}
		docs = append(docs, ner.Document{Sentences: []ner.Sentence{{Tokens: r.Tokens, Tags: tags}}})
	}
	return docs, nil
}

var calendarWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday") {
		m[w] = true
	}
	return m
}()

func nameLike(toks []string) bool {
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsUpper(r) || strings.IndexFunc(t, unicode.IsDigit) >= 0 || calendarWords[strings.ToLower(strings.TrimSuffix(t, "."))] {
			return false
		}
	}
	return true
}
