package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// tinyMemTable makes Badger's transaction limit (15% of a memtable) small
// enough that one modest document overflows it.
var tinyMemTable = store.Options{MemTableSize: 1 << 20}

// bigExtraction is a document with n people, each working for the next.
func bigExtraction(tb testing.TB, id string, n int) *graph.Extraction {
	tb.Helper()
	var sb strings.Builder
	var ents []graph.Entity
	var rels []graph.Relation
	for i := range n {
		ents = append(ents, ent(fmt.Sprint("p", i), graph.Person, fmt.Sprintf("Person%04d Example%04d", i, i)))
	}
	for i := range n {
		fmt.Fprintf(&sb, "Person%04d Example%04d advised Person%04d Example%04d. ", i, i, (i+1)%n, (i+1)%n)
		rels = append(rels, rel(fmt.Sprint("p", i), graph.RelatedTo, fmt.Sprint("p", (i+1)%n), "predicate", "advised"))
	}
	return extraction(tb, id, "2024-06-01", sb.String(), ents, rels)
}

func TestSplitCommitOfABigDocument(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), tinyMemTable)
	mustIngest(t, db, docA(t), graph.Ingested)
	before := mustStats(t, db)

	// Readers running during the split commit see the store before or
	// after the document, never in between.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var seen sync.Map
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				s, err := db.Stats(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				seen.Store([2]int{s.Entities, s.Relations}, true)
			}
		}()
	}
	x := bigExtraction(t, "big", 800)
	res := mustIngest(t, db, x, graph.Ingested)
	close(stop)
	wg.Wait()
	if res.NewEntities != 800 {
		t.Errorf("got %d new entities, want 800", res.NewEntities)
	}
	after := mustStats(t, db)
	if after.Entities != before.Entities+800 || after.Relations != before.Relations+800 || after.Evidence != before.Evidence+800 {
		t.Errorf("got %+v, want 800 more entities, relations and evidence than %+v", after, before)
	}
	seen.Range(func(k, _ any) bool {
		s := k.([2]int)
		if s != [2]int{before.Entities, before.Relations} && s != [2]int{after.Entities, after.Relations} {
			t.Errorf("a reader saw %d entities and %d relations, a half-written document", s[0], s[1])
		}
		return true
	})
	e := mustByName(t, db, "Person0799 Example0799", graph.Person)
	if e.Degree != 2 {
		t.Errorf("got degree %d, want 2", e.Degree)
	}
	// Deleting it is as big and splits as well.
	if err := db.DeleteDocument(ctx, "big"); err != nil {
		t.Fatal(err)
	}
	sameStats(t, "after deleting the big document", mustStats(t, db), before)
}

func TestCrashDuringSplitCommitRollsBack(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, tinyMemTable)
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, db, docA(t), graph.Ingested)
	before := mustStats(t, db)
	_, entsBefore, relsBefore := exportAll(t, db)

	crash := errors.New("simulated crash")
	chunks := 0
	store.SetSplitHook(db, func(chunk int) error {
		chunks = chunk
		if chunk == 2 {
			return crash
		}
		return nil
	})
	if _, err := db.Ingest(context.Background(), bigExtraction(t, "big", 800)); !errors.Is(err, crash) {
		t.Fatalf("got %v, want the simulated crash", err)
	}
	if chunks != 2 {
		t.Fatalf("the commit stopped after chunk %d, want 2 (was it split?)", chunks)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db = mustOpen(t, dir, tinyMemTable)
	sameStats(t, "after recovery", mustStats(t, db), before)
	_, ents, rels := exportAll(t, db)
	if !reflect.DeepEqual(ents, entsBefore) || !reflect.DeepEqual(rels, relsBefore) {
		t.Errorf("the graph after recovery differs from the graph before the crash")
	}
	if e, _ := db.EntityByName(context.Background(), "Person0001 Example0001", ""); e != nil {
		t.Errorf("got %+v from the rolled-back document", e)
	}
	mustIngest(t, db, bigExtraction(t, "big", 800), graph.Ingested)
	if s := mustStats(t, db); s.Entities != before.Entities+800 {
		t.Errorf("got %d entities after ingesting again, want %d", s.Entities, before.Entities+800)
	}
}

func TestConcurrentReadersDuringWrites(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	docs := corpus(40)
	var deleting atomic.Bool
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for r := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for {
				select {
				case <-stop:
					return
				default:
				}
				s, err := db.Stats(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				if s.Documents < last && !deleting.Load() {
					t.Errorf("reader %d: documents went from %d to %d", r, last, s.Documents)
				}
				last = s.Documents
				switch r % 3 {
				case 0:
					_, err = db.Search(ctx, graph.SearchQuery{Query: "amira abara"})
				case 1:
					var p graph.Page[*graph.Entity]
					p, err = db.Entities(ctx, graph.EntityFilter{Order: graph.ByDegree, PageRequest: graph.PageRequest{First: 50}})
					if err == nil && len(p.Items) > 0 {
						_, err = db.Subgraph(ctx, []string{p.Items[0].ID}, 2, 100)
					}
				case 2:
					_, err = db.Relations(ctx, graph.RelationFilter{Types: []graph.RelationType{graph.WorksFor}})
				}
				if err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	for _, x := range docs {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	deleting.Store(true)
	for _, x := range docs[:10] {
		if err := db.DeleteDocument(ctx, x.Document.ID); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	if s := mustStats(t, db); s.Documents != 30 {
		t.Errorf("got %d documents, want 30", s.Documents)
	}
}

func TestConcurrentWritersAreSerialised(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	docs := corpus(30)
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(docs); i += 3 {
				if _, err := db.Ingest(ctx, docs[i]); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	// The same documents one by one give the same counts.
	one := mustOpen(t, t.TempDir(), store.Options{})
	for _, x := range docs {
		mustIngest(t, one, x, graph.Ingested)
	}
	sameStats(t, "parallel against serial ingest", mustStats(t, db), mustStats(t, one))
}

func TestCloseWaitsAndLaterCallsFail(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, db, docA(t), graph.Ingested)
	inExport := make(chan struct{})
	done := make(chan error)
	go func() {
		first := true
		done <- db.ExportEntities(ctx, func(*graph.Entity) error {
			if first {
				first = false
				close(inExport)
				// A call back into the store from inside an export works,
				// or fails cleanly once Close has begun.
				if _, err := db.Stats(ctx); err != nil && !errors.Is(err, store.ErrClosed) {
					return err
				}
			}
			return nil
		})
	}()
	<-inExport
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Errorf("export during Close: %v", err)
	}
	if _, err := db.Stats(ctx); !errors.Is(err, store.ErrClosed) {
		t.Errorf("stats after close: got %v, want ErrClosed", err)
	}
	if _, err := db.Ingest(ctx, docB(t)); !errors.Is(err, store.ErrClosed) {
		t.Errorf("ingest after close: got %v, want ErrClosed", err)
	}
	if err := db.Close(); !errors.Is(err, store.ErrClosed) {
		t.Errorf("second close: got %v, want ErrClosed", err)
	}
}
