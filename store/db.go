package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// DB is a knowledge graph stored in Badger. It is safe for concurrent use:
// writers are serialised, readers run in parallel with them and always see
// whole documents.
type DB struct {
	// reader carries the graph.Reader methods; on a DB each call takes
	// its own snapshot (see View for one snapshot shared by many calls).
	reader

	bdb *badger.DB
	dir string

	// wmu serialises writers: one document, deletion or merge at a time.
	wmu sync.Mutex
	// rmu is taken shared by every reader while it takes its snapshot, and
	// exclusively by a write that has to be committed in several Badger
	// transactions, so that no snapshot holds half of it.
	rmu sync.RWMutex

	// vocab proposes fuzzy candidates for search (vocab.go).
	vocab *vocabIndex

	// cache holds recently read hot keys for writers only; it is guarded
	// by wmu.
	cache writeCache
	// reads holds decoded records for the readers of views; every commit
	// goes through its begin and end (readcache.go).
	reads *readCache

	// life counts the calls in progress so that Close waits for them
	// and later calls fail with ErrClosed instead of reaching a closed
	// Badger.
	life struct {
		sync.Mutex
		active int
		closed bool
		idle   sync.Cond
	}

	// gcStop ends the value-log collector of gc.go, cancelling a
	// collection under way; gcDone is closed when it has ended (both nil
	// when Options.GCInterval is negative).
	gcStop context.CancelFunc
	gcDone chan struct{}

	// splitHook, set only by tests, runs after each chunk of a split
	// commit; an error from it stops the commit as a crash would.
	splitHook func(chunk int) error
}

// Compile-time checks that DB implements the graph interfaces.
var (
	_ graph.Reader   = (*DB)(nil)
	_ graph.Writer   = (*DB)(nil)
	_ graph.Exporter = (*DB)(nil)
)

// Open opens or creates the store in dir. A write that a crash interrupted
// halfway through a split commit is rolled back before Open returns, and
// a log file the crash left unsized is removed (removeTornLogs).
func Open(dir string, opts Options) (*DB, error) {
	if err := removeTornLogs(dir); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	bdb, err := badger.Open(badgerOptions(dir, opts))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	rc := opts.ReadCacheBytes
	if rc == 0 {
		rc = DefaultReadCacheBytes
	}
	db := &DB{bdb: bdb, dir: dir, vocab: newVocabIndex(), reads: newReadCache(rc)}
	db.reader.db = db
	db.life.idle.L = &db.life.Mutex
	if err := db.recover(); err != nil {
		bdb.Close()
		return nil, fmt.Errorf("store: recover %s: %w", dir, err)
	}
	if err := db.upgrade(); err != nil {
		bdb.Close()
		return nil, fmt.Errorf("store: %s: %w", dir, err)
	}
	db.vocab.load(bdb)
	if every := opts.GCInterval; every >= 0 {
		if every == 0 {
			every = DefaultGCInterval
		}
		var ctx context.Context
		ctx, db.gcStop = context.WithCancel(context.Background())
		db.gcDone = make(chan struct{})
		go db.collectEvery(ctx, every, opts.Logger, db.gcDone)
	}
	return db, nil
}

// ErrClosed is returned by every method called after Close.
var ErrClosed = errors.New("store: closed")

// acquire registers a call in progress; release ends it.
func (db *DB) acquire() error {
	db.life.Lock()
	defer db.life.Unlock()
	if db.life.closed {
		return ErrClosed
	}
	db.life.active++
	return nil
}

func (db *DB) release() {
	db.life.Lock()
	defer db.life.Unlock()
	if db.life.active--; db.life.active == 0 {
		db.life.idle.Broadcast()
	}
}

// Close waits for the calls in progress, flushes everything to disk and
// closes the store. Calls after Close return ErrClosed.
func (db *DB) Close() error {
	db.life.Lock()
	if db.life.closed {
		db.life.Unlock()
		return ErrClosed
	}
	db.life.closed = true
	if db.gcStop != nil {
		db.gcStop()
	}
	for db.life.active > 0 {
		db.life.idle.Wait()
	}
	db.life.Unlock()
	if db.gcDone != nil {
		<-db.gcDone
	}
	db.wmu.Lock()
	defer db.wmu.Unlock()
	serr := db.bdb.Sync()
	cerr := db.bdb.Close()
	if serr != nil {
		return fmt.Errorf("store: sync: %w", serr)
	}
	if cerr != nil {
		return fmt.Errorf("store: close: %w", cerr)
	}
	return nil
}

// view runs fn in a read-only transaction. The snapshot is taken under the
// read lock, so it never falls between two chunks of a split commit; the
// lock is released before fn runs, so long reads (exports) never hold up
// writers and fn may call back into the DB.
func (db *DB) view(fn func(txn *badger.Txn) error) error {
	if err := db.acquire(); err != nil {
		return err
	}
	defer db.release()
	db.rmu.RLock()
	txn := db.bdb.NewTransaction(false)
	db.rmu.RUnlock()
	defer txn.Discard()
	return fn(txn)
}

// Stats returns the whole-store counts.
func (db *reader) Stats(ctx context.Context) (graph.Stats, error) {
	var s statsRec
	err := db.view(func(txn *badger.Txn) error {
		v, ok, err := getValue(txn, statsKey)
		if err == nil && ok {
			s, err = decodeStats(v)
		}
		return err
	})
	if err != nil {
		return graph.Stats{}, internal("stats", err)
	}
	out := s.stats()
	out.StoreBytes = dirSize(db.db.dir)
	return out, nil
}

// stats turns the stored counts into graph.Stats (StoreBytes left zero).
func (s statsRec) stats() graph.Stats {
	out := graph.Stats{
		Documents:     s.Documents,
		Entities:      s.Entities,
		Relations:     s.Relations,
		Mentions:      s.Mentions,
		Evidence:      s.Evidence,
		EntityTypes:   map[graph.EntityType]int{},
		RelationTypes: map[graph.RelationType]int{},
	}
	for code, n := range s.EntityTypes {
		if n != 0 {
			out.EntityTypes[entityType[byte(code)]] = n
		}
	}
	for code, n := range s.RelationTypes {
		if n != 0 {
			out.RelationTypes[relationType[byte(code)]] = n
		}
	}
	return out
}

// dirSize sums the disk space of the files in dir. Badger's own Size is
// refreshed only once a minute, which would report 0 for a new store.
func dirSize(dir string) int64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			n += fileBytes(info)
		}
	}
	return n
}

// getValue reads one key in txn; ok is false when it is absent.
func getValue(txn *badger.Txn, key []byte) ([]byte, bool, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	return v, err == nil, err
}

// internal wraps an unexpected error; graph.ErrorMessage keeps its details
// away from clients while errors.Unwrap keeps them for the logs.
func internal(what string, err error) error {
	var ge *graph.Error
	if errors.As(err, &ge) {
		return err
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

// commit writes everything w collected. It tries one transaction; when
// Badger answers that it is too big, it falls back to commitSplit.
func (db *DB) commit(w *wtx) error {
	if err := w.flush(); err != nil {
		return err
	}
	keys := make([]string, 0, len(w.ops))
	for k := range w.ops {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	db.reads.begin()
	written := w.ops
	defer func() { db.reads.end(written) }()
	txn := db.bdb.NewTransaction(true)
	for _, k := range keys {
		if err := apply(txn, k, w.ops[k]); err != nil {
			txn.Discard()
			if errors.Is(err, badger.ErrTxnTooBig) {
				// A split commit may also roll back an earlier one, whose
				// keys are not in w.ops: the whole read cache goes.
				written = nil
				err = db.commitSplit(w, keys)
				db.cache.update(w.ops, err)
				return err
			}
			db.cache.update(w.ops, err)
			return err
		}
	}
	err := txn.Commit()
	db.cache.update(w.ops, err)
	return err
}

func apply(txn *badger.Txn, k string, o op) error {
	if o.del {
		return txn.Delete([]byte(k))
	}
	return txn.Set([]byte(k), o.val)
}

// journalDone is the journal key that marks a split commit as complete:
// once it is written the journal is only cleaned up, never rolled back.
var journalDone = journalKey(^uint64(0))

// commitSplit writes a change too big for one Badger transaction in chunks.
// Readers are shut out (rmu) until the last chunk is in, so none sees half
// a document. Each chunk's transaction also writes a journal entry with the
// before-image of every key it changes; if the process dies before the
// done marker is written, Open (recover) restores the before-images.
func (db *DB) commitSplit(w *wtx, keys []string) error {
	db.rmu.Lock()
	defer db.rmu.Unlock()
	// A journal left by an earlier split whose cleanup failed must go
	// before this one starts, or its done marker would cover this one.
	if err := db.recover(); err != nil {
		return err
	}
	maxSize, maxCount := db.bdb.MaxBatchSize()/4, db.bdb.MaxBatchCount()/4
	seq := uint64(0)
	for i := 0; i < len(keys); {
		j, size := i, int64(0)
		var journal enc
		for j < len(keys) && (j == i || (size < maxSize && int64(j-i+2) < maxCount)) {
			k := keys[j]
			before, had, err := getValue(w.rd, []byte(k))
			if err != nil {
				return db.abortSplit(err)
			}
			journal.str(k)
			journal.bool(had)
			journal.str(string(before))
			size += int64(2*len(k)+len(w.ops[k].val)+len(before)) + 64
			j++
		}
		seq++
		txn := db.bdb.NewTransaction(true)
		err := txn.Set(journalKey(seq), journal.b)
		for _, k := range keys[i:j] {
			if err != nil {
				break
			}
			err = apply(txn, k, w.ops[k])
		}
		if err == nil {
			err = txn.Commit()
		} else {
			txn.Discard()
		}
		if errors.Is(err, badger.ErrTxnTooBig) && j-i > 1 {
			seq--
			maxSize, maxCount = maxSize/2, maxCount/2
			continue
		}
		if err != nil {
			return db.abortSplit(err)
		}
		if db.splitHook != nil {
			if err := db.splitHook(int(seq)); err != nil {
				return err // as if the process had died here: recover cleans up
			}
		}
		i = j
	}
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Set(journalDone, nil) }); err != nil {
		return db.abortSplit(err)
	}
	// The write is complete; a journal that cannot be cleared now is
	// cleared by the next split commit or the next Open.
	_ = db.clearJournal()
	return nil
}

// abortSplit rolls back the chunks already written and returns err.
func (db *DB) abortSplit(err error) error {
	if rerr := db.rollback(); rerr != nil {
		return fmt.Errorf("%w (and rollback failed: %v)", err, rerr)
	}
	return err
}

// recover finishes or rolls back a split commit that a crash interrupted.
func (db *DB) recover() error {
	done := false
	err := db.bdb.View(func(txn *badger.Txn) error {
		_, ok, err := getValue(txn, journalDone)
		done = ok
		return err
	})
	if err != nil {
		return err
	}
	if done {
		return db.clearJournal()
	}
	return db.rollback()
}

// rollback restores the before-images of every journal entry, newest
// first, each together with the removal of its entry, so that a crash
// during rollback leaves a journal that can still be rolled back.
func (db *DB) rollback() error {
	var seqs [][]byte
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindJournal}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			seqs = append(seqs, it.Item().KeyCopy(nil))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := len(seqs) - 1; i >= 0; i-- {
		err := db.bdb.Update(func(txn *badger.Txn) error {
			v, ok, err := getValue(txn, seqs[i])
			if err != nil || !ok {
				return err
			}
			d := dec{b: v}
			for len(d.b) > 0 && d.err == nil {
				k, had, before := d.str(), d.bool(), d.str()
				if d.err != nil {
					break
				}
				if had {
					err = txn.Set([]byte(k), []byte(before))
				} else {
					err = txn.Delete([]byte(k))
				}
				if err != nil {
					return err
				}
			}
			if d.err != nil {
				return d.err
			}
			return txn.Delete(seqs[i])
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// clearJournal deletes the entries of a completed split commit, the done
// marker last.
func (db *DB) clearJournal() error {
	var keys [][]byte
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindJournal}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if k := it.Item().KeyCopy(nil); string(k) != string(journalDone) {
				keys = append(keys, k)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Delete(k) }); err != nil {
			return err
		}
	}
	return db.bdb.Update(func(txn *badger.Txn) error { return txn.Delete(journalDone) })
}
