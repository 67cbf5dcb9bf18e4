package text

import (
	"fmt"
	"strings"
)

// FromMarked builds a Doc with NER spans from a compact notation used by
// tests and examples: one sentence per line, tokens separated by spaces,
// and a span written "[LABEL word word]", for example
//
//	[PER Lena Holm] met [ORG UNDP] officials in [LOC Oslo] .
//
// It fails on a span left open at the end of its line.
func FromMarked(src string) (*Doc, error) {
	var sents [][]string
	var spans [][]Span
	for _, line := range strings.Split(strings.TrimSpace(src), "\n") {
		var toks []string
		var sp []Span
		label, start := "", 0
		for _, f := range strings.Fields(line) {
			if strings.HasPrefix(f, "[") && len(f) > 1 && label == "" {
				label, start = f[1:], len(toks)
				continue
			}
			if label != "" && strings.HasSuffix(f, "]") && f != "]" {
				toks = append(toks, strings.TrimSuffix(f, "]"))
				sp = append(sp, Span{Start: start, End: len(toks), Label: label})
				label = ""
				continue
			}
			toks = append(toks, f)
		}
		if label != "" {
			return nil, fmt.Errorf("text: unclosed span in %q", line)
		}
		sents = append(sents, toks)
		spans = append(spans, sp)
	}
	d := FromTokens(sents)
	d.Spans = spans
	return d, nil
}
