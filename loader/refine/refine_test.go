package refine_test

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// mustDoc builds a document from lines of space-separated tokens, one
// sentence per line, with NER spans written "[LABEL word word]".
func mustDoc(tb testing.TB, src string) *text.Doc {
	tb.Helper()
	var sents [][]string
	var spans [][]text.Span
	for _, line := range strings.Split(strings.TrimSpace(src), "\n") {
		var toks []string
		var sp []text.Span
		label, start := "", 0
		for _, f := range strings.Fields(line) {
			if strings.HasPrefix(f, "[") && len(f) > 1 && label == "" {
				label, start = f[1:], len(toks)
				continue
			}
			if label != "" && strings.HasSuffix(f, "]") && f != "]" {
				toks = append(toks, strings.TrimSuffix(f, "]"))
				sp = append(sp, text.Span{Start: start, End: len(toks), Label: label})
				label = ""
				continue
			}
			toks = append(toks, f)
		}
		if label != "" {
			tb.Fatalf("unclosed span in %q", line)
		}
		sents = append(sents, toks)
		spans = append(spans, sp)
	}
	d := text.FromTokens(sents)
	d.Spans = spans
	return d
}

// want describes one expected mention: its text, type and some attributes.
type want struct {
	text  string
	typ   graph.EntityType
	attrs map[string]string
}

func TestRefine(t *testing.T) {
	tests := []refineCase{
		{"event keyword", "Delegates met at the [MISC Global Water Summit] .",
			[]want{{"Global Water Summit", graph.Event, nil}}},
		{"initiative keyword", "The [MISC Clean Rivers Programme] began in May .",
			[]want{{"Clean Rivers Programme", graph.Initiative, nil}}},
		{"initiative multi-word keyword", "They agreed a [MISC Regional Road Map] .",
			[]want{{"Regional Road Map", graph.Initiative, nil}}},
		{"organisation head before a preposition", "plans for an [MISC International Agency for Nuclear Safety] .",
			[]want{{"International Agency for Nuclear Safety", graph.Organization, nil}}},
		{"event head before a preposition", "the [MISC Conference on Water Security] opened .",
			[]want{{"Conference on Water Security", graph.Event, nil}}},
		{"initiative tagged PER", "under the [PER Spotless Global Initiative] .",
			[]want{{"Spotless Global Initiative", graph.Initiative, nil}}},
		{"event tagged LOC", "at the [LOC Water Leaders Summit] .",
			[]want{{"Water Leaders Summit", graph.Event, nil}}},
		{"known acronym tagged PER", "with [PER UNDP] support .",
			[]want{{"UNDP", graph.Organization, nil}}},
		{"plain misc", "He played [MISC Monopoly] .",
			[]want{{"Monopoly", graph.Misc, nil}}},
		{"demonym is NORP", "[MISC Uzbek] officials said .",
			[]want{{"Uzbek", graph.NORP, map[string]string{"country": "Uzbekistan"}}}},
		{"religious group is NORP", "[MISC Buddhist] monks marched .",
			[]want{{"Buddhist", graph.NORP, nil}}},
		{"city kind and country", "Talks opened in [LOC Tashkent] .",
			[]want{{"Tashkent", graph.Location, map[string]string{"kind": "city", "country": "Uzbekistan"}}}},
		{"region kind", "Water is scarce in [LOC Central Asia] .",
			[]want{{"Central Asia", graph.Location, map[string]string{"kind": "region"}}}},
		{"facility keyword", "They landed at [LOC Manas Airport] .",
			[]want{{"Manas Airport", graph.Location, map[string]string{"kind": "facility"}}}},
		{"country tagged ORG", "Exports to [ORG Britain] rose .",
			[]want{{"Britain", graph.Location, map[string]string{"kind": "country", "canonical": "United Kingdom"}}}},
		{"country that is also a name stays a person", "[PER Jordan] scored 30 points .",
			[]want{{"Jordan", graph.Person, nil}}},
		{"country tagged PER", "aid to [PER Afghanistan] grew .",
			[]want{{"Afghanistan", graph.Location, map[string]string{"kind": "country"}}}},
		{"other name of a country tagged PER stays", "[PER Holland] scored .",
			[]want{{"Holland", graph.Person, nil}}},
		{"state form tagged PER", "the [PER Republic of Uzbekistan] agreed .",
			[]want{{"Republic of Uzbekistan", graph.Location, map[string]string{"canonical": "Uzbekistan"}}}},
		{"organisation and title tagged PER", "met the [PER UN Deputy] Secretary-General .",
			[]want{{"UN", graph.Organization, map[string]string{"canonical": "United Nations"}}}},
		{"known organisation", "[LOC NATO] expanded .",
			[]want{{"NATO", graph.Organization, map[string]string{"canonical": "North Atlantic Treaty Organization"}}}},
		{"title left out of a person's name", "[PER President Shavkat Mirziyoyev] spoke .",
			[]want{{"President Shavkat Mirziyoyev", graph.Person, map[string]string{"title": "President", "name": "Shavkat Mirziyoyev"}}}},
		{"honorific left out of a person's name", "[PER Mr Bakhtiyor Saidov] spoke .",
			[]want{{"Mr Bakhtiyor Saidov", graph.Person, map[string]string{"name": "Bakhtiyor Saidov", "title": ""}}}},
		{"national agency tagged LOC", "The grant would be paid through [LOC Sida] before the end of June .",
			[]want{{"Sida", graph.Organization, map[string]string{"canonical": "Swedish International Development Cooperation Agency", "country": "Sweden"}}}},
		{"national agency tagged MISC", "Engineers from [MISC JICA] inspected the bridge .",
			[]want{{"JICA", graph.Organization, map[string]string{"country": "Japan"}}}},
		{"national agency NER missed", "The clinic is funded by Enabel and the city .",
			[]want{{"Enabel", graph.Organization, map[string]string{"canonical": "Belgian Development Agency", "country": "Belgium"}}}},
		{"international organisation has no country", "[ORG NATO] and [ORG NORAD] tracked the balloon .",
			[]want{{"NATO", graph.Organization, map[string]string{"country": ""}}, {"NORAD", graph.Organization, map[string]string{"canonical": "North American Aerospace Defense Command", "country": ""}}}},
		{"title before person", "[ORG UNICEF] Executive Director [PER Anna Berg] visited .",
			[]want{{"UNICEF", graph.Organization, nil}, {"Anna Berg", graph.Person, map[string]string{"title": "Executive Director"}}}},
		{"title of country before person", "Foreign Minister of [LOC Uzbekistan] [PER Bakhtiyor Saidov] arrived .",
			[]want{{"Uzbekistan", graph.Location, nil}, {"Bakhtiyor Saidov", graph.Person, map[string]string{"title": "Foreign Minister", "country": "Uzbekistan"}}}},
		{"apposition title", "[PER Anna Berg] , the Executive Director , said .",
			[]want{{"Anna Berg", graph.Person, map[string]string{"title": "Executive Director"}}}},
		{"person tagged ORG after title", "Executive Director [ORG Anna Berg] said .",
			[]want{{"Anna Berg", graph.Person, nil}}},
		{"honorific opens a span tagged ORG", "[ORG Mrs Greta Holm Lind] will take the title .",
			[]want{{"Mrs Greta Holm Lind", graph.Person, map[string]string{"name": "Greta Holm Lind", "honorific": "Mrs"}}}},
		{"honorific opens a span tagged LOC", "the painting by [LOC Sir Edwin Marlow] .",
			[]want{{"Sir Edwin Marlow", graph.Person, map[string]string{"name": "Edwin Marlow"}}}},
		{"title opens a span tagged ORG", "the campaign , [ORG Chancellor Peter Lind] has said .",
			[]want{{"Chancellor Peter Lind", graph.Person, map[string]string{"name": "Peter Lind", "title": "Chancellor"}}}},
		{"title before one word stays an organisation", "[ORG Governor Mills] reported a loss .",
			[]want{{"Governor Mills", graph.Organization, nil}}},
		{"title before an organisation's name stays", "shares of [ORG President Hotels Group] fell .",
			[]want{{"President Hotels Group", graph.Organization, nil}}},
		{"rank before a name of common words stays", "[MISC Major League Hockey] resumed .",
			[]want{{"Major League Hockey", graph.Misc, nil}}},
		{"honorific in capitals is no honorific", "3. [PER Juan Rivas] ( [LOC Spain] ) [ORG MX Onda]",
			[]want{{"Juan Rivas", graph.Person, nil}, {"Spain", graph.Location, nil}, {"MX Onda", graph.Organization, nil}}},
		{"common noun in capitals is no name", "Sales of [ORG DVD] players and [MISC PCs] rose , said the [ORG CEO] .",
			nil},
		{"century and number word are no names", "the 18th [LOC Century] artist , and [PER Nine] of them .",
			nil},
		{"legal form alone is no name", "a partner , Vitkov ( Latvia ) [ORG Inc] , said .",
			nil},
		{"a name holding a common noun stays", "[ORG PC World] and [ORG Nine Network] gained .",
			[]want{{"PC World", graph.Organization, nil}, {"Nine Network", graph.Organization, nil}}},
		{"name, possessive and place noun are one place", "a service in [ORG St Anne] 's [PER Chapel] .",
			[]want{{"St Anne 's Chapel", graph.Location, map[string]string{"name": ""}}}},
		{"possessive before a creek", "wines such as [PER Fisher] 's [MISC Creek] .",
			[]want{{"Fisher 's Creek", graph.Location, nil}}},
		{"a country's possessive stays the country's", "[LOC Britain] 's [ORG Cross] campaign .",
			[]want{{"Britain", graph.Location, nil}, {"Cross", graph.Organization, nil}}},
		{"possessive before a name of two words stays apart", "[PER Anna Berg] 's [ORG Hall Group] .",
			[]want{{"Anna Berg", graph.Person, nil}, {"Hall Group", graph.Organization, nil}}},
		{"office named after a place is the place", "prayers led by the [ORG Archbishop of Lyon] , Dr Anna Berg .",
			[]want{{"Lyon", graph.Location, nil}}},
		{"office of the place", "the [ORG Mayor of the Hague] said .",
			[]want{{"Hague", graph.Location, nil}}},
		{"office of something else stays", "the [ORG Mayor of Nordvik Energy] said .",
			[]want{{"Mayor of Nordvik Energy", graph.Organization, nil}}},
		{"adjective made of a place keeps its span, named by the place", "a [MISC New Orleans-based] company .",
			[]want{{"New Orleans-based", graph.Misc, map[string]string{"name": "New Orleans", "modifier": "-based"}}}},
		{"adjective made of a demonym is the group's", "an [MISC Italian-based] bank .",
			[]want{{"Italian-based", graph.NORP, map[string]string{"name": "Italian"}}}},
		{"adjective made of an abbreviation", "the [MISC U.S.-owned] firm .",
			[]want{{"U.S.-owned", graph.Misc, map[string]string{"name": "U.S."}}}},
		{"adjective made with a prefix", "the [MISC post-Vitkov] era and [MISC anti-Italian] slogans .",
			[]want{{"post-Vitkov", graph.Misc, map[string]string{"name": "Vitkov", "modifier": "post-"}}, {"anti-Italian", graph.NORP, map[string]string{"name": "Italian"}}}},
		{"lower-case base is no name", "a [MISC state-owned] bank .",
			[]want{{"state-owned", graph.Misc, map[string]string{"name": ""}}}},
		{"two names NER joined by and are split when one stands alone", "[ORG Velvet Owls and Marrow] will play , and [ORG Marrow] will headline .",
			[]want{{"Velvet Owls", graph.Organization, nil}, {"Marrow", graph.Organization, nil}, {"Marrow", graph.Organization, nil}}},
		{"a name with and stays whole", "[ORG Brandt and Kessel] said [ORG Kessel Holdings] grew .",
			[]want{{"Brandt and Kessel", graph.Organization, nil}, {"Kessel Holdings", graph.Organization, nil}}},
		{"a firm's name with and Co stays whole", "[ORG Vitkov Lynch and Co Inc] and [ORG Vitkov Lynch] .",
			[]want{{"Vitkov Lynch and Co Inc", graph.Organization, nil}, {"Vitkov Lynch", graph.Organization, nil}}},
		{"a firm ending in and Light Co stays whole", "[ORG Vitkov Power and Light Co] and [ORG Vitkov Power] .",
			[]want{{"Vitkov Power and Light Co", graph.Organization, nil}, {"Vitkov Power", graph.Organization, nil}}},
		{"a name going on with of or for stays whole", "the [ORG Department for Trade and Mines] and [ORG Mines] .",
			[]want{{"Department for Trade and Mines", graph.Organization, nil}, {"Mines", graph.Organization, nil}}},
		{"a place and a name after it stay whole", "[ORG Bristol and West Shipping] lent to [LOC Bristol] firms .",
			[]want{{"Bristol and West Shipping", graph.Organization, nil}, {"Bristol", graph.Location, nil}}},
		{"a country named with and stays whole", "[LOC Bosnia and Herzegovina] and [LOC Bosnia] .",
			[]want{{"Bosnia and Herzegovina", graph.Location, nil}, {"Bosnia", graph.Location, nil}}},
		{"honorific before a particle", "[PER Mr da Costa] said .",
			[]want{{"Mr da Costa", graph.Person, map[string]string{"name": "da Costa", "honorific": "Mr"}}}},
		{"title before a particle", "[PER President van Halen] said .",
			[]want{{"President van Halen", graph.Person, map[string]string{"name": "van Halen", "title": "President"}}}},
		{"headline span cut to the name the story uses", "[ORG VITKOV URGES] G-7 TO ACT\n[PER Anna Vitkov] spoke , and [PER Vitkov] left .",
			[]want{{"VITKOV", graph.Organization, nil}, {"Anna Vitkov", graph.Person, nil}, {"Vitkov", graph.Person, nil}}},
		{"headline span the story does not use stays", "[ORG NORDVIK OFFERS] UNIONS LOANS\n[ORG Nordvik Bank] lent .",
			[]want{{"NORDVIK OFFERS", graph.Organization, nil}, {"Nordvik Bank", graph.Organization, nil}}},
		{"headline span opening with a demonym stays", "[MISC DANISH COUNTY CUP] SCORES\nA [MISC Danish] side won .",
			[]want{{"DANISH COUNTY CUP", graph.Event, nil}, {"Danish", graph.NORP, nil}}},
		{"wire sign-off is the agency", "[PER REUTER]",
			[]want{{"REUTER", graph.Organization, map[string]string{"canonical": "Reuters"}}}},
		{"lower-case word trimmed", "shares in [ORG bank Wells Fargo] rose .",
			[]want{{"Wells Fargo", graph.Organization, nil}}},
		{"particle kept", "a statue of [PER de Gaulle] .",
			[]want{{"de Gaulle", graph.Person, nil}}},
		{"possessive left out of the name", "[LOC Uzbekistan 's] exports grew .",
			[]want{{"Uzbekistan 's", graph.Location, map[string]string{"name": "Uzbekistan", "canonical": "Uzbekistan"}}}},
		{"possessive place name kept", "He batted at [LOC Lord 's] .",
			[]want{{"Lord 's", graph.Location, map[string]string{"name": ""}}}},
		{"country possessive ties organisation", "[LOC Uzbekistan] 's [ORG Foreign Ministry] said .",
			[]want{{"Uzbekistan", graph.Location, nil}, {"Foreign Ministry", graph.Organization, map[string]string{"country": "Uzbekistan"}}}},
		{"demonym ties organisation", "the [ORG Uzbek Foreign Ministry] said .",
			[]want{{"Uzbek Foreign Ministry", graph.Organization, map[string]string{"country": "Uzbekistan"}}}},
		{"of country ties organisation", "the [ORG Government of Uzbekistan] said .",
			[]want{{"Government of Uzbekistan", graph.Organization, map[string]string{"country": "Uzbekistan"}}}},
		{"title cut from organisation", "met the [ORG UN Deputy Secretary-General] .",
			[]want{{"UN", graph.Organization, map[string]string{"canonical": "United Nations"}}}},
		{"title-only span dropped", "The [ORG Executive Director] noted progress .",
			nil},
		{"state form joined", "Minister of the Republic of [LOC Uzbekistan] spoke .",
			[]want{{"Republic of Uzbekistan", graph.Location, map[string]string{"kind": "country", "canonical": "Uzbekistan"}}}},
		{"dateline tagged PER", "[PER TASHKENT] . UZA - Talks began .",
			[]want{{"TASHKENT", graph.Location, map[string]string{"kind": "city"}}, {"UZA", graph.Organization, nil}}},
		{"dateline", "[ORG TASHKENT] . [PER UZA] - Talks began .",
			[]want{{"TASHKENT", graph.Location, map[string]string{"kind": "city"}}, {"UZA", graph.Organization, nil}}},
		{"missed organisation recalled", "with UN-Women and [ORG UNDP] .",
			[]want{{"UN-Women", graph.Organization, nil}, {"UNDP", graph.Organization, nil}}},
		{"recall in a sentence without spans", "with UN-Women and others .",
			[]want{{"UN-Women", graph.Organization, nil}}},
		{"missed event recalled", "ahead of the Asia Water Summit in [LOC Dushanbe] .",
			[]want{{"Asia Water Summit", graph.Event, nil}, {"Dushanbe", graph.Location, nil}}},
		{"name extended over for", "create an [ORG International Agency] for Nuclear Safety soon .",
			[]want{{"International Agency for Nuclear Safety", graph.Organization, nil}}},
		{"event name extended over for keeps its head's type", "the [ORG World Summit] for Clean Oceans opened .",
			[]want{{"World Summit for Clean Oceans", graph.Event, nil}}},
		{"person not extended", "a letter from [PER Anna Berg] of Tashkent .",
			[]want{{"Anna Berg", graph.Person, nil}}},
		{"demonym and portfolio before a minister", "[ORG Danish Energy] Minister [PER Lars Vestergaard] opened the plant .",
			[]want{{"Danish", graph.NORP, map[string]string{"country": "Denmark"}}, {"Lars Vestergaard", graph.Person, map[string]string{"title": "Energy Minister", "country": "Denmark"}}}},
		{"demonym and two portfolio words before a secretary", "[MISC French Foreign Affairs] Secretary [PER Claire Dumont] said .",
			[]want{{"French", graph.NORP, map[string]string{"country": "France"}}, {"Claire Dumont", graph.Person, map[string]string{"title": "Foreign Affairs Secretary", "country": "France"}}}},
		{"a company's leading officer stays the company's", "[ORG Danish Energy] Chief Executive [PER Lars Vestergaard] said .",
			[]want{{"Danish Energy", graph.Organization, nil}, {"Lars Vestergaard", graph.Person, map[string]string{"title": "Chief Executive"}}}},
		{"no person after the title: the organisation stays", "Shares in [ORG Danish Energy] Minister funds rose .",
			[]want{{"Danish Energy", graph.Organization, nil}}},
		{"a name that is no portfolio stays an organisation", "[ORG Danish Crown] Minister [PER Lars Vestergaard] spoke .",
			[]want{{"Danish Crown", graph.Organization, nil}, {"Lars Vestergaard", graph.Person, nil}}},
		{"place and person split", "Foreign Minister of the Republic of [ORG Uzbekistan Bakhtiyor Saidov] came .",
			[]want{{"Republic of Uzbekistan", graph.Location, nil}, {"Bakhtiyor Saidov", graph.Person, map[string]string{"title": "Foreign Minister", "country": "Uzbekistan"}}}},
	}
	checkRefine(t, tests)
}
