package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Document texts longer than the value threshold (options.go) live in
// Badger's value log, not in the LSM tree. When a document is deleted or
// replaced, its old text stays in its value-log file until the file is
// rewritten without it. CollectGarbage does that for the files that are
// mostly garbage; an open DB runs it every Options.GCInterval.

// DefaultGCInterval is how often an open DB collects value-log garbage.
const DefaultGCInterval = 10 * time.Minute

// gcDiscardRatio is the share of a value-log file that must be garbage
// before it is rewritten: at 0.5 a rewrite copies at most as many live
// bytes as it frees.
const gcDiscardRatio = 0.5

// maxGCRewrites bounds the files rewritten by one CollectGarbage call, so
// that one call never holds the disk busy for long.
const maxGCRewrites = 16

// CollectGarbage rewrites the value-log files whose space is mostly taken
// by values no key points to any more (texts of deleted or replaced
// documents), up to maxGCRewrites of them, and returns how many it
// rewrote. Badger learns what is garbage when compaction drops the keys
// that pointed to it, so space freed by a recent delete may only be
// collected by a later call. It is safe to call while the store is read
// and written.
func (db *DB) CollectGarbage(ctx context.Context) (int, error) {
	if err := db.acquire(); err != nil {
		return 0, err
	}
	defer db.release()
	n := 0
	for n < maxGCRewrites {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		err := db.bdb.RunValueLogGC(gcDiscardRatio)
		if errors.Is(err, badger.ErrNoRewrite) || errors.Is(err, badger.ErrRejected) {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("store: value-log garbage collection: %w", err)
		}
		n++
	}
	return n, nil
}

// collectEvery runs CollectGarbage every interval until ctx is cancelled;
// it signals done when it returns. Cancelling ctx also ends a collection
// under way after the file it is rewriting, so that Close waits for one
// rewrite at most. Errors are logged, never fatal: the garbage only costs
// disk space, and the next run tries again.
func (db *DB) collectEvery(ctx context.Context, interval time.Duration, log Logger, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		n, err := db.CollectGarbage(ctx)
		switch {
		case errors.Is(err, ErrClosed), errors.Is(err, context.Canceled):
			return
		case err != nil && log != nil:
			log.Warningf("%v", err)
		case n > 0 && log != nil:
			log.Infof("value log: %d files rewritten without garbage", n)
		}
	}
}
