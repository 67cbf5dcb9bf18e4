package refine_test

import (
	"github.com/kgraph/kgraph/loader/text"
	"testing"

	"github.com/kgraph/kgraph/graph"
)

type refineCase struct {
	name string
	src  string
	want []want
}

// checkRefine refines each case's document and compares its mentions, in
// order, with the wanted texts, types and attributes; refine leaves every
// mention without an entity.
func checkRefine(t *testing.T, tests []refineCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDoc(t, tt.src)
			stages.Refine.Refine(d)
			var got []string
			for _, m := range d.Mentions {
				got = append(got, d.MentionText(m)+"/"+string(m.Type))
			}
			if len(d.Mentions) != len(tt.want) {
				t.Fatalf("got mentions %q, want %d", got, len(tt.want))
			}
			for i, w := range tt.want {
				m := d.Mentions[i]
				if d.MentionText(m) != w.text || m.Type != w.typ {
					t.Errorf("mention %d = %s/%s, want %s/%s", i, d.MentionText(m), m.Type, w.text, w.typ)
				}
				for k, v := range w.attrs {
					if got := mentionAttr(m, k); got != v {
						t.Errorf("mention %q attr %s = %q, want %q", w.text, k, got, v)
					}
				}
				if m.Entity != -1 {
					t.Errorf("mention %q Entity = %d, want -1", w.text, m.Entity)
				}
			}
		})
	}
}

func TestOrganisationDesignators(t *testing.T) {
	checkRefine(t, []refineCase{
		{"company word last", "Shares in [PER Brevik Sensors] rose .",
			[]want{{"Brevik Sensors", graph.Organization, nil}}},
		{"biologics", "a deal with [PER Talvane Biologics] .",
			[]want{{"Talvane Biologics", graph.Organization, nil}}},
		{"charity trust", "the [PER Orrin Vale Trust] paid .",
			[]want{{"Orrin Vale Trust", graph.Organization, nil}}},
		{"motors and holdings", "[PER Kestrel Motors] and [PER Dunmore Holdings] merged .",
			[]want{{"Kestrel Motors", graph.Organization, nil}, {"Dunmore Holdings", graph.Organization, nil}}},
		{"club word first", "[PER Deportivo Castelar] won .",
			[]want{{"Deportivo Castelar", graph.Organization, nil}}},
		{"two club words first", "the Lima side [PER Club Atlético Pineda] lost .",
			[]want{{"Club Atlético Pineda", graph.Organization, nil}}},
		{"stadium word first is a facility", "at the [PER Estadio Torrenova] .",
			[]want{{"Estadio Torrenova", graph.Location, map[string]string{"kind": "facility"}}}},
		{"stadium word tagged ORG", "at the [ORG Stade Belcourt] .",
			[]want{{"Stade Belcourt", graph.Location, map[string]string{"kind": "facility"}}}},
		{"designator alone is no organisation", "[PER Deportivo] won .",
			[]want{{"Deportivo", graph.Person, nil}}},
		{"person's name stays a person", "[PER Anna Castelar] said .",
			[]want{{"Anna Castelar", graph.Person, nil}}},
		{"short name of a club is the club", "[PER Deportivo Castelar] signed him .\n[PER Castelar] paid 5 million .",
			[]want{{"Deportivo Castelar", graph.Organization, nil}, {"Castelar", graph.Organization, nil}}},
		{"short name of a company is the company", "[PER Brevik Sensors] was sold .\n[PER Brevik] makes chips .",
			[]want{{"Brevik Sensors", graph.Organization, nil}, {"Brevik", graph.Organization, nil}}},
		{"short name that a person also has stays a person", "[PER Brevik Sensors] hired [PER Ola Brevik] .\n[PER Brevik] said so .",
			[]want{{"Brevik Sensors", graph.Organization, nil}, {"Ola Brevik", graph.Person, nil}, {"Brevik", graph.Person, nil}}},
		{"short name after an honorific stays a person", "[PER Deportivo Castelar] won .\n[PER Mr Castelar] said so .",
			[]want{{"Deportivo Castelar", graph.Organization, nil}, {"Mr Castelar", graph.Person, nil}}},
	})
}

func TestAgreementsAndCompetitions(t *testing.T) {
	checkRefine(t, []refineCase{
		{"compact tagged ORG is an agreement", "ministers signed the [ORG Tisza Water Compact] .",
			[]want{{"Tisza Water Compact", graph.Initiative, nil}}},
		{"pact tagged ORG", "the [ORG Baltic Grain Pact] expired .",
			[]want{{"Baltic Grain Pact", graph.Initiative, nil}}},
		{"compact tagged PER", "under the [PER Sava Compact] .",
			[]want{{"Sava Compact", graph.Initiative, nil}}},
		{"league tagged MISC is a competition", "a place in the [MISC Nordic Futsal League] .",
			[]want{{"Nordic Futsal League", graph.Event, nil}}},
		{"liga tagged LOC", "he played in [LOC La Liga] .",
			[]want{{"La Liga", graph.Event, nil}}},
		{"cup named first tagged ORG", "before the [ORG Copa Andina] began .",
			[]want{{"Copa Andina", graph.Event, nil}}},
		{"a party called a league stays an organisation", "the [ORG Rural Farmers League] won seats .",
			[]want{{"Rural Farmers League", graph.Organization, nil}}},
		{"a league in a longer name keeps its head", "the [MISC Major League Hockey] draft .",
			[]want{{"Major League Hockey", graph.Misc, nil}}},
	})
}

func TestKnownOrganisationTaggedPerson(t *testing.T) {
	checkRefine(t, []refineCase{
		{"known organisation's name tagged PER", "working with the vaccine alliance [PER Gavi] and others .",
			[]want{{"Gavi", graph.Organization, map[string]string{"canonical": "Gavi, the Vaccine Alliance"}}}},
		{"after a title it is a person", "a goal by midfielder [PER Gavi] .",
			[]want{{"Gavi", graph.Person, nil}}},
		{"a person of that name in the document", "[PER Pablo Gavi] scored .\n[PER Gavi] left .",
			[]want{{"Pablo Gavi", graph.Person, nil}, {"Gavi", graph.Person, nil}}},
	})
}

func TestDemonymBeforeMinistry(t *testing.T) {
	checkRefine(t, []refineCase{
		{"demonym span before a ministry names it", "organised by the [MISC Estonian] [ORG Foreign Ministry] .",
			[]want{{"Estonian", graph.NORP, nil}, {"Foreign Ministry", graph.Organization, map[string]string{"name": "Estonian Foreign Ministry", "country": "Estonia"}}}},
		{"not before another organisation", "shares in the [MISC Estonian] [ORG Brevik Holdings] .",
			[]want{{"Estonian", graph.NORP, nil}, {"Brevik Holdings", graph.Organization, map[string]string{"name": ""}}}},
		{"no demonym: the name is the span", "the [ORG Foreign Ministry] said .",
			[]want{{"Foreign Ministry", graph.Organization, map[string]string{"name": ""}}}},
	})
}

func TestOrganisationDescriptors(t *testing.T) {
	checkRefine(t, []refineCase{
		{"demonym and maker", "German carmaker [PER Ostwald Motors] said .",
			[]want{{"Ostwald Motors", graph.Organization, nil}}},
		{"demonym and bank", "Swiss bank [PER Lindqvist Partners] cut jobs .",
			[]want{{"Lindqvist Partners", graph.Organization, nil}}},
		{"strong head alone", "shares in chipmaker [PER Arvo] fell .",
			[]want{{"Arvo", graph.Organization, nil}}},
		{"demonym tagged MISC before", "[MISC British] retailer [PER Hollins] said .",
			[]want{{"British", graph.NORP, nil}, {"Hollins", graph.Organization, nil}}},
		{"modifier before a weak head", "Dutch shipping company [PER Vermeer] said .",
			[]want{{"Vermeer", graph.Organization, nil}}},
		{"X-based adjective", "the [MISC Chicago-based] consultancy [PER Pine] said .",
			[]want{{"Chicago-based", graph.Misc, nil}, {"Pine", graph.Organization, nil}}},
		{"city before a two-word head", "[LOC Oslo] law firm [PER Berge Larsen] said .",
			[]want{{"Oslo", graph.Location, nil}, {"Berge Larsen", graph.Organization, nil}}},
		{"tagged LOC", "Swiss insurer [LOC Valmont] said .",
			[]want{{"Valmont", graph.Organization, nil}}},
		{"tagged MISC", "the drugmaker [MISC Corvane] said .",
			[]want{{"Corvane", graph.Organization, nil}}},
		{"short name follows", "retailer [PER Hollins] said .\n[PER Hollins] sells shoes .",
			[]want{{"Hollins", graph.Organization, nil}, {"Hollins", graph.Organization, nil}}},
		{"short name of a described firm with a designator", "German carmaker [PER Ostwald Motors] said .\n[PER Ostwald] builds vans .",
			[]want{{"Ostwald Motors", graph.Organization, nil}, {"Ostwald", graph.Organization, nil}}},
		{"full name again", "[LOC Oslo] law firm [PER Berge Larsen] said .\n[PER Berge Larsen] has 40 lawyers .",
			[]want{{"Oslo", graph.Location, nil}, {"Berge Larsen", graph.Organization, nil}, {"Berge Larsen", graph.Organization, nil}}},
		// People with descriptors stay people.
		{"actor", "[MISC British] actor [PER Tom Hollins] said .",
			[]want{{"British", graph.NORP, nil}, {"Tom Hollins", graph.Person, nil}}},
		{"striker", "German striker [PER Jonas Ostwald] scored .",
			[]want{{"Jonas Ostwald", graph.Person, nil}}},
		{"banker", "Swiss banker [PER Lars Lindqvist] said .",
			[]want{{"Lars Lindqvist", graph.Person, nil}}},
		{"possessive of a head", "the manufacturer 's chief [PER Anna Berg] said .",
			[]want{{"Anna Berg", graph.Person, nil}}},
		{"weak head alone", "the club [PER Smith] joined in May .",
			[]want{{"Smith", graph.Person, nil}}},
		{"weak head after a verb", "he told the team [PER Smith] would stay .",
			[]want{{"Smith", graph.Person, nil}}},
		{"person noun that is no head", "property developer [PER Dan Hollins] said .",
			[]want{{"Dan Hollins", graph.Person, nil}}},
		{"honorific keeps a person", "carmaker [PER Mr Ostwald] said .",
			[]want{{"Mr Ostwald", graph.Person, nil}}},
		{"capitalised head is part of a name", "the Nordvik Bank [PER Anna Berg] said .",
			[]want{{"Anna Berg", graph.Person, nil}}},
	})
}

func TestOrganisationAppositions(t *testing.T) {
	checkRefine(t, []refineCase{
		{"article and strong head", "owed by [LOC Vardex] , a former subsidiary , to the group .",
			[]want{{"Vardex", graph.Organization, nil}}},
		{"place's possessive and head", "as are [LOC Corvane] , [LOC Italy] 's stock market regulator , and others .",
			[]want{{"Corvane", graph.Organization, nil}, {"Italy", graph.Location, nil}}},
		{"weak head before a participle", "payments to [PER Air Valmont] , an airline owned by two directors .",
			[]want{{"Air Valmont", graph.Organization, nil}}},
		{"weak head needs no qualifier here", "[PER Hollins] , the company that makes shoes , said .",
			[]want{{"Hollins", graph.Organization, nil}}},
		// People and places stay what they are.
		{"possessive after the head", "[PER Anna Berg] , the bank 's chairman , said .",
			[]want{{"Anna Berg", graph.Person, nil}}},
		{"head that modifies a noun", "[PER Tom Hollins] , a company director , said .",
			[]want{{"Tom Hollins", graph.Person, nil}}},
		{"head inside a prepositional phrase", "but [PER Carlo Vanti] , the godfather of the group , wanted control .",
			[]want{{"Carlo Vanti", graph.Person, nil}}},
		{"head that describes people too", "says [PER Jo Harte] , a senior broadcaster with the network .",
			[]want{{"Jo Harte", graph.Person, nil}}},
		{"a province before the description of a company", "retailers of Woodstock , [LOC Ontario] , a group of 400 stores .",
			[]want{{"Ontario", graph.Location, nil}}},
	})
}

func TestCompanyWordsLast(t *testing.T) {
	checkRefine(t, []refineCase{
		{"marine", "[PER Vermeer Marine] said .", []want{{"Vermeer Marine", graph.Organization, nil}}},
		{"semiconductor", "[PER Arvo Semiconductor] said .", []want{{"Arvo Semiconductor", graph.Organization, nil}}},
		{"analytics", "[PER Pine Analytics] said .", []want{{"Pine Analytics", graph.Organization, nil}}},
		{"services", "[PER Hollins Services] said .", []want{{"Hollins Services", graph.Organization, nil}}},
		{"word alone stays", "[PER Marine] said .", []want{{"Marine", graph.Person, nil}}},
	})
}

func TestOrganisationDescriptorsOfPeople(t *testing.T) {
	checkRefine(t, []refineCase{
		{"head after another name", "said [ORG CGA] consultancy [PER Anna Berg] .",
			[]want{{"CGA", graph.Organization, nil}, {"Anna Berg", graph.Person, nil}}},
		{"film maker", "Dutch film maker [PER Theo Vanloo] said .",
			[]want{{"Theo Vanloo", graph.Person, nil}}},
		{"broadcaster with a person noun", "comedian and broadcaster [PER Cyril Harte] died .",
			[]want{{"Cyril Harte", graph.Person, nil}}},
	})
}

// mentionAttr returns the typed field (name, modifier, canonical,
// honorific) or output attribute k of m.
func mentionAttr(m text.Mention, k string) string {
	switch k {
	case "name":
		return m.Name
	case "modifier":
		return m.Modifier
	case "canonical":
		return m.Canonical
	case "honorific":
		return m.Honorific
	}
	return m.Attrs[k]
}
