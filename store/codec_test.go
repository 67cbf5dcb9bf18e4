package store

import (
	"math"
	"reflect"
	"testing"

	"github.com/kgraph/kgraph/graph"
)

func sampleEntity() *entRec {
	r := &entRec{Merged: []uint64{7, 300}}
	r.add(&contrib{Type: graph.Person, Name: "Kofi Abara", Forms: []string{"Kofi Abara", "Abara"},
		Attrs:    []string{"title", "Minister", attrMatchedBy, "new"},
		Mentions: []graph.Mention{{Start: 3, End: 13, Text: "Kofi Abara", Sentence: 0}, {Start: 90, End: 95, Text: "Abara", Sentence: 2}}})
	r.Degree = 4
	return r
}

func TestRecordsRoundTrip(t *testing.T) {
	e := sampleEntity()
	got, err := decodeEntity(e.encode())
	if err != nil || !reflect.DeepEqual(got, e) {
		t.Errorf("entity: got %+v, %v, want %+v", got, err, e)
	}
	c := &contrib{Type: graph.Location, Name: "Oslo", Forms: []string{"Oslo"}, Attrs: []string{"kind", "city"},
		Mentions: []graph.Mention{{Start: 1, End: 5, Text: "Oslo", Sentence: 3}}}
	gc, err := decodeContrib(c.encode())
	if err != nil || !reflect.DeepEqual(gc, c) {
		t.Errorf("contribution: got %+v, %v, want %+v", gc, err, c)
	}
	r := &relRec{Count: 3, Docs: 2, Conf: 0.75, Attrs: []attr{{"title", "Chair", 2}}}
	gr, err := decodeRelation(r.encode())
	if err != nil || !reflect.DeepEqual(gr, r) {
		t.Errorf("relation: got %+v, %v, want %+v", gr, err, r)
	}
	ev := &evContrib{Conf: 0.5, Spans: [][2]int{{0, 40}, {41, 90}}, Attrs: []string{"predicate", "hired"}}
	gev, err := decodeEvContrib(ev.encode())
	if err != nil || !reflect.DeepEqual(gev, ev) {
		t.Errorf("evidence: got %+v, %v, want %+v", gev, err, ev)
	}
	s := statsRec{NextEntity: 9, NextDoc: 2, Documents: 2, Entities: 8, Mentions: 20}
	s.EntityTypes[1], s.RelationTypes[17] = 3, 1
	gs, err := decodeStats(s.encode())
	if err != nil || gs != s {
		t.Errorf("stats: got %+v, %v, want %+v", gs, err, s)
	}
}

// FuzzDecode checks that no stored value, however damaged, panics a
// decoder or makes it allocate without bound.
func FuzzDecode(f *testing.F) {
	f.Add(sampleEntity().encode())
	f.Add((&relRec{Count: 1, Attrs: []attr{{"a", "b", 1}}}).encode())
	f.Add((&evContrib{Spans: [][2]int{{1, 2}}}).encode())
	f.Add([]byte{1, 1, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		decodeEntity(b)
		decodeContrib(b)
		decodeRelation(b)
		decodeEvContrib(b)
		decodeDoc(b)
		decodeStats(b)
		decodeIDs(b)
	})
}

// TestEveryTypeHasACode guards the fixed type codes of keys.go against a
// vocabulary that grew without them.
func TestEveryTypeHasACode(t *testing.T) {
	for _, ti := range graph.EntityTypes {
		if entityCode[ti.Type] == 0 {
			t.Errorf("entity type %s has no key code", ti.Type)
		}
	}
	for _, ti := range graph.RelationTypes {
		if c := relationCode[ti.Type]; c == 0 || int(c) >= len(statsRec{}.RelationTypes) {
			t.Errorf("relation type %s has no usable key code (%d)", ti.Type, c)
		}
	}
	if len(entityCode) >= len(statsRec{}.EntityTypes) {
		t.Errorf("%d entity types do not fit the stats record", len(entityCode))
	}
}

func TestIDsRoundTrip(t *testing.T) {
	for _, n := range []uint64{0, 1, 35, 36, 1 << 40, math.MaxUint64} {
		if got := parseEntityID(entityID(n)); got != n {
			t.Errorf("entity %d: got %d back", n, got)
		}
	}
	for _, bad := range []string{"", "e", "x1", "e01", "e00", "e-1", "E1", "e1 ", "eZ", "e1a_", "e+1",
		entityID(math.MaxUint64) + "0"} {
		if got := parseEntityID(bad); got != 0 {
			t.Errorf("%q: got %d, want 0", bad, got)
		}
	}
	k := relKey{Src: 40, T: relationCode[graph.WorksFor], Dst: 7}
	if got, ok := parseRelationID(relationID(k)); !ok || got != k {
		t.Errorf("relation: got %v, %v, want %v", got, ok, k)
	}
	for _, bad := range []string{"", "e1:WORKS_FOR", "e1:LOVES:e2", "e1:WORKS_FOR:e0", "x:WORKS_FOR:e2"} {
		if _, ok := parseRelationID(bad); ok {
			t.Errorf("%q parsed as a relation id", bad)
		}
	}
}

func TestWithinDistance(t *testing.T) {
	tests := []struct {
		a, b string
		d    int
		want bool
	}{
		{"spotlight", "spotlght", 1, true},
		{"spotlight", "spotlite", 1, false},
		{"spotlight", "spotlite", 2, false},
		{"romanova", "romanvoa", 2, true},
		{"oslo", "osol", 1, false},
		{"oslo", "oslo", 0, true},
		{"abc", "abcdef", 2, false},
	}
	var rows [2][]int
	for _, tt := range tests {
		if got := withinDistance(tt.a, []byte(tt.b), tt.d, &rows); got != tt.want {
			t.Errorf("withinDistance(%q, %q, %d): got %v, want %v", tt.a, tt.b, tt.d, got, tt.want)
		}
	}
}
