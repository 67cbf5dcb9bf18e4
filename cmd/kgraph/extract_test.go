package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExtractExplain(t *testing.T) {
	in := "Ann Lee, the chief executive of Norvik Bank, visited Oslo.\n\nShe met Mr Per Olsen there.\n"
	code, out, errs := runCmd(t, in, "extract", "--explain")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"stages: ner",
		"── sentence 1 ",
		"Ann Lee, the chief executive of Norvik Bank, visited Oslo.",
		"Norvik               B-ORG",
		`"Ann Lee" PERSON (ner PER) → entity e1 "Ann Lee"`,
		`"Ann Lee" WORKS_FOR m1 "Norvik Bank"  basis pattern`,
		"— kept",
		`"Mr Per Olsen" PERSON (ner PER) → entity`,
		`honorific="Mr"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--explain output lacks %q:\n%s", want, out)
		}
	}
	if code, _, _ := runCmd(t, "", "extract", "--explain", "--tokens"); code != exitUsage {
		t.Errorf("--explain --tokens: exit %d, want %d", code, exitUsage)
	}
}

// TestExtractTokensSyntax checks the syntax fields of the evaluation
// contract: one item per token and heads inside the sentence, when the
// binary has a parser.
func TestExtractTokensSyntax(t *testing.T) {
	in := `{"id":"s1","tokens":["Anna","Berg","visited","Norway","in","May","."]}` + "\n"
	code, out, errs := runCmd(t, in, "extract", "--tokens")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		UPOS    []string `json:"upos"`
		Heads   []int    `json:"heads"`
		Deprels []string `json:"deprels"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.UPOS == nil {
		t.Skip("this build has no parser")
	}
	if len(r.UPOS) != 7 || len(r.Heads) != 7 || len(r.Deprels) != 7 {
		t.Fatalf("got %d tags, %d heads, %d relations for 7 tokens", len(r.UPOS), len(r.Heads), len(r.Deprels))
	}
	roots := 0
	for i, h := range r.Heads {
		if h < 0 || h > 7 || h == i+1 {
			t.Errorf("token %d: head %d", i+1, h)
		}
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("%d roots, want 1: %v", roots, r.Heads)
	}
}
