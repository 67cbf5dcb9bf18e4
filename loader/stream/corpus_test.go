package stream_test

import "fmt"

// Invented names: every document of the generated corpus combines them
// differently, so no two texts are alike.
var (
	givenNames = []string{"Maren", "Tobias", "Ilse", "Rafael", "Odile", "Kwame", "Sunniva", "Dragan", "Leontine", "Emeka", "Yara", "Casimir", "Halvard", "Noemi", "Jurgis", "Anouk"}
	surnames   = []string{"Lindqvist", "Okafor", "Brennecke", "Varga", "Castellanos", "Haugland", "Moravec", "Delacroix", "Nakashima", "Oyelaran", "Petrescu", "Sandoval", "Thorsby", "Wojcik", "Achterberg", "Quiroga", "Rautio"}
	companies  = []string{"Norvane Energy", "Calder Freight", "Brightwater Systems", "Ostmark Logistics", "Veltran Pharmaceuticals", "Saltridge Bank", "Harrowgate Mining", "Quillon Motors", "Ferrovia Steel", "Tessaly Foods", "Arkwell Insurance", "Dunmore Telecom", "Elvarra Semiconductor"}
	cities     = []string{"Bergen", "Rotterdam", "Porto", "Gdansk", "Tampere", "Lyon", "Graz", "Aarhus", "Bilbao", "Kaunas", "Trieste", "Malmo"}
	countries  = []string{"Norway", "the Netherlands", "Portugal", "Poland", "Finland", "France", "Austria", "Denmark", "Spain", "Lithuania", "Italy", "Sweden"}
	agencies   = []string{"the World Health Organization", "the European Commission", "the International Monetary Fund", "the World Bank", "Unicef"}
)

var templates = []string{
	`%[1]s named new chief executive of %[3]s

%[3]s has appointed %[1]s as its chief executive, the company said on Monday. %[2]s, who has led the %[4]s office since 2019, replaces %[5]s, who is retiring after twelve years. %[3]s is based in %[4]s, %[6]s, and employs about %[7]d people. "We are ready for the next chapter," %[2]s told reporters in %[4]s.`,
	`%[3]s agrees deal with %[8]s

%[3]s signed an agreement with %[8]s on Thursday to build a new plant near %[4]s. The chief executive of %[3]s, %[1]s, said the plant would create %[7]d jobs. %[5]s, the mayor of %[4]s, welcomed the deal. %[8]s is headquartered in %[9]s.`,
	`%[10]s backs health programme in %[6]s

%[10]s will fund a vaccination programme in %[6]s, its regional director %[1]s announced in %[4]s. The programme, run with the health ministry of %[6]s, aims to reach %[7]d children this year. %[5]s, a doctor in %[4]s, said clinics had waited months for the supplies.`,
	`%[1]s wins seat in %[4]s council vote

%[1]s won a seat on the city council of %[4]s on Sunday, beating %[5]s by %[7]d votes. %[2]s, a former adviser at %[3]s, campaigned on housing. The result was confirmed by the electoral office of %[6]s in %[9]s.`,
}

// generatedCorpus returns n distinct articles as JSON Lines records.
func generatedCorpus(n int) []map[string]string {
	var docs []map[string]string
	for i := range n {
		g, s := givenNames[i%len(givenNames)], surnames[(i/len(givenNames)+i)%len(surnames)]
		g2, s2 := givenNames[(i*7+3)%len(givenNames)], surnames[(i*5+1)%len(surnames)]
		if g2 == g && s2 == s {
			s2 = surnames[(i*5+2)%len(surnames)]
		}
		co := companies[(i*3)%len(companies)]
		co2 := companies[(i*3+5)%len(companies)]
		ci := (i * 5) % len(cities)
		ci2 := (ci + 4) % len(cities)
		text := fmt.Sprintf(templates[i%len(templates)],
			g+" "+s, s, co, cities[ci], g2+" "+s2, countries[ci], 100+(i*37)%9000, co2, cities[ci2], agencies[i%len(agencies)])
		docs = append(docs, map[string]string{
			"id":     fmt.Sprintf("gen-%04d", i),
			"date":   fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28),
			"source": "generated",
			"text":   text,
		})
	}
	return docs
}
