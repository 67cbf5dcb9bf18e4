package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"sort"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// loadRelation reads the record of k; nil when absent.
func loadRelation(txn *badger.Txn, k relKey) (*relRec, error) {
	if k.Src == 0 || k.Dst == 0 {
		return nil, nil
	}
	v, ok, err := getValue(txn, k.out())
	if err != nil || !ok {
		return nil, err
	}
	return decodeRelation(v)
}

// followRelation loads k, reading an endpoint that was merged away as the
// entity it was merged into.
func followRelation(txn *badger.Txn, k relKey) (relKey, *relRec, error) {
	src, _, err := followEntity(txn, k.Src)
	if err != nil {
		return k, nil, err
	}
	dst, _, err := followEntity(txn, k.Dst)
	if err != nil {
		return k, nil, err
	}
	k = canonical(relKey{src, k.T, dst})
	r, err := loadRelation(txn, k)
	return k, r, err
}

// Relation returns the relation with the given id; an id naming an entity
// that was merged away is read as naming the survivor. nil when unknown.
func (db *reader) Relation(ctx context.Context, id string) (*graph.Relation, error) {
	k, ok := parseRelationID(id)
	if !ok {
		return nil, nil
	}
	var out *graph.Relation
	err := db.view(func(txn *badger.Txn) error {
		k, r, err := followRelation(txn, k)
		if err == nil && r != nil {
			out = r.relation(k)
		}
		return err
	})
	if err != nil {
		return nil, internal("relation", err)
	}
	return out, nil
}

// Relations lists relations: all of them, those of some types, or with
// Entity set the relations of that entity in a direction (outgoing ones
// first). EINVALID for an unknown type or direction or a bad page request,
// ENOTFOUND for an unknown entity.
func (db *reader) Relations(ctx context.Context, f graph.RelationFilter) (graph.Page[*graph.Relation], error) {
	var page graph.Page[*graph.Relation]
	types := map[byte]bool{}
	for _, t := range f.Types {
		if !t.Valid() {
			return page, graph.Errorf(graph.EINVALID, "unknown relation type %q", t)
		}
		types[relationCode[t]] = true
	}
	keep := func(t byte) bool { return len(types) == 0 || types[t] }
	if f.Entity != "" {
		return db.entityRelations(ctx, f, keep)
	}
	n, err := pageSize(f.PageRequest)
	if err != nil {
		return page, err
	}
	after, err := afterKey(f.After)
	if err != nil {
		return page, err
	}
	prefix, typeAt := []byte{kindOut}, 9
	if len(types) == 1 {
		prefix, typeAt = relTypePrefix(relationCode[f.Types[0]]), 1
	}
	if after != nil && !bytes.HasPrefix(after, prefix) {
		return page, graph.Errorf(graph.EINVALID, "cursor does not belong to this list")
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return page, graph.Errorf(graph.EINVALID, "minConfidence must be between 0 and 1")
	}
	filtered := f.MinConfidence > 0
	page.Items, page.Cursors = []*graph.Relation{}, []string{}
	err = db.view(func(txn *badger.Txn) error {
		s, err := loadStats(txn)
		if err != nil {
			return err
		}
		if len(types) == 0 {
			page.Total = s.Relations
		}
		for t := range types {
			page.Total += s.RelationTypes[t]
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		start := prefix
		if after != nil && !filtered {
			start = after
		}
		// With a confidence floor the total is not in the stats: the
		// whole list is scanned and counted, and items are kept only
		// after the cursor.
		passed := after == nil
		if filtered {
			page.Total = 0
		}
		for it.Seek(start); it.Valid(); it.Next() {
			item := it.Item()
			k := item.Key()
			if after != nil && bytes.Equal(k, after) {
				passed = true
				if !filtered {
					continue
				}
			}
			if !keep(k[typeAt]) {
				continue
			}
			if len(page.Items) == n && !filtered {
				page.HasNext = true
				break
			}
			var rk relKey
			var r *relRec
			if typeAt == 1 {
				rk = relKey{binary.BigEndian.Uint64(k[2:]), k[1], binary.BigEndian.Uint64(k[10:])}
				r, err = loadRelation(txn, rk)
			} else {
				rk = parseRel(k[1:])
				var v []byte
				if v, err = item.ValueCopy(nil); err == nil {
					r, err = decodeRelation(v)
				}
			}
			if err != nil {
				return err
			}
			if r == nil {
				return errCorrupt
			}
			if filtered {
				if r.Conf < f.MinConfidence {
					continue
				}
				page.Total++
				if !passed || bytes.Equal(k, after) {
					continue
				}
				if len(page.Items) == n {
					page.HasNext = true
					continue
				}
			}
			page.Items = append(page.Items, r.relation(rk))
			page.Cursors = append(page.Cursors, keyCursor(item.KeyCopy(nil)))
		}
		return nil
	})
	if err != nil {
		return page, internal("relations", err)
	}
	return page, nil
}

func loadStats(txn *badger.Txn) (statsRec, error) {
	v, ok, err := getValue(txn, statsKey)
	if err != nil || !ok {
		return statsRec{}, err
	}
	return decodeStats(v)
}

func (db *reader) entityRelations(ctx context.Context, f graph.RelationFilter, keep func(byte) bool) (graph.Page[*graph.Relation], error) {
	var page graph.Page[*graph.Relation]
	dir := f.Direction
	if dir == "" {
		dir = graph.Both
	}
	if dir != graph.Out && dir != graph.In && dir != graph.Both {
		return page, graph.Errorf(graph.EINVALID, "unknown direction %q", f.Direction)
	}
	if _, err := pageSize(f.PageRequest); err != nil {
		return page, err
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return page, graph.Errorf(graph.EINVALID, "minConfidence must be between 0 and 1")
	}
	found := false
	var keys []relKey
	err := db.view(func(txn *badger.Txn) error {
		e, r, err := followEntity(txn, parseEntityID(f.Entity))
		if err != nil || r == nil {
			return err
		}
		found = true
		keys, err = adjacent(txn, e, dir == graph.Out || dir == graph.Both, dir == graph.In || dir == graph.Both)
		if err != nil {
			return err
		}
		kept := keys[:0]
		for _, k := range keys {
			if !keep(k.T) {
				continue
			}
			if f.MinConfidence > 0 {
				r, err := loadRelation(txn, k)
				if err != nil {
					return err
				}
				if r == nil || r.Conf < f.MinConfidence {
					continue
				}
			}
			kept = append(kept, k)
		}
		keys = kept
		return nil
	})
	if err != nil {
		return graph.Page[*graph.Relation]{}, internal("relations", err)
	}
	if !found {
		return page, graph.Errorf(graph.ENOTFOUND, "entity %q not found", f.Entity)
	}
	return db.relationPage(ctx, keys, f.PageRequest)
}

// relationPage cuts a page of keys and reads its relations in one read.
func (db *reader) relationPage(ctx context.Context, keys []relKey, p graph.PageRequest) (graph.Page[*graph.Relation], error) {
	kp, err := offsetPage(keys, p)
	if err != nil {
		return graph.Page[*graph.Relation]{}, err
	}
	page := graph.Page[*graph.Relation]{Items: make([]*graph.Relation, 0, len(kp.Items)), HasNext: kp.HasNext, Total: kp.Total}
	err = db.view(func(txn *badger.Txn) error {
		for i, k := range kp.Items {
			if err := ctx.Err(); err != nil {
				return err
			}
			r, err := loadRelation(txn, k)
			if err != nil {
				return err
			}
			if r == nil {
				// Deleted by a commit between the key scan and this read
				// (two snapshots): left out, as a later scan would.
				continue
			}
			page.Items = append(page.Items, r.relation(k))
			if i < len(kp.Cursors) {
				page.Cursors = append(page.Cursors, kp.Cursors[i])
			}
		}
		return nil
	})
	if err != nil {
		return graph.Page[*graph.Relation]{}, internal("relations", err)
	}
	return page, nil
}

// adjacent returns the keys of the relations of e: outgoing ones, then
// incoming ones.
func adjacent(txn *badger.Txn, e uint64, out, in bool) ([]relKey, error) {
	var keys []relKey
	scan := func(prefix []byte, conv func([]byte) relKey) {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			keys = append(keys, conv(it.Item().Key()[1:]))
		}
	}
	if out {
		scan(outPrefix(e), parseRel)
	}
	if in {
		scan(inPrefix(e), relFromIn)
	}
	return keys, nil
}

// Evidence lists up to limit (all for limit <= 0) evidence sentences of a
// relation, newest document first, each cut from its document's text. Like
// Relation it follows merges. ENOTFOUND for an unknown relation.
func (db *reader) Evidence(ctx context.Context, relationID string, limit int) ([]graph.Evidence, error) {
	k, ok := parseRelationID(relationID)
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "relation %q not found", relationID)
	}
	var out []graph.Evidence
	found := false
	err := db.view(func(txn *badger.Txn) error {
		k, r, err := followRelation(txn, k)
		if err != nil || r == nil {
			return err
		}
		found = true
		out, err = relationEvidence(ctx, txn, k, newTextCache(txn))
		return err
	})
	if err != nil {
		return nil, internal("evidence", err)
	}
	if !found {
		return nil, graph.Errorf(graph.ENOTFOUND, "relation %q not found", relationID)
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// relationEvidence reads all evidence of k, newest document first (by
// date, then by ingest order).
func relationEvidence(ctx context.Context, txn *badger.Txn, k relKey, texts *textCache) ([]graph.Evidence, error) {
	type docEv struct {
		doc  uint64
		date string
		ev   []graph.Evidence
	}
	var docs []docEv
	it := txn.NewIterator(badger.IteratorOptions{Prefix: evidencePrefix(k), PrefetchValues: true, PrefetchSize: 16})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := binary.BigEndian.Uint64(it.Item().Key()[18:])
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		c, err := decodeEvContrib(v)
		if err != nil {
			return nil, err
		}
		d, text, err := texts.get(doc)
		if err != nil {
			return nil, err
		}
		de := docEv{doc: doc, date: d.Date}
		for _, s := range c.Spans {
			ev := graph.Evidence{Document: d.ID, Start: s[0], End: s[1]}
			if s[0] >= 0 && s[0] <= s[1] && s[1] <= len(text) {
				ev.Sentence = text[s[0]:s[1]]
			}
			de.ev = append(de.ev, ev)
		}
		docs = append(docs, de)
	}
	sort.SliceStable(docs, func(i, j int) bool {
		if docs[i].date != docs[j].date {
			return docs[i].date > docs[j].date
		}
		return docs[i].doc > docs[j].doc
	})
	var out []graph.Evidence
	for _, d := range docs {
		out = append(out, d.ev...)
	}
	return out, nil
}

// textCache keeps document records and texts read within one transaction,
// bounded so that an export of a large store does not hold every text.
type textCache struct {
	txn   *badger.Txn
	docs  map[uint64]*docRec
	texts map[uint64]string
	bytes int
	limit int // bytes of text kept before the cache starts over
}

const textCacheBytes = 64 << 20

func newTextCache(txn *badger.Txn) *textCache {
	return newTextCacheSize(txn, textCacheBytes)
}

func newTextCacheSize(txn *badger.Txn, limit int) *textCache {
	return &textCache{txn: txn, docs: map[uint64]*docRec{}, texts: map[uint64]string{}, limit: limit}
}

func (c *textCache) get(doc uint64) (*docRec, string, error) {
	if t, ok := c.texts[doc]; ok {
		return c.docs[doc], t, nil
	}
	d, err := loadDoc(c.txn, doc)
	if err != nil {
		return nil, "", err
	}
	if d == nil {
		return nil, "", errCorrupt
	}
	v, _, err := getValue(c.txn, textKey(doc))
	if err != nil {
		return nil, "", err
	}
	if c.bytes+len(v) > c.limit {
		c.docs, c.texts, c.bytes = map[uint64]*docRec{}, map[uint64]string{}, 0
	}
	c.docs[doc], c.texts[doc] = d, string(v)
	c.bytes += len(v)
	return d, string(v), nil
}
