package schema

import (
	"context"

	"github.com/kgraph/kgraph/graph"
)

// statsResolver resolves Stats.
type statsResolver struct {
	st     graph.Stats
	stream func(context.Context) (*StreamStats, error)
	fail   func(context.Context, error) error
}

// StreamStats is the state of the NATS JetStream pipeline that feeds the
// store: what its writer applied since the server started and what waits
// in the streams now.
type StreamStats struct {
	Applied, Unchanged, Redelivered, Skipped, Invalid int64
	LagDocuments, LagExtractions, DeadLetters         int64
}

// Stream resolves the stream field: null when the server reads no stream.
func (r *statsResolver) Stream(ctx context.Context) (*streamStatsResolver, error) {
	if r.stream == nil {
		return nil, nil
	}
	s, err := r.stream(ctx)
	if err != nil {
		return nil, r.fail(ctx, err)
	}
	if s == nil {
		return nil, nil
	}
	return &streamStatsResolver{*s}, nil
}

// streamStatsResolver resolves StreamStats.
type streamStatsResolver struct{ s StreamStats }

// Applied resolves the applied field.
func (r *streamStatsResolver) Applied() float64 { return float64(r.s.Applied) }

// Unchanged resolves the unchanged field.
func (r *streamStatsResolver) Unchanged() float64 { return float64(r.s.Unchanged) }

// Redelivered resolves the redelivered field.
func (r *streamStatsResolver) Redelivered() float64 { return float64(r.s.Redelivered) }

// Skipped resolves the skipped field.
func (r *streamStatsResolver) Skipped() float64 { return float64(r.s.Skipped) }

// Invalid resolves the invalid field.
func (r *streamStatsResolver) Invalid() float64 { return float64(r.s.Invalid) }

// LagDocuments resolves the lagDocuments field.
func (r *streamStatsResolver) LagDocuments() float64 { return float64(r.s.LagDocuments) }

// LagExtractions resolves the lagExtractions field.
func (r *streamStatsResolver) LagExtractions() float64 { return float64(r.s.LagExtractions) }

// DeadLetters resolves the deadLetters field.
func (r *streamStatsResolver) DeadLetters() float64 { return float64(r.s.DeadLetters) }

// Documents resolves the documents field.
func (r *statsResolver) Documents() int32 { return int32(r.st.Documents) }

// Entities resolves the entities field.
func (r *statsResolver) Entities() int32 { return int32(r.st.Entities) }

// Relations resolves the relations field.
func (r *statsResolver) Relations() int32 { return int32(r.st.Relations) }

// Mentions resolves the mentions field.
func (r *statsResolver) Mentions() int32 { return int32(r.st.Mentions) }

// Evidence resolves the evidence field.
func (r *statsResolver) Evidence() int32 { return int32(r.st.Evidence) }

// StoreBytes resolves the storeBytes field.
func (r *statsResolver) StoreBytes() float64 { return float64(r.st.StoreBytes) }

// EntityTypes resolves the entityTypes field, in vocabulary order.
func (r *statsResolver) EntityTypes() []*typeCount {
	var out []*typeCount
	for _, info := range graph.EntityTypes {
		if n := r.st.EntityTypes[info.Type]; n > 0 {
			out = append(out, &typeCount{string(info.Type), n})
		}
	}
	return out
}

// RelationTypes resolves the relationTypes field, in vocabulary order.
func (r *statsResolver) RelationTypes() []*typeCount {
	var out []*typeCount
	for _, info := range graph.RelationTypes {
		if n := r.st.RelationTypes[info.Type]; n > 0 {
			out = append(out, &typeCount{string(info.Type), n})
		}
	}
	return out
}

// typeCount resolves EntityTypeCount and RelationTypeCount.
type typeCount struct {
	typ   string
	count int
}

// Type resolves the type field.
func (c *typeCount) Type() string { return c.typ }

// Count resolves the count field.
func (c *typeCount) Count() int32 { return int32(c.count) }
