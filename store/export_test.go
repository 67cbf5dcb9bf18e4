package store

import (
	"encoding/binary"
	"fmt"
)

// SetSplitHook installs a function that runs after each chunk of a split
// commit; an error from it stops the commit as a crash would. For tests.
func SetSplitHook(db *DB, fn func(chunk int) error) { db.splitHook = fn }

// SplitForTest moves what document docID contributed to entity id (its
// mentions, names and the evidence of its relations) to a new entity, as
// resolution before format 5 left it when it made a new node of an
// ambiguous name: the store then holds two nodes of one name, like the
// stores of older kgraph that the format upgrade opens. It returns the new
// entity's ID. For tests.
func SplitForTest(db *DB, docID, id string) (string, error) {
	db.wmu.Lock()
	defer db.wmu.Unlock()
	w, err := db.begin()
	if err != nil {
		return "", err
	}
	defer w.discard()
	v, ok, err := w.get(docIDKey(docID))
	if err != nil || !ok {
		return "", fmt.Errorf("document %q: %v", docID, err)
	}
	doc := binary.BigEndian.Uint64(v)
	e := parseEntityID(id)
	raw, ok, err := w.get(mentionKey(e, doc))
	if err != nil || !ok {
		return "", fmt.Errorf("%s has nothing of %q: %v", id, docID, err)
	}
	n := w.newEntity(&entRec{})
	w.del(mentionKey(e, doc))
	w.del(docEntKey(doc, e))
	w.set(mentionKey(n, doc), raw)
	w.set(docEntKey(doc, n), nil)
	var rels []relKey
	err = w.scan(docRelPrefix(doc), func(k, _ []byte) error {
		if r := parseRel(k[9:]); r.Src == e || r.Dst == e {
			rels = append(rels, r)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	for _, k := range rels {
		ev, _, err := w.get(evidenceKey(k, doc))
		if err != nil {
			return "", err
		}
		nk := k.moved(e, n)
		w.del(evidenceKey(k, doc))
		w.del(k.docRel(doc))
		w.set(evidenceKey(nk, doc), ev)
		w.set(nk.docRel(doc), nil)
		if r, err := w.relation(nk); err != nil {
			return "", err
		} else if r == nil {
			if err := w.putRelation(nk, &relRec{}); err != nil {
				return "", err
			}
		}
		if err := w.recomputeRelation(k); err != nil {
			return "", err
		}
		if err := w.recomputeRelation(nk); err != nil {
			return "", err
		}
	}
	if err := w.recomputeEntity(e); err != nil {
		return "", err
	}
	if err := w.recomputeEntity(n); err != nil {
		return "", err
	}
	if err := db.commit(w); err != nil {
		return "", err
	}
	return entityID(n), nil
}
