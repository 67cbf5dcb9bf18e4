package relation_test

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/relation"
)

// TestSportsAndPlaces covers match reports ("X face Y in the EVENT", "X
// sit sixth in EVENT"), places on the edge of others and an
// organisation's base from a demonym ("the Kenyan charity X").
func TestSportsAndPlaces(t *testing.T) {
	tests := []struct {
		name      string
		sents     []string
		want, not []fact
	}{
		{
			name:  "face an opponent in a competition",
			sents: []string{"[ORGANIZATION Torvik United] face [NORP Belgian] side [ORGANIZATION KV Ostend] in the one-off [EVENT Conference League] final on Sunday ."},
			want: []fact{
				{typ: graph.ParticipatesIn, head: "Torvik United", tail: "Conference League"},
				{typ: graph.ParticipatesIn, head: "KV Ostend", tail: "Conference League"},
			},
		},
		{
			name:  "subject shared with an earlier verb phrase",
			sents: []string{"[ORGANIZATION Torvik United] lie fourth in the [EVENT Eliteserien] and face [ORGANIZATION Brann] at the [EVENT Norwegian Cup] ."},
			want: []fact{
				{typ: graph.ParticipatesIn, head: "Torvik United", tail: "Eliteserien"},
				{typ: graph.ParticipatesIn, head: "Brann", tail: "Norwegian Cup"},
			},
		},
		{
			name:  "a match in a city is no event",
			sents: []string{"[ORGANIZATION Torvik United] beat [ORGANIZATION Brann] in [LOCATION Bergen] ."},
			not:   []fact{{typ: graph.ParticipatesIn, head: "Brann", tail: "Bergen"}},
		},
		{
			name:  "a capitalised word between is another name",
			sents: []string{"[ORGANIZATION Torvik United] played [ORGANIZATION Brann] in the Great [EVENT Norwegian Cup] ."},
			not:   []fact{{typ: graph.ParticipatesIn, head: "Brann", tail: "Norwegian Cup"}},
		},
		{
			name:  "a person's standing is no team's",
			sents: []string{"[PERSON Lars Vik] finished second in the [EVENT Oslo Marathon] ."},
			not:   []fact{{typ: graph.ParticipatesIn, head: "Lars Vik", tail: "Oslo Marathon", basis: "pattern"}},
		},
		{
			name:  "stadium on the edge of a city",
			sents: []string{"They play at the [LOCATION Arena Norte] on the western edge of [LOCATION Porto] ."},
			want:  []fact{{typ: graph.LocatedIn, head: "Arena Norte", tail: "Porto"}},
		},
		{
			name:  "on the outskirts of, after a comma",
			sents: []string{"Fighting reached [LOCATION Irpin] , on the outskirts of [LOCATION Kyiv] , on Friday ."},
			want:  []fact{{typ: graph.LocatedIn, head: "Irpin", tail: "Kyiv"}},
		},
		{
			name:  "on the edge of a country is not in a city",
			sents: []string{"Troops massed on the edge of [LOCATION Poland] near [LOCATION Brest] ."},
			not:   []fact{{typ: graph.LocatedIn, head: "Poland", tail: "Brest"}},
		},
		{
			name:  "an organisation on the edge of a city is no place",
			sents: []string{"[ORGANIZATION Norvik Steel] , on the edge of [LOCATION Porto] , cut jobs ."},
			not:   []fact{{typ: graph.LocatedIn, head: "Norvik Steel", tail: "Porto"}},
		},
		{
			name:  "on the edge of collapse names no place",
			sents: []string{"[LOCATION Porto] is on the edge of bankruptcy , [LOCATION Portugal] said ."},
			not:   []fact{{typ: graph.LocatedIn, head: "Porto", tail: "Portugal", basis: "pattern"}},
		},
		{
			name: "a demonym and a word for the firm",
			sents: []string{
				"[ORGANIZATION Tarvik Health] will work with the [NORP Ghanaian] charity [ORGANIZATION Nsu Pa Trust] .",
				"[LOCATION Ghana] has 30 million people .",
			},
			want: []fact{{typ: graph.BasedIn, head: "Nsu Pa Trust", tail: "Ghana"}},
		},
		{
			name:  "two words between the demonym and the noun",
			sents: []string{"[NORP Swedish] budget furniture maker [ORGANIZATION Hemlund] sells in [LOCATION Sweden] and [LOCATION Norway] ."},
			want:  []fact{{typ: graph.BasedIn, head: "Hemlund", tail: "Sweden"}},
		},
		{
			name:  "without the country named there is no fact",
			sents: []string{"[NORP Swedish] furniture maker [ORGANIZATION Hemlund] grew ."},
			not:   []fact{{typ: graph.BasedIn, head: "Hemlund", tail: "Sweden"}},
		},
		{
			name:  "a demonym before a word that is no firm",
			sents: []string{"[NORP Swedish] fans of [ORGANIZATION Hemlund] cheered in [LOCATION Sweden] .", "[NORP Swedish] striker [ORGANIZATION Hemlund] scored in [LOCATION Sweden] ."},
			not:   []fact{{typ: graph.BasedIn, head: "Hemlund", tail: "Sweden", basis: "pattern"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := relation.BuildDoc(t, "", tc.sents...)
			stages.Relation.Extract(d)
			checkFacts(t, d, tc.want, tc.not)
		})
	}
}
