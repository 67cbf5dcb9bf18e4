package loader_test

import (
	"context"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

// TestWeakMentionsMakeNoNode checks that an entity only weak mentions name
// (a generic description, a headline's fragment) is no node of the graph,
// while the evaluation contract still reports the mentions, and that a
// generic description the document ties to a name stays that node's
// mention.
func TestWeakMentionsMakeNoNode(t *testing.T) {
	names := func(x *graph.Extraction) map[string]int {
		out := map[string]int{}
		for _, e := range x.Entities {
			out[e.Name] = len(e.Mentions)
		}
		return out
	}
	x := extract(t, "Budget vote\n\nThe Senate approved the budget on Monday, officials in Rome said.")
	for n := range names(x) {
		if n == "Senate" || n == "the Senate" {
			t.Errorf("the Senate alone is a node: %v", names(x))
		}
	}
	x = extract(t, "Budget vote\n\nThe Italian Senate met in Rome on Monday. The Senate approved the budget.")
	if got := names(x); got["Italian Senate"] != 2 {
		t.Errorf("got %v, want Italian Senate with 2 mentions", got)
	}

	// The evaluation contract scores mentions, not nodes: the Senate stays.
	d, err := mustLoader(t).ExtractTokens(context.Background(), [][]string{{"The", "Senate", "approved", "the", "budget", "."}})
	if err != nil {
		t.Fatal(err)
	}
	if s := loader.Sentences(d); len(s[0].Entities) != 1 {
		t.Errorf("contract entities %+v, want the Senate", s[0].Entities)
	}
}
