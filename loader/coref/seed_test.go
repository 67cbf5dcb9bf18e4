package coref_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/ner"
	"github.com/kgraph/kgraph/loader/text"
	"github.com/kgraph/kgraph/loader/token"
)

// TestSeedArticleProperties runs tokenizer, NER, refine and coref on the
// sample articles in ../shared/data/seed and checks properties every
// resolved document must have; the graph itself is scored against the
// gold graph by the eval tools, not here.
func TestSeedArticleProperties(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "seed", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles in ../shared/data/seed")
	}
	m, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d := &text.Doc{Text: string(b), Sentences: token.Split(string(b))}
		m.Tag(d)
		stages.Refine.Refine(d)
		stages.Coref.Resolve(d)
		if len(d.Entities) == 0 {
			t.Fatalf("%s: no entities", file)
		}
		names := map[string]string{}
		for ei, e := range d.Entities {
			if _, _, ok := stages.Gazetteer.Title(strings.Fields(e.Name)); ok {
				t.Errorf("%s: entity named by a bare title %q", file, e.Name)
			}
			k := string(e.Type) + "/" + graph.NormalizeName(e.Name)
			if other, dup := names[k]; dup {
				t.Errorf("%s: two %s entities named %q and %q", file, e.Type, other, e.Name)
			}
			names[k] = e.Name
			descs := e.Attrs["descriptions"]
			for _, a := range e.Aliases {
				if descs != "" && strings.Contains(descs, a) && strings.HasPrefix(strings.ToLower(a), "the ") {
					t.Errorf("%s: description %q listed as an alias of %q", file, a, e.Name)
				}
			}
			for _, mi := range e.Mentions {
				if d.Mentions[mi].Entity != ei {
					t.Errorf("%s: mention %d listed by entity %d but points to %d", file, mi, ei, d.Mentions[mi].Entity)
				}
			}
		}
		for i, mm := range d.Mentions {
			if mm.Entity < 0 {
				t.Errorf("%s: mention %d %q has no entity", file, i, d.MentionText(mm))
			}
		}
	}
}
