package store

import (
	"encoding/binary"
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// Entity resolution on write: which stored node an entity of a new
// document is. Forms are compared by canonical key (graph.CanonicalKey:
// case, punctuation, "&"/"and", a leading "the", legal forms), which is
// the key of the alias index, so every lookup is one index read. The
// rules, in order (doc.go explains them with examples):
//
//  1. merge memory: a form that a merge pinned (Z index) resolves to the
//     surviving entity, whatever the type;
//  2. a multi-word form whose key a stored entity of a compatible type
//     carries joins it (the entity whose name it is, then the most
//     mentioned); other stored entities of that type whose name has the
//     same key are duplicates and are merged into it. Without one of a
//     compatible type, an entity of a near type (organisations, places,
//     nationalities, MISC, events: "Labour" the party and "Labour" the
//     voters) that carries the key joins, the one most documents gave;
//     the node's type is the majority of its documents' types;
//  3. a one-word form (a surname, an acronym, a one-word name) joins when
//     exactly one entity of a compatible type carries it and their full
//     names do not disagree ("Mary Smith" never joins "John Smith" through
//     "Smith"); a person's one-word form must be the surname of a
//     candidate with a full name. An entity with no full name whose
//     one-word form nodes of near types carry as a name of their own joins
//     the one most documents gave, and absorbs the nodes that are nothing
//     but that name. When several carry it: the one whose
//     whole name it is (duplicates of it merged), else the one that
//     carries it as a name of its own rather than as a word of a longer
//     name ("Fed" of "Federal Reserve", not of "New York Fed"), else the
//     one the document's context supports (an entity this document already
//     resolved to it, one of its full names in the text, relations to the
//     document's other entities), else none: an entity with nothing but
//     that form is dropped from the document's graph, never made a new
//     node that copies the name;
//  4. otherwise a new node.
//
// An entity named by descriptions only ("the Senate", "a commission":
// lower-case determiner first) is linked to no node: which one it is, is
// for the extraction of its document to say.
//
// A one-word form of an organisation or place that is a word of its own
// longer name ("Fed" of "New York Fed") is not used to resolve it; such a
// form, or a longer proper part ("General Motors" of "General Motors
// Acceptance Corp"), is not kept as its alias when another node carries it
// as a name of its own, nor is any form that is another node's name
// (ownForms in ingest.go).
// The decision is recorded in the matchedBy attribute.

// compatible reports whether an entity typed a may join a node typed b.
// Locations of any kind are one type; MISC may join EVENT and INITIATIVE
// nodes and the other way round, because the type refinement of a name
// without context often falls back to MISC; the rest must agree exactly.
func compatible(a, b graph.EntityType) bool {
	if a == b {
		return true
	}
	vague := func(t graph.EntityType) bool { return t == graph.Misc }
	specific := func(t graph.EntityType) bool { return t == graph.Event || t == graph.Initiative }
	return vague(a) && specific(b) || specific(a) && vague(b)
}

// determiners that, written in lower case, start a description rather
// than a name ("the Executive Director"): such forms are kept as mentions
// but never used to resolve or index an entity. Capitalised, they start
// names ("The Hague", "The Times").
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "its": true, "his": true, "her": true, "their": true, "our": true,
}

// properForms returns the distinct surface names of x fit for resolution:
// Name first, then aliases, without descriptions ("the Executive
// Director", but not "The Times") and without forms that have no letter
// or digit.
func properForms(x *graph.Entity) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range append([]string{x.Name}, x.Aliases...) {
		s = strings.TrimSpace(s)
		n := graph.NormalizeName(s)
		if n == "" || seen[n] || len(graph.NameTokens(n)) == 0 {
			continue
		}
		if determiners[strings.Fields(s)[0]] {
			continue
		}
		seen[n] = true
		out = append(out, s)
	}
	return out
}

// docContext is what resolution knows of the document being ingested.
type docContext struct {
	touched map[uint64]bool // nodes the document's entities resolved to so far
	fresh   map[uint64]bool // nodes the document created
	title   string
	text    string
	lower   string // lower-cased title and text, made on first use
}

// mentions reports whether the document contains norm (a normalised
// name) as words.
func (dc *docContext) mentions(norm string) bool {
	if dc.lower == "" {
		dc.lower = strings.ToLower(dc.title + "\n" + dc.text)
	}
	for from := 0; ; {
		i := strings.Index(dc.lower[from:], norm)
		if i < 0 {
			return false
		}
		s, e := from+i, from+i+len(norm)
		if (s == 0 || !isWordByte(dc.lower[s-1])) && (e == len(dc.lower) || !isWordByte(dc.lower[e])) {
			return true
		}
		from = s + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// decisionNone starts the decision of an entity that resolution links to
// no node: it is left out of the document's graph.
const decisionNone = "none:"

// resolve finds the stored entity for x, whose proper forms are forms; it
// returns 0 when x needs a new node (or, with a decision starting with
// decisionNone, no node), and the decision for matchedBy.
func (w *wtx) resolve(typ graph.EntityType, forms []string, dc *docContext) (uint64, string, error) {
	if len(forms) == 0 {
		// Only descriptions ("the Senate", "a commission"): which one the
		// document means is for the extraction to say; the store cannot.
		return 0, decisionNone + "description", nil
	}
	var multi, single []string
	legal := false
	for _, f := range forms {
		k := graph.CanonicalKey(f)
		if k == "" || slices.Contains(multi, k) || slices.Contains(single, k) {
			continue
		}
		legal = legal || graph.HasLegalForm(f)
		// 1. merge memory.
		v, ok, err := w.get(pinKey(k))
		if err != nil {
			return 0, "", err
		}
		if ok && len(v) == 8 {
			e, err := w.follow(binary.BigEndian.Uint64(v))
			if err != nil {
				return 0, "", err
			}
			if e != 0 {
				return e, "merge:" + k, nil
			}
		}
		if strings.Contains(k, " ") {
			multi = append(multi, k)
		} else {
			single = append(single, k)
		}
	}
	sort.SliceStable(multi, func(i, j int) bool {
		return len(strings.Fields(multi[i])) > len(strings.Fields(multi[j]))
	})
	// 2. full names.
	for _, k := range multi {
		cands, err := w.candidates(k, typ, false)
		if err != nil {
			return 0, "", err
		}
		if len(cands) > 0 {
			best, err := w.pick(cands, k, dc)
			return best.id, how(best.rec, k), err
		}
		if legal {
			continue
		}
		near, err := w.candidates(k, typ, true)
		if err != nil {
			return 0, "", err
		}
		if len(near) > 0 {
			best := mostVoted(near)
			return best.id, "type:" + k, nil
		}
	}
	// 3. one-word forms.
	ambiguous := ""
	for _, k := range single {
		if typ != graph.Person && partOf(k, multi) {
			continue // "Fed" of "New York Fed": the full name decides
		}
		cands, err := w.candidates(k, typ, false)
		if err == nil && typ == graph.Person {
			cands, err = w.surnameCandidates(k, cands)
		}
		if err != nil {
			return 0, "", err
		}
		cands = slices.DeleteFunc(cands, func(c candidate) bool {
			full := c.rec.multiWord()
			return !consistent(multi, full) ||
				typ == graph.Person && len(full) > 0 && !hasSurname(c.rec, k) // a given name alone ("Gordon") is not enough
		})
		if typ != graph.Person && !legal && len(multi) == 0 {
			// The name under near types: the node most documents gave,
			// unless several of a compatible type carry it as their own.
			// (An entity with a full name of its own is never joined to a
			// node of another type by a short name.)
			near, err := w.candidates(k, typ, true)
			if err != nil {
				return 0, "", err
			}
			notOwn := func(c candidate) bool { return !ownName(c.rec, k) }
			near = slices.DeleteFunc(near, notOwn)
			if own := slices.DeleteFunc(slices.Clone(cands), notOwn); len(near) > 0 && len(own) <= 1 {
				all := append(own, near...)
				best, err := w.absorb(mostVoted(all), all, k, dc)
				return best.id, "type:" + k, err
			}
		}
		switch {
		case len(cands) == 1:
			return cands[0].id, how(cands[0].rec, k), nil
		case len(cands) > 1:
			if whole := wholeNamed(cands, k); len(whole) > 0 {
				best, err := w.pick(whole, k, dc)
				return best.id, how(best.rec, k), err
			}
			if typ != graph.Person {
				own := slices.DeleteFunc(slices.Clone(cands), func(c candidate) bool { return !ownName(c.rec, k) })
				if len(own) == 1 {
					return own[0].id, how(own[0].rec, k), nil
				}
			}
			c, ok, err := w.byContext(cands, dc)
			if err != nil {
				return 0, "", err
			}
			if ok {
				return c.id, "context:" + k, nil
			}
			if ambiguous == "" {
				ambiguous = k
			}
		}
	}
	switch {
	case ambiguous != "" && len(multi) == 0:
		return 0, decisionNone + "ambiguous:" + ambiguous, nil
	case ambiguous != "":
		return 0, "new:ambiguous:" + ambiguous, nil
	}
	return 0, "new", nil
}

// nameKey is the canonical key of r's name.
func nameKey(r *entRec) string {
	for _, f := range r.Forms {
		if f.Surface == r.Name {
			return f.Key
		}
	}
	return graph.CanonicalKey(r.Name)
}

// partOf reports whether the key k is a proper part of one of the longer
// keys full: its words appear together inside it ("fed" in "new york
// fed", "general motors" in "general motors acceptance").
func partOf(k string, full []string) bool {
	for _, f := range full {
		if len(f) > len(k) && strings.Contains(" "+f+" ", " "+k+" ") {
			return true
		}
	}
	return false
}

// ownName reports whether a node that carries the key k carries it as a
// name of its own: its name, or an alias that is no part of its name
// ("fed" of the Federal Reserve, not of "New York Fed").
func ownName(r *entRec, k string) bool {
	n := nameKey(r)
	return n == k || !partOf(k, []string{n})
}

func wholeNamed(cands []candidate, k string) []candidate {
	var out []candidate
	for _, c := range cands {
		if nameKey(c.rec) == k {
			out = append(out, c)
		}
	}
	return out
}

// mostVoted returns the candidate most documents gave, the oldest on a tie.
func mostVoted(cands []candidate) candidate {
	best := cands[0]
	for _, c := range cands[1:] {
		if c.rec.Docs > best.rec.Docs || c.rec.Docs == best.rec.Docs && c.id < best.id {
			best = c
		}
	}
	return best
}

// pick chooses among candidates that all carry the key k: the one whose
// name it is, then the most mentioned. The others whose name has the key
// and whose type is the chosen one's are duplicates of it (left over from
// a store of an older format, or made alike by later evidence): absorb
// merges them into it.
func (w *wtx) pick(cands []candidate, k string, dc *docContext) (candidate, error) {
	best := cands[0]
	for _, c := range cands[1:] {
		if better(c, best, k) {
			best = c
		}
	}
	if nameKey(best.rec) != k {
		return best, nil
	}
	same := slices.DeleteFunc(slices.Clone(cands), func(c candidate) bool { return c.rec.Type != best.rec.Type })
	return w.absorb(best, same, k, dc)
}

// absorb merges into best the other candidates that are nothing but the
// name k (their name has the key k and they have no longer name):
// duplicates of best, remembered as merges. Nodes this document resolved
// or created are left alone, and nothing is merged into a node the
// document created.
func (w *wtx) absorb(best candidate, cands []candidate, k string, dc *docContext) (candidate, error) {
	if dc == nil || dc.fresh[best.id] {
		return best, nil
	}
	merged := false
	for _, c := range cands {
		if c.id == best.id || dc.touched[c.id] || dc.fresh[c.id] || nameKey(c.rec) != k || len(c.rec.multiWord()) > 0 && c.rec.Type != best.rec.Type {
			continue
		}
		if err := w.mergeOne(best.id, c.id); err != nil {
			return best, err
		}
		merged = true
	}
	if merged {
		if err := w.recomputeEntity(best.id); err != nil {
			return best, err
		}
		r, err := w.entity(best.id)
		if err != nil {
			return best, err
		}
		best.rec = r
	}
	return best, nil
}

// byContext returns the candidate the document supports best, if one
// does more than the others: an entity this document already resolved to
// it (its full name elsewhere in the text, resolved first), one of its
// full names in the title or text, relations to entities of the document.
func (w *wtx) byContext(cands []candidate, dc *docContext) (candidate, bool, error) {
	if dc == nil {
		return candidate{}, false, nil
	}
	best, bestScore, tie := candidate{}, 0, false
	for _, c := range cands {
		score := 0
		if dc.touched[c.id] {
			score += 4
		}
		for _, f := range c.rec.Forms {
			if strings.Contains(f.Norm, " ") && dc.mentions(f.Norm) {
				score += 2
				break
			}
		}
		if c.rec.Degree > 0 && len(dc.touched) > 0 {
			n, err := w.linkedTo(c.id, c.rec, dc.touched, 3)
			if err != nil {
				return best, false, err
			}
			score += n
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = c, score, false
		case score == bestScore:
			tie = true
		}
	}
	return best, bestScore > 0 && !tie, nil
}

// linkedTo counts the relations of e (whose record is r) whose other end
// is in ents, up to most: the scan stops there, and a direction in which
// r counts no relation is not read (a hub with fewer than most links to
// ents is still read in full).
func (w *wtx) linkedTo(e uint64, r *entRec, ents map[uint64]bool, most int) (int, error) {
	n := 0
	count := func(other uint64) error {
		if ents[other] {
			if n++; n >= most {
				return errEnough
			}
		}
		return nil
	}
	var err error
	if r.adjTotal(adjOut) > 0 {
		err = w.keys(outPrefix(e), func(k, _ []byte) error { return count(parseRel(k[1:]).Dst) })
	}
	if err == nil && r.adjTotal(adjIn) > 0 {
		err = w.keys(inPrefix(e), func(k, _ []byte) error { return count(relFromIn(k[1:]).Src) })
	}
	if errors.Is(err, errEnough) {
		err = nil
	}
	return n, err
}

// errEnough stops a scan that has found what it needs.
var errEnough = errors.New("enough")

// ownedElsewhere reports whether a node other than e, of a type
// compatible with or near typ, carries the key k as its name, or with
// nameOnly false, as a name of its own (see ownName).
func (w *wtx) ownedElsewhere(k string, e uint64, typ graph.EntityType, nameOnly bool) (bool, error) {
	cands, err := w.candidates(k, typ, true)
	if err != nil {
		return false, err
	}
	more, err := w.candidates(k, typ, false)
	if err != nil {
		return false, err
	}
	for _, c := range append(cands, more...) {
		if c.id == e {
			continue
		}
		if nameOnly && nameKey(c.rec) == k || !nameOnly && ownName(c.rec, k) {
			return true, nil
		}
	}
	return false, nil
}

type candidate struct {
	id  uint64
	rec *entRec
}

// candidates returns the live entities that carry the canonical key k:
// of a type compatible with typ, or with near set, of a near type that is
// not compatible (see near).
func (w *wtx) candidates(k string, typ graph.EntityType, nearTypes bool) ([]candidate, error) {
	ids, err := w.aliasIDs(k)
	if err != nil {
		return nil, err
	}
	var out []candidate
	for _, id := range ids {
		r, err := w.entity(id)
		if err != nil {
			return nil, err
		}
		if r == nil {
			continue
		}
		if ok := compatible(typ, r.Type); ok != nearTypes && (!nearTypes || near(typ, r.Type)) {
			out = append(out, candidate{id, r})
		}
	}
	return out, nil
}

// near reports whether a and b are types one name may take in different
// documents for one thing: organisations, places, nationalities and
// political groups, events, initiatives and MISC ("Labour", "OPEC",
// "Britain"), never people.
func near(a, b graph.EntityType) bool {
	return a != graph.Person && b != graph.Person
}

// surnameCandidates adds to cands the people with a full name whose last
// word is n: a surname alone may mean any of them even when no document
// used it alone yet.
func (w *wtx) surnameCandidates(n string, cands []candidate) ([]candidate, error) {
	seen := map[uint64]bool{}
	for _, c := range cands {
		seen[c.id] = true
	}
	add := func(e uint64, r *entRec) {
		if r != nil && !seen[e] && r.Type == graph.Person && hasSurname(r, n) {
			seen[e] = true
			cands = append(cands, candidate{e, r})
		}
	}
	// People of this document not yet in the token index.
	for e, s := range w.ents {
		add(e, s.cur)
	}
	// The token keys of the others: their values say the type, so only
	// people's records are read. (An entity this write changed is in
	// w.ents, and the token values of the others are current.)
	var ids []uint64
	person := entityCode[graph.Person]
	err := w.keys(tokenPrefix(n), func(k, v []byte) error {
		if len(v) > 0 && v[0] == person {
			ids = append(ids, binary.BigEndian.Uint64(k[len(k)-8:]))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, e := range ids {
		r, err := w.entity(e)
		if err != nil {
			return nil, err
		}
		add(e, r)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].id < cands[j].id })
	return cands, nil
}

func hasSurname(r *entRec, n string) bool {
	for _, f := range r.Forms {
		if w := strings.Fields(f.Key); len(w) > 1 && w[len(w)-1] == n {
			return true
		}
	}
	return false
}

// better orders candidates for a form: whose name it is, then most
// mentioned, then oldest.
func better(a, b candidate, n string) bool {
	an, bn := nameKey(a.rec) == n, nameKey(b.rec) == n
	switch {
	case an != bn:
		return an
	case a.rec.Mentions != b.rec.Mentions:
		return a.rec.Mentions > b.rec.Mentions
	}
	return a.id < b.id
}

func how(r *entRec, n string) string {
	if nameKey(r) == n {
		return "name:" + n
	}
	return "alias:" + n
}

// consistent reports whether two sets of full (multi-word) names can name
// the same thing: one has none, or the words of a full name of one are all
// among the words of a full name of the other ("Kairat Umarov" and "Kairat
// Nurlanovich Umarov").
func consistent(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if subset(x, y) || subset(y, x) {
				return true
			}
		}
	}
	return false
}

func subset(a, b string) bool {
	words := toSet(strings.Fields(b))
	for _, w := range strings.Fields(a) {
		if !words[w] {
			return false
		}
	}
	return true
}

// follow returns the live entity that e is, following merge redirects; 0
// when there is none.
func (w *wtx) follow(e uint64) (uint64, error) {
	for range 16 {
		r, err := w.entity(e)
		if err != nil || r != nil {
			return e, err
		}
		v, ok, err := w.get(redirectKey(e))
		if err != nil || !ok || len(v) != 8 {
			return 0, err
		}
		e = binary.BigEndian.Uint64(v)
	}
	return 0, nil
}
