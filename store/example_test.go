package store_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

func Example() {
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
	ctx := context.Background()

	// Two documents name the same person differently.
	text1 := "Lena Holt chairs the Harbour Board."
	text2 := "Holt said the port would reopen."
	docs := []*graph.Extraction{
		{
			Document: graph.Document{ID: "d1", Date: "2024-01-02", Text: text1},
			Entities: []graph.Entity{
				{ID: "a", Name: "Lena Holt", Type: graph.Person, Mentions: []graph.Mention{{Start: 0, End: 9, Text: "Lena Holt"}}},
				{ID: "b", Name: "Harbour Board", Type: graph.Organization, Mentions: []graph.Mention{{Start: 21, End: 34, Text: "Harbour Board"}}},
			},
			Relations: []graph.Relation{{Source: "a", Type: graph.Leads, Target: "b", Confidence: 0.9,
				Evidence: []graph.Evidence{{Start: 0, End: len(text1)}}}},
		},
		{
			Document: graph.Document{ID: "d2", Date: "2024-01-03", Text: text2},
			Entities: []graph.Entity{
				{ID: "a", Name: "Holt", Type: graph.Person, Mentions: []graph.Mention{{Start: 0, End: 4, Text: "Holt"}}},
			},
		},
	}
	for _, x := range docs {
		res, err := db.Ingest(ctx, x)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(res.DocumentID, res.Status, "new entities:", res.NewEntities)
	}
	e, err := db.EntityByName(ctx, "holt", graph.Person)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(e.Name, e.Aliases, e.MentionCount, e.Attributes["matchedBy"])
	rels, err := db.Relations(ctx, graph.RelationFilter{Entity: e.ID})
	if err != nil {
		log.Fatal(err)
	}
	ev, err := db.Evidence(ctx, rels.Items[0].ID, 1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rels.Items[0].Type, ev[0].Sentence)
	// Output:
	// d1 NEW new entities: 2
	// d2 NEW new entities: 0
	// Lena Holt [Holt] 2 new; alias:holt
	// LEADS Lena Holt chairs the Harbour Board.
}
