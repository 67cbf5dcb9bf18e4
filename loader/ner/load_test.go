package ner

import (
	"bytes"
	"testing"
	"time"
)

// TestDecodeTime checks that the embedded model decodes well within the
// half-second start-up budget (the bound is loose for busy machines).
func TestDecodeTime(t *testing.T) {
	t0 := time.Now()
	c, err := ReadClusters(bytes.NewReader(clusterFile))
	if err != nil {
		t.Fatalf("ReadClusters: %v", err)
	}
	if _, err := ReadModel(bytes.NewReader(modelFile), c); err != nil {
		t.Fatalf("ReadModel: %v", err)
	}
	if d := time.Since(t0); d > 2*time.Second {
		t.Errorf("decoding the embedded model took %v, want < 0.5 s", d)
	} else {
		t.Logf("decoding the embedded model took %v", d)
	}
}
