package schema_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

func TestEntityByName(t *testing.T) {
	e := newEnv(t, schema.Options{})
	keller := e.idOf(t, "Marta Keller")
	tests := []struct {
		name, typ string
		want      string // entity name; "" for null
	}{
		{"Marta Keller", "", "Marta Keller"},
		{"marta keller", "", "Marta Keller"},
		{"MARTA  KELLER", "", "Marta Keller"},
		{"keller", "", "Marta Keller"}, // alias, other case
		{"KELLER", "PERSON", "Marta Keller"},
		{"keller", "ORGANIZATION", ""}, // type filter
		{"spotlight programme", "", "SpotLight Global Initiative"},
		{"Velmora", "LOCATION", "Velmora"},
		{"Nobody Atall", "", ""},
	}
	for _, tt := range tests {
		vars := map[string]any{"n": tt.name}
		if tt.typ != "" {
			vars["t"] = tt.typ
		}
		var d struct{ EntityByName *struct{ ID, Name string } }
		e.query(t, `query($n: String!, $t: EntityType) { entityByName(name: $n, type: $t) { id name } }`, vars, &d)
		got := ""
		if d.EntityByName != nil {
			got = d.EntityByName.Name
		}
		if !strings.EqualFold(got, tt.want) {
			t.Errorf("entityByName(%q, %q): got %q, want %q", tt.name, tt.typ, got, tt.want)
		}
		if tt.want == "Marta Keller" && d.EntityByName.ID != keller {
			t.Errorf("entityByName(%q): got id %s, want %s", tt.name, d.EntityByName.ID, keller)
		}
	}
}

func TestSearch(t *testing.T) {
	e := newEnv(t, schema.Options{})
	type hit struct {
		Name    string
		Type    string
		Aliases []string
	}
	var d struct {
		Search struct {
			TotalCount int
			Edges      []struct{ Node hit }
		}
	}
	e.query(t, `{ search(query: "spotlight initiative", first: 1) { totalCount edges { node { name type aliases } } } }`, nil, &d)
	if len(d.Search.Edges) != 1 {
		t.Fatalf("search: got %d results, want 1", len(d.Search.Edges))
	}
	top := d.Search.Edges[0].Node
	forms := append([]string{top.Name}, top.Aliases...)
	if !slices.ContainsFunc(forms, func(s string) bool { return strings.EqualFold(s, "SpotLight Global Initiative") }) {
		t.Errorf("search(spotlight initiative) top hit: got %q (aliases %q), want SpotLight Global Initiative", top.Name, top.Aliases)
	}

	// The types filter drops the initiative and keeps the theatre.
	var f struct {
		Search struct{ Edges []struct{ Node hit } }
	}
	e.query(t, `{ search(query: "spotlight", types: [ORGANIZATION, PERSON]) { edges { node { name type aliases } } } }`, nil, &f)
	var names []string
	for _, ed := range f.Search.Edges {
		names = append(names, ed.Node.Name)
		if ed.Node.Type != "ORGANIZATION" && ed.Node.Type != "PERSON" {
			t.Errorf("search with types [ORGANIZATION, PERSON]: got a %s (%s)", ed.Node.Type, ed.Node.Name)
		}
	}
	if !slices.Contains(names, "Spotlight Theatre") {
		t.Errorf("search(spotlight, ORGANIZATION): got %q, want it to contain Spotlight Theatre", names)
	}

	r := post(t, e.url, gql{Query: `{ search(query: "  ") { totalCount } }`})
	if r.code() != "INVALID" {
		t.Errorf("empty search: got code %q, want INVALID; body %s", r.code(), r.raw)
	}
}

func TestEntitiesPagination(t *testing.T) {
	e := newEnv(t, schema.Options{})
	const q = `query($after: String) {
	  entities(orderBy: NAME, first: 3, after: $after) {
	    totalCount
	    edges { cursor node { name } }
	    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	  }
	}`
	type page struct {
		Entities struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ Name string }
			}
			PageInfo struct {
				HasNextPage, HasPreviousPage bool
				StartCursor, EndCursor       *string
			}
		}
	}
	var names []string
	vars := map[string]any{}
	for pages := 1; ; pages++ {
		if pages > 10 {
			t.Fatal("more than 10 pages of 3 for 10 entities")
		}
		var p page
		e.query(t, q, vars, &p)
		c := p.Entities
		if c.TotalCount != fixtureEntities {
			t.Errorf("page %d: totalCount %d, want %d", pages, c.TotalCount, fixtureEntities)
		}
		if c.PageInfo.HasPreviousPage != (pages > 1) {
			t.Errorf("page %d: hasPreviousPage %v, want %v", pages, c.PageInfo.HasPreviousPage, pages > 1)
		}
		if len(c.Edges) == 0 || len(c.Edges) > 3 {
			t.Fatalf("page %d: %d edges, want 1 to 3", pages, len(c.Edges))
		}
		if *c.PageInfo.StartCursor != c.Edges[0].Cursor || *c.PageInfo.EndCursor != c.Edges[len(c.Edges)-1].Cursor {
			t.Errorf("page %d: start/end cursors %q/%q do not match the edges", pages, *c.PageInfo.StartCursor, *c.PageInfo.EndCursor)
		}
		for _, ed := range c.Edges {
			names = append(names, ed.Node.Name)
		}
		if !c.PageInfo.HasNextPage {
			break
		}
		vars["after"] = *c.PageInfo.EndCursor
	}
	if len(names) != fixtureEntities {
		t.Errorf("pages hold %d entities, want %d: %q", len(names), fixtureEntities, names)
	}
	if !slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("orderBy NAME: got %q, want alphabetical", names)
	}
	if len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("pages repeat an entity: %q", names)
	}

	// first: 0 still counts.
	var z page
	e.query(t, `{ entities(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`, nil, &z)
	if z.Entities.TotalCount != fixtureEntities || len(z.Entities.Edges) != 0 || !z.Entities.PageInfo.HasNextPage || z.Entities.PageInfo.EndCursor != nil {
		t.Errorf("first: 0: got %+v, want no edges, totalCount %d, hasNextPage", z.Entities, fixtureEntities)
	}
}

func TestEntitiesByType(t *testing.T) {
	e := newEnv(t, schema.Options{})
	var d struct {
		Entities struct {
			TotalCount int
			Nodes      []struct {
				Name         string
				Type         string
				MentionCount int
			}
		}
	}
	e.query(t, `{ entities(type: PERSON, orderBy: MENTIONS) { totalCount nodes { name type mentionCount } } }`, nil, &d)
	if d.Entities.TotalCount != 3 {
		t.Errorf("PERSON entities: got %d, want 3 (Keller, Brandt, Marek)", d.Entities.TotalCount)
	}
	for i, n := range d.Entities.Nodes {
		if n.Type != "PERSON" {
			t.Errorf("entities(type: PERSON): got %s %s", n.Type, n.Name)
		}
		if i > 0 && n.MentionCount > d.Entities.Nodes[i-1].MentionCount {
			t.Errorf("orderBy MENTIONS: %s (%d) after %s (%d)", n.Name, n.MentionCount, d.Entities.Nodes[i-1].Name, d.Entities.Nodes[i-1].MentionCount)
		}
	}
}

// relationNode is the shape tests read relations in.
type relationNode struct {
	ID         string
	Type       string
	Source     struct{ ID, Name string }
	Target     struct{ ID, Name string }
	SourceID   string
	TargetID   string
	Attributes []struct{ Key, Value string }
	Confidence float64
	Count      int
	Evidence   []struct {
		Sentence   string
		Start, End int
		Document   struct {
			ID    string
			Title string
			Text  string
		}
	}
}

const relationFields = `id type source { id name } target { id name } sourceId targetId attributes { key value } confidence count
	evidence(first: 5) { sentence start end document { id title text } }`

func TestEveryRelationHasEvidence(t *testing.T) {
	e := newEnv(t, schema.Options{})
	var d struct {
		Relations struct {
			TotalCount int
			Nodes      []relationNode
		}
	}
	e.query(t, `{ relations(first: 1000) { totalCount nodes { `+relationFields+` } } }`, nil, &d)
	if d.Relations.TotalCount != fixtureRelations || len(d.Relations.Nodes) != fixtureRelations {
		t.Fatalf("relations: got %d (totalCount %d), want %d", len(d.Relations.Nodes), d.Relations.TotalCount, fixtureRelations)
	}
	for _, r := range d.Relations.Nodes {
		if r.Source.ID != r.SourceID || r.Target.ID != r.TargetID {
			t.Errorf("relation %s: source/target %s/%s, ids %s/%s", r.ID, r.Source.ID, r.Target.ID, r.SourceID, r.TargetID)
		}
		if len(r.Evidence) == 0 {
			t.Errorf("relation %s %s %s has no evidence", r.Source.Name, r.Type, r.Target.Name)
			continue
		}
		for _, ev := range r.Evidence {
			if got := ev.Document.Text[ev.Start:ev.End]; got != ev.Sentence {
				t.Errorf("evidence of %s %s %s: text[%d:%d] of %s is %q, want the sentence %q", r.Source.Name, r.Type, r.Target.Name, ev.Start, ev.End, ev.Document.ID, got, ev.Sentence)
			}
		}
	}

	// The WORKS_FOR relation keeps its title.
	var w struct {
		Relations struct{ Nodes []relationNode }
	}
	e.query(t, `{ relations(type: WORKS_FOR) { nodes { `+relationFields+` } } }`, nil, &w)
	if len(w.Relations.Nodes) != 1 {
		t.Fatalf("WORKS_FOR relations: got %d, want 1", len(w.Relations.Nodes))
	}
	r := w.Relations.Nodes[0]
	if r.Source.Name != "Marta Keller" || r.Target.Name != "Northwind Port Authority" || len(r.Attributes) != 1 || r.Attributes[0] != (struct{ Key, Value string }{"title", "director"}) {
		t.Errorf("WORKS_FOR: got %s -> %s %v, want Marta Keller -> Northwind Port Authority title=director", r.Source.Name, r.Target.Name, r.Attributes)
	}
	if !strings.Contains(r.Evidence[0].Sentence, "Marta Keller, director") || r.Evidence[0].Document.Title != fixtureDocs[0].doc.Title {
		t.Errorf("WORKS_FOR evidence: got %q in %q", r.Evidence[0].Sentence, r.Evidence[0].Document.Title)
	}
}

func TestNoPerItemReads(t *testing.T) {
	e := newEnv(t, schema.Options{})
	counter := &countingReader{Reader: e.db}
	c := serve(t, e.db, schema.Options{Reader: counter})
	var d struct {
		Relations struct{ Nodes []relationNode }
	}
	c.query(t, `{ relations(first: 100) { nodes { `+relationFields+` } } }`, nil, &d)
	if len(d.Relations.Nodes) != fixtureRelations {
		t.Fatalf("relations: got %d, want %d", len(d.Relations.Nodes), fixtureRelations)
	}
	if counter.entitiesByID != 1 || counter.entity != 0 {
		t.Errorf("endpoints of %d relations: got %d EntitiesByID and %d Entity calls, want 1 and 0", fixtureRelations, counter.entitiesByID, counter.entity)
	}
	if counter.docsByID != 1 || counter.document != 0 {
		t.Errorf("evidence documents of %d relations: got %d DocumentsByID and %d Document calls, want 1 and 0", fixtureRelations, counter.docsByID, counter.document)
	}
}

// TestNestedListsReadOneBatchPerList reads the relations of every entity of
// a page: each of those lists reads its endpoints in at most one batch
// (lists that run at the same time may share one), never one per relation.
func TestNestedListsReadOneBatchPerList(t *testing.T) {
	e := newEnv(t, schema.Options{})
	counter := &countingReader{Reader: e.db}
	c := serve(t, e.db, schema.Options{Reader: counter})
	var d struct {
		Entities struct {
			Nodes []struct {
				Name      string
				Relations struct{ Nodes []relationNode }
			}
		}
	}
	// The people's relations lead to organisations and an initiative that
	// are not on the page, so their endpoints must be read.
	c.query(t, `{ entities(type: PERSON) { nodes { name relations { nodes { source { name } target { name } } } } } }`, nil, &d)
	if len(d.Entities.Nodes) != 3 {
		t.Fatalf("people: got %d, want 3", len(d.Entities.Nodes))
	}
	if counter.entitiesByID < 1 || counter.entitiesByID > 3 || counter.entity != 0 {
		t.Errorf("relations of 3 people: got %d EntitiesByID and %d Entity calls, want 1 to 3 and 0", counter.entitiesByID, counter.entity)
	}
}

func TestEntityRelationsAndMentions(t *testing.T) {
	e := newEnv(t, schema.Options{})
	var d struct {
		Entity struct {
			Name       string
			Aliases    []string
			Degree     int
			Attributes []struct{ Key, Value string }
			Out        struct{ Nodes []relationNode }
			In         struct{ Nodes []relationNode }
			Both       struct{ TotalCount int }
			Mentions   struct {
				TotalCount int
				Nodes      []struct {
					Text       string
					Start, End int
					DocumentID string
					Document   struct{ Text string }
				}
			}
		}
	}
	e.query(t, `query($id: ID!) { entity(id: $id) {
	  name aliases degree attributes { key value }
	  out: relations(direction: OUT) { nodes { type target { name } } }
	  in: relations(direction: IN) { nodes { type source { name } } }
	  both: relations { totalCount }
	  mentions(first: 50) { totalCount nodes { text start end documentId document { text } } }
	} }`, map[string]any{"id": e.idOf(t, "Tomas Brandt")}, &d)
	en := d.Entity
	// Brandt: MET_WITH Keller (symmetric), MEMBER_OF the council, RELATED_TO the initiative.
	if en.Degree != 3 || en.Both.TotalCount != 3 {
		t.Errorf("Tomas Brandt: degree %d, relations %d; want 3 and 3", en.Degree, en.Both.TotalCount)
	}
	var out []string
	for _, r := range en.Out.Nodes {
		out = append(out, r.Type+" "+r.Target.Name)
	}
	for _, want := range []string{"MEMBER_OF Velmora River Council", "RELATED_TO SpotLight Global Initiative"} {
		if !slices.ContainsFunc(out, func(s string) bool { return strings.EqualFold(s, want) }) {
			t.Errorf("OUT relations of Tomas Brandt: got %q, want %q among them", out, want)
		}
	}
	if en.Mentions.TotalCount != 3 || len(en.Mentions.Nodes) != 3 {
		t.Errorf("mentions of Tomas Brandt: got %d (totalCount %d), want 3", len(en.Mentions.Nodes), en.Mentions.TotalCount)
	}
	for _, m := range en.Mentions.Nodes {
		if got := m.Document.Text[m.Start:m.End]; got != m.Text {
			t.Errorf("mention in %s: text[%d:%d] is %q, want %q", m.DocumentID, m.Start, m.End, got, m.Text)
		}
	}
}

func TestSubgraph(t *testing.T) {
	e := newEnv(t, schema.Options{})
	brandt := e.idOf(t, "Tomas Brandt")
	var d struct {
		Subgraph struct {
			Nodes []struct{ ID, Name, Type string }
			Edges []struct {
				ID, Type, SourceID, TargetID string
			}
			Truncated bool
		}
	}
	e.query(t, `query($id: ID!) { subgraph(ids: [$id], hops: 1) { nodes { id name type } edges { id type sourceId targetId } truncated } }`,
		map[string]any{"id": brandt}, &d)
	sg := d.Subgraph
	ids := map[string]string{}
	var names []string
	for _, n := range sg.Nodes {
		ids[n.ID] = n.Name
		names = append(names, strings.ToLower(n.Name))
	}
	slices.Sort(names)
	want := []string{"marta keller", "spotlight global initiative", "tomas brandt", "velmora river council"}
	if !slices.Equal(names, want) {
		t.Errorf("subgraph(Tomas Brandt, hops 1) nodes: got %q, want %q", names, want)
	}
	if len(sg.Edges) < 3 {
		t.Errorf("subgraph edges: got %d, want at least 3", len(sg.Edges))
	}
	for _, ed := range sg.Edges {
		if ids[ed.SourceID] == "" || ids[ed.TargetID] == "" {
			t.Errorf("edge %s %s: endpoint %s or %s is not a node", ed.ID, ed.Type, ed.SourceID, ed.TargetID)
		}
	}

	var lim struct {
		Subgraph struct {
			Nodes     []struct{ ID string }
			Truncated bool
		}
	}
	e.query(t, `query($id: ID!) { subgraph(ids: [$id], hops: 3, limit: 2) { nodes { id } truncated } }`, map[string]any{"id": brandt}, &lim)
	if len(lim.Subgraph.Nodes) != 2 || !lim.Subgraph.Truncated {
		t.Errorf("subgraph with limit 2: got %d nodes, truncated %v; want 2, true", len(lim.Subgraph.Nodes), lim.Subgraph.Truncated)
	}

	for _, q := range []string{
		`{ subgraph(ids: []) { truncated } }`,
		`{ subgraph(ids: ["x"], hops: 9) { truncated } }`,
		`{ subgraph(ids: ["x"], limit: 5000) { truncated } }`,
	} {
		if r := post(t, e.url, gql{Query: q}); r.code() != "INVALID" {
			t.Errorf("%s: got code %q, want INVALID; body %s", q, r.code(), r.raw)
		}
	}
}

func TestShortestPath(t *testing.T) {
	e := newEnv(t, schema.Options{})
	keller, council, marek := e.idOf(t, "Marta Keller"), e.idOf(t, "Velmora River Council"), e.idOf(t, "Ilse Marek")
	const q = `query($from: ID!, $to: ID!, $max: Int) { shortestPath(from: $from, to: $to, maxHops: $max) {
	  length nodes { id name } edges { type sourceId targetId } } }`
	var d struct {
		ShortestPath *struct {
			Length int
			Nodes  []struct{ ID, Name string }
			Edges  []struct{ Type, SourceID, TargetID string }
		}
	}
	e.query(t, q, map[string]any{"from": keller, "to": council}, &d)
	p := d.ShortestPath
	if p == nil {
		t.Fatal("shortestPath(Marta Keller, Velmora River Council): got null, want a path")
	}
	var names []string
	for _, n := range p.Nodes {
		names = append(names, n.Name)
	}
	if p.Length != 2 || len(p.Edges) != 2 || !slices.Equal(names, []string{"Marta Keller", "Tomas Brandt", "Velmora River Council"}) {
		t.Errorf("shortestPath: got length %d, nodes %q, want 2 through Tomas Brandt", p.Length, names)
	}
	for i, ed := range p.Edges {
		a, b := p.Nodes[i].ID, p.Nodes[i+1].ID
		if !(ed.SourceID == a && ed.TargetID == b) && !(ed.SourceID == b && ed.TargetID == a) {
			t.Errorf("edge %d (%s %s-%s) does not join %s and %s", i, ed.Type, ed.SourceID, ed.TargetID, a, b)
		}
	}

	d.ShortestPath = nil
	e.query(t, q, map[string]any{"from": keller, "to": council, "max": 1}, &d)
	if d.ShortestPath != nil {
		t.Errorf("shortestPath with maxHops 1: got a path of %d, want null", d.ShortestPath.Length)
	}
	e.query(t, q, map[string]any{"from": keller, "to": marek}, &d)
	if d.ShortestPath != nil {
		t.Errorf("shortestPath to an unconnected entity: got a path of %d, want null", d.ShortestPath.Length)
	}
}

func TestDocumentsAndStats(t *testing.T) {
	e := newEnv(t, schema.Options{})
	var d struct {
		Documents struct {
			TotalCount int
			Nodes      []struct {
				ID, Title, Date, Source string
				URL                     *string
				Length                  int
				Head                    string
			}
		}
		Stats struct {
			Documents, Entities, Relations, Mentions, Evidence int
			EntityTypes                                        []struct {
				Type  string
				Count int
			}
			StoreBytes float64
		}
	}
	e.query(t, `{
	  documents(from: "2024-01-01", to: "2024-12-31") { totalCount nodes { id title date source url length head: text(start: 0, end: 12) } }
	  stats { documents entities relations mentions evidence entityTypes { type count } storeBytes }
	}`, nil, &d)
	var ids []string
	for _, n := range d.Documents.Nodes {
		ids = append(ids, n.ID)
	}
	if !slices.Equal(ids, []string{"d-river", "d-harbour"}) || d.Documents.TotalCount != 2 {
		t.Errorf("documents of 2024, newest first: got %q (totalCount %d), want [d-river d-harbour]", ids, d.Documents.TotalCount)
	}
	if len(d.Documents.Nodes) == 2 {
		h := d.Documents.Nodes[1]
		want := fixtureDocs[0].doc
		if h.Title != want.Title || h.Date != want.Date || h.Source != want.Source || h.URL == nil || *h.URL != want.URL || h.Length != len(want.Text) || h.Head != want.Text[:12] {
			t.Errorf("d-harbour: got %+v, want the fixture's metadata and text", h)
		}
	}
	s := d.Stats
	if s.Documents != 3 || s.Entities != fixtureEntities || s.Relations != fixtureRelations || s.Evidence < fixtureRelations || s.Mentions < fixtureEntities {
		t.Errorf("stats: got %+v, want 3 documents, %d entities, %d relations", s, fixtureEntities, fixtureRelations)
	}
	sum := 0
	for _, c := range s.EntityTypes {
		sum += c.Count
	}
	if sum != s.Entities {
		t.Errorf("entityTypes add up to %d, want %d", sum, s.Entities)
	}

	r := post(t, e.url, gql{Query: `{ documents(from: "2024-02-30") { totalCount } }`})
	if r.status != 400 || !strings.Contains(r.message(), "YYYY-MM-DD") {
		t.Errorf("invalid date: got status %d, body %s; want 400 naming YYYY-MM-DD", r.status, r.raw)
	}
}

// TestDescriptions checks through introspection that every type, field,
// argument, input field and enum value of the schema has a description,
// and that the enums follow the graph vocabulary.
func TestDescriptions(t *testing.T) {
	e := newEnv(t, schema.Options{})
	type described struct{ Name, Description string }
	var d struct {
		Schema struct {
			Types []struct {
				Name, Kind, Description string
				Fields                  []struct {
					Name, Description string
					Args              []described
				}
				InputFields []described
				EnumValues  []described
			}
		} `json:"__schema"`
	}
	e.query(t, `{ __schema { types { name kind description
	  fields(includeDeprecated: true) { name description args { name description } }
	  inputFields { name description }
	  enumValues(includeDeprecated: true) { name description } } } }`, nil, &d)
	builtin := map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}
	checked := 0
	for _, ty := range d.Schema.Types {
		if strings.HasPrefix(ty.Name, "__") || builtin[ty.Name] {
			continue
		}
		checked++
		if strings.TrimSpace(ty.Description) == "" {
			t.Errorf("type %s has no description", ty.Name)
		}
		for _, f := range ty.Fields {
			if strings.TrimSpace(f.Description) == "" {
				t.Errorf("field %s.%s has no description", ty.Name, f.Name)
			}
			for _, a := range f.Args {
				if strings.TrimSpace(a.Description) == "" {
					t.Errorf("argument %s.%s(%s) has no description", ty.Name, f.Name, a.Name)
				}
			}
		}
		for _, f := range ty.InputFields {
			if strings.TrimSpace(f.Description) == "" {
				t.Errorf("input field %s.%s has no description", ty.Name, f.Name)
			}
		}
		for _, v := range ty.EnumValues {
			if strings.TrimSpace(v.Description) == "" {
				t.Errorf("enum value %s.%s has no description", ty.Name, v.Name)
			}
		}
		var vocab []described
		switch ty.Name {
		case "EntityType":
			for _, i := range graph.EntityTypes {
				vocab = append(vocab, described{string(i.Type), i.Description})
			}
		case "RelationType":
			for _, i := range graph.RelationTypes {
				vocab = append(vocab, described{string(i.Type), i.Description})
			}
		default:
			continue
		}
		if !slices.Equal(ty.EnumValues, vocab) {
			t.Errorf("enum %s: got %v, want the graph vocabulary %v", ty.Name, ty.EnumValues, vocab)
		}
	}
	if checked < 20 {
		t.Errorf("checked %d types, want the whole schema (at least 20)", checked)
	}
}
