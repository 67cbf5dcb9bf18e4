package schema_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/store"
)

// Serving a store over HTTP: the GraphQL endpoint at /graphql and the
// landing page at /.
func ExampleService_Register() {
	dir, err := os.MkdirTemp("", "kgraph-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	svc, err := schema.New(schema.Options{
		Reader: db,
		Delete: db.DeleteDocument,
		Merge:  db.MergeEntities,
		Token:  os.Getenv("KGRAPH_TOKEN"), // empty: mutations over HTTP are refused
	})
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	svc.Register(mux)
	_ = &http.Server{Addr: "127.0.0.1:8080", Handler: mux} // ListenAndServe in a real program
}

// Running a query without HTTP, as `kgraph query` does.
func ExampleService_Exec() {
	dir, err := os.MkdirTemp("", "kgraph-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	text := "Marta Keller met Tomas Brandt."
	_, err = db.Ingest(context.Background(), &graph.Extraction{
		Document: graph.Document{ID: "d1", Text: text, Hash: graph.ContentHash(text)},
		Entities: []graph.Entity{
			{ID: "a", Name: "Marta Keller", Type: graph.Person, Aliases: []string{"Keller"}, Attributes: map[string]string{},
				Mentions: []graph.Mention{{Start: 0, End: 12, Text: "Marta Keller"}}},
			{ID: "b", Name: "Tomas Brandt", Type: graph.Person, Aliases: []string{}, Attributes: map[string]string{},
				Mentions: []graph.Mention{{Start: 17, End: 29, Text: "Tomas Brandt"}}},
		},
		Relations: []graph.Relation{{Type: graph.MetWith, Source: "a", Target: "b", Attributes: map[string]string{}, Confidence: 0.9,
			Evidence: []graph.Evidence{{Document: "d1", Sentence: text, Start: 0, End: len(text)}}}},
	})
	if err != nil {
		log.Fatal(err)
	}

	svc, err := schema.New(schema.Options{Reader: db})
	if err != nil {
		log.Fatal(err)
	}
	resp := svc.Exec(context.Background(), schema.Request{
		Query: `query($name: String!) { entityByName(name: $name) {
		  name relations { nodes { type target { name } evidence { sentence } } } } }`,
		Variables: map[string]any{"name": "keller"},
	})
	out, err := json.Marshal(resp)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))
	// Output:
	// {"data":{"entityByName":{"name":"Marta Keller","relations":{"nodes":[{"type":"MET_WITH","target":{"name":"Tomas Brandt"},"evidence":[{"sentence":"Marta Keller met Tomas Brandt."}]}]}}}}
}
