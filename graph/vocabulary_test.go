package graph_test

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
)

func TestRelationTypeAllows(t *testing.T) {
	tests := []struct {
		typ      graph.RelationType
		src, dst graph.EntityType
		want     bool
	}{
		{graph.WorksFor, graph.Person, graph.Organization, true},
		{graph.WorksFor, graph.Person, graph.Location, true},
		{graph.WorksFor, graph.Organization, graph.Organization, false},
		{graph.LivesIn, graph.Person, graph.Organization, false},
		{graph.BasedIn, graph.Organization, graph.Location, true},
		{graph.MetWith, graph.Organization, graph.Person, true},
		{graph.MetWith, graph.Event, graph.Person, false},
		{graph.PartOf, graph.Initiative, graph.Event, true},
		{graph.RelationType("NOPE"), graph.Person, graph.Person, false},
	}
	for _, tt := range tests {
		if got := tt.typ.Allows(tt.src, tt.dst); got != tt.want {
			t.Errorf("%s.Allows(%s, %s): got %v, want %v", tt.typ, tt.src, tt.dst, got, tt.want)
		}
	}
	for _, info := range graph.RelationTypes {
		for _, ty := range append(append([]graph.EntityType{}, info.Source...), info.Target...) {
			if !ty.Valid() {
				t.Errorf("%s names unknown entity type %q", info.Type, ty)
			}
		}
	}
}

func TestNormalizeName(t *testing.T) {
	tests := map[string]string{
		"Kazakhstan’s  Foreign Ministry": "kazakhstan's foreign ministry",
		"  UN–Women ":                    "un-women",
		"Reuters'":                       "reuters",
		"The Fund's":                     "the fund",
	}
	for in, want := range tests {
		if got := graph.NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q): got %q, want %q", in, got, want)
		}
	}
}
