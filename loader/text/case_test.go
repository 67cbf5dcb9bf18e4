package text

import (
	"math/rand"
	"strings"
	"testing"
)

// caseInputs are words of every kind the helpers branch on: ASCII of both
// cases, letters whose case changes their length ("İ", "ẞ"), title-case
// digraphs, invalid UTF-8, and random mixtures of these.
func caseInputs() []string {
	in := []string{"", "a", "A", "of", "OF", "Of", "NATO", "U.S.", "Mr.", "x1-Y", "Øresund", "ÆØÅ", "İstanbul", "ẞ", "ǅ", "ǆ", "ΣΑΣ",
		"\xff", "AB\xffC", "ab\xc3", "straße", "STRASSE", strings.Repeat("Long", 20)}
	pieces := []string{"a", "Z", "é", "É", "İ", "ı", "ß", "\xff", "-", "1", " ", "K", "ǅ"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := rng.Intn(8); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		in = append(in, b.String())
	}
	return in
}

// TestCaseHelpersMatchStrings: every helper answers as the strings
// function it replaces, on every input.
func TestCaseHelpersMatchStrings(t *testing.T) {
	in := caseInputs()
	m := map[string]int{}
	for i, s := range in {
		m[strings.ToLower(s)] = i + 1
	}
	for _, s := range in {
		if got, want := IsUpper(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("IsUpper(%q) = %v, want %v", s, got, want)
		}
		if got, want := IsLower(s), strings.ToLower(s) == s; got != want {
			t.Errorf("IsLower(%q) = %v, want %v", s, got, want)
		}
		if got, want := string(AppendLower([]byte("pre"), s)), "pre"+strings.ToLower(s); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", s, got, want)
		}
		for _, lower := range []string{strings.ToLower(s), s, "of", strings.ToLower(s) + "x", "i̇stanbul"} {
			if got, want := LowerIs(s, lower), strings.ToLower(s) == lower; got != want {
				t.Errorf("LowerIs(%q, %q) = %v, want %v", s, lower, got, want)
			}
		}
		if got, want := LowerGet(m, s), m[strings.ToLower(s)]; got != want {
			t.Errorf("LowerGet(%q) = %v, want %v", s, got, want)
		}
		if _, ok := LowerGetOK(m, s+"\x00"); ok {
			t.Errorf("LowerGetOK(%q) found an absent key", s+"\x00")
		}
	}
}

func TestLowerGetAllocates(t *testing.T) {
	m := map[string]bool{"minister": true}
	if n := testing.AllocsPerRun(100, func() { LowerGet(m, "Minister") }); n != 0 {
		t.Errorf("LowerGet of an ASCII word: %v allocations, want 0", n)
	}
}

func TestCapitalised(t *testing.T) {
	for s, want := range map[string]bool{"Oslo": true, "oslo": false, "Øresund": true, "ǅ": false, "1990s": false, "": false, "\xffA": false, "É": true} {
		if got := Capitalised(s); got != want {
			t.Errorf("Capitalised(%q) = %v, want %v", s, got, want)
		}
	}
}
