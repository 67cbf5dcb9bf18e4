package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kgraph/graph"
)

// TestCollectGarbage deletes most of the documents of a store whose texts
// fill several value-log files and checks that CollectGarbage rewrites
// those files without the deleted texts, and that the texts still stored
// read back whole.
func TestCollectGarbage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := Options{ValueLogFileSize: 1 << 20, GCInterval: -1}
	db, err := Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	const docs, kept = 900, 30
	text := func(i int) string {
		name := fmt.Sprintf("Person%d Smith", i)
		return name + " spoke. " + strings.Repeat(fmt.Sprintf("Filler sentence %d of the text. ", i), 120)
	}
	for i := range docs {
		name := fmt.Sprintf("Person%d Smith", i)
		x := &graph.Extraction{Document: graph.Document{ID: fmt.Sprintf("d%d", i), Text: text(i)},
			Entities: []graph.Entity{{ID: "p", Name: name, Type: graph.Person,
				Mentions: []graph.Mention{{Start: 0, End: len(name), Text: name}}}}}
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	for i := kept; i < docs; i++ {
		if err := db.DeleteDocument(ctx, fmt.Sprintf("d%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	// Badger learns what is garbage from compactions: flush the memtables
	// and compact level 0 (Badger does both on close when asked), then
	// compact the tree into one level.
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	bdb, err := badger.Open(badgerOptions(dir, opts).WithCompactL0OnClose(true))
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(dir, opts); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.bdb.Flatten(1); err != nil {
		t.Fatal(err)
	}
	before := vlogFiles(t, dir)
	if before < 3 {
		t.Fatalf("the texts fill %d value-log files, want at least 3", before)
	}
	n, err := db.CollectGarbage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	after := vlogFiles(t, dir)
	t.Logf("%d value-log files rewritten; %d files before, %d after", n, before, after)
	if n == 0 || after >= before {
		t.Errorf("CollectGarbage rewrote %d files; value-log files %d -> %d, want fewer", n, before, after)
	}
	for i := range kept {
		d, err := db.Document(ctx, fmt.Sprintf("d%d", i))
		if err != nil || d == nil || d.Text != text(i) {
			t.Fatalf("document d%d after the collection: text intact %v, err %v", i, d != nil && d.Text == text(i), err)
		}
	}
	if got, err := db.Document(ctx, fmt.Sprintf("d%d", kept)); err == nil && got != nil {
		t.Errorf("deleted document d%d is back", kept)
	}
}

func vlogFiles(t *testing.T, dir string) int {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.vlog"))
	if err != nil {
		t.Fatal(err)
	}
	return len(m)
}
