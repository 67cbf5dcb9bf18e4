package loader_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/loader/refine"
	"github.com/kgraph/kgraph/loader/text"
)

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// TestNewFromCorrupt feeds the constructor one corrupt resource at a time:
// each is an error of NewFrom that names the resource, never a panic and
// never a stage that silently runs without it.
func TestNewFromCorrupt(t *testing.T) {
	badKeywords := refine.EmbeddedTables()
	badKeywords.Keywords = "ORGANISATION\tORG\tbank\n" // not an ontology type
	badDescriptors := refine.EmbeddedTables()
	badDescriptors.OrgDescriptors = "strong bank\n" // no tab after the kind
	tests := []struct {
		name string
		res  loader.Resources
		want string
	}{
		{"gazetteer not gzip", loader.Resources{Gazetteer: fstest.MapFS{"data/places.tsv.gz": {Data: []byte("plain text")}}}, "places.tsv.gz"},
		{"gazetteer file missing", loader.Resources{Gazetteer: fstest.MapFS{}}, "gazetteer"},
		{"gazetteer bad line", loader.Resources{Gazetteer: fstest.MapFS{"data/places.tsv.gz": {Data: gz("\tcountry\n")}}}, "places.tsv.gz:1"},
		{"refine keywords", loader.Resources{Refine: &badKeywords}, "keywords.tsv:1"},
		{"refine descriptors", loader.Resources{Refine: &badDescriptors}, "org-descriptors.tsv:1"},
		{"NER model truncated", loader.Resources{NERModel: []byte{0x1f, 0x8b, 8}, NERClusters: gz("")}, "NER model"},
		{"NER clusters without model", loader.Resources{NERClusters: gz("")}, "NER model"},
		{"relation model not gzip", loader.Resources{RelationModel: []byte("KGRE2\n")}, "relation model"},
		{"relation model bad magic", loader.Resources{RelationModel: gz("KGRE9\nxxxxxxxx")}, "relation model"},
		{"syntax model", loader.Resources{SyntaxModel: []byte("not a model")}, "syntax model"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := loader.NewFrom(tt.res)
			if err == nil {
				t.Fatalf("got a loader (%v), want an error", l != nil)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

// TestSyntaxModelLazy: a parser model that is gzip data but no model is
// not decoded by New nor by graph extraction, which does not parse; the
// first stage that parses reports it.
func TestSyntaxModelLazy(t *testing.T) {
	l, err := loader.NewFrom(loader.Resources{SyntaxModel: gz("not a model")})
	if err != nil {
		t.Fatalf("NewFrom: %v (the parser's model is decoded on first use)", err)
	}
	x, err := l.Extract(context.Background(), graph.Document{Text: "Lena Holm, who works for Norvik Bank, visited Oslo."})
	if err != nil {
		t.Fatalf("graph extraction: %v", err)
	}
	if len(x.Entities) == 0 {
		t.Fatal("graph extraction found nothing")
	}
	_, err = l.ExtractTokens(context.Background(), [][]string{strings.Fields("Lena Holm visited Oslo .")})
	if err == nil || !strings.Contains(err.Error(), "syntax model") {
		t.Fatalf("evaluation stages with a bad parser model: error %v, want one naming the syntax model", err)
	}
	if _, err := l.Pipeline().Syntax(); err == nil {
		t.Fatal("Syntax: no error for a bad model")
	}
}

// TestPipelineStages checks the stage order that both the loader and the
// training programs run, and that Run stops after the stage it is asked to.
func TestPipelineStages(t *testing.T) {
	p, err := loader.NewPipeline(loader.Resources{})
	if err != nil {
		t.Fatal(err)
	}
	names := func(stages []loader.Stage) string {
		var n []string
		for _, s := range stages {
			n = append(n, s.Name())
		}
		return strings.Join(n, " ")
	}
	if m, err := p.Syntax(); err != nil || m == nil {
		t.Fatalf("no parser (%v): the binary embeds one", err)
	} else if m.Beam() < 16 {
		t.Errorf("the pipeline parses with a beam of %d, want at least 16", m.Beam())
	}
	if got, want := names(p.Eval), "ner syntax refine coref relation"; got != want {
		t.Fatalf("evaluation stages %q, want %q", got, want)
	}
	if got := names(p.Stages); got != "ner refine coref relation" && got != "ner syntax refine coref relation" {
		t.Fatalf("graph stages %q", got)
	}
	d := text.FromTokens([][]string{strings.Fields("Lena Holm , who works for Norvik Bank , visited Oslo .")})
	if err := p.Run(context.Background(), d, "refine"); err != nil {
		t.Fatal(err)
	}
	if len(d.Mentions) == 0 || len(d.Entities) != 0 || len(d.Relations) != 0 {
		t.Fatalf("after refine: %d mentions, %d entities, %d relations; want mentions only", len(d.Mentions), len(d.Entities), len(d.Relations))
	}
	// The evaluation stages parse every sentence, and the parse is on the
	// sentence for the stages after syntax.
	d = text.FromTokens([][]string{strings.Fields("Lena Holm visited Oslo ."), strings.Fields("She left .")})
	if err := p.RunEval(context.Background(), d, "syntax"); err != nil {
		t.Fatal(err)
	}
	for i, s := range d.Sentences {
		if s.Syntax == nil || len(s.Syntax.UPOS) != len(s.Tokens) || len(s.Syntax.Head) != len(s.Tokens) {
			t.Fatalf("sentence %d: parse %+v for %d tokens", i, s.Syntax, len(s.Tokens))
		}
	}
	if len(d.Mentions) != 0 {
		t.Fatal("RunEval(…, \"syntax\") ran refine")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Run(ctx, text.FromTokens([][]string{{"Oslo"}}), ""); err == nil {
		t.Fatal("cancelled context: got no error")
	}
}
