package relation

import (
	"slices"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// adviser: "X advised Y on the acquisition", "X is advising Y on its
// bid" -> X COOPERATES_WITH Y for two organisations; advice on a deal is
// a service, advice to do something ("X advised Y to sell") is not. A
// later "while Z advised W." in the same sentence shares the deal.
func (x *extractor) adviser(st *sentence) {
	n := len(st.toks)
	deal := false // the sentence named the deal for an earlier adviser
	for k := 1; k+1 < n; k++ {
		switch st.low[k] {
		case "advised", "advises", "advising", "advise":
		default:
			continue
		}
		subj := x.subjectBefore(st, k)
		if subj < 0 || x.d.Mentions[subj].Type != graph.Organization {
			continue
		}
		obj := x.startingAt(st, st.skipThe(k+1))
		if obj < 0 || x.d.Mentions[obj].Type != graph.Organization || x.d.Mentions[obj].Nominal {
			continue
		}
		// "X advised Y on the takeover, while Z advised W.": the second
		// adviser works on the same deal.
		e := x.d.Mentions[obj].End
		ok := deal && (e >= n || clauseEnd(st.low[e]) || st.low[e] == ",")
		if !ok && e+1 < n && st.low[e] == "on" {
			// A word for a deal within four tokens after "on".
			for c := e + 1; c < n && c <= e+4; c++ {
				if dealWords[st.low[c]] {
					ok = true
					break
				}
				if st.at[c] >= 0 && x.d.Mentions[st.at[c]].Type != graph.Organization || clauseEnd(st.low[c]) {
					break
				}
			}
		}
		if ok && !x.sameEntity(subj, obj) {
			x.add(graph.CooperatesWith, x.named(subj), x.named(obj), st.i, 0.7, nil)
			deal = true
		}
	}
}

// cooperation: "X ... in cooperation|partnership with Y", "X intends to
// increase cooperation with Y", "X cooperates with Y" -> X COOPERATES_WITH
// Y; Y may be a list, and "the relevant UN agencies such as A, B and C"
// gives A, B and C.
func (x *extractor) cooperation(st *sentence) {
	n := len(st.toks)
	for k := 0; k < n; k++ {
		l := coopTable.match(st.low, k)
		if l == 0 || st.at[k] >= 0 {
			continue
		}
		subj := x.relativeSubject(st, k)
		if subj < 0 {
			subj = x.clauseSubject(st, k)
		}
		if subj < 0 || st.anyIn(k-4, k, tieEnders) {
			continue
		}
		j := k + l
		for j < n && j < k+l+3 && (st.at[j] < 0 && (st.low[j] == "the" || isLowerWord(st.low[j]) && !stopFillers[st.low[j]] && !prepositions[st.low[j]]) ||
			j+1 < n && x.startingAt(st, j) >= 0 && x.d.Mentions[st.at[j]].Type == graph.NORP && x.startingAt(st, x.d.Mentions[st.at[j]].End) < 0) {
			// "partnership with German carmaker Y": a demonym and a word
			// for what the partner is come before its name.
			if st.at[j] >= 0 {
				j = x.d.Mentions[st.at[j]].End
				continue
			}
			j++
		}
		objs := x.list(st, j)
		if len(objs) == 1 {
			// "the UN agencies such as A, B and C": the agencies, not the UN.
			if e := x.d.Mentions[objs[0]].End; e < n && genericOrgNouns[st.low[e]] {
				objs = nil
				if b := suchAsAt(st, e+1); b >= 0 {
					objs = x.list(st, b)
				}
			}
		}
		for _, o := range objs {
			if slices.Contains(partyTypes, x.d.Mentions[o].Type) && !x.sameEntity(subj, o) {
				x.add(graph.CooperatesWith, x.named(subj), x.named(o), st.i, 0.7, nil)
			}
		}
		k += l - 1
	}
}

// clauseSubject returns the subject of the clause that token k belongs to:
// the subject found by a verb pattern of the sentence when it comes before
// k, else the nearest earlier name (named or nominal) that is followed by a
// verb-like word and not preceded by a preposition.
func (x *extractor) clauseSubject(st *sentence, k int) int {
	if st.subject >= 0 && x.d.Mentions[st.subject].End <= k && !st.anyIn(x.d.Mentions[st.subject].End, k, reportingVerbs) {
		return st.subject
	}
	best := -1
	for _, m := range st.ms {
		mm := x.d.Mentions[m]
		if mm.End > k {
			break
		}
		if !slices.Contains(partyTypes, mm.Type) || st.owner[mm.Start] >= 0 {
			continue
		}
		b := st.backThe(mm.Start)
		if b > 0 && (prepositions[st.low[b-1]] || st.low[b-1] == "'s") {
			continue
		}
		if b < mm.Start && mm.Type == graph.Location && mm.End < len(st.low) && isLowerWord(st.low[mm.End]) && !verbLike(st.low[mm.End]) && !auxWord[st.low[mm.End]] {
			continue // "the US technology consultancy": the place modifies a noun
		}
		if x.subjectOfVerb(st, m) && st.low[mm.End] != "," && !st.anyIn(mm.End, k, reportingVerbs) || x.subjectBeforeAcronym(st, m, k) {
			best = m
		}
	}
	return best
}

// subjectBeforeAcronym reports whether mention m is followed by its
// acronym in brackets, an optional "on Tuesday" and a verb before token
// k: "The World Health Organization (WHO) on Tuesday launched ...".
func (x *extractor) subjectBeforeAcronym(st *sentence, m, k int) bool {
	e := x.d.Mentions[m].End
	if e+2 >= k || st.low[e] != "(" || st.low[e+2] != ")" {
		return false
	}
	e += 3
	if e+1 < k && st.low[e] == "on" && weekdays[st.low[e+1]] {
		e += 2
	}
	return e < k && isLowerWord(st.low[e]) && !prepositions[st.low[e]] && !stopFillers[st.low[e]] && !st.anyIn(e, k, reportingVerbs)
}

// relativeSubject returns the antecedent of the relative clause that
// token k belongs to: "Y, which signed an agreement with Z" and "Y, a
// drug maker based in Pune, which signed ..." give Y (a name that is no
// place after a preposition). The clause must open with ", which" or ",
// who" and hold no comma or other name before k. Else -1.
func (x *extractor) relativeSubject(st *sentence, k int) int {
	j := k - 1
	for ; j >= 2; j-- {
		if st.low[j] == "which" || st.low[j] == "who" {
			break
		}
		if st.low[j] == "," || clauseEnd(st.low[j]) || st.at[j] >= 0 || j < k-8 {
			return -1
		}
	}
	if j < 2 || st.low[j-1] != "," {
		return -1
	}
	ok := func(m int) bool {
		if m < 0 || x.d.Mentions[m].Nominal || !slices.Contains(partyTypes, x.d.Mentions[m].Type) {
			return false
		}
		b := x.d.Mentions[m].Start
		return x.d.Mentions[m].Type != graph.Location || b == 0 || !prepositions[st.low[b-1]]
	}
	if m := x.endingAt(st, j-1); ok(m) {
		return m
	}
	// Step back over an apposition: ", a|an|the ... ,".
	for c := j - 2; c >= 1 && c >= j-11; c-- {
		if clauseEnd(st.low[c]) {
			return -1
		}
		if st.low[c] == "," {
			if m := x.endingAt(st, c); slices.Contains(text.Articles, st.low[c+1]) && ok(m) && x.d.Mentions[m].Type != graph.Location {
				return m
			}
			return -1
		}
	}
	return -1
}

// verbLike reports whether w can be the finite verb of a clause.
func verbLike(w string) bool {
	return commonVerbs[w] || strings.HasSuffix(w, "ed") && len(w) > 4
}
