package schema_test

import (
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// TestNodeBatchConfidenceAttributeMap covers the conveniences for
// notebooks and dashboards: node(id:) for each kind of object,
// entities(ids:), minConfidence with paging, attributeMap.
func TestNodeBatchConfidenceAttributeMap(t *testing.T) {
	e := newEnv(t, schema.Options{})
	brandt, velmora := e.idOf(t, "Tomas Brandt"), e.idOf(t, "Velmora")

	var n struct {
		E, R, D, Missing *struct {
			Typename string `json:"__typename"`
			ID       string
			Name     string
			Type     string
			Title    string
		}
	}
	var rel struct {
		Relations struct{ Nodes []struct{ ID string } }
	}
	e.query(t, `{ relations(first: 1) { nodes { id } } }`, nil, &rel)
	e.query(t, `query($e: ID!, $r: ID!) {
		e: node(id: $e) { __typename id ... on Entity { name } }
		r: node(id: $r) { __typename id ... on Relation { type } }
		d: node(id: "d-river") { __typename id ... on Document { title } }
		missing: node(id: "e999999") { id }
	}`, map[string]any{"e": brandt, "r": rel.Relations.Nodes[0].ID}, &n)
	if n.E == nil || n.E.Typename != "Entity" || n.E.Name != "Tomas Brandt" || n.E.ID != brandt {
		t.Errorf("node(entity): %+v", n.E)
	}
	if n.R == nil || n.R.Typename != "Relation" || n.R.ID != rel.Relations.Nodes[0].ID || n.R.Type == "" {
		t.Errorf("node(relation): %+v", n.R)
	}
	if n.D == nil || n.D.Typename != "Document" || n.D.Title != "Brandt joins river council" {
		t.Errorf("node(document): %+v", n.D)
	}
	if n.Missing != nil {
		t.Errorf("node(unknown id): %+v, want null", n.Missing)
	}

	var batch struct {
		Entities struct {
			TotalCount int
			Nodes      []struct {
				ID           string
				AttributeMap map[string]string
			}
		}
	}
	e.query(t, `query($ids: [ID!]) { entities(ids: $ids) { totalCount nodes { id attributeMap } } }`,
		map[string]any{"ids": []string{velmora, "e999999", brandt}}, &batch)
	if got := batch.Entities; got.TotalCount != 2 || len(got.Nodes) != 2 || got.Nodes[0].ID != velmora || got.Nodes[1].ID != brandt {
		t.Errorf("entities(ids:): %+v, want Velmora then Brandt", got)
	} else if got.Nodes[0].AttributeMap["kind"] != "city" {
		t.Errorf("attributeMap of Velmora: %v, want kind city", got.Nodes[0].AttributeMap)
	}

	// The fixtures' relations all have confidence 0.9.
	var all, none struct {
		Relations struct{ TotalCount int }
	}
	e.query(t, `{ relations(minConfidence: 0.9) { totalCount } }`, nil, &all)
	e.query(t, `{ relations(minConfidence: 0.95) { totalCount } }`, nil, &none)
	var st struct{ Stats struct{ Relations int } }
	e.query(t, `{ stats { relations } }`, nil, &st)
	if all.Relations.TotalCount != st.Stats.Relations || none.Relations.TotalCount != 0 {
		t.Errorf("minConfidence 0.9: %d of %d; 0.95: %d (want all, then none)", all.Relations.TotalCount, st.Stats.Relations, none.Relations.TotalCount)
	}
	seen := map[string]bool{}
	after := ""
	for range st.Stats.Relations + 1 {
		var p struct {
			Relations struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Nodes []struct{ ID string }
			}
		}
		e.query(t, `query($a: String) { relations(minConfidence: 0.5, first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
			map[string]any{"a": after}, &p)
		for _, r := range p.Relations.Nodes {
			if seen[r.ID] {
				t.Fatalf("relation %s twice while paging with minConfidence", r.ID)
			}
			seen[r.ID] = true
		}
		if !p.Relations.PageInfo.HasNextPage {
			break
		}
		after = p.Relations.PageInfo.EndCursor
	}
	if len(seen) != st.Stats.Relations {
		t.Errorf("paging with minConfidence saw %d relations, want %d", len(seen), st.Stats.Relations)
	}
	var ent struct {
		Entity struct {
			Hi, Lo struct{ TotalCount int }
		}
	}
	e.query(t, `query($id: ID!) { entity(id: $id) { hi: relations(minConfidence: 0.95) { totalCount } lo: relations(minConfidence: 0.1) { totalCount } } }`,
		map[string]any{"id": brandt}, &ent)
	if ent.Entity.Hi.TotalCount != 0 || ent.Entity.Lo.TotalCount == 0 {
		t.Errorf("entity relations by confidence: %+v", ent.Entity)
	}
	r := post(t, e.url, gql{Query: `{ relations(minConfidence: 1.5) { totalCount } }`})
	if len(r.body.Errors) == 0 || r.code() != "INVALID" {
		t.Errorf("minConfidence 1.5: %s, want INVALID", r.raw)
	}
}
