package store_test

import (
	"context"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// snapshotCounts counts what a snapshot streams.
func snapshotCounts(t *testing.T, s *store.Snapshot, evidence bool) (docs, ents, rels, mentions, ev int) {
	t.Helper()
	if err := s.Documents(false, func(*graph.Document) error { docs++; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.Entities(evidence, func(e *graph.Entity) error { ents++; mentions += len(e.Mentions); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.Relations(evidence, func(r *graph.Relation) error { rels++; ev += len(r.Evidence); return nil }); err != nil {
		t.Fatal(err)
	}
	return
}

// TestSnapshotIsOneVersion: the passes of one snapshot see the graph as it
// was when the snapshot was taken, even when documents are ingested
// between and during them; a later snapshot sees them, with a higher
// version.
func TestSnapshotIsOneVersion(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	before := mustStats(t, db)
	v0 := db.Version()
	var inside uint64
	err := db.Snapshot(ctx, func(s *store.Snapshot) error {
		inside = s.Version()
		mustIngest(t, db, docB(t), graph.Ingested)
		d, e, r, m, ev := snapshotCounts(t, s, true)
		// A write in the middle of the entity pass must not show either.
		n := 0
		err := s.Entities(false, func(*graph.Entity) error {
			if n++; n == 1 {
				mustIngest(t, db, docC(t), graph.Ingested)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if d != before.Documents || e != before.Entities || r != before.Relations || n != before.Entities {
			t.Errorf("snapshot saw %d documents, %d (%d) entities, %d relations; the store had %v", d, e, n, r, before)
		}
		if m != before.Mentions || ev != before.Evidence {
			t.Errorf("snapshot with evidence: %d mentions, %d evidence; stats %d, %d", m, ev, before.Mentions, before.Evidence)
		}
		st, err := s.Stats()
		if err != nil || st.Entities != before.Entities || st.Relations != before.Relations {
			t.Errorf("snapshot stats %v, %v; want the counts of %v", st, err, before)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	after := mustStats(t, db)
	if after.Documents != before.Documents+2 {
		t.Fatalf("documents %d -> %d, want +2", before.Documents, after.Documents)
	}
	err = db.Snapshot(ctx, func(s *store.Snapshot) error {
		d, e, r, m, ev := snapshotCounts(t, s, false)
		if d != after.Documents || e != after.Entities || r != after.Relations || m != 0 || ev != 0 {
			t.Errorf("later snapshot: %d, %d, %d (mentions %d, evidence %d); stats %v and no evidence asked", d, e, r, m, ev, after)
		}
		if s.Version() <= inside {
			t.Errorf("later snapshot version %d, first %d: want it higher", s.Version(), inside)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if db.Version() <= v0 {
		t.Errorf("Version %d after writes, %d before: want it to grow", db.Version(), v0)
	}
	stop := context.Canceled
	if err := db.Snapshot(ctx, func(*store.Snapshot) error { return stop }); err != stop {
		t.Errorf("Snapshot returned %v, want fn's error unwrapped", err)
	}
}
