package store

// writeCache remembers, for writers, the values of the keys that entity
// resolution reads for every document: entity records, alias lists and
// merge pins, including the knowledge that a key is absent. Only writers
// use it, under DB.wmu, and a commit updates it with what it wrote, so it
// never disagrees with the store; a failed commit empties it.
type writeCache struct {
	m     map[string]cached
	bytes int
}

type cached struct {
	val []byte
	ok  bool
}

// writeCacheBytes bounds the cache; past it the cache starts over.
const writeCacheBytes = 32 << 20

func cacheable(key []byte) bool {
	return len(key) > 0 && (key[0] == kindEntity || key[0] == kindAlias || key[0] == kindPin)
}

func (c *writeCache) get(key []byte) (val []byte, ok, hit bool) {
	if !cacheable(key) {
		return nil, false, false
	}
	e, hit := c.m[string(key)]
	return e.val, e.ok, hit
}

func (c *writeCache) put(key, val []byte, ok bool) {
	if !cacheable(key) {
		return
	}
	if c.m == nil || c.bytes > writeCacheBytes {
		c.m, c.bytes = map[string]cached{}, 0
	}
	c.m[string(key)] = cached{val, ok}
	c.bytes += len(key) + len(val) + 48
}

// update records the outcome of a commit of ops: the new values when it
// succeeded, nothing at all when it failed.
func (c *writeCache) update(ops map[string]op, err error) {
	if err != nil {
		c.m, c.bytes = nil, 0
		return
	}
	for k, o := range ops {
		if cacheable([]byte(k)) {
			c.put([]byte(k), o.val, !o.del)
		}
	}
}
