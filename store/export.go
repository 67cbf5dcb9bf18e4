package store

import (
	"context"
	"encoding/binary"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// Export reads one snapshot per call; fn's errors stop the walk and are
// returned as they are.

// ExportDocuments calls fn for every document, with its text, in ingest
// order.
func (db *DB) ExportDocuments(ctx context.Context, fn func(*graph.Document) error) error {
	return db.export(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindDoc}, PrefetchValues: true, PrefetchSize: 16})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			doc := binary.BigEndian.Uint64(it.Item().Key()[1:])
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			d, err := decodeDoc(v)
			if err != nil {
				return err
			}
			text, _, err := getValue(txn, textKey(doc))
			if err != nil {
				return err
			}
			if err := fn(d.document(string(text))); err != nil {
				return userError{err}
			}
		}
		return nil
	})
}

// ExportEntities calls fn for every entity, with all its mentions (each
// with its document ID), in ID order.
func (db *DB) ExportEntities(ctx context.Context, fn func(*graph.Entity) error) error {
	return db.export(func(txn *badger.Txn) error {
		docIDs := map[uint64]string{}
		return eachEntityRecord(txn, func(e uint64, r *entRec) error {
			ent := r.entity(e)
			var err error
			if ent.Mentions, err = entityMentions(ctx, txn, e, docIDs); err != nil {
				return err
			}
			if err := fn(ent); err != nil {
				return userError{err}
			}
			return nil
		})
	})
}

// eachEntityRecord calls fn with every entity record of txn, in ID order.
func eachEntityRecord(txn *badger.Txn, fn func(e uint64, r *entRec) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindEntity}, PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		e := binary.BigEndian.Uint64(it.Item().Key()[1:])
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		r, err := decodeEntity(v)
		if err != nil {
			return err
		}
		if err := fn(e, r); err != nil {
			return err
		}
	}
	return nil
}

// ExportRelations calls fn for every relation, with all its evidence
// (sentence text included), in key order: by source, type, target.
func (db *DB) ExportRelations(ctx context.Context, fn func(*graph.Relation) error) error {
	return db.export(func(txn *badger.Txn) error {
		texts := newTextCache(txn)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindOut}, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := parseRel(it.Item().Key()[1:])
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			r, err := decodeRelation(v)
			if err != nil {
				return err
			}
			rel := r.relation(k)
			if rel.Evidence, err = relationEvidence(ctx, txn, k, texts); err != nil {
				return err
			}
			if err := fn(rel); err != nil {
				return userError{err}
			}
		}
		return nil
	})
}

// userError carries an error of the caller's fn through the read so that
// it comes back unwrapped.
type userError struct{ err error }

func (u userError) Error() string { return u.err.Error() }

func (db *DB) export(fn func(txn *badger.Txn) error) error {
	err := db.view(fn)
	if u, ok := err.(userError); ok {
		return u.err
	}
	if err != nil {
		return internal("export", err)
	}
	return nil
}
