package refine_test

import (
	"testing"

	"github.com/kgraph/kgraph/loader/text"
)

// TestWeakMentions checks which mentions refine marks as naming no node by
// themselves: a generic institution alone, a headline's fragment the story
// never names, and not a specific name nor a headline name the story
// repeats.
func TestWeakMentions(t *testing.T) {
	tests := []struct {
		name, src string
		weak      map[string]bool // mention text -> weak
	}{
		{"generic head after the", "Later the [ORG Senate] voted .",
			map[string]bool{"Senate": true}},
		{"generic head alone, any case", "[ORG CABINET] MEETS TODAY OVER BUDGET\nThe [ORG Cabinet] met in [LOC Rome] .",
			map[string]bool{"CABINET": true, "Cabinet": true, "Rome": false}},
		{"generic head after a demonym or a place's possessive", "The [MISC Italian] [ORG Senate] and [LOC Japan] 's [ORG Cabinet] met .",
			map[string]bool{"Senate": false, "Cabinet": false}},
		{"specific name with a generic head", "The [ORG European Commission] and the [ORG Brackett Senate] met .",
			map[string]bool{"European Commission": false, "Brackett Senate": false}},
		{"headline fragment", "[ORG INDUSTRIES INC] SETS PAYOUT\n[ORG Brackett Industries Inc] raised its dividend .",
			map[string]bool{"INDUSTRIES INC": true, "Brackett Industries Inc": false}},
		{"headline name the story repeats", "[ORG BRACKETT] RAISES PAYOUT\n[ORG Brackett] raised its dividend .",
			map[string]bool{"BRACKETT": false, "Brackett": false}},
		{"headline place the gazetteer knows", "[LOC JAPAN] CUTS RATES AGAIN\nThe central bank cut rates .",
			map[string]bool{"JAPAN": false}},
		{"story all in capitals", "[ORG INDUSTRIES INC] SETS PAYOUT\nTHE [ORG BRACKETT] BOARD SAID SO .",
			map[string]bool{"INDUSTRIES INC": false, "BRACKETT": false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDoc(t, tt.src)
			stages.Refine.Refine(d)
			seen := map[string]bool{}
			for _, m := range d.Mentions {
				txt := d.MentionText(m)
				want, ok := tt.weak[txt]
				if !ok {
					continue
				}
				seen[txt] = true
				if m.Weak != want {
					t.Errorf("%q: weak %v, want %v", txt, m.Weak, want)
				}
			}
			for txt := range tt.weak {
				if !seen[txt] {
					t.Errorf("no mention %q", txt)
				}
			}
		})
	}
}

// TestGenericJoinsItsName checks that a generic mention joins the entity the
// document names with it, which then has a mention that is not weak.
func TestGenericJoinsItsName(t *testing.T) {
	d := mustDoc(t, "The [ORG Brackett Senate] met on Monday .\nThe [ORG Senate] approved the budget .")
	stages.Refine.Refine(d)
	stages.Coref.Resolve(d)
	for _, e := range d.Entities {
		if e.Name != "Brackett Senate" {
			continue
		}
		if len(e.Mentions) != 2 {
			t.Fatalf("Brackett Senate has %d mentions, want 2 (the Senate joins it)", len(e.Mentions))
		}
		return
	}
	t.Fatalf("no entity Brackett Senate in %+v", d.Entities)
}

// TestBodyWithoutCountryNeedsTheBody checks that a national body's name
// without its country gets no canonical name when the document names no
// such body: any country has an Agriculture Department.
func TestBodyWithoutCountryNeedsTheBody(t *testing.T) {
	d := mustDoc(t, "The [ORG Agriculture Department] said stocks fell in [LOC Japan] .")
	stages.Refine.Refine(d)
	for _, m := range d.Mentions {
		if d.MentionText(m) == "Agriculture Department" && m.Canonical != "" {
			t.Errorf("Agriculture Department alone got canonical %q", m.Canonical)
		}
	}
}

// TestHeadlineFragmentTakesTheStorysName checks that a headline's fragment
// that starts or ends with a name of the story is named so, and joins it.
func TestHeadlineFragmentTakesTheStorysName(t *testing.T) {
	d := mustDoc(t, "[ORG FED ALLOWS BRACKETT] UNIT TO SELL BONDS\nThe [ORG Federal Reserve] let [ORG Brackett] sell bonds .")
	stages.Refine.Refine(d)
	stages.Coref.Resolve(d)
	e := entityWithMention(t, d, "FED ALLOWS BRACKETT")
	if e.Name != "Brackett" || len(e.Mentions) != 2 {
		t.Errorf("the fragment is in entity %q with %d mentions, want Brackett with 2", e.Name, len(e.Mentions))
	}
}

// TestHeadlineFragmentOfALongerName checks that a headline's fragment that
// starts a longer name of the story keeps its words, so that it joins that
// name and not a place at its end.
func TestHeadlineFragmentOfALongerName(t *testing.T) {
	d := mustDoc(t, "[ORG BRACKETT OSLO] LAUNCHES BOND\n[ORG Brackett Oslo Ltd] , based in [LOC Oslo] , said so .")
	stages.Refine.Refine(d)
	stages.Coref.Resolve(d)
	if e := entityWithMention(t, d, "BRACKETT OSLO"); e.Name != "Brackett Oslo Ltd" {
		t.Errorf("BRACKETT OSLO is in entity %q, want Brackett Oslo Ltd", e.Name)
	}
}

// entityWithMention returns the entity of d with a mention of text mention.
func entityWithMention(t *testing.T, d *text.Doc, mention string) *text.Entity {
	t.Helper()
	for i := range d.Entities {
		for _, mi := range d.Entities[i].Mentions {
			if d.MentionText(d.Mentions[mi]) == mention {
				return &d.Entities[i]
			}
		}
	}
	t.Fatalf("no entity has a mention %q", mention)
	return nil
}
