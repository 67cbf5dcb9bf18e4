package loader_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/kgraph/kgraph/loader"
)

func TestParseTextHeader(t *testing.T) {
	tests := []struct {
		name, in, title, date, textPrefix string
	}{
		{"title on header line", " date 2024-03-01 Ministers meet in Oslo\n\nThe ministers met on Friday.", "Ministers meet in Oslo", "2024-03-01", "Ministers meet in Oslo\n\nThe ministers"},
		{"title on next line", "date 2024-03-01\nMinisters meet in Oslo\nThe ministers met.", "Ministers meet in Oslo", "2024-03-01", "Ministers meet in Oslo\n\nThe ministers"},
		{"no header", "Ministers meet in Oslo\n\nThe ministers met.", "Ministers meet in Oslo", "", "Ministers meet in Oslo\n\nThe ministers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := loader.ParseText([]byte(tt.in), loader.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title || d.Date != tt.date || !strings.HasPrefix(d.Text, tt.textPrefix) {
				t.Errorf("got title %q date %q text %q, want %q %q %q…", d.Title, d.Date, d.Text, tt.title, tt.date, tt.textPrefix)
			}
			if d.ID == "" || d.Hash == "" {
				t.Errorf("got id %q hash %q, want both set", d.ID, d.Hash)
			}
		})
	}
}

// TestParseTextUTF16: text with a UTF-16 byte-order mark, either byte
// order, is read as the same document as its UTF-8 form, characters
// outside the Basic Multilingual Plane included.
func TestParseTextUTF16(t *testing.T) {
	in := "Ministers meet in Oslo \U0001F30D\r\nThe ministers met in Tromsø."
	want, err := loader.ParseText([]byte(in), loader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
		data := order.AppendUint16(nil, 0xfeff)
		for _, u := range utf16.Encode([]rune(in)) {
			data = order.AppendUint16(data, u)
		}
		got, err := loader.ParseText(data, loader.Limits{})
		if err != nil {
			t.Fatalf("%v: %v", order, err)
		}
		if got.Text != want.Text || got.Title != want.Title || got.ID != want.ID {
			t.Errorf("%v: got %q (title %q, id %s), want %q (title %q, id %s)", order, got.Text, got.Title, got.ID, want.Text, want.Title, want.ID)
		}
	}
}

func TestParseTextRejects(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", []byte("  \n\n "), "empty"},
		{"binary", []byte("PK\x03\x04\x00\x00abc"), "binary"},
		{"invalid utf-8", []byte("Caf\xe9 owner speaks"), "invalid UTF-8 at byte 3 "},
		{"utf-16, odd length", []byte("\xff\xfeO\x00s\x00l"), "odd number of bytes"},
		{"utf-16 over the limit, though its UTF-8 is not", append([]byte("\xff\xfe"), bytes.Repeat([]byte("w\x00"), 700)...), "larger than"},
		{"utf-16, unpaired surrogate", []byte("\xff\xfeO\x00\x00\xd8s\x00"), "unpaired surrogate at byte 4"},
		{"utf-16, surrogate last", []byte("\xfe\xff\x00O\xd8\x00"), "unpaired surrogate at byte 4"},
		{"too large", bytes.Repeat([]byte("word "), 300), "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loader.ParseText(tt.in, loader.Limits{MaxDocBytes: 1000})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
}

func TestReadDirectoryReportsBadDocuments(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a/good.txt":   "date 2024-01-02 Talks\n\nThe talks went well.",
		"b/empty.txt":  "",
		"c/docs.jsonl": "{\"id\":\"x1\",\"text\":\"One story.\"}\nnot json\n{\"title\":\"no text\"}\n{\"id\":7,\"body\":\"Reuters body.\",\"date\":\"26-FEB-1987 15:01:01.79\"}\n",
		"d/skip.csv":   "a,b",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var ok, bad []string
	err := loader.Read(context.Background(), []string{dir}, nil, loader.Limits{}, func(it loader.Item) error {
		rel, _ := filepath.Rel(dir, it.Origin)
		if it.Err != nil {
			bad = append(bad, rel)
		} else {
			ok = append(ok, rel+"="+it.Doc.ID+"@"+it.Doc.Date)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantOK := []string{"a/good.txt=" + okID(t, files["a/good.txt"]) + "@2024-01-02", "c/docs.jsonl:1=x1@", "c/docs.jsonl:4=7@1987-02-26"}
	wantBad := []string{"b/empty.txt", "c/docs.jsonl:2", "c/docs.jsonl:3"}
	if strings.Join(ok, " ") != strings.Join(wantOK, " ") {
		t.Errorf("got ok %v, want %v", ok, wantOK)
	}
	if strings.Join(bad, " ") != strings.Join(wantBad, " ") {
		t.Errorf("got bad %v, want %v", bad, wantBad)
	}
}

func okID(t *testing.T, s string) string {
	t.Helper()
	d, err := loader.ParseText([]byte(s), loader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return d.ID
}

func TestReadStdinJSONL(t *testing.T) {
	in := strings.NewReader("\n{\"text\":\"First.\"}\n{\"text\":\"Second.\"}\n")
	n := 0
	err := loader.Read(context.Background(), []string{"-"}, in, loader.Limits{}, func(it loader.Item) error {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Origin, it.Err)
		}
		n++
		return nil
	})
	if err != nil || n != 2 {
		t.Errorf("got %d documents, err %v; want 2, nil", n, err)
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-05-16", "2023-05-16"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{"27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM", "1987-03-27"},
		{"16 May 2023", "2023-05-16"},
		{"May 16, 2023", "2023-05-16"},
		{"2023-05-16T10:00:00Z", "2023-05-16"},
		{"yesterday", ""},
		{"2023", ""},
	}
	for _, tt := range tests {
		got, err := loader.NormalizeDate(tt.in)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("NormalizeDate(%q): got %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// readAll runs loader.Read and returns the items it passed on.
func readAll(t *testing.T, paths ...string) ([]loader.Item, error) {
	t.Helper()
	var items []loader.Item
	err := loader.Read(context.Background(), paths, nil, loader.Limits{}, func(it loader.Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

// TestReadSkipsNamedPipes puts a FIFO named like an article beside a real
// one. Reading a FIFO with no writer would block forever; it must be
// reported and skipped, named explicitly or found in a directory.
func TestReadSkipsNamedPipes(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "a.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	article := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(article, []byte("Talks in Oslo\n\nThe minister met the envoy in Oslo on Friday."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, paths := range [][]string{{dir}, {fifo, article}} {
		done := make(chan struct{})
		var items []loader.Item
		var err error
		go func() {
			defer close(done)
			items, err = readAll(t, paths...)
		}()
		select {
		case <-done:
		case <-time.After(time.Minute): // a hang, not a timing figure
			t.Fatalf("Read(%v) blocked on the FIFO", paths)
		}
		if err != nil {
			t.Fatalf("Read(%v): %v", paths, err)
		}
		if len(items) != 2 {
			t.Fatalf("Read(%v): %d items, want 2 (the FIFO reported, the article read)", paths, len(items))
		}
		if items[0].Origin != fifo || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "named pipe") {
			t.Errorf("first item = %q, %v; want the FIFO reported as a named pipe", items[0].Origin, items[0].Err)
		}
		if items[1].Origin != article || items[1].Err != nil || !strings.Contains(items[1].Doc.Text, "minister met") {
			t.Errorf("second item = %q, %v; want the article read", items[1].Origin, items[1].Err)
		}
	}
}

// TestReadSkipsDevices names a character device explicitly: it is reported,
// never read (reading /dev/zero would only stop at the size limit).
func TestReadSkipsDevices(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	items, err := readAll(t, "/dev/zero")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "device") {
		t.Fatalf("got %+v, want /dev/zero reported as a device", items)
	}
}

// TestReadContinuesPastUnreadableDirectory makes one subdirectory
// unreadable: it is reported and the files around it are still read.
func TestReadContinuesPastUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions do not bind root")
	}
	dir := t.TempDir()
	for _, name := range []string{"a/one.txt", "b/secret.txt", "c/two.txt"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Title "+name+"\n\nThe council met in Bergen."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	locked := filepath.Join(dir, "b")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	items, err := readAll(t, dir)
	if err != nil {
		t.Fatalf("Read: %v (one unreadable subdirectory must not abort the walk)", err)
	}
	var got []string
	for _, it := range items {
		rel, _ := filepath.Rel(dir, it.Origin)
		if it.Err != nil {
			rel += " (error)"
		}
		got = append(got, rel)
	}
	want := []string{"a/one.txt", "b (error)", "c/two.txt"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("items %v, want %v", got, want)
	}
}
