package store

import "fmt"

// Sync forces every commit made so far to stable storage (an fsync of
// Badger's write-ahead log and value log). Commits are not synced one by
// one (see badgerOptions): a process crash loses nothing committed, since
// the operating system still holds the written pages, but a power loss or
// an operating-system crash can lose the last seconds of commits unless
// Sync ran after them. Callers that acknowledge writes to others and
// promise durability call Sync before acknowledging; concurrent callers
// should share one Sync (group commit, as kgraph serve --sync does).
func (db *DB) Sync() error {
	if err := db.acquire(); err != nil {
		return err
	}
	defer db.release()
	if err := db.bdb.Sync(); err != nil {
		return fmt.Errorf("store: sync: %w", err)
	}
	return nil
}
