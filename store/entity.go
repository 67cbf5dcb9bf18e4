package store

import (
	"bytes"
	"context"
	"encoding/binary"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// Entity returns the entity with the given id, following the redirect of
// an entity that was merged into another; nil when there is none.
func (db *reader) Entity(ctx context.Context, id string) (*graph.Entity, error) {
	out, err := db.EntitiesByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// EntitiesByID returns the entities with the given ids in one read; a
// missing id leaves a nil slot.
func (db *reader) EntitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	out := make([]*graph.Entity, len(ids))
	type found struct {
		e uint64
		r *entRec
	}
	read := make(map[string]found, len(ids)) // each record read once
	err := db.view(func(txn *badger.Txn) error {
		for i, id := range ids {
			f, ok := read[id]
			if !ok {
				if err := ctx.Err(); err != nil {
					return err
				}
				e, r, err := db.followEntity(txn, parseEntityID(id))
				if err != nil {
					return err
				}
				f = found{e, r}
				read[id] = f
			}
			if f.r != nil {
				out[i] = f.r.entity(f.e)
			}
		}
		return nil
	})
	if err != nil {
		return nil, internal("entities", err)
	}
	return out, nil
}

// loadEntity reads the record of e, through the read cache; nil when it
// does not exist.
func (db *reader) loadEntity(txn *badger.Txn, e uint64) (*entRec, error) {
	if e == 0 {
		return nil, nil
	}
	return cachedGet(db.snap(), txn, entityKey(e), decodeEntity)
}

// followEntity loads e, or the entity it was merged into.
func (db *reader) followEntity(txn *badger.Txn, e uint64) (uint64, *entRec, error) {
	for range 16 {
		r, err := db.loadEntity(txn, e)
		if err != nil || r != nil || e == 0 {
			return e, r, err
		}
		v, ok, err := getValue(txn, redirectKey(e))
		if err != nil || !ok || len(v) != 8 {
			return 0, nil, err
		}
		e = binary.BigEndian.Uint64(v)
	}
	return 0, nil, nil
}

// EntityByName returns the entity whose name or alias is name after
// graph.CanonicalKey (case, punctuation, "&"/"and", a leading "the",
// legal forms), of type typ ("" for any); the most mentioned when
// several match (so "Blair" finds "Tony Blair" rather than a node of bare
// "Blair" mentions that resolution could not attribute); nil when none
// does. A name that a merge pinned to
// an entity finds it too. EINVALID for an unknown type.
func (db *reader) EntityByName(ctx context.Context, name string, typ graph.EntityType) (*graph.Entity, error) {
	if typ != "" && !typ.Valid() {
		return nil, graph.Errorf(graph.EINVALID, "unknown entity type %q", typ)
	}
	n := graph.CanonicalKey(name)
	if n == "" {
		return nil, nil
	}
	var best *graph.Entity
	err := db.view(func(txn *badger.Txn) error {
		v, _, err := getValue(txn, aliasKey(n))
		if err != nil {
			return err
		}
		ids, err := decodeIDs(v)
		if err != nil {
			return err
		}
		if pin, ok, err := getValue(txn, pinKey(n)); err != nil {
			return err
		} else if ok && len(pin) == 8 {
			ids = append(ids, binary.BigEndian.Uint64(pin))
		}
		for _, id := range ids {
			e, r, err := db.followEntity(txn, id)
			if err != nil {
				return err
			}
			if r == nil || typ != "" && r.Type != typ {
				continue
			}
			if best == nil || r.Mentions > best.MentionCount {
				best = r.entity(e)
			}
		}
		return nil
	})
	if err != nil {
		return nil, internal("entity by name", err)
	}
	return best, nil
}

// Entities lists entities of a type (all for ""), most mentioned first by
// default, or most connected first, or by name. EINVALID for an unknown
// type or order and for a bad page request.
func (db *reader) Entities(ctx context.Context, f graph.EntityFilter) (graph.Page[*graph.Entity], error) {
	var page graph.Page[*graph.Entity]
	if f.Type != "" && !f.Type.Valid() {
		return page, graph.Errorf(graph.EINVALID, "unknown entity type %q", f.Type)
	}
	order := map[graph.EntityOrder]byte{"": orderMentions, graph.ByMentions: orderMentions, graph.ByDegree: orderDegree, graph.ByName: orderName}[f.Order]
	if order == 0 {
		return page, graph.Errorf(graph.EINVALID, "unknown entity order %q", f.Order)
	}
	n, err := pageSize(f.PageRequest)
	if err != nil {
		return page, err
	}
	after, err := afterKey(f.After)
	if err != nil {
		return page, err
	}
	codes := []byte{entityCode[f.Type]}
	if f.Type == "" {
		codes = codes[:0]
		for _, t := range graph.EntityTypes {
			codes = append(codes, entityCode[t.Type])
		}
	}
	if after != nil && (len(after) < 3 || after[0] != kindOrder || after[1] != order) {
		return page, graph.Errorf(graph.EINVALID, "cursor does not belong to this list")
	}
	page.Items, page.Cursors = []*graph.Entity{}, []string{}
	err = db.view(func(txn *badger.Txn) error {
		s, err := loadStats(txn)
		if err != nil {
			return err
		}
		page.Total = s.Entities
		if f.Type != "" {
			page.Total = s.EntityTypes[entityCode[f.Type]]
		}
		keys, more, err := mergedScan(txn, order, codes, after, n)
		if err != nil {
			return err
		}
		page.HasNext = more
		for _, k := range keys {
			e := binary.BigEndian.Uint64(k[len(k)-8:])
			r, err := db.loadEntity(txn, e)
			if err != nil {
				return err
			}
			if r == nil {
				return errCorrupt
			}
			page.Items = append(page.Items, r.entity(e))
			page.Cursors = append(page.Cursors, keyCursor(k))
		}
		return nil
	})
	if err != nil {
		return page, internal("entities", err)
	}
	return page, nil
}

// mergedScan returns up to n keys of the X index for order, merged over
// the type codes by what follows the type byte (the sort key and the
// entity number), starting after the key after (nil: from the start), and
// whether more follow.
func mergedScan(txn *badger.Txn, order byte, codes []byte, after []byte, n int) ([][]byte, bool, error) {
	its := make([]*badger.Iterator, 0, len(codes))
	defer func() {
		for _, it := range its {
			it.Close()
		}
	}()
	for _, c := range codes {
		prefix := []byte{kindOrder, order, c}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
		its = append(its, it)
		seek := prefix
		if after != nil {
			seek = append(prefix, after[3:]...)
		}
		it.Seek(seek)
		if after != nil && it.Valid() && bytes.Equal(it.Item().Key(), after) {
			it.Next()
		}
	}
	var keys [][]byte
	for {
		best := -1
		for i, it := range its {
			if !it.Valid() {
				continue
			}
			if best < 0 || bytes.Compare(it.Item().Key()[3:], its[best].Item().Key()[3:]) < 0 {
				best = i
			}
		}
		if best < 0 {
			return keys, false, nil
		}
		if len(keys) == n {
			return keys, true, nil
		}
		keys = append(keys, its[best].Item().KeyCopy(nil))
		its[best].Next()
	}
}

// Mentions lists where the documents name an entity, document by document
// in ingest order, each with its document ID. ENOTFOUND for an unknown
// entity.
func (db *reader) Mentions(ctx context.Context, entityID string, p graph.PageRequest) (graph.Page[graph.Mention], error) {
	if _, err := pageSize(p); err != nil {
		return graph.Page[graph.Mention]{}, err
	}
	var all []graph.Mention
	found := false
	err := db.view(func(txn *badger.Txn) error {
		e, r, err := db.followEntity(txn, parseEntityID(entityID))
		if err != nil || r == nil {
			return err
		}
		found = true
		all, err = entityMentions(ctx, txn, e, map[uint64]string{})
		return err
	})
	if err != nil {
		return graph.Page[graph.Mention]{}, internal("mentions", err)
	}
	if !found {
		return graph.Page[graph.Mention]{}, graph.Errorf(graph.ENOTFOUND, "entity %q not found", entityID)
	}
	return offsetPage(all, p)
}

// entityMentions reads every mention of e; docIDs caches document IDs by
// number across calls.
func entityMentions(ctx context.Context, txn *badger.Txn, e uint64, docIDs map[uint64]string) ([]graph.Mention, error) {
	var out []graph.Mention
	it := txn.NewIterator(badger.IteratorOptions{Prefix: mentionPrefix(e), PrefetchValues: true, PrefetchSize: 16})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := binary.BigEndian.Uint64(it.Item().Key()[9:])
		id, ok := docIDs[doc]
		if !ok {
			d, err := loadDoc(txn, doc)
			if err != nil {
				return nil, err
			}
			if d != nil {
				id = d.ID
			}
			docIDs[doc] = id
		}
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		c, err := decodeContrib(v)
		if err != nil {
			return nil, err
		}
		for _, m := range c.Mentions {
			m.Document = id
			out = append(out, m)
		}
	}
	return out, nil
}
