package loader_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

var (
	fuzzOnce   sync.Once
	fuzzLoader *loader.Loader
	fuzzErr    error
)

func fuzzLoaderOf(t *testing.T) *loader.Loader {
	fuzzOnce.Do(func() { fuzzLoader, fuzzErr = loader.New() })
	if fuzzErr != nil {
		t.Fatal(fuzzErr)
	}
	return fuzzLoader
}

// FuzzExtract runs the whole extractor on raw text: no panic, every offset
// inside the text and on the text it names, every relation between
// entities of the document, and the same output for the same input.
//
//	go test -run=^$ -fuzz=FuzzExtract -fuzztime=30s ./loader
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Foreign Minister Anna Berg met Paul Dufort in Geneva on Monday.",
		"UNICEF and the World Health Organization signed an agreement in Nairobi. Its director, Mary Otieno, said the deal mattered.",
		"NORDVIK ENERGY AND ACME LTD AND BRITAIN AND OSLO AND PARIS",
		"Dr. J. R. R. Smith Jr. (CEO, Acme Corp.) told Reuters: \"We won't.\"",
		"Ana, Bo, Cy, Di, Ed, Flo, Gus, Hal, Ida, Jo, Kay, Lu and Mo attended.",
		"Müller traf Émilie Zoé in Zürich — “Ça va?” — und ging.",
		"",
		"\n\n\t ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 {
			return // bounded inputs keep the fuzzer fast; size is the extraction benchmarks' job
		}
		doc, err := loader.Prepare(graph.Document{Text: s}, loader.Limits{MaxDocBytes: 1 << 10})
		if err != nil {
			return
		}
		ld := fuzzLoaderOf(t)
		x, err := ld.Extract(context.Background(), doc)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		text := doc.Text
		ids := map[string]bool{}
		for _, e := range x.Entities {
			if ids[e.ID] {
				t.Fatalf("entity id %q twice", e.ID)
			}
			ids[e.ID] = true
			if e.Name == "" || !utf8.ValidString(e.Name) {
				t.Fatalf("entity %s: name %q", e.ID, e.Name)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("entity %s: mention [%d,%d) outside the text (%d bytes)", e.ID, m.Start, m.End, len(text))
				}
				if m.Text != text[m.Start:m.End] {
					t.Fatalf("entity %s: mention text %q, the text there is %q", e.ID, m.Text, text[m.Start:m.End])
				}
			}
		}
		for _, r := range x.Relations {
			if !ids[r.Source] || !ids[r.Target] {
				t.Fatalf("relation %s %s→%s: an end is not an entity of the document", r.Type, r.Source, r.Target)
			}
			for _, ev := range r.Evidence {
				if ev.Start < 0 || ev.End > len(text) || ev.Start > ev.End {
					t.Fatalf("relation %s: evidence [%d,%d) outside the text (%d bytes)", r.Type, ev.Start, ev.End, len(text))
				}
				if !strings.Contains(text[ev.Start:ev.End], strings.TrimSpace(ev.Sentence)) {
					t.Fatalf("relation %s: evidence sentence %q is not the text at [%d,%d)", r.Type, ev.Sentence, ev.Start, ev.End)
				}
			}
		}
		again, err := ld.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(x)
		b, _ := json.Marshal(again)
		if !bytes.Equal(a, b) {
			t.Fatalf("two extractions of the same text differ:\n%s\n%s", a, b)
		}
	})
}
