package relation

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
)

// TestDecodeRefusesBadFiles: a model file of another format version, of
// other classes, or with fields of the wrong length or an index out of
// range is an error of Decode that says what is wrong.
func TestDecodeRefusesBadFiles(t *testing.T) {
	good := func() modelFile {
		n := len(Classes)
		return modelFile{Version: modelVersion, Bits: 4, Temperature: 1, Classes: Classes,
			Cuts: make([]float32, n), GraphCuts: make([]float32, n), Deltas: []uint32{3}, Values: []float32{0.5}}
	}
	for want, spoil := range map[string]func(*modelFile){
		"format":       func(f *modelFile) { f.Version = 3 },
		"too large":    func(f *modelFile) { f.Bits = 30 },
		"retrain":      func(f *modelFile) { f.Classes = append([]graph.RelationType{}, Classes[:len(Classes)-1]...) },
		"wrong length": func(f *modelFile) { f.Values = nil },
		"out of range": func(f *modelFile) { f.Deltas = []uint32{16} },
	} {
		f := good()
		spoil(&f)
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		if err := gob.NewEncoder(zw).Encode(&f); err != nil {
			t.Fatal(err)
		}
		zw.Close()
		if _, err := Decode(&buf); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Decode: error %v, want one saying %q", err, want)
		}
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	f := good()
	gob.NewEncoder(zw).Encode(&f)
	zw.Close()
	if m, err := Decode(&buf); err != nil || m.Weights[3] != 0.5 {
		t.Fatalf("Decode of a good file: %v", err)
	}
}
