package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// Ingesting in batches gives exactly the store that ingesting one document
// at a time gives: same statuses, stats and export, with repeated content,
// a replaced document and an invalid one inside batches.
func TestIngestBatchEqualsOneByOne(t *testing.T) {
	ctx := context.Background()
	xs := corpus(120)
	xs = append(xs, docA(t), docB(t), docC(t), xs[3]) // xs[3] again: Unchanged
	changed := *docA(t)
	changed.Document.Text += " Oslo."
	xs = append(xs, &changed, &graph.Extraction{}) // a replacement, an invalid one
	xs = append(xs, docB(t))                       // Unchanged within the batch

	one := mustOpen(t, t.TempDir(), store.Options{})
	var want []graph.IngestStatus
	for _, x := range xs {
		r, err := one.Ingest(ctx, x)
		if err != nil {
			want = append(want, "error")
			continue
		}
		want = append(want, r.Status)
	}
	batched := mustOpen(t, t.TempDir(), store.Options{})
	var got []graph.IngestStatus
	for i := 0; i < len(xs); i += 7 {
		res, errs := batched.IngestBatch(ctx, xs[i:min(i+7, len(xs))])
		for j := range res {
			if errs[j] != nil {
				got = append(got, "error")
				continue
			}
			got = append(got, res[j].Status)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("statuses in batches %v, one by one %v", got, want)
	}
	sameStats(t, "batched", mustStats(t, batched), mustStats(t, one))
	d1, e1, r1 := exportAll(t, one)
	d2, e2, r2 := exportAll(t, batched)
	if !reflect.DeepEqual(d1, d2) || !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(r1, r2) {
		firstDiff(t, "documents", d1, d2)
		firstDiff(t, "entities", e1, e2)
		firstDiff(t, "relations", r1, r2)
		t.Fatal("the batched store's export differs from the one-by-one store's")
	}
	// Deleting retracts a batched document exactly.
	if err := batched.DeleteDocument(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if err := one.DeleteDocument(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	sameStats(t, "after delete", mustStats(t, batched), mustStats(t, one))
}

// firstDiff logs the first item where a and b differ.
func firstDiff[T any](t *testing.T, what string, a, b []T) {
	if len(a) != len(b) {
		t.Logf("%s: %d vs %d", what, len(a), len(b))
	}
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Logf("%s %d:\n one %+v\n bat %+v", what, i, a[i], b[i])
			return
		}
	}
}
