package store

import (
	"context"
	"fmt"
	"io"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kgraph/graph"
)

// Backup writes a full copy of the store to w in Badger's backup format,
// from a consistent snapshot; Restore reads it back. It returns the
// version the backup reaches.
func (db *DB) Backup(ctx context.Context, w io.Writer) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := db.acquire(); err != nil {
		return 0, err
	}
	defer db.release()
	db.rmu.RLock() // not between two chunks of a split commit
	defer db.rmu.RUnlock()
	v, err := db.bdb.Backup(w, 0)
	if err != nil {
		return 0, fmt.Errorf("store: backup: %w", err)
	}
	return v, nil
}

// Restore loads a backup written by Backup into an empty store. ECONFLICT
// when the store already holds documents, because mixing two stores' keys
// would break their counters.
func (db *DB) Restore(ctx context.Context, r io.Reader) error {
	if err := db.acquire(); err != nil {
		return err
	}
	defer db.release()
	db.wmu.Lock()
	defer db.wmu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	st, err := db.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Documents > 0 || st.Entities > 0 {
		return graph.Errorf(graph.ECONFLICT, "restore needs an empty store; this one holds %d documents", st.Documents)
	}
	db.rmu.Lock()
	defer db.rmu.Unlock()
	db.cache.update(nil, errRestored)
	db.reads.begin()
	defer db.reads.end(nil)
	// The backup says its own format (none for a backup of format 1):
	// the empty store's version key must not stand for it.
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Delete(formatKey) }); err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	if err := db.bdb.Load(r, 64); err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	if err := db.upgrade(); err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	db.cache.update(nil, errRestored)
	db.vocab.load(db.bdb)
	return nil
}

// errRestored empties the writers' cache after a restore.
var errRestored = fmt.Errorf("store: restored")
