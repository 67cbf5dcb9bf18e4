package token_test

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kgraph/loader/text"
	"github.com/kgraph/kgraph/loader/token"
)

// checkCover verifies that toks are in order, do not overlap, lie within
// s, are not empty, and cover every character of s that is not white space.
func checkCover(t *testing.T, s string, toks []text.Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
			t.Fatalf("%q: token %d %q at [%d,%d) out of order or bounds (previous end %d)", s, i, tk.Text, tk.Start, tk.End, prev)
		}
		if tk.Text == "" {
			t.Fatalf("%q: token %d at [%d,%d) has empty text", s, i, tk.Start, tk.End)
		}
		checkGap(t, s, prev, tk.Start)
		prev = tk.End
	}
	checkGap(t, s, prev, len(s))
}

// checkGap fails when s[a:b] holds anything but white space.
func checkGap(t *testing.T, s string, a, b int) {
	t.Helper()
	for p := a; p < b; {
		r, size := utf8.DecodeRuneInString(s[p:b])
		if !token.IsSpace(r) || (r == utf8.RuneError && size == 1) {
			t.Fatalf("%q: character %q at %d is in no token", s, s[p:p+size], p)
		}
		p += size
	}
}

// checkSplit verifies that the sentences hold the same characters as the
// tokens, in order, with no empty sentence.
func checkSplit(t *testing.T, s string) {
	t.Helper()
	var all []text.Token
	for i, sent := range token.Split(s) {
		if len(sent.Tokens) == 0 {
			t.Fatalf("%q: sentence %d is empty", s, i)
		}
		if sent.Start != sent.Tokens[0].Start || sent.End != sent.Tokens[len(sent.Tokens)-1].End {
			t.Fatalf("%q: sentence %d extent [%d,%d) does not match its tokens", s, i, sent.Start, sent.End)
		}
		all = append(all, sent.Tokens...)
	}
	checkCover(t, s, all)
}

// pieces are the fragments random inputs are made of: the characters the
// tokenizer treats specially, in every combination.
var pieces = []string{
	"a", "Z", "Valdoria", "U", "S", "n", "t", "s", "re", "0", "7", "1990",
	".", ",", ":", "/", "-", "--", "'", "’", "‘", "ʼ", "`", `"`, "“", "”", "«", "»",
	"(", ")", "[", "]", "?", "!", "…", "—", "–", "‐", "\u00AD", "$", "€", "£", "%",
	"&", "+", "@", "#", "_", "*", "=", "~", "•", "http://", "www.", ".com", ".kz",
	"Mr.", "Inc.", "U.S.", "a.m.", "No.", " ", " ", " ", "\n", "\n\n", "\t", "\u00A0",
	"\u200B", "\u2028", "Корвин", "Ä", "\u0301", "ʻ", "\xff", "\xe2\x80", "日本",
}

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	for n := rng.Intn(40); n >= 0; n-- {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

// TestTokenizeProperties runs the coverage invariants over 20,000 random
// texts built from the tricky fragments.
func TestTokenizeProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		s := randomText(rng)
		checkCover(t, s, token.Tokenize(s))
		checkSplit(t, s)
	}
}

// FuzzTokenize checks the same invariants on arbitrary input
// (go test -fuzz=FuzzTokenize ./loader/token).
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "KORVIN. VALPRESS - On the eve of the U.S. visit, Valdoria’s envoy didn't say.",
		"Mail press@un.org or see https://un.org/(a)). 1,000.5 16–18 “quoted” … —",
		"1. item\n- item\n• item\n\nHEADLINE\nbody text wrapped\nat a line",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCover(t, s, token.Tokenize(s))
		checkSplit(t, s)
	})
}
