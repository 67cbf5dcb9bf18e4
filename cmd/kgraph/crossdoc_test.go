package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
)

// The articles of testdata/crossdoc: three short news stories written for
// this test, in which the same people, organisations and countries appear
// under different forms, and two different people share the surname
// Lindqvist.
const (
	crossdocDir = "testdata/crossdoc"
	artAid      = "sweden-unicef.txt" // Maria Lindqvist, UNICEF spelled out, Sida defined
	artWind     = "nordvik-wind.txt"  // Erik Lindqvist, Nordvik Energy, Britain
	artDonors   = "sudan-donors.txt"  // Maria Lindqvist bare, UNICEF and Sida only, United Kingdom
)

// crossdocEntity is one real-world entity of the articles: the canonical
// name its node must have once every article is stored (the fullest proper
// name the articles use), its type, and for each article the surface forms
// that article uses for it on their own (not only inside a longer form).
type crossdocEntity struct {
	name  string
	typ   graph.EntityType
	forms map[string][]string // article file → forms
}

var crossdocEntities = []crossdocEntity{
	{"Maria Lindqvist", graph.Person, map[string][]string{
		artAid:    {"Maria Lindqvist", "Lindqvist"},
		artDonors: {"Maria Lindqvist", "Lindqvist"},
	}},
	{"Erik Lindqvist", graph.Person, map[string][]string{
		artWind: {"Erik Lindqvist", "Lindqvist"},
	}},
	{"Carolyn Ashford", graph.Person, map[string][]string{
		artAid:    {"Carolyn Ashford", "Ashford"},
		artDonors: {"Carolyn Ashford", "Ashford"},
	}},
	{"Thomas Whitcombe", graph.Person, map[string][]string{
		artWind:   {"Thomas Whitcombe"},
		artDonors: {"Thomas Whitcombe", "Whitcombe"},
	}},
	{"Annika Holm", graph.Person, map[string][]string{
		artAid: {"Annika Holm"},
	}},
	{"United Nations Children's Fund", graph.Organization, map[string][]string{
		artAid:    {"United Nations Children's Fund", "UNICEF"},
		artDonors: {"UNICEF"},
	}},
	{"Swedish International Development Cooperation Agency", graph.Organization, map[string][]string{
		artAid:    {"Swedish International Development Cooperation Agency", "Sida"},
		artDonors: {"Sida"},
	}},
	{"Nordvik Energy", graph.Organization, map[string][]string{
		artWind: {"Nordvik Energy", "Nordvik"},
	}},
	{"United Kingdom", graph.Location, map[string][]string{
		artWind:   {"Britain"},
		artDonors: {"United Kingdom"},
	}},
	{"Sweden", graph.Location, map[string][]string{
		artAid:    {"Sweden"},
		artDonors: {"Sweden"},
	}},
}

// crossdocTitles are the employments the articles state with a title; each
// must be a WORKS_FOR relation carrying that title, with evidence in the
// article.
var crossdocTitles = []struct{ person, org, title, article string }{
	{"Maria Lindqvist", "Sweden", "Development Minister", artAid},                                       // "Swedish Development Minister Maria Lindqvist"
	{"Carolyn Ashford", "United Nations Children's Fund", "Executive Director", artAid},                 // "UNICEF Executive Director Carolyn Ashford"
	{"Annika Holm", "Swedish International Development Cooperation Agency", "director-general", artAid}, // "Annika Holm, director-general of the …"
	{"Erik Lindqvist", "Nordvik Energy", "chief executive", artWind},                                    // "Erik Lindqvist, chief executive of Nordvik Energy"
	{"Thomas Whitcombe", "United Kingdom", "Energy Secretary", artWind},                                 // "British Energy Secretary Thomas Whitcombe"
}

// TestCrossDocResolution ingests the three articles into a fresh store and
// checks that every real-world entity is exactly one node carrying the forms
// the articles use, that the two Lindqvists stay apart, that the stated
// titles are WORKS_FOR facts, and that entityByName finds one node under
// any of its names.
func TestCrossDocResolution(t *testing.T) {
	data := t.TempDir()
	ingestCrossDoc(t, data, "3 new, 0 unchanged, 0 failed")
	g := exportCrossDoc(t, data)
	nodes := checkCrossDocEntities(t, g, "")
	checkCrossDocTitles(t, g, nodes, "")
	checkCrossDocOffsets(t, data, g)

	// entityByName: every form of an entity finds the same node.
	pairs := [][2]string{
		{"UNICEF", "United Nations Children's Fund"},
		{"unicef", "UNICEF"},
		{"Britain", "United Kingdom"},
		{"Sida", "Swedish International Development Cooperation Agency"},
		{"Nordvik", "Nordvik Energy"},
		{"ashford", "Carolyn Ashford"},
		{"Whitcombe", "Thomas Whitcombe"},
	}
	var q strings.Builder
	q.WriteString("{")
	for i, p := range pairs {
		fmt.Fprintf(&q, "a%d: entityByName(name: %q) { id name } b%d: entityByName(name: %q) { id name } ", i, p[0], i, p[1])
	}
	q.WriteString(`maria: entityByName(name: "Maria Lindqvist") { id name } erik: entityByName(name: "Erik Lindqvist") { id name } }`)
	res := queryCrossDoc(t, data, q.String(), nil)
	id := func(key string) string {
		var v struct{ ID, Name string }
		if raw := res[key]; raw != nil {
			_ = json.Unmarshal(raw, &v)
		}
		return v.ID
	}
	for i, p := range pairs {
		a, b := id(fmt.Sprintf("a%d", i)), id(fmt.Sprintf("b%d", i))
		if a == "" || a != b {
			t.Errorf("entityByName(%q) and entityByName(%q): got ids %q and %q, want the same node", p[0], p[1], a, b)
		}
	}
	if m, e := id("maria"), id("erik"); m == "" || e == "" || m == e {
		t.Errorf("entityByName Maria Lindqvist and Erik Lindqvist: got ids %q and %q, want two different nodes", m, e)
	}
}

// TestCrossDocDelete deletes each article in turn (deleteDocument through
// kgraph query) from a store holding all three: nothing of the deleted
// article may remain, every mention and every evidence sentence of the other
// two must, on the same nodes and relations; the result must be the graph of
// a store that only ever saw the other two; entities that only the deleted
// article named disappear, and the others are still one node each.
// Ingesting the article again restores the graph of all three.
func TestCrossDocDelete(t *testing.T) {
	for _, art := range []string{artWind, artAid, artDonors} {
		t.Run(strings.TrimSuffix(art, ".txt"), func(t *testing.T) {
			data := t.TempDir()
			ingestCrossDoc(t, data, "3 new, 0 unchanged, 0 failed")
			before := exportCrossDoc(t, data)
			id := before.docID(art)
			if id == "" {
				t.Fatalf("no stored document with source %s: %+v", art, before.Documents)
			}
			res := queryCrossDoc(t, data, `mutation($id: ID!) { deleteDocument(id: $id) }`, map[string]any{"id": id})
			if got := string(res["deleteDocument"]); got != "true" {
				t.Fatalf("deleteDocument(%s): got %s, want true", art, got)
			}
			after := exportCrossDoc(t, data)
			checkCrossDocRetraction(t, before, after, art)

			// The store after the deletion is the store that never saw the
			// article.
			fresh, others := t.TempDir(), t.TempDir()
			for _, o := range []string{artAid, artWind, artDonors} {
				if o == art {
					continue
				}
				b, err := os.ReadFile(filepath.Join(crossdocDir, o))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(others, o), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if code, out, errs := runCmd(t, "", "ingest", "--data", fresh, "--log-format", "json", others); code != exitOK {
				t.Fatalf("ingest of the other articles: exit %d, %s\n%s", code, out, errs)
			}
			checkCrossDocSame(t, after, exportCrossDoc(t, fresh))

			nodes := checkCrossDocEntities(t, after, art)
			checkCrossDocTitles(t, after, nodes, art)

			// The article comes back as new, and the whole graph with it.
			ingestCrossDoc(t, data, "1 new, 2 unchanged, 0 failed")
			again := exportCrossDoc(t, data)
			nodes = checkCrossDocEntities(t, again, "")
			checkCrossDocTitles(t, again, nodes, "")
		})
	}
}

// crossdocGraph is the output of kgraph export --format json.
type crossdocGraph struct {
	Documents []graph.Document `json:"documents"`
	Entities  []graph.Entity   `json:"entities"`
	Relations []graph.Relation `json:"relations"`
}

// docID returns the id of the stored document read from the file article.
func (g *crossdocGraph) docID(article string) string {
	for _, d := range g.Documents {
		if filepath.Base(d.Source) == article {
			return d.ID
		}
	}
	return ""
}

// carriers returns the nodes whose name or an alias is form.
func (g *crossdocGraph) carriers(form string) []*graph.Entity {
	n := graph.NormalizeName(form)
	var out []*graph.Entity
	for i := range g.Entities {
		e := &g.Entities[i]
		for _, s := range append([]string{e.Name}, e.Aliases...) {
			if graph.NormalizeName(s) == n {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func crossdocCarries(e *graph.Entity, form string) bool {
	n := graph.NormalizeName(form)
	for _, s := range append([]string{e.Name}, e.Aliases...) {
		if graph.NormalizeName(s) == n {
			return true
		}
	}
	return false
}

func crossdocDescribe(e *graph.Entity) string {
	return fmt.Sprintf("%s %q %q", e.Type, e.Name, e.Aliases)
}

func ingestCrossDoc(t *testing.T, data, want string) {
	t.Helper()
	code, out, errs := runCmd(t, "", "ingest", "--data", data, "--log-format", "json", crossdocDir)
	if code != exitOK || !strings.Contains(out, want) {
		t.Fatalf("ingest %s: got exit %d, %q; want exit 0 and %q\n%s", crossdocDir, code, out, want, errs)
	}
}

func exportCrossDoc(t *testing.T, data string) *crossdocGraph {
	t.Helper()
	code, out, errs := runCmd(t, "", "export", "--data", data, "--format", "json", "--log-format", "json")
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	var g crossdocGraph
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("export: %v", err)
	}
	return &g
}

// queryCrossDoc runs a GraphQL operation with kgraph query and returns the
// fields of data.
func queryCrossDoc(t *testing.T, data, query string, vars map[string]any) map[string]json.RawMessage {
	t.Helper()
	args := []string{"query", "--data", data, "--log-format", "json", query}
	if vars != nil {
		b, _ := json.Marshal(vars)
		args = append(args, "--variables", string(b))
	}
	code, out, errs := runCmd(t, "", args...)
	var res struct {
		Data   map[string]json.RawMessage `json:"data"`
		Errors []any                      `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != exitOK || len(res.Errors) > 0 {
		t.Fatalf("query %s: got exit %d, %s %v; want exit 0 without errors\n%s", query, code, out, err, errs)
	}
	return res.Data
}

// checkCrossDocEntities checks the nodes of crossdocEntities in g, a store
// holding the articles except gone ("" for none), and returns the node of
// each entity that is still named by some article, by canonical name.
//
// For each entity still named: the forms it is named by in the remaining
// articles (those no other entity shares) lead to exactly one node, of its
// type, carrying all of them, mentioned in exactly the remaining articles
// that name it; with every article stored, that node's name is the
// canonical one. Entities named only by the deleted article have no node.
// A node that several articles name records in its matchedBy attribute
// the name that joined them. Different entities are different nodes, no
// other node carries a form of theirs, and every mention of a form in an article that uses it for one
// entity only belongs to that entity's node.
func checkCrossDocEntities(t *testing.T, g *crossdocGraph, gone string) map[string]*graph.Entity {
	t.Helper()
	owners := map[string]int{} // normalised form → number of entities using it
	for _, w := range crossdocEntities {
		seen := map[string]bool{}
		for _, fs := range w.forms {
			for _, f := range fs {
				if n := graph.NormalizeName(f); !seen[n] {
					seen[n] = true
					owners[n]++
				}
			}
		}
	}
	docIDs := map[string]string{} // article → document id
	for art := range map[string]bool{artAid: true, artWind: true, artDonors: true} {
		if art != gone {
			if docIDs[art] = g.docID(art); docIDs[art] == "" {
				t.Errorf("no stored document with source %s", art)
			}
		}
	}

	nodes := map[string]*graph.Entity{}
	blamed := map[*graph.Entity]bool{} // nodes of a split, reported once
	for _, w := range crossdocEntities {
		var remaining, all []string // forms in the remaining articles, in all
		var wantDocs []string
		for _, art := range []string{artAid, artWind, artDonors} {
			fs, ok := w.forms[art]
			if !ok {
				continue
			}
			all = crossdocAppendNew(all, fs...)
			if art != gone {
				remaining = crossdocAppendNew(remaining, fs...)
				wantDocs = append(wantDocs, docIDs[art])
			}
		}
		if len(remaining) == 0 {
			for _, f := range all {
				if owners[graph.NormalizeName(f)] > 1 {
					continue
				}
				for _, e := range g.carriers(f) {
					t.Errorf("%s: got node %s carrying %q, want none: only the deleted %s named it", w.name, crossdocDescribe(e), f, gone)
				}
			}
			continue
		}
		found := map[*graph.Entity]bool{}
		for _, f := range remaining {
			if owners[graph.NormalizeName(f)] > 1 {
				continue
			}
			for _, e := range g.carriers(f) {
				found[e] = true
			}
		}
		if len(found) != 1 {
			var got []string
			for e := range found {
				got = append(got, crossdocDescribe(e))
				blamed[e] = true
			}
			sort.Strings(got)
			t.Errorf("%s: the forms %q are carried by %d nodes %v, want one node", w.name, remaining, len(found), got)
			continue
		}
		var n *graph.Entity
		for e := range found {
			n = e
		}
		nodes[w.name] = n
		if n.Type != w.typ {
			t.Errorf("%s: got type %s, want %s", w.name, n.Type, w.typ)
		}
		if gone == "" && n.Name != w.name {
			t.Errorf("%s: got canonical name %q (aliases %q), want %q", w.name, n.Name, n.Aliases, w.name)
		}
		for _, f := range remaining {
			if !crossdocCarries(n, f) {
				t.Errorf("%s: node %s does not carry the form %q the articles use", w.name, crossdocDescribe(n), f)
			}
		}
		gotDocs := map[string]bool{}
		for _, m := range n.Mentions {
			gotDocs[m.Document] = true
		}
		wantSet := map[string]bool{}
		for _, d := range wantDocs {
			wantSet[d] = true
		}
		if !crossdocSameSet(gotDocs, wantSet) {
			t.Errorf("%s: mentioned in documents %v, want %v", w.name, crossdocKeys(gotDocs), crossdocKeys(wantSet))
		}
		// A node that several articles joined says by which name.
		if len(wantSet) > 1 {
			why, named := n.Attributes["matchedBy"], false
			for _, f := range all {
				named = named || strings.Contains(why, graph.NormalizeName(f)) || strings.Contains(why, graph.CanonicalKey(f))
			}
			if !named {
				t.Errorf("%s: got matchedBy %q, want the name by which another article joined the node", w.name, why)
			}
		}
	}

	// Different entities, different nodes.
	byNode := map[*graph.Entity]string{}
	for _, w := range crossdocEntities {
		n := nodes[w.name]
		if n == nil {
			continue
		}
		if other, ok := byNode[n]; ok {
			t.Errorf("%s and %s: got one node %s, want two", other, w.name, crossdocDescribe(n))
		}
		byNode[n] = w.name
	}
	// No stray node carries a form of theirs (a surname split off on its
	// own, a second node for an acronym).
	seen := map[string]bool{}
	for _, w := range crossdocEntities {
		for _, fs := range w.forms {
			for _, f := range fs {
				if seen[f] {
					continue
				}
				seen[f] = true
				for _, e := range g.carriers(f) {
					if _, ok := byNode[e]; !ok && !blamed[e] {
						t.Errorf("form %q: got it on node %s too, want it only on the nodes of the entities that use it", f, crossdocDescribe(e))
					}
				}
			}
		}
	}
	// Every mention of an entity's form, in an article where no other entity
	// uses that form, belongs to that entity's node.
	article := map[string]string{}
	for art, id := range docIDs {
		article[id] = art
	}
	for i := range g.Entities {
		e := &g.Entities[i]
		for _, m := range e.Mentions {
			art := article[m.Document]
			var who []string
			for _, w := range crossdocEntities {
				for _, f := range w.forms[art] {
					if graph.NormalizeName(f) == graph.NormalizeName(m.Text) {
						who = append(who, w.name)
						break
					}
				}
			}
			if len(who) == 1 && nodes[who[0]] != nil && nodes[who[0]] != e {
				t.Errorf("mention %q in %s at %d: got it on node %s, want on %s", m.Text, art, m.Start, crossdocDescribe(e), who[0])
			}
		}
	}
	return nodes
}

// checkCrossDocTitles checks that every titled employment stated in an
// article other than gone is a WORKS_FOR relation between the right nodes,
// with the title and evidence in that article.
func checkCrossDocTitles(t *testing.T, g *crossdocGraph, nodes map[string]*graph.Entity, gone string) {
	t.Helper()
	for _, w := range crossdocTitles {
		if w.article == gone {
			continue
		}
		p, o := nodes[w.person], nodes[w.org]
		if p == nil || o == nil {
			continue // checkCrossDocEntities said why
		}
		doc := g.docID(w.article)
		surname := w.person[strings.LastIndexByte(w.person, ' ')+1:]
		var got []string
		ok := false
		for _, r := range g.Relations {
			if r.Source != p.ID || r.Type != graph.WorksFor {
				continue
			}
			target := r.Target
			for i := range g.Entities {
				if g.Entities[i].ID == r.Target {
					target = g.Entities[i].Name
				}
			}
			got = append(got, fmt.Sprintf("%s (title %q)", target, r.Attributes["title"]))
			if r.Target != o.ID || !strings.EqualFold(r.Attributes["title"], w.title) {
				continue
			}
			for _, ev := range r.Evidence {
				ok = ok || ev.Document == doc && strings.Contains(ev.Sentence, surname)
			}
		}
		if !ok {
			t.Errorf("%s WORKS_FOR %s with title %q and evidence in %s: got WORKS_FOR %v", w.person, w.org, w.title, w.article, got)
		}
	}
}

// checkCrossDocRetraction checks what deleting the article gone did to the
// graph before: its document, mentions and evidence are gone, every other
// mention is still on the same node, and every other evidence sentence
// still supports the same relation.
func checkCrossDocRetraction(t *testing.T, before, after *crossdocGraph, gone string) {
	t.Helper()
	goneID := before.docID(gone)
	for _, d := range after.Documents {
		if d.ID == goneID {
			t.Errorf("document %s (%s): still listed after deleteDocument", goneID, gone)
		}
	}
	if got, want := len(after.Documents), len(before.Documents)-1; got != want {
		t.Errorf("documents after deleting %s: got %d, want %d", gone, got, want)
	}
	type mkey struct {
		doc        string
		start, end int
	}
	mentions := map[mkey]*graph.Entity{}
	for i := range after.Entities {
		e := &after.Entities[i]
		if len(e.Mentions) == 0 {
			t.Errorf("node %s: no mentions left, want it gone", crossdocDescribe(e))
		}
		for _, m := range e.Mentions {
			if m.Document == goneID {
				t.Errorf("node %s: still has the mention %q of the deleted %s", crossdocDescribe(e), m.Text, gone)
			}
			mentions[mkey{m.Document, m.Start, m.End}] = e
		}
	}
	for i := range before.Entities {
		e := &before.Entities[i]
		for _, m := range e.Mentions {
			if m.Document == goneID {
				continue
			}
			switch n := mentions[mkey{m.Document, m.Start, m.End}]; {
			case n == nil:
				t.Errorf("mention %q at %d of document %s (node %s): lost when deleting %s", m.Text, m.Start, m.Document, crossdocDescribe(e), gone)
			case n.ID != e.ID:
				t.Errorf("mention %q at %d of document %s: got it on node %s, want still on %s", m.Text, m.Start, m.Document, crossdocDescribe(n), crossdocDescribe(e))
			}
		}
	}

	type ekey struct {
		typ        graph.RelationType
		src, dst   string
		doc        string
		start, end int
	}
	evidence := map[ekey]bool{}
	for _, r := range after.Relations {
		if len(r.Evidence) == 0 {
			t.Errorf("relation %s %s → %s: no evidence left, want it gone", r.Type, r.Source, r.Target)
		}
		for _, ev := range r.Evidence {
			if ev.Document == goneID {
				t.Errorf("relation %s %s → %s: still has evidence %q of the deleted %s", r.Type, r.Source, r.Target, ev.Sentence, gone)
			}
			evidence[ekey{r.Type, r.Source, r.Target, ev.Document, ev.Start, ev.End}] = true
		}
	}
	for _, r := range before.Relations {
		for _, ev := range r.Evidence {
			if ev.Document != goneID && !evidence[ekey{r.Type, r.Source, r.Target, ev.Document, ev.Start, ev.End}] {
				t.Errorf("relation %s %s → %s: lost its evidence %q when deleting %s", r.Type, r.Source, r.Target, ev.Sentence, gone)
			}
		}
	}
}

// checkCrossDocSame checks that two stores hold the same graph: the same
// documents, the same nodes (type, names, attributes other than the
// matchedBy note, mentions) and the same relations (type, endpoints by
// name, attributes, confidence, evidence). Store ids may differ.
func checkCrossDocSame(t *testing.T, got, want *crossdocGraph) {
	t.Helper()
	g, w := crossdocFacts(got), crossdocFacts(want)
	for f := range g {
		if !w[f] {
			t.Errorf("after deleteDocument: got %s, not in a store that never saw the document", f)
		}
	}
	for f := range w {
		if !g[f] {
			t.Errorf("after deleteDocument: missing %s, present in a store that never saw the document", f)
		}
	}
}

// crossdocFacts describes every document, node and relation of g in terms
// that do not depend on store ids.
func crossdocFacts(g *crossdocGraph) map[string]bool {
	out := map[string]bool{}
	for _, d := range g.Documents {
		out[fmt.Sprintf("document %s %q %s", d.ID, d.Title, d.Date)] = true
	}
	name := map[string]string{}
	for _, e := range g.Entities {
		name[e.ID] = fmt.Sprintf("%s %q", e.Type, e.Name)
		attrs := maps.Clone(e.Attributes)
		delete(attrs, "matchedBy")
		aliases := slices.Sorted(slices.Values(e.Aliases))
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, fmt.Sprintf("%s:%d-%d", m.Document, m.Start, m.End))
		}
		sort.Strings(ms)
		out[fmt.Sprintf("node %s %q aliases %q attributes %v mentions %v", e.Type, e.Name, aliases, attrs, ms)] = true
	}
	for _, r := range g.Relations {
		var evs []string
		for _, ev := range r.Evidence {
			evs = append(evs, fmt.Sprintf("%s:%d-%d", ev.Document, ev.Start, ev.End))
		}
		sort.Strings(evs)
		out[fmt.Sprintf("relation %s → %s %s attributes %v confidence %.3f evidence %v", name[r.Source], r.Type, name[r.Target], r.Attributes, r.Confidence, evs)] = true
	}
	return out
}

// checkCrossDocOffsets checks that every mention and evidence sentence of
// g points at its text in the stored document, and that the fixture forms
// are in the articles (so an edit of the articles cannot silently void the
// expectations).
func checkCrossDocOffsets(t *testing.T, data string, g *crossdocGraph) {
	t.Helper()
	res := queryCrossDoc(t, data, `{ documents(first: 10) { edges { node { id text } } } }`, nil)
	var docs struct {
		Edges []struct{ Node struct{ ID, Text string } }
	}
	if err := json.Unmarshal(res["documents"], &docs); err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, e := range docs.Edges {
		text[e.Node.ID] = e.Node.Text
	}
	slice := func(doc string, start, end int) string {
		s := text[doc]
		if start < 0 || start > end || end > len(s) {
			return fmt.Sprintf("<offsets %d-%d outside %d bytes>", start, end, len(s))
		}
		return s[start:end]
	}
	for _, e := range g.Entities {
		for _, m := range e.Mentions {
			if got := slice(m.Document, m.Start, m.End); got != m.Text {
				t.Errorf("mention of %q: the text at %d-%d of %s is %q, want %q", e.Name, m.Start, m.End, m.Document, got, m.Text)
			}
		}
	}
	for _, r := range g.Relations {
		for _, ev := range r.Evidence {
			if got := slice(ev.Document, ev.Start, ev.End); got != ev.Sentence {
				t.Errorf("evidence of %s: the text at %d-%d of %s is %q, want %q", r.Type, ev.Start, ev.End, ev.Document, got, ev.Sentence)
			}
		}
	}
	for _, w := range crossdocEntities {
		for art, fs := range w.forms {
			b, err := os.ReadFile(filepath.Join(crossdocDir, art))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				if !strings.Contains(string(b), f) {
					t.Errorf("fixture: %s does not contain %q, listed for %s", art, f, w.name)
				}
			}
		}
	}
}

// crossdocAppendNew appends to list the forms not yet in it.
func crossdocAppendNew(list []string, forms ...string) []string {
	for _, f := range forms {
		if !slices.Contains(list, f) {
			list = append(list, f)
		}
	}
	return list
}

func crossdocSameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func crossdocKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
