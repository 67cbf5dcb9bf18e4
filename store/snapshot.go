package store

import (
	"context"
	"encoding/binary"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// Snapshot is one consistent view of the whole store for streaming reads:
// every method of one Snapshot reads the same Badger read transaction, so
// an export made of several passes (nodes, then edges) sees one version of
// the graph even while documents are being ingested. Items are decoded one
// at a time and handed to the callback, never collected, so memory stays
// flat whatever the size of the store: what is held besides the current
// item is the iterator's prefetch window, the evidence text cache (bounded
// by snapshotTextCacheBytes) and, when mentions are asked for, a map from internal
// document numbers to document IDs.
//
// A Snapshot is valid only inside the function given to DB.Snapshot and
// is not safe for concurrent use.
type Snapshot struct {
	ctx     context.Context
	txn     *badger.Txn
	version uint64
	docIDs  map[uint64]string
	texts   *textCache
}

// snapshotTextCacheBytes bounds the document texts a snapshot keeps for
// cutting evidence sentences: relations come in key order, not document
// order, so a large cache buys few hits and costs its size in memory (and
// twice that in garbage) for the whole export.
const snapshotTextCacheBytes = 4 << 20

// Snapshot calls fn with a consistent view of the store. The view is taken
// under the same lock as every reader's (so it never falls between the
// chunks of a split commit) but held without blocking writers. Errors that
// fn returns come back unwrapped.
func (db *DB) Snapshot(ctx context.Context, fn func(*Snapshot) error) error {
	return db.export(func(txn *badger.Txn) error {
		s := &Snapshot{ctx: ctx, txn: txn, version: txn.ReadTs(), docIDs: map[uint64]string{}, texts: newTextCacheSize(txn, snapshotTextCacheBytes)}
		if err := fn(s); err != nil {
			if _, ok := err.(userError); ok {
				return err
			}
			return userError{err}
		}
		return nil
	})
}

// Version is the store version the snapshot reads: it grows with every
// committed write, so two snapshots with the same version hold the same
// graph.
func (s *Snapshot) Version() uint64 { return s.version }

// Stats returns the whole-store counts as of the snapshot (StoreBytes is
// left zero: it is a property of the files, not of the version).
func (s *Snapshot) Stats() (graph.Stats, error) {
	var rec statsRec
	v, ok, err := getValue(s.txn, statsKey)
	if err == nil && ok {
		rec, err = decodeStats(v)
	}
	if err != nil {
		return graph.Stats{}, internal("stats", err)
	}
	return rec.stats(), nil
}

// Documents calls fn for every document in ingest order; the text is
// filled in only when withText is set.
func (s *Snapshot) Documents(withText bool, fn func(*graph.Document) error) error {
	it := s.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindDoc}, PrefetchValues: true, PrefetchSize: 16})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		doc := binary.BigEndian.Uint64(it.Item().Key()[1:])
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return internal("export", err)
		}
		d, err := decodeDoc(v)
		if err != nil {
			return internal("export", err)
		}
		var text string
		if withText {
			t, _, err := getValue(s.txn, textKey(doc))
			if err != nil {
				return internal("export", err)
			}
			text = string(t)
		}
		if err := fn(d.document(text)); err != nil {
			return userError{err}
		}
	}
	return nil
}

// Entities calls fn for every entity in ID order, with MentionCount and
// Degree set; with withMentions, every mention too (with its document ID).
func (s *Snapshot) Entities(withMentions bool, fn func(*graph.Entity) error) error {
	it := s.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindEntity}, PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		e := binary.BigEndian.Uint64(it.Item().Key()[1:])
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return internal("export", err)
		}
		r, err := decodeEntity(v)
		if err != nil {
			return internal("export", err)
		}
		ent := r.entity(e)
		if withMentions {
			if ent.Mentions, err = entityMentions(s.ctx, s.txn, e, s.docIDs); err != nil {
				return internal("export", err)
			}
		}
		if err := fn(ent); err != nil {
			return userError{err}
		}
	}
	return nil
}

// Relations calls fn for every relation in key order (by source, type,
// target), with Count set; with withEvidence, every evidence sentence too.
func (s *Snapshot) Relations(withEvidence bool, fn func(*graph.Relation) error) error {
	it := s.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindOut}, PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		k := parseRel(it.Item().Key()[1:])
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return internal("export", err)
		}
		r, err := decodeRelation(v)
		if err != nil {
			return internal("export", err)
		}
		rel := r.relation(k)
		rel.Evidence = []graph.Evidence{}
		if withEvidence {
			if rel.Evidence, err = relationEvidence(s.ctx, s.txn, k, s.texts); err != nil {
				return internal("export", err)
			}
		}
		if err := fn(rel); err != nil {
			return userError{err}
		}
	}
	return nil
}

// Version returns the version of the latest committed write: it changes
// whenever the graph does, so it is what HTTP validators (ETag) are made
// of. It reads only in-memory table metadata.
func (db *DB) Version() uint64 {
	if err := db.acquire(); err != nil {
		return 0
	}
	defer db.release()
	return db.bdb.MaxVersion()
}
