package relation

import (
	"github.com/kgraph/kgraph/loader/text"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// Words that open a verb phrase without being its verb.
var preVerb = text.Set([]string{
	"also", "just", "further", "reportedly", "recently", "then", "later",
	"again", "personally", "officially", "formally", "jointly", "strongly",
	"never", "not", "already", "highly", "warmly", "publicly",
}, text.Auxiliaries, text.Modals)

// modals make the verb after them a possibility, not a stated fact.
var modals = text.Set(text.Modals)

// Verbs that report speech or take a clause: their object is not a party
// to a relation with the subject.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "noted": true,
	"notes": true, "stressed": true, "stresses": true, "emphasized": true, "emphasised": true,
	"underlined": true, "according": true, "believes": true, "believed": true, "thinks": true,
	"reported": true, "reports": true, "quoted": true, "cited": true, "wrote": true, "writes": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "being": true,
}

// Common irregular past forms and -s forms that are verbs in news.
var commonVerbs = map[string]bool{
	"met": true, "won": true, "beat": true, "led": true, "left": true, "sold": true, "bought": true,
	"made": true, "took": true, "gave": true, "sent": true, "told": true, "hit": true, "sued": true,
	"fought": true, "lost": true, "paid": true, "sought": true, "brought": true, "held": true, "struck": true,
	"urges": true, "urged": true, "visits": true, "signs": true, "supports": true, "backs": true,
	"calls": true, "welcomes": true, "thanks": true, "praises": true, "accuses": true, "joins": true,
	"leaves": true, "beats": true, "commends": true, "congratulates": true, "criticises": true,
	"criticizes": true, "sues": true, "warns": true, "asks": true, "invites": true, "hails": true,
}

// verbLike reports whether w can be the finite verb of a clause.
func verbLike(w string) bool {
	return commonVerbs[w] || strings.HasSuffix(w, "ed") && len(w) > 4
}

// related: a clear subject-verb-object statement between two names that no
// other pattern related: "X verb [particles] Y", the verb phrase at most
// five words with no punctuation, names on both sides. The verb phrase
// becomes the predicate attribute.
func (x *extractor) related(st *sentence) {
	n := len(st.toks)
	for _, s := range st.ms {
		sm := x.d.Mentions[s]
		if !hasType(partyTypes, sm.Type) || st.owner[sm.Start] >= 0 {
			continue
		}
		if b := x.coordinationStart(st, s); b > 0 && (prepositions[st.low[b-1]] || st.low[b-1] == "the" && b > 1 && prepositions[st.low[b-2]]) {
			continue // "searches in England and Wales carried out under Y"
		}
		j := sm.End
		if j < n && st.low[j] == "'s" {
			continue
		}
		// Optional auxiliaries and adverbs, then the verb.
		a := j
		hypothetical := false
		for j < n && j < a+2 && preVerb[st.low[j]] {
			hypothetical = hypothetical || modals[st.low[j]]
			j++
		}
		if hypothetical {
			continue // "believes X can take gold at Y": not a stated fact
		}
		if j >= n || !isLowerWord(st.low[j]) || reportingVerbs[st.low[j]] || stopFillers[st.low[j]] || prepositions[st.low[j]] {
			continue
		}
		if j == a && !verbLike(st.low[j]) {
			continue
		}
		v := j
		// Up to four more lower-case words (objects of a light verb,
		// particles, prepositions, determiners) before the object.
		j++
		for j < n && j < v+5 && st.at[j] < 0 && st.owner[j] < 0 && isLowerWord(st.low[j]) && !isClauseWord(st.low[j]) {
			j++
		}
		o := st.owner[min(j, n-1)]
		if j >= n {
			continue
		}
		if o < 0 {
			o = x.startingAt(st, j)
		}
		if o < 0 || x.d.Mentions[o].Type == graph.NORP || x.sameEntity(s, o) {
			continue
		}
		if j > v+1 {
			// The object must follow the verb, a particle or preposition, or
			// an article after one: "signed a deal with Y", "reacted angrily
			// to Y", not "seen her book Y".
			last := st.low[j-1]
			if last == "the" || last == "a" || last == "an" {
				last = st.low[j-2]
				if j-2 == v {
					last = "to"
				}
			}
			if !prepositions[last] && !particles[last] {
				continue
			}
		}
		// An object that modifies a following noun ("Chelsea boss X",
		// "Mr Brown's plan") is not the object.
		if e := x.d.Mentions[o].End; e < n {
			w := st.low[e]
			if w == "'s" || w == "'" || isLowerWord(w) && !prepositions[w] && !stopFillers[w] && !isClauseWord(w) &&
				!verbLike(w) && !strings.HasSuffix(w, "ly") && !preVerb[w] && !reportingVerbs[w] {
				continue
			}
		}
		// "met in Berlin", "spoke at Oxford": a place after a locative
		// preposition is where, not whom.
		if x.d.Mentions[o].Type == graph.Location && (st.low[j-1] == "in" || st.low[j-1] == "at" || st.low[j-1] == "on") {
			continue
		}
		if _, ok := verbTriggers[st.low[v]]; ok {
			continue // a verb the relation patterns own ("met", "launched")
		}
		h, t := x.named(s), x.named(o)
		if x.related2(h, t) || x.patterned[[2]int{min(h, t), max(h, t)}] || x.patterned[[2]int{min(s, o), max(s, o)}] {
			continue // a pattern already said how they relate ("announced a deal with")
		}
		words := make([]string, 0, j-v)
		for k := v; k < j; k++ {
			if w := st.low[k]; w != "the" && w != "a" && w != "an" {
				words = append(words, w)
			}
		}
		x.add(graph.RelatedTo, h, t, st.i, 0.5, map[string]string{"predicate": strings.Join(words, " ")})
	}
}

// coordinationStart returns the first token of the coordination of names
// ("England and Wales", "A, B and C") that mention s ends, or s's start.
func (x *extractor) coordinationStart(st *sentence, s int) int {
	b := x.d.Mentions[s].Start
	for b >= 2 && (st.low[b-1] == "and" || st.low[b-1] == "or" || st.low[b-1] == ",") {
		p := x.endingAt(st, b-1)
		if p < 0 || x.d.Mentions[p].Nominal {
			break
		}
		b = x.d.Mentions[p].Start
	}
	return b
}

// particles end phrasal verbs: "took over Y", "set up Y".
var particles = map[string]bool{"up": true, "down": true, "out": true, "off": true, "over": true, "back": true, "away": true}

// isClauseWord reports words that begin a new clause or list.
func isClauseWord(w string) bool {
	switch w {
	case "that", "which", "who", "whom", "whose", "and", "or", "but", "while", "when", "because", "if", "whether":
		return true
	}
	return false
}

// related2 reports whether a relation of any type already joins the
// entities of mentions a and b, either way round.
func (x *extractor) related2(a, b int) bool {
	ea, eb := x.entityOf(a), x.entityOf(b)
	for _, r := range x.d.Relations {
		ra, rb := r.Head, r.Tail
		if ra == a && rb == b || ra == b && rb == a {
			return true
		}
		if ea >= 0 && eb >= 0 {
			xa, xb := x.entityOf(ra), x.entityOf(rb)
			if xa == ea && xb == eb || xa == eb && xb == ea {
				return true
			}
		}
	}
	return false
}
