package coref_test

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/coref"
	"github.com/kgraph/kgraph/loader/text"
)

// pronounLinks runs refine and coref on a document in the bracket
// notation and returns, for each pronoun coref linked, "word@sentence ->
// entity name", in text order, and the resolution of the entities.
func pronounLinks(t *testing.T, src string) ([]string, map[string]string) {
	t.Helper()
	d, err := text.FromMarked(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := stages.Refine.RefineContext(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if err := stages.Coref.ResolveContext(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	var out []string
	why := map[string]string{}
	for _, m := range d.Mentions {
		if m.Nominal && (m.End-m.Start == 1 && coref.IsPronoun(d.MentionText(m)) || d.Entities[m.Entity].Attrs["resolution"] != "" && strings.Contains(d.Entities[m.Entity].Attrs["resolution"], d.MentionText(m)+": description: the nearest")) {
			out = append(out, d.MentionText(m)+"@"+string(rune('0'+m.Sent))+" -> "+d.Entities[m.Entity].Name)
		}
	}
	for _, e := range d.Entities {
		why[e.Name] = e.Attrs["resolution"]
	}
	return out, why
}

func TestPronouns(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"he and she by first name", `
[PER Anna Berg] and [PER Lars Holm] signed the accord in [LOC Oslo] .
She said he would sign again .`,
			[]string{"She@1 -> Anna Berg", "he@1 -> Lars Holm"}},
		{"gender by honorific; the subject of the sentence before", `
[PER Mrs Tamm] thanked [ORG Norvik Shipping] .
She said its offer was fair .`,
			[]string{"She@1 -> Tamm", "its@1 -> Norvik Shipping"}},
		{"near miss: two men in reach, neither the subject", `
After a long delay the talks between [PER Lars Holm] and [PER Erik Dahl] collapsed .
He left .`,
			nil},
		{"the subject of the sentence before wins over an object", `
[PER Lars Holm] praised [PER Erik Dahl] on Monday , calling the deal good .
Later he flew to [LOC Oslo] .`,
			[]string{"he@1 -> Lars Holm"}},
		{"near miss: gender unknown and two people in reach", `
[PER Kim Sato] met [PER Anna Berg] .
He left .`,
			nil},
		{"near miss: pleonastic it", `
[ORG Norvik Shipping] cut prices .
It is likely that prices fall .`,
			nil},
		{"it as the subject of a reporting verb", `
[ORG Norvik Shipping] cut prices .
It said demand was weak .`,
			[]string{"It@1 -> Norvik Shipping"}},
		{"near miss: a pronoun inside a quotation", `
[PER Lars Holm] spoke .
" He is wrong , " a rival said .`,
			nil},
		{"near miss: its between two organisations", `
[ORG Norvik Shipping] praised the [ORG Port of Tallinn] and its director said nothing .`,
			nil},
		{"near miss: its for a person", `
[PER Lars Holm] spoke .
Its price rose .`,
			nil},
		{"near miss: too far back", `
[PER Lars Holm] spoke .
Prices rose .
Prices fell .
Prices rose again .
He left .`,
			nil},
		{"near miss: cataphora, the name comes after", `
[PER Lars Holm] spoke .
In his speech , [PER Erik Dahl] praised the plan .`,
			nil},
		{"a definite description: the company", `
[ORG Norvik Shipping] cut prices .
The company said demand was weak .`,
			[]string{"The company@1 -> Norvik Shipping"}},
		{"near miss: the group of, the company and a name", `
[ORG Norvik Shipping] cut prices .
The group of buyers left ; the company [ORG Baltic Gas] stayed .`,
			nil},
		{"the company is no regulator: the subject of the sentence before is passed over", `
[ORG Tessaly Commission] fined [ORG Norvik Shipping] .
The company will appeal .`,
			[]string{"The company@1 -> Norvik Shipping"}},
		{"the company is no agency the gazetteer knows", `
The [ORG Food and Drug Administration] approved a drug of [ORG Norvik Shipping] .
The company said sales would rise .`,
			[]string{"The company@1 -> Norvik Shipping"}},
		{"the group may be a public body", `
[ORG Tessaly Commission] fined [ORG Norvik Shipping] .
The group will appeal .`,
			[]string{"The group@1 -> Tessaly Commission"}},
		{"near miss: they without a parse", `
[ORG Norvik Shipping] cut prices .
They said demand was weak .`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := pronounLinks(t, tt.src)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPronounResolutionExplained(t *testing.T) {
	_, why := pronounLinks(t, `
[PER Anna Berg] spoke in [LOC Oslo] .
She left .`)
	want := "She: pronoun: the nearest female person (first name Anna) in the sentence before"
	if why["Anna Berg"] != want {
		t.Errorf("resolution = %q, want %q", why["Anna Berg"], want)
	}
}

func TestPronounNotADescription(t *testing.T) {
	d, err := text.FromMarked(`
[PER Anna Berg] spoke .
She left .`)
	if err != nil {
		t.Fatal(err)
	}
	stages.Refine.Refine(d)
	stages.Coref.Resolve(d)
	for _, e := range d.Entities {
		if e.Attrs["descriptions"] != "" || len(e.Aliases) > 0 {
			t.Errorf("entity %s: descriptions %q, aliases %q; a pronoun is neither", e.Name, e.Attrs["descriptions"], e.Aliases)
		}
	}
}
