package token_test

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/token"
)

// sharedData is ../shared/data relative to the repository root.
const sharedData = "../../../shared/data"

// readCoNLL returns the sentences (token lists) of a CoNLL-2003 file.
func readCoNLL(tb testing.TB, path string) [][]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("CoNLL-2003 data not available (%v); skipping", err)
	}
	defer f.Close()
	var sents [][]string
	var cur []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] == "-DOCSTART-" {
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, fields[0])
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	return sents
}

// TestCoNLLCompatibility joins each CoNLL-2003 training sentence with single
// spaces, tokenizes it again and counts the gold tokens reproduced exactly
// (same offsets, same text). The tokenizer must agree on at least 99%.
func TestCoNLLCompatibility(t *testing.T) {
	sents := readCoNLL(t, filepath.Join(sharedData, "conll2003", "train.txt"))
	type key struct {
		start, end int
		text       string
	}
	gold, matched := 0, 0
	misses := map[string]int{}
	for _, sent := range sents {
		s := strings.Join(sent, " ")
		got := map[key]bool{}
		for _, tk := range token.Tokenize(s) {
			got[key{tk.Start, tk.End, tk.Text}] = true
		}
		off := 0
		for _, w := range sent {
			gold++
			if got[key{off, off + len(w), w}] {
				matched++
			} else {
				misses[w]++
			}
			off += len(w) + 1
		}
	}
	rate := float64(matched) / float64(gold)
	t.Logf("CoNLL-2003 train: %d of %d tokens reproduced (%.3f%%)", matched, gold, 100*rate)
	type miss struct {
		w string
		n int
	}
	var ms []miss
	for w, n := range misses {
		ms = append(ms, miss{w, n})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].n > ms[j].n || ms[i].n == ms[j].n && ms[i].w < ms[j].w })
	for i := 0; i < len(ms) && i < 40; i++ {
		t.Logf("missed %5d × %q", ms[i].n, ms[i].w)
	}
	if rate < 0.99 {
		t.Errorf("reproduced %.3f%% of CoNLL-2003 tokens, want >= 99%%", 100*rate)
	}
}
