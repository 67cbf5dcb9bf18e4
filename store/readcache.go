package store

import (
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
)

// readCache keeps decoded entity and relation records for the readers of
// views (one per GraphQL request), so that what many requests read (a
// hub, the endpoints of a popular page, the relations of its list) costs
// a map lookup instead of an LSM read and a decode. Entries are keyed by
// the record's Badger key (E|id for entities, O|src|type|dst for
// relations, O|src and J|dst for short adjacency lists, read whole,
// K|token|0 for the entities of a name token, as search reads them) and
// are read-only once cached: callers build fresh graph values from them.
//
// A cached record must be what the reader's snapshot holds. Commits are
// counted by a generation, odd while a commit is in flight:
//
//   - a view is taken between two reads of the generation; when both are
//     the same even number g, no commit was in flight while Badger made
//     the snapshot, so the snapshot is exactly the store at generation g;
//     a view taken otherwise does not use the cache;
//   - a record read by a view of generation g is cached, tagged g, only if
//     the generation is still g: the record is then the current one;
//   - a commit removes the entries of every key it writes before it ends
//     (all entries, when it cannot tell which keys it wrote);
//   - so an entry tagged t is the record of its key at every generation
//     from t to now, and a view of generation g uses it when t <= g.
//
// The cache is bounded by the memory of the records it holds (about twice
// their encoded size); when full it starts over.
type readCache struct {
	gen          atomic.Uint64
	hits, misses atomic.Uint64
	mu           sync.RWMutex
	m            map[string]cachedRecord
	bytes        int
	limit        int // 0: the cache is off
}

type cachedRecord struct {
	rec  any // *entRec, *relRec, an adjacency list or a name token's []posting
	gen  uint64
	size int
}

// readSnap is what one view may use of the cache.
type readSnap struct {
	c   *readCache
	gen uint64
	ok  bool
}

// DefaultReadCacheBytes bounds the read cache (the estimated memory of
// the decoded records it holds).
const DefaultReadCacheBytes = 32 << 20

func newReadCache(limit int) *readCache {
	return &readCache{m: map[string]cachedRecord{}, limit: max(limit, 0)}
}

// snapshot returns the view of the snapshot that open takes.
func (c *readCache) snapshot(open func()) readSnap {
	g := c.gen.Load()
	open()
	return readSnap{c: c, gen: g, ok: c.limit > 0 && g%2 == 0 && c.gen.Load() == g}
}

// get returns the cached record of key when s may use it.
func (s readSnap) get(key []byte) (any, bool) {
	if !s.ok {
		return nil, false
	}
	s.c.mu.RLock()
	e, hit := s.c.m[string(key)]
	s.c.mu.RUnlock()
	if !hit || e.gen > s.gen {
		s.c.misses.Add(1)
		return nil, false
	}
	s.c.hits.Add(1)
	return e.rec, true
}

// put caches rec, read from s's snapshot under key, whose encoded value
// had size bytes.
func (s readSnap) put(key []byte, rec any, size int) {
	if !s.ok {
		return
	}
	c := s.c
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen.Load() != s.gen {
		return // a commit began since the snapshot: rec may be stale
	}
	// A decoded record (strings, slices, the struct) takes about twice
	// its encoded size; the bound is on that.
	size = 2*size + len(key) + 64
	if c.bytes+size > c.limit {
		clear(c.m)
		c.bytes = 0
	}
	c.bytes += size - c.m[string(key)].size
	c.m[string(key)] = cachedRecord{rec, s.gen, size}
}

// begin marks a commit in flight; every begin is followed by one end.
func (c *readCache) begin() {
	c.mu.Lock()
	c.gen.Add(1)
	c.mu.Unlock()
}

// end removes the entries of the keys a commit wrote (every entry, for
// ops nil) and ends the commit.
func (c *readCache) end(ops map[string]op) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ops == nil {
		clear(c.m)
		c.bytes = 0
	}
	for k := range ops {
		c.drop(k)
		switch {
		case len(k) > adjListKeyLen && (k[0] == kindOut || k[0] == kindIn):
			c.drop(k[:adjListKeyLen]) // the list the edge is in
		case len(k) > 8 && k[0] == kindToken:
			c.drop(k[:len(k)-8]) // the name token's list (tokenPrefix)
		}
	}
	c.gen.Add(1)
}

// adjListKeyLen is the length of an adjacency list's prefix, O|src or
// J|dst.
const adjListKeyLen = 9

func (c *readCache) drop(key string) {
	if e, ok := c.m[key]; ok {
		c.bytes -= e.size
		delete(c.m, key)
	}
}

// cachedGet reads the record under key from s's cache, or from txn and
// decoded, then cached; the zero T when the key is absent.
func cachedGet[T any](s readSnap, txn *badger.Txn, key []byte, decode func([]byte) (T, error)) (T, error) {
	return cachedDecode(s, key, func() ([]byte, bool, error) { return getValue(txn, key) }, decode)
}

// cachedDecode returns the record under key from s's cache, or reads its
// value with read (false: the key is absent, the zero T), decodes it and
// caches it.
func cachedDecode[T any](s readSnap, key []byte, read func() ([]byte, bool, error), decode func([]byte) (T, error)) (T, error) {
	if rec, ok := s.get(key); ok {
		return rec.(T), nil
	}
	var zero T
	v, ok, err := read()
	if err != nil || !ok {
		return zero, err
	}
	rec, err := decode(v)
	if err != nil {
		return zero, err
	}
	s.put(key, rec, len(v))
	return rec, nil
}

// snap is what the reader may use of the read cache: its view's share;
// nothing for the DB's own reader, whose every call takes a new snapshot.
func (db *reader) snap() readSnap {
	if db.vs == nil {
		return readSnap{}
	}
	return db.vs.snap
}

// ReadCacheStats says how the readers' record cache has served.
type ReadCacheStats struct {
	Hits, Misses uint64 // lookups by the readers of views
	Bytes        int    // the size of what it holds now
}

// ReadCacheStats returns the counts of the read cache since Open.
func (db *DB) ReadCacheStats() ReadCacheStats {
	c := db.reads
	c.mu.RLock()
	defer c.mu.RUnlock()
	return ReadCacheStats{Hits: c.hits.Load(), Misses: c.misses.Load(), Bytes: c.bytes}
}
