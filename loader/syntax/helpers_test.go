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
