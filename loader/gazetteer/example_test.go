package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/loader/gazetteer"
)

func ExampleTables_FindPlace() {
	tab, err := gazetteer.Load()
	if err != nil {
		panic(err)
	}
	for _, name := range []string{"U.K.", "Republic of Kazakhstan", "Almaty"} {
		p, _ := tab.FindPlace(name)
		fmt.Printf("%s: %s (%s, %s)\n", name, p.Name, p.Kind, p.Country)
	}
	// Output:
	// U.K.: United Kingdom (country, United Kingdom)
	// Republic of Kazakhstan: Kazakhstan (country, Kazakhstan)
	// Almaty: Almaty (city, Kazakhstan)
}

func ExampleTables_FindOrg() {
	tab, err := gazetteer.Load()
	if err != nil {
		panic(err)
	}
	o, _ := tab.FindOrg("UNFPA")
	fmt.Println(o.Name, "/", o.Parent)
	// Output: United Nations Population Fund / United Nations
}

func ExampleTables_TitleAt() {
	tab, err := gazetteer.Load()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("Deputy Energy Minister Janis Ozols")
	n, lead := tab.TitleAt(words, 0)
	fmt.Println(strings.Join(words[:n], " "), lead)
	// Output: Deputy Energy Minister false
}
