package relation_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/text"
)

// devPath is CoNLL04 dev from the package directory (repo/../shared).
var devPath = filepath.Join("..", "..", "..", "shared", "data", "conll04", "dev.json")

type conllSentence struct {
	Tokens   []string `json:"tokens"`
	Entities []struct {
		Type       string `json:"type"`
		Start, End int
	} `json:"entities"`
	Relations []struct {
		Type       string `json:"type"`
		Head, Tail int
	} `json:"relations"`
}

// TestDevF1GoldEntities pins the figure reported in doc.go: relation micro
// F1 of Extract on CoNLL04 dev when the mentions are the gold entities.
func TestDevF1GoldEntities(t *testing.T) {
	b, err := os.ReadFile(devPath)
	if err != nil {
		t.Skipf("CoNLL04 dev not available (%v); skipping", err)
	}
	var sents []conllSentence
	if err := json.Unmarshal(b, &sents); err != nil {
		t.Fatal(err)
	}
	types := map[string]graph.EntityType{"Peop": graph.Person, "Org": graph.Organization, "Loc": graph.Location, "Other": graph.Misc}
	kinds := map[graph.RelationType]string{graph.WorksFor: "Work_For", graph.Leads: "Work_For", graph.BasedIn: "OrgBased_In",
		graph.LivesIn: "Live_In", graph.LocatedIn: "Located_In", graph.Killed: "Kill"}
	type fact struct {
		hs, he, ts, te int
		kind           string
	}
	tp, fp, fn := 0, 0, 0
	for _, s := range sents {
		d := text.FromTokens([][]string{s.Tokens})
		for k, e := range s.Entities {
			d.Mentions = append(d.Mentions, text.Mention{Start: e.Start, End: e.End, Type: types[e.Type], Entity: k})
			d.Entities = append(d.Entities, text.Entity{Type: types[e.Type], Mentions: []int{k}})
		}
		stages.Relation.Extract(d)
		gold, pred := map[fact]bool{}, map[fact]bool{}
		for _, r := range s.Relations {
			h, tl := s.Entities[r.Head], s.Entities[r.Tail]
			gold[fact{h.Start, h.End, tl.Start, tl.End, r.Type}] = true
		}
		for _, r := range d.Relations {
			if !relation.InContract(d, r) {
				continue
			}
			if k := kinds[relation.ContractType(d, r)]; k != "" {
				h, tl := d.Mentions[r.Head], d.Mentions[r.Tail]
				pred[fact{h.Start, h.End, tl.Start, tl.End, k}] = true
			}
		}
		for f := range pred {
			if gold[f] {
				tp++
			} else {
				fp++
			}
		}
		for f := range gold {
			if !pred[f] {
				fn++
			}
		}
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	f1 := 200 * p * r / (p + r)
	t.Logf("CoNLL04 dev, gold entities: P %.2f R %.2f F1 %.2f", 100*p, 100*r, f1)
	if f1 < 75.0 {
		t.Errorf("dev F1 %.2f, want >= 75.0", f1)
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := relation.NewModel(8)
	m.Threshold = 0.4
	m.Bias = -1.5
	m.Weights[3], m.Weights[200] = 0.25, -2
	m.PerRelation = map[graph.RelationType]float64{graph.LocatedIn: 0.75}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := relation.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Bits != 8 || got.Threshold != float64(float32(0.4)) || got.Bias != -1.5 || got.Weights[3] != 0.25 || got.Weights[200] != -2 {
		t.Errorf("got bits %d threshold %v bias %v w3 %v w200 %v, want 8 0.4 -1.5 0.25 -2",
			got.Bits, got.Threshold, got.Bias, got.Weights[3], got.Weights[200])
	}
	if got.Cut(graph.LocatedIn) != float64(float32(0.75)) || got.Cut(graph.Killed) != got.Threshold {
		t.Errorf("Cut(LOCATED_IN) %v, Cut(KILLED) %v; want 0.75 and the global threshold %v",
			got.Cut(graph.LocatedIn), got.Cut(graph.Killed), got.Threshold)
	}
	if _, err := relation.Decode(bytes.NewReader([]byte("not a model"))); err == nil {
		t.Error("Decode of garbage: got nil error, want an error")
	}
}

func TestDefaultModelLoads(t *testing.T) {
	m, err := relation.Load()
	if err != nil {
		t.Fatal(err)
	}
	if m.Threshold <= 0 || m.Threshold >= 1 {
		t.Errorf("threshold %v, want in (0,1)", m.Threshold)
	}
}

func BenchmarkExtract(b *testing.B) {
	sents := []string{
		"Foreign Minister [PERSON Lena Holm] held talks with [ORGANIZATION WHO] Director-General [PERSON Tomas Reyes] in [LOCATION Geneva] .",
		"[LOCATION Chile] is going to announce next month the [INITIATIVE Pacific Ocean Compact] in cooperation with [ORGANIZATION UNDP] .",
		"The [EVENT Global Water Forum] in [LOCATION Nairobi] on March 12-14 was organised by [ORGANIZATION UNEP] .",
		"[PERSON John Fielding] , chairman of [ORGANIZATION Barrow Holdings] , said profits at the [LOCATION London] firm rose .",
		"Shares in the company fell 3 percent on Tuesday after the results .",
		"[ORGANIZATION Telvia] teamed up with [ORGANIZATION Baltic Rail] as part of the [INITIATIVE Green Fleet Plan] .",
		"On the sidelines of the [EVENT Nordic Rail Forum] , [PERSON Anu Saar] , chief executive of [ORGANIZATION Baltic Rail] , met [PERSON Jonas Berg] .",
		"Aid arrived from [ORGANIZATION UN] agencies including [ORGANIZATION UNHCR] and [ORGANIZATION WFP] in [LOCATION Nairobi] .",
	}
	var all []string
	for i := 0; i < 10; i++ {
		all = append(all, sents...)
	}
	d := relation.BuildDoc(b, "2024-03-02", all...)
	words := 0
	for _, s := range d.Sentences {
		words += len(s.Tokens)
	}
	stages.Relation.Extract(d) // load the model outside the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		stages.Relation.Extract(d)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestModelParsedFlag: a model trained with dependency-path features says
// so in its file; one without keeps the earlier format byte for byte.
func TestModelParsedFlag(t *testing.T) {
	for _, parsed := range []bool{false, true} {
		m := relation.NewModel(4)
		m.Parsed = parsed
		var buf bytes.Buffer
		if err := m.Encode(&buf); err != nil {
			t.Fatal(err)
		}
		got, err := relation.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if got.Parsed != parsed {
			t.Errorf("Parsed %v after a round trip, want %v", got.Parsed, parsed)
		}
	}
}

// TestPathFeatures: a parsed model's features of a pair differ with and
// without the sentence's parse; an unparsed model's do not.
func TestPathFeatures(t *testing.T) {
	st := stages.Relation
	for _, parsed := range []bool{false, true} {
		m := relation.NewModel(16)
		m.Parsed = parsed
		d := relation.BuildDoc(t, "", "[PERSON Lena Holm] , chairman of [ORGANIZATION Nordvik Energy] , spoke .")
		c := relation.Candidate{Head: 0, Tail: 1, Rel: graph.WorksFor}
		without := append([]uint32(nil), st.Features(m, d, c, []int{0, 1})...)
		if err := stages.ParseAll(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		with := st.Features(m, d, c, []int{0, 1})
		if (len(with) != len(without)) != parsed {
			t.Errorf("parsed model %v: %d features without the parse, %d with", parsed, len(without), len(with))
		}
	}
}
