package syntax

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

func mustGunzip(t *testing.T, b []byte) io.Reader {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// flipLast corrupts the gzip trailer (CRC-32).
func flipLast(b []byte) []byte {
	c := append([]byte{}, b...)
	c[len(c)-6] ^= 0xff
	return c
}

// tagWords returns the atoms of words and the tags the model's first
// tagging pass gives them.
func tagWords(m *Model, words []string, keys []uint64, scores []int32) ([]atoms, []int8, []uint64) {
	at := make([]atoms, len(words))
	for i, w := range words {
		m.atomsOf(&at[i], w)
	}
	tags := make([]int8, len(words))
	keys = tagSentence(m.tags.score, at, tags, keys, scores)
	return at, tags, keys
}

// roundTrip writes m, decodes the file and checks that writing the decoded
// model gives the same bytes; it returns the decoded model.
func roundTrip(t *testing.T, m *Model) *Model {
	t.Helper()
	b := modelBytes(t, m)
	m2, err := Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, modelBytes(t, m2)) {
		t.Fatal("decoding and writing again changes the model file")
	}
	return m2
}

// modelBytes returns m in the model file format.
func modelBytes(t *testing.T, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
