package store

import (
	"encoding/binary"
	"fmt"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// formatVersion names the layout of the derived keys and counters this
// code maintains. A store without the F key was written before versions
// were kept (version 1).
//
//	1  records and indexes of the first releases
//	2  entity records count their relations by direction and type (Adj),
//	   so a page of an entity's relations knows its total without a scan
//	3  name-token keys (K) carry the entity's type code, mentions and
//	   name length
//	4  name-token keys carry the type code and the bit length of the
//	   mentions instead, so that search filters and ranks candidates
//	   before reading records and ingest seldom rewrites them
//	5  the alias index (A) and the names pinned by merges (Z) are keyed by
//	   graph.CanonicalKey instead of graph.NormalizeName, so "Sony Corp."
//	   and "Sony", "S&P" and "S and P" find one another; entity records
//	   keep each form's key
//	6  canonical keys and name tokens drop the accents of Latin letters
//	   (graph.FoldLatin), so "José Mourinho" and "Jose Mourinho" resolve
//	   to one entity and the search for "jose" finds both; they join runs
//	   of single letters ("E. F. Hutton" is "ef hutton", as "E.F. Hutton"
//	   is) and read a few British spellings as American ("organisation"
//	   is "organization"); canonical keys drop the "&" of "& Co" with the
//	   legal form ("Merrill Lynch & Co" is "merrill lynch"); name tokens
//	   join dotted initials and drop apostrophes as canonical keys do
//	   ("U.S." is the token "us")
const formatVersion = 6

var formatKey = []byte{kindFormat}

// upgrade brings a store written by an older kgraph to formatVersion by
// rebuilding the derived data from the primary records, then records the
// version. Each step recomputes from scratch, so a crash during an upgrade
// only means the next Open does it again. A store of a newer format is
// refused: this code would not maintain the keys that format relies on.
func (db *DB) upgrade() error {
	var version uint64 = 1
	var st statsRec
	err := db.bdb.View(func(txn *badger.Txn) error {
		v, ok, err := getValue(txn, formatKey)
		if err != nil {
			return err
		}
		if ok {
			if version, _ = binary.Uvarint(v); version == 0 {
				return errCorrupt
			}
		}
		st, err = loadStats(txn)
		return err
	})
	if err != nil {
		return err
	}
	switch {
	case version == formatVersion:
		return nil
	case version > formatVersion:
		return fmt.Errorf("store format %d is newer than this kgraph reads (%d): open it with the kgraph that wrote it, or export it there and ingest the documents again", version, formatVersion)
	}
	if st.Documents > 0 || st.Entities > 0 {
		if version < 2 {
			if err := db.rebuildAdjacency(); err != nil {
				return fmt.Errorf("upgrade to format 2: %w", err)
			}
		}
		// rebuildNameKeys writes every name-token key afresh, which also
		// brings the token values of formats 3 and 4 up to date.
		if version < 6 {
			if err := db.rebuildNameKeys(); err != nil {
				return fmt.Errorf("upgrade to format 6: %w", err)
			}
			if err := db.rebuildAliases(); err != nil {
				return fmt.Errorf("upgrade to format 6: %w", err)
			}
		}
	}
	return db.bdb.Update(func(txn *badger.Txn) error {
		return txn.Set(formatKey, binary.AppendUvarint(nil, formatVersion))
	})
}

// rebuildAdjacency recounts every entity's relations by direction and type
// from the out-edge keys and rewrites the entity records with the counts.
func (db *DB) rebuildAdjacency() error {
	counts := map[uint64]*[2][relationCodes]int{}
	at := func(e uint64) *[2][relationCodes]int {
		c := counts[e]
		if c == nil {
			c = new([2][relationCodes]int)
			counts[e] = c
		}
		return c
	}
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindOut}})
		for it.Rewind(); it.Valid(); it.Next() {
			k := parseRel(it.Item().Key()[1:])
			at(k.Src)[adjOut][k.T]++
			at(k.Dst)[adjIn][k.T]++
		}
		it.Close()
		return eachEntityRecord(txn, func(e uint64, r *entRec) error {
			r.Adj = [2][relationCodes]int{}
			if c := counts[e]; c != nil {
				r.Adj = *c
			}
			return wb.Set(entityKey(e), r.encode())
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// rebuildNameKeys recomputes the canonical key of every form in the
// entity records and rewrites the name-token keys and their counts from
// the records.
func (db *DB) rebuildNameKeys() error {
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	err := db.bdb.View(func(txn *badger.Txn) error {
		for _, kind := range []byte{kindToken, kindVocab} {
			if err := deletePrefix(txn, wb, []byte{kind}); err != nil {
				return err
			}
		}
		counts := map[string]uint64{}
		err := eachEntityRecord(txn, func(e uint64, r *entRec) error {
			changed := false
			for i, f := range r.Forms {
				if k := graph.CanonicalKey(f.Surface); k != f.Key {
					r.Forms[i].Key, changed = k, true
				}
			}
			if changed {
				if err := wb.Set(entityKey(e), r.encode()); err != nil {
					return err
				}
			}
			for _, t := range r.tokens() {
				counts[t]++
				if err := wb.Set(tokenKey(t, e), tokenValue(r)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for t, n := range counts {
			if err := wb.Set(vocabKey(t), binary.AppendUvarint(nil, n)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// deletePrefix adds the deletion of every key under prefix to wb.
func deletePrefix(txn *badger.Txn, wb *badger.WriteBatch, prefix []byte) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := wb.Delete(it.Item().KeyCopy(nil)); err != nil {
			return err
		}
	}
	return nil
}

// rebuildAliases rewrites the alias index from the entity records, keyed
// by the canonical keys of their forms, and re-keys the names pinned by
// merges the same way.
func (db *DB) rebuildAliases() error {
	wb := db.bdb.NewWriteBatch()
	defer wb.Cancel()
	err := db.bdb.View(func(txn *badger.Txn) error {
		if err := deletePrefix(txn, wb, []byte{kindAlias}); err != nil {
			return err
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindPin}})
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().KeyCopy(nil)
			v, err := it.Item().ValueCopy(nil)
			if err == nil {
				err = wb.Delete(k)
			}
			if err == nil {
				err = wb.Set(pinKey(graph.CanonicalKey(string(k[1:]))), v)
			}
			if err != nil {
				it.Close()
				return err
			}
		}
		it.Close()
		ids := map[string][]uint64{}
		err := eachEntityRecord(txn, func(e uint64, r *entRec) error {
			for _, k := range r.keys() {
				ids[k] = append(ids[k], e)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for k, es := range ids {
			if err := wb.Set(aliasKey(k), encodeIDs(es)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}
