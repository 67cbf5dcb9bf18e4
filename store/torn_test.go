package store_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// A process killed after Badger creates a memtable or value-log file and
// before it sizes the file leaves a file of zero bytes. The store must open
// anyway, with everything written before.
func TestOpenAfterKillDuringLogCreation(t *testing.T) {
	for _, name := range []string{"00099.mem", "000099.vlog"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			db, err := store.Open(dir, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			mustIngest(t, db, docA(t), graph.Ingested)
			want := mustStats(t, db)
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			db = mustOpen(t, dir, store.Options{})
			sameStats(t, "after reopening", mustStats(t, db), want)
			mustIngest(t, db, docB(t), graph.Ingested)
		})
	}
}
