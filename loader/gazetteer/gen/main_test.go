package main

import (
	"reflect"
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
