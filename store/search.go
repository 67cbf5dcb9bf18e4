package store

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"slices"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// Match levels of one query token against an entity's name tokens.
const (
	matchFuzzy  = 1 // within a small edit distance
	matchPrefix = 2 // the query token starts a name token
	matchWhole  = 3 // the query token is a name token
)

// Ranking tiers, best first.
const (
	tierName    = iota // the query is the entity's name
	tierAlias          // the query is one of its aliases
	tierWhole          // every query token is a whole name token
	tierPrefix         // every query token is a name token or starts one
	tierFuzzy          // every query token matches, some only fuzzily
	tierPartial        // some query tokens match
)

// tierOfLevel is the tier of a candidate whose weakest match over the
// query tokens is the index (0: some token does not match).
var tierOfLevel = [...]int{0: tierPartial, matchFuzzy: tierFuzzy, matchPrefix: tierPrefix, matchWhole: tierWhole}

// maxPrefixTokens bounds how many vocabulary tokens one short query token
// may expand to, so that "a" does not read the whole index.
const maxPrefixTokens = 256

// Search ranks entities by how well their names match the query
// (case- and accent-insensitive, on name tokens): the exact name (up to
// punctuation and a leading "the": graph.PlainKey), then a name or alias
// of the same canonical key (legal forms set aside: "Sony" for "Sony
// Corp."), then entities whose name tokens contain every query token, then
// prefix matches, then fuzzy matches (edit distance 1 for query tokens of
// four or more bytes, where a swap of two neighbouring characters counts
// as one edit too; Levenshtein distance 2 from eight), then entities
// matching only some tokens.
// Within a tier, more matched tokens, then more mentions, win. Types
// filters; EINVALID for an unknown type or a bad page request.
//
// Candidates come from indexes only: the alias index for the whole query,
// the token index (whose keys carry the entity's type) for each matching
// vocabulary token, found by a seek for whole and prefix matches and by
// the in-memory trigram index (vocab.go) for fuzzy ones. They are ranked
// by tier and match before any record is read; records are read only for
// the candidates whose rank the page needs (mentions and name length break
// ties), and for exact-alias candidates.
func (db *reader) Search(ctx context.Context, q graph.SearchQuery) (graph.Page[*graph.Entity], error) {
	types := map[byte]bool{}
	for _, t := range q.Types {
		if !t.Valid() {
			return graph.Page[*graph.Entity]{}, graph.Errorf(graph.EINVALID, "unknown entity type %q", t)
		}
		types[entityCode[t]] = true
	}
	n, err := pageSize(q.PageRequest)
	if err != nil {
		return graph.Page[*graph.Entity]{}, err
	}
	start, err := afterOffset(q.After)
	if err != nil {
		return graph.Page[*graph.Entity]{}, err
	}
	key, plain := graph.CanonicalKey(q.Query), graph.PlainKey(q.Query)
	qtoks := graph.NameTokens(q.Query)
	type hit struct {
		coarseRank
		e       uint64
		typ     byte
		rec     *entRec
		aliased bool
	}
	nq := len(qtoks)
	page := graph.Page[*graph.Entity]{Items: []*graph.Entity{}, Cursors: []string{}}
	err = db.view(func(txn *badger.Txn) error {
		// The name tokens each query token matches, with their entities.
		type source struct {
			qi    int
			level int8
			list  []posting
		}
		var sources []source
		total := 0
		for i, qt := range qtoks {
			if err := ctx.Err(); err != nil {
				return err
			}
			matches, err := db.vocabMatches(ctx, txn, qt)
			if err != nil {
				return err
			}
			for tok, level := range matches {
				list, err := db.postings(ctx, txn, tok)
				if err != nil {
					return err
				}
				sources = append(sources, source{i, int8(level), list})
				total += len(list)
			}
		}
		// The candidates, each with its match level per query token
		// (levels[x*nq+k] for candidate x, token k): a common token
		// brings thousands, so they are values in slices sized at once.
		slots := candSlotsPool.Get().(*candSlots)
		defer candSlotsPool.Put(slots)
		all := make([]hit, 0, total)
		defer func() {
			for _, h := range all {
				slots.unset(h.e)
			}
			clear(slots.sparse)
		}()
		levels := make([]int8, 0, total*nq)
		zero := make([]int8, nq)
		get := func(e uint64) int {
			i, ok := slots.get(e)
			if !ok {
				i = int32(len(all))
				slots.set(e, i)
				all = append(all, hit{e: e, coarseRank: coarseRank{tier: tierPartial}})
				levels = append(levels, zero...)
			}
			return int(i)
		}
		if key != "" {
			v, _, err := getValue(txn, aliasKey(key))
			if err != nil {
				return err
			}
			ids, err := decodeIDs(v)
			if err != nil {
				return err
			}
			for _, e := range ids {
				h := &all[get(e)]
				h.tier, h.aliased = tierAlias, true
			}
		}
		for _, src := range sources {
			for _, p := range src.list {
				x := get(p.e)
				all[x].typ, all[x].bucket = p.tv.typ, p.tv.bucket
				l := &levels[x*nq+src.qi]
				*l = max(*l, src.level)
			}
		}
		// load reads a hit's record once, nil when the entity is gone.
		load := func(h *hit) error {
			if h.rec != nil {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			r, err := db.loadEntity(txn, h.e)
			h.rec = r
			return err
		}
		hits := make([]*hit, 0, len(all))
		for x := range all {
			h := &all[x]
			if h.aliased {
				if err := load(h); err != nil {
					return err
				}
				r := h.rec
				if r == nil {
					continue
				}
				h.typ, h.bucket = entityCode[r.Type], mentionBucket(r.Mentions)
				if graph.PlainKey(r.Name) == plain {
					h.tier = tierName
				}
			}
			if len(types) > 0 && !types[h.typ] {
				continue
			}
			low := matchWhole
			for _, l := range levels[x*nq : x*nq+nq] {
				low = min(low, int(l))
				if l > 0 {
					h.matched++
				}
				h.sum += int(l)
			}
			if h.tier == tierPartial {
				h.tier = tierOfLevel[low]
			}
			hits = append(hits, h)
		}
		// Rank by what the indexes told, then read the records of the
		// groups of equal rank that the page reaches and order each by
		// mentions and name length.
		coarse := func(a, b *hit) int { return a.compare(b.coarseRank) }
		found := len(hits)
		hits = topRanked(hits, start+n, nq, func(h *hit) uint32 { return h.pack() })
		slices.SortFunc(hits, coarse)
		for i := 0; i < len(hits) && i < start+n; {
			j := i + 1
			for j < len(hits) && coarse(hits[i], hits[j]) == 0 {
				j++
			}
			if j > start {
				group := hits[i:j]
				for _, h := range group {
					if err := load(h); err != nil {
						return err
					}
					if h.rec == nil {
						return errCorrupt
					}
				}
				slices.SortFunc(group, func(a, b *hit) int {
					switch {
					case a.rec.Mentions != b.rec.Mentions:
						return b.rec.Mentions - a.rec.Mentions
					case len(a.rec.Name) != len(b.rec.Name):
						return len(a.rec.Name) - len(b.rec.Name)
					}
					return cmp.Compare(a.e, b.e)
				})
			}
			i = j
		}
		page.Total = found
		for i := start; i < len(hits) && len(page.Items) < n; i++ {
			page.Items = append(page.Items, hits[i].rec.entity(hits[i].e))
			page.Cursors = append(page.Cursors, offsetCursor(i))
		}
		page.HasNext = start+len(page.Items) < found
		return nil
	})
	if err != nil {
		return graph.Page[*graph.Entity]{}, internal("search", err)
	}
	return page, nil
}

// candSlots maps entity numbers to the candidates of one search: a dense
// array indexed by the number (entity numbers are given out in sequence,
// so the array is as long as the store's largest number), which costs a
// fraction of a map's hashing for the thousands of postings a common
// token brings; numbers beyond maxDenseSlot go to a map. It is reused
// through candSlotsPool: a search unsets only the slots it set.
type candSlots struct {
	dense  []int32 // candidate index + 1; 0: none
	sparse map[uint64]int32
}

const maxDenseSlot = 1 << 21 // 8 MiB of slots at most

var candSlotsPool = sync.Pool{New: func() any { return new(candSlots) }}

func (c *candSlots) get(e uint64) (int32, bool) {
	if e < maxDenseSlot {
		if e < uint64(len(c.dense)) && c.dense[e] > 0 {
			return c.dense[e] - 1, true
		}
		return 0, false
	}
	i, ok := c.sparse[e]
	return i, ok
}

func (c *candSlots) set(e uint64, i int32) {
	if e >= maxDenseSlot {
		if c.sparse == nil {
			c.sparse = map[uint64]int32{}
		}
		c.sparse[e] = i
		return
	}
	if e >= uint64(len(c.dense)) {
		n := min(max(int(e)+1, 2*len(c.dense)), maxDenseSlot)
		c.dense = append(c.dense, make([]int32, n-len(c.dense))...)
	}
	c.dense[e] = i + 1
}

// unset empties the slot of entity number e.
func (c *candSlots) unset(e uint64) {
	if e < uint64(len(c.dense)) {
		c.dense[e] = 0
	}
}

// coarseRank is what the indexes tell of a search candidate: its tier,
// how many query tokens it matches, the sum of their match levels and the
// magnitude of its mentions.
type coarseRank struct {
	tier, matched, sum int
	bucket             byte // mentionBucket of the entity's mentions
}

// compare is Search's coarse order: tier ascending, then matched tokens,
// match levels and mention bucket descending.
func (r coarseRank) compare(o coarseRank) int {
	switch {
	case r.tier != o.tier:
		return r.tier - o.tier
	case r.matched != o.matched:
		return o.matched - r.matched
	case r.sum != o.sum:
		return o.sum - r.sum
	}
	return int(o.bucket) - int(r.bucket)
}

// pack is the rank as one number that orders as compare does, for at
// most 64 query tokens.
func (r coarseRank) pack() uint32 {
	return uint32(r.tier)<<24 | uint32(255-r.matched)<<16 | uint32(255-r.sum)<<8 | uint32(255-r.bucket)
}

// topRanked returns the candidates whose rank is at most the need-th
// smallest: the first need in rank order and every one tied with the
// last of them, so a page of ranks [0, need) is sorted from them alone.
// It keeps hits as they are when they are few, or when the query has
// more tokens than coarseRank.pack holds.
func topRanked[H any](hits []H, need, queryTokens int, rank func(H) uint32) []H {
	if len(hits) <= 2*need || queryTokens > 64 || need <= 0 {
		return hits
	}
	// A max-heap of the need smallest ranks seen.
	heap := make([]uint32, 0, need)
	for _, h := range hits {
		r := rank(h)
		switch {
		case len(heap) < need:
			heap = append(heap, r)
			for i := len(heap) - 1; i > 0 && heap[(i-1)/2] < heap[i]; i = (i - 1) / 2 {
				heap[i], heap[(i-1)/2] = heap[(i-1)/2], heap[i]
			}
		case r < heap[0]:
			heap[0] = r
			for i := 0; ; {
				l, big := 2*i+1, i
				if l < len(heap) && heap[l] > heap[big] {
					big = l
				}
				if l+1 < len(heap) && heap[l+1] > heap[big] {
					big = l + 1
				}
				if big == i {
					break
				}
				heap[i], heap[big] = heap[big], heap[i]
				i = big
			}
		}
	}
	var out []H
	for _, h := range hits {
		if rank(h) <= heap[0] {
			out = append(out, h)
		}
	}
	return out
}

// vocabMatches returns the indexed name tokens that match query token qt,
// each with its best match level.
func (db *reader) vocabMatches(ctx context.Context, txn *badger.Txn, qt string) (map[string]int, error) {
	out := map[string]int{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindVocab}, PrefetchValues: false})
	defer it.Close()
	// Whole and prefix matches: one seek into the vocabulary.
	prefix := vocabKey(qt)
	n := 0
	for it.Seek(prefix); it.Valid() && n < maxPrefixTokens; it.Next() {
		k := it.Item().Key()
		if !bytes.HasPrefix(k, prefix) {
			break
		}
		tok := string(k[1:])
		if tok == qt {
			out[tok] = matchWhole
		} else {
			out[tok] = matchPrefix
		}
		n++
	}
	d := 0
	switch {
	case len(qt) >= 8:
		d = 2
	case len(qt) >= 4:
		d = 1
	}
	if d == 0 {
		return out, nil
	}
	// Fuzzy matches: candidates from the trigram index, each checked
	// against this snapshot's vocabulary by postings (a token
	// no longer held has no entities).
	err := db.db.vocab.fuzzy(qt, d, ctx.Err, func(tok string) {
		if _, ok := out[tok]; !ok {
			out[tok] = matchFuzzy
		}
	})
	return out, err
}

// tokenVal is the decoded value of a name-token key (see tokenValue).
type tokenVal struct {
	typ    byte
	bucket byte
}

// posting is one entry of a name token's list: an entity with what its
// token key says of it.
type posting struct {
	e  uint64
	tv tokenVal
}

// maxCachedPostings bounds the lists the read cache keeps (16 bytes an
// entry); a longer one is read from the store on every search.
const maxCachedPostings = 1 << 14

// postings returns the entities that have the name token tok, with what
// their token keys say of them, in entity order. The list is read once
// from the view's snapshot and kept in the read cache under the token's
// prefix (a commit that writes one of its keys drops it), so searches
// that expand to the same tokens (one name's fuzzy variants, popular
// words) do not scan them again. Callers do not change it.
func (db *reader) postings(ctx context.Context, txn *badger.Txn, tok string) ([]posting, error) {
	prefix := tokenPrefix(tok)
	s := db.snap()
	if rec, ok := s.get(prefix); ok {
		return rec.([]posting), nil
	}
	var list []posting
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if len(list)%256 == 255 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		item := it.Item()
		k := item.Key()
		var tv tokenVal
		err := item.Value(func(v []byte) error {
			if len(v) != 2 {
				return errCorrupt
			}
			tv = tokenVal{typ: v[0], bucket: v[1]}
			return nil
		})
		if err != nil {
			return nil, err
		}
		list = append(list, posting{binary.BigEndian.Uint64(k[len(k)-8:]), tv})
	}
	if len(list) <= maxCachedPostings {
		s.put(prefix, list, 16*len(list))
	}
	return list, nil
}

// withinDistance reports whether the Levenshtein distance between a and b
// is at most d, stopping as soon as a row exceeds d; rows is scratch space
// reused across calls.
func withinDistance(a string, b []byte, d int, rows *[2][]int) bool {
	la, lb := len(a), len(b)
	if la-lb > d || lb-la > d {
		return false
	}
	for i := range rows {
		if cap(rows[i]) < lb+1 {
			rows[i] = make([]int, lb+1)
		}
		rows[i] = rows[i][:lb+1]
	}
	prev, cur := rows[0], rows[1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > d {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[lb] <= d
}
