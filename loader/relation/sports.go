package relation

import "github.com/kgraph/kgraph/graph"

// sports finds the phrasing of match reports: "X face|play|beat Y in|at
// the EVENT" (both sides take part in the event; the subject may be shared
// with an earlier verb phrase: "X sit sixth and face Y in ..."), and "X
// sit|lie|are sixth in|of EVENT" (X takes part in the league).
func (x *extractor) sports(st *sentence) {
	n := len(st.toks)
	for k := 1; k+2 < n; k++ {
		w := st.low[k]
		if st.at[k] >= 0 || !(matchVerbs[w] || standingVerbs[w]) {
			continue
		}
		subj := x.subjectBefore(st, k)
		if subj < 0 && st.low[k-1] == "and" {
			subj = x.sharedSubject(st, k-1)
		}
		if subj < 0 || x.d.Mentions[subj].Type != graph.Organization && x.d.Mentions[subj].Type != graph.Location {
			continue
		}
		if standingVerbs[w] {
			if e := x.eventAfter(st, k+3, 1); e >= 0 && ordinals[st.low[k+1]] && (st.low[k+2] == "in" || st.low[k+2] == "of") {
				x.add(graph.ParticipatesIn, x.named(subj), e, st.i, 0.75, nil)
			}
			continue
		}
		// The opponent: a name within three tokens ("Dutch side Y").
		opp := -1
		for j := k + 1; j < n && j <= k+3; j++ {
			m := st.at[j]
			if m < 0 {
				if !isLowerWord(st.toks[j].Text) || prepositions[st.low[j]] || stopFillers[st.low[j]] && st.low[j] != "the" {
					break
				}
				continue
			}
			if t := x.d.Mentions[m].Type; x.d.Mentions[m].Start == j && (t == graph.Organization || t == graph.Location) {
				opp = m
				break
			}
			if x.d.Mentions[m].Type != graph.NORP {
				break
			}
			j = x.d.Mentions[m].End - 1
		}
		if opp < 0 {
			continue
		}
		// "in|at the EVENT" after the opponent.
		j := x.d.Mentions[opp].End
		e := x.eventAfter(st, j+1, 3)
		if j >= n || st.low[j] != "in" && st.low[j] != "at" || e < 0 || x.sameEntity(subj, opp) {
			continue
		}
		x.add(graph.ParticipatesIn, x.named(subj), e, st.i, 0.75, nil)
		x.add(graph.ParticipatesIn, x.named(opp), e, st.i, 0.75, nil)
	}
}

// eventAfter returns the EVENT mention that starts at token k of st after
// "the" and at most gap lower-case or numeric words ("the two-legged Y
// play-off"), or -1.
func (x *extractor) eventAfter(st *sentence, k, gap int) int {
	n := len(st.toks)
	k = st.skipThe(k)
	for g := 0; k < n && g <= gap; g, k = g+1, k+1 {
		if m := x.startingAt(st, k); m >= 0 {
			if x.d.Mentions[m].Type == graph.Event && !x.d.Mentions[m].Nominal {
				return m
			}
			return -1
		}
		if !isLowerWord(st.toks[k].Text) && !isNumber(st.low[k]) || prepositions[st.low[k]] || stopFillers[st.low[k]] {
			return -1
		}
	}
	return -1
}

// isNumber reports whether s is written in digits ("2026").
func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
