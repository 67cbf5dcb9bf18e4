package relation

import (
	"strings"

	"github.com/kgraph/kgraph/loader/text"
)

// The word lists the patterns consult. Titles, demonyms, places and
// organisations come from loader/gazetteer; the small lists here are the
// patterns' own grammar words.

// govWords are head words of organisations that are part of a state rather
// than merely based in it.
var govWords = map[string]bool{
	"ministry": true, "government": true, "parliament": true, "cabinet": true, "senate": true,
	"army": true, "navy": true, "police": true, "embassy": true, "presidency": true,
	"administration": true, "office": true, "department": true, "court": true, "council": true,
	"assembly": true, "mission": true, "committee": true, "agency": true, "service": true,
	"forces": true, "guard": true, "bank": true, "treasury": true, "mfa": true,
}

// genericOrgNouns follow an organisation's name to describe its units:
// "UN agencies such as ...", "the leading UN organization".
var genericOrgNouns = map[string]bool{
	"agency": true, "agencies": true, "organization": true, "organizations": true,
	"organisation": true, "organisations": true, "body": true, "bodies": true, "entity": true,
	"entities": true, "fund": true, "funds": true, "programme": true, "programmes": true,
	"program": true, "programs": true, "branch": true, "branches": true, "unit": true, "units": true,
	"subsidiary": true, "subsidiaries": true, "division": true, "divisions": true, "arm": true,
	"department": true, "departments": true, "office": true, "offices": true, "institution": true,
	"institutions": true, "structures": true, "structure": true, "affiliate": true, "affiliates": true,
}

// memberNouns mark membership rather than parthood.
var memberNouns = map[string]bool{
	"member": true, "members": true, "member-states": true, "states": true, "countries": true, "nations": true,
}

// prepositions end a subject search: a name after one is not a subject.
var prepositions = map[string]bool{
	"of": true, "in": true, "at": true, "on": true, "for": true, "with": true, "by": true, "from": true,
	"to": true, "into": true, "about": true, "against": true, "between": true, "among": true,
	"under": true, "over": true, "via": true, "per": true, "than": true, "like": true, "as": true,
	"such": true, "including": true, "during": true, "after": true, "before": true, "within": true,
}

// stopFillers may not stand between a subject and its verb.
var stopFillers = text.Set([]string{
	"that", "which", "who", "whom", "whose", "and", "or",
	"but", "if", "because", "while", "when", "where", "whether",
	"of", "in", "at", "for", "with", "by", "from", "on",
}, text.Articles, text.Possessives)

// killCues are word beginnings that a sentence stating a killing contains;
// without one, the classifier's KILLED is not trusted.
var killCues = []string{
	// Each of the 160 Kill sentences of CoNLL04 train has one of these.
	"kill", "assassin", "shot", "shoot", "murder", "death", "dead", "died",
	"slay", "fire", "gun", "rifle", "bullet", "execut", "hanged",
	// Other English verbs of killing and their forms.
	"slew", "slain", "stab", "strangl", "poison", "lynch", "massacre", "behead",
}

// notJobs are words for people (the gazetteer's person nouns) that say what
// someone is or does, not whom they work for: "R&B singer X", "Beach Boys
// veteran X" give no employer.
var notJobs = map[string]bool{
	"activist": true, "businessman": true, "businesswoman": true, "tycoon": true, "billionaire": true,
	"writer": true, "author": true, "artist": true, "singer": true, "actor": true, "actress": true,
	"athlete": true, "champion": true, "veteran": true, "statesman": true, "politician": true,
	"delegation": true, "leader": true,
}

// travelCues between a person and a place mean a visit, not a home
// ("X is to visit Thailand"): in CoNLL04 train, 3 of the 330 Live_In pairs
// have one between them, and 16 person-place pairs with one are not
// Live_In.
var travelCues = []string{"visit", "trip", "travel", "tour", "arriv", "flew", "flies", "fly"}

// hasCue reports whether one of the lower-cased tokens low begins with
// one of cues.
func hasCue(low, cues []string) bool {
	for _, w := range low {
		for _, c := range cues {
			if strings.HasPrefix(w, c) {
				return true
			}
		}
	}
	return false
}
