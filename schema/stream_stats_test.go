package schema_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// TestStatsStream: stats.stream is null without a stream and reports what
// Options.Stream returns with one; a failing stream read is an error of
// that field, not of the whole stats.
func TestStatsStream(t *testing.T) {
	type out struct {
		Stats struct {
			Documents int
			Stream    *struct {
				Applied, Redelivered, LagDocuments, LagExtractions, DeadLetters float64
			}
		}
	}
	const q = `{ stats { documents stream { applied redelivered lagDocuments lagExtractions deadLetters } } }`

	var plain out
	newEnv(t, schema.Options{}).query(t, q, nil, &plain)
	if plain.Stats.Documents != 3 || plain.Stats.Stream != nil {
		t.Errorf("without a stream: got %+v, want 3 documents and stream null", plain.Stats)
	}

	var fed out
	newEnv(t, schema.Options{Stream: func(context.Context) (*schema.StreamStats, error) {
		return &schema.StreamStats{Applied: 600, Redelivered: 7, LagDocuments: 2, LagExtractions: 1, DeadLetters: 3}, nil
	}}).query(t, q, nil, &fed)
	s := fed.Stats.Stream
	if s == nil || s.Applied != 600 || s.Redelivered != 7 || s.LagDocuments != 2 || s.LagExtractions != 1 || s.DeadLetters != 3 {
		t.Errorf("with a stream: got %+v, want applied 600, redelivered 7, lag 2/1, 3 dead letters", s)
	}

	e := newEnv(t, schema.Options{Stream: func(context.Context) (*schema.StreamStats, error) {
		return nil, errors.New("stream unreachable")
	}})
	r := post(t, e.url, gql{Query: q})
	if len(r.body.Errors) == 0 {
		t.Errorf("a failing stream read: got no error, body %s", r.raw)
	}
}
