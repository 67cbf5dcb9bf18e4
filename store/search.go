package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"sort"

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

// maxPrefixTokens bounds how many vocabulary tokens one short query token
// may expand to, so that "a" does not read the whole index.
const maxPrefixTokens = 256

// Search ranks entities by how well their names match the query
// (case-insensitive, on name tokens): the exact name, then an exact alias,
// then entities whose name tokens contain every query token, then prefix
// matches, then fuzzy matches (edit distance 1 for query tokens of four or
// more bytes, 2 from eight), then entities matching only some tokens.
// Within a tier, more matched tokens, then more mentions, win. Types
// filters; EINVALID for an unknown type or a bad page request.
func (db *reader) Search(ctx context.Context, q graph.SearchQuery) (graph.Page[*graph.Entity], error) {
	types := map[graph.EntityType]bool{}
	for _, t := range q.Types {
		if !t.Valid() {
			return graph.Page[*graph.Entity]{}, graph.Errorf(graph.EINVALID, "unknown entity type %q", t)
		}
		types[t] = true
	}
	if _, err := pageSize(q.PageRequest); err != nil {
		return graph.Page[*graph.Entity]{}, err
	}
	norm := graph.NormalizeName(q.Query)
	qtoks := graph.NameTokens(q.Query)
	type hit struct {
		e      uint64
		rec    *entRec
		tier   int
		levels []int
	}
	var hits []*hit
	err := db.view(func(txn *badger.Txn) error {
		byID := map[uint64]*hit{}
		get := func(e uint64) *hit {
			h, ok := byID[e]
			if !ok {
				h = &hit{e: e, tier: tierPartial, levels: make([]int, len(qtoks))}
				byID[e] = h
			}
			return h
		}
		if norm != "" {
			v, _, err := getValue(txn, aliasKey(norm))
			if err != nil {
				return err
			}
			ids, err := decodeIDs(v)
			if err != nil {
				return err
			}
			for _, e := range ids {
				get(e).tier = tierAlias
			}
		}
		for i, qt := range qtoks {
			if err := ctx.Err(); err != nil {
				return err
			}
			matches, err := vocabMatches(txn, qt)
			if err != nil {
				return err
			}
			for tok, level := range matches {
				err := entitiesWithToken(txn, tok, func(e uint64) {
					h := get(e)
					h.levels[i] = max(h.levels[i], level)
				})
				if err != nil {
					return err
				}
			}
		}
		for e, h := range byID {
			r, err := loadEntity(txn, e)
			if err != nil {
				return err
			}
			if r == nil || len(types) > 0 && !types[r.Type] {
				continue
			}
			h.rec = r
			if h.tier == tierAlias && graph.NormalizeName(r.Name) == norm {
				h.tier = tierName
			}
			if h.tier == tierPartial {
				low := matchWhole
				for _, l := range h.levels {
					low = min(low, l)
				}
				h.tier = map[int]int{0: tierPartial, matchFuzzy: tierFuzzy, matchPrefix: tierPrefix, matchWhole: tierWhole}[low]
			}
			hits = append(hits, h)
		}
		return nil
	})
	if err != nil {
		return graph.Page[*graph.Entity]{}, internal("search", err)
	}
	score := func(h *hit) (matched, sum int) {
		for _, l := range h.levels {
			if l > 0 {
				matched++
			}
			sum += l
		}
		return
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		am, as := score(a)
		bm, bs := score(b)
		switch {
		case am != bm:
			return am > bm
		case as != bs:
			return as > bs
		case a.rec.Mentions != b.rec.Mentions:
			return a.rec.Mentions > b.rec.Mentions
		case len(a.rec.Name) != len(b.rec.Name):
			return len(a.rec.Name) < len(b.rec.Name)
		}
		return a.e < b.e
	})
	ents := make([]*graph.Entity, len(hits))
	for i, h := range hits {
		ents[i] = h.rec.entity(h.e)
	}
	return offsetPage(ents, q.PageRequest)
}

// vocabMatches returns the indexed name tokens that match query token qt,
// each with its best match level.
func vocabMatches(txn *badger.Txn, qt string) (map[string]int, error) {
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
	// Fuzzy matches: a walk over the whole vocabulary, which is the
	// distinct name tokens of the store (tens of thousands at most).
	var rows [2][]int
	for it.Rewind(); it.Valid(); it.Next() {
		tok := it.Item().Key()[1:]
		if _, ok := out[string(tok)]; ok {
			continue
		}
		if withinDistance(qt, tok, d, &rows) {
			out[string(tok)] = matchFuzzy
		}
	}
	return out, nil
}

// entitiesWithToken calls fn for each entity that has the name token tok.
func entitiesWithToken(txn *badger.Txn, tok string, fn func(uint64)) error {
	prefix := tokenPrefix(tok)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().Key()
		fn(binary.BigEndian.Uint64(k[len(k)-8:]))
	}
	return nil
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
