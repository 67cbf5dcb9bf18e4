package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/loader/gazetteer"
)

func ExampleFindPlace() {
	for _, name := range []string{"U.K.", "Republic of Kazakhstan", "Almaty"} {
		p, _ := gazetteer.FindPlace(name)
		fmt.Printf("%s: %s (%s, %s)\n", name, p.Name, p.Kind, p.Country)
	}
	// Output:
	// U.K.: United Kingdom (country, United Kingdom)
	// Republic of Kazakhstan: Kazakhstan (country, Kazakhstan)
	// Almaty: Almaty (city, Kazakhstan)
}

func ExampleFindOrg() {
	o, _ := gazetteer.FindOrg("UNFPA")
	fmt.Println(o.Name, "/", o.Parent)
	// Output: United Nations Population Fund / United Nations
}

func ExampleTitleAt() {
	words := strings.Fields("Deputy Energy Minister Janis Ozols")
	n, lead := gazetteer.TitleAt(words, 0)
	fmt.Println(strings.Join(words[:n], " "), lead)
	// Output: Deputy Energy Minister false
}
