package schema

import (
	"encoding/json"
	"testing"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kgraph/graph"
)

// TestStoreIDEncodesAsGraphQLID checks that the ids the store makes, for
// every relation type, are written byte for byte as graphql.ID writes
// them, and that storeID reads what graphql.ID reads.
func TestStoreIDEncodesAsGraphQLID(t *testing.T) {
	ids := []string{"e1", "ezz09", "e0"}
	for _, rt := range graph.RelationTypes {
		ids = append(ids, "e1a:"+string(rt.Type)+":e2b")
	}
	for _, id := range ids {
		got, err := json.Marshal(storeID(id))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := graphql.ID(id).MarshalJSON()
		if string(got) != string(want) {
			t.Errorf("%q: storeID writes %s, graphql.ID %s", id, got, want)
		}
	}
	for _, in := range []any{"e7", int32(7), 7.5} {
		var s storeID
		var g graphql.ID
		errS, errG := s.UnmarshalGraphQL(in), g.UnmarshalGraphQL(in)
		if string(s) != string(g) || (errS == nil) != (errG == nil) {
			t.Errorf("%v: storeID %q (%v), graphql.ID %q (%v)", in, s, errS, g, errG)
		}
	}
}
