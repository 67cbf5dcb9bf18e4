package ner

import (
	"bytes"
	"testing"
)

// TestDecodeEmbedded checks that the embedded clusters and model decode.
func TestDecodeEmbedded(t *testing.T) {
	c, err := ReadClusters(bytes.NewReader(clusterFile))
	if err != nil {
		t.Fatalf("ReadClusters: %v", err)
	}
	if _, err := ReadModel(bytes.NewReader(modelFile), c); err != nil {
		t.Fatalf("ReadModel: %v", err)
	}
}

// BenchmarkDecode measures decoding the embedded model, the start-up cost
// of every command that extracts (budget: well under half a second):
//
//	go test -run=^$ -bench=Decode ./loader/ner
func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		c, err := ReadClusters(bytes.NewReader(clusterFile))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ReadModel(bytes.NewReader(modelFile), c); err != nil {
			b.Fatal(err)
		}
	}
}
