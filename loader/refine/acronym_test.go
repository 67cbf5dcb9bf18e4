package refine_test

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
)

func TestLongNamesCutByNER(t *testing.T) {
	checkRefine(t, []refineCase{
		{"acronym spells the name past for the and of the", "The [ORG Joint Board] for the Care of the [LOC Lendra Basin] ( [ORG JBCLB] ) met .",
			[]want{{"Joint Board for the Care of the Lendra Basin", graph.Organization, nil}, {"JBCLB", graph.Organization, nil}}},
		{"acronym spells the name past on", "the [ORG Regional Panel] on Seed Banks ( RPSB ) said .",
			[]want{{"Regional Panel on Seed Banks", graph.Organization, nil}}},
		{"acronym that spells only the span leaves it", "the [ORG Regional Panel] for the [LOC Orvik Coast] ( RP ) said .",
			[]want{{"Regional Panel", graph.Organization, nil}, {"Orvik Coast", graph.Location, nil}}},
		{"no acronym: of the is not crossed", "the [ORG Regional Panel] for the [LOC Orvik Coast] said .",
			[]want{{"Regional Panel", graph.Organization, nil}, {"Orvik Coast", graph.Location, nil}}},
		{"person is not extended", "[PER Anna Berg] of the Lendra Basin Office ( ABLBO ) spoke .",
			[]want{{"Anna Berg", graph.Person, nil}}},
		{"organisation's head extended over on", "the [ORG Advisory Group] on Seed Supply , which met .",
			[]want{{"Advisory Group on Seed Supply", graph.Organization, nil}}},
		{"no organisation's head: on is not crossed", "the [ORG Nordvik Energy] on Monday Street said .",
			[]want{{"Nordvik Energy", graph.Organization, nil}}},
		{"on a weekday is not crossed", "the [ORG Advisory Group] on Monday said .",
			[]want{{"Advisory Group", graph.Organization, nil}}},
	})
}
