package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// TestListAttributesCountItems: a list attribute is counted item by item
// over the documents, so an entity shows its most frequent items (at most
// eight, most documents first) and its record does not grow with every
// new combination; deleting a document takes its items away exactly.
func TestListAttributesCountItems(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, t.TempDir(), store.Options{})
	doc := func(id string, items ...string) *graph.Extraction {
		e := ent("e1", graph.Organization, "Acme Holdings")
		e.Attributes[graph.AttrResolution] = strings.Join(items, graph.ListSeparator)
		return extraction(t, id, "2024-01-02", "Acme Holdings said profits rose in "+id+".", []graph.Entity{e}, nil)
	}
	mustIngest(t, db, doc("d1", "it: pronoun", "the firm: description"), graph.Ingested)
	mustIngest(t, db, doc("d2", "the firm: description", "its: pronoun", "the firm: description"), graph.Ingested)
	for i := range 12 {
		mustIngest(t, db, doc(fmt.Sprintf("n%d", i), fmt.Sprintf("rare %d: description", i), "the firm: description"), graph.Ingested)
	}
	got := mustByName(t, db, "Acme Holdings", graph.Organization).Attributes[graph.AttrResolution]
	items := strings.Split(got, graph.ListSeparator)
	if len(items) != 8 || items[0] != "the firm: description" || items[1] != "it: pronoun" || items[2] != "its: pronoun" {
		t.Fatalf("resolution %q: want 8 items, the firm first (14 documents), then it and its (1 each, first seen first)", got)
	}
	if err := db.DeleteDocument(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	got = mustByName(t, db, "Acme Holdings", graph.Organization).Attributes[graph.AttrResolution]
	if strings.Contains(got, "it: pronoun") || !strings.HasPrefix(got, "the firm: description; its: pronoun; rare 0") {
		t.Errorf("after deleting d1: resolution %q, want it gone and the rest in order", got)
	}
}
