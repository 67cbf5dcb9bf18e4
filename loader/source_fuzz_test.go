package loader_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kgraph/loader"
)

// checkDoc checks what every accepted document must be.
func checkDoc(t *testing.T, what string, it loader.Item, lim loader.Limits) {
	t.Helper()
	d := it.Doc
	switch {
	case strings.TrimSpace(d.Text) == "":
		t.Fatalf("%s: accepted an empty document", what)
	case !utf8.ValidString(d.Text):
		t.Fatalf("%s: accepted invalid UTF-8", what)
	case len(d.Text) > lim.MaxDocBytes:
		t.Fatalf("%s: accepted %d bytes over the limit of %d", what, len(d.Text), lim.MaxDocBytes)
	case strings.IndexByte(d.Text, 0) >= 0:
		t.Fatalf("%s: accepted NUL bytes", what)
	case d.ID == "" || d.Hash == "":
		t.Fatalf("%s: id %q hash %q", what, d.ID, d.Hash)
	case d.Date != "" && len(d.Date) != len("2006-01-02"):
		t.Fatalf("%s: date %q is not YYYY-MM-DD", what, d.Date)
	}
}

// FuzzParseText feeds the plain-text reader (the "date YYYY-MM-DD title"
// header, then the body): no panic, and whatever it accepts is a valid
// document within the limit.
//
//	go test -run=^$ -fuzz=FuzzParseText -fuzztime=30s ./loader
func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"date 2024-03-01 Ministers meet in Oslo\n\nThe ministers met on Friday.",
		"date 2024-03-01\nMinisters meet\nBody.",
		"\ufeffTitle\r\n\r\nBody\r\n",
		"date 2024-13-45 Bad date\n\nBody",
		"   \n\n",
		"PK\x03\x04\x00",
		"\xff\xfeT\x00i\x00t\x00l\x00e\x00\n\x00=\xd8\x0d\xdf",
		"\xfe\xff\x00T\x00\n\xd8\x00",
	} {
		f.Add([]byte(s))
	}
	lim := loader.Limits{MaxDocBytes: 2048}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := loader.ParseText(data, lim)
		if err != nil {
			return
		}
		checkDoc(t, "ParseText", loader.Item{Doc: d}, lim)
	})
}

// FuzzReadJSONL feeds JSON Lines through Read's standard-input path: no
// panic, at most one item per line, every accepted document valid.
//
//	go test -run=^$ -fuzz=FuzzReadJSONL -fuzztime=30s ./loader
func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","title":"T","date":"2024-01-02","text":"Anna Berg met Paul Dufort."}` + "\n" + `{"text":""}`,
		`{"id": 17, "body": "Reuters style body", "date": "26-FEB-1987 15:01:01.79"}`,
		`{"text": "x"} trailing`,
		`{"text": "\u0000"}`,
		"{\n\n{\"text\":\"two\"}",
	} {
		f.Add([]byte(s))
	}
	lim := loader.Limits{MaxDocBytes: 2048, MaxLineBytes: 4096}
	f.Fuzz(func(t *testing.T, data []byte) {
		if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '{' {
			return // not JSON Lines: the plain-text reader's fuzz target covers it
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		err := loader.Read(context.Background(), []string{"-"}, bytes.NewReader(data), lim, func(it loader.Item) error {
			n++
			if it.Err == nil {
				checkDoc(t, it.Origin, it, lim)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		if n > lines {
			t.Fatalf("%d items from %d lines", n, lines)
		}
	})
}
