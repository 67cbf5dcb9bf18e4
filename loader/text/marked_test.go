package text_test

import (
	"testing"

	"github.com/kgraph/kgraph/loader/text"
)

func TestFromMarked(t *testing.T) {
	d, err := text.FromMarked("[PER Lena Holm] met [ORG UNDP] staff .\nShe left [LOC Oslo] .")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 2 || len(d.Spans) != 2 {
		t.Fatalf("got %d sentences and %d span lists, want 2 and 2", len(d.Sentences), len(d.Spans))
	}
	want := [][]string{{"PER Lena Holm", "ORG UNDP"}, {"LOC Oslo"}}
	for i, sp := range d.Spans {
		if len(sp) != len(want[i]) {
			t.Fatalf("sentence %d: got %d spans, want %d", i, len(sp), len(want[i]))
		}
		for j, s := range sp {
			toks := d.Sentences[i].Tokens
			got := s.Label + " " + d.Text[toks[s.Start].Start:toks[s.End-1].End]
			if got != want[i][j] {
				t.Errorf("span %d.%d: got %q, want %q", i, j, got, want[i][j])
			}
		}
	}
	if _, err := text.FromMarked("[PER Lena Holm met"); err == nil {
		t.Error("unclosed span: got no error")
	}
}
