package store

import (
	"bytes"
	"context"
	"encoding/binary"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// loadDoc reads the record of document number doc; nil when absent.
func loadDoc(txn *badger.Txn, doc uint64) (*docRec, error) {
	v, ok, err := getValue(txn, docKey(doc))
	if err != nil || !ok {
		return nil, err
	}
	return decodeDoc(v)
}

// docNumber returns the internal number of document id, 0 when unknown.
func docNumber(txn *badger.Txn, id string) (uint64, error) {
	v, ok, err := getValue(txn, docIDKey(id))
	if err != nil || !ok || len(v) != 8 {
		return 0, err
	}
	return binary.BigEndian.Uint64(v), nil
}

// Document returns the document with its text; nil when unknown.
func (db *reader) Document(ctx context.Context, id string) (*graph.Document, error) {
	out, err := db.DocumentsByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// DocumentsByID returns documents with their texts in one read; unknown ids
// leave nil slots.
func (db *reader) DocumentsByID(ctx context.Context, ids []string) ([]*graph.Document, error) {
	out := make([]*graph.Document, len(ids))
	err := db.view(func(txn *badger.Txn) error {
		for i, id := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			doc, err := docNumber(txn, id)
			if err != nil || doc == 0 {
				if err != nil {
					return err
				}
				continue
			}
			d, err := loadDoc(txn, doc)
			if err != nil || d == nil {
				return err
			}
			text, _, err := getValue(txn, textKey(doc))
			if err != nil {
				return err
			}
			out[i] = d.document(string(text))
		}
		return nil
	})
	if err != nil {
		return nil, internal("documents", err)
	}
	return out, nil
}

// Documents lists documents dated within [From, To] (either may be empty),
// newest first. Undated documents come last and only when neither bound
// is set. Listed documents carry no text; Document has it. EINVALID for a
// bad page request or a date that is not YYYY-MM-DD.
func (db *reader) Documents(ctx context.Context, f graph.DocumentFilter) (graph.Page[*graph.Document], error) {
	var page graph.Page[*graph.Document]
	for _, d := range []string{f.From, f.To} {
		if d != "" && !isDate(d) {
			return page, graph.Errorf(graph.EINVALID, "date %q is not YYYY-MM-DD", d)
		}
	}
	n, err := pageSize(f.PageRequest)
	if err != nil {
		return page, err
	}
	after, err := afterKey(f.After)
	if err != nil {
		return page, err
	}
	prefix := []byte{kindDate}
	if after != nil && !bytes.HasPrefix(after, prefix) {
		return page, graph.Errorf(graph.EINVALID, "cursor does not belong to this list")
	}
	// The range of T keys, walked backwards from hi down to lo.
	hi := append([]byte{kindDate}, 0xff)
	if f.To != "" {
		hi = append(append([]byte{kindDate}, dateField(f.To)...), bytes.Repeat([]byte{0xff}, 8)...)
	}
	var lo []byte
	if f.From != "" || f.To != "" {
		lo = append([]byte{kindDate}, dateField("0000-00-00")...)
	}
	if f.From != "" {
		lo = append([]byte{kindDate}, dateField(f.From)...)
	}
	page.Items, page.Cursors = []*graph.Document{}, []string{}
	err = db.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: true, PrefetchValues: false})
		defer it.Close()
		for it.Seek(hi); it.Valid(); it.Next() {
			k := it.Item().Key()
			if bytes.Compare(k, lo) < 0 {
				break
			}
			page.Total++
			switch {
			case after != nil && bytes.Compare(k, after) >= 0:
				continue // served by an earlier page
			case len(page.Items) == n:
				page.HasNext = true
				continue
			}
			doc := binary.BigEndian.Uint64(k[len(k)-8:])
			d, err := loadDoc(txn, doc)
			if err != nil {
				return err
			}
			if d == nil {
				return errCorrupt
			}
			page.Items = append(page.Items, d.document(""))
			page.Cursors = append(page.Cursors, keyCursor(k))
		}
		return nil
	})
	if err != nil {
		return page, internal("documents", err)
	}
	return page, nil
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
