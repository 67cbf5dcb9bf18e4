package store

import (
	"encoding/binary"
	"sort"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// Entity resolution on write: which stored node an entity of a new
// document is. The rules, in order (doc.go explains them with examples):
//
//  1. merge memory: a form that a merge pinned (Z index) resolves to the
//     surviving entity, whatever the type;
//  2. a multi-word form equal to a stored name or alias of a compatible type
//     joins that entity (the most mentioned one if several);
//  3. a one-word form (a surname, an acronym, a one-word name) joins only
//     when exactly one entity of a compatible type carries it (for people:
//     carries it as an alias or as the last word of a full name), and never
//     when both have full names that disagree ("Mary Smith" never joins
//     "John Smith" through "Smith", nor "Atlantic Research Collective"
//     the "Arctic Research Council" through "ARC"); a person's one-word
//     form must be the surname of a candidate with a full name, so a given
//     name alone ("Gordon") never joins "Gordon Brown";
//  4. a bare one-word form that several entities carry joins the one entity
//     whose whole name it is (the node earlier bare mentions created);
//  5. otherwise a new node.
//
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

// resolve finds the stored entity for x, whose proper forms are forms; it
// returns 0 when x needs a new node, and the decision for matchedBy.
func (w *wtx) resolve(typ graph.EntityType, forms []string) (uint64, string, error) {
	norms := make([]string, len(forms))
	for i, f := range forms {
		norms[i] = graph.NormalizeName(f)
	}
	// 1. merge memory.
	for _, n := range norms {
		v, ok, err := w.get(pinKey(n))
		if err != nil {
			return 0, "", err
		}
		if ok && len(v) == 8 {
			e, err := w.follow(binary.BigEndian.Uint64(v))
			if err != nil {
				return 0, "", err
			}
			if e != 0 {
				return e, "merge:" + n, nil
			}
		}
	}
	var multi, single []string
	for _, n := range norms {
		if len(strings.Fields(n)) > 1 {
			multi = append(multi, n)
		} else {
			single = append(single, n)
		}
	}
	sort.SliceStable(multi, func(i, j int) bool {
		return len(strings.Fields(multi[i])) > len(strings.Fields(multi[j]))
	})
	// 2. full names.
	for _, n := range multi {
		cands, err := w.candidates(n, typ)
		if err != nil {
			return 0, "", err
		}
		if len(cands) > 0 {
			best := cands[0]
			for _, c := range cands[1:] {
				if better(c, best, n) {
					best = c
				}
			}
			return best.id, how(best.rec, n), nil
		}
	}
	// 3 and 4. one-word forms.
	ambiguous := ""
	for _, n := range single {
		cands, err := w.candidates(n, typ)
		if err == nil && typ == graph.Person {
			cands, err = w.surnameCandidates(n, cands)
		}
		if err != nil {
			return 0, "", err
		}
		switch {
		case len(cands) == 1:
			c := cands[0]
			if !consistent(multi, c.rec.multiWord()) {
				continue
			}
			if typ == graph.Person && len(c.rec.multiWord()) > 0 && !hasSurname(c.rec, n) {
				continue // a given name alone ("Gordon") is not enough
			}
			return c.id, how(c.rec, n), nil
		case len(cands) > 1 && len(multi) == 0:
			var whole []candidate
			for _, c := range cands {
				if graph.NormalizeName(c.rec.Name) == n {
					whole = append(whole, c)
				}
			}
			if len(whole) == 1 {
				return whole[0].id, how(whole[0].rec, n), nil
			}
			fallthrough
		case len(cands) > 1:
			if ambiguous == "" {
				ambiguous = n
			}
		}
	}
	if ambiguous != "" {
		return 0, "new:ambiguous:" + ambiguous, nil
	}
	return 0, "new", nil
}

type candidate struct {
	id  uint64
	rec *entRec
}

// candidates returns the live entities of a type compatible with typ that
// carry the normalised form n.
func (w *wtx) candidates(n string, typ graph.EntityType) ([]candidate, error) {
	ids, err := w.aliasIDs(n)
	if err != nil {
		return nil, err
	}
	var out []candidate
	for _, id := range ids {
		r, err := w.entity(id)
		if err != nil {
			return nil, err
		}
		if r != nil && compatible(typ, r.Type) {
			out = append(out, candidate{id, r})
		}
	}
	return out, nil
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
	var ids []uint64
	err := w.scan(tokenPrefix(n), func(k, _ []byte) error {
		ids = append(ids, binary.BigEndian.Uint64(k[len(k)-8:]))
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
		if w := strings.Fields(f.Norm); len(w) > 1 && w[len(w)-1] == n {
			return true
		}
	}
	return false
}

// better orders candidates for a form: whose name it is, then most
// mentioned, then oldest.
func better(a, b candidate, n string) bool {
	an, bn := graph.NormalizeName(a.rec.Name) == n, graph.NormalizeName(b.rec.Name) == n
	switch {
	case an != bn:
		return an
	case a.rec.Mentions != b.rec.Mentions:
		return a.rec.Mentions > b.rec.Mentions
	}
	return a.id < b.id
}

func how(r *entRec, n string) string {
	if graph.NormalizeName(r.Name) == n {
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
