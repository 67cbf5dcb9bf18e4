package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"slices"
	"sort"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// loadRelation reads the record of k, through the read cache; nil when
// absent.
func (db *reader) loadRelation(txn *badger.Txn, k relKey) (*relRec, error) {
	if k.Src == 0 || k.Dst == 0 {
		return nil, nil
	}
	return cachedGet(db.snap(), txn, k.out(), decodeRelation)
}

// relationAt decodes the record of an out-list item, through the read
// cache.
func (db *reader) relationAt(item *badger.Item) (*relRec, error) {
	read := func() ([]byte, bool, error) {
		v, err := item.ValueCopy(nil)
		return v, true, err
	}
	return cachedDecode(db.snap(), item.Key(), read, decodeRelation)
}

// followRelation loads k, reading an endpoint that was merged away as the
// entity it was merged into.
func (db *reader) followRelation(txn *badger.Txn, k relKey) (relKey, *relRec, error) {
	src, _, err := db.followEntity(txn, k.Src)
	if err != nil {
		return k, nil, err
	}
	dst, _, err := db.followEntity(txn, k.Dst)
	if err != nil {
		return k, nil, err
	}
	k = canonical(relKey{src, k.T, dst})
	r, err := db.loadRelation(txn, k)
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
		k, r, err := db.followRelation(txn, k)
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
		return db.entityRelations(ctx, f, types)
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
		if filtered {
			page.Total = 0
		}
		p := relPager{page: &page, after: after, n: n, floor: f.MinConfidence}
		for it.Seek(start); it.Valid(); it.Next() {
			item := it.Item()
			k := item.Key()
			read, stop := p.next(k, keep(k[typeAt]))
			if stop {
				break
			}
			if !read {
				continue
			}
			var rk relKey
			var r *relRec
			if typeAt == 1 {
				rk = relKey{binary.BigEndian.Uint64(k[2:]), k[1], binary.BigEndian.Uint64(k[10:])}
				r, err = db.loadRelation(txn, rk)
			} else {
				rk = parseRel(k[1:])
				r, err = db.relationAt(item)
			}
			if err != nil {
				return err
			}
			if r == nil {
				return errCorrupt
			}
			p.add(k, rk, r)
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

// adjKeyLen is the length of an O or J key: kind, entity, type, entity.
const adjKeyLen = 18

// entityRelations pages through the relations of one entity: its
// out-edges (O|e|t|dst, whose values are the relation records), then its
// in-edges (J|e|t|src), each in key order, so that a page is one seek per
// list and a scan of First keys; a cursor is the last key of its page. The
// total comes from the entity's adjacency counts (entRec.Adj), except with
// a confidence floor, which needs every record of the list to count.
func (db *reader) entityRelations(ctx context.Context, f graph.RelationFilter, types map[byte]bool) (graph.Page[*graph.Relation], error) {
	var page graph.Page[*graph.Relation]
	dir := f.Direction
	if dir == "" {
		dir = graph.Both
	}
	if dir != graph.Out && dir != graph.In && dir != graph.Both {
		return page, graph.Errorf(graph.EINVALID, "unknown direction %q", f.Direction)
	}
	n, err := pageSize(f.PageRequest)
	if err != nil {
		return page, err
	}
	after, err := afterKey(f.After)
	if err != nil {
		return page, err
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return page, graph.Errorf(graph.EINVALID, "minConfidence must be between 0 and 1")
	}
	filtered := f.MinConfidence > 0
	codes := make([]byte, 0, len(types))
	for t := range types {
		codes = append(codes, t)
	}
	slices.Sort(codes)
	found, foreign := false, false
	page.Items, page.Cursors = []*graph.Relation{}, []string{}
	err = db.view(func(txn *badger.Txn) error {
		e, rec, err := db.followEntity(txn, parseEntityID(f.Entity))
		if err != nil || rec == nil {
			return err
		}
		found = true
		// The lists of the page, in order, each a key prefix.
		type list struct {
			prefix []byte
			in     bool
			n      int // its edges, from the entity's counts
			dirN   int // the edges of its direction
		}
		var lists []list
		for _, in := range []bool{false, true} {
			if in && dir == graph.Out || !in && dir == graph.In {
				continue
			}
			kind, d := byte(kindOut), adjOut
			if in {
				kind, d = kindIn, adjIn
			}
			base := u64(key(8, kind), e)
			dirN := rec.adjTotal(d)
			if len(codes) == 0 {
				lists = append(lists, list{base, in, dirN, dirN})
				page.Total += dirN
				continue
			}
			for _, t := range codes {
				lists = append(lists, list{append(slices.Clip(base), t), in, rec.Adj[d][t], dirN})
				page.Total += rec.Adj[d][t]
			}
		}
		start := 0
		if after != nil {
			start = -1
			for i, l := range lists {
				if len(after) == adjKeyLen && bytes.HasPrefix(after, l.prefix) {
					start = i
					break
				}
			}
			if start < 0 {
				foreign = true
				return nil
			}
		}
		if filtered {
			// Every record is read to count the total; items are
			// taken after the cursor.
			page.Total, start = 0, 0
		}
		p := relPager{page: &page, after: after, n: n, floor: f.MinConfidence}
		for _, l := range lists[start:] {
			if l.n == 0 {
				continue // an empty list costs no seek
			}
			seek := l.prefix
			if after != nil && !filtered && bytes.HasPrefix(after, l.prefix) {
				seek = after
			}
			// A short list comes whole from the read cache.
			cl, err := db.cachedList(txn, nil, e, l.in, l.dirN)
			if err != nil {
				return err
			}
			if cl != nil {
				for i, rk := range cl.rks {
					k := rk.out()
					if l.in {
						k = rk.in()
					}
					if !bytes.HasPrefix(k, l.prefix) || bytes.Compare(k, seek) < 0 {
						continue
					}
					read, stop := p.next(k, true)
					if stop {
						break
					}
					if read {
						p.add(k, rk, cl.recs[i])
					}
				}
				if page.HasNext && !filtered {
					break
				}
				continue
			}
			it := txn.NewIterator(badger.IteratorOptions{Prefix: l.prefix, PrefetchValues: false})
			for it.Seek(seek); it.Valid(); it.Next() {
				if err := ctx.Err(); err != nil {
					it.Close()
					return err
				}
				item := it.Item()
				k := item.Key()
				read, stop := p.next(k, true)
				if stop {
					break
				}
				if !read {
					continue
				}
				var rk relKey
				var r *relRec
				if l.in {
					rk = relFromIn(k[1:])
					r, err = db.loadRelation(txn, rk)
				} else {
					rk = parseRel(k[1:])
					r, err = db.relationAt(item)
				}
				if err == nil && r == nil {
					err = errCorrupt
				}
				if err != nil {
					it.Close()
					return err
				}
				p.add(k, rk, r)
			}
			it.Close()
			if page.HasNext && !filtered {
				break
			}
		}
		return nil
	})
	if err != nil {
		return graph.Page[*graph.Relation]{}, internal("relations", err)
	}
	if !found {
		return page, graph.Errorf(graph.ENOTFOUND, "entity %q not found", f.Entity)
	}
	if foreign {
		return page, graph.Errorf(graph.EINVALID, "cursor does not belong to this list")
	}
	return page, nil
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
		k, r, err := db.followRelation(txn, k)
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

// relPager fills one page of relations from keys scanned in list order:
// the items after the cursor, up to n of them. With a confidence floor no
// counter holds the total, so every relation of the lists is read, those
// at or above the floor are counted, and the page is taken from those
// after the cursor.
type relPager struct {
	page   *graph.Page[*graph.Relation]
	after  []byte // the cursor's key, nil on the first page
	n      int
	floor  float64
	passed bool // the cursor's key has been scanned
}

// next is called for each scanned key, with whether the list's filter
// keeps it: read says to read its record and hand it to add, stop that
// the page is full and the scan can end.
func (p *relPager) next(k []byte, kept bool) (read, stop bool) {
	filtered := p.floor > 0
	if p.after != nil && bytes.Equal(k, p.after) {
		p.passed = true
		if !filtered {
			return false, false
		}
	}
	if !kept {
		return false, false
	}
	if len(p.page.Items) == p.n && !filtered {
		p.page.HasNext = true
		return false, true
	}
	return true, false
}

// add takes the relation of key k, whose record next asked for.
func (p *relPager) add(k []byte, rk relKey, r *relRec) {
	if p.floor > 0 {
		if r.Conf < p.floor {
			return
		}
		p.page.Total++
		if p.after != nil && (!p.passed || bytes.Equal(k, p.after)) {
			return
		}
		if len(p.page.Items) == p.n {
			p.page.HasNext = true
			return
		}
	}
	p.page.Items = append(p.page.Items, r.relation(rk))
	p.page.Cursors = append(p.page.Cursors, keyCursor(bytes.Clone(k)))
}
