package relation

import (
	"slices"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// trigger is a verb phrase that states a relation between its subject (the
// name before it) and its object (the first suitable name after it).
type trigger struct {
	typ       graph.RelationType
	subj, obj []graph.EntityType
	gap       int  // most tokens between the phrase and the object
	reverse   bool // the relation goes object -> subject (an event organised by its subject)
	conf      float64
}

var (
	trigMet       = trigger{typ: graph.MetWith, subj: partyTypes, obj: partyTypes, gap: 2, conf: 0.85}
	trigMetBare   = trigger{typ: graph.MetWith, subj: partyTypes, obj: partyTypes, gap: 0, conf: 0.8}
	trigMetAnd    = trigger{typ: graph.MetWith, subj: partyTypes, obj: []graph.EntityType{}, gap: 0, conf: 0.75} // only "X and Y discussed"
	trigMetPerson = trigger{typ: graph.MetWith, subj: personTypes, obj: personTypes, gap: 0, conf: 0.8}
	trigAnnounced = trigger{typ: graph.Announced, subj: partyTypes, obj: thingTypes, gap: 10, conf: 0.75}
	trigProposed  = trigger{typ: graph.Proposed, subj: partyTypes, obj: thingTypes, gap: 10, conf: 0.75}
	trigLaunched  = trigger{typ: graph.Launched, subj: partyTypes, obj: thingTypes, gap: 8, conf: 0.75}
	trigAttend    = trigger{typ: graph.ParticipatesIn, subj: partyTypes, obj: eventTypes, gap: 3, conf: 0.8}
	trigTakePart  = trigger{typ: graph.ParticipatesIn, subj: partyTypes, obj: []graph.EntityType{graph.Event, graph.Initiative}, gap: 3, conf: 0.8}
	trigSigned    = trigger{typ: graph.ParticipatesIn, subj: partyTypes, obj: []graph.EntityType{graph.Initiative}, gap: 1, conf: 0.75}
	trigOrganised = trigger{typ: graph.OrganizedBy, subj: []graph.EntityType{graph.Organization, graph.Location, graph.Person}, obj: eventTypes, gap: 3, reverse: true, conf: 0.8}
	trigKilled    = trigger{typ: graph.Killed, subj: personTypes, obj: personTypes, gap: 0, conf: 0.8}
	trigJoined    = trigger{typ: graph.MemberOf, subj: partyTypes, obj: orgTypes, gap: 1, conf: 0.7}
	trigAcquired  = trigger{typ: graph.Acquired, subj: orgTypes, obj: orgTypes, gap: 2, conf: 0.75}
	trigLives     = trigger{typ: graph.LivesIn, subj: personTypes, obj: []graph.EntityType{graph.Location}, gap: 1, conf: 0.8}
	trigHeads     = trigger{typ: graph.Leads, subj: personTypes, obj: []graph.EntityType{graph.Organization, graph.Location}, gap: 1, conf: 0.75}
)

// verbTriggers maps the verb phrases of words.txt (the lists verbs-NAME)
// to the relations they state; a phrase in several lists tries their
// triggers in this order. The phrases are matched on lower-cased tokens,
// longest first.
var verbTriggers = func() map[string][]trigger {
	m := map[string][]trigger{}
	for _, t := range []struct {
		name string
		tr   trigger
	}{
		{"met-with", trigMet}, {"met", trigMetBare}, {"met-and", trigMetAnd}, {"received", trigMetPerson},
		{"announced", trigAnnounced}, {"proposed", trigProposed}, {"launched", trigLaunched}, {"attended", trigAttend},
		{"joined", trigJoined}, {"took-part", trigTakePart}, {"signed", trigSigned}, {"organised", trigOrganised},
		{"killed", trigKilled}, {"acquired", trigAcquired}, {"lives-in", trigLives}, {"heads", trigHeads},
	} {
		for _, p := range list("verbs-" + t.name) {
			m[p] = append(m[p], t.tr)
		}
	}
	return m
}()

var verbTable = func() phraseTable {
	ps := make([]string, 0, len(verbTriggers))
	for p := range verbTriggers {
		ps = append(ps, p)
	}
	return newPhraseTable(ps...)
}()

// auxFillers may stand between a subject and its verb ("is going to
// announce", "has also met").
func auxFiller(w string) bool {
	return isLowerWord(w) && !stopFillers[w]
}

// subjectBefore returns the mention that is the subject of a verb at token
// k: a name right before it, with at most four auxiliary or adverb words
// between, or before a comma-delimited apposition ("X, the minister,
// met"). It returns -1 when there is none or it is a prepositional object.
func (x *extractor) subjectBefore(st *sentence, k int) int {
	j := skipWhen(st, k)
	for n := 0; j > 0 && n < 4 && st.at[j-1] < 0 && auxFiller(st.low[j-1]) && !weekdays[st.low[j-1]] && st.low[j-1] != "it"; n++ {
		j--
	}
	j = skipWhen(st, j)
	m := x.endingAt(st, j)
	if m < 0 && j >= 3 && st.low[j-1] == "it" {
		// "X said [on Tuesday] it would buy Y": the organisation or state
		// that speaks of itself.
		if s := skipWhen(st, j-1); s >= 2 && (st.low[s-1] == "said" || st.low[s-1] == "says") {
			q := s - 1
			for q > 0 && q > s-3 && (st.low[q-1] == "has" || st.low[q-1] == "have" || st.low[q-1] == "had" || st.low[q-1] == "also") {
				q-- // "X has said it will launch Y"
			}
			if o := x.endingAt(st, q); o >= 0 && (x.d.Mentions[o].Type == graph.Organization || x.d.Mentions[o].Type == graph.Location) {
				m = o
			}
		}
	}
	if m < 0 && j >= 3 && (st.low[j-1] == "who" || st.low[j-1] == "which") && st.low[j-2] == "," {
		m = x.endingAt(st, j-2) // "X, who met Y"
	}
	if m < 0 && j > 1 && st.low[j-1] == "," {
		for c := j - 2; c > 0 && c >= j-14; c-- {
			if st.low[c] == "," {
				m = x.endingAt(st, c)
				break
			}
			if clauseEnd(st.low[c]) {
				break
			}
		}
		if m < 0 {
			m = x.endingAt(st, j-1) // "X, born in Y"
		}
	}
	if m < 0 {
		return -1
	}
	b := st.backThe(x.d.Mentions[m].Start)
	if b > 0 && prepositions[st.low[b-1]] {
		// "Minister of the Republic of X held talks": an "of" that ties
		// a title to the name still leaves the name the subject.
		if !(st.low[b-1] == "of" && x.d.Mentions[m].Type == graph.Person && x.stateFormOf(st, b) > 0) {
			return -1
		}
	}
	return m
}

// possessive reports whether mention m is a possessive pronoun ("his",
// "its"), which determines the noun that is the clause's subject.
func possessive(st *sentence, m text.Mention) bool {
	return m.End-m.Start == 1 && slices.Contains(text.Possessives, st.low[m.Start])
}

// weekdays name the days of the week, for "on Tuesday" between a subject
// and its verb.
var weekdays = text.Set(text.Weekdays)

// skipWhen returns the token before a time adverbial ending just before
// token j ("on Tuesday", "on Tuesday evening"), else j.
func skipWhen(st *sentence, j int) int {
	e := j
	if e >= 3 && (st.low[e-1] == "morning" || st.low[e-1] == "evening" || st.low[e-1] == "night" || st.low[e-1] == "afternoon") {
		e--
	}
	if e >= 2 && weekdays[st.low[e-1]] && st.low[e-2] == "on" {
		return e - 2
	}
	return j
}

// objectAfter returns the first mention of a type in types that starts
// within gap tokens after token k of st (a person's title prefix leads to
// the person), skipping other names, or -1 at the end of the clause.
func (x *extractor) objectAfter(st *sentence, k int, types []graph.EntityType, gap int) int {
	n := len(st.toks)
	for j := k; j < n && j <= k+gap; j++ {
		if clauseEnd(st.low[j]) {
			return -1
		}
		if o := st.owner[j]; o >= 0 {
			if slices.Contains(types, graph.Person) {
				return o
			}
			j = x.d.Mentions[o].End - 1
			continue
		}
		if slices.Contains(types, graph.Person) && (descriptors[st.low[j]] || st.at[j] >= 0 && x.d.Mentions[st.at[j]].Type == graph.NORP) {
			gap++ // "met his Estonian counterpart X": the description is free
			if st.at[j] >= 0 {
				gap += x.d.Mentions[st.at[j]].End - j - 1
				j = x.d.Mentions[st.at[j]].End - 1
			}
			continue
		}
		if m := x.startingAt(st, j); m >= 0 {
			if slices.Contains(types, x.d.Mentions[m].Type) {
				if slices.Contains(types, graph.Person) && x.d.Mentions[m].Type != graph.Person {
					// "met World Bank Vice President" with no name: the
					// organisation describes a person, it is not the party.
					if _, _, _, ok := x.titleAfter(st, x.d.Mentions[m].End); ok {
						return -1
					}
				}
				return m
			}
			gap += x.d.Mentions[m].End - j // skipped names do not count against the gap
			j = x.d.Mentions[m].End - 1
		}
	}
	return -1
}

// passiveBefore returns the patient of a passive verb at token k ("X was
// launched by Y"): a name right before it with only auxiliaries or a comma
// between.
func (x *extractor) passiveBefore(st *sentence, k int) int {
	j := k
	for n := 0; j > 0 && n < 4 && st.at[j-1] < 0; n++ {
		switch st.low[j-1] {
		case "was", "were", "is", "are", "been", "being", "has", "have", "had", "be", "will", ",", "recently", "jointly", "also", "first", "originally":
			j--
			continue
		}
		break
	}
	if m := x.endingAt(st, j); m >= 0 {
		return m
	}
	return x.definiteEvent(st, j)
}

// definiteEvent returns, for "the summit" ending just before token j of
// st, a named mention of the one event the document named so far whose
// name ends in that noun ("the Central European Water Summit"), or -1
// when there is none or more than one.
func (x *extractor) definiteEvent(st *sentence, j int) int {
	if j < 2 || st.low[j-2] != "the" || !eventNouns[st.low[j-1]] || st.at[j-1] >= 0 {
		return -1
	}
	found, ent := -1, -1
	for i, m := range x.d.Mentions {
		if m.Nominal || !x.valid[i] || m.Type != graph.Event || m.Sent > st.i || m.Sent == st.i && m.End > j {
			continue
		}
		toks := x.d.Sentences[m.Sent].Tokens
		if m.End-m.Start < 2 || !strings.EqualFold(toks[m.End-1].Text, st.low[j-1]) {
			continue
		}
		e := x.entityOf(i)
		if e < 0 {
			e = -2 - i
		}
		if ent != -1 && e != ent {
			return -1 // two summits: which one is unclear
		}
		found, ent = i, e
	}
	return found
}

// verbs applies the verb-phrase triggers of verbTriggers, and "talks
// between X and Y".
func (x *extractor) verbs(st *sentence) {
	n := len(st.toks)
	for k := 0; k+3 < n; k++ {
		a := x.startingAt(st, k+2)
		if !meetingNouns[st.low[k]] || st.low[k+1] != "between" || a < 0 || !slices.Contains(partyTypes, x.d.Mentions[a].Type) {
			continue
		}
		if e := x.d.Mentions[a].End; e+1 < n && st.low[e] == "and" {
			if b := x.objectAfter(st, e+1, partyTypes, 0); b >= 0 && !x.sameEntity(a, b) {
				x.add(graph.MetWith, x.named(a), x.named(b), st.i, 0.8, nil)
			}
		}
	}
	for k := 0; k < n; k++ {
		if st.at[k] >= 0 {
			continue
		}
		l := verbTable.match(st.low, k)
		if l == 0 {
			continue
		}
		phrase := strings.Join(st.low[k:k+l], " ")
		end := k + l
		if end+1 < n && strings.HasSuffix(st.low[end], "ly") && isLowerWord(st.low[end]) && st.low[end+1] == "with" {
			// "met separately with Y", "talked privately with Y".
			if _, ok := verbTriggers[phrase+" with"]; ok {
				phrase, end = phrase+" with", end+2
			}
		}
		passive := end+1 < n && st.low[end] == "by"
		for _, tr := range verbTriggers[phrase] {
			var subj, obj int
			if passive {
				j := st.skipThe(end + 1)
				subj, obj = x.agentAt(st, j), x.passiveBefore(st, k)
				if subj >= 0 && st.owner[j] >= 0 {
					subj = st.owner[j]
				}
			} else {
				subj = x.subjectBefore(st, k)
				if subj < 0 && k > 0 && st.low[k-1] == "and" {
					subj = x.sharedSubject(st, k-1)
				}
				if subj < 0 {
					continue
				}
				if end < n && st.low[end] == "that" && tr.typ != graph.MetWith {
					continue // "X proposed that the FCC require": a clause, not a thing
				}
				obj = x.objectAfter(st, end, tr.obj, tr.gap)
			}
			if subj < 0 || !slices.Contains(tr.subj, x.d.Mentions[subj].Type) {
				continue
			}
			objTypes := tr.obj
			if obj < 0 && tr.typ == graph.MetWith && !strings.HasSuffix(phrase, " with") && !withLater(st, end) {
				// "X and Y met", "X and his French counterpart Y held talks",
				// "X and Soviet leader Y met": Y's title is not counted.
				objTypes = partyTypes
				for b, words := x.d.Mentions[subj].Start, 0; b > 0 && words < 5; b-- {
					if st.owner[b-1] == subj {
						continue
					}
					words++
					w := st.low[b-1]
					if w == "and" {
						obj = x.endingAt(st, b-1)
						break
					}
					if st.at[b-1] >= 0 && x.d.Mentions[st.at[b-1]].Type != graph.NORP || !isWord(w) {
						break
					}
				}
			}
			if obj < 0 || !slices.Contains(objTypes, x.d.Mentions[obj].Type) || x.sameEntity(subj, obj) {
				continue
			}
			if !passive && partnerNoun(st, end, x.d.Mentions[obj].Start) {
				// "X announced a partnership with Y": Y is a partner (see
				// cooperation), not what was announced, nor the object
				// of a bare verb (RELATED_TO).
				st.subject = subj
				x.patterned[[2]int{min(subj, obj), max(subj, obj)}] = true
				continue
			}
			if tr.typ == graph.MemberOf && !passive && x.d.Mentions[obj].Start > 0 && st.low[x.d.Mentions[obj].Start-1] == "from" {
				continue // "X joined from Y": Y is the club X left
			}
			if tr.typ == graph.Proposed && !passive && x.d.Mentions[obj].Type == graph.Organization && !st.anyIn(end, x.d.Mentions[obj].Start, creationWords) {
				continue // "proposed its authority be transferred to the Justice Department": a body proposed is one to be created
			}
			if tr.typ == graph.Acquired && !passive && x.partOfObject(st, end, obj) {
				continue // "X bought Y shares", "X acquired Y's unit"
			}
			subjs := []int{subj}
			if passive {
				subjs = x.coAgents(st, subj)
			} else if coordinates[tr.typ] {
				subjs = x.coordinated(st, subj)
			}
			objs := []int{obj}
			if tr.typ == graph.MetWith && !passive {
				objs = x.moreWith(st, obj, tr)
			}
			for _, sj := range subjs {
				if !slices.Contains(tr.subj, x.d.Mentions[sj].Type) {
					continue
				}
				for _, ob := range objs {
					if x.sameEntity(sj, ob) {
						continue
					}
					h, t := x.named(sj), x.named(ob)
					if tr.reverse {
						h, t = t, h
					}
					if tr.typ == graph.MemberOf && x.d.Mentions[sj].Type == graph.Person && !x.party(ob) {
						// "X joined Siemens [as finance director]": a person
						// joins a party as a member, anything else to work.
						x.add(graph.WorksFor, h, t, st.i, tr.conf, x.asTitle(st, x.d.Mentions[ob].End))
						continue
					}
					x.add(tr.typ, h, t, st.i, tr.conf, nil)
				}
			}
			st.subject = subj
			switch tr.typ {
			case graph.Announced, graph.Proposed, graph.Launched:
				st.created = append(st.created, obj)
			}
			break
		}
		k = end - 1
	}
}

// coordinates are the relations a coordinated subject shares: "A, B and C
// announced X" — each of A, B and C announced it.
var coordinates = map[graph.RelationType]bool{
	graph.Announced: true, graph.Proposed: true, graph.Launched: true, graph.ParticipatesIn: true,
	graph.OrganizedBy: true, graph.MemberOf: true,
}

// coordinated returns the subject subj with the names coordinated before
// it ("A, B and C"; "A and B"), in text order. The list must open the
// sentence or follow punctuation, so that "X met A and B announced Y"
// keeps B alone; a member with a title pattern's owner or of another
// kind than a party ends the list.
func (x *extractor) coordinated(st *sentence, subj int) []int {
	out := []int{subj}
	b := x.d.Mentions[subj].Start
	if b < 2 || st.low[b-1] != "and" {
		return out
	}
	b--
	if st.low[b-1] == "," {
		b--
	}
	for {
		m := x.endingAt(st, b)
		if m < 0 || x.d.Mentions[m].Nominal || !slices.Contains(partyTypes, x.d.Mentions[m].Type) || st.owner[x.d.Mentions[m].Start] >= 0 {
			return out[len(out)-1:]
		}
		out = append(out, m)
		b = st.backThe(x.d.Mentions[m].Start)
		if b >= 2 && st.low[b-1] == "," && x.endingAt(st, b-1) >= 0 {
			b--
			continue
		}
		break
	}
	if b > 0 && isWord(st.low[b-1]) {
		return out[:1]
	}
	slices.Reverse(out)
	return out
}

// agentAt returns the party named at token j after a passive "by": a
// name, the organisation after a demonym ("by the Austrian Foreign
// Ministry") or after a place adjective ("by the Lyon-based X"), or -1.
func (x *extractor) agentAt(st *sentence, j int) int {
	m := x.startingAt(st, j)
	if m < 0 {
		return -1
	}
	mm := x.d.Mentions[m]
	if mm.Type == graph.NORP || mm.Modifier != "" {
		if o := x.startingAt(st, mm.End); o >= 0 && x.d.Mentions[o].Type == graph.Organization {
			return o
		}
	}
	return m
}

// coAgents returns the agent of a passive verb with the parties named
// with it: "organised by A and B", "by A together with the Y-based B".
func (x *extractor) coAgents(st *sentence, subj int) []int {
	out := []int{subj}
	n := len(st.toks)
	for {
		e := x.d.Mentions[subj].End
		if e+2 < n && st.low[e] == "(" && st.low[e+2] == ")" {
			e += 3 // an acronym in brackets
		}
		if l := coAgentTable.match(st.low, e); l > 0 {
			e += l
		} else if e < n && st.low[e] == "and" {
			e++
		} else {
			return out
		}
		e = st.skipThe(e)
		next := x.agentAt(st, e)
		if next < 0 || !slices.Contains(partyTypes, x.d.Mentions[next].Type) {
			return out
		}
		if o := st.owner[e]; o >= 0 {
			next = o
		}
		out = append(out, next)
		subj = next
	}
}

// moreWith returns obj and the parties of a meeting named after it with
// a repeated "with": "met with A, and with B", "met A and later with B".
func (x *extractor) moreWith(st *sentence, obj int, tr trigger) []int {
	out := []int{obj}
	n := len(st.toks)
	for {
		e := x.d.Mentions[obj].End
		if e < n && st.low[e] == "," {
			e++
		}
		if e+1 >= n || st.low[e] != "and" {
			return out
		}
		e++
		if e < n && st.low[e] != "with" && strings.HasSuffix(st.low[e], "ly") && isLowerWord(st.low[e]) {
			e++ // "and separately with", "and later with"
		} else if e < n && st.low[e] == "later" {
			e++
		}
		if e >= n || st.low[e] != "with" {
			return out
		}
		next := x.objectAfter(st, e+1, tr.obj, 2)
		if next < 0 {
			return out
		}
		out = append(out, next)
		obj = next
	}
}

// asTitle returns the attributes of "as TITLE" at token k ("joined Y as
// chief executive"): the title, or nil when no title follows.
func (x *extractor) asTitle(st *sentence, k int) map[string]string {
	if k+1 >= len(st.low) || st.low[k] != "as" {
		return nil
	}
	if _, title, _, ok := x.titleAfter(st, k+1); ok {
		return map[string]string{"title": title}
	}
	return nil
}

// withLater reports whether "with" follows token k in its clause: "X and
// Y held talks in Z with W" names whom they met, and it is not each other.
func withLater(st *sentence, k int) bool {
	for ; k < len(st.low) && !clauseEnd(st.low[k]) && st.low[k] != ","; k++ {
		if st.low[k] == "with" {
			return true
		}
	}
	return false
}

// meetings: "X raised the issue at a meeting with Y" -> X MET_WITH Y, X
// the subject of the clause (not of a clause reported inside it), Y and
// those after it ("with Y and with Z").
func (x *extractor) meetings(st *sentence) {
	for k := 0; k < len(st.toks); k++ {
		l := meetingTable.match(st.low, k)
		if l == 0 || st.at[k] >= 0 {
			continue
		}
		subj := x.clauseSubject(st, k)
		obj := x.objectAfter(st, k+l, partyTypes, trigMet.gap)
		k += l - 1
		if subj < 0 || obj < 0 || possessive(st, x.d.Mentions[subj]) {
			continue // "his company raised prices after a meeting with Y"
		}
		if e := x.d.Mentions[obj].End; e < len(st.low) && st.low[e] == "counterpart" {
			continue // "a meeting with his Alberta counterpart, Neil Webber": not the place
		}
		for _, o := range x.moreWith(st, obj, trigMet) {
			if !x.sameEntity(subj, o) {
				x.add(graph.MetWith, x.named(subj), x.named(o), st.i, 0.75, nil)
			}
		}
	}
}

// partnerNoun reports whether tokens [a, b) of st end in a partner noun
// and "with", as in "announced a joint venture with Y".
func partnerNoun(st *sentence, a, b int) bool {
	for j := a; j+1 < b; j++ {
		if partnerNouns[st.low[j]] && st.low[j+1] == "with" {
			return true
		}
	}
	return false
}

// partOfObject reports whether the object of a buying verb that ends at
// token v names only part of the organisation: its shares or a stake,
// what it owns ("Y's unit"), or a number of its products ("will buy 15
// new Y 72-500").
func (x *extractor) partOfObject(st *sentence, v, obj int) bool {
	for j := v; j < x.d.Mentions[obj].Start; j++ {
		if r := st.low[j]; r != "" && (r[0] >= '0' && r[0] <= '9' || numberWords[r]) {
			return true
		}
	}
	e := x.d.Mentions[obj].End
	if e >= len(st.low) {
		return false
	}
	switch st.low[e] {
	case "'s", "'", "shares", "stock", "stake", "stakes", "assets", "bonds", "products", "debt":
		return true
	}
	b := x.d.Mentions[obj].Start
	for j := b - 1; j >= 0 && j >= b-4; j-- {
		switch st.low[j] {
		case "stake", "shares", "stakes", "assets", "part", "some", "most":
			return true
		}
	}
	return false
}

// sharedSubject returns the subject of a verb phrase coordinated with an
// earlier one by the "and" at token a: "X hosted the talks at the palace
// and met Y". Only names after a preposition may stand between the
// subject and the "and", and no comma or clause boundary.
func (x *extractor) sharedSubject(st *sentence, a int) int {
	subj := x.clauseSubject(st, a)
	if subj < 0 || x.d.Mentions[subj].Type == graph.Location {
		return -1
	}
	for j := x.d.Mentions[subj].End + 1; j < a; j++ {
		if st.low[j] == "," || clauseEnd(st.low[j]) || st.low[j] == "and" || st.low[j] == "but" {
			return -1
		}
		if m := x.startingAt(st, j); m >= 0 {
			b := st.backThe(j)
			if !prepositions[st.low[b-1]] {
				return -1
			}
		}
	}
	return subj
}
