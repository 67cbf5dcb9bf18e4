package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/ner"
)

func TestSplitWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The U.S. economy grew, officials said.", "The|U.S.|economy|grew|,|officials|said|."},
		{"Germany's exports (in euros) didn't fall.", "Germany|'s|exports|(|in|euros|)|did|n't|fall|."},
		{"\u201cWe\u2019re ready,\u201d she said", "\"|We're|ready|,|\"|she|said"},
	}
	for _, tt := range tests {
		if got := strings.Join(splitWords(tt.in), "|"); got != tt.want {
			t.Errorf("splitWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitleCaseHeadlines(t *testing.T) {
	docs := []ner.Document{{Sentences: []ner.Sentence{
		{Tokens: []string{"SOCCER", "-", "ARSENAL", "WIN", "IN", "THE", "U.S."}, Tags: []string{"O", "O", "B-ORG", "O", "O", "O", "B-LOC"}},
		{Tokens: []string{"LONDON", "1996-08-22"}, Tags: []string{"B-LOC", "O"}},
		{Tokens: []string{"ARSENAL", "WON", "AGAIN"}, Tags: []string{"B-ORG", "O", "O"}}, // third sentence: not a headline
	}}}
	got := titleCaseHeadlines(docs)
	want := [][]string{
		{"Soccer", "-", "Arsenal", "Win", "in", "the", "U.S."},
		{"London", "1996-08-22"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d headline copies, want %d", len(got), len(want))
	}
	for i := range want {
		s := got[i].Sentences[0]
		if !reflect.DeepEqual(s.Tokens, want[i]) {
			t.Errorf("copy %d: got %v, want %v", i, s.Tokens, want[i])
		}
		if !reflect.DeepEqual(s.Tags, docs[0].Sentences[i].Tags) {
			t.Errorf("copy %d: tags %v, want the original's %v", i, s.Tags, docs[0].Sentences[i].Tags)
		}
	}
}

func TestNameLike(t *testing.T) {
	tests := []struct {
		toks []string
		want bool
	}{
		{[]string{"Italian"}, true},
		{[]string{"Nobel", "Prize"}, true},
		{[]string{"Monday"}, false},
		{[]string{"Feb.", "13"}, false},
		{[]string{"150", "hectares"}, false},
		{[]string{"million"}, false},
	}
	for _, tt := range tests {
		if got := nameLike(tt.toks); got != tt.want {
			t.Errorf("nameLike(%v) = %v, want %v", tt.toks, got, tt.want)
		}
	}
}
