package store

import (
	"context"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// Traversal bounds.
const (
	DefaultSubgraphLimit = 100 // nodes when Subgraph gets limit 0
	DefaultMaxHops       = 6   // when ShortestPath gets maxHops 0
	MaxHops              = 10  // the most either accepts
)

// Subgraph expands ids breadth first, over edges in both directions, by
// hops (0: only ids themselves and the edges among them), stopping at limit nodes (DefaultSubgraphLimit when 0,
// at most graph.MaxPageSize). It returns the nodes and every edge between
// them; Truncated says the limit cut the expansion short. Unknown ids are
// skipped. EINVALID for hops or limit out of range.
func (db *reader) Subgraph(ctx context.Context, ids []string, hops, limit int) (*graph.Subgraph, error) {
	switch {
	case hops < 0 || hops > MaxHops:
		return nil, graph.Errorf(graph.EINVALID, "hops must be between 0 and %d, got %d", MaxHops, hops)
	case limit < 0 || limit > graph.MaxPageSize:
		return nil, graph.Errorf(graph.EINVALID, "limit must be between 0 and %d, got %d", graph.MaxPageSize, limit)
	}
	if limit == 0 {
		limit = DefaultSubgraphLimit
	}
	out := &graph.Subgraph{Nodes: []*graph.Entity{}, Edges: []*graph.Relation{}}
	err := db.view(func(txn *badger.Txn) error {
		adj := newAdjCursor(txn)
		defer adj.close()
		recs := map[uint64]*entRec{}
		var order []uint64
		add := func(e uint64) (bool, error) {
			if _, ok := recs[e]; ok {
				return true, nil
			}
			if len(order) == limit {
				out.Truncated = true
				return false, nil
			}
			r, err := db.loadEntity(txn, e)
			if err != nil || r == nil {
				return false, err
			}
			recs[e] = r
			order = append(order, e)
			return true, nil
		}
		var frontier []uint64
		for _, id := range ids {
			e, r, err := db.followEntity(txn, parseEntityID(id))
			if err != nil {
				return err
			}
			if r == nil {
				continue
			}
			if _, seen := recs[e]; !seen {
				if ok, err := add(e); err != nil {
					return err
				} else if ok {
					frontier = append(frontier, e)
				}
			}
		}
		for h := 0; h < hops && len(frontier) > 0 && !out.Truncated; h++ {
			var next []uint64
			for _, e := range frontier {
				if err := ctx.Err(); err != nil {
					return err
				}
				// The scan of e's edges stops as soon as the limit is
				// reached: a hub's thousand edges are not read for the
				// few nodes that still fit.
				err := adj.each(e, true, true, func(k relKey, _ *badger.Item) (bool, error) {
					n := k.other(e)
					if _, seen := recs[n]; seen {
						return true, nil
					}
					ok, err := add(n)
					if err != nil {
						return false, err
					}
					if ok {
						next = append(next, n)
					}
					return !out.Truncated, nil
				})
				if err != nil {
					return err
				}
				if out.Truncated {
					break
				}
			}
			frontier = next
		}
		for _, e := range order {
			out.Nodes = append(out.Nodes, recs[e].entity(e))
			if recs[e].adjTotal(adjOut) == 0 {
				continue // no out-edge: no scan
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			inside := func(k relKey) bool { _, ok := recs[k.Dst]; return ok }
			err := db.outEdges(txn, adj, e, recs[e].adjTotal(adjOut), inside, func(k relKey, r *relRec) {
				out.Edges = append(out.Edges, r.relation(k))
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, internal("subgraph", err)
	}
	return out, nil
}

// ShortestPath finds a shortest path from one entity to another over edges
// in either direction, of at most maxHops edges (DefaultMaxHops when 0);
// nil when there is none. The search runs breadth first from both ends.
// EINVALID for maxHops out of range.
func (db *reader) ShortestPath(ctx context.Context, from, to string, maxHops int) (*graph.Path, error) {
	if maxHops < 0 || maxHops > MaxHops {
		return nil, graph.Errorf(graph.EINVALID, "maxHops must be between 0 and %d, got %d", MaxHops, maxHops)
	}
	if maxHops == 0 {
		maxHops = DefaultMaxHops
	}
	var out *graph.Path
	err := db.view(func(txn *badger.Txn) error {
		a, ar, err := db.followEntity(txn, parseEntityID(from))
		if err != nil || ar == nil {
			return err
		}
		b, br, err := db.followEntity(txn, parseEntityID(to))
		if err != nil || br == nil {
			return err
		}
		if a == b {
			out = &graph.Path{Nodes: []*graph.Entity{ar.entity(a)}, Edges: []*graph.Relation{}}
			return nil
		}
		// Bidirectional BFS: parent edges from each side.
		adj := newAdjCursor(txn)
		defer adj.close()
		type step struct {
			prev uint64
			edge relKey
			dist int
		}
		fromA := map[uint64]step{a: {}}
		fromB := map[uint64]step{b: {}}
		fa, fb := []uint64{a}, []uint64{b}
		meet, best := uint64(0), 0
		for depth := 0; depth < maxHops && meet == 0 && len(fa) > 0 && len(fb) > 0; depth++ {
			// Expand the smaller side.
			side, other, frontier := fromA, fromB, &fa
			if len(fb) < len(fa) {
				side, other, frontier = fromB, fromA, &fb
			}
			var next []uint64
			for _, e := range *frontier {
				if err := ctx.Err(); err != nil {
					return err
				}
				err := adj.each(e, true, true, func(k relKey, _ *badger.Item) (bool, error) {
					n := k.other(e)
					if _, seen := side[n]; seen {
						return true, nil
					}
					side[n] = step{e, k, side[e].dist + 1}
					next = append(next, n)
					if o, ok := other[n]; ok && (meet == 0 || side[n].dist+o.dist < best) {
						meet, best = n, side[n].dist+o.dist
					}
					return true, nil
				})
				if err != nil {
					return err
				}
			}
			*frontier = next
		}
		if meet == 0 {
			return nil
		}
		var nodes []uint64
		var edges []relKey
		for n := meet; n != a; n = fromA[n].prev {
			nodes = append([]uint64{fromA[n].prev}, nodes...)
			edges = append([]relKey{fromA[n].edge}, edges...)
		}
		nodes = append(nodes, meet)
		for n := meet; n != b; n = fromB[n].prev {
			nodes = append(nodes, fromB[n].prev)
			edges = append(edges, fromB[n].edge)
		}
		out = &graph.Path{}
		for _, e := range nodes {
			r, err := db.loadEntity(txn, e)
			if err != nil {
				return err
			}
			if r == nil {
				return errCorrupt
			}
			out.Nodes = append(out.Nodes, r.entity(e))
		}
		for _, k := range edges {
			r, err := db.loadRelation(txn, k)
			if err != nil {
				return err
			}
			if r == nil {
				return errCorrupt
			}
			out.Edges = append(out.Edges, r.relation(k))
		}
		return nil
	})
	if err != nil {
		return nil, internal("shortest path", err)
	}
	return out, nil
}

// adjCursor reads the adjacency lists of many entities through two
// iterators, one seek per list, instead of opening iterators for every
// entity of a traversal's frontier (opening one costs more than the seek).
type adjCursor struct {
	out, in *badger.Iterator
}

func newAdjCursor(txn *badger.Txn) *adjCursor {
	return &adjCursor{
		out: txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindOut}, PrefetchValues: false}),
		in:  txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindIn}, PrefetchValues: false}),
	}
}

func (c *adjCursor) close() {
	c.out.Close()
	c.in.Close()
}

// each calls fn with the keys of the relations of e, outgoing ones first,
// and the item of the key (an out-edge's value is the relation record),
// until fn returns false or an error.
func (c *adjCursor) each(e uint64, out, in bool, fn func(relKey, *badger.Item) (bool, error)) error {
	scan := func(it *badger.Iterator, prefix []byte, conv func([]byte) relKey) (bool, error) {
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			if more, err := fn(conv(it.Item().Key()[1:]), it.Item()); !more || err != nil {
				return false, err
			}
		}
		return true, nil
	}
	if out {
		if more, err := scan(c.out, outPrefix(e), parseRel); !more || err != nil {
			return err
		}
	}
	if in {
		if _, err := scan(c.in, inPrefix(e), relFromIn); err != nil {
			return err
		}
	}
	return nil
}

// adjList is one adjacency list of an entity (its out- or in-edges) as
// the read cache keeps it: the relation keys and records, in key order.
type adjList struct {
	rks  []relKey
	recs []*relRec
}

// maxCachedList bounds the lists the read cache keeps; a longer list (a
// hub's) is scanned every time, reading only the records asked for.
const maxCachedList = 64

// cachedList returns e's list in one direction (of n edges, from the
// entity's counts) from the read cache, or scans it whole with adj (a
// new cursor when adj is nil) and caches it; nil when the list is longer
// than maxCachedList or the reader has no cache.
func (db *reader) cachedList(txn *badger.Txn, adj *adjCursor, e uint64, in bool, n int) (*adjList, error) {
	s := db.snap()
	if !s.ok || n > maxCachedList {
		return nil, nil
	}
	key := outPrefix(e)
	if in {
		key = inPrefix(e)
	}
	if v, ok := s.get(key); ok {
		return v.(*adjList), nil
	}
	if adj == nil {
		adj = newAdjCursor(txn)
		defer adj.close()
	}
	l := &adjList{}
	size := 0
	err := adj.each(e, !in, in, func(k relKey, item *badger.Item) (bool, error) {
		var r *relRec
		var err error
		if in {
			r, err = db.loadRelation(txn, k)
		} else {
			r, err = db.relationAt(item)
		}
		if err == nil && r == nil {
			err = errCorrupt
		}
		if err != nil {
			return false, err
		}
		l.rks = append(l.rks, k)
		l.recs = append(l.recs, r)
		size += 64 + len(r.Attrs)*32
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	s.put(key, l, size)
	return l, nil
}

// outEdges calls fn with the out-edges of e (of out-degree degree) that
// keep accepts, and their records: from the read cache's list when the
// list is short, else from a scan that reads only the records kept.
func (db *reader) outEdges(txn *badger.Txn, adj *adjCursor, e uint64, degree int, keep func(relKey) bool, fn func(relKey, *relRec)) error {
	l, err := db.cachedList(txn, adj, e, false, degree)
	if err != nil {
		return err
	}
	if l != nil {
		for i, k := range l.rks {
			if keep(k) {
				fn(k, l.recs[i])
			}
		}
		return nil
	}
	return adj.each(e, true, false, func(k relKey, item *badger.Item) (bool, error) {
		if !keep(k) {
			return true, nil
		}
		r, err := db.relationAt(item)
		if err != nil {
			return false, err
		}
		fn(k, r)
		return true, nil
	})
}
