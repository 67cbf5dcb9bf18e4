package refine_test

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
)

func TestRefineCompanies(t *testing.T) {
	tests := []refineCase{
		{"company tagged LOC", "[LOC Sony] cut prices .",
			[]want{{"Sony", graph.Organization, map[string]string{"canonical": "Sony", "country": "Japan"}}}},
		{"company's possessive tagged LOC", "[LOC Sony 's] Playstation Portable .",
			[]want{{"Sony 's", graph.Organization, map[string]string{"name": "Sony", "canonical": "Sony"}}}},
		{"company tagged PER", "said [PER Gartner] analysts .",
			[]want{{"Gartner", graph.Organization, nil}}},
		{"company of two words tagged PER", "[PER Time Warner] said .",
			[]want{{"Time Warner", graph.Organization, map[string]string{"canonical": "Time Warner"}}}},
		{"company tagged ORG gains its canonical name", "[ORG Toyota Motor Corp] said .",
			[]want{{"Toyota Motor Corp", graph.Organization, map[string]string{"canonical": "Toyota", "country": "Japan"}}}},
		{"company tagged MISC", "[MISC Diageo] said .",
			[]want{{"Diageo", graph.Organization, nil}}},
		{"ambiguous index name tagged MISC stays", "the [MISC Dow Jones] industrial average .",
			[]want{{"Dow Jones", graph.Misc, map[string]string{"canonical": ""}}}},
		{"ambiguous name tagged MISC stays", "a [MISC Jaguar] .",
			[]want{{"Jaguar", graph.Misc, nil}}},
		{"ambiguous name tagged PER alone", "[PER Ford] reported a profit .",
			[]want{{"Ford", graph.Organization, map[string]string{"canonical": "Ford"}}}},
		{"ambiguous name of a person in the document stays", "[PER Harrison Ford] starred .\n[PER Ford] said .",
			[]want{{"Harrison Ford", graph.Person, nil}, {"Ford", graph.Person, map[string]string{"canonical": ""}}}},
		{"ambiguous name after an honorific stays", "[PER Mr Dell] said .",
			[]want{{"Mr Dell", graph.Person, nil}}},
		{"ambiguous name after an initial stays", "C [PER Thomson] 8,200",
			[]want{{"Thomson", graph.Person, nil}}},
		{"ambiguous name in a list of persons stays", "[PER Lewsey] , [PER Abbott] , [PER Voyce] .",
			[]want{{"Lewsey", graph.Person, nil}, {"Abbott", graph.Person, nil}, {"Voyce", graph.Person, nil}}},
		{"ambiguous name in a list of companies", "[ORG Sony] and [PER Philips] agreed .",
			[]want{{"Sony", graph.Organization, nil}, {"Philips", graph.Organization, nil}}},
		{"ambiguous place name after the stays", "fires in the [LOC Amazon] .",
			[]want{{"Amazon", graph.Location, nil}}},
		{"ambiguous place name as a company", "sold by [LOC Amazon] .",
			[]want{{"Amazon", graph.Organization, nil}}},
		{"ambiguous acronym tagged ORG gets no company's name", "Labour 's [ORG NEC] met .",
			[]want{{"Labour", graph.Organization, map[string]string{"canonical": "Labour Party"}}, {"NEC", graph.Organization, map[string]string{"canonical": "", "country": ""}}}},
		{"product after a company's possessive tagged LOC", "[LOC Sony] 's [LOC Playstation] sold well .",
			[]want{{"Sony", graph.Organization, nil}, {"Playstation", graph.Misc, nil}}},
		{"company's site stays a place", "[ORG BP] 's [LOC Texas City] refinery .",
			[]want{{"BP", graph.Organization, nil}, {"Texas City", graph.Location, nil}}},
		{"known place after a company's possessive stays", "[ORG Toyota] 's [LOC US] sales .",
			[]want{{"Toyota", graph.Organization, nil}, {"US", graph.Location, nil}}},
		{"known place stays a place", "in [LOC Suez] .",
			[]want{{"Suez", graph.Location, nil}}},
	}
	checkRefine(t, tests)
}
