package schema

import "github.com/kgraph/kgraph/graph"

// statsResolver resolves Stats.
type statsResolver struct{ st graph.Stats }

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
