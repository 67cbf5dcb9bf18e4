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

func TestOrganisationTitlePlaceSplit(t *testing.T) {
	checkRefine(t, []refineCase{
		{"known organisation, title and place", "[PER Lena Moss] , the [ORG WHO Regional Director for Africa] , said .",
			[]want{{"Lena Moss", graph.Person, nil}, {"WHO", graph.Organization, nil}, {"Africa", graph.Location, nil}}},
		{"long title after an unknown organisation", "the [ORG Brevik Trust Deputy Director for Kenya] spoke .",
			[]want{{"Brevik Trust", graph.Organization, nil}, {"Kenya", graph.Location, nil}}},
		{"no place after the title: left alone", "the [ORG Ministry for Water Affairs] said .",
			[]want{{"Ministry for Water Affairs", graph.Organization, nil}}},
		{"a body for a place is one name", "the [ORG Commission for Africa] said .",
			[]want{{"Commission for Africa", graph.Organization, nil}}},
	})
}
