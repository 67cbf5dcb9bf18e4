package coref_test

import (
	"testing"

	"github.com/kgraph/kgraph/graph"
)

// TestResolveCompanies pins how the company list meets the sieves: a
// company's short name joins its longer names through the gazetteer (not
// the first-words sieve, which a listed name never enters), and never a
// business line or product named after it.
func TestResolveCompanies(t *testing.T) {
	tests := []entityCase{
		{"legal form and corporate word", `
[ORG Toyota Motor Corp] raised prices .
[PER Toyota] said sales rose .`,
			[]entityView{{"Toyota", graph.Organization, "Toyota|Toyota Motor Corp"}}},
		{"acronym of a company", `
[ORG General Motors] and [ORG GM] .`,
			[]entityView{{"General Motors", graph.Organization, "GM|General Motors"}}},
		{"business line stays apart", `
[ORG Sony Pictures] made the film .
[LOC Sony] said profits rose .`,
			[]entityView{{"Sony Pictures", graph.Organization, "Sony Pictures"}, {"Sony", graph.Organization, "Sony"}}},
		{"product stays apart", `
The [ORG Nintendo DS] sold well .
[PER Nintendo] said sales rose .`,
			[]entityView{{"Nintendo DS", graph.Organization, "Nintendo DS"}, {"Nintendo", graph.Organization, "Nintendo"}}},
		{"unlisted short name still joins by first words", `
[ORG Nordvik Energy] said .
[ORG Nordvik] added .`,
			[]entityView{{"Nordvik Energy", graph.Organization, "Nordvik|Nordvik Energy"}}},
		{"person named like a company", `
[PER Harrison Ford] starred .
[PER Ford] said .`,
			[]entityView{{"Harrison Ford", graph.Person, "Ford|Harrison Ford"}}},
	}
	checkEntities(t, tests)
}
