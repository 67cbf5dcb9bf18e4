package schema_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/store"
)

// BenchmarkRequest measures the request path without HTTP on the fixture
// store, where the store's reads are cheap and what graphql-go and the
// resolvers cost shows: one entity, one hop with both endpoints, and a
// page of entities each with its relations (the nested list that
// MaxParallelism bounds), at several MaxParallelism values.
//
//	go test ./schema -run XXX -bench Request -benchmem
func BenchmarkRequest(b *testing.B) {
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ingestFixtures(b, db)
	ctx := context.Background()
	var reader graph.Reader = db
	e, err := reader.EntityByName(ctx, "Tomas Brandt", "")
	if err != nil || e == nil {
		b.Fatalf("fixture entity: %v", err)
	}
	queries := []struct{ name, q string }{
		{"entity", `query($id: ID!) { entity(id: $id) { id name type aliases mentionCount degree } }`},
		{"hop", `query($id: ID!) { entity(id: $id) { id name relations(first: 20) { totalCount nodes { id type confidence source { id name type } target { id name type } } } } }`},
		{"nested", `{ entities(first: 20) { nodes { id name relations(first: 20) { nodes { type target { name } } } } } }`},
	}
	for _, par := range []int{1, 4, 10} {
		svc, err := schema.New(schema.Options{Reader: db, MaxParallelism: par})
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range queries {
			b.Run(fmt.Sprintf("%s/par=%d", q.name, par), func(b *testing.B) {
				req := schema.Request{Query: q.q, Variables: map[string]any{"id": e.ID}}
				b.ReportAllocs()
				for b.Loop() {
					if r := svc.Exec(ctx, req); len(r.Errors) > 0 {
						b.Fatal(r.Errors)
					}
				}
			})
		}
	}
}
