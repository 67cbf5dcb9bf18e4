package coref

import (
	"bytes"
	"compress/gzip"
	"testing"
)

func TestFirstNamesTable(t *testing.T) {
	names, err := parseFirstNames(firstNames)
	if err != nil {
		t.Fatal(err)
	}
	for name, g := range map[string]byte{"anna": 'f', "lars": 'm', "john": 'm', "mary": 'f'} {
		if names[name] != g {
			t.Errorf("%s: %q, want %q", name, names[name], g)
		}
	}
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	for name, bad := range map[string][]byte{
		"not gzip":     []byte("anna\tf\n"),
		"no gender":    gz("anna\n"),
		"other gender": gz("anna\tx\n"),
		"upper case":   gz("Anna\tf\n"),
		"empty":        gz(""),
	} {
		if _, err := parseFirstNames(bad); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
