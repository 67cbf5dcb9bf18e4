package relation

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// events finds, for each EVENT mention: its organiser (ORGANIZED_BY) from
// the name ("WHO Global Health Forum") or an organisation written right
// before it, its place (LOCATED_IN, "the X Summit in Nairobi on March
// 12-14", with the date as attributes), and the party that takes part
// ("On the sidelines of the X Forum, Y met ...": PARTICIPATES_IN).
func (x *extractor) events(st *sentence) {
	for _, e := range st.ms {
		em := x.d.Mentions[e]
		if em.Type != graph.Event || em.Nominal {
			continue
		}
		x.organiser(st, e)
		x.eventPlace(st, e)
		x.eventParticipant(st, e)
	}
}

// organiser finds ORGANIZED_BY for event e.
func (x *extractor) organiser(st *sentence, e int) {
	em := x.d.Mentions[e]
	// An organisation's name at the start of the event's name.
	for l := em.End - em.Start - 1; l >= 1; l-- {
		name := x.phrase(st, em.Start, em.Start+l)
		if o := x.mentionNamed(name, graph.Organization, st.i); o >= 0 {
			x.add(graph.OrganizedBy, e, o, st.i, 0.8, nil)
			return
		}
	}
	// An organisation right before it: "the World Health Organization
	// (WHO) Global Health Forum", "the Telvia Capital Markets Day".
	k := em.Start
	if k >= 3 && st.low[k-1] == ")" {
		if o := x.endingAt(st, k-1); o >= 0 && x.d.Mentions[o].Type == graph.Organization && st.low[x.d.Mentions[o].Start-1] == "(" {
			x.add(graph.OrganizedBy, e, x.named(o), st.i, 0.75, nil)
			return
		}
	}
	if o := x.endingAt(st, k); o >= 0 && x.d.Mentions[o].Type == graph.Organization {
		x.add(graph.OrganizedBy, e, x.named(o), st.i, 0.75, nil)
		return
	}
	// "E, organised by O", "E hosted by O".
	n := len(st.toks)
	for j := em.End; j < n && j < em.End+5; j++ {
		w := st.low[j]
		if clauseEnd(w) || st.at[j] >= 0 {
			return
		}
		switch w {
		case "organized", "organised", "hosted", "convened", "sponsored", "co-organized", "co-organised":
			o := x.startingAt(st, st.skipThe(j+2))
			if j+1 < n && st.low[j+1] == "by" && o >= 0 && slices.Contains(partyTypes, x.d.Mentions[o].Type) {
				x.add(graph.OrganizedBy, e, x.named(o), st.i, 0.85, nil)
				// "E, hosted by O in PLACE on DATE".
				a := x.d.Mentions[o].End
				if l := x.startingAt(st, a+1); l >= 0 && x.d.Mentions[l].Type == graph.Location && (st.low[a] == "in" || st.low[a] == "at") {
					x.add(graph.LocatedIn, e, x.named(l), st.i, 0.8, x.dateAfter(st, x.d.Mentions[l].End, 6))
				}
			}
			return
		}
	}
}

// mentionNamed returns a named mention of type typ whose text is name,
// preferring sentence s, or a mention of an entity whose name or alias is
// name; -1 when there is none.
func (x *extractor) mentionNamed(name string, typ graph.EntityType, s int) int {
	var ms []int
	for i, m := range x.d.Mentions {
		if !m.Nominal && m.Type == typ && x.valid[i] && x.d.MentionText(m) == name {
			ms = append(ms, i)
		}
	}
	if len(ms) > 0 {
		return x.pick(ms, s)
	}
	for _, en := range x.d.Entities {
		if en.Type == typ && (en.Name == name || slices.Contains(en.Aliases, name)) {
			return x.entityMention(en.Mentions, s)
		}
	}
	return -1
}

// entityMention picks a named mention among ms, preferring sentence s.
func (x *extractor) entityMention(ms []int, s int) int {
	var named []int
	for _, i := range ms {
		if i >= 0 && i < len(x.d.Mentions) && x.valid[i] && !x.d.Mentions[i].Nominal {
			named = append(named, i)
		}
	}
	return x.pick(named, s)
}

// eventPlace finds "E [held|taking place|...] in|at PLACE [on DATE]".
func (x *extractor) eventPlace(st *sentence, e int) {
	em := x.d.Mentions[e]
	n := len(st.toks)
	// Skip an acronym in parentheses and the usual verbs of events.
	j := st.skipAcronym(em.End)
	for ; j < n && j < em.End+6 && st.at[j] < 0; j++ {
		if st.low[j] == "," && j+1 < n && (st.low[j+1] == "which" || st.low[j+1] == "that") {
			continue
		}
		switch st.low[j] {
		case "held", "taking", "take", "takes", "took", "place", "to", "be", "is", "was", "will", "which", "that", "being", "scheduled", "due", "opened", "opens", "starting", "started", "kicked", "off", "underway", "this", "week":
			continue
		}
		break
	}
	if j+1 < n && (st.low[j] == "in" || st.low[j] == "at") {
		if l := x.startingAt(st, st.skipThe(j+1)); l >= 0 && x.d.Mentions[l].Type == graph.Location {
			x.add(graph.LocatedIn, e, x.named(l), st.i, 0.85, x.dateAfter(st, j, 12))
		}
	}
}

// eventParticipant finds "On the sidelines|margins of E, P ...", "At|During
// E, P ...". Being named "on the eve of" an event says nothing about taking
// part in it.
func (x *extractor) eventParticipant(st *sentence, e int) {
	em := x.d.Mentions[e]
	// Step left over the organiser's name, an acronym in parentheses and "the".
	k := em.Start
	for k > 0 {
		if w := st.low[k-1]; w == "the" || w == "(" || w == ")" {
			k--
		} else if o := x.endingAt(st, k); o >= 0 && x.d.Mentions[o].Type == graph.Organization {
			k = x.d.Mentions[o].Start
		} else {
			break
		}
	}
	conf := 0.0
	switch {
	case k >= 2 && (matchAt(st.low, k-2, []string{"sidelines", "of"}) || matchAt(st.low, k-2, []string{"margins", "of"}) || matchAt(st.low, k-2, []string{"margin", "of"})):
		conf = 0.8
	case k >= 1 && (st.low[k-1] == "at" || st.low[k-1] == "during") && (k == 1 || st.low[k-2] == ","):
		conf = 0.7
	}
	if conf == 0 {
		return
	}
	// The subject of the main clause: the first name after the comma that
	// closes the opening phrase.
	n := len(st.toks)
	depth := 0
	for j := em.End; j < n; j++ {
		switch st.low[j] {
		case "(":
			depth++
		case ")":
			depth--
		}
		if clauseEnd(st.low[j]) {
			return
		}
		if st.low[j] != "," || depth > 0 {
			continue
		}
		j = st.skipThe(j + 1)
		if j >= n {
			return
		}
		p := st.owner[j]
		if p < 0 {
			p = x.startingAt(st, j)
		}
		if p >= 0 && slices.Contains(partyTypes, x.d.Mentions[p].Type) && x.subjectOfVerb(st, p) {
			x.add(graph.ParticipatesIn, x.named(p), e, st.i, conf, nil)
		}
		return
	}
}

// subjectOfVerb reports whether mention p is followed by a verb-like word
// (a lower-case word that is not a preposition), perhaps after an
// apposition.
func (x *extractor) subjectOfVerb(st *sentence, p int) bool {
	j := x.d.Mentions[p].End
	return j < len(st.toks) && (st.low[j] == "," || isLowerWord(st.low[j]) && !prepositions[st.low[j]] && !stopFillers[st.low[j]])
}

var months = text.MonthNumbers()

// dateAfter looks for a date within the tokens [k, k+max) of st, before
// the clause ends, and returns it as attributes: date (ISO 8601, a range as
// start/end) plus start and end for a range. The year is the one written,
// else the document's; without either there is no date.
func (x *extractor) dateAfter(st *sentence, k, max int) map[string]string {
	n := len(st.toks)
	for j := k; j < n && j < k+max; j++ {
		if clauseEnd(st.low[j]) {
			return nil
		}
		if a := x.parseDate(st, j); a != nil {
			return a
		}
	}
	return nil
}

// parseDate reads "March 12-14", "March 12 - 14", "March 12 to 14",
// "March 12", "12-14 March", "12 March", each with an optional year, at
// token j.
func (x *extractor) parseDate(st *sentence, j int) map[string]string {
	low := st.low
	n := len(low)
	var mon, d1, d2, next int
	if m, ok := months[low[j]]; ok && (low[j] != "may" || text.Capitalised(st.toks[j].Text)) && j+1 < n {
		mon = m
		if d1, d2, next = dayRange(low, j+1); d1 == 0 {
			return nil
		}
	} else if d1, d2, next = dayRange(low, j); d1 > 0 && next < n && months[low[next]] > 0 {
		mon, next = months[low[next]], next+1 // "12-14 March"
	} else {
		return nil
	}
	year := 0
	if next < n && low[next] == "," {
		next++
	}
	if next < n && len(low[next]) == 4 {
		if y, err := strconv.Atoi(low[next]); err == nil && y > 1800 && y < 2200 {
			year = y
		}
	}
	if year == 0 && len(x.d.Date) >= 4 {
		year, _ = strconv.Atoi(x.d.Date[:4])
	}
	if year == 0 {
		return nil
	}
	start := fmt.Sprintf("%04d-%02d-%02d", year, mon, d1)
	if d2 == 0 {
		return map[string]string{"date": start}
	}
	end := fmt.Sprintf("%04d-%02d-%02d", year, mon, d2)
	return map[string]string{"date": start + "/" + end, "start": start, "end": end}
}

// dayRange reads "16", "16-18", "16 - 18", "16 to 18" or "16th" at token j.
func dayRange(low []string, j int) (d1, d2, next int) {
	day := func(s string) int {
		s = strings.TrimRight(s, ",")
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			s = strings.TrimSuffix(s, suf)
		}
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 || v > 31 {
			return 0
		}
		return v
	}
	if j >= len(low) {
		return 0, 0, j
	}
	if a, b, ok := strings.Cut(low[j], "-"); ok {
		if d1, d2 = day(a), day(b); d1 > 0 && d2 > d1 {
			return d1, d2, j + 1
		}
		return 0, 0, j
	}
	if d1 = day(low[j]); d1 == 0 {
		return 0, 0, j
	}
	if j+2 < len(low) && (low[j+1] == "-" || low[j+1] == "to" || low[j+1] == "–") {
		if d2 = day(low[j+2]); d2 > d1 {
			return d1, d2, j + 3
		}
	}
	return d1, 0, j + 1
}
