package syntax

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// checkTree fails unless p is a well-formed tree over n tokens: one item
// per token, heads in range, exactly one root, no cycles, known tags.
func checkTree(t *testing.T, words []string, p Parse) {
	t.Helper()
	n := len(words)
	if len(p.UPOS) != n || len(p.Lemma) != n || len(p.Head) != n || len(p.Deprel) != n {
		t.Fatalf("%q: lengths %d %d %d %d, want %d", words, len(p.UPOS), len(p.Lemma), len(p.Head), len(p.Deprel), n)
	}
	roots := 0
	for i, h := range p.Head {
		if h < 0 || h > n || h == i+1 {
			t.Fatalf("%q: head %d of token %d", words, h, i+1)
		}
		if h == 0 {
			roots++
			if p.Deprel[i] != "root" {
				t.Errorf("%q: root token %d has relation %q", words, i+1, p.Deprel[i])
			}
		} else if p.Deprel[i] == "root" {
			t.Errorf("%q: token %d is a root dependent of %d", words, i+1, h)
		}
		if tagIndex(p.UPOS[i]) < 0 {
			t.Errorf("%q: tag %q", words, p.UPOS[i])
		}
		// walk up: must reach the root within n steps
		j, steps := i+1, 0
		for j != 0 {
			j = p.Head[j-1]
			if steps++; steps > n {
				t.Fatalf("%q: cycle through token %d: %v", words, i+1, p.Head)
			}
		}
	}
	if roots != 1 {
		t.Errorf("%q: %d roots: %v", words, roots, p.Head)
	}
}

func TestParseWellFormed(t *testing.T) {
	m := loadModel(t)
	for _, s := range []string{
		"The minister visited Paris on Monday .",
		"Valdoria 's envoy did n't meet U.S. officials on May 16-18 .",
		"Hello",
		", , ,",
		"He said that the company , which was founded in 1998 , would sell its 15-year-old plant to a Norwegian rival .",
		"( Reuters ) - Shares of Acme Corp. rose 3.5 % to $ 1,000.5 , officials said ; details : https://www.valdoria.gov/news",
		"\" We will not give up , \" she told reporters in Kassym-Jomart .",
		strings.Repeat("very ", 300) + "long",
	} {
		words := strings.Fields(s)
		checkTree(t, words, m.Parse(words))
	}
	// odd tokens the tokenizer does not make still get a tree
	odd := []string{"", "\xff\xfe", "-LRB-", "’s", "--", "…", "ABC-123-xyz", "-", "'"}
	checkTree(t, odd, m.Parse(odd))
	if p := m.Parse(nil); len(p.Head) != 0 {
		t.Errorf("empty sentence: %+v", p)
	}
}

// TestAttachments checks a few attachments that any usable parser gets.
func TestAttachments(t *testing.T) {
	m := loadModel(t)
	type arc struct {
		dep, head int
		rel       string
	}
	for _, c := range []struct {
		s    string
		tags string
		arcs []arc
	}{
		{"The company sold its shares to a bank .", "DET NOUN VERB PRON NOUN ADP DET NOUN PUNCT",
			[]arc{{1, 2, "det"}, {2, 3, "nsubj"}, {3, 0, "root"}, {4, 5, "nmod"}, {5, 3, "obj"}, {6, 8, "case"}, {9, 3, "punct"}}},
		{"John Smith , the chief executive of Acme , resigned on Monday .", "",
			[]arc{{1, 10, "nsubj"}, {2, 1, "flat"}, {6, 1, "appos"}, {8, 6, "nmod"}, {10, 0, "root"}, {12, 10, "obl"}}},
		{"She was arrested in London .", "PRON AUX VERB ADP PROPN PUNCT",
			[]arc{{1, 3, "nsubj"}, {2, 3, "aux"}, {5, 3, "obl"}}},
	} {
		words := strings.Fields(c.s)
		p := m.Parse(words)
		checkTree(t, words, p)
		if c.tags != "" {
			if got := strings.Join(p.UPOS, " "); got != c.tags {
				t.Errorf("%q: tags %s, want %s", c.s, got, c.tags)
			}
		}
		for _, a := range c.arcs {
			rel, _, _ := strings.Cut(p.Deprel[a.dep-1], ":")
			if p.Head[a.dep-1] != a.head || rel != a.rel {
				t.Errorf("%q: %s <-%s- %d, want <-%s- %d", c.s, words[a.dep-1], p.Deprel[a.dep-1], p.Head[a.dep-1], a.rel, a.head)
			}
		}
	}
}

func TestLemmas(t *testing.T) {
	m := loadModel(t)
	words := strings.Fields("The companies were buying shares and said they had gone .")
	p := m.Parse(words)
	want := map[int]string{1: "company", 2: "be", 3: "buy", 4: "share", 6: "say", 9: "go"}
	for i, l := range want {
		if p.Lemma[i] != l {
			t.Errorf("lemma of %q (%s) = %q, want %q", words[i], p.UPOS[i], p.Lemma[i], l)
		}
	}
}

func TestDecodeCorrupt(t *testing.T) {
	good := modelFile
	if len(good) == 0 {
		t.Skip("no embedded model")
	}
	raw, err := io.ReadAll(mustGunzip(t, good))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"empty":        nil,
		"not gzip":     []byte("hello, world"),
		"bad magic":    gzipped(append([]byte("KGNER\x01"), raw[6:]...)),
		"truncated gz": good[:len(good)/2],
		"truncated":    gzipped(raw[:len(raw)/3]),
		"trailing":     gzipped(append(append([]byte{}, raw...), 1, 2, 3)),
		"bad checksum": flipLast(good),
		"version 5":    gzipped(withVersion(raw, 5)),
		"version 4":    gzipped(withVersion(raw, 4)), // seven tables where five are declared: trailing data
		"version 7":    gzipped(withVersion(raw, 7)),
	}
	// a byte flipped at several places inside the content
	for _, at := range []int{7, 40, len(raw) / 2, len(raw) - 5} {
		b := append([]byte{}, raw...)
		b[at] ^= 0xff
		cases["flipped byte "+string(rune('a'+len(cases)))] = gzipped(b)
	}
	for name, b := range cases {
		m, err := decodeSafely(b)
		if err == nil && !strings.HasPrefix(name, "flipped") {
			t.Errorf("%s: Decode returned no error", name)
		}
		if err == nil && m == nil {
			t.Errorf("%s: nil model without error", name)
		}
		if err != nil && m != nil {
			t.Errorf("%s: model and error", name)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "syntax: ") {
			t.Errorf("%s: error %q lacks the package prefix", name, err)
		}
	}
	if _, err := Decode(bytes.NewReader(good)); err != nil {
		t.Fatalf("embedded model: %v", err)
	}
}

// withVersion returns a copy of the decompressed model raw with another
// version byte.
func withVersion(raw []byte, v byte) []byte {
	b := append([]byte{}, raw...)
	b[len(modelMagic)] = v
	return b
}

// decodeSafely turns a panic into a test failure value.
func decodeSafely(b []byte) (m *Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, errors.New("panic")
			panic(r)
		}
	}()
	return Decode(bytes.NewReader(b))
}

// TestConcurrentParse checks that goroutines sharing one Model get the
// parses a single caller gets.
func TestConcurrentParse(t *testing.T) {
	m := loadModel(t)
	sents := [][]string{
		strings.Fields("The board appointed Anna Berg as chief executive on Tuesday ."),
		strings.Fields("Shares fell 3 % after the company , based in Oslo , cut its forecast ."),
		strings.Fields("He did n't say whether the talks would resume ."),
	}
	want := make([]Parse, len(sents))
	for i, s := range sents {
		want[i] = m.Parse(s)
	}
	errs := make(chan string, 4*50)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			var p Parse
			for k := 0; k < 50; k++ {
				i := (g + k) % len(sents)
				m.ParseInto(&p, sents[i])
				for j := range sents[i] {
					if p.Head[j] != want[i].Head[j] || p.Deprel[j] != want[i].Deprel[j] || p.UPOS[j] != want[i].UPOS[j] {
						errs <- strings.Join(sents[i], " ")
						break
					}
				}
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Errorf("concurrent parse differs: %s", e)
	}
}
