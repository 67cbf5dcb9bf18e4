package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
	"github.com/kgraph/kgraph/loader/text"
)

// sentence is one CoNLL04 sentence in the SpERT JSON layout.
type sentence struct {
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

func readSpert(path string) ([]sentence, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []sentence
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

var entityType = map[string]graph.EntityType{
	"Peop": graph.Person, "Org": graph.Organization, "Loc": graph.Location, "Other": graph.Misc,
}

// contractRelation maps an ontology relation to its CoNLL04 kind as the
// scorer does ("" when the scorer ignores it).
var contractRelation = map[graph.RelationType]string{
	graph.WorksFor: "Work_For", graph.Leads: "Work_For", graph.BasedIn: "OrgBased_In",
	graph.LivesIn: "Live_In", graph.LocatedIn: "Located_In", graph.Killed: "Kill",
}

// goldDoc builds a one-sentence document whose mentions are the gold
// entities, each its own entity (what refine and coref would hand over).
func goldDoc(s sentence) *text.Doc {
	d := text.FromTokens([][]string{s.Tokens})
	for k, e := range s.Entities {
		t := entityType[e.Type]
		lab := map[graph.EntityType]string{graph.Person: "PER", graph.Organization: "ORG", graph.Location: "LOC"}[t]
		if lab == "" {
			lab = "MISC"
		}
		d.Mentions = append(d.Mentions, text.Mention{Sent: 0, Start: e.Start, End: e.End, Label: lab, Type: t, Entity: k})
		d.Entities = append(d.Entities, text.Entity{Name: d.MentionText(d.Mentions[k]), Type: t, Mentions: []int{k}})
	}
	return d
}

// triple is a scored relation fact: argument spans and the CoNLL04 kind.
type triple struct {
	hs, he, ts, te int
	typ            string
}

// prf returns precision, recall and F1 in percent.
func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = 100 * float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = 100 * float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// goldTriples returns the relation facts of s.
func goldTriples(s sentence) map[triple]bool {
	out := map[triple]bool{}
	for _, r := range s.Relations {
		h, t := s.Entities[r.Head], s.Entities[r.Tail]
		out[triple{h.Start, h.End, t.Start, t.End, r.Type}] = true
	}
	return out
}

// predTriples returns the facts of d.Relations as the scorer counts them
// (strict: the argument types must match the gold types, which holds for
// gold mentions by construction).
func predTriples(d *text.Doc) map[triple]bool {
	out := map[triple]bool{}
	for _, r := range d.Relations {
		if !relation.InContract(d, r) {
			continue
		}
		kind := contractRelation[relation.ContractType(d, r)]
		h, t := d.Mentions[r.Head], d.Mentions[r.Tail]
		if kind == "" {
			continue
		}
		out[triple{h.Start, h.End, t.Start, t.End, kind}] = true
	}
	return out
}
