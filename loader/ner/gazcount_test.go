package ner

import "testing"

// A document added twice counts once in the gazetteer, so leaving its own
// entries out leaves out its copy's too; a different document with the
// same entity counts on its own.
func TestGazetteerCountsCopiesOnce(t *testing.T) {
	sent := Sentence{Tokens: []string{"Zorvik", "Bank", "grew", "."}, Tags: []string{"B-ORG", "I-ORG", "O", "O"}}
	doc := Document{Sentences: []Sentence{sent}}
	other := Document{Sentences: []Sentence{{Tokens: sent.Tokens, Tags: sent.Tags}}}
	m := &Model{}
	count := func(docs ...Document) int {
		tds := make([]*tdoc, len(docs))
		for i, d := range docs {
			tds[i] = m.newDoc(d)
		}
		counts, owns := gazetteerCounts(docs, tds)
		if len(owns) != len(docs) || len(owns[0]) == 0 {
			t.Fatalf("own keys: %v", owns)
		}
		most := 0
		for k := range owns[0] {
			if n := int(counts[k][typeIndex("ORG")]); n > most {
				most = n
			}
		}
		return most
	}
	if n := count(doc, doc); n != 1 {
		t.Errorf("a document and its copy: counted %d times, want 1", n)
	}
	if n := count(doc, other); n != 2 {
		t.Errorf("two documents with the same entity: counted %d times, want 2", n)
	}
}
