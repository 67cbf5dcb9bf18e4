package relation

import (
	"slices"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// Confidence of the title patterns.
const (
	confPremodifier = 0.9
	confAppositive  = 0.85
	confNationality = 0.75
)

// titleBefore returns the title that ends just before token end of st: its
// start, text and whether its holder leads. Tokens covered by a named
// mention are never part of a title.
func (x *extractor) titleBefore(st *sentence, end int) (int, string, bool, bool) {
	return x.titleEnding(st, end, "")
}

// titleEnding is titleBefore with the word before end read as last when
// last is not empty: the singular of a plural title.
func (x *extractor) titleEnding(st *sentence, end int, last string) (int, string, bool, bool) {
	if end <= 0 || end > len(st.toks) {
		return 0, "", false, false
	}
	lo := end
	for lo > 0 && lo > end-6 && (st.at[lo-1] < 0 || x.d.Mentions[st.at[lo-1]].Nominal) {
		lo--
	}
	if lo == end {
		return 0, "", false, false
	}
	words := st.texts(lo, end)
	if last != "" {
		words[len(words)-1] = last
	}
	start, lead, ok := x.lx.gaz.TitleBefore(words, len(words))
	if !ok {
		return 0, "", false, false
	}
	return lo + start, x.phrase(st, lo+start, end), lead, true
}

// titleAfter returns the title that starts at token k of st: its end, text
// and whether its holder leads.
func (x *extractor) titleAfter(st *sentence, k int) (int, string, bool, bool) {
	hi := k
	for hi < len(st.toks) && hi < k+6 && (st.at[hi] < 0 || x.d.Mentions[st.at[hi]].Nominal) {
		hi++
	}
	if hi == k {
		return 0, "", false, false
	}
	n, lead := x.lx.gaz.TitleAt(st.texts(k, hi), 0)
	if n == 0 {
		return 0, "", false, false
	}
	return k + n, x.phrase(st, k, k+n), lead, true
}

// employer reports whether mention i can be the organisation of a title:
// an organisation or a country (or a city for mayors and governors).
func (x *extractor) employer(i int) bool {
	if i < 0 {
		return false
	}
	t := x.d.Mentions[i].Type
	return t == graph.Organization || t == graph.Location
}

// worksFor records WORKS_FOR with the title and, for a leading title,
// LEADS.
func (x *extractor) worksFor(st *sentence, person, org int, title string, lead bool, conf float64) {
	if !x.employer(org) {
		return
	}
	if len(title) > 9 && strings.EqualFold(title[:9], "honorary ") {
		lead = false // "Hollywood's honorary mayor": an honour, no office that leads
	}
	attrs := map[string]string{"title": title}
	st.employed[person] = true
	if !lead && x.party(org) {
		// "Labour MP X": a member of the party, not its employee.
		x.add(graph.MemberOf, person, org, st.i, conf, attrs)
		return
	}
	x.add(graph.WorksFor, person, org, st.i, conf, attrs)
	if lead {
		x.add(graph.Leads, person, org, st.i, conf-0.05, map[string]string{"title": title})
	}
}

// party reports whether mention m names a political party.
func (x *extractor) party(m int) bool {
	n := strings.ToLower(strings.Join(strings.Fields(x.d.MentionText(x.d.Mentions[m])), " "))
	n = strings.TrimSuffix(strings.TrimSuffix(n, "'s"), "'")
	return partyNames[n] || strings.HasSuffix(n, " party")
}

// stateFormOf returns the index of the "of" that links a title to the
// name starting at token k: "Minister of Chile", "Minister of the
// Republic of Chile" (up to four tokens of "the", "of" or
// capitalised words outside mentions between), or -1. A title must end
// right before the returned "of"; the caller checks that.
func (x *extractor) stateFormOf(st *sentence, k int) int {
	for o := k - 1; o >= 0 && o >= k-5; o-- {
		if st.low[o] == "of" && o > 0 && (st.at[o-1] < 0 || x.d.Mentions[st.at[o-1]].Nominal) {
			if _, _, _, ok := x.titleBefore(st, o); ok {
				return o
			}
		}
		w := st.toks[o].Text
		if st.at[o] >= 0 || !(st.low[o] == "the" || st.low[o] == "of" || text.Capitalised(w)) {
			return -1
		}
	}
	return -1
}

// titles finds pre-modifier titles ("WHO Director-General Tomas Reyes",
// "President of Chile Rosa Vidal", chains such as "World Bank Vice
// President, IFC Managing Director Ana Ruiz")
// and appositions ("X, chairman of Y", "X, the CEO of Y", "X, Y's chief
// executive,", "Y's chief executive X", "X was appointed CEO of Y").
func (x *extractor) titles(st *sentence) {
	for _, p := range st.ms {
		pm := x.d.Mentions[p]
		if pm.Type != graph.Person {
			continue
		}
		if pm.Nominal {
			if x.resolvedPronoun(st, p) {
				x.appositive(st, p) // "He is the chairman of Y"
			}
			continue
		}
		x.premodifiers(st, p)
		x.appositive(st, p)
		x.counterpart(st, p)
	}
	x.pluralTitles(st)
}

// beforeGenitive returns k, or k-1 when token k-1 is a genitive "'s" or
// "'": where the owner of a title before token k ends ("Y's chairman").
func beforeGenitive(st *sentence, k int) int {
	if k > 0 && genitive(st.low[k-1]) {
		return k - 1
	}
	return k
}

// placeAfterPreposition reports whether mention m is a place after a
// preposition ("in Moscow President X"), which sets the scene of a title
// rather than employing its holder.
func (x *extractor) placeAfterPreposition(st *sentence, m int) bool {
	mm := x.d.Mentions[m]
	return mm.Type == graph.Location && mm.Start > 0 && prepositions[st.low[mm.Start-1]]
}

// resolvedPronoun reports whether mention p is "he" or "she" that
// coreference resolved to a person.
func (x *extractor) resolvedPronoun(st *sentence, p int) bool {
	m := x.d.Mentions[p]
	if m.End-m.Start != 1 || m.Entity < 0 || m.Entity >= len(x.d.Entities) {
		return false
	}
	return st.low[m.Start] == "he" || st.low[m.Start] == "she"
}

// envoyPlace returns the end of "to PLACE" at token k after an envoy's
// title ("ambassador to Japan"), or -1.
func (x *extractor) envoyPlace(st *sentence, k int) int {
	if k < 1 || k+1 >= len(st.low) || st.low[k] != "to" || !envoyWords[st.low[k-1]] {
		return -1
	}
	m := x.startingAt(st, k+1)
	if m < 0 || x.d.Mentions[m].Type != graph.Location || x.d.Mentions[m].Nominal {
		return -1
	}
	return x.d.Mentions[m].End
}

// pluralTitles: "Disney directors A, B and C", "Microsoft executives A
// and B" -> each WORKS_FOR the organisation before the title (LEADS for a
// leading one): a title in the plural before a list of two or more people
// ending in "and" is the title of each of them.
func (x *extractor) pluralTitles(st *sentence) {
	for _, p := range st.ms {
		pm := x.d.Mentions[p]
		k := pm.Start
		if pm.Nominal || pm.Type != graph.Person || k < 2 || st.employed[p] || st.at[k-1] >= 0 {
			continue
		}
		one := singular(st.low[k-1])
		if one == "" {
			continue
		}
		people := x.personList(st, p)
		if len(people) < 2 {
			continue
		}
		ts, title, lead, ok := x.titleEnding(st, k, one)
		if !ok {
			if !x.lx.gaz.PersonNoun(one) || notJobs[one] {
				continue
			}
			ts, title, lead = k-1, one, false
		} else {
			title = title[:len(title)-len(st.toks[k-1].Text)] + one
		}
		m := x.endingAt(st, beforeGenitive(st, ts))
		if m < 0 || !x.employer(m) || x.d.Mentions[m].Nominal || pastPost(st, ts) || pastPost(st, x.d.Mentions[m].Start) {
			continue
		}
		if x.placeAfterPreposition(st, m) {
			continue // "in Moscow officials A and B": the place is not the employer
		}
		for _, q := range people {
			if !st.employed[q] {
				x.worksFor(st, q, m, title, lead, confPremodifier)
			}
		}
		markOwner(st, x.d.Mentions[m].Start, k, p)
	}
}

// singular returns the singular of a plural title word ("directors",
// "secretaries", "chairmen"), or "" when w does not look plural.
func singular(w string) string {
	switch {
	case len(w) < 4 || !isLowerWord(w):
		return ""
	case strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return ""
}

// personList returns the named people of the list that starts with person
// p ("A, B and C", "A and B"), or just p when no "and" closes a list of
// people there.
func (x *extractor) personList(st *sentence, p int) []int {
	out := []int{p}
	n := len(st.toks)
	for e := x.d.Mentions[p].End; e < n; {
		and := false
		if st.low[e] == "," {
			e++
		}
		if e < n && st.low[e] == "and" {
			e, and = e+1, true
		}
		q := x.startingAt(st, e)
		if q < 0 || x.d.Mentions[q].Nominal || x.d.Mentions[q].Type != graph.Person {
			break
		}
		out = append(out, q)
		if and {
			return out
		}
		e = x.d.Mentions[q].End
	}
	return out[:1]
}

// counterpart: "his Hungarian counterpart[,] X" -> X WORKS_FOR Hungary
// when the document names the country: a counterpart holds the same
// office for another state.
func (x *extractor) counterpart(st *sentence, p int) {
	k := x.d.Mentions[p].Start
	if k >= 1 && st.low[k-1] == "," {
		k--
	}
	if k < 3 || st.low[k-1] != "counterpart" || st.employed[p] {
		return
	}
	nm := x.endingAt(st, k-1)
	if nm < 0 || x.d.Mentions[nm].Type != graph.NORP {
		return
	}
	if w := st.low[x.d.Mentions[nm].Start-1]; w != "the" && !slices.Contains(text.Possessives, w) {
		return
	}
	if c := x.demonymCountry(st, nm); c >= 0 {
		x.add(graph.WorksFor, p, c, st.i, confNationality, nil)
		st.employed[p] = true
		markOwner(st, x.d.Mentions[nm].Start, x.d.Mentions[p].Start, p)
	}
}

// premodifiers walks left from person p over chained "ORG TITLE" and
// "TITLE of ORG" groups, separated by commas or "and".
func (x *extractor) premodifiers(st *sentence, p int) {
	k := x.d.Mentions[p].Start
	if k > 0 && st.owner[k-1] >= 0 && st.owner[k-1] != p {
		return // "X, vice-chairman of India Y": the title is X's
	}
	x.possessiveApposition(st, p)
	first := true
	for k > 0 {
		found := false
		// "TITLE of [the Republic of] ORG" ending at k.
		if m := x.endingAt(st, k); m >= 0 && x.employer(m) && !x.d.Mentions[m].Nominal {
			if o := x.stateFormOf(st, x.d.Mentions[m].Start); o > 0 {
				if ts, title, lead, ok := x.titleBefore(st, o); ok {
					if pastPost(st, ts) {
						break
					}
					x.worksFor(st, p, m, title, lead, confPremodifier)
					k, found = ts, true
				}
			}
		}
		// "ORG ['s] TITLE" ending at k.
		if !found {
			ts, title, lead, ok := x.titleBefore(st, k)
			noun := false // a word for what someone does, not an office
			if !ok {
				ts, title, ok = x.nounTitleBefore(st, k)
				noun = ok
			}
			if !ok {
				ts, title, ok = x.complementTitleBefore(st, k)
				lead = false
			}
			if !ok {
				break
			}
			if ts >= 2 && st.low[ts-1] == "and" {
				// "Y founder and managing director X": two posts, one
				// employer.
				if ts2, _, lead2, ok2 := x.titleBefore(st, ts-1); ok2 && !noun {
					ts, title, lead = ts2, x.phrase(st, ts2, k), lead || lead2
				}
			}
			j := beforeGenitive(st, ts)
			anchor := x.endingAt(st, j) // the name written before the title
			if j > 0 && st.low[j-1] == "its" {
				anchor = x.itsReferent(st, j-1) // "its chief executive X"
			}
			if anchor < 0 && j > 0 && st.low[j-1] == "whose" {
				anchor = x.whoseReferent(st, j-1) // "Y, whose chief executive X"
			}
			m := anchor
			if m >= 0 && x.d.Mentions[m].Type == graph.NORP {
				// "Finnish Economy Minister X": the demonym's country, when
				// the document names it.
				m = x.demonymCountry(st, m)
			}
			if m >= 0 && m == anchor && j == ts && x.placeAfterPreposition(st, m) {
				// "in Moscow President X": the place is not the employer;
				// "with Serbia's Foreign Minister X" names it.
				m = -1
			}
			if m < 0 && j >= 2 && st.low[j-1] == "and" && !text.Capitalised(st.toks[ts].Text) {
				// "Y chairman A and chief executive B": B's title shares
				// A's organisation when it is written in lower case, as a
				// company's titles are ("Chrysler chairman A and President
				// Reagan" names a head of state).
				if a := x.endingAt(st, j-1); a >= 0 {
					if o, ok := st.premodEmployer[a]; ok && x.d.Mentions[o].Type == graph.Organization {
						x.worksFor(st, p, o, title, lead, confPremodifier)
						markOwner(st, ts, k, p)
						break
					}
				}
			}
			if m < 0 || !x.employer(m) || x.d.Mentions[m].Nominal {
				// A bare title ("President Vidal"): it belongs to the
				// person but names no organisation.
				if first {
					markOwner(st, ts, k, p)
				}
				break
			}
			if x.d.Mentions[anchor].Sent == st.i && pastPost(st, x.d.Mentions[anchor].Start) || pastPost(st, ts) {
				break // "former US President X"
			}
			if noun && m != anchor {
				// "their Welsh striker X", "German economist X": a demonym
				// before what someone does is a nationality; before an
				// office ("Finnish Economy Minister") it is the state.
				x.add(graph.LivesIn, p, m, st.i, confNationality, nil)
				markOwner(st, x.d.Mentions[anchor].Start, x.d.Mentions[p].Start, p)
				break
			}
			if x.d.Mentions[anchor].Sent != st.i || x.d.Mentions[anchor].End <= j-1 {
				// "its chief executive X": the owner is named elsewhere.
				x.worksFor(st, p, m, title, lead, confAppositive)
				markOwner(st, ts, x.d.Mentions[p].Start, p)
				break
			}
			x.worksFor(st, p, m, title, lead, confPremodifier)
			st.premodEmployer[p] = m
			k, found = x.d.Mentions[anchor].Start, true
		}
		first = false
		markOwner(st, k, x.d.Mentions[p].Start, p)
		if k >= 2 && (st.low[k-1] == "," || st.low[k-1] == "and") {
			k--
			continue
		}
		break
	}
}

func markOwner(st *sentence, a, b, p int) {
	for i := a; i < b && i < len(st.owner); i++ {
		if st.owner[i] < 0 {
			st.owner[i] = p
		}
	}
}

// appositive handles titles after the person: "X, [the|a] TITLE of|at|for
// [the] ORG", "X, ORG's TITLE", "X, ORG TITLE," and the copular and
// appointment forms "X is|was|became|was named [as] [the] TITLE of ORG".
func (x *extractor) appositive(st *sentence, p int) {
	pm := x.d.Mentions[p]
	k := pm.End
	n := len(st.toks)
	if k >= n {
		return
	}
	conf := confAppositive
	switch {
	case st.low[k] == ",":
		k++
	case st.low[k] == "is" || st.low[k] == "was" || st.low[k] == "became" || st.low[k] == "becomes":
		k++
		conf -= 0.05
	default:
		return
	}
	if k+1 < n && st.low[k] == "who" && (st.low[k+1] == "is" || st.low[k+1] == "was" || st.low[k+1] == "has") {
		k += 2 // "X, who is also the TITLE of Y"
		if k < n && st.low[k] == "been" {
			k++
		}
	}
	for k < n && (st.low[k] == "named" || st.low[k] == "appointed" || st.low[k] == "elected" || st.low[k] == "as" ||
		st.low[k] == "now" || st.low[k] == "also" || st.low[k] == "currently") {
		k++
	}
	if k < n && (st.low[k] == "the" || st.low[k] == "a" || st.low[k] == "an") {
		k++
	}
	if k < n && (st.low[k] == "former" || st.low[k] == "ex" || st.low[k] == "late") {
		return // a former post is no longer a WORKS_FOR
	}
	// "X, ORG['s] TITLE"
	if m := x.startingAt(st, k); m >= 0 && x.employer(m) && !x.d.Mentions[m].Nominal {
		j := x.d.Mentions[m].End
		if j < n && genitive(st.low[j]) {
			j++
		}
		if end, title, lead, ok := x.titleAfter(st, j); ok {
			if e := x.envoyPlace(st, end); e > 0 {
				end, title = e, x.phrase(st, j, e) // "X, U.S. ambassador to Japan, said"
			}
			if end >= n || clauseEnd(st.low[end]) || st.low[end] == "," || st.low[end] == "said" || st.low[end] == "and" {
				x.worksFor(st, p, m, title, lead, conf)
			}
		}
		return
	}
	// "X, TITLE of|at|for [the] ORG"; "X, an economist at ORG";
	// "X, from ORG,".
	end, title, lead, ok := x.titleAfter(st, k)
	if !ok {
		end, title, ok = x.nounTitleAfter(st, k)
	}
	if !ok && st.low[pm.End] == "," && k < n && st.low[k] == "from" {
		if m := x.startingAt(st, k+1); m >= 0 && x.d.Mentions[m].Type == graph.Organization && !x.d.Mentions[m].Nominal {
			if e := x.d.Mentions[m].End; e >= n || st.low[e] == "," || clauseEnd(st.low[e]) || st.low[e] == "told" || st.low[e] == "said" {
				x.add(graph.WorksFor, p, m, st.i, 0.7, nil)
				st.employed[p] = true
			}
		}
		return
	}
	if !ok || end >= n {
		return
	}
	switch st.low[end] {
	case "of", "at", "for", "with", "from":
	default:
		return
	}
	j := st.skipThe(end + 1)
	if m := x.startingAt(st, j); m >= 0 && x.employer(m) && !x.d.Mentions[m].Nominal {
		if e := x.d.Mentions[m].End; e < n && (st.low[e] == "and" || st.low[e] == "or") {
			return // a list: "X, the King of Belgium and Y"
		}
		if e := x.d.Mentions[m].End; x.d.Mentions[m].Type == graph.Location && e < n && text.Capitalised(st.toks[e].Text) {
			// "X, vice-chairman of India Petrochemicals Limited": the
			// place opens the employer's name; the title is still X's.
			markOwner(st, k, e, p)
			return
		}
		if b := pm.Start; b > 0 && (st.low[b-1] == "including" || st.low[b-1] == "as" || st.low[b-1] == "and") {
			return // an item of a list, the apposition may be the next item
		}
		if st.low[end] != "of" {
			lead = false // "spokesman for", "director at": not the head
		}
		if e := x.d.Mentions[m].End; e < n && genitive(st.low[e]) {
			if o := x.startingAt(st, e+1); o >= 0 && x.d.Mentions[o].Type == graph.Organization && !x.d.Mentions[o].Nominal {
				m = o // "X, head of Poland's National Bank": the bank is X's employer
			} else {
				lead = false // "head of Y's capital committee": the head of a part of Y
			}
		}
		x.worksFor(st, p, m, title, lead, conf)
	}
}

// nounTitleBefore returns a description that ends just before token end:
// a word for a person ("economist", "analyst", "correspondent") after at
// most two lower-case modifiers ("chief market analyst").
func (x *extractor) nounTitleBefore(st *sentence, end int) (int, string, bool) {
	if end < 1 || st.at[end-1] >= 0 || !isLowerWord(st.low[end-1]) || !x.lx.gaz.PersonNoun(st.low[end-1]) || notJobs[st.low[end-1]] {
		return 0, "", false
	}
	start := end - 1
	for start > 0 && start > end-3 && st.at[start-1] < 0 && isLowerWord(st.low[start-1]) &&
		!stopFillers[st.low[start-1]] && !prepositions[st.low[start-1]] && !auxWord[st.low[start-1]] {
		start--
	}
	return start, x.phrase(st, start, end), true
}

// nounTitleAfter returns a description that starts at token k and is
// followed by a preposition: "senior economist with", "analyst at".
func (x *extractor) nounTitleAfter(st *sentence, k int) (int, string, bool) {
	for j := k; j < len(st.toks)-1 && j < k+4; j++ {
		if st.at[j] >= 0 || !isWord(st.low[j]) || stopFillers[st.low[j]] || prepositions[st.low[j]] {
			return 0, "", false
		}
		if x.lx.gaz.PersonNoun(st.low[j]) {
			if notJobs[st.low[j]] {
				return 0, "", false
			}
			switch st.low[j+1] {
			case "at", "with", "of", "for", "from":
				return j + 1, x.phrase(st, k, j+1), true
			}
			return 0, "", false
		}
	}
	return 0, "", false
}

// complementTitleBefore returns a title with a complement that ends just
// before token end: "Vice President for Europe and Central Asia", "Minister
// of Foreign Affairs and Trade" — a title, "for" or "of", then up to eight
// tokens of names, capitalised words, "and", "the" and commas.
func (x *extractor) complementTitleBefore(st *sentence, end int) (int, string, bool) {
	for c := end - 2; c > 0 && c >= end-9; c-- {
		w := st.low[c]
		if w == "for" || w == "of" || w == "to" && envoyWords[st.low[c-1]] {
			if ts, _, _, ok := x.titleBefore(st, c); ok {
				return ts, x.phrase(st, ts, end), true
			}
			continue
		}
		if st.at[c] >= 0 {
			if t := x.d.Mentions[st.at[c]].Type; t != graph.Location && t != graph.Organization && t != graph.NORP {
				return 0, "", false
			}
			continue
		}
		if !(w == "and" || w == "the" || w == "," || text.Capitalised(st.toks[c].Text)) {
			return 0, "", false
		}
	}
	return 0, "", false
}

// demonymCountry returns a named mention of the country whose demonym
// mention nm is ("Finnish" -> Finland) when the document names it, else -1.
func (x *extractor) demonymCountry(st *sentence, nm int) int {
	place, ok := x.lx.gaz.Demonym(x.d.MentionText(x.d.Mentions[nm]))
	if !ok {
		return -1
	}
	if pl, ok := x.lx.gaz.FindPlace(place); !ok || pl.Kind != "country" {
		return -1
	}
	return x.placeMention(place, st.i)
}

// pastPost reports whether the word before token k marks a post as past
// ("former", "ex", "late": pastWords).
func pastPost(st *sentence, k int) bool {
	return k >= 1 && pastWords[st.low[k-1]]
}

// possessiveApposition: "Y's TITLE, X," -> X WORKS_FOR Y ("the company's
// head of production, X, said"); the title may take a lower-case
// complement ("head of production", "director for research"). The
// apposition must close after the name.
func (x *extractor) possessiveApposition(st *sentence, p int) {
	pm := x.d.Mentions[p]
	k, n := pm.Start, len(st.toks)
	if k < 3 || st.low[k-1] != "," || st.owner[k-1] >= 0 {
		return // "Its chairman, X," is the shortest
	}
	if e := pm.End; e < n && !(st.low[e] == "," || clauseEnd(st.low[e]) || st.low[e] == "said" || st.low[e] == "says") {
		return
	}
	end := k - 1
	ts, title, lead, ok := x.titleBefore(st, end)
	if m := x.endingAt(st, end); !ok && m >= 0 && x.d.Mentions[m].Start >= 2 && x.envoyPlace(st, x.d.Mentions[m].Start-1) == end {
		// "Britain's ambassador to France, X,"
		if ts, _, lead, ok = x.titleBefore(st, x.d.Mentions[m].Start-1); ok {
			title = x.phrase(st, ts, end)
		}
	}
	if !ok {
		// "head of production": a title, "of" or "for", one to three
		// lower-case words.
		for c := end - 2; c >= end-4 && c > 0; c-- {
			if st.low[c] != "of" && st.low[c] != "for" {
				if !isLowerWord(st.low[c+1]) || stopFillers[st.low[c+1]] || prepositions[st.low[c+1]] {
					break
				}
				continue
			}
			if !isLowerWord(st.low[c+1]) || stopFillers[st.low[c+1]] {
				break
			}
			if t0, _, _, ok0 := x.titleBefore(st, c); ok0 {
				// "head of marketing" heads a department, not Y.
				ts, title, lead, ok = t0, x.phrase(st, t0, end), false, true
			}
			break
		}
	}
	if !ok || ts < 1 {
		return
	}
	m := -1
	switch st.low[ts-1] {
	case "'s", "'":
		if ts >= 2 {
			m = x.endingAt(st, ts-1)
		}
	case "its":
		m = x.itsReferent(st, ts-1) // "Its executive secretary, X,"
	case "whose":
		m = x.whoseReferent(st, ts-1) // "Y, whose secretary general, X,"
	}
	if m < 0 || !x.employer(m) || x.d.Mentions[m].Nominal || x.d.Mentions[m].Sent == st.i && pastPost(st, x.d.Mentions[m].Start) {
		return
	}
	if st.low[ts] == "former" || pastPost(st, ts) {
		return
	}
	x.worksFor(st, p, m, title, lead, confAppositive)
	if x.d.Mentions[m].Sent == st.i && x.d.Mentions[m].End < ts {
		markOwner(st, x.d.Mentions[m].Start, k, p)
	} else {
		markOwner(st, ts, k, p)
	}
}

// itsReferent returns the organisation that "its" at token k of st
// refers to: the named mention, nearest before it, of the entity coref
// resolved the pronoun to ("The X, a body set up in 1998, will advise ...
// Its executive secretary, Y, said"), or -1 when coref left it alone.
func (x *extractor) itsReferent(st *sentence, k int) int {
	m := x.antecedent(st, k)
	if m < 0 || x.d.Mentions[m].Type != graph.Organization {
		return -1
	}
	return m
}

// whoseReferent returns the organisation or country that "whose" at token
// k of st refers to: the name written right before ", whose", after its
// acronym in brackets ("the Organization for Z (OZ), whose chairman").
// Else -1.
func (x *extractor) whoseReferent(st *sentence, k int) int {
	if k < 2 || st.low[k-1] != "," {
		return -1
	}
	e := k - 1
	m := -1
	if e >= 3 && st.low[e-1] == ")" && st.low[e-3] == "(" {
		if a := x.endingAt(st, e-1); a >= 0 && x.d.Mentions[a].Start == e-2 {
			m = a // the acronym is a mention of its own
		}
		e -= 3
	}
	if m < 0 {
		m = x.endingAt(st, e)
	}
	if m < 0 || x.d.Mentions[m].Nominal {
		return -1
	}
	if t := x.d.Mentions[m].Type; t != graph.Organization && !(t == graph.Location && x.knownPlace(m) && x.placeOf[m].Kind == "country") {
		return -1
	}
	return m
}
