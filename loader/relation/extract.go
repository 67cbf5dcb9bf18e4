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
func (lx *Stage) Extract(d *text.Doc) { _ = lx.extract(context.Background(), d, nil) }

// ExtractContext is Extract that checks ctx between sentences and returns
// ctx.Err() when it ends first (d.Relations is then incomplete).
func (lx *Stage) ExtractContext(ctx context.Context, d *text.Doc) error {
	return lx.extract(ctx, d, nil)
}

// extract runs the patterns over every sentence, then the scorer over
// every candidate pair (or, when pairs is set, lists the pairs with their
// features instead), and the document-level facts.
func (lx *Stage) extract(ctx context.Context, d *text.Doc, pairs *[]Pair) error {
	d.Relations = d.Relations[:0]
	defer retypeEvents(d)()
	x := newExtractor(lx, d)
	sts := make([]*sentence, len(d.Sentences))
	for s := range d.Sentences {
		if len(x.bySent[s]) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		sts[s] = x.sentence(s)
		x.sentencePatterns(sts[s])
	}
	if m := lx.model; m != nil || pairs != nil {
		f := featPool.Get().(*featurizer)
		f.gaz = lx.gaz
		clear(f.places)
		defer featPool.Put(f)
		// The place look-ups the patterns make serve the features too.
		if f.places == nil {
			f.places = map[int]cachedPlace{}
		}
		for i, mm := range d.Mentions {
			if mm.Type == graph.Location {
				p, ok := x.placeOf[i]
				f.places[i] = cachedPlace{p, ok}
			}
		}
		x.employers = x.patternTies(graph.WorksFor)
		x.members = x.patternTies(graph.MemberOf)
		for _, st := range sts {
			if st != nil {
				if err := ctx.Err(); err != nil {
					return err
				}
				x.score(m, f, st, pairs)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	x.documentLevel()
	x.finish()
	return nil
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
		if text.Capitalised(last) && eventNouns[strings.ToLower(last)] {
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
	bySent      [][]int           // mention indices (named and nominal) per sentence, in token order
	namedBySent [][]int           // named mentions per sentence, in token order
	seen        map[relKey]int    // index into d.Relations
	pairClasses map[[2]int]uint32 // the classes of seen per (head, tail), a bit set over Classes
	patterned   map[[2]int]bool   // mention pairs (low, high) a pattern related
	valid       []bool            // mention is a token span of its sentence

	// Gazetteer look-ups of named mentions, filled by indexNames.
	placeOf      map[int]gazetteer.Place
	orgOf        map[int]gazetteer.Org
	placesByName map[string][]int
	orgsByName   map[string][]int

	pattern   string               // the pattern running (sentencePatterns), for attribute pattern
	employers map[int]map[int]bool // per entity, what patterns made it work for (WORKS_FOR)
	members   map[int]map[int]bool // per entity, what patterns made it a member of (MEMBER_OF)
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
		pairClasses: make(map[[2]int]uint32),
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
	x.indexNames()
	return x
}

// score runs the scorer over the candidate pairs of one sentence: its
// named mentions and the nominal ones coref resolved. What the patterns
// found, and the signs that once vetoed a pair (a tail inside another
// person's title, a dateline, a list, a visit, a word of praise or
// contest between the names …), are features of the pair; the model
// learnt from data what each says. With pairs set, the pairs are listed
// with their features instead of scored.
func (x *extractor) score(m *Model, f *featurizer, st *sentence, pairs *[]Pair) {
	ms := f.ms[:0]
	for _, i := range x.bySent[st.i] {
		if mm := x.d.Mentions[i]; !mm.Nominal || mm.Entity >= 0 && mm.Entity < len(x.d.Entities) {
			ms = append(ms, i)
		}
	}
	f.ms = ms
	if len(ms) < 2 {
		return
	}
	cands := Candidates(x.d, ms, f.cands[:0])
	f.cands = cands
	if len(cands) == 0 {
		return
	}
	f.lower = lowerTokens(st.toks, f.lower)
	var sc sentenceCues
	sc.tele = x.telegraphic(st)
	sc.dateEnd, sc.agency = x.dateline(st)
	sc.kill = hasCue(st.low, killCues)
	var p [32]float64
	for _, c := range cands {
		h, t := x.d.Mentions[c.Head], x.d.Mentions[c.Tail]
		if x.sameEntity(c.Head, c.Tail) || overlap(h, t) {
			continue
		}
		f.features(x.d, c, ms)
		x.cues(f, st, &sc, c.Head, c.Tail)
		allowed := Allowed(h.Type, t.Type)
		if pairs != nil {
			*pairs = append(*pairs, Pair{Head: c.Head, Tail: c.Tail, Sent: st.i, Allowed: allowed, Feats: append([]uint64(nil), f.out...)})
			continue
		}
		m.Probs(f.out, allowed, p[:len(Classes)])
		if k, pk := m.Decide(p[:len(Classes)]); k > 0 {
			if Classes[k] == graph.WorksFor && x.members[x.entityOf(c.Head)][x.entityOf(c.Tail)] && x.party(c.Tail) {
				continue // "Labour MP X ... he": a member of the party, as a pattern said
			}
			x.add(Classes[k], c.Head, c.Tail, st.i, pk, map[string]string{"basis": basisClassifier})
		}
	}
}

// sentenceCues are the signs of a sentence that the pair features read.
type sentenceCues struct {
	tele            bool // a line without sentence punctuation
	dateEnd, agency int  // the dateline's end and its agency mention
	kill            bool // a word for killing
}

// cues adds the features of pair (h, t) that the patterns and guards
// read from the sentence.
func (x *extractor) cues(f *featurizer, st *sentence, sc *sentenceCues, h, t int) {
	hm, tm := x.d.Mentions[h], x.d.Mentions[t]
	flag := func(name string, on bool) {
		if on {
			f.add("cue", name)
		}
	}
	flag("tele", sc.tele)
	flag("kill", sc.kill)
	fw, bw := x.pairClasses[[2]int{h, t}], x.pairClasses[[2]int{t, h}]
	for k := 1; k < len(Classes); k++ {
		switch bit := uint32(1) << k; {
		case fw&bit != 0:
			f.add("pat", string(Classes[k]))
		case bw&bit != 0:
			f.add("patrev", string(Classes[k]))
		}
	}
	flag("patterned", x.patterned[[2]int{min(h, t), max(h, t)}])
	if o := st.owner[tm.Start]; o >= 0 {
		flag("owner-other", o != h)
		flag("owner-head", o == h)
	}
	flag("employed", st.employed[h])
	if es := x.employers[x.entityOf(h)]; es != nil {
		flag("other-employer", !es[x.entityOf(t)])
	}
	flag("dateline", tm.End <= sc.dateEnd && hm.End > sc.dateEnd && h != sc.agency)
	flag("hgeneric", hm.End < len(st.low) && genericOrgNouns[st.low[hm.End]])
	flag("tlist3", x.listSize(st, t) >= 3)
	pp := hm.Type == graph.Location && tm.Type == graph.Location && x.placePair(st, h, t)
	flag("placepair", pp)
	flag("samelist", !pp && x.sameList(st, h, t))
	flag("travel", hasCue(st.low[min(hm.End, tm.End):max(hm.Start, tm.Start)], travelCues))
	flag("bigger", hm.Type == graph.Location && tm.Type == graph.Location && x.biggerPlace(h, t))
	flag("ticker", x.ticker(st, h) || x.ticker(st, t))
	flag("ttitle", tm.Type == graph.Organization && x.titleName(st, t))
	if a, b := min(hm.End, tm.End), max(hm.Start, tm.Start); a <= b {
		flag("encounter", hm.End <= tm.Start && st.anyIn(a, b, encounterCues))
		flag("encounter-after", tm.End <= hm.Start && st.anyIn(a, min(a+3, b), encounterCues))
		between := st.low[a:b]
		flag("bare-for", hm.End <= tm.Start && len(between) == 1 && between[0] == "for")
		flag("bare-to", len(between) >= 1 && len(between) <= 2 && between[0] == "to" && (len(between) == 1 || between[1] == "the"))
	}
	if k := tm.Start - 1; k >= 0 {
		w := st.low[k]
		if w == "the" && k >= 1 {
			w = st.low[k-1]
		}
		flag("against", w == "against")
		flag("told", w == "told")
	}
	flag("poss-the", hm.End+1 == tm.Start && genitive(st.low[hm.End]) && st.low[tm.Start] == "the")
	if tm.End < len(st.low) {
		w := st.low[tm.End]
		f.add("tafter", w)
		flag("tafter-journey", tm.Start > hm.End && journeyWords[w])
	}
}

// patternTies returns, per head entity, the tail entities that patterns
// related it to by typ in the document ("Y chairman X", "X joined Y").
func (x *extractor) patternTies(typ graph.RelationType) map[int]map[int]bool {
	out := map[int]map[int]bool{}
	for _, r := range x.d.Relations {
		if r.Type == typ && r.Attrs["basis"] == basisPattern {
			h, t := x.entityOf(r.Head), x.entityOf(r.Tail)
			if h < 0 || t < 0 {
				continue
			}
			if out[h] == nil {
				out[h] = map[int]bool{}
			}
			out[h][t] = true
		}
	}
	return out
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
	joined := func(j int) bool {
		return x.d.Mentions[ms[j]].Type == typ && x.d.Mentions[ms[j+1]].Type == typ && x.listed(st, ms[j], ms[j+1])
	}
	lo, hi := listRun(len(ms), k, k, joined)
	return hi - lo + 1
}

// listed reports whether mention b follows mention a in a list: after a
// comma, "and", ", and", "or" or ", or".
func (x *extractor) listed(st *sentence, a, b int) bool {
	ma, mb := x.d.Mentions[a], x.d.Mentions[b]
	if mb.Start < ma.End {
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
// (default pattern, with the running pattern's name as attribute
// "pattern"); a pattern outranks the classifier and the gazetteer.
func (x *extractor) add(typ graph.RelationType, head, tail, sent int, conf float64, attrs map[string]string) {
	if x.sameEntity(head, tail) {
		return
	}
	if typ.Symmetric() && tail < head {
		head, tail = tail, head
	}
	basis, pattern := attrs["basis"], ""
	if basis == "" {
		basis, pattern = basisPattern, x.pattern
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
		if _, has := r.Attrs["pattern"]; !has && pattern != "" {
			r.Attrs["pattern"] = pattern
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
	if pattern != "" {
		a["pattern"] = pattern
	}
	x.seen[k] = len(x.d.Relations)
	x.pairClasses[[2]int{head, tail}] |= 1 << ClassIndex(typ) // bit 0 (NONE) for a type that is no class; cues reads from bit 1
	x.d.Relations = append(x.d.Relations, text.Relation{
		Type: typ, Head: head, Tail: tail, Sent: sent, Attrs: a, Confidence: conf,
	})
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
