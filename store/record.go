package store

import (
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/kgraph/kgraph/graph"
)

// form is one name of an entity with its support: the number of documents
// that used it, and how many of them chose it as the entity's name.
type form struct {
	Surface string
	Norm    string // graph.NormalizeName(Surface)
	Key     string // graph.CanonicalKey(Surface): the alias index key
	Docs    int
	AsName  int
}

// attr is one attribute value with the number of documents that gave it.
type attr struct {
	Key, Value string
	Docs       int
}

// entRec is a stored entity: the fold of every document's contribution
// (see contrib) plus what the store itself maintains (degree, merges).
// Name and Type are derived from the forms and type votes when a
// contribution is added, and stored so that readers need not derive them.
type entRec struct {
	Type     graph.EntityType
	Name     string
	Fixed    bool // Type was set by a merge and no longer follows the votes
	Mentions int
	Degree   int
	Docs     int
	Votes    [8]int // documents per entity type code
	Forms    []form
	Attrs    []attr
	Merged   []uint64 // entities merged into this one
	// Adj counts the entity's relations by direction (adjOut, adjIn)
	// and type code, so that a page of its relations knows its total
	// without scanning the adjacency lists. A loop counts in both.
	Adj [2][relationCodes]int

	// view is entity's result, built on the first call: a record read
	// for queries is never modified, and the read cache shares it (and
	// so its view) between requests. Writers modify the records they
	// decode and never ask for their view.
	view atomic.Pointer[graph.Entity]
}

// adjTotal is the number of relations of the entity in direction d
// (adjOut, adjIn), from its counts.
func (r *entRec) adjTotal(d int) int {
	n := 0
	for _, c := range r.Adj[d] {
		n += c
	}
	return n
}

// Directions of entRec.Adj.
const (
	adjOut = 0
	adjIn  = 1
)

// relationCodes bounds the relation type codes (see relationCode).
const relationCodes = 18

// contrib is what one document contributes to one entity; it is stored
// under M|eid|doc so that the entity can be recomputed without it when the
// document is deleted.
type contrib struct {
	Type     graph.EntityType
	Name     string
	Forms    []string // surfaces, Name first
	Attrs    []string // key, value pairs
	Mentions []graph.Mention
}

// relRec is a stored relation: the fold of the evidence contributions.
type relRec struct {
	Count int // evidence sentences
	Docs  int
	Conf  float64 // the highest confidence of any contribution
	Attrs []attr

	view atomic.Pointer[graph.Relation] // relation's result (see entRec.view)
}

// evContrib is what one document contributes to one relation (V|rel|doc).
type evContrib struct {
	Conf  float64
	Spans [][2]int // sentence byte offsets
	Attrs []string // key, value pairs
}

// docRec is the document record; the text lives under its own key.
type docRec struct {
	ID, Title, Date, Source, URL, Hash string
}

// statsRec holds the whole-store counters and the next free numbers.
type statsRec struct {
	NextEntity, NextDoc uint64
	Documents           int
	Entities            int
	Relations           int
	Mentions            int
	Evidence            int
	EntityTypes         [8]int
	RelationTypes       [18]int
}

// add folds one document's contribution into r.
func (r *entRec) add(c *contrib) {
	r.Docs++
	r.Mentions += len(c.Mentions)
	r.Votes[entityCode[c.Type]]++
	name := graph.NormalizeName(c.Name)
	for _, s := range c.Forms {
		n := graph.NormalizeName(s)
		i := r.form(n)
		if i < 0 {
			r.Forms = append(r.Forms, form{Surface: s, Norm: n, Key: graph.CanonicalKey(s)})
			i = len(r.Forms) - 1
		}
		r.Forms[i].Docs++
		if n == name {
			r.Forms[i].AsName++
		}
	}
	for i := 0; i+1 < len(c.Attrs); i += 2 {
		r.addAttr(c.Attrs[i], c.Attrs[i+1], 1)
	}
	r.derive()
}

func (r *entRec) form(norm string) int {
	for i := range r.Forms {
		if r.Forms[i].Norm == norm {
			return i
		}
	}
	return -1
}

func (r *entRec) addAttr(k, v string, n int) {
	for i := range r.Attrs {
		if r.Attrs[i].Key == k && r.Attrs[i].Value == v {
			r.Attrs[i].Docs += n
			return
		}
	}
	r.Attrs = append(r.Attrs, attr{k, v, n})
}

// derive sets Name to the most frequent full proper form of the entity.
// Forms are grouped by canonical key ("Sony Corp." and "Sony" are one
// key, "Tony Blair" and "Prime Minister Tony Blair" two); the key chosen
// is one that some document chose as the entity's name, a full
// (multi-word) one over a one-word one, then the one most documents chose
// as the name, then the one with most words; its
// name is its surface most documents chose. So one document's "Prime
// Minister Tony Blair" does not displace the "Tony Blair" of a hundred,
// and the name follows the evidence, not the first document. Type is the
// type most documents gave, MISC losing to any more specific type.
func (r *entRec) derive() {
	type group struct {
		key          string
		words        int
		asName, docs int
		best         int // index of the surface most documents chose
	}
	var groups []group
	at := func(key string) *group {
		for i := range groups {
			if groups[i].key == key {
				return &groups[i]
			}
		}
		groups = append(groups, group{key: key, words: len(strings.Fields(key)), best: -1})
		return &groups[len(groups)-1]
	}
	for i, f := range r.Forms {
		g := at(f.Key)
		g.asName += f.AsName
		g.docs += f.Docs
		if g.best < 0 || fuller(f, r.Forms[g.best]) {
			g.best = i
		}
	}
	var best *group
	for i := range groups {
		g := &groups[i]
		switch {
		case best == nil:
			best = g
		case (g.asName > 0) != (best.asName > 0):
			if g.asName > 0 {
				best = g
			}
		case (g.words > 1) != (best.words > 1):
			if g.words > 1 {
				best = g
			}
		case g.asName != best.asName:
			if g.asName > best.asName {
				best = g
			}
		case g.words != best.words:
			if g.words > best.words {
				best = g
			}
		case g.docs > best.docs:
			best = g
		}
	}
	if best != nil {
		r.Name = r.Forms[best.best].Surface
	}
	if r.Fixed {
		return
	}
	bestCode, bestVotes := entityCode[r.Type], -1
	if bestCode != 0 {
		bestVotes = r.Votes[bestCode]
	}
	for code, v := range r.Votes {
		if v == 0 || byte(code) == bestCode {
			continue
		}
		t := entityType[byte(code)]
		cur := entityType[bestCode]
		switch {
		case bestVotes <= 0,
			cur == graph.Misc && t != graph.Misc,
			t != graph.Misc && v > bestVotes:
			bestCode, bestVotes = byte(code), v
		}
	}
	if bestCode != 0 {
		r.Type = entityType[bestCode]
	}
}

// fuller orders the surfaces of one canonical key: the one most documents
// chose as the name, then most documents, then the longer.
func fuller(a, b form) bool {
	switch {
	case a.AsName != b.AsName:
		return a.AsName > b.AsName
	case a.Docs != b.Docs:
		return a.Docs > b.Docs
	}
	return len(a.Surface) > len(b.Surface)
}

// keys returns the distinct canonical keys of the forms of r (nil for a
// nil r): the alias index keys of the entity.
func (r *entRec) keys() []string {
	if r == nil {
		return nil
	}
	out := make([]string, 0, len(r.Forms))
	for _, f := range r.Forms {
		if f.Key != "" && !slices.Contains(out, f.Key) {
			out = append(out, f.Key)
		}
	}
	return out
}

// tokens returns the distinct name tokens of every form of r.
func (r *entRec) tokens() []string {
	if r == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range r.Forms {
		for _, t := range graph.NameTokens(f.Norm) {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// multiWord returns the canonical keys of r's forms that have more than
// one word ("Sony Corp." has one: "sony").
func (r *entRec) multiWord() []string {
	var out []string
	for _, f := range r.Forms {
		if strings.Contains(f.Key, " ") && !slices.Contains(out, f.Key) {
			out = append(out, f.Key)
		}
	}
	return out
}

// entity turns r into the domain value (without mentions), built once per
// record and shared: callers must not modify it.
func (r *entRec) entity(e uint64) *graph.Entity {
	if v := r.view.Load(); v != nil {
		return v
	}
	r.view.CompareAndSwap(nil, r.buildEntity(e))
	return r.view.Load()
}

func (r *entRec) buildEntity(e uint64) *graph.Entity {
	name := graph.NormalizeName(r.Name)
	out := &graph.Entity{
		ID:           entityID(e),
		Name:         r.Name,
		Type:         r.Type,
		Aliases:      []string{},
		Attributes:   attrMap(r.Attrs),
		MentionCount: r.Mentions,
		Degree:       r.Degree,
	}
	for _, f := range r.Forms {
		if f.Norm != name {
			out.Aliases = append(out.Aliases, f.Surface)
		}
	}
	if len(r.Merged) > 0 {
		ids := make([]string, len(r.Merged))
		for i, m := range r.Merged {
			ids[i] = entityID(m)
		}
		out.Attributes["mergedFrom"] = strings.Join(ids, ",")
	}
	return out
}

// attrMap picks, per key, the value most documents gave (the first on a
// tie); a list attribute (graph.IsListAttribute) joins its items in that
// order, at most maxListItems; the store's own resolution notes
// (matchedBy) list every decision.
func attrMap(as []attr) map[string]string {
	out := map[string]string{}
	docs := map[string]int{}
	var lists map[string][]attr
	// matchedBy joins every document's note; a leading empty note is
	// dropped, as a later one replaces it.
	var matched []string
	hasMatched := false
	for _, a := range as {
		if a.Key == attrMatchedBy {
			hasMatched = true
			if a.Value != "" || len(matched) > 0 {
				matched = append(matched, a.Value)
			}
			continue
		}
		if graph.IsListAttribute(a.Key) {
			if lists == nil {
				lists = map[string][]attr{}
			}
			lists[a.Key] = append(lists[a.Key], a)
			continue
		}
		if _, ok := out[a.Key]; !ok || a.Docs > docs[a.Key] {
			out[a.Key], docs[a.Key] = a.Value, a.Docs
		}
	}
	for k, items := range lists {
		sort.SliceStable(items, func(i, j int) bool { return items[i].Docs > items[j].Docs })
		vals := make([]string, 0, min(len(items), maxListItems))
		for _, it := range items[:cap(vals)] {
			vals = append(vals, it.Value)
		}
		out[k] = strings.Join(vals, graph.ListSeparator)
	}
	if hasMatched {
		out[attrMatchedBy] = strings.Join(matched, "; ")
	}
	return out
}

// maxListItems bounds the items of a list attribute that an entity shows.
const maxListItems = 8

// attrMatchedBy is the attribute in which the store records how each
// document's mention of an entity was resolved.
const attrMatchedBy = "matchedBy"

func (r *relRec) add(c *evContrib) {
	r.Docs++
	r.Count += len(c.Spans)
	if c.Conf > r.Conf {
		r.Conf = c.Conf
	}
	for i := 0; i+1 < len(c.Attrs); i += 2 {
		found := false
		for j := range r.Attrs {
			if r.Attrs[j].Key == c.Attrs[i] && r.Attrs[j].Value == c.Attrs[i+1] {
				r.Attrs[j].Docs++
				found = true
				break
			}
		}
		if !found {
			r.Attrs = append(r.Attrs, attr{c.Attrs[i], c.Attrs[i+1], 1})
		}
	}
}

// relation turns r, the record under k, into the domain value (without
// evidence), built once per record and shared: callers must not modify it.
func (r *relRec) relation(k relKey) *graph.Relation {
	if v := r.view.Load(); v != nil {
		return v
	}
	r.view.CompareAndSwap(nil, r.buildRelation(k))
	return r.view.Load()
}

func (r *relRec) buildRelation(k relKey) *graph.Relation {
	return &graph.Relation{
		ID:         relationID(k),
		Type:       relationType[k.T],
		Source:     entityID(k.Src),
		Target:     entityID(k.Dst),
		Attributes: attrMap(r.Attrs),
		Confidence: r.Conf,
		Count:      r.Count,
	}
}

// merge folds o into c: both are one document's contribution to the same
// entity (two local entities of an extraction that resolved to one node, or
// a merge).
func (c *contrib) merge(o *contrib) {
	if len(strings.Fields(o.Name)) > len(strings.Fields(c.Name)) {
		c.Name = o.Name
	}
	c.Forms = unionStrings(c.Forms, o.Forms, graph.NormalizeName)
	for i := 0; i+1 < len(o.Attrs); i += 2 {
		if !hasPair(c.Attrs, o.Attrs[i], o.Attrs[i+1]) {
			c.Attrs = append(c.Attrs, o.Attrs[i], o.Attrs[i+1])
		}
	}
	seen := map[[2]int]bool{}
	for _, m := range c.Mentions {
		seen[[2]int{m.Start, m.End}] = true
	}
	for _, m := range o.Mentions {
		if !seen[[2]int{m.Start, m.End}] {
			c.Mentions = append(c.Mentions, m)
		}
	}
	sort.SliceStable(c.Mentions, func(i, j int) bool { return c.Mentions[i].Start < c.Mentions[j].Start })
}

// merge folds o into c, both one document's evidence for one relation.
func (c *evContrib) merge(o *evContrib) {
	if o.Conf > c.Conf {
		c.Conf = o.Conf
	}
	for _, s := range o.Spans {
		if !hasSpan(c.Spans, s) {
			c.Spans = append(c.Spans, s)
		}
	}
	for i := 0; i+1 < len(o.Attrs); i += 2 {
		if !hasPair(c.Attrs, o.Attrs[i], o.Attrs[i+1]) && !hasKey(c.Attrs, o.Attrs[i]) {
			c.Attrs = append(c.Attrs, o.Attrs[i], o.Attrs[i+1])
		}
	}
}

func hasSpan(ss [][2]int, s [2]int) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func hasPair(kv []string, k, v string) bool {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i] == k && kv[i+1] == v {
			return true
		}
	}
	return false
}

func hasKey(kv []string, k string) bool {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i] == k {
			return true
		}
	}
	return false
}

func unionStrings(a, b []string, key func(string) string) []string {
	seen := map[string]bool{}
	for _, s := range a {
		seen[key(s)] = true
	}
	for _, s := range b {
		if k := key(s); !seen[k] {
			seen[k] = true
			a = append(a, s)
		}
	}
	return a
}

// Encodings. Each record starts with a version byte so that the layout can
// grow without a migration of old values.

func (r *entRec) encode() []byte { return r.encodeAs(3) }

// encodeAs encodes r in the layout of an entity record version: 3 (the
// current one), 2 (forms without their canonical key) or 1 (no adjacency
// counts either); the older ones are for the format upgrade's tests.
func (r *entRec) encodeAs(version byte) []byte {
	e := enc{b: make([]byte, 0, 64+32*len(r.Forms))}
	e.byte(version)
	e.byte(entityCode[r.Type])
	e.str(r.Name)
	e.bool(r.Fixed)
	e.uint(uint64(r.Mentions))
	e.uint(uint64(r.Degree))
	e.uint(uint64(r.Docs))
	for _, v := range r.Votes {
		e.uint(uint64(v))
	}
	e.uint(uint64(len(r.Forms)))
	for _, f := range r.Forms {
		e.str(f.Surface)
		e.str(f.Norm)
		if version >= 3 {
			e.str(f.Key)
		}
		e.uint(uint64(f.Docs))
		e.uint(uint64(f.AsName))
	}
	encodeAttrs(&e, r.Attrs)
	e.uint(uint64(len(r.Merged)))
	for _, m := range r.Merged {
		e.uint(m)
	}
	if version < 2 {
		return e.b
	}
	n := 0
	for d := range r.Adj {
		for _, c := range r.Adj[d] {
			if c != 0 {
				n++
			}
		}
	}
	e.uint(uint64(n))
	for d := range r.Adj {
		for t, c := range r.Adj[d] {
			if c != 0 {
				e.byte(byte(d*relationCodes + t))
				e.uint(uint64(c))
			}
		}
	}
	return e.b
}

func decodeEntity(b []byte) (*entRec, error) {
	d := dec{b: b}
	r := &entRec{}
	version := d.byte()
	if version < 1 || version > 3 {
		return nil, errCorrupt
	}
	r.Type = entityType[d.byte()]
	r.Name = d.str()
	r.Fixed = d.bool()
	r.Mentions = int(d.uint())
	r.Degree = int(d.uint())
	r.Docs = int(d.uint())
	for i := range r.Votes {
		r.Votes[i] = int(d.uint())
	}
	r.Forms = make([]form, d.count())
	for i := range r.Forms {
		f := form{Surface: d.str(), Norm: d.str()}
		if version >= 3 {
			f.Key = d.str()
		} else {
			f.Key = graph.CanonicalKey(f.Surface)
		}
		f.Docs, f.AsName = int(d.uint()), int(d.uint())
		r.Forms[i] = f
	}
	r.Attrs = decodeAttrs(&d)
	if n := d.count(); n > 0 {
		r.Merged = make([]uint64, n)
		for i := range r.Merged {
			r.Merged[i] = d.uint()
		}
	}
	// Version 1 records have no adjacency counts: Open rebuilds them
	// (format.go) before any read.
	if version >= 2 {
		for n := d.count(); n > 0 && d.err == nil; n-- {
			at := int(d.byte())
			c := int(d.uint())
			if at >= 2*relationCodes {
				return nil, errCorrupt
			}
			r.Adj[at/relationCodes][at%relationCodes] = c
		}
	}
	return r, d.err
}

func encodeAttrs(e *enc, as []attr) {
	e.uint(uint64(len(as)))
	for _, a := range as {
		e.str(a.Key)
		e.str(a.Value)
		e.uint(uint64(a.Docs))
	}
}

func decodeAttrs(d *dec) []attr {
	n := d.count()
	if n == 0 {
		return nil
	}
	as := make([]attr, n)
	for i := range as {
		as[i] = attr{Key: d.str(), Value: d.str(), Docs: int(d.uint())}
	}
	return as
}

func (c *contrib) encode() []byte {
	e := enc{b: make([]byte, 0, 64+16*len(c.Mentions))}
	e.byte(1)
	e.byte(entityCode[c.Type])
	e.str(c.Name)
	e.strs(c.Forms)
	e.strs(c.Attrs)
	e.uint(uint64(len(c.Mentions)))
	for _, m := range c.Mentions {
		e.uint(uint64(m.Start))
		e.uint(uint64(m.End - m.Start))
		e.uint(uint64(m.Sentence))
		e.str(m.Text)
	}
	return e.b
}

func decodeContrib(b []byte) (*contrib, error) {
	d := dec{b: b}
	if d.byte() != 1 {
		return nil, errCorrupt
	}
	c := &contrib{Type: entityType[d.byte()], Name: d.str(), Forms: d.strs(), Attrs: d.strs()}
	c.Mentions = make([]graph.Mention, d.count())
	for i := range c.Mentions {
		m := &c.Mentions[i]
		m.Start = int(d.uint())
		m.End = m.Start + int(d.uint())
		m.Sentence = int(d.uint())
		m.Text = d.str()
	}
	return c, d.err
}

func (r *relRec) encode() []byte {
	e := enc{b: make([]byte, 0, 32)}
	e.byte(1)
	e.uint(uint64(r.Count))
	e.uint(uint64(r.Docs))
	e.float(r.Conf)
	encodeAttrs(&e, r.Attrs)
	return e.b
}

func decodeRelation(b []byte) (*relRec, error) {
	d := dec{b: b}
	if d.byte() != 1 {
		return nil, errCorrupt
	}
	r := &relRec{Count: int(d.uint()), Docs: int(d.uint()), Conf: d.float()}
	r.Attrs = decodeAttrs(&d)
	return r, d.err
}

func (c *evContrib) encode() []byte {
	e := enc{b: make([]byte, 0, 16+8*len(c.Spans))}
	e.byte(1)
	e.float(c.Conf)
	e.uint(uint64(len(c.Spans)))
	for _, s := range c.Spans {
		e.uint(uint64(s[0]))
		e.uint(uint64(s[1] - s[0]))
	}
	e.strs(c.Attrs)
	return e.b
}

func decodeEvContrib(b []byte) (*evContrib, error) {
	d := dec{b: b}
	if d.byte() != 1 {
		return nil, errCorrupt
	}
	c := &evContrib{Conf: d.float()}
	c.Spans = make([][2]int, d.count())
	for i := range c.Spans {
		s := int(d.uint())
		c.Spans[i] = [2]int{s, s + int(d.uint())}
	}
	c.Attrs = d.strs()
	return c, d.err
}

func (r *docRec) encode() []byte {
	e := enc{}
	e.byte(1)
	for _, s := range []string{r.ID, r.Title, r.Date, r.Source, r.URL, r.Hash} {
		e.str(s)
	}
	return e.b
}

func decodeDoc(b []byte) (*docRec, error) {
	d := dec{b: b}
	if d.byte() != 1 {
		return nil, errCorrupt
	}
	r := &docRec{ID: d.str(), Title: d.str(), Date: d.str(), Source: d.str(), URL: d.str(), Hash: d.str()}
	return r, d.err
}

func (r *docRec) document(text string) *graph.Document {
	return &graph.Document{ID: r.ID, Title: r.Title, Date: r.Date, Source: r.Source, URL: r.URL, Hash: r.Hash, Text: text}
}

func (s *statsRec) encode() []byte {
	e := enc{}
	e.byte(1)
	for _, v := range []int{int(s.NextEntity), int(s.NextDoc), s.Documents, s.Entities, s.Relations, s.Mentions, s.Evidence} {
		e.int(v)
	}
	for _, v := range s.EntityTypes {
		e.int(v)
	}
	for _, v := range s.RelationTypes {
		e.int(v)
	}
	return e.b
}

func decodeStats(b []byte) (statsRec, error) {
	d := dec{b: b}
	var s statsRec
	if d.byte() != 1 {
		return s, errCorrupt
	}
	s.NextEntity, s.NextDoc = uint64(d.int()), uint64(d.int())
	s.Documents, s.Entities, s.Relations, s.Mentions, s.Evidence = d.int(), d.int(), d.int(), d.int(), d.int()
	for i := range s.EntityTypes {
		s.EntityTypes[i] = d.int()
	}
	for i := range s.RelationTypes {
		s.RelationTypes[i] = d.int()
	}
	return s, d.err
}
