package store

import (
	"bytes"
	"testing"
)

// FuzzRecordRoundTrip decodes arbitrary bytes as every stored record: no
// panic (FuzzDecode checks that too), and whatever decodes re-encodes to
// bytes that decode to the same record (compared by encoding, which also
// holds for a NaN confidence), so a record read and written back is never
// changed by the codec.
//
//	go test -run=^$ -fuzz=FuzzRecordRoundTrip -fuzztime=30s ./store
func FuzzRecordRoundTrip(f *testing.F) {
	f.Add(sampleEntity().encode())
	f.Add((&relRec{Count: 2, Docs: 1, Conf: 0.5, Attrs: []attr{{"title", "Chair", 1}}}).encode())
	f.Add((&evContrib{Conf: 0.25, Spans: [][2]int{{0, 9}}, Attrs: []string{"predicate", "met"}}).encode())
	f.Add((&statsRec{NextEntity: 3, Documents: 1}).encode())
	f.Add(encodeIDs([]uint64{1, 2, 300}))
	f.Fuzz(func(t *testing.T, b []byte) {
		check := func(what string, got, again []byte, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: a decoded record does not decode after encoding: %v", what, err)
			}
			if !bytes.Equal(got, again) {
				t.Fatalf("%s: round trip changed the record:\n%x\n%x", what, got, again)
			}
		}
		if r, err := decodeEntity(b); err == nil {
			again, err := decodeEntity(r.encode())
			check("entity", r.encode(), again.encode(), err)
		}
		if r, err := decodeContrib(b); err == nil {
			again, err := decodeContrib(r.encode())
			check("contribution", r.encode(), again.encode(), err)
		}
		if r, err := decodeRelation(b); err == nil {
			again, err := decodeRelation(r.encode())
			check("relation", r.encode(), again.encode(), err)
		}
		if r, err := decodeEvContrib(b); err == nil {
			again, err := decodeEvContrib(r.encode())
			check("evidence", r.encode(), again.encode(), err)
		}
		if r, err := decodeDoc(b); err == nil {
			again, err := decodeDoc(r.encode())
			check("document", r.encode(), again.encode(), err)
		}
		if r, err := decodeStats(b); err == nil {
			again, err := decodeStats(r.encode())
			check("stats", r.encode(), again.encode(), err)
		}
		if ids, err := decodeIDs(b); err == nil {
			again, err := decodeIDs(encodeIDs(ids))
			check("ids", encodeIDs(ids), encodeIDs(again), err)
		}
	})
}
