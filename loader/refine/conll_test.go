package refine_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/ner"
	"github.com/kgraph/kgraph/loader/text"
)

// conllLabel maps an ontology type to the label the CoNLL-2003 scorer
// compares it with.
func conllLabel(t graph.EntityType) string {
	switch t {
	case graph.Person:
		return "PER"
	case graph.Organization:
		return "ORG"
	case graph.Location:
		return "LOC"
	}
	return "MISC"
}

// TestCoNLLDevNotLowered pins the contract that refinement and
// coreference may relabel and repair NER spans only where that does not
// lower strict entity F1 on CoNLL-2003 dev (the evaluation runs the whole
// pipeline): it scores the model's own spans and the pipeline's named
// mentions against the gold spans.
func TestCoNLLDevNotLowered(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the CoNLL-2003 dev set")
	}
	path := filepath.Join("..", "..", "..", "shared", "data", "conll2003", "dev.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("CoNLL-2003 dev not available (%v)", err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		doc, sent, start, end int
		label                 string
	}
	gold, base, piped := map[key]bool{}, map[key]bool{}, map[key]bool{}
	for di, doc := range docs {
		sents := make([][]string, len(doc.Sentences))
		for si, s := range doc.Sentences {
			sents[si] = s.Tokens
			for i := 0; i < len(s.Tags); i++ {
				tag := s.Tags[i]
				if len(tag) < 3 || tag[0] == 'O' || (tag[0] == 'I' && i > 0 && s.Tags[i-1][1:] == tag[1:]) {
					continue
				}
				j := i + 1
				for j < len(s.Tags) && s.Tags[j] == "I-"+tag[2:] {
					j++
				}
				gold[key{di, si, i, j, tag[2:]}] = true
			}
		}
		d := text.FromTokens(sents)
		d.Spans = m.TagTokens(sents)
		for si, sp := range d.Spans {
			for _, x := range sp {
				base[key{di, si, x.Start, x.End, x.Label}] = true
			}
		}
		stages.Refine.Refine(d)
		stages.Coref.Resolve(d)
		for _, mm := range d.Mentions {
			if !mm.Nominal {
				piped[key{di, mm.Sent, mm.Start, mm.End, conllLabel(mm.Type)}] = true
			}
		}
	}
	f1 := func(pred map[key]bool) float64 {
		tp := 0
		for k := range pred {
			if gold[k] {
				tp++
			}
		}
		return 200 * float64(tp) / float64(len(pred)+len(gold))
	}
	b, p := f1(base), f1(piped)
	t.Logf("CoNLL-2003 dev entity F1: NER %.2f, NER+refine+coref %.2f", b, p)
	if p < b {
		t.Errorf("refine+coref lower CoNLL-2003 dev F1: got %.2f, want at least the NER's %.2f", p, b)
	}
}
