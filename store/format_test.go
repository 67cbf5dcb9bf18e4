package store

import (
	"context"
	"encoding/binary"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// A store written before the format key (version 1 entity records, no
// adjacency counts) is upgraded on Open: relation totals are right after
// it, and a store of a newer format is refused with a message saying
// what to do.
func TestOpenUpgradesFormat1(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	x := &graph.Extraction{Document: graph.Document{ID: "d", Text: "Ann Lee works for Acme Corp in Oslo."},
		Entities: []graph.Entity{
			{ID: "a", Name: "Ann Lee", Type: graph.Person, Mentions: []graph.Mention{{Start: 0, End: 7, Text: "Ann Lee"}}},
			{ID: "b", Name: "Acme Corp", Type: graph.Organization, Mentions: []graph.Mention{{Start: 18, End: 27, Text: "Acme Corp"}}},
			{ID: "c", Name: "Oslo", Type: graph.Location, Mentions: []graph.Mention{{Start: 31, End: 35, Text: "Oslo"}}},
		},
		Relations: []graph.Relation{
			{Source: "a", Type: graph.WorksFor, Target: "b", Confidence: 0.9, Evidence: []graph.Evidence{{Start: 0, End: 35}}},
			{Source: "b", Type: graph.BasedIn, Target: "c", Confidence: 0.9, Evidence: []graph.Evidence{{Start: 0, End: 35}}},
		}}
	if _, err := db.Ingest(ctx, x); err != nil {
		t.Fatal(err)
	}
	acme, err := db.EntityByName(ctx, "Acme Corp", "")
	if err != nil || acme == nil {
		t.Fatal(acme, err)
	}
	// Rewrite the store as format 1 wrote it.
	err = db.bdb.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindEntity}})
		var keys, vals [][]byte
		for it.Rewind(); it.Valid(); it.Next() {
			v, _ := it.Item().ValueCopy(nil)
			r, err := decodeEntity(v)
			if err != nil {
				return err
			}
			r.Adj = [2][relationCodes]int{}
			keys, vals = append(keys, it.Item().KeyCopy(nil)), append(vals, r.encodeAs(1))
		}
		it.Close()
		it = txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindToken}})
		for it.Rewind(); it.Valid(); it.Next() {
			keys, vals = append(keys, it.Item().KeyCopy(nil)), append(vals, nil)
		}
		it.Close()
		// Before format 5 the alias index was keyed by the normalised
		// name: "acme corp", not the canonical "acme".
		it = txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kindAlias}})
		for it.Rewind(); it.Valid(); it.Next() {
			if err := txn.Delete(it.Item().KeyCopy(nil)); err != nil {
				it.Close()
				return err
			}
		}
		it.Close()
		keys, vals = append(keys, aliasKey("acme corp")), append(vals, encodeIDs([]uint64{parseEntityID(acme.ID)}))
		for i := range keys {
			if err := txn.Set(keys[i], vals[i]); err != nil {
				return err
			}
		}
		return txn.Delete(formatKey)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e, err := db.EntityByName(ctx, "ACME Corp.", ""); err != nil || e == nil || e.ID != acme.ID {
		t.Fatalf("the alias index after the upgrade: %+v, %v", e, err)
	}
	p, err := db.Relations(ctx, graph.RelationFilter{Entity: acme.ID})
	if err != nil || p.Total != 2 || len(p.Items) != 2 {
		t.Fatalf("after the upgrade: total %d, %d items, %v; want 2", p.Total, len(p.Items), err)
	}
	p, err = db.Relations(ctx, graph.RelationFilter{Entity: acme.ID, Direction: graph.In})
	if err != nil || p.Total != 1 || p.Items[0].Type != graph.WorksFor {
		t.Fatalf("in-edges after the upgrade: %+v, %v", p, err)
	}
	s, err := db.Search(ctx, graph.SearchQuery{Query: "acme", Types: []graph.EntityType{graph.Organization}})
	if err != nil || len(s.Items) != 1 || s.Items[0].ID != acme.ID {
		t.Fatalf("search by type after the upgrade: %+v, %v", s, err)
	}
	// A newer format is refused.
	err = db.bdb.Update(func(txn *badger.Txn) error {
		return txn.Set(formatKey, binary.AppendUvarint(nil, formatVersion+1))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(dir, Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("a newer format opened: %v", err)
	}
}

// A store of format 5 keyed names with their accents; Open re-keys them,
// so that the spelling without accents finds the entity, resolves to it
// and is found by search, and no key of the old spelling is left.
func TestOpenUpgradesFormat5(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := func(id, name string) *graph.Extraction {
		text := name + " spoke."
		return &graph.Extraction{Document: graph.Document{ID: id, Text: text},
			Entities: []graph.Entity{{ID: "p", Name: name, Type: graph.Person,
				Mentions: []graph.Mention{{Start: 0, End: len(name), Text: name}}}}}
	}
	if _, err := db.Ingest(ctx, doc("d1", "José Mourinho")); err != nil {
		t.Fatal(err)
	}
	jose, err := db.EntityByName(ctx, "José Mourinho", "")
	if err != nil || jose == nil {
		t.Fatal(jose, err)
	}
	e := parseEntityID(jose.ID)
	// Rewrite the name keys as format 5 wrote them: accents kept.
	err = db.bdb.Update(func(txn *badger.Txn) error {
		for _, kind := range []byte{kindAlias, kindToken, kindVocab} {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kind}})
			var keys [][]byte
			for it.Rewind(); it.Valid(); it.Next() {
				keys = append(keys, it.Item().KeyCopy(nil))
			}
			it.Close()
			for _, k := range keys {
				if err := txn.Delete(k); err != nil {
					return err
				}
			}
		}
		v, _, err := getValue(txn, entityKey(e))
		if err != nil {
			return err
		}
		r, err := decodeEntity(v)
		if err != nil {
			return err
		}
		for i := range r.Forms {
			r.Forms[i].Key = "josé mourinho"
		}
		one := binary.AppendUvarint(nil, 1)
		for k, v := range map[string][]byte{
			string(entityKey(e)):              r.encode(),
			string(aliasKey("josé mourinho")): encodeIDs([]uint64{e}),
			string(tokenKey("josé", e)):       tokenValue(r),
			string(tokenKey("mourinho", e)):   tokenValue(r),
			string(vocabKey("josé")):          one,
			string(vocabKey("mourinho")):      one,
			string(formatKey):                 binary.AppendUvarint(nil, 5),
		} {
			if err := txn.Set([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := db.EntityByName(ctx, "Jose Mourinho", ""); e != nil {
		t.Fatal("the rewritten store already finds the name without accents: the test does not test the upgrade")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if e, err := db.EntityByName(ctx, "Jose Mourinho", ""); err != nil || e == nil || e.ID != jose.ID {
		t.Fatalf("by name without accents after the upgrade: %+v, %v", e, err)
	}
	for _, q := range []string{"jose", "josé", "jose mourinho"} {
		s, err := db.Search(ctx, graph.SearchQuery{Query: q})
		if err != nil || len(s.Items) != 1 || s.Items[0].ID != jose.ID {
			t.Fatalf("search %q after the upgrade: %+v, %v", q, s.Items, err)
		}
	}
	err = db.bdb.View(func(txn *badger.Txn) error {
		for _, k := range [][]byte{aliasKey("josé mourinho"), tokenKey("josé", e), vocabKey("josé")} {
			if _, ok, err := getValue(txn, k); err != nil || ok {
				t.Errorf("key %q after the upgrade: present %v, %v", k, ok, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(ctx, doc("d2", "Jose Mourinho")); err != nil {
		t.Fatal(err)
	}
	st, err := db.Stats(ctx)
	if err != nil || st.Entities != 1 {
		t.Fatalf("the spelling without accents made another entity: %+v, %v", st, err)
	}
	if e, err := db.Entity(ctx, jose.ID); err != nil || e == nil || !slices.Contains(e.Aliases, "Jose Mourinho") {
		t.Fatalf("the entity after the second spelling: %+v, %v", e, err)
	}
}
