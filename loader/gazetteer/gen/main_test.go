package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeCity(t *testing.T) {
	// field 1 svarint, 2 name, 3 country, 7 feature, 9 population, 10 svarint
	msg := []byte{
		1 << 3, 0x04, // wire type 0: varint
		2<<3 | 2, 6, 'A', 'l', 'm', 'a', 't', 'y',
		3<<3 | 2, 2, 'K', 'Z',
		7<<3 | 2, 4, 'P', 'P', 'L', 'A',
		9 << 3, 0xa0, 0x8d, 0x06, // 100000
		10 << 3, 0x03,
	}
	got, err := decodeCity(msg)
	if err != nil {
		t.Fatal(err)
	}
	want := city{name: "Almaty", country: "KZ", feature: "PPLA", population: 100000}
	if got != want {
		t.Errorf("decodeCity = %+v, want %+v", got, want)
	}
	if _, err := decodeCity([]byte{5<<3 | 5, 0}); err == nil {
		t.Error("decodeCity of a fixed32 field: got no error, want one")
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"UK", []string{"UK", "U.K."}},
		{"Brasília", []string{"Brasília", "Brasilia"}},
		{"Korea, Republic of", nil},
		{"Kazakhstan", []string{"Kazakhstan"}},
	}
	for _, tt := range tests {
		if got := variants(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("variants(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestReadRegions checks which subdivisions are kept: not a name that is
// already a place, not one several countries of like size use (one of a
// country dominance times the others' is its), not one of a list longer
// than maxRegions.
func TestReadRegions(t *testing.T) {
	long := make([]string, 0, maxRegions+1)
	for i := range maxRegions + 1 {
		long = append(long, fmt.Sprintf(`{"name": "Council %d"}`, i))
	}
	data := `[
	 {"countryShortCode": "CN", "regions": [{"name": "Jiangsu"}, {"name": "Beijing"}, {"name": "Central"}, {"name": "Bad, Name of"}]},
	 {"countryShortCode": "GH", "regions": [{"name": "Central"}, {"name": "Ashanti"}, {"name": "Volta"}]},
	 {"countryShortCode": "US", "regions": [{"name": "Florida"}, {"name": "Volta"}]},
	 {"countryShortCode": "UY", "regions": [{"name": "Florida"}]},
	 {"countryShortCode": "ZY", "regions": [{"name": "Nameless"}]},
	 {"countryShortCode": "ZZ", "regions": [{"name": "Nameless"}]},
	 {"countryShortCode": "XX", "regions": [{"name": "Nowhere"}]},
	 {"countryShortCode": "GB", "regions": [` + strings.Join(long, ",") + `]}
	]`
	path := filepath.Join(t.TempDir(), "data.json")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	countries := map[string]string{"CN": "China", "GH": "Ghana", "GB": "United Kingdom", "US": "United States", "UY": "Uruguay", "ZY": "Zyland", "ZZ": "Zedland"}
	size := map[string]int{"CN": 50, "GH": 33, "GB": 67, "US": 300, "UY": 3} // "Volta": 300 < 10 × 33; ZY and ZZ of no size
	places := []place{{kind: "city", name: "Beijing", country: "China"}}
	got, err := readRegions(path, countries, size, places)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, p := range got {
		if p.kind != "subdivision" {
			t.Errorf("%s: kind %q", p.name, p.kind)
		}
		names[p.name] = p.country
	}
	want := map[string]string{"Jiangsu": "China", "Ashanti": "Ghana", "Florida": "United States"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("regions kept: %v, want %v", names, want)
	}
}
