package relation

import (
	"strings"

	"github.com/kgraph/kgraph/graph"
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

// verbTriggers maps verb phrases to the relations they state. The phrases
// are matched on lower-cased tokens, longest first.
var verbTriggers = map[string][]trigger{
	"met": {trigMetBare}, "met with": {trigMet}, "meets": {trigMetBare}, "meets with": {trigMet},
	"meet with": {trigMet}, "held a meeting with": {trigMet}, "held meetings with": {trigMet},
	"holds a meeting with": {trigMet}, "hold a meeting with": {trigMet}, "had a meeting with": {trigMet},
	"held talks with": {trigMet}, "holds talks with": {trigMet}, "hold talks with": {trigMet},
	"had talks with": {trigMet}, "held negotiations with": {trigMet}, "held a phone conversation with": {trigMet},
	"had a phone conversation with": {trigMet}, "held a telephone conversation with": {trigMet},
	"had a telephone conversation with": {trigMet}, "spoke by phone with": {trigMet}, "conferred with": {trigMet},
	"talked with": {trigMet}, "spoke with": {trigMet}, "talks with": {trigMet},
	"holds meeting with": {trigMet}, "held meeting with": {trigMet}, "hold meeting with": {trigMet},
	"discussed with": {trigMet}, "discussed": {trigMetAnd},
	"received": {trigMetPerson}, "receives": {trigMetPerson}, "welcomed": {trigMetPerson},
	"hosted": {trigMetPerson, trigOrganised}, "hosts": {trigMetPerson, trigOrganised},

	"announced": {trigAnnounced}, "announces": {trigAnnounced}, "announce": {trigAnnounced},
	"unveiled": {trigAnnounced}, "unveils": {trigAnnounced}, "unveil": {trigAnnounced},

	"proposed": {trigProposed}, "proposes": {trigProposed}, "propose": {trigProposed},
	"put forward": {trigProposed}, "puts forward": {trigProposed}, "suggested": {trigProposed},
	"initiated": {trigProposed},

	"launched": {trigLaunched}, "launches": {trigLaunched}, "launch": {trigLaunched},
	"established": {trigLaunched}, "establishes": {trigLaunched}, "founded": {trigLaunched},
	"set up": {trigLaunched}, "sets up": {trigLaunched}, "created": {trigLaunched}, "creates": {trigLaunched},
	"inaugurated": {trigLaunched},

	"attended": {trigAttend}, "attends": {trigAttend}, "attend": {trigAttend}, "addressed": {trigAttend},
	"address": {trigAttend}, "addresses": {trigAttend}, "delivered a speech at": {trigAttend},
	"made a speech at": {trigAttend}, "gave a speech at": {trigAttend}, "spoke at the opening of": {trigAttend},
	"signed": {trigSigned}, "ratified": {trigSigned}, "signs": {trigSigned}, "ratifies": {trigSigned},
	"spoke at": {trigAttend}, "speaks at": {trigAttend},
	"took part in": {trigTakePart}, "take part in": {trigTakePart}, "takes part in": {trigTakePart},
	"participated in": {trigTakePart}, "participates in": {trigTakePart}, "participate in": {trigTakePart},

	"organized": {trigOrganised}, "organised": {trigOrganised}, "organizes": {trigOrganised},
	"organises": {trigOrganised}, "convened": {trigOrganised}, "convenes": {trigOrganised},
	"host": {trigOrganised}, "will host": {trigOrganised},
	"sponsored": {trigOrganised},

	"killed": {trigKilled}, "murdered": {trigKilled}, "assassinated": {trigKilled}, "shot dead": {trigKilled},
	"shot and killed": {trigKilled}, "stabbed": {trigKilled},

	"joined": {trigJoined, trigTakePart}, "joins": {trigJoined},

	"lives in": {trigLives}, "lived in": {trigLives}, "living in": {trigLives}, "resides in": {trigLives},
	"resided in": {trigLives}, "born in": {trigLives}, "grew up in": {trigLives}, "native of": {trigLives},
	"resident of": {trigLives}, "moved to": {trigLives},

	"heads": {trigHeads}, "headed": {trigHeads}, "chairs": {trigHeads}, "chaired": {trigHeads},
	"leads": {trigHeads},

	"acquired": {trigAcquired}, "acquires": {trigAcquired}, "bought": {trigAcquired}, "buys": {trigAcquired},
	"took over": {trigAcquired}, "takes over": {trigAcquired}, "agreed to buy": {trigAcquired},
	"agreed to acquire": {trigAcquired},
}

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
	j := k
	for n := 0; j > 0 && n < 4 && st.at[j-1] < 0 && auxFiller(st.low[j-1]); n++ {
		j--
	}
	m := x.endingAt(st, j)
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
	b := x.d.Mentions[m].Start
	for b > 0 && st.low[b-1] == "the" {
		b--
	}
	if b > 0 && prepositions[st.low[b-1]] {
		// "Minister of the Republic of X held talks": an "of" that ties
		// a title to the name still leaves the name the subject.
		if !(st.low[b-1] == "of" && x.d.Mentions[m].Type == graph.Person && x.stateFormOf(st, b) > 0) {
			return -1
		}
	}
	return m
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
			if hasType(types, graph.Person) {
				return o
			}
			j = x.d.Mentions[o].End - 1
			continue
		}
		if hasType(types, graph.Person) && (descriptors[st.low[j]] || st.at[j] >= 0 && x.d.Mentions[st.at[j]].Type == graph.NORP) {
			gap++ // "met his Estonian counterpart X": the description is free
			if st.at[j] >= 0 {
				gap += x.d.Mentions[st.at[j]].End - j - 1
				j = x.d.Mentions[st.at[j]].End - 1
			}
			continue
		}
		if m := x.startingAt(st, j); m >= 0 {
			if hasType(types, x.d.Mentions[m].Type) {
				if hasType(types, graph.Person) && x.d.Mentions[m].Type != graph.Person {
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

// descriptors may stand between a verb and the person it takes.
var descriptors = map[string]bool{
	"his": true, "her": true, "their": true, "its": true, "the": true, "counterpart": true, "counterparts": true,
	"colleague": true, "host": true, "guest": true,
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
	return x.endingAt(st, j)
}

// verbs applies the verb-phrase triggers of verbTriggers, and "talks
// between X and Y".
func (x *extractor) verbs(st *sentence) {
	n := len(st.toks)
	for k := 0; k+3 < n; k++ {
		switch st.low[k] {
		case "talks", "meeting", "meetings", "negotiations", "consultations":
		default:
			continue
		}
		if st.low[k+1] != "between" {
			continue
		}
		if a := x.startingAt(st, k+2); a >= 0 && hasType(partyTypes, x.d.Mentions[a].Type) {
			e := x.d.Mentions[a].End
			if e+1 < n && st.low[e] == "and" {
				b := x.objectAfter(st, e+1, partyTypes, 0)
				if b >= 0 && !x.sameEntity(a, b) {
					x.add(graph.MetWith, x.named(a), x.named(b), st.i, 0.8, nil)
				}
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
		passive := end+1 < n && st.low[end] == "by"
		for _, tr := range verbTriggers[phrase] {
			var subj, obj int
			if passive {
				j := end + 1
				for j < n && st.low[j] == "the" {
					j++
				}
				subj, obj = x.startingAt(st, j), x.passiveBefore(st, k)
				if subj >= 0 && st.owner[j] >= 0 {
					subj = st.owner[j]
				}
			} else {
				subj = x.subjectBefore(st, k)
				if subj < 0 {
					continue
				}
				if end < n && st.low[end] == "that" && tr.typ != graph.MetWith {
					continue // "X proposed that the FCC require": a clause, not a thing
				}
				obj = x.objectAfter(st, end, tr.obj, tr.gap)
			}
			if subj < 0 || !hasType(tr.subj, x.d.Mentions[subj].Type) {
				continue
			}
			objTypes := tr.obj
			if obj < 0 && tr.typ == graph.MetWith {
				// "X and Y met", "X and his French counterpart Y held talks".
				objTypes = partyTypes
				s0 := x.d.Mentions[subj].Start
				for b := s0; b > 0 && b > s0-5; b-- {
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
			if obj < 0 || !hasType(objTypes, x.d.Mentions[obj].Type) || x.sameEntity(subj, obj) {
				continue
			}
			h, t := x.named(subj), x.named(obj)
			if tr.reverse {
				h, t = t, h
			}
			x.add(tr.typ, h, t, st.i, tr.conf, nil)
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
