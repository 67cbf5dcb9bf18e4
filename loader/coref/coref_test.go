package coref_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// mustDoc builds a document from lines of space-separated tokens, one
// sentence per line, with NER spans written "[LABEL word word]", and runs
// refine and coref on it.
func mustDoc(tb testing.TB, src string) *text.Doc {
	tb.Helper()
	d, err := text.FromMarked(src)
	if err != nil {
		tb.Fatal(err)
	}
	stages.Refine.Refine(d)
	stages.Coref.Resolve(d)
	return d
}

// entityCase is a document in the bracket notation and the entities
// refine and coref should make of it, in order.
type entityCase struct {
	name string
	src  string
	want []entityView
}

// checkEntities runs each case and compares its entities with want.
func checkEntities(t *testing.T, tests []entityCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDoc(t, tt.src)
			got := view(d)
			if len(got) != len(tt.want) {
				t.Fatalf("got entities %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("entity %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// entityView is an entity as the tests compare it: name, type and the
// texts of its mentions (descriptions prefixed with ~), sorted.
type entityView struct {
	name     string
	typ      graph.EntityType
	mentions string
}

func view(d *text.Doc) []entityView {
	var out []entityView
	for _, e := range d.Entities {
		var ms []string
		for _, i := range e.Mentions {
			m := d.Mentions[i]
			t := d.MentionText(m)
			if m.Nominal {
				t = "~" + t
			}
			ms = append(ms, t)
		}
		sort.Strings(ms)
		out = append(out, entityView{e.Name, e.Type, strings.Join(ms, "|")})
	}
	return out
}

func TestResolve(t *testing.T) {
	tests := []entityCase{
		{"acronym in parentheses", `
The [ORG Caspian Water Council] ( CWC ) met .
The [ORG CWC] said it would meet again .`,
			[]entityView{{"Caspian Water Council", graph.Organization, "CWC|CWC|Caspian Water Council|~it"}}},
		{"acronym by initials", `
The [ORG Eurasian Rail Consortium] signed .
Shares of [ORG ERC] rose .`,
			[]entityView{{"Eurasian Rail Consortium", graph.Organization, "ERC|Eurasian Rail Consortium"}}},
		{"acronym by initials skips foreign function words", `
The [ORG Banca Rurale del Molise] lent more .
[ORG BRM] said profits rose .`,
			[]entityView{{"Banca Rurale del Molise", graph.Organization, "BRM|Banca Rurale del Molise"}}},
		{"acronym by gazetteer", `
The [ORG UNDP] and the [ORG United Nations Development Programme] .`,
			[]entityView{{"United Nations Development Programme", graph.Organization, "UNDP|United Nations Development Programme"}}},
		{"UN and United Nations", `
[ORG UN] agencies and the [ORG United Nations] .`,
			[]entityView{{"United Nations", graph.Organization, "UN|United Nations"}}},
		{"UN-Women and UN Women", `
[ORG UN-Women] said [ORG UN Women] would help .`,
			[]entityView{{"UN Women", graph.Organization, "UN Women|UN-Women"}}},
		{"country under other names", `
[LOC Britain] and the [LOC U.K.] .
The [LOC United Kingdom] agreed .`,
			[]entityView{{"United Kingdom", graph.Location, "Britain|U.K.|United Kingdom"}}},
		{"state form and country", `
Minister of the Republic of [LOC Uzbekistan] spoke .
[LOC Uzbekistan] agreed .`,
			[]entityView{{"Uzbekistan", graph.Location, "Republic of Uzbekistan|Uzbekistan"}}},
		{"exact match across case", `
[LOC TASHKENT] . [ORG UZA] - News .
[ORG Uza] reported .`,
			[]entityView{{"Tashkent", graph.Location, "TASHKENT"}, {"Uza", graph.Organization, "UZA|Uza"}}},
		{"name part", `
[PER Aigerim Nurlanova] arrived .
[PER Nurlanova] said the talks went well .`,
			[]entityView{{"Aigerim Nurlanova", graph.Person, "Aigerim Nurlanova|Nurlanova"}}},
		{"surname tagged ORG joins the person", `
[PER Aigerim Nurlanova] arrived .
[ORG Nurlanova] said the talks went well .`,
			[]entityView{{"Aigerim Nurlanova", graph.Person, "Aigerim Nurlanova|Nurlanova"}}},
		{"surname tagged ORG twice joins the person", `
[PER Aigerim Nurlanova] arrived .
[ORG Nurlanova] said the talks went well , and [ORG Nurlanova] left .`,
			[]entityView{{"Aigerim Nurlanova", graph.Person, "Aigerim Nurlanova|Nurlanova|Nurlanova"}}},
		{"a company the company table lists stays apart from a person of that surname", `
[ORG Dell] , the computer maker , said profits rose .
Its founder [PER Michael Dell] spoke , and [ORG Dell] shares fell .`,
			[]entityView{{"Dell", graph.Organization, "Dell|Dell|~Its"}, {"Michael Dell", graph.Person, "Michael Dell"}}},
		{"after an honorific a name part is a surname", `
[PER Howard Flight] resigned .
[PER Mr Howard] said nothing .`,
			[]entityView{{"Howard Flight", graph.Person, "Howard Flight"}, {"Howard", graph.Person, "Mr Howard"}}},
		{"after Sir or Dame a name part is a first name", `
[PER Sir Edwin Marlow] painted it .
[PER Sir Edwin] sold it , and [PER Dame Greta] bought it from [PER Greta Holm] .`,
			[]entityView{{"Edwin Marlow", graph.Person, "Sir Edwin|Sir Edwin Marlow"}, {"Greta Holm", graph.Person, "Dame Greta|Greta Holm"}}},
		{"after Sir a first name two people share is not merged", `
[PER Edwin Marlow] and [PER Edwin Cole] met .
[PER Sir Edwin] left .`,
			[]entityView{{"Edwin Marlow", graph.Person, "Edwin Marlow"}, {"Edwin Cole", graph.Person, "Edwin Cole"}, {"Edwin", graph.Person, "Sir Edwin"}}},
		{"surname of two words after an honorific", `
[PER Greta Holm Lind] arrived .
[PER Mrs Holm Lind] said the talks went well .`,
			[]entityView{{"Greta Holm Lind", graph.Person, "Greta Holm Lind|Mrs Holm Lind"}}},
		{"surname of two words without an honorific", `
[PER Michael Holm Lind] wrote it .
[PER Holm Lind] said so .`,
			[]entityView{{"Michael Holm Lind", graph.Person, "Holm Lind|Michael Holm Lind"}}},
		{"surname with a particle after an honorific", `
[PER Luiz Inacio da Costa] spoke .
[PER Mr da Costa] left .`,
			[]entityView{{"Luiz Inacio da Costa", graph.Person, "Luiz Inacio da Costa|Mr da Costa"}}},
		{"surname of two words two people share", `
[PER Greta Holm Lind] and [PER Anna Holm Lind] arrived .
[PER Mrs Holm Lind] said the talks went well .`,
			[]entityView{{"Greta Holm Lind", graph.Person, "Greta Holm Lind"}, {"Anna Holm Lind", graph.Person, "Anna Holm Lind"}, {"Holm Lind", graph.Person, "Mrs Holm Lind"}}},
		{"an adjective made of a name joins the name", `
[MISC Ostrava-based] [ORG Vitkov Steel] said .
[ORG Vitkov Steel] has plants in [LOC Ostrava] .
An [MISC Italian-based] bank and [MISC Italian] lenders agreed .`,
			[]entityView{{"Ostrava", graph.Location, "Ostrava|Ostrava-based"}, {"Vitkov Steel", graph.Organization, "Vitkov Steel|Vitkov Steel"}, {"Italian", graph.NORP, "Italian|Italian-based"}}},
		{"an adjective made of a surname joins the person but stays an adjective", `
[PER Aigerim Nurlanova] arrived .
The [MISC post-Nurlanova] era began .`,
			[]entityView{{"Aigerim Nurlanova", graph.Person, "Aigerim Nurlanova|post-Nurlanova"}}},
		{"surname joins a person NER took for an organisation once", `
[ORG Aigerim Nurlanova] , the former head of the firm , has died .
[PER Aigerim] joined at 15 , and [PER Aigerim] rose fast .
[PER Mr Nurlanova] led it from 2002 .`,
			[]entityView{{"Aigerim Nurlanova", graph.Person, "Aigerim|Aigerim|Aigerim Nurlanova|Mr Nurlanova"}}},
		{"singular and plural of a name", `
She won a [MISC Golden Lyre] in May .
The [MISC Golden Lyres] are given in Oslo .`,
			[]entityView{{"Golden Lyre", graph.Misc, "Golden Lyre|Golden Lyres"}}},
		{"a person is no plural", `
[PER Nilsen] said the [MISC Nilsens] had left .
[PER William] and [PER Williams] met .`,
			[]entityView{{"Nilsen", graph.Person, "Nilsen"}, {"Nilsens", graph.Misc, "Nilsens"}, {"William", graph.Person, "William"}, {"Williams", graph.Person, "Williams"}}},
		{"words for one people", `
[MISC Italian] banks lent to [MISC Italians] and [MISC Britons] , not [MISC British] firms .
The [MISC Tory] leader said the [MISC Tories] would win .`,
			[]entityView{{"Italian", graph.NORP, "Italian|Italians"}, {"Britons", graph.NORP, "British|Britons"}, {"Tory", graph.NORP, "Tories|Tory"}}},
		{"a place only an adjective names is the place", `
The [MISC Dallas-based] firm and a [MISC Vitkov-based] one .`,
			[]entityView{{"Dallas", graph.Location, "Dallas-based"}, {"Vitkov", graph.Misc, "Vitkov-based"}}},
		{"shared surname is not merged", `
[PER John Carter] and [PER Mary Carter] arrived .
[PER Carter] said the talks went well .`,
			[]entityView{{"John Carter", graph.Person, "John Carter"}, {"Mary Carter", graph.Person, "Mary Carter"}, {"Carter", graph.Person, "Carter"}}},
		{"title left out of the name, surname joins", `
[PER President Shavkat Mirziyoyev] spoke .
[PER Mirziyoyev] left .`,
			[]entityView{{"Shavkat Mirziyoyev", graph.Person, "Mirziyoyev|President Shavkat Mirziyoyev"}}},
		{"organisation of a country", `
[LOC Uzbekistan] 's [ORG Foreign Ministry] said .
The [ORG Uzbek Foreign Ministry] agreed .
The [ORG Foreign Ministry] declined to comment .`,
			[]entityView{{"Uzbekistan", graph.Location, "Uzbekistan"}, {"Uzbek Foreign Ministry", graph.Organization, "Foreign Ministry|Foreign Ministry|Uzbek Foreign Ministry"}}},
		{"government of a country under two names", `
The [ORG Uzbek Government] agreed .
The [ORG Government of Uzbekistan] signed .`,
			[]entityView{{"Government of Uzbekistan", graph.Organization, "Government of Uzbekistan|Uzbek Government"}}},
		{"head match", `
The [ORG Asian Water Fund] Regional Summit opened .
The [MISC Regional Summit] closed .`,
			[]entityView{{"Asian Water Fund", graph.Organization, "Asian Water Fund"}, {"Regional Summit", graph.Event, "Regional Summit"}}},
		{"a place name is no short form", `
[ORG BBC Radio Leicester] reported .
[ORG Leicester] won the match .`,
			[]entityView{{"BBC Radio Leicester", graph.Organization, "BBC Radio Leicester"}, {"Leicester", graph.Organization, "Leicester"}}},
		{"head match shorter name", `
The [MISC Eurasian Regional Alliance] was announced .
The [ORG Alliance] will meet .`,
			[]entityView{{"Eurasian Regional Alliance", graph.Initiative, "Alliance|Eurasian Regional Alliance"}}},
		{"a shorter name before the longer one is another thing", `
The [ORG Democratic Party] won .
The [ORG Social Democratic Party] lost .`,
			[]entityView{{"Democratic Party", graph.Organization, "Democratic Party"}, {"Social Democratic Party", graph.Organization, "Social Democratic Party"}}},
		{"title description", `
[ORG UNICEF] Executive Director [PER Anna Berg] met [PER Bakhtiyor Saidov] .
The Executive Director praised the plan .`,
			[]entityView{{"United Nations Children's Fund", graph.Organization, "UNICEF"}, {"Anna Berg", graph.Person, "Anna Berg|~The Executive Director"}, {"Bakhtiyor Saidov", graph.Person, "Bakhtiyor Saidov"}}},
		{"subsequence of a title", `
First Deputy Foreign Minister [PER Bakhtiyor Saidov] spoke .
The First Deputy Minister also stressed cooperation .`,
			[]entityView{{"Bakhtiyor Saidov", graph.Person, "Bakhtiyor Saidov|~The First Deputy Minister"}}},
		{"ambiguous title description is left alone", `
Executive Director [PER Anna Berg] met Executive Director [PER Ivan Petrov] .
The Executive Director praised the plan .`,
			[]entityView{{"Anna Berg", graph.Person, "Anna Berg"}, {"Ivan Petrov", graph.Person, "Ivan Petrov"}}},
		{"a deputy is not the one he deputises for", `
Deputy Prime Minister [PER Ivan Petrov] spoke .
The prime minister was abroad .`,
			[]entityView{{"Ivan Petrov", graph.Person, "Ivan Petrov"}}},
		{"titles separated by commas are matched one at a time", `
[ORG UN] Deputy Secretary-General , [ORG UNICEF] Executive Director [PER Anna Berg] spoke .
The Secretary-General was abroad .`,
			[]entityView{{"United Nations", graph.Organization, "UN"}, {"United Nations Children's Fund", graph.Organization, "UNICEF"}, {"Anna Berg", graph.Person, "Anna Berg"}}},
		{"a shadow minister is not the minister", `
Shadow chancellor [PER Ivan Petrov] spoke .
The chancellor was abroad .`,
			[]entityView{{"Ivan Petrov", graph.Person, "Ivan Petrov"}}},
		{"a description ends where the title ends", `
Justice Minister [PER Ivan Petrov] spoke .
The justice was not convinced .`,
			[]entityView{{"Ivan Petrov", graph.Person, "Ivan Petrov"}}},
		{"a title joined by and is someone else's", `
The prime minister and [PER Ivan Petrov] spoke .
The prime minister left .`,
			[]entityView{{"Ivan Petrov", graph.Person, "Ivan Petrov"}}},
		{"demonym description", `
Foreign Minister of [LOC Uzbekistan] [PER Bakhtiyor Saidov] met [PER Anna Berg] .
The Uzbek diplomat praised the plan .`,
			[]entityView{{"Uzbekistan", graph.Location, "Uzbekistan"}, {"Bakhtiyor Saidov", graph.Person, "Bakhtiyor Saidov|~The Uzbek diplomat"}, {"Anna Berg", graph.Person, "Anna Berg"}}},
		{"description needs an earlier antecedent", `
The Executive Director praised the plan .
Executive Director [PER Anna Berg] spoke .`,
			[]entityView{{"Anna Berg", graph.Person, "Anna Berg"}}},
		{"organisation description", `
The [ORG Global Water Fund] opened an office .
The Fund helps farmers .`,
			[]entityView{{"Global Water Fund", graph.Organization, "Global Water Fund|~The Fund"}}},
		{"a determiner inside the span", `
The [ORG Global Water Fund] opened an office .
[ORG The Fund] helps farmers .`,
			[]entityView{{"Global Water Fund", graph.Organization, "Global Water Fund|The Fund"}}},
		{"an acronym description needs that acronym", `
[ORG Sky TV] and the [ORG Lawn Tennis Association] ( [ORG LTA] ) met .
He watched the TV while the LTA talked .`,
			[]entityView{{"Sky TV", graph.Organization, "Sky TV"}, {"Lawn Tennis Association", graph.Organization, "LTA|Lawn Tennis Association|~the LTA"}}},
		{"a leading The makes no name fuller", `
[ORG The Government] said the [ORG Uzbek Government] would act .`,
			[]entityView{{"Uzbek Government", graph.Organization, "The Government|Uzbek Government"}}},
		{"first word of a company", `
[ORG Halvard Shipping] said profits doubled .
[ORG Halvard] shares rose 3 percent in Oslo .`,
			[]entityView{{"Halvard Shipping", graph.Organization, "Halvard|Halvard Shipping"}}},
		{"first word of a company tagged as a person", `
The deal lifted [ORG Brennmark Steel] .
Analysts said [PER Brennmark] would pay a dividend .`,
			[]entityView{{"Brennmark Steel", graph.Organization, "Brennmark|Brennmark Steel"}}},
		{"a name tagged as a place is no short form (mostly a place the gazetteers lack)", `
[ORG Brennmark Steel] cut jobs .
Rain fell in [LOC Brennmark] .`,
			[]entityView{{"Brennmark Steel", graph.Organization, "Brennmark Steel"}, {"Brennmark", graph.Location, "Brennmark"}}},
		{"a modifier tagged MISC is no short form", `
[ORG Olvana Energy] raised prices .
[MISC Olvana] customers complained .`,
			[]entityView{{"Olvana Energy", graph.Organization, "Olvana Energy"}, {"Olvana", graph.Misc, "Olvana"}}},
		{"an institution named after a place is not the place", `
[ORG Harwick Borough Council] raised taxes .
[ORG Harwick] won 2-0 on Saturday .`,
			[]entityView{{"Harwick Borough Council", graph.Organization, "Harwick Borough Council"}, {"Harwick", graph.Organization, "Harwick"}}},
		{"a name going on with of is no longer form", `
[ORG Fenwick of Tyneside Trust] opened .
[ORG Fenwick] shares fell .`,
			[]entityView{{"Fenwick of Tyneside Trust", graph.Organization, "Fenwick of Tyneside Trust"}, {"Fenwick", graph.Organization, "Fenwick"}}},
		{"first words of a company", `
[ORG Tarven Cable Works Group] bought a rival .
[ORG Tarven Cable] will keep the brand .`,
			[]entityView{{"Tarven Cable Works Group", graph.Organization, "Tarven Cable|Tarven Cable Works Group"}}},
		{"first word shared by two companies is left alone", `
[ORG Halvard Shipping] and [ORG Halvard Bank] reported results .
[ORG Halvard] shares fell .`,
			[]entityView{{"Halvard Shipping", graph.Organization, "Halvard Shipping"}, {"Halvard Bank", graph.Organization, "Halvard Bank"}, {"Halvard", graph.Organization, "Halvard"}}},
		{"a party's name is short for the party", `
The [ORG Green Party] chose a new leader .
[ORG Green] members voted on Sunday .`,
			[]entityView{{"Green Party", graph.Organization, "Green|Green Party"}}},
		{"a party's name is no short form of a company", `
[ORG Green Harbour Logistics] bought two ships .
[ORG Green] members voted on Sunday .`,
			[]entityView{{"Green Harbour Logistics", graph.Organization, "Green Harbour Logistics"}, {"Green", graph.Organization, "Green"}}},
		{"a generic first word is no short form", `
[ORG United Biscuits] raised prices .
[ORG United] won the match on Saturday .`,
			[]entityView{{"United Biscuits", graph.Organization, "United Biscuits"}, {"United", graph.Organization, "United"}}},
		{"a place is no short form of a company named after it", `
[ORG Leeds Building Society] cut its rates .
Rain fell in [LOC Leeds] .`,
			[]entityView{{"Leeds Building Society", graph.Organization, "Leeds Building Society|~its"}, {"Leeds", graph.Location, "Leeds"}}},
		{"a surname joins the person, not the company", `
[PER Ingrid Halvard] founded [ORG Halvard Shipping] .
[PER Halvard] said the firm would grow .`,
			[]entityView{{"Ingrid Halvard", graph.Person, "Halvard|Ingrid Halvard"}, {"Halvard Shipping", graph.Organization, "Halvard Shipping|~the firm"}}},
		{"a name after an honorific is no company", `
[ORG Halvard Shipping] was sold .
[PER Mr Halvard] declined to comment .`,
			[]entityView{{"Halvard Shipping", graph.Organization, "Halvard Shipping"}, {"Halvard", graph.Person, "Mr Halvard"}}},
		{"organisation description with the parent's acronym", `
The [ORG European Commission] proposed new rules on batteries .
Officials of the EU Commission said they would apply from 2027 .`,
			[]entityView{{"European Commission", graph.Organization, "European Commission|~the EU Commission"}}},
		{"a description with another organisation's acronym stays out", `
The [ORG European Commission] proposed new rules on batteries .
Officials of the UN Commission said they would study them .`,
			[]entityView{{"European Commission", graph.Organization, "European Commission"}}},
		{"organisation description with modifier", `
The [ORG UN Population Fund] opened an office .
It works with the UN Fund on health .`,
			[]entityView{{"United Nations Population Fund", graph.Organization, "UN Population Fund|~the UN Fund"}}},
	}
	checkEntities(t, tests)
}

func TestResolveAliasesAndAttributes(t *testing.T) {
	d := mustDoc(t, `
[ORG UNICEF] Executive Director [PER Anna Berg] visited [LOC Tashkent] .
The Executive Director met [ORG UNICEF] staff ; [PER Berg] said [LOC TASHKENT] was ready .`)
	byName := map[string]text.Entity{}
	for _, e := range d.Entities {
		byName[e.Name] = e
	}
	berg, ok := byName["Anna Berg"]
	if !ok {
		t.Fatalf("no entity Anna Berg in %+v", view(d))
	}
	if got := strings.Join(berg.Aliases, "|"); got != "Berg" {
		t.Errorf("Anna Berg aliases = %q, want Berg (descriptions are not aliases)", got)
	}
	if got := berg.Attrs["descriptions"]; got != "The Executive Director" {
		t.Errorf("Anna Berg descriptions = %q, want The Executive Director", got)
	}
	if got := berg.Attrs["title"]; got != "Executive Director" {
		t.Errorf("Anna Berg title = %q, want Executive Director", got)
	}
	city := byName["Tashkent"]
	if city.Attrs["kind"] != "city" || city.Attrs["country"] != "Uzbekistan" || len(city.Aliases) != 0 {
		t.Errorf("Tashkent = %+v, want kind city, country Uzbekistan, no aliases (TASHKENT normalises alike)", city)
	}
	unicef := byName["United Nations Children's Fund"]
	if got := strings.Join(unicef.Aliases, "|"); got != "UNICEF" || unicef.Attrs["parent"] != "United Nations" {
		t.Errorf("UNICEF = %+v, want alias UNICEF and parent United Nations", unicef)
	}
}

func TestResolveExplainsEachName(t *testing.T) {
	d := mustDoc(t, `
The [ORG Caspian Water Council] ( CWC ) met in [LOC Tashkent] .
Executive Director [PER Anna Berg] of the [ORG CWC] spoke .
[PER Berg] said the Executive Director would return to the Council .`)
	got := map[string]string{}
	for _, e := range d.Entities {
		got[e.Name] = e.Attrs["resolution"]
	}
	want := map[string]string{
		"Caspian Water Council": "CWC: acronym in parentheses; the Council: description",
		"Anna Berg":             "Berg: name part; the Executive Director: description",
		"Tashkent":              "",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("resolution of %s = %q, want %q", name, got[name], w)
		}
	}
}

func TestResolveNamesLeaveOutTitlesAndPossessives(t *testing.T) {
	d := mustDoc(t, `
[PER President Shavkat Mirziyoyev] and [PER Mr Bakhtiyor Saidov] spoke .
[ORG Uzbekneftegaz 's] board met ; [PER Saidov] agreed .`)
	var names, aliases []string
	for _, e := range d.Entities {
		names = append(names, e.Name)
		aliases = append(aliases, e.Aliases...)
	}
	if got, want := strings.Join(names, "|"), "Shavkat Mirziyoyev|Bakhtiyor Saidov|Uzbekneftegaz"; got != want {
		t.Errorf("names = %q, want %q", got, want)
	}
	if got, want := strings.Join(aliases, "|"), "Saidov"; got != want {
		t.Errorf("aliases = %q, want %q", got, want)
	}
}

func TestResolveNamesAcrossLineBreaks(t *testing.T) {
	d := text.FromTokens([][]string{{"The", "Asian", "Water", "Council", "met", "."}})
	d.Text = strings.Replace(d.Text, "Water ", "Water\n", 1) // a hard-wrapped line, same offsets
	d.Spans = [][]text.Span{{{Start: 1, End: 4, Label: "ORG"}}}
	stages.Refine.Refine(d)
	stages.Coref.Resolve(d)
	if len(d.Entities) != 1 || d.Entities[0].Name != "Asian Water Council" {
		t.Fatalf("entities = %+v, want one named %q", d.Entities, "Asian Water Council")
	}
}

func TestResolveEveryMentionHasAnEntity(t *testing.T) {
	d := mustDoc(t, `
[ORG UNICEF] Executive Director [PER Anna Berg] visited [LOC Tashkent] with [MISC Uzbek] officials .
The Executive Director met [PER Carter] and the [ORG Foreign Ministry] .`)
	for i, m := range d.Mentions {
		if m.Entity < 0 || m.Entity >= len(d.Entities) {
			t.Fatalf("mention %d %q has entity %d, want one of %d", i, d.MentionText(m), m.Entity, len(d.Entities))
		}
		found := false
		for _, j := range d.Entities[m.Entity].Mentions {
			found = found || j == i
		}
		if !found {
			t.Errorf("mention %d %q is not listed by its entity %d", i, d.MentionText(m), m.Entity)
		}
		if i > 0 {
			p := d.Mentions[i-1]
			if p.Sent > m.Sent || (p.Sent == m.Sent && p.Start > m.Start) {
				t.Errorf("mentions %d and %d are out of text order", i-1, i)
			}
		}
	}
}

// TestResolveAcronymInParenthesesTakesTheNameType pins that an acronym in
// parentheses whose letters are the name's initials is linked to the name
// and typed like it, whatever NER said, and so are its later bare
// mentions; one that is not the name's initials is left as NER typed it.
func TestResolveAcronymInParenthesesTakesTheNameType(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // entity name: mention text/type, in text order
	}{
		{"written as a word, tagged as a place, a word skipped", `
The head of the [ORG Danish International Water Development Agency] ( [LOC Diwa] ) spoke .
The money was paid through [LOC Diwa] in June .`,
			[]string{"Danish International Water Development Agency: Danish International Water Development Agency/ORGANIZATION Diwa/ORGANIZATION Diwa/ORGANIZATION"}},
		{"written as a word, tagged as a person", `
The [ORG Kestrel Valley Water Authority] ( [PER Kvwa] ) raised charges .`,
			[]string{"Kestrel Valley Water Authority: Kestrel Valley Water Authority/ORGANIZATION Kvwa/ORGANIZATION"}},
		{"in capitals, tagged as a place, function words skipped", `
The [ORG Council for the Protection of Rural Lakes] ( [LOC CPRL] ) objected .
[LOC CPRL] said it would appeal .`,
			[]string{"Council for the Protection of Rural Lakes: Council for the Protection of Rural Lakes/ORGANIZATION CPRL/ORGANIZATION CPRL/ORGANIZATION it/ORGANIZATION"}},
		{"a place in parentheses is no acronym", `
The [ORG Baltic Grain Exchange] ( [LOC Riga] ) opened higher .`,
			[]string{"Baltic Grain Exchange: Baltic Grain Exchange/ORGANIZATION", "Riga: Riga/LOCATION"}},
		{"a word that is not the initials is left alone", `
The [ORG Nordic Ferry Lines] ( [LOC Nordland] ) cut routes .`,
			[]string{"Nordic Ferry Lines: Nordic Ferry Lines/ORGANIZATION", "Nordland: Nordland/LOCATION"}},
		{"too many words skipped", `
The [ORG Arctic Sea Ice Research Fishing Institute Trust] ( [LOC Art] ) met .`,
			[]string{"Arctic Sea Ice Research Fishing Institute Trust: Arctic Sea Ice Research Fishing Institute Trust/ORGANIZATION", "Art: Art/LOCATION"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDoc(t, tt.src)
			var got []string
			for _, e := range d.Entities {
				var ms []string
				for _, i := range e.Mentions {
					m := d.Mentions[i]
					ms = append(ms, d.MentionText(m)+"/"+string(m.Type))
				}
				got = append(got, e.Name+": "+strings.Join(ms, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got entities\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestResolveAdjectiveKeepsItsType(t *testing.T) {
	d := mustDoc(t, `
[PER Aigerim Nurlanova] arrived .
The [MISC post-Nurlanova] era began .`)
	for _, m := range d.Mentions {
		if got := d.MentionText(m); got == "post-Nurlanova" && m.Type != graph.Misc {
			t.Errorf("type of %q = %s, want %s", got, m.Type, graph.Misc)
		}
	}
}

// TestResolveShortFormsTaggedMisc: a name NER tagged MISC that starts an
// organisation's name is a format or product named after it ("Blu-ray"
// of "Blu-ray Disc Association") and stays apart; where the short form
// joins the organisation (tagged ORG at least once), its MISC mentions do
// not outvote the organisation on the entity's type.
func TestResolveShortFormsTaggedMisc(t *testing.T) {
	checkEntities(t, []entityCase{{"tagged MISC only: apart", `
Studios have joined the [ORG Kestrel Disc Association] , whose members include [ORG Norvik] .
Disney will use [MISC Kestrel] for films .
If Fox goes with [MISC Kestrel] , [MISC Kestrel] will lead .`,
		[]entityView{
			{"Kestrel Disc Association", graph.Organization, "Kestrel Disc Association"},
			{"Norvik", graph.Organization, "Norvik"},
			{"Kestrel", graph.Misc, "Kestrel|Kestrel|Kestrel"},
		}}, {"tagged ORG once: joined, still an organisation", `
Studios have joined the [ORG Kestrel Disc Association] .
[ORG Kestrel] , which sets the format , grew .
Disney will use [MISC Kestrel] for films .
If Fox goes with [MISC Kestrel] , [MISC Kestrel] will lead .`,
		[]entityView{
			{"Kestrel Disc Association", graph.Organization, "Kestrel|Kestrel|Kestrel|Kestrel|Kestrel Disc Association"},
		}}})
}

// TestResolveNameWithLegalForm: an acronym, a name NER took for a place,
// one it labelled MISC and one that begins with a place or a generic word
// join the one organisation whose name adds only a legal form, after at
// most one corporate word (gazetteer.CompanySuffix); a state's name does
// not.
func TestResolveNameWithLegalForm(t *testing.T) {
	checkEntities(t, []entityCase{{"acronym and place-tagged short names", `
[ORG Kestrel Tech Co Ltd] said profits rose .
[LOC Kestrel] expects more , and [ORG NVR Inc] agreed .
[ORG NVR] shares rose .`,
		[]entityView{
			{"Kestrel Tech Co Ltd", graph.Organization, "Kestrel Tech Co Ltd"},
			{"Kestrel", graph.Location, "Kestrel"},
			{"NVR Inc", graph.Organization, "NVR|NVR Inc"},
		}}, {"place-tagged short name of a legal form", `
[ORG Minoru Co Ltd] said profits rose .
[LOC Minoru] expects more , [LOC Minoru] said .`,
		[]entityView{
			{"Minoru Co Ltd", graph.Organization, "Minoru|Minoru|Minoru Co Ltd"},
		}}, {"a state is no short name", `
[ORG Sonora Inc] said profits rose .
Rain fell in [LOC Sonora] .`,
		[]entityView{
			{"Sonora Inc", graph.Organization, "Sonora Inc"},
			{"Sonora", graph.Location, "Sonora"},
		}}, {"a name that begins with a place or a generic word, of its legal form", `
[ORG Gulf Canada Corp] bought the block from [ORG United Vellor Corp] .
[ORG Gulf Canada] will drill , and [ORG United Vellor] agreed .`,
		[]entityView{
			{"Gulf Canada Corp", graph.Organization, "Gulf Canada|Gulf Canada Corp"},
			{"United Vellor Corp", graph.Organization, "United Vellor|United Vellor Corp"},
		}}, {"... or of its corporate word and legal form, as the company list reads names", `
[ORG Vellor Holdings] said profits rose , and [ORG Kestrel Group plc] agreed .
[LOC Kestrel] shares rose ; [ORG Vellor] gained most .`,
		[]entityView{
			{"Vellor Holdings", graph.Organization, "Vellor|Vellor Holdings"},
			{"Kestrel Group plc", graph.Organization, "Kestrel|Kestrel Group plc"},
		}}, {"... but not of a longer name", `
[ORG Gulf Canada Resources] bought the block from [ORG United Vellor Acceptance Corp] .
[ORG Gulf Canada] will drill , and [ORG United Vellor] agreed .`,
		[]entityView{
			{"Gulf Canada Resources", graph.Organization, "Gulf Canada Resources"},
			{"United Vellor Acceptance Corp", graph.Organization, "United Vellor Acceptance Corp"},
			{"Gulf Canada", graph.Organization, "Gulf Canada"},
			{"United Vellor", graph.Organization, "United Vellor"},
		}}})
}
