package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// A view opened before a deletion keeps reading the graph as it was: the
// deleted document's entity, its relations, their evidence, its mentions
// and the counts all agree with each other, from several goroutines at
// once, while the DB itself already answers without them.
func TestViewReadsOneVersion(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	mustIngest(t, db, docA(t), graph.Ingested)
	mustIngest(t, db, docB(t), graph.Ingested)
	before := mustStats(t, db)
	polar := mustByName(t, db, "Polar Logistics", graph.Organization)

	view, release := db.View(ctx)
	defer release()
	if err := db.DeleteDocument(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if e, err := db.Entity(ctx, polar.ID); err != nil || e != nil {
		t.Fatalf("after the delete the DB still has %v (%v)", e, err)
	}
	if after := mustStats(t, db); after.Documents != before.Documents-1 {
		t.Fatalf("documents after delete: %d, want %d", after.Documents, before.Documents-1)
	}

	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- readDeleted(ctx, view, polar.ID, before)
		}()
	}
	// Writes go on while the view is read.
	mustIngest(t, db, docC(t), graph.Ingested)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}

	release()
	release() // idempotent
	if _, err := view.Entity(ctx, polar.ID); !errors.Is(err, store.ErrViewReleased) {
		t.Fatalf("a released view answered with %v, want ErrViewReleased", err)
	}
}

// readDeleted checks, through view, that the entity id and everything
// hanging off it are still there and consistent with stats.
func readDeleted(ctx context.Context, view graph.Reader, id string, stats graph.Stats) error {
	e, err := view.Entity(ctx, id)
	if err != nil || e == nil {
		return errors.Join(errors.New("view lost the entity"), err)
	}
	page, err := view.Relations(ctx, graph.RelationFilter{Entity: id})
	if err != nil {
		return err
	}
	if page.Total != e.Degree || len(page.Items) != e.Degree || e.Degree == 0 {
		return errors.New("view: relations of the entity disagree with its degree")
	}
	for _, r := range page.Items {
		if got, err := view.Relation(ctx, r.ID); err != nil || got == nil {
			return errors.Join(errors.New("view lost relation "+r.ID), err)
		}
		ev, err := view.Evidence(ctx, r.ID, 0)
		if err != nil || len(ev) == 0 || ev[0].Document != "b" {
			return errors.Join(errors.New("view lost the evidence of "+r.ID), err)
		}
		other := r.Source
		if other == id {
			other = r.Target
		}
		if o, err := view.Entity(ctx, other); err != nil || o == nil {
			return errors.Join(errors.New("view lost the endpoint "+other), err)
		}
	}
	ms, err := view.Mentions(ctx, id, graph.PageRequest{})
	if err != nil || ms.Total != e.MentionCount || ms.Items[0].Document != "b" {
		return errors.Join(errors.New("view: mentions disagree"), err)
	}
	if d, err := view.Document(ctx, "b"); err != nil || d == nil {
		return errors.Join(errors.New("view lost the document"), err)
	}
	s, err := view.Stats(ctx)
	if err != nil {
		return err
	}
	if s.Documents != stats.Documents || s.Entities != stats.Entities || s.Relations != stats.Relations {
		return errors.New("view: stats moved")
	}
	hits, err := view.Search(ctx, graph.SearchQuery{Query: "polar logistics"})
	if err != nil || len(hits.Items) == 0 || hits.Items[0].ID != id {
		return errors.Join(errors.New("view: search lost the entity"), err)
	}
	sub, err := view.Subgraph(ctx, []string{id}, 1, 0)
	if err != nil || len(sub.Nodes) != 1+e.Degree {
		return errors.Join(errors.New("view: subgraph disagrees"), err)
	}
	return nil
}

// A view is released with its context, and the DB closes once views are
// released.
func TestViewReleasedWithContext(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, db, docA(t), graph.Ingested)
	ctx, cancel := context.WithCancel(context.Background())
	view, release := db.View(ctx)
	if s, err := view.Stats(ctx); err != nil || s.Documents != 1 {
		t.Fatalf("stats through the view: %+v, %v", s, err)
	}
	cancel()
	if _, err := view.Stats(context.Background()); !errors.Is(err, store.ErrViewReleased) {
		t.Fatalf("after cancel: %v, want ErrViewReleased", err)
	}
	release()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	view, release = db.View(context.Background())
	defer release()
	if _, err := view.Entity(context.Background(), "e1"); !errors.Is(err, store.ErrClosed) {
		t.Fatalf("view of a closed DB: %v, want ErrClosed", err)
	}
}
