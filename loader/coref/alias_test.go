package coref_test

import (
	"strings"
	"testing"
)

// TestDocumentLocalNames checks which names become aliases — keys other
// documents are resolved by — and which stay mentions of this document only.
func TestDocumentLocalNames(t *testing.T) {
	tests := []struct {
		name, src string
		entity    string // the entity checked
		aliases   string // its aliases, joined by |
		descs     string // its "descriptions" attribute
		local     string // its "localNames" attribute
		notIn     string // a mention that must be in another entity, or ""
	}{
		{"a generic head after The is a description", `
The [ORG Harlow Children's Fund] raised 2 million pounds in May .
[ORG The Fund] said the money would pay for school meals .`,
			"Harlow Children's Fund", "", "The Fund", "", ""},
		{"a bare generic head is a description", `
Farmers joined the [ORG Baltic Grain Alliance] last year .
[ORG Alliance] members meet in Riga on Friday .`,
			"Baltic Grain Alliance", "", "Alliance", "", ""},
		{"generic words only are a description", `
Farmers joined the [ORG Baltic Regional Alliance] last year .
The [ORG Regional Alliance] meets in Riga on Friday .`,
			"Baltic Regional Alliance", "", "Regional Alliance", "", ""},
		{"a short form with a proper word stays an alias", `
Farmers joined the [ORG Baltic Grain Alliance] last year .
The [ORG Grain Alliance] meets in Riga on Friday .`,
			"Baltic Grain Alliance", "Grain Alliance", "", "", ""},
		{"a leading The is left out of an alias", `
Shares in [ORG Morvane Shipping Lines] rose on Monday .
[ORG The Morvane Lines] carried more cargo than a year ago .`,
			"Morvane Shipping Lines", "Morvane Lines", "", "", ""},
		{"a ministry without its country is a description", `
The [ORG Latvian Foreign Ministry] summoned the envoy .
The [ORG Foreign Ministry] said talks would go on .`,
			"Latvian Foreign Ministry", "", "Foreign Ministry", "", ""},
		{"a ministry tied to its country by a possessive is a description", `
[LOC Latvia] 's [ORG Foreign Ministry] summoned the envoy .
The [ORG Latvian Foreign Ministry] said talks would go on .`,
			"Latvian Foreign Ministry", "", "Foreign Ministry", "", ""},
		{"a country's company keeps its proper short name", `
[ORG Dutch Veldmark] raised its forecast .
[ORG Veldmark] shares rose 3 percent .`,
			"Dutch Veldmark", "Veldmark", "", "", ""},
		{"a place is no alias of an organisation", `
[ORG Tasman Offshore Gas Operations] ( [LOC TOGO] ) drilled two wells .
[ORG TOGO] will sell the gas in Asia .`,
			"Tasman Offshore Gas Operations", "", "", "TOGO", ""},
		{"a party is no short form of an institute named after its word", `
The [ORG Institute for Rural Labour] published a report on wages .
[ORG Labour] won the vote in the county .`,
			"Institute for Rural Labour", "", "", "", "Labour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDoc(t, tt.src)
			found := false
			for _, e := range d.Entities {
				for _, a := range e.Aliases {
					if strings.HasPrefix(strings.ToLower(a), "the ") {
						t.Errorf("%s: alias %q starts with the", e.Name, a)
					}
				}
				if e.Name != tt.entity {
					continue
				}
				found = true
				if got := strings.Join(e.Aliases, "|"); got != tt.aliases {
					t.Errorf("%s: got aliases %q, want %q", e.Name, got, tt.aliases)
				}
				if got := e.Attrs["descriptions"]; got != tt.descs {
					t.Errorf("%s: got descriptions %q, want %q", e.Name, got, tt.descs)
				}
				if got := e.Attrs["localNames"]; got != tt.local {
					t.Errorf("%s: got localNames %q, want %q", e.Name, got, tt.local)
				}
				if tt.notIn != "" {
					for _, i := range e.Mentions {
						if d.MentionText(d.Mentions[i]) == tt.notIn {
							t.Errorf("%s: got mention %q in it, want it in another entity", e.Name, tt.notIn)
						}
					}
				}
			}
			if !found {
				t.Fatalf("got entities %+v, want one named %q", view(d), tt.entity)
			}
		})
	}
}

// TestGenericOnlyEntityName checks that an entity the text names only by a
// generic word is named as a description, so that no other document joins
// it by that word, while a proper name wins over a generic word.
func TestGenericOnlyEntityName(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"determiner before the span", `
Ministers met on Tuesday and the [ORG Cabinet] agreed the budget .`, "the Cabinet"},
		{"determiner inside the span", `
[ORG The Commission] will publish its findings in March .`, "the Commission"},
		{"no determiner written", `
[ORG Congress] passed the bill on Friday .`, "Congress"},
		{"a proper name wins", `
The [ORG Harlow Children's Fund] said on Monday that the [ORG Fund] had doubled .`, "Harlow Children's Fund"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDoc(t, tt.src)
			if len(d.Entities) != 1 {
				t.Fatalf("got entities %+v, want one", view(d))
			}
			if got := d.Entities[0].Name; got != tt.want {
				t.Errorf("got name %q, want %q", got, tt.want)
			}
			if got := d.Entities[0].Aliases; len(got) != 0 {
				t.Errorf("got aliases %q, want none", got)
			}
		})
	}
}
