package store

// writeCache remembers, for writers, the values of the keys that entity
// resolution reads for every document: entity records, alias lists and
// merge pins, including the knowledge that a key is absent. Only writers
// use it, under DB.wmu, and a commit updates it with what it wrote, so it
// never disagrees with the store; a failed commit empties it.
//
// It keeps two generations: new entries go to cur; when cur has taken
// half the budget it becomes old and cur starts empty, and a hit in old
// moves the entry back to cur. So the entries in use survive a turn (the
// records of the countries and agencies that most documents mention)
// while the ones no document asked for since fall out, and the cache never
// holds much more than its budget. (Emptying the whole cache when it was
// full made the writes after it read the store again: on the tenth batch
// of the 100k corpus the writer read 52,303 entity records from Badger
// with one generation of 32 MiB, 38,780 with two of 32; how much of that
// is the generations and how much the doubled budget was not measured.)
type writeCache struct {
	cur, old map[string]cached
	bytes    int // of cur
}

type cached struct {
	val []byte
	ok  bool
}

// writeCacheBytes bounds the cache, both generations together.
const writeCacheBytes = 64 << 20

func cacheable(key []byte) bool {
	return len(key) > 0 && (key[0] == kindEntity || key[0] == kindAlias || key[0] == kindPin)
}

func (c *writeCache) get(key []byte) (val []byte, ok, hit bool) {
	if !cacheable(key) {
		return nil, false, false
	}
	if e, hit := c.cur[string(key)]; hit {
		return e.val, e.ok, true
	}
	e, hit := c.old[string(key)]
	if hit {
		delete(c.old, string(key))
		c.put(key, e.val, e.ok)
	}
	return e.val, e.ok, hit
}

func (c *writeCache) put(key, val []byte, ok bool) {
	if !cacheable(key) {
		return
	}
	if c.cur == nil || c.bytes > writeCacheBytes/2 {
		c.old, c.cur, c.bytes = c.cur, map[string]cached{}, 0
	}
	delete(c.old, string(key)) // the value in cur is the newer one
	c.cur[string(key)] = cached{val, ok}
	c.bytes += len(key) + len(val) + 48
}

// update records the outcome of a commit of ops: the new values when it
// succeeded, nothing at all when it failed.
func (c *writeCache) update(ops map[string]op, err error) {
	if err != nil {
		c.cur, c.old, c.bytes = nil, nil, 0
		return
	}
	for k, o := range ops {
		if cacheable([]byte(k)) {
			c.put([]byte(k), o.val, !o.del)
		}
	}
}
