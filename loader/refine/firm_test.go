package refine_test

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
)

// TestRefineFirmNames checks that a firm's name NER cut at its "and" or
// commas becomes one organisation, and that lists of names stay lists.
func TestRefineFirmNames(t *testing.T) {
	org := graph.Organization
	checkRefine(t, []refineCase{
		{"two names before a legal form", "Shares of [ORG Rochester Gas] and [ORG Electric Corp] rose .",
			[]want{{"Rochester Gas and Electric Corp", org, nil}}},
		{"a person's name before a legal form", "The contract went to [PER Bolt Beranek] and [ORG Newman Inc] .",
			[]want{{"Bolt Beranek and Newman Inc", org, nil}}},
		{"commas before the and", "[ORG Merrill Lynch] , [LOC Pierce] , [PER Fenner] and [ORG Smith Inc] managed it .",
			[]want{{"Merrill Lynch , Pierce , Fenner and Smith Inc", org, nil}}},
		{"a partner word after the and", "said analyst [PER Jo Fox] of [PER Sanford C. Bernstein] and Co .",
			[]want{{"Jo Fox", graph.Person, nil}, {"Sanford C. Bernstein and Co", org, nil}}},
		{"a legal form on both sides is a list", "[ORG Chevron Corp] and [ORG Texaco Inc] agreed .",
			[]want{{"Chevron Corp", org, nil}, {"Texaco Inc", org, nil}}},
		{"a name ending like a firm is a list", "[ORG Norbancorp] and [ORG Banc Two Corp] agreed .",
			[]want{{"Norbancorp", org, nil}, {"Banc Two Corp", org, nil}}},
		{"a name named alone elsewhere is a list", "[PER Ann Webb] and [ORG Lomax Textile Inc] agreed .\n[PER Webb] said so .",
			[]want{{"Ann Webb", graph.Person, nil}, {"Lomax Textile Inc", org, nil}, {"Webb", graph.Person, nil}}},
		{"a firm named alone elsewhere is a list", "[ORG Kestrel] and [ORG Dunmore Mills Inc] agreed .\n[ORG Dunmore] said so .",
			[]want{{"Kestrel", org, nil}, {"Dunmore Mills Inc", org, nil}, {"Dunmore", org, nil}}},
		{"a MISC modifier stays out", "[MISC Ohio-based] [ORG Westbank] and [ORG Banc One Corp] bid .",
			[]want{{"Ohio-based", graph.Misc, nil}, {"Westbank", org, nil}, {"Banc One Corp", org, nil}}},
		{"an untagged word starting the sentence stays out", "Analysts and [ORG Smith Inc] agreed .",
			[]want{{"Smith Inc", org, nil}}},
		{"a complete organisation's name is a list", "[ORG Halden International] and [ORG Norvik Steel Inc] agreed .",
			[]want{{"Halden International", org, nil}, {"Norvik Steel Inc", org, nil}}},
	})
}
