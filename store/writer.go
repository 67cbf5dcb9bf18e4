package store

import (
	"bytes"
	"errors"
	"math/bits"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// wtx is one write: a document ingest, a deletion or a merge. It reads from
// a snapshot and collects every change in memory (ops); commit writes them
// in one Badger transaction, or in journaled chunks when they are too many.
// Entities, relations, alias lists and token counts are cached decoded, and
// flush turns them into ops together with the index keys that depend on
// them, so index maintenance lives in one place.
type wtx struct {
	db  *DB
	rd  *badger.Txn
	ops map[string]op
	// byKind lists the keys of ops by kind byte (see put).
	byKind [256][]string

	ents    map[uint64]*entState
	rels    map[relKey]*relState
	aliases map[string]*idsState
	vocab   map[string]*countState
	st      statsRec

	unchangedID string // set by ingestDoc for an Unchanged document
}

type op struct {
	val []byte
	del bool
}

// entState is an entity record read or written by the transaction: raw
// as stored (nil: new or absent), cur as it is now (nil: deleted or
// absent). The stored record is decoded again from raw only when the
// flush finds that it changed, so a record read only to be looked at
// (most resolution candidates) is decoded once.
type entState struct {
	cur *entRec
	raw []byte
}

type relState struct {
	orig, cur *relRec
	raw       []byte
}

type idsState struct {
	orig, cur []uint64
}

type countState struct{ orig, cur int }

func (db *DB) begin() (*wtx, error) {
	w := &wtx{
		db:      db,
		rd:      db.bdb.NewTransaction(false),
		ops:     map[string]op{},
		ents:    map[uint64]*entState{},
		rels:    map[relKey]*relState{},
		aliases: map[string]*idsState{},
		vocab:   map[string]*countState{},
	}
	v, ok, err := w.get(statsKey)
	if err == nil && ok {
		w.st, err = decodeStats(v)
	}
	if err != nil {
		w.discard()
		return nil, err
	}
	return w, nil
}

func (w *wtx) discard() { w.rd.Discard() }

// get reads key as this write sees it: its own changes first, then the
// writers' cache, then the snapshot.
func (w *wtx) get(key []byte) ([]byte, bool, error) {
	if o, ok := w.ops[string(key)]; ok {
		return o.val, !o.del, nil
	}
	if v, ok, hit := w.db.cache.get(key); hit {
		return v, ok, nil
	}
	item, err := w.rd.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		w.db.cache.put(key, nil, false)
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	if err == nil {
		w.db.cache.put(key, v, true)
	}
	return v, err == nil, err
}

func (w *wtx) set(key, val []byte) { w.put(string(key), op{val: val}) }
func (w *wtx) del(key []byte)      { w.put(string(key), op{del: true}) }

// put records an op; byKind lists the keys of ops by their first byte, so
// that scan looks at the ops of one kind, not at all of a batch's ops.
func (w *wtx) put(k string, o op) {
	if _, ok := w.ops[k]; !ok && k != "" {
		w.byKind[k[0]] = append(w.byKind[k[0]], k)
	}
	w.ops[k] = o
}

// scan calls fn for every key with prefix as this write sees it, in key
// order. It is for the rare paths (delete, merge); ingest reads keys
// through keys.
func (w *wtx) scan(prefix []byte, fn func(key, val []byte) error) error {
	type kv struct{ k, v []byte }
	var all []kv
	err := w.keys(prefix, func(k, v []byte) error {
		all = append(all, kv{bytes.Clone(k), bytes.Clone(v)})
		return nil
	})
	if err != nil {
		return err
	}
	sort.Slice(all, func(i, j int) bool { return bytes.Compare(all[i].k, all[j].k) < 0 })
	for _, e := range all {
		if err := fn(e.k, e.v); err != nil {
			return err
		}
	}
	return nil
}

// keys calls fn for every key with prefix as this write sees it and its
// value, in no particular order: first the stored keys this write has not
// touched, then the keys it wrote. Unlike scan it copies nothing, so fn
// must not keep key or val. It serves the ingest paths that only look at
// keys and small values (resolution's token and adjacency counts).
func (w *wtx) keys(prefix []byte, fn func(key, val []byte) error) error {
	it := w.rd.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		if _, ok := w.ops[string(item.Key())]; ok {
			continue
		}
		err := item.Value(func(v []byte) error { return fn(item.Key(), v) })
		if err != nil {
			it.Close()
			return err
		}
	}
	it.Close()
	for _, k := range w.byKind[prefix[0]] {
		if o := w.ops[k]; !o.del && strings.HasPrefix(k, string(prefix)) {
			if err := fn([]byte(k), o.val); err != nil {
				return err
			}
		}
	}
	return nil
}

// entity returns the current record of e (nil when it does not exist).
// The caller may change it in place; flush writes it.
func (w *wtx) entity(e uint64) (*entRec, error) {
	if s, ok := w.ents[e]; ok {
		return s.cur, nil
	}
	v, ok, err := w.get(entityKey(e))
	if err != nil || !ok {
		if err == nil {
			w.ents[e] = &entState{}
		}
		return nil, err
	}
	cur, err := decodeEntity(v)
	if err != nil {
		return nil, err
	}
	w.ents[e] = &entState{cur: cur, raw: v}
	return cur, nil
}

// newEntity creates an entity with the next free number.
func (w *wtx) newEntity(r *entRec) uint64 {
	w.st.NextEntity++
	e := w.st.NextEntity
	w.ents[e] = &entState{cur: r}
	return e
}

// putEntity replaces the record of e (nil deletes it).
func (w *wtx) putEntity(e uint64, r *entRec) error {
	if _, err := w.entity(e); err != nil {
		return err
	}
	w.ents[e].cur = r
	return nil
}

// relation returns the current record of k (nil when it does not exist).
func (w *wtx) relation(k relKey) (*relRec, error) {
	if s, ok := w.rels[k]; ok {
		return s.cur, nil
	}
	v, ok, err := w.get(k.out())
	if err != nil || !ok {
		if err == nil {
			w.rels[k] = &relState{}
		}
		return nil, err
	}
	orig, err := decodeRelation(v)
	if err != nil {
		return nil, err
	}
	cur, _ := decodeRelation(v)
	w.rels[k] = &relState{orig: orig, cur: cur, raw: v}
	return cur, nil
}

// putRelation replaces the record of k (nil deletes it).
func (w *wtx) putRelation(k relKey, r *relRec) error {
	if _, err := w.relation(k); err != nil {
		return err
	}
	w.rels[k].cur = r
	return nil
}

// aliasIDs returns the entities indexed under a canonical key
// (graph.CanonicalKey of a name or alias).
func (w *wtx) aliasIDs(norm string) ([]uint64, error) {
	if s, ok := w.aliases[norm]; ok {
		return s.cur, nil
	}
	v, _, err := w.get(aliasKey(norm))
	if err != nil {
		return nil, err
	}
	ids, err := decodeIDs(v)
	if err != nil {
		return nil, err
	}
	w.aliases[norm] = &idsState{orig: ids, cur: append([]uint64(nil), ids...)}
	return ids, nil
}

func (w *wtx) addAlias(norm string, e uint64) error {
	ids, err := w.aliasIDs(norm)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if id == e {
			return nil
		}
	}
	w.aliases[norm].cur = append(ids, e)
	return nil
}

func (w *wtx) removeAlias(norm string, e uint64) error {
	ids, err := w.aliasIDs(norm)
	if err != nil {
		return err
	}
	out := ids[:0:0]
	for _, id := range ids {
		if id != e {
			out = append(out, id)
		}
	}
	w.aliases[norm].cur = out
	return nil
}

func (w *wtx) addVocab(tok string, d int) error {
	s, ok := w.vocab[tok]
	if !ok {
		v, _, err := w.get(vocabKey(tok))
		if err != nil {
			return err
		}
		n := 0
		if v != nil {
			dd := dec{b: v}
			n = int(dd.uint())
			if dd.err != nil {
				return dd.err
			}
		}
		s = &countState{orig: n, cur: n}
		w.vocab[tok] = s
	}
	s.cur += d
	return nil
}

// flush turns the cached records into ops, with every index key and
// counter that depends on them, and empties the caches so that later reads
// of this write see the flushed state through ops. Relations go first
// because they change the degree of their endpoints.
func (w *wtx) flush() error {
	if err := w.flushRelations(); err != nil {
		return err
	}
	if err := w.flushEntities(); err != nil {
		return err
	}
	for norm, s := range w.aliases {
		if equalIDs(s.orig, s.cur) {
			continue
		}
		if len(s.cur) == 0 {
			w.del(aliasKey(norm))
		} else {
			w.set(aliasKey(norm), encodeIDs(s.cur))
		}
	}
	for tok, s := range w.vocab {
		if s.cur > 0 && s.orig <= 0 {
			w.db.vocab.add(tok)
		}
		switch {
		case s.orig == s.cur:
		case s.cur <= 0:
			w.del(vocabKey(tok))
		default:
			e := enc{}
			e.uint(uint64(s.cur))
			w.set(vocabKey(tok), e.b)
		}
	}
	w.set(statsKey, w.st.encode())
	w.rels = map[relKey]*relState{}
	w.ents = map[uint64]*entState{}
	w.aliases = map[string]*idsState{}
	w.vocab = map[string]*countState{}
	return nil
}

func (w *wtx) flushRelations() error {
	keys := make([]relKey, 0, len(w.rels))
	for k := range w.rels {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i].out(), keys[j].out()) < 0 })
	for _, k := range keys {
		s := w.rels[k]
		switch {
		case s.orig == nil && s.cur == nil:
			continue
		case s.orig == nil:
			w.set(k.in(), nil)
			w.set(k.byType(), nil)
			w.st.Relations++
			w.st.RelationTypes[k.T]++
			if err := w.degree(k, 1); err != nil {
				return err
			}
		case s.cur == nil:
			w.del(k.out())
			w.del(k.in())
			w.del(k.byType())
			w.st.Relations--
			w.st.RelationTypes[k.T]--
			if err := w.degree(k, -1); err != nil {
				return err
			}
		}
		var before, after int
		if s.orig != nil {
			before = s.orig.Count
		}
		if s.cur != nil {
			after = s.cur.Count
			if v := s.cur.encode(); !bytes.Equal(v, s.raw) {
				w.set(k.out(), v)
			}
		}
		w.st.Evidence += after - before
	}
	return nil
}

// degree adds d to the degree and the adjacency counts of both endpoints
// of k.
func (w *wtx) degree(k relKey, d int) error {
	for dir, e := range [2]uint64{adjOut: k.Src, adjIn: k.Dst} {
		r, err := w.entity(e)
		if err != nil {
			return err
		}
		if r != nil {
			r.Degree += d
			r.Adj[dir][k.T] += d
		}
	}
	return nil
}

func (w *wtx) flushEntities() error {
	ids := make([]uint64, 0, len(w.ents))
	for e := range w.ents {
		ids = append(ids, e)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, e := range ids {
		s := w.ents[e]
		if s.raw == nil && s.cur == nil {
			continue
		}
		var v []byte
		if s.cur != nil {
			v = s.cur.encode()
			if bytes.Equal(v, s.raw) {
				continue
			}
		}
		var orig *entRec
		if s.raw != nil {
			var err error
			if orig, err = decodeEntity(s.raw); err != nil {
				return err
			}
		}
		if err := w.reindex(e, orig, s.cur); err != nil {
			return err
		}
		if s.cur == nil {
			w.del(entityKey(e))
		} else {
			w.set(entityKey(e), v)
		}
	}
	return nil
}

// reindex updates the alias, token and order indexes and the counters
// from the old record of e to the new one (either may be nil).
func (w *wtx) reindex(e uint64, old, cur *entRec) error {
	oldN, curN := toSet(old.keys()), toSet(cur.keys())
	for n := range oldN {
		if !curN[n] {
			if err := w.removeAlias(n, e); err != nil {
				return err
			}
		}
	}
	for n := range curN {
		if !oldN[n] {
			if err := w.addAlias(n, e); err != nil {
				return err
			}
		}
	}
	// Token keys carry what search ranks by (tokenValue), so that it
	// filters and ranks candidates before it reads any record.
	oldT, curT := toSet(old.tokens()), toSet(cur.tokens())
	retyped := old != nil && cur != nil && !bytes.Equal(tokenValue(old), tokenValue(cur))
	for t := range oldT {
		if !curT[t] {
			w.del(tokenKey(t, e))
			if err := w.addVocab(t, -1); err != nil {
				return err
			}
		}
	}
	for t := range curT {
		if !oldT[t] || retyped {
			w.set(tokenKey(t, e), tokenValue(cur))
		}
		if !oldT[t] {
			if err := w.addVocab(t, 1); err != nil {
				return err
			}
		}
	}
	var oldK, curK [][]byte
	if old != nil {
		oldK = orderKeys(e, old)
		w.st.Entities--
		w.st.EntityTypes[entityCode[old.Type]]--
		w.st.Mentions -= old.Mentions
	}
	if cur != nil {
		curK = orderKeys(e, cur)
		w.st.Entities++
		w.st.EntityTypes[entityCode[cur.Type]]++
		w.st.Mentions += cur.Mentions
	}
	curKS := map[string]bool{}
	for _, k := range curK {
		curKS[string(k)] = true
	}
	for _, k := range oldK {
		if !curKS[string(k)] {
			w.del(k)
		}
		delete(curKS, string(k))
	}
	for k := range curKS {
		w.set([]byte(k), nil)
	}
	return nil
}

func toSet(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}

func equalIDs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// tokenValue is the value of an entity's name-token keys: its type code
// and the bit length of its mentions (mentionBucket). The bucket changes
// only when the mentions double, so a document that mentions an entity
// again seldom rewrites its token keys.
func tokenValue(r *entRec) []byte {
	return []byte{entityCode[r.Type], mentionBucket(r.Mentions)}
}

// mentionBucket is the bit length of n: 0, 1, 2-3, 4-7, ...
func mentionBucket(n int) byte { return byte(bits.Len(uint(max(n, 0)))) }
