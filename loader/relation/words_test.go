package relation

import (
	"slices"
	"strings"
	"testing"
)

// TestWords checks the embedded word lists: they parse, every list the
// patterns read is there and every list there is read, and items follow
// continuation lines in order.
func TestWords(t *testing.T) {
	if err := checkWords(); err != nil {
		t.Fatal(err)
	}
	if !prepositions["of"] || !stopFillers["the"] || verbTriggers["met with"] == nil {
		t.Fatal("lists read from words.txt are empty")
	}
	if got := verbTriggers["hosted"]; len(got) != 2 || got[0].typ != trigMetPerson.typ || got[1].typ != trigOrganised.typ {
		t.Errorf(`"hosted" triggers %v, want MET_WITH then ORGANIZED_BY`, got)
	}
	got, err := parseWords([]byte("# a comment\nphrases: a, b c,\n\td,\n  e  f\n\nother: g\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b c", "d", "e f"}; !slices.Equal(got["phrases"], want) {
		t.Errorf("phrases = %q, want %q", got["phrases"], want)
	}
	if want := []string{"g"}; !slices.Equal(got["other"], want) {
		t.Errorf("other = %q, want %q", got["other"], want)
	}
}

func TestParseWordsErrors(t *testing.T) {
	for name, file := range map[string]string{
		"continuation first": "\ta, b\n",
		"no colon":           "prepositions of, in\n",
		"space in name":      "two words: a\n",
		"upper case":         "names: a, B\n",
		"repeated item":      "names: a, b,\n\ta\n",
		"list twice":         "names: a\nnames: b\n",
	} {
		if _, err := parseWords([]byte(file)); err == nil {
			t.Errorf("%s: no error for %q", name, file)
		}
	}
}

// TestNewChecksWords: New refuses word lists that lack a list the
// patterns read, or that hold one they do not.
func TestNewChecksWords(t *testing.T) {
	saved := wordLists
	defer func() { wordLists = saved }()
	for want, edit := range map[string]func(map[string][]string){
		"prepositions": func(l map[string][]string) { delete(l, "prepositions") },
		"unread-words": func(l map[string][]string) { l["unread-words"] = []string{"a"} },
	} {
		lists := map[string][]string{}
		for k, v := range saved {
			lists[k] = v
		}
		edit(lists)
		wordLists = lists
		if _, err := New(testStage.gaz, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("without or with list %s: New gives error %v, want one naming it", want, err)
		}
	}
}
