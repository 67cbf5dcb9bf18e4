package relation

import (
	"sort"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// Extract fills d.Relations with the relations stated in d: the trained
// classifier's CoNLL04 relations between named mentions of one sentence and
// the pattern relations of the rest of the ontology. It needs d.Mentions
// (typed by refine) and uses coreference (Mention.Entity, d.Entities) when
// present. Each relation is stated once per (type, head, tail); the document
// date, when known, is set as attribute "documentDate". Extract is safe to
// call on many documents concurrently.
func Extract(d *text.Doc) {
	d.Relations = d.Relations[:0]
	x := newExtractor(d)
	if m, err := Default(); err == nil {
		x.classify(m)
	}
	x.patterns()
	x.finish()
}

// extractor holds the per-document state of one Extract call.
type extractor struct {
	d           *text.Doc
	bySent      [][]int // mention indices (named and nominal) per sentence, in token order
	namedBySent [][]int // named mentions per sentence, in token order
	lower       [][]string
	seen        map[relKey]int // index into d.Relations

	// Gazetteer look-ups of named mentions, filled once by indexNames.
	placeOf      map[int]gazetteer.Place
	orgOf        map[int]gazetteer.Org
	placesByName map[string][]int
	orgsByName   map[string][]int
}

type relKey struct {
	typ        graph.RelationType
	head, tail int
}

func newExtractor(d *text.Doc) *extractor {
	x := &extractor{
		d:           d,
		bySent:      make([][]int, len(d.Sentences)),
		namedBySent: make([][]int, len(d.Sentences)),
		seen:        make(map[relKey]int),
	}
	for i, m := range d.Mentions {
		if m.Sent < 0 || m.Sent >= len(d.Sentences) || m.Start >= m.End {
			continue
		}
		x.bySent[m.Sent] = append(x.bySent[m.Sent], i)
	}
	for s, ms := range x.bySent {
		sort.SliceStable(ms, func(a, b int) bool { return d.Mentions[ms[a]].Start < d.Mentions[ms[b]].Start })
		for _, i := range ms {
			if !d.Mentions[i].Nominal {
				x.namedBySent[s] = append(x.namedBySent[s], i)
			}
		}
	}
	return x
}

// classify runs the pair classifier over every sentence.
func (x *extractor) classify(m *Model) {
	f := m.featurizer()
	defer featPool.Put(f)
	var cands []Candidate
	for s, ms := range x.namedBySent {
		if len(ms) < 2 {
			continue
		}
		cands = Candidates(x.d, ms, cands[:0])
		if len(cands) == 0 {
			continue
		}
		f.lower = lowerTokens(x.d.Sentences[s].Tokens, f.lower)
		for _, c := range cands {
			if x.sameEntity(c.Head, c.Tail) || overlap(x.d.Mentions[c.Head], x.d.Mentions[c.Tail]) {
				continue
			}
			f.features(x.d, c, ms)
			p := m.Score(f.out)
			if p >= m.Threshold {
				x.add(c.Rel, c.Head, c.Tail, s, p, nil)
			}
		}
	}
}

func overlap(a, b text.Mention) bool {
	return a.Sent == b.Sent && a.Start < b.End && b.Start < a.End
}

// sameEntity reports whether mentions i and j were resolved to one entity.
func (x *extractor) sameEntity(i, j int) bool {
	if i == j {
		return true
	}
	a, b := x.d.Mentions[i].Entity, x.d.Mentions[j].Entity
	return a >= 0 && a == b && a < len(x.d.Entities)
}

// add records a relation, keeping one per (type, head, tail): the most
// confident, with the attributes of both merged.
func (x *extractor) add(typ graph.RelationType, head, tail, sent int, conf float64, attrs map[string]string) {
	if x.sameEntity(head, tail) {
		return
	}
	if typ.Symmetric() && tail < head {
		head, tail = tail, head
	}
	k := relKey{typ, head, tail}
	if i, ok := x.seen[k]; ok {
		r := &x.d.Relations[i]
		for a, v := range attrs {
			if _, has := r.Attrs[a]; !has && a != "basis" {
				if r.Attrs == nil {
					r.Attrs = map[string]string{}
				}
				r.Attrs[a] = v
			}
		}
		if conf > r.Confidence {
			r.Confidence = conf
		}
		return
	}
	x.seen[k] = len(x.d.Relations)
	x.d.Relations = append(x.d.Relations, text.Relation{
		Type: typ, Head: head, Tail: tail, Sent: sent, Attrs: attrs, Confidence: conf,
	})
}

// finish stamps the document date on every relation.
func (x *extractor) finish() {
	if x.d.Date == "" {
		return
	}
	for i := range x.d.Relations {
		r := &x.d.Relations[i]
		if r.Attrs == nil {
			r.Attrs = map[string]string{}
		}
		r.Attrs["documentDate"] = x.d.Date
	}
}

// InContract reports whether r belongs in the output of the token-level
// evaluation contract (kgraph extract --tokens), whose gold standard
// (CoNLL04) annotates only what one sentence states between two names: both
// arguments named (not nominal) and in the evidence sentence, not a fact
// that a gazetteer supplied (attribute basis=gazetteer), and not a
// WORKS_FOR or LEADS to a place — CoNLL04 annotates "U.S. Ambassador X" as
// X Live_In U.S., so ContractType turns those into LIVES_IN.
func InContract(d *text.Doc, r text.Relation) bool {
	if r.Head < 0 || r.Head >= len(d.Mentions) || r.Tail < 0 || r.Tail >= len(d.Mentions) {
		return false
	}
	h, t := d.Mentions[r.Head], d.Mentions[r.Tail]
	return !h.Nominal && !t.Nominal && h.Sent == r.Sent && t.Sent == r.Sent && r.Attrs["basis"] != "gazetteer"
}

// ContractType returns the relation type to print for r in the token-level
// evaluation contract: LIVES_IN for a WORKS_FOR or LEADS whose tail is a
// place (see InContract), else r.Type.
func ContractType(d *text.Doc, r text.Relation) graph.RelationType {
	if (r.Type == graph.WorksFor || r.Type == graph.Leads) && d.Mentions[r.Tail].Type == graph.Location {
		return graph.LivesIn
	}
	return r.Type
}
