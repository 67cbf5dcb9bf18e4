package relation

import (
	"sort"

	"github.com/kgraph/kgraph/graph"
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
	d      *text.Doc
	bySent [][]int // mention indices (named and nominal) per sentence, in token order
	named  [][]int // named mentions per sentence, in token order
	lower  [][]string
	seen   map[relKey]int // index into d.Relations
}

type relKey struct {
	typ        graph.RelationType
	head, tail int
}

func newExtractor(d *text.Doc) *extractor {
	x := &extractor{
		d:      d,
		bySent: make([][]int, len(d.Sentences)),
		named:  make([][]int, len(d.Sentences)),
		seen:   make(map[relKey]int),
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
				x.named[s] = append(x.named[s], i)
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
	for s, ms := range x.named {
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
			if _, has := r.Attrs[a]; !has {
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
