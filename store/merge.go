package store

import (
	"context"
	"encoding/binary"

	"github.com/kgraph/kgraph/graph"
)

// MergeEntities folds the entities from into the entity into: their
// mentions, names, attributes, relations and evidence move to into, and
// they are deleted. The decision is remembered: Entity and Relation of an
// old ID follow a redirect to into, and a later document that names any of
// their names resolves to into whatever type it gives. into keeps its type.
// Errors: ENOTFOUND for an unknown id, EINVALID for an empty from list.
func (db *DB) MergeEntities(ctx context.Context, into string, from []string) (*graph.Entity, error) {
	if len(from) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "nothing to merge into %q", into)
	}
	if err := db.acquire(); err != nil {
		return nil, err
	}
	defer db.release()
	db.wmu.Lock()
	defer db.wmu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	w, err := db.begin()
	if err != nil {
		return nil, internal("merge", err)
	}
	defer w.discard()

	target, err := w.live(into)
	if err != nil {
		return nil, err
	}
	var sources []uint64
	for _, id := range from {
		f, err := w.live(id)
		if err != nil {
			return nil, err
		}
		if f != target && !containsID(sources, f) {
			sources = append(sources, f)
		}
	}
	for _, f := range sources {
		if err := w.mergeOne(target, f); err != nil {
			return nil, internal("merge", err)
		}
		if err := w.flush(); err != nil {
			return nil, internal("merge", err)
		}
	}
	r, err := w.entity(target)
	if err != nil {
		return nil, internal("merge", err)
	}
	r.Fixed = true
	if err := w.recomputeEntity(target); err != nil {
		return nil, internal("merge", err)
	}
	if err := db.commit(w); err != nil {
		return nil, internal("merge", err)
	}
	return db.Entity(ctx, entityID(target))
}

// live returns the entity number of id after merge redirects, ENOTFOUND
// when there is no such entity.
func (w *wtx) live(id string) (uint64, error) {
	e := parseEntityID(id)
	if e != 0 {
		var err error
		if e, err = w.follow(e); err != nil {
			return 0, internal("merge", err)
		}
	}
	if e == 0 {
		return 0, graph.Errorf(graph.ENOTFOUND, "entity %q not found", id)
	}
	return e, nil
}

func containsID(ids []uint64, id uint64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// mergeOne moves everything of f to into.
func (w *wtx) mergeOne(into, f uint64) error {
	fr, err := w.entity(f)
	if err != nil {
		return err
	}
	// Contributions, document by document.
	type kv struct {
		doc uint64
		val []byte
	}
	var cs []kv
	err = w.scan(mentionPrefix(f), func(k, v []byte) error {
		cs = append(cs, kv{binary.BigEndian.Uint64(k[9:]), v})
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range cs {
		moved, err := decodeContrib(c.val)
		if err != nil {
			return err
		}
		w.del(mentionKey(f, c.doc))
		w.del(docEntKey(c.doc, f))
		if v, ok, err := w.get(mentionKey(into, c.doc)); err != nil {
			return err
		} else if ok {
			have, err := decodeContrib(v)
			if err != nil {
				return err
			}
			have.merge(moved)
			moved = have
		}
		w.set(mentionKey(into, c.doc), moved.encode())
		w.set(docEntKey(c.doc, into), nil)
	}
	// Relations: out-edges of f and in-edges to f.
	var rels []relKey
	err = w.scan(outPrefix(f), func(k, _ []byte) error {
		rels = append(rels, parseRel(k[1:]))
		return nil
	})
	if err == nil {
		err = w.scan(inPrefix(f), func(k, _ []byte) error {
			rels = append(rels, relFromIn(k[1:]))
			return nil
		})
	}
	if err != nil {
		return err
	}
	for _, k := range rels {
		if err := w.moveRelation(k, f, into); err != nil {
			return err
		}
	}
	// Memory: the old ID redirects, its names are pinned to into.
	w.set(redirectKey(f), u64(nil, into))
	for _, n := range fr.keys() {
		w.set(pinKey(n), u64(nil, into))
	}
	r, err := w.entity(into)
	if err != nil {
		return err
	}
	r.Merged = append(r.Merged, f)
	r.Merged = append(r.Merged, fr.Merged...)
	return w.putEntity(f, nil)
}

// moveRelation re-attaches relation k from entity f to into, combining its
// evidence with a relation into already has; a relation between f and into
// would become a loop and is dropped.
func (w *wtx) moveRelation(k relKey, f, into uint64) error {
	if r, err := w.relation(k); err != nil || r == nil {
		return err
	}
	nk := k.moved(f, into)
	loop := nk.Src == nk.Dst
	type kv struct {
		doc uint64
		val []byte
	}
	var evs []kv
	err := w.scan(evidencePrefix(k), func(key, v []byte) error {
		evs = append(evs, kv{binary.BigEndian.Uint64(key[18:]), v})
		return nil
	})
	if err != nil {
		return err
	}
	for _, ev := range evs {
		w.del(evidenceKey(k, ev.doc))
		w.del(k.docRel(ev.doc))
		if loop {
			continue
		}
		moved, err := decodeEvContrib(ev.val)
		if err != nil {
			return err
		}
		if v, ok, err := w.get(evidenceKey(nk, ev.doc)); err != nil {
			return err
		} else if ok {
			have, err := decodeEvContrib(v)
			if err != nil {
				return err
			}
			have.merge(moved)
			moved = have
		}
		w.set(evidenceKey(nk, ev.doc), moved.encode())
		w.set(nk.docRel(ev.doc), nil)
	}
	if err := w.putRelation(k, nil); err != nil {
		return err
	}
	if loop {
		return nil
	}
	return w.recomputeRelation(nk)
}

// moved is k with every end that is entity from replaced by entity to, in
// canonical order.
func (k relKey) moved(from, to uint64) relKey {
	if k.Src == from {
		k.Src = to
	}
	if k.Dst == from {
		k.Dst = to
	}
	return canonical(k)
}
