package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// DuplicateFinder collects a store's entities and reports groups of them
// that probably denote one real-world thing, with the evidence for each
// link, so that an operator can merge what resolution on write missed.
// Add every entity, then call Groups. Memory is one small record per
// entity plus the name keys; no pair of entities is compared unless a key
// brings them together.
//
// The evidence, strongest first:
//
//   - same-name: the canonical keys of the names agree (CanonicalKey:
//     case, punctuation, accents, "&"/"and", "the", legal forms) and so do the
//     types. A person's one-word name is weak evidence: two people may
//     share a surname.
//   - alias: a name or multi-word alias of one is a name or multi-word
//     alias of the other, types agreeing. One-word aliases are left out:
//     "Fed" of "New York Fed" says nothing.
//   - acronym: one is written as an acronym ("SEC", "U.S.D.A.") that
//     spells the initials of the other's name, and exactly one name in the
//     store expands it.
//   - other-type: the same name under two types ("BBC" an organisation
//     and a MISC): the types disagree, so this is for review.
type DuplicateFinder struct {
	ents  []dupEntity
	forms map[string][]int32 // canonical key of a name or multi-word alias → entities
	acros map[string][]int32 // acronym spelled by a multi-word name → entities
}

type dupEntity struct {
	id, name string
	typ      EntityType
	mentions int
	key      string   // CanonicalKey(name)
	plain    string   // the key with legal forms kept: "japan inc" is not the place
	spells   string   // Acronym(name)
	acronyms []string // the entity's own acronym-form names, without dots
}

// NewDuplicateFinder returns an empty finder.
func NewDuplicateFinder() *DuplicateFinder {
	return &DuplicateFinder{forms: map[string][]int32{}, acros: map[string][]int32{}}
}

// Add records one entity (ID, Name, Type, Aliases and MentionCount are
// read).
func (f *DuplicateFinder) Add(e *Entity) {
	i := int32(len(f.ents))
	d := dupEntity{id: e.ID, name: e.Name, typ: e.Type, mentions: e.MentionCount,
		key: CanonicalKey(e.Name), plain: PlainKey(e.Name), spells: Acronym(e.Name)}
	seen := map[string]bool{}
	for k, n := range append([]string{e.Name}, e.Aliases...) {
		key := CanonicalKey(n)
		if key == "" {
			continue
		}
		if IsAcronymForm(n) {
			a := strings.NewReplacer(".", "", "&", "").Replace(n)
			if !slices.Contains(d.acronyms, a) {
				d.acronyms = append(d.acronyms, a)
			}
		}
		// The canonical name always counts; aliases only when they are of
		// several words or acronyms, which few other things carry.
		if k > 0 && !strings.Contains(key, " ") && !IsAcronymForm(n) {
			continue
		}
		if !seen[key] {
			seen[key] = true
			f.forms[key] = append(f.forms[key], i)
		}
		if a := Acronym(n); a != "" && strings.Contains(key, " ") && !seen["\x00"+a] {
			seen["\x00"+a] = true
			f.acros[a] = append(f.acros[a], i)
		}
	}
	f.ents = append(f.ents, d)
}

// DuplicateGroup is a set of entities that probably denote one thing. The
// first member is the suggested survivor of a merge (most mentions).
type DuplicateGroup struct {
	Members  []DuplicateMember   `json:"members"`
	Evidence []DuplicateEvidence `json:"evidence"`
	Score    float64             `json:"score"` // the strongest evidence's score
}

// DuplicateMember is one entity of a group.
type DuplicateMember struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Mentions int        `json:"mentions"`
}

// DuplicateEvidence is one reason that links entities of a group.
type DuplicateEvidence struct {
	Kind   string   `json:"kind"` // same-name, alias, acronym, other-type
	Detail string   `json:"detail"`
	IDs    []string `json:"ids"`
	Score  float64  `json:"score"`
}

// Evidence scores: how likely each kind of link is a true duplicate.
const (
	scoreSameName    = 0.95
	scoreAlias       = 0.85
	scoreAcronym     = 0.8
	scoreOtherType   = 0.6
	scoreSurnameOnly = 0.4
)

// Groups returns the groups whose evidence scores at least minScore,
// largest mention total first.
func (f *DuplicateFinder) Groups(minScore float64) []DuplicateGroup {
	parent := make([]int32, len(f.ents))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	var evidence []DuplicateEvidence
	var links [][]int32 // members of each evidence
	link := func(kind, detail string, score float64, members []int32) {
		if len(members) < 2 || score < minScore {
			return
		}
		ids := make([]string, len(members))
		for k, m := range members {
			ids[k] = f.ents[m].id
			parent[find(m)] = find(members[0])
		}
		evidence = append(evidence, DuplicateEvidence{Kind: kind, Detail: detail, IDs: ids, Score: score})
		links = append(links, members)
	}

	for _, key := range sortedKeys(f.forms) {
		byType := f.partitionByType(f.carriers(key))
		for _, ms := range byType {
			score := scoreSameName
			kind := "same-name"
			if !f.sameCanonical(ms, key) {
				kind, score = "alias", scoreAlias
			}
			if f.ents[ms[0]].typ == Person && !strings.Contains(key, " ") {
				score = scoreSurnameOnly
			}
			link(kind, fmt.Sprintf("%q under type %s", key, f.ents[ms[0]].typ), score, ms)
		}
		// One name under several types, legal forms kept ("Japan Inc" is
		// no place) and people left out (a surname is also a word).
		var reps []int32
		var types []string
		for _, ms := range byType {
			for _, m := range ms {
				if d := f.ents[m]; d.typ != Person && (d.plain == key || d.spells == strings.ToUpper(key)) {
					reps = append(reps, m)
					types = append(types, string(d.typ))
					break
				}
			}
		}
		link("other-type", fmt.Sprintf("%q under types %s", key, strings.Join(types, ", ")), scoreOtherType, reps)
	}

	for i, d := range f.ents {
		for _, a := range d.acronyms {
			exp := f.acros[a]
			var match []int32
			for _, j := range exp {
				if j != int32(i) && compatibleTypes(d.typ, f.ents[j].typ) {
					match = append(match, j)
				}
			}
			// One expansion, or several that are themselves one name.
			if len(match) == 0 || !f.oneName(match) {
				continue
			}
			link("acronym", fmt.Sprintf("%q spells %q", a, f.ents[match[0]].name), scoreAcronym, append([]int32{int32(i)}, match...))
		}
	}

	groups := map[int32]*DuplicateGroup{}
	for k, ms := range links {
		root := find(ms[0])
		g := groups[root]
		if g == nil {
			g = &DuplicateGroup{}
			groups[root] = g
		}
		g.Evidence = append(g.Evidence, evidence[k])
		g.Score = max(g.Score, evidence[k].Score)
	}
	for i := range f.ents {
		if g := groups[find(int32(i))]; g != nil {
			d := f.ents[i]
			g.Members = append(g.Members, DuplicateMember{ID: d.id, Name: d.name, Type: d.typ, Mentions: d.mentions})
		}
	}
	out := make([]DuplicateGroup, 0, len(groups))
	for _, g := range groups {
		slices.SortFunc(g.Members, func(a, b DuplicateMember) int {
			return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(len(b.Name), len(a.Name)), cmp.Compare(a.ID, b.ID))
		})
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b DuplicateGroup) int {
		return cmp.Or(cmp.Compare(mentionTotal(b), mentionTotal(a)), cmp.Compare(a.Members[0].ID, b.Members[0].ID))
	})
	return out
}

func mentionTotal(g DuplicateGroup) int {
	n := 0
	for _, m := range g.Members {
		n += m.Mentions
	}
	return n
}

// carriers returns the entities that carry the name key. A one-word key
// (an acronym or a short name) counts only for entities whose own name it
// is and for those whose name it spells, and for the latter only when they
// are all one name: an alias "EC" on both "European Community" and
// "European Commission", or on "Engelhard Corp", links nothing.
func (f *DuplicateFinder) carriers(key string) []int32 {
	ms := f.forms[key]
	if strings.Contains(key, " ") {
		return ms
	}
	var owners, spellers []int32
	for _, m := range ms {
		switch d := f.ents[m]; {
		case d.key == key:
			owners = append(owners, m)
		case d.spells != "" && d.spells == strings.ToUpper(key):
			spellers = append(spellers, m)
		}
	}
	if len(spellers) > 0 && f.oneName(spellers) {
		owners = append(owners, spellers...)
	}
	return owners
}

// partitionByType splits entities into groups of compatible types, in
// order of first appearance.
func (f *DuplicateFinder) partitionByType(ms []int32) [][]int32 {
	var out [][]int32
next:
	for _, m := range ms {
		for k, p := range out {
			if compatibleTypes(f.ents[p[0]].typ, f.ents[m].typ) {
				out[k] = append(p, m)
				continue next
			}
		}
		out = append(out, []int32{m})
	}
	return out
}

// sameCanonical reports whether every entity's canonical name has key.
func (f *DuplicateFinder) sameCanonical(ms []int32, key string) bool {
	for _, m := range ms {
		if f.ents[m].key != key {
			return false
		}
	}
	return true
}

// oneName reports whether the entities' canonical names share one key.
func (f *DuplicateFinder) oneName(ms []int32) bool {
	for _, m := range ms[1:] {
		if f.ents[m].key != f.ents[ms[0]].key {
			return false
		}
	}
	return true
}

// compatibleTypes reports whether two types may name one thing: equal
// types, or MISC beside EVENT or INITIATIVE (the store's resolution rule).
func compatibleTypes(a, b EntityType) bool {
	if a == b {
		return true
	}
	soft := func(t EntityType) bool { return t == Event || t == Initiative }
	return a == Misc && soft(b) || b == Misc && soft(a)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
