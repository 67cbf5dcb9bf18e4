package loader_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

var (
	loadOnce sync.Once
	shared   *loader.Loader
	loadErr  error
)

func mustLoader(t *testing.T) *loader.Loader {
	t.Helper()
	loadOnce.Do(func() { shared, loadErr = loader.New() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return shared
}

func extract(t *testing.T, text string) *graph.Extraction {
	t.Helper()
	doc, err := loader.ParseText([]byte(text), loader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := mustLoader(t).Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestExtractionIsConsistent checks the invariants every extraction keeps:
// mention offsets point at their text, relations join listed entities of
// types their relation type allows, evidence is the sentence at its
// offsets, and a fact is listed once with each sentence once.
func TestExtractionIsConsistent(t *testing.T) {
	text := `date 2024-09-03 Harbour agency chief meets Norwegian minister

OSLO - Nordic Ports Authority (NPA) chief executive Lena Marsh met Norway's Trade Minister Erik Vold in Oslo on Monday, the authority said.
Marsh said the NPA would open an office in Bergen. Vold praised the plan.
Talks resumed at 10:00 GMT on Tuesday.`
	x := extract(t, text)
	doc := x.Document.Text
	ids := map[string]graph.EntityType{}
	for _, e := range x.Entities {
		ids[e.ID] = e.Type
		if e.Name == "" || !e.Type.Valid() {
			t.Errorf("entity %+v: want a name and a valid type", e)
		}
		for _, m := range e.Mentions {
			if doc[m.Start:m.End] != m.Text {
				t.Errorf("mention of %s: text[%d:%d] = %q, want %q", e.Name, m.Start, m.End, doc[m.Start:m.End], m.Text)
			}
		}
		if e.Name == "GMT" {
			t.Errorf("time zone GMT became a node")
		}
	}
	type key struct{ s, t, ty string }
	seen := map[key]bool{}
	for _, r := range x.Relations {
		st, ok1 := ids[r.Source]
		tt, ok2 := ids[r.Target]
		if !ok1 || !ok2 {
			t.Fatalf("relation %+v joins unknown entities", r)
		}
		if !r.Type.Allows(st, tt) {
			t.Errorf("relation %s from %s to %s: types not allowed", r.Type, st, tt)
		}
		k := key{r.Source, r.Target, string(r.Type)}
		if seen[k] {
			t.Errorf("relation %v listed twice", k)
		}
		seen[k] = true
		starts := map[int]bool{}
		for _, ev := range r.Evidence {
			if doc[ev.Start:ev.End] != ev.Sentence || ev.Document != x.Document.ID {
				t.Errorf("evidence %+v does not match the document", ev)
			}
			if starts[ev.Start] {
				t.Errorf("relation %v cites sentence %d twice", k, ev.Start)
			}
			starts[ev.Start] = true
		}
	}
	if len(x.Relations) == 0 {
		t.Error("got no relations, want at least the title relation of the chief executive")
	}
}

func TestSentencesLeaveOutNominalMentions(t *testing.T) {
	ld := mustLoader(t)
	d, err := ld.ExtractTokens(context.Background(), [][]string{
		strings.Fields("Executive Director Anna Berg of the World Health Organization visited Peru ."),
		strings.Fields("The Executive Director praised the health ministry ."),
	})
	if err != nil {
		t.Fatal(err)
	}
	out := loader.Sentences(d)
	if len(out) != 2 {
		t.Fatalf("got %d sentences, want 2", len(out))
	}
	if len(out[1].Entities) != 0 {
		t.Errorf("second sentence: got entities %+v, want none (a description is not a name)", out[1].Entities)
	}
	for i, s := range out {
		for _, r := range s.Relations {
			if r.Head >= len(s.Entities) || r.Tail >= len(s.Entities) || r.Head == r.Tail {
				t.Errorf("sentence %d: relation %+v does not join two of its entities", i, r)
			}
		}
	}
}

// TestSentenceFinalAbbreviation checks that a name whose full stop also
// ends its sentence keeps it ("the U.S."), while the mention's text stays
// the token's, and that a web address is no abbreviation.
func TestSentenceFinalAbbreviation(t *testing.T) {
	x := extract(t, "Norvik Shipping opened an office in Fort Lee, N.J. Sales rose at PowerPage.org. The company also moved to the U.S.")
	names := map[string]bool{}
	for _, e := range x.Entities {
		names[e.Name] = true
		for _, a := range e.Aliases {
			names[a] = true
		}
	}
	for _, want := range []string{"U.S.", "N.J."} {
		if !names[want] && !names["Fort Lee, "+want] {
			t.Errorf("no entity named or aliased %q; got %v", want, names)
		}
	}
	for n := range names {
		if strings.HasSuffix(n, ".org.") || n == "U.S" {
			t.Errorf("name %q: want the abbreviation's full stop only", n)
		}
	}
}

// TestPartyMemberIsNoEmployee checks that a person a title pattern makes a
// member of a party ("Labour MP X") is not also said to work for it
// through a pronoun the classifier pairs with the party.
func TestPartyMemberIsNoEmployee(t *testing.T) {
	x := extract(t, "Labour MP Tom Harland said he would stand down at the next election.")
	name := map[string]string{}
	for _, e := range x.Entities {
		name[e.ID] = e.Name
	}
	member := false
	for _, r := range x.Relations {
		h, t2 := name[r.Source], name[r.Target]
		if h == "Tom Harland" && strings.HasPrefix(t2, "Labour") {
			switch r.Type {
			case graph.MemberOf:
				member = true
			case graph.WorksFor:
				t.Errorf("%s WORKS_FOR %s (%v): a party's member is not its employee", h, t2, r.Attributes)
			}
		}
	}
	if !member {
		t.Errorf("no MEMBER_OF between Tom Harland and Labour; got %+v", x.Relations)
	}
}
