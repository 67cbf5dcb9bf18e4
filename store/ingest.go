package store

import (
	"context"
	"encoding/binary"
	"sort"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// Ingest merges an extraction into the graph in one atomic write: it
// resolves the extraction's entities against the stored ones, adds their
// mentions, and adds its relations with their evidence. A document whose
// content hash is already stored is reported Unchanged and nothing is
// written; a stored document with the same ID and other content is
// replaced. Errors: EINVALID for an extraction that breaks the contract
// (unknown types, relations to unknown entities, offsets outside the
// text).
func (db *DB) Ingest(ctx context.Context, x *graph.Extraction) (graph.IngestResult, error) {
	res, errs := db.IngestBatch(ctx, []*graph.Extraction{x})
	return res[0], errs[0]
}

// IngestBatch ingests several extractions in one Badger transaction, as
// Ingest would one after the other: each document is still wholly stored
// or not at all, a repeated content hash (also within the batch) is
// Unchanged, a stored ID with other content is replaced. A document that
// breaks the contract gets its EINVALID in errs and the others go on; when
// the commit fails, every document of the batch gets the error and none is
// stored. One transaction for several documents writes a key that they
// share (the stats, a hub's record, its order keys) once instead of once
// per document.
func (db *DB) IngestBatch(ctx context.Context, xs []*graph.Extraction) ([]graph.IngestResult, []error) {
	res := make([]graph.IngestResult, len(xs))
	errs := make([]error, len(xs))
	type doc struct {
		i        int
		id, hash string
	}
	var docs []doc
	for i, x := range xs {
		if x == nil {
			errs[i] = graph.Errorf(graph.EINVALID, "no extraction")
			continue
		}
		if err := validate(x); err != nil {
			errs[i] = err
			continue
		}
		id := x.Document.ID
		if id == "" {
			id = graph.DocumentID(x.Document.Text)
		}
		res[i] = graph.IngestResult{DocumentID: id, Entities: len(x.Entities), Relations: len(x.Relations)}
		docs = append(docs, doc{i, id, graph.ContentHash(x.Document.Text)})
	}
	if len(docs) == 0 {
		return res, errs
	}
	fail := func(err error) ([]graph.IngestResult, []error) {
		for _, d := range docs {
			if errs[d.i] == nil {
				errs[d.i] = err
			}
		}
		return res, errs
	}
	if err := db.acquire(); err != nil {
		return fail(err)
	}
	defer db.release()
	db.wmu.Lock()
	defer db.wmu.Unlock()
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	w, err := db.begin()
	if err != nil {
		return fail(internal("ingest", err))
	}
	defer w.discard()
	var written []int
	for _, d := range docs {
		status, n, err := w.ingestDoc(xs[d.i], d.id, d.hash)
		if err != nil {
			// The write is half done: nothing of the batch is stored.
			return fail(internal("ingest", err))
		}
		res[d.i].Status, res[d.i].NewEntities = status, n
		if status == graph.Unchanged {
			res[d.i].DocumentID = w.unchangedID
			continue
		}
		written = append(written, d.i)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	if len(written) == 0 {
		return res, errs
	}
	if err := db.commit(w); err != nil {
		return fail(internal("ingest", err))
	}
	return res, errs
}

// ingestDoc adds one document to w: Unchanged (with w.unchangedID set to
// the stored document's ID) when its content hash is stored, otherwise it
// replaces a stored document of the same ID and ingests it, returning the
// number of new entities.
func (w *wtx) ingestDoc(x *graph.Extraction, id, hash string) (graph.IngestStatus, int, error) {
	if v, ok, err := w.get(hashKey(hash)); err != nil {
		return "", 0, err
	} else if ok {
		d, err := w.docRecord(binary.BigEndian.Uint64(v))
		if err != nil {
			return "", 0, err
		}
		if d == nil {
			return "", 0, errCorrupt
		}
		w.unchangedID = d.ID
		return graph.Unchanged, 0, nil
	}
	if v, ok, err := w.get(docIDKey(id)); err != nil {
		return "", 0, err
	} else if ok {
		if err := w.retract(binary.BigEndian.Uint64(v)); err != nil {
			return "", 0, err
		}
		if err := w.flush(); err != nil {
			return "", 0, err
		}
	}
	n, err := w.ingest(x, id, hash)
	if err != nil {
		return "", 0, err
	}
	// Flushed, the next document of a batch reads this one as it would
	// read a committed one: the index deltas of a later change are
	// computed against it.
	return graph.Ingested, n, w.flush()
}

// maxNameBytes bounds names and document IDs, which become parts of keys
// (Badger refuses keys over 64 KiB; names that long are extraction bugs).
const maxNameBytes = 1000

// validate checks the parts of an extraction the store relies on.
func validate(x *graph.Extraction) error {
	size := len(x.Document.Text)
	if strings.TrimSpace(x.Document.Text) == "" {
		return graph.Errorf(graph.EINVALID, "empty document")
	}
	if len(x.Document.ID) > maxNameBytes {
		return graph.Errorf(graph.EINVALID, "document id longer than %d bytes", maxNameBytes)
	}
	if d := x.Document.Date; d != "" && !isDate(d) {
		return graph.Errorf(graph.EINVALID, "document date %q is not YYYY-MM-DD", d)
	}
	local := make(map[string]bool, len(x.Entities))
	for i := range x.Entities {
		e := &x.Entities[i]
		if !e.Type.Valid() {
			return graph.Errorf(graph.EINVALID, "entity %q: unknown type %q", e.ID, e.Type)
		}
		if strings.TrimSpace(e.Name) == "" {
			return graph.Errorf(graph.EINVALID, "entity %q: empty name", e.ID)
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if len(n) > maxNameBytes {
				return graph.Errorf(graph.EINVALID, "entity %q: a name longer than %d bytes", e.ID, maxNameBytes)
			}
		}
		local[e.ID] = true
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End < m.Start || m.End > size {
				return graph.Errorf(graph.EINVALID, "entity %q: mention [%d,%d) outside the text (%d bytes)", e.ID, m.Start, m.End, size)
			}
		}
	}
	for _, r := range x.Relations {
		if !r.Type.Valid() {
			return graph.Errorf(graph.EINVALID, "relation %s->%s: unknown type %q", r.Source, r.Target, r.Type)
		}
		if !local[r.Source] || !local[r.Target] {
			return graph.Errorf(graph.EINVALID, "relation %s %s %s: unknown entity", r.Source, r.Type, r.Target)
		}
		for _, ev := range r.Evidence {
			if ev.Start < 0 || ev.End < ev.Start || ev.End > size {
				return graph.Errorf(graph.EINVALID, "relation %s %s %s: evidence [%d,%d) outside the text (%d bytes)", r.Source, r.Type, r.Target, ev.Start, ev.End, size)
			}
		}
	}
	return nil
}

// ingest adds the document and its facts to w and returns the number of
// new entities.
func (w *wtx) ingest(x *graph.Extraction, id, hash string) (int, error) {
	w.st.NextDoc++
	doc := w.st.NextDoc
	w.st.Documents++
	d := &docRec{ID: id, Title: x.Document.Title, Date: x.Document.Date, Source: x.Document.Source, URL: x.Document.URL, Hash: hash}
	num := u64(nil, doc)
	w.set(docKey(doc), d.encode())
	w.set(textKey(doc), []byte(x.Document.Text))
	w.set(docIDKey(id), num)
	w.set(hashKey(hash), num)
	w.set(dateKey(d.Date, doc), nil)

	// Resolve the fullest names first, so that a surname the loader left
	// as its own entity finds the full name of the same document.
	order := make([]int, len(x.Entities))
	forms := make([][]string, len(x.Entities))
	words := make([]int, len(x.Entities))
	for i := range x.Entities {
		order[i] = i
		forms[i] = properForms(&x.Entities[i])
		for _, f := range forms[i] {
			words[i] = max(words[i], len(strings.Fields(f)))
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return words[order[a]] > words[order[b]] })

	local := make(map[string]uint64, len(x.Entities))
	contribs := map[uint64]*contrib{}
	var touched []uint64
	fresh := map[uint64]bool{}
	dc := &docContext{touched: map[uint64]bool{}, fresh: fresh, title: x.Document.Title, text: x.Document.Text}
	created := 0
	retried := map[int]bool{}
	for len(order) > 0 {
		i := order[0]
		order = order[1:]
		xe := &x.Entities[i]
		e, decision, err := w.resolve(xe.Type, forms[i], dc)
		if err != nil {
			return 0, err
		}
		if strings.HasPrefix(decision, decisionNone+"ambiguous") && !retried[i] {
			// Once more when the rest of the document is resolved: its
			// entities are the context that may settle it.
			retried[i] = true
			order = append(order, i)
			continue
		}
		if strings.HasPrefix(decision, decisionNone) {
			continue // an ambiguous short name the document does not settle
		}
		if e != 0 {
			if forms[i], err = w.ownForms(forms[i], e, xe.Type); err != nil {
				return 0, err
			}
		}
		c := &contrib{Type: xe.Type, Name: strings.TrimSpace(xe.Name), Forms: forms[i]}
		if len(c.Forms) == 0 {
			c.Forms = []string{c.Name}
		} else if !hasForm(c.Forms, c.Name) {
			c.Name = c.Forms[0]
		}
		keys := make([]string, 0, len(xe.Attributes))
		for k := range xe.Attributes {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			switch v := xe.Attributes[k]; {
			case k == attrMatchedBy:
			case graph.IsListAttribute(k):
				for _, item := range strings.Split(v, graph.ListSeparator) {
					if item = strings.TrimSpace(item); item != "" && !hasPair(c.Attrs, k, item) {
						c.Attrs = append(c.Attrs, k, item)
					}
				}
			default:
				c.Attrs = append(c.Attrs, k, v)
			}
		}
		c.Attrs = append(c.Attrs, attrMatchedBy, decision)
		for _, m := range xe.Mentions {
			m.Document = ""
			c.Mentions = append(c.Mentions, m)
		}
		if e == 0 {
			e = w.newEntity(&entRec{})
			fresh[e] = true
			created++
			if c.Forms, err = w.ownForms(c.Forms, e, xe.Type); err != nil {
				return 0, err
			}
			if !hasForm(c.Forms, c.Name) {
				c.Name = c.Forms[0]
			}
		}
		local[xe.ID] = e
		dc.touched[e] = true
		if old, ok := contribs[e]; ok {
			old.merge(c)
		} else {
			contribs[e] = c
			touched = append(touched, e)
		}
		// Index the names right away so that the rest of this document
		// resolves against them; a new node gets a provisional record.
		for _, f := range c.Forms {
			if err := w.addAlias(graph.CanonicalKey(f), e); err != nil {
				return 0, err
			}
		}
		if fresh[e] {
			r, err := w.entity(e)
			if err != nil {
				return 0, err
			}
			*r = entRec{}
			r.add(contribs[e])
		}
	}
	for _, e := range touched {
		r, err := w.entity(e)
		if err != nil {
			return 0, err
		}
		if fresh[e] {
			*r = entRec{}
		}
		r.add(contribs[e])
		w.set(mentionKey(e, doc), contribs[e].encode())
		w.set(docEntKey(doc, e), nil)
	}

	evs := map[relKey]*evContrib{}
	var rels []relKey
	for _, xr := range x.Relations {
		src, dst := local[xr.Source], local[xr.Target]
		if src == dst || src == 0 || dst == 0 {
			continue // two local entities that resolved to one node, or one to none
		}
		k := canonical(relKey{src, relationCode[xr.Type], dst})
		c := &evContrib{Conf: xr.Confidence}
		for _, ev := range xr.Evidence {
			if s := [2]int{ev.Start, ev.End}; !hasSpan(c.Spans, s) {
				c.Spans = append(c.Spans, s)
			}
		}
		keys := make([]string, 0, len(xr.Attributes))
		for k := range xr.Attributes {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, a := range keys {
			c.Attrs = append(c.Attrs, a, xr.Attributes[a])
		}
		if old, ok := evs[k]; ok {
			old.merge(c)
		} else {
			evs[k] = c
			rels = append(rels, k)
		}
	}
	for _, k := range rels {
		r, err := w.relation(k)
		if err != nil {
			return 0, err
		}
		if r == nil {
			r = &relRec{}
			if err := w.putRelation(k, r); err != nil {
				return 0, err
			}
		}
		r.add(evs[k])
		w.set(evidenceKey(k, doc), evs[k].encode())
		w.set(k.docRel(doc), nil)
	}
	return created, nil
}

// ownForms returns the forms of an organisation or place that are its own:
// without a form that is another node's name ("United States" given by an
// extraction to the "University of Surrey"), and without a proper part of
// its own longer name that another node carries as a name of its own
// ("Fed" of "New York Fed" beside the Federal Reserve's "Fed", "General
// Motors" of "General Motors Acceptance Corp" beside General Motors). The
// mentions stay; such a name is not the entity's alias. At least one form
// stays.
func (w *wtx) ownForms(forms []string, e uint64, typ graph.EntityType) ([]string, error) {
	if typ == graph.Person || len(forms) < 2 {
		return forms, nil
	}
	var multi []string
	for _, f := range forms {
		if k := graph.CanonicalKey(f); strings.Contains(k, " ") {
			multi = append(multi, k)
		}
	}
	out := forms[:0:0]
	for _, f := range forms {
		k := graph.CanonicalKey(f)
		part := partOf(k, multi)
		other, err := w.ownedElsewhere(k, e, typ, !part)
		if err != nil {
			return nil, err
		}
		if !other {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return forms[:1], nil
	}
	return out, nil
}

func hasForm(forms []string, s string) bool {
	n := graph.NormalizeName(s)
	for _, f := range forms {
		if graph.NormalizeName(f) == n {
			return true
		}
	}
	return false
}

// canonical orders the endpoints of a symmetric relation as
// graph.Relation.Canonical does with the entity IDs.
func canonical(k relKey) relKey {
	if relationType[k.T].Symmetric() && entityID(k.Dst) < entityID(k.Src) {
		k.Src, k.Dst = k.Dst, k.Src
	}
	return k
}

// DeleteDocument retracts exactly what the document contributed: its
// mentions, evidence, names and attributes; entities and relations left
// without any support disappear. ENOTFOUND when id is unknown.
func (db *DB) DeleteDocument(ctx context.Context, id string) error {
	if err := db.acquire(); err != nil {
		return err
	}
	defer db.release()
	db.wmu.Lock()
	defer db.wmu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	w, err := db.begin()
	if err != nil {
		return internal("delete document", err)
	}
	defer w.discard()
	v, ok, err := w.get(docIDKey(id))
	if err != nil {
		return internal("delete document", err)
	}
	if !ok {
		return graph.Errorf(graph.ENOTFOUND, "document %q not found", id)
	}
	if err := w.retract(binary.BigEndian.Uint64(v)); err != nil {
		return internal("delete document", err)
	}
	if err := db.commit(w); err != nil {
		return internal("delete document", err)
	}
	return nil
}

func (w *wtx) docRecord(doc uint64) (*docRec, error) {
	v, ok, err := w.get(docKey(doc))
	if err != nil || !ok {
		return nil, err
	}
	return decodeDoc(v)
}

// retract removes document doc and everything it contributed. Entities and
// relations it touched are recomputed from the contributions of the other
// documents, so the result is exactly the graph without this document.
func (w *wtx) retract(doc uint64) error {
	d, err := w.docRecord(doc)
	if err != nil {
		return err
	}
	if d == nil {
		return errCorrupt
	}
	w.del(docKey(doc))
	w.del(textKey(doc))
	w.del(docIDKey(d.ID))
	w.del(hashKey(d.Hash))
	w.del(dateKey(d.Date, doc))
	w.st.Documents--

	var rels []relKey
	err = w.scan(docRelPrefix(doc), func(k, _ []byte) error {
		rels = append(rels, parseRel(k[9:]))
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range rels {
		w.del(k.docRel(doc))
		w.del(evidenceKey(k, doc))
		if err := w.recomputeRelation(k); err != nil {
			return err
		}
	}
	var ents []uint64
	err = w.scan(docEntPrefix(doc), func(k, _ []byte) error {
		ents = append(ents, binary.BigEndian.Uint64(k[9:]))
		return nil
	})
	if err != nil {
		return err
	}
	for _, e := range ents {
		w.del(docEntKey(doc, e))
		w.del(mentionKey(e, doc))
		if err := w.recomputeEntity(e); err != nil {
			return err
		}
	}
	return nil
}

// recomputeRelation rebuilds the record of k from its evidence
// contributions; without any it deletes the relation.
func (w *wtx) recomputeRelation(k relKey) error {
	fresh := &relRec{}
	err := w.scan(evidencePrefix(k), func(_, v []byte) error {
		c, err := decodeEvContrib(v)
		if err == nil {
			fresh.add(c)
		}
		return err
	})
	if err != nil {
		return err
	}
	if fresh.Docs == 0 {
		fresh = nil
	}
	return w.putRelation(k, fresh)
}

// recomputeEntity rebuilds the record of e from its contributions, keeping
// what the store maintains itself (degree, merge decisions); without any
// contribution it deletes the entity.
func (w *wtx) recomputeEntity(e uint64) error {
	cur, err := w.entity(e)
	if err != nil || cur == nil {
		return err
	}
	fresh := &entRec{Degree: cur.Degree, Adj: cur.Adj, Fixed: cur.Fixed, Merged: cur.Merged}
	if cur.Fixed {
		fresh.Type = cur.Type
	}
	err = w.scan(mentionPrefix(e), func(_, v []byte) error {
		c, err := decodeContrib(v)
		if err == nil {
			fresh.add(c)
		}
		return err
	})
	if err != nil {
		return err
	}
	if fresh.Docs == 0 {
		fresh = nil
	}
	return w.putEntity(e, fresh)
}
