package refine_test

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
)

// TestRefinedNamesResolve checks that coreference joins the names these
// repairs produce: an organisation's short name without its designator,
// and a name extended to the acronym that spells it.
func TestRefinedNamesResolve(t *testing.T) {
	tests := []struct {
		name, src string
		entity    string
		typ       graph.EntityType
		mentions  int
	}{
		{"club and its short name", "[PER Deportivo Castelar] signed [PER Ivo Lenz] .\n[PER Castelar] paid well .\n[PER Lenz] joined [PER Castelar] .",
			"Deportivo Castelar", graph.Organization, 3},
		{"company and its short name", "[PER Brevik Sensors] was sold .\n[PER Brevik] makes chips .",
			"Brevik Sensors", graph.Organization, 2},
		{"name extended to its acronym", "The [ORG Joint Board] for the Care of the [LOC Lendra Basin] ( JBCLB ) met .\n[ORG JBCLB] said so .",
			"Joint Board for the Care of the Lendra Basin", graph.Organization, 3},
		{"acronym and its name with an ampersand", "The [ORG Securities & Exchange Commission] ruled .\n[ORG SEC] staff agreed .",
			"Securities and Exchange Commission", graph.Organization, 2},
		{"acronym and a national body's name in other word order", "The [ORG U.S. Agriculture Department] said so .\n[ORG USDA] figures show it .",
			"United States Department of Agriculture", graph.Organization, 2},
		{"a national body's name without its country, where the story names the body", "[ORG USDA] SEES LOWER WHEAT STOCKS\nThe [ORG Agriculture Department] said stocks fell .",
			"United States Department of Agriculture", graph.Organization, 2},
		{"a party's short name and its full name", "The [ORG Labour Party] met .\n[LOC Labour] won .\n[ORG Labour] lost .",
			"Labour Party", graph.Organization, 3},
		{"a short name of a national body", "The [ORG Federal Reserve] met .\nThe [ORG Fed] cut rates .",
			"Federal Reserve", graph.Organization, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDoc(t, tt.src)
			stages.Refine.Refine(d)
			stages.Coref.Resolve(d)
			for _, e := range d.Entities {
				if e.Name != tt.entity {
					continue
				}
				if e.Type != tt.typ || len(e.Mentions) != tt.mentions {
					t.Errorf("entity %q: got %s with %d mentions, want %s with %d", e.Name, e.Type, len(e.Mentions), tt.typ, tt.mentions)
				}
				return
			}
			var got []string
			for _, e := range d.Entities {
				got = append(got, e.Name+"/"+string(e.Type))
			}
			t.Errorf("got entities %q, want one named %q", got, tt.entity)
		})
	}
}
