package store

import (
	"errors"
	"testing"
)

// TestWriteCacheKeepsWhatIsUsed fills the writers' cache several times
// over while one entry is asked for all along: that entry survives every
// turn of the generations, an entry nobody asks for falls out, the cache
// stays within its budget, and a failed commit empties it.
func TestWriteCacheKeepsWhatIsUsed(t *testing.T) {
	var c writeCache
	hot, cold := entityKey(1), entityKey(2)
	c.put(hot, []byte("hot"), true)
	c.put(cold, []byte("cold"), true)
	val := make([]byte, 1000)
	n := 4 * writeCacheBytes / (len(val) + 60) // four budgets' worth
	for i := range n {
		c.put(entityKey(uint64(i+10)), val, true)
		if i%1000 != 0 {
			continue
		}
		if v, ok, hit := c.get(hot); !hit || !ok || string(v) != "hot" {
			t.Fatalf("after %d puts the entry in use is gone (hit %v)", i, hit)
		}
		if size := c.bytes + c.oldBytes(); size > writeCacheBytes+len(val)+100 {
			t.Fatalf("after %d puts the cache holds %d bytes, over its budget %d", i, size, writeCacheBytes)
		}
	}
	if _, _, hit := c.get(cold); hit {
		t.Error("an entry nobody asked for survived four budgets of puts")
	}
	// An absent key is cached as absent.
	c.put(entityKey(3), nil, false)
	if _, ok, hit := c.get(entityKey(3)); !hit || ok {
		t.Errorf("absent key: hit %v ok %v, want hit, not ok", hit, ok)
	}
	// Only the kinds resolution reads are cached.
	c.put(docKey(1), []byte("doc"), true)
	if _, _, hit := c.get(docKey(1)); hit {
		t.Error("a document key was cached")
	}
	// A commit's values replace both generations' copies.
	c.old = map[string]cached{string(entityKey(4)): {[]byte("stale"), true}}
	c.update(map[string]op{string(entityKey(4)): {val: []byte("new")}}, nil)
	if v, _, _ := c.get(entityKey(4)); string(v) != "new" {
		t.Errorf("after a commit the cache says %q, want \"new\"", v)
	}
	c.update(nil, errors.New("commit failed"))
	if _, _, hit := c.get(hot); hit {
		t.Error("a failed commit left entries in the cache")
	}
}

// oldBytes reckons the old generation the way put reckons the new one.
func (c *writeCache) oldBytes() int {
	n := 0
	for k, e := range c.old {
		n += len(k) + len(e.val) + 48
	}
	return n
}
