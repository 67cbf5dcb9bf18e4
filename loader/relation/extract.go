package relation

import (
	"context"
	"sort"
	"strings"

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
// call on many documents concurrently; during the call it types names that
// end in an event noun as events, and restores the types before it returns.
func (lx *Stage) Extract(d *text.Doc) { _ = lx.ExtractContext(context.Background(), d) }

// ExtractContext is Extract that checks ctx between sentences and returns
// ctx.Err() when it ends first (d.Relations is then incomplete).
func (lx *Stage) ExtractContext(ctx context.Context, d *text.Doc) error {
	d.Relations = d.Relations[:0]
	defer retypeEvents(d)()
	x := newExtractor(lx, d)
	m := lx.model
	var f *featurizer
	if m != nil {
		f = m.featurizer(lx.gaz)
		f.reset()
		defer featPool.Put(f)
		// The place look-ups the patterns make serve the features too.
		x.indexNames()
		if f.places == nil {
			f.places = map[int]cachedPlace{}
		}
		for i, mm := range d.Mentions {
			if mm.Type == graph.Location {
				p, ok := x.placeOf[i]
				f.places[i] = cachedPlace{p, ok}
			}
		}
	}
	for s := range d.Sentences {
		if len(x.bySent[s]) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		st := x.sentence(s)
		x.sentencePatterns(st)
		if m != nil {
			x.classify(m, f, st)
		}
		x.related(st)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	x.documentLevel()
	x.prune()
	x.finish()
	return nil
}

// eventNouns end the names of events.
var eventNouns = map[string]bool{
	"summit": true, "conference": true, "forum": true, "meeting": true, "games": true,
	"olympics": true, "festival": true, "expo": true, "exhibition": true, "symposium": true, "convention": true,
	"talks": true, "dialogue": true, "week": true, "championship": true, "championships": true, "cup": true,
	"tournament": true, "ceremony": true, "awards": true, "fair": true, "session": true, "retreat": true,
}

// retypeEvents makes names that end in an event noun ("African Union
// Summit" tagged as a place) events for the duration of Extract, and
// returns the function that restores the types.
func retypeEvents(d *text.Doc) func() {
	var changed []int
	var was []graph.EntityType
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Nominal || m.End-m.Start < 2 || m.Sent < 0 || m.Sent >= len(d.Sentences) || m.End > len(d.Sentences[m.Sent].Tokens) {
			continue
		}
		switch m.Type {
		case graph.Location, graph.Organization, graph.Misc:
		default:
			continue
		}
		last := d.Sentences[m.Sent].Tokens[m.End-1].Text
		if isCap(last) && eventNouns[strings.ToLower(last)] {
			changed = append(changed, i)
			was = append(was, m.Type)
			m.Type = graph.Event
		}
	}
	return func() {
		for k, i := range changed {
			d.Mentions[i].Type = was[k]
		}
	}
}

// extractor holds the per-document state of one Extract call.
type extractor struct {
	lx          *Stage
	d           *text.Doc
	bySent      [][]int         // mention indices (named and nominal) per sentence, in token order
	namedBySent [][]int         // named mentions per sentence, in token order
	seen        map[relKey]int  // index into d.Relations
	patterned   map[[2]int]bool // mention pairs (low, high) a pattern related
	valid       []bool          // mention is a token span of its sentence

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

func newExtractor(lx *Stage, d *text.Doc) *extractor {
	x := &extractor{
		lx:          lx,
		d:           d,
		bySent:      make([][]int, len(d.Sentences)),
		namedBySent: make([][]int, len(d.Sentences)),
		seen:        make(map[relKey]int),
		patterned:   make(map[[2]int]bool),
		valid:       make([]bool, len(d.Mentions)),
	}
	for i, m := range d.Mentions {
		if m.Sent < 0 || m.Sent >= len(d.Sentences) || m.Start < 0 || m.Start >= m.End || m.End > len(d.Sentences[m.Sent].Tokens) {
			continue // not a span of its sentence: no pattern or pair can use it
		}
		x.valid[i] = true
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

// classify runs the pair classifier over the named mentions of one
// sentence, after the sentence's patterns. A pair is skipped when the
// patterns already placed one side elsewhere: a tail inside another
// person's title ("met World Bank Vice President, IFC Managing Director
// X": the World Bank is X's employer, not the subject's), or a WORKS_FOR
// for a person whose employer a title pattern already gave in this
// sentence.
func (x *extractor) classify(m *Model, f *featurizer, st *sentence) {
	ms := x.namedBySent[st.i]
	if len(ms) < 2 {
		return
	}
	cands := Candidates(x.d, ms, f.cands[:0])
	f.cands = cands
	if len(cands) == 0 {
		return
	}
	f.lower = lowerTokens(st.toks, f.lower)
	tele := x.telegraphic(st)
	dateEnd, agency := x.dateline(st)
	killCue := -1 // unknown
	for _, c := range cands {
		if c.Rel == graph.Killed {
			if killCue < 0 {
				killCue = 0
				if hasKillCue(st.low) {
					killCue = 1
				}
			}
			if killCue == 0 {
				continue
			}
		}
		h, t := x.d.Mentions[c.Head], x.d.Mentions[c.Tail]
		if x.sameEntity(c.Head, c.Tail) || overlap(h, t) {
			continue
		}
		if o := st.owner[t.Start]; o >= 0 && o != c.Head {
			continue
		}
		if c.Rel == graph.WorksFor && st.employed[c.Head] && !x.hasRelation(graph.WorksFor, c.Head, c.Tail) {
			continue
		}
		if x.patterned[[2]int{min(c.Head, c.Tail), max(c.Head, c.Tail)}] && c.Rel != graph.LivesIn {
			// A pattern already said how these two relate ("X proposed
			// creating Y", "Y joined NATO"); CoNLL04's relations are not
			// the only ones, and a person's country may still be home.
			if !x.hasRelation(c.Rel, c.Head, c.Tail) {
				continue
			}
		}
		if t.End <= dateEnd && h.End > dateEnd && c.Head != agency && (c.Rel == graph.BasedIn || c.Rel == graph.LivesIn) {
			// "NAIROBI (Reuters) - Vodacom said": the dateline is where the
			// story was filed, not where the company is.
			continue
		}
		if c.Rel == graph.BasedIn && h.End < len(st.low) && genericOrgNouns[st.low[h.End]] {
			continue // "a UN agency based in Geneva": the agency is, not the UN
		}
		if c.Rel == graph.LivesIn && x.listSize(st, c.Tail) >= 3 {
			// "X sells grain to Egypt, Kenya and Peru": a person next to a
			// list of three or more places rarely lives in them; of the 33
			// such person-place pairs in CoNLL04 train, 2 are Live_In.
			continue
		}
		if c.Rel == graph.LivesIn && hasTravelCue(st.low, min(h.End, t.End), max(h.Start, t.Start)) {
			continue // "X is to visit Thailand"
		}
		if c.Rel == graph.LocatedIn && x.biggerPlace(c.Head, c.Tail) {
			continue // a country does not lie in one of its cities
		}
		if x.implausible(st, c.Rel, c.Head, c.Tail) {
			continue
		}
		f.features(x.d, c, ms)
		if p := m.Score(f.out); p >= m.Cut(c.Rel) {
			if tele {
				p = min(p, confTelegraphic)
			}
			x.add(c.Rel, c.Head, c.Tail, st.i, p, map[string]string{"basis": basisClassifier})
		}
	}
}

// dateline returns the end of a dateline that opens st ("NAIROBI ( Reuters
// ) -", "DAYTON , Ohio ( AP )", "OSLO . NTB -") — the token after
// its places — and the news agency named in it (-1 when none); 0, -1 when
// the sentence opens with no dateline.
func (x *extractor) dateline(st *sentence) (int, int) {
	j := 0
	for j < len(st.toks) {
		m := x.startingAt(st, j)
		if m < 0 || x.d.Mentions[m].Type != graph.Location {
			break
		}
		j = x.d.Mentions[m].End
		if j < len(st.toks) && st.low[j] == "," && x.startingAt(st, j+1) >= 0 {
			j++
			continue
		}
		break
	}
	if j == 0 || j >= len(st.toks) {
		return 0, -1
	}
	switch st.low[j] {
	case "(":
		if a := x.startingAt(st, j+1); a >= 0 && x.d.Mentions[a].End < len(st.toks) && st.low[x.d.Mentions[a].End] == ")" {
			return j, a
		}
		return j, -1
	case ".", "-", "--", "—":
		if a := x.startingAt(st, j+1); a >= 0 && x.d.Mentions[a].End < len(st.toks) && (st.low[x.d.Mentions[a].End] == "-" || st.low[x.d.Mentions[a].End] == "—") {
			return j, a
		}
		return j, -1
	}
	return 0, -1
}

// listSize returns the length of the coordination ("A, B and C") that
// named mention i belongs to: neighbours of the same type joined by a
// comma, "and", ", and" or "or".
func (x *extractor) listSize(st *sentence, i int) int {
	ms := x.namedBySent[st.i]
	k := -1
	for j, m := range ms {
		if m == i {
			k = j
		}
	}
	if k < 0 {
		return 1
	}
	typ := x.d.Mentions[i].Type
	joined := func(a, b int) bool {
		ma, mb := x.d.Mentions[ms[a]], x.d.Mentions[ms[b]]
		if ma.Type != typ || mb.Type != typ || mb.Start < ma.End {
			return false
		}
		switch mb.Start - ma.End {
		case 1:
			w := st.low[ma.End]
			return w == "," || w == "and" || w == "or"
		case 2:
			return st.low[ma.End] == "," && (st.low[ma.End+1] == "and" || st.low[ma.End+1] == "or")
		}
		return false
	}
	n := 1
	for j := k; j > 0 && joined(j-1, j); j-- {
		n++
	}
	for j := k; j+1 < len(ms) && joined(j, j+1); j++ {
		n++
	}
	return n
}

// hasRelation reports whether a relation typ from mention h to t exists.
func (x *extractor) hasRelation(typ graph.RelationType, h, t int) bool {
	_, ok := x.seen[relKey{typ, h, t}]
	return ok
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

// Values of the relation attribute "basis": where a relation came from.
const (
	basisPattern    = "pattern"    // a hand-written pattern matched the sentence
	basisClassifier = "classifier" // the trained pair classifier (confidence = its probability)
	basisGazetteer  = "gazetteer"  // general knowledge about two names the document mentions
)

// add records a relation, keeping one per (type, head, tail): the most
// confident, with the attributes of both merged. attrs may carry "basis"
// (default pattern); a pattern outranks the classifier and the gazetteer.
func (x *extractor) add(typ graph.RelationType, head, tail, sent int, conf float64, attrs map[string]string) {
	if x.sameEntity(head, tail) {
		return
	}
	if typ.Symmetric() && tail < head {
		head, tail = tail, head
	}
	basis := attrs["basis"]
	if basis == "" {
		basis = basisPattern
		x.patterned[[2]int{min(head, tail), max(head, tail)}] = true
	}
	k := relKey{typ, head, tail}
	if i, ok := x.seen[k]; ok {
		r := &x.d.Relations[i]
		if r.Attrs == nil {
			r.Attrs = map[string]string{}
		}
		for a, v := range attrs {
			if _, has := r.Attrs[a]; !has {
				r.Attrs[a] = v
			}
		}
		switch {
		case basis == basisPattern || r.Attrs["basis"] == basisGazetteer && basis == basisClassifier:
			r.Attrs["basis"] = basis
			r.Sent = sent
		case basis == basisGazetteer && r.Attrs["basis"] == basisClassifier:
			// The gazetteer confirms what the classifier guessed: the fact
			// stands on the gazetteer (and survives the graph's
			// threshold for classifier facts); the sentence stays.
			r.Attrs["basis"] = basis
		}
		if conf > r.Confidence {
			r.Confidence = conf
		}
		return
	}
	a := make(map[string]string, len(attrs)+2)
	for k, v := range attrs {
		a[k] = v
	}
	a["basis"] = basis
	x.seen[k] = len(x.d.Relations)
	x.d.Relations = append(x.d.Relations, text.Relation{
		Type: typ, Head: head, Tail: tail, Sent: sent, Attrs: a, Confidence: conf,
	})
}

// confOtherEmployer is the probability the classifier needs to give a
// person a second employer when a title pattern already named one in the
// document: "WHO Director-General X ... X also praised the UNICEF field
// staff" is no evidence of a job.
const confOtherEmployer = 0.7

// prune drops classifier WORKS_FOR relations below confOtherEmployer whose
// person a pattern already gave a different employer.
func (x *extractor) prune() {
	employer := map[int]map[int]bool{} // person entity -> employer entities from patterns
	for _, r := range x.d.Relations {
		if r.Type == graph.WorksFor && r.Attrs["basis"] == basisPattern {
			h, t := x.entityOf(r.Head), x.entityOf(r.Tail)
			if h < 0 || t < 0 {
				continue
			}
			if employer[h] == nil {
				employer[h] = map[int]bool{}
			}
			employer[h][t] = true
		}
	}
	if len(employer) == 0 {
		return
	}
	out := x.d.Relations[:0]
	for _, r := range x.d.Relations {
		if r.Type == graph.WorksFor && r.Attrs["basis"] == basisClassifier && r.Confidence < confOtherEmployer {
			if es := employer[x.entityOf(r.Head)]; es != nil && !es[x.entityOf(r.Tail)] {
				continue
			}
		}
		out = append(out, r)
	}
	x.d.Relations = out
}

// finish stamps the document date on every relation.
func (x *extractor) finish() {
	if x.d.Date == "" {
		return
	}
	for i := range x.d.Relations {
		x.d.Relations[i].Attrs["documentDate"] = x.d.Date
	}
}

// InContract reports whether r belongs in the output of the token-level
// evaluation contract (kgraph extract --tokens), whose gold standard
// (CoNLL04) annotates only what one sentence states between two names: both
// arguments named (not nominal) and in the evidence sentence, not a fact
// that a gazetteer supplied (attribute basis=gazetteer), not one of an
// adjective made of a place's name ("Vienna-based"), and not a
// WORKS_FOR or LEADS to a place — CoNLL04 annotates "U.S. Ambassador X" as
// X Live_In U.S., so ContractType turns those into LIVES_IN.
func InContract(d *text.Doc, r text.Relation) bool {
	if r.Head < 0 || r.Head >= len(d.Mentions) || r.Tail < 0 || r.Tail >= len(d.Mentions) {
		return false
	}
	h, t := d.Mentions[r.Head], d.Mentions[r.Tail]
	if h.Modifier != "" || t.Modifier != "" {
		return false // "Frankfurt-based": an adjective, not a name of the contract
	}
	return !h.Nominal && !t.Nominal && h.Sent == r.Sent && t.Sent == r.Sent && (r.Attrs["basis"] != basisGazetteer || r.Type == graph.LocatedIn)
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
