package store_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

func TestBackupRestore(t *testing.T) {
	ctx := context.Background()
	src := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, src, docA(t), graph.Ingested)
	mustIngest(t, src, docB(t), graph.Ingested)
	var buf bytes.Buffer
	if _, err := src.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	dst := mustOpen(t, t.TempDir(), store.Options{})
	if err := dst.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	sameStats(t, "restored", mustStats(t, dst), mustStats(t, src))
	d1, e1, r1 := exportAll(t, src)
	d2, e2, r2 := exportAll(t, dst)
	if !reflect.DeepEqual(d1, d2) || !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(r1, r2) {
		t.Error("the restored graph differs from the original")
	}
	// The restored store keeps resolving and counting.
	mustIngest(t, dst, docB(t), graph.Unchanged)
	res := mustIngest(t, dst, docC(t), graph.Ingested)
	if res.NewEntities != 0 {
		t.Errorf("got %d new entities, want 0 (Oslo is known, the bare Smith ambiguous)", res.NewEntities)
	}
	if got := mustByName(t, dst, "Oslo", graph.Location); got.MentionCount != 2 {
		t.Errorf("Oslo: got %d mentions, want 2", got.MentionCount)
	}
	if err := dst.Restore(ctx, bytes.NewReader(buf.Bytes())); graph.ErrorCode(err) != graph.ECONFLICT {
		t.Errorf("restore into a full store: got %v, want %s", err, graph.ECONFLICT)
	}
}
