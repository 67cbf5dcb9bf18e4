package relation

import (
	"slices"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// structure finds how organisations hang together: PART_OF ("X is the
// leading Y organization", "Y agencies such as A, B and C", "in the
// framework of Y", "X, a unit of Y", "Y's ministry"), MEMBER_OF ("X, a
// member of Y", "Y member X") and BASED_IN ("X, based in Y", "X is
// headquartered in Y"), and places within places (LOCATED_IN). Each
// pattern below is given only the named mentions of the type it relates
// (an organisation, also an initiative for copularPart, or a place).
func (x *extractor) structure(st *sentence) {
	n := len(st.toks)
	for _, a := range st.ms {
		am := x.d.Mentions[a]
		if am.Nominal {
			continue
		}
		switch am.Type {
		case graph.Initiative:
			x.copularPart(st, a)
		case graph.Organization:
			x.copularPart(st, a)
			x.suchAs(st, a)
			x.possessiveOrg(st, a)
			x.basedIn(st, a)
			x.basedAdjective(st, a)
			x.demonymBase(st, a)
			// "Y member X" (NATO member Turkey), "Y member state X".
			if am.End+1 < n && (st.low[am.End] == "member" || st.low[am.End] == "members") {
				j := am.End + 1
				if j < n && (st.low[j] == "state" || st.low[j] == "country" || st.low[j] == "states" || st.low[j] == "countries") {
					j++
				}
				if b := x.startingAt(st, j); b >= 0 && slices.Contains(partyTypes, x.d.Mentions[b].Type) {
					x.add(graph.MemberOf, b, a, st.i, 0.8, nil)
				}
			}
		case graph.Location:
			if c := x.countryAfter(st, a); c >= 0 {
				x.add(graph.LocatedIn, a, c, st.i, 0.8, nil) // "Lyon, France"
			}
			x.placeEdge(st, a)
			// "Beijing 's Tiananmen Square": a place within a place.
			if am.End+1 < n && genitive(st.low[am.End]) {
				if b := x.startingAt(st, am.End+1); b >= 0 && x.d.Mentions[b].Type == graph.Location && !x.d.Mentions[b].Nominal && !x.biggerPlace(b, a) {
					x.add(graph.LocatedIn, b, a, st.i, 0.8, nil)
				}
			}
		}
	}
	x.framework(st)
}

// copularPart: "X [(ACR)] [, ...,] is|was the|a|an [adjectives] Y NOUN"
// with NOUN an organisation noun ("organization", "agency") -> X PART_OF Y;
// "X, a unit|subsidiary|part|member of Y" -> PART_OF or MEMBER_OF.
func (x *extractor) copularPart(st *sentence, a int) {
	n := len(st.toks)
	j := st.skipAcronym(x.d.Mentions[a].End)
	if j >= n {
		return
	}
	copula := st.low[j] == "is" || st.low[j] == "was" || st.low[j] == "remains" || st.low[j] == "becomes" || st.low[j] == "became"
	if !copula && st.low[j] != "," {
		return
	}
	j++
	if j >= n || !(st.low[j] == "the" || st.low[j] == "a" || st.low[j] == "an" || st.low[j] == "one") {
		return
	}
	j++
	if j+1 < n && st.low[j] == "of" && st.low[j+1] == "the" { // "one of the"
		j += 2
	}
	// "X, a member of Y", "X, part of Y", "X, a unit of Y".
	if j+1 < n && st.low[j+1] == "of" && (memberNouns[st.low[j]] || genericOrgNouns[st.low[j]] || st.low[j] == "part") {
		if y := x.startingAt(st, st.skipThe(j+2)); y >= 0 && x.d.Mentions[y].Type == graph.Organization {
			typ := graph.PartOf
			if memberNouns[st.low[j]] {
				typ = graph.MemberOf
			}
			x.add(typ, a, x.named(y), st.i, 0.8, nil)
		}
		return
	}
	// Adjectives, then the organisation, then its noun: "X is the
	// leading Y organization", "X, a Y agency".
	for k := j; k < n && k < j+4; k++ {
		if y := x.startingAt(st, k); y >= 0 {
			ym := x.d.Mentions[y]
			if ym.Type == graph.Organization && ym.End < n && genericOrgNouns[st.low[ym.End]] {
				x.add(graph.PartOf, a, x.named(y), st.i, 0.8, nil)
			}
			return
		}
		if !isLowerWord(st.low[k]) {
			return
		}
	}
}

// suchAs: "Y agencies|organizations|members such as|including|like A, B
// and C" -> each of A, B, C PART_OF (MEMBER_OF for members) Y.
func (x *extractor) suchAs(st *sentence, y int) {
	j := x.d.Mentions[y].End
	if j >= len(st.toks) || !memberNouns[st.low[j]] && !genericOrgNouns[st.low[j]] {
		return
	}
	typ := graph.PartOf
	if memberNouns[st.low[j]] {
		typ = graph.MemberOf
	}
	if j = suchAsAt(st, j+1); j < 0 {
		return
	}
	for _, a := range x.list(st, j) {
		if x.d.Mentions[a].Type == graph.Organization || (typ == graph.MemberOf && x.d.Mentions[a].Type == graph.Location) {
			x.add(typ, a, x.named(y), st.i, 0.75, nil)
		}
	}
}

// suchAsAt returns the token after "such as", "including" or "like" at
// token j, after an optional comma ("agencies, such as A"), or -1.
func suchAsAt(st *sentence, j int) int {
	if j < len(st.low) && st.low[j] == "," {
		j++
	}
	switch {
	case matchAt(st.low, j, []string{"such", "as"}):
		return j + 2
	case j < len(st.low) && (st.low[j] == "including" || st.low[j] == "like"):
		return j + 1
	}
	return -1
}

// list returns the names of a coordination starting at token j: "A, B
// and C", "A and B", "A".
func (x *extractor) list(st *sentence, j int) []int {
	var out []int
	n := len(st.toks)
	for j < n {
		j = st.skipThe(j)
		m := x.startingAt(st, j)
		if m < 0 {
			break
		}
		if mm := x.d.Mentions[m]; mm.Type == graph.NORP {
			// "the Kenyan charity X": a demonym and a word for what the
			// name is come first.
			e := mm.End
			for e < n && e < mm.End+2 && st.at[e] < 0 && isLowerWord(st.low[e]) && !stopFillers[st.low[e]] && !prepositions[st.low[e]] {
				e++
			}
			if o := x.startingAt(st, e); e > mm.End && o >= 0 && x.d.Mentions[o].Type != graph.NORP {
				m = o
			}
		}
		out = append(out, m)
		j = st.skipAcronym(x.d.Mentions[m].End)
		if j >= n || st.low[j] != "," && st.low[j] != "and" {
			break
		}
		j++
		if j < n && st.low[j] == "and" {
			j++
		}
	}
	return out
}

// framework: "in|within the framework of Y", "as part of Y", "under the
// umbrella of Y" -> X PART_OF Y, where X is what the sentence announced,
// proposed or launched, or else the nearest initiative or event before.
func (x *extractor) framework(st *sentence) {
	n := len(st.toks)
	for k := 0; k+2 < n; k++ {
		l := frameworkTable.match(st.low, k)
		if l == 0 {
			continue
		}
		y := x.startingAt(st, st.skipThe(k+l))
		if y < 0 || x.d.Mentions[y].Nominal {
			continue
		}
		if e := x.d.Mentions[y].End; e < n && genitive(st.low[e]) {
			// "as part of Y's Z": the whole is Z, not its owner Y.
			if y = x.startingAt(st, e+1); y < 0 || x.d.Mentions[y].Nominal {
				continue
			}
		}
		if !slices.Contains(thingTypes, x.d.Mentions[y].Type) {
			continue
		}
		part := -1
		for _, c := range st.created {
			if x.d.Mentions[c].Start < k {
				part = c
			}
		}
		if part < 0 {
			for _, m := range st.ms {
				mm := x.d.Mentions[m]
				if mm.End <= k && !mm.Nominal && (mm.Type == graph.Initiative || mm.Type == graph.Event) {
					part = m
				}
			}
		}
		if part >= 0 && !x.sameEntity(part, y) {
			x.add(graph.PartOf, x.named(part), y, st.i, 0.7, nil)
		}
	}
}

// possessiveOrg: "Estonia's Foreign Ministry", "the Estonian Foreign
// Ministry" -> the organisation is PART_OF the country when it is a state
// body, else BASED_IN it. The country must be named in the document.
func (x *extractor) possessiveOrg(st *sentence, o int) {
	om := x.d.Mentions[o]
	typ := graph.BasedIn
	if govWords[st.low[om.End-1]] {
		typ = graph.PartOf
	}
	// "LOC 's ORG", for a place the gazetteer knows: a company taken for
	// a place ("Sony's Playstation Portable") owns what follows.
	if l := x.endingAt(st, om.Start-1); om.Start >= 2 && genitive(st.low[om.Start-1]) && x.knownPlace(l) {
		x.add(typ, o, x.named(l), st.i, 0.75, nil)
		return
	}
	// A demonym or country name opening the organisation's own name, or
	// a demonym right before it.
	country := ""
	if om.End-om.Start >= 2 && text.Capitalised(st.toks[om.Start+1].Text) { // not "Japanese people Ericsson"
		first := st.toks[om.Start].Text
		if p, ok := x.lx.gaz.Demonym(first); ok {
			country = p
		} else if pl, ok := x.lx.gaz.FindPlace(first); ok && pl.Kind == "country" {
			country = pl.Name
		}
	}
	l := -1
	if country != "" {
		// "European Union" is not based in a region called Europe.
		if pl, ok := x.lx.gaz.FindPlace(country); ok && pl.Kind == "country" {
			l = x.placeMention(country, st.i)
		}
	} else if nm := x.endingAt(st, om.Start); nm >= 0 && x.d.Mentions[nm].Type == graph.NORP {
		l = x.demonymCountry(st, nm)
	}
	if l >= 0 {
		x.add(typ, o, l, st.i, 0.7, nil)
	}
}

// placeMention returns a named LOCATION mention of the place called name in
// the document (by the gazetteer's canonical name), preferring sentence s.
func (x *extractor) placeMention(name string, s int) int {
	return x.pick(x.placesByName[name], s)
}

// pick returns the first of ms in sentence s, else the first, else -1.
func (x *extractor) pick(ms []int, s int) int {
	for _, i := range ms {
		if x.d.Mentions[i].Sent == s {
			return i
		}
	}
	if len(ms) > 0 {
		return ms[0]
	}
	return -1
}

// indexNames looks every named location and organisation up in the
// gazetteer; newExtractor calls it once per document.
func (x *extractor) indexNames() {
	x.placeOf = map[int]gazetteer.Place{}
	x.orgOf = map[int]gazetteer.Org{}
	x.placesByName = map[string][]int{}
	x.orgsByName = map[string][]int{}
	for i, m := range x.d.Mentions {
		if m.Nominal || !x.valid[i] {
			continue
		}
		switch m.Type {
		case graph.Location:
			p, ok := x.lx.gaz.FindPlace(x.d.MentionText(m))
			if !ok {
				p, ok = x.lx.gaz.FindSubdivision(x.d.MentionText(m))
			}
			if ok {
				x.placeOf[i] = p
				x.placesByName[p.Name] = append(x.placesByName[p.Name], i)
			}
		case graph.Organization:
			if o, ok := x.lx.gaz.FindOrg(x.d.MentionText(m)); ok {
				x.orgOf[i] = o
				x.orgsByName[o.Name] = append(x.orgsByName[o.Name], i)
			}
		}
	}
}

// basedIn: "X, based in Y", "X is based|headquartered in Y", "X, with
// headquarters in Y".
func (x *extractor) basedIn(st *sentence, o int) {
	om := x.d.Mentions[o]
	n := len(st.toks)
	j := st.skipAcronym(om.End)
	for j < n && (st.low[j] == "," || st.low[j] == "is" || st.low[j] == "was" || st.low[j] == "which" || st.low[j] == "are") {
		j++
	}
	// "X, a UN agency based in Y": step over a short apposition.
	if j > om.End && st.low[j-1] == "," && j < n && (st.low[j] == "a" || st.low[j] == "an" || st.low[j] == "the") {
		for a := j + 1; a < n && a < j+6; a++ {
			if matchAt(st.low, a, []string{"based", "in"}) || matchAt(st.low, a, []string{"headquartered", "in"}) {
				j = a
				break
			}
			if clauseEnd(st.low[a]) || st.low[a] == "," {
				break
			}
		}
	}
	switch {
	case matchAt(st.low, j, []string{"based", "in"}), matchAt(st.low, j, []string{"headquartered", "in"}):
		j += 2
	case matchAt(st.low, j, []string{"with", "headquarters", "in"}):
		j += 3
	default:
		return
	}
	if l := x.startingAt(st, st.skipThe(j)); l >= 0 && x.d.Mentions[l].Type == graph.Location {
		x.add(graph.BasedIn, o, x.named(l), st.i, 0.85, nil)
		// "based in Eindhoven, the Netherlands": in the country too.
		if c := x.countryAfter(st, l); c >= 0 {
			x.add(graph.BasedIn, o, c, st.i, 0.8, nil)
		}
	}
}

// documentLevel adds facts that general gazetteers state about names the
// document mentions: a city, state, province or region LOCATED_IN its
// country, a well-known
// organisation PART_OF its parent, when both are named in the document.
// The evidence is a sentence naming the part, preferring one that names
// both.
func (x *extractor) documentLevel() {
	type key struct{ a, b int }
	done := map[key]bool{} // entity pairs given a fact from another sentence
	gaz := map[string]string{"basis": basisGazetteer}
	for i, m := range x.d.Mentions {
		// placeOf and orgOf hold the valid named places and
		// organisations the gazetteer knows. ofThe: "Order of the
		// Phoenix" is a title, not the city ("the Boston area" is the
		// city).
		typ, other := graph.RelationType(""), -1
		if p := x.placeOf[i]; (p.Kind == "city" || p.Kind == "region") && p.Country != "" && p.Country != p.Name && !x.ofThe(m) {
			typ, other = graph.LocatedIn, x.placeMention(p.Country, m.Sent)
		} else if o := x.orgOf[i]; o.Parent != "" {
			typ, other = graph.PartOf, x.pick(x.orgsByName[o.Parent], m.Sent)
		}
		if other < 0 {
			continue
		}
		// Every sentence that names both is evidence; otherwise one
		// cross-sentence fact per pair of entities.
		if x.d.Mentions[other].Sent == m.Sent {
			x.add(typ, i, other, m.Sent, 0.7, gaz)
			continue
		}
		k := key{x.entityOf(i), x.entityOf(other)}
		if k.a >= 0 && k.b >= 0 && done[k] {
			continue
		}
		done[k] = true
		x.add(typ, i, other, m.Sent, 0.6, gaz)
	}
}

// ofThe reports whether "of the" is written right before mention m.
func (x *extractor) ofThe(m text.Mention) bool {
	toks := x.d.Sentences[m.Sent].Tokens
	return m.Start >= 2 && strings.EqualFold(toks[m.Start-1].Text, "the") && strings.EqualFold(toks[m.Start-2].Text, "of")
}

// knownPlace reports whether the gazetteer knows named mention i as a
// place.
func (x *extractor) knownPlace(i int) bool {
	_, ok := x.placeOf[i]
	return ok
}

// biggerPlace reports whether the gazetteer knows mention a as a country
// and mention b as something smaller: then a does not lie within b
// ("Sizzla's UK tour" with Sizzla mistaken for a place).
func (x *extractor) biggerPlace(a, b int) bool {
	return x.placeOf[a].Kind == "country" && x.placeOf[b].Kind != "country"
}

// basedAdjective: "the Vienna-based X" -> X BASED_IN Vienna, and "Lyon
// side|outfit X" (a team) -> X BASED_IN Lyon. Coreference
// makes such an adjective a mention of the place (attribute modifier
// "-based"), whatever type NER gave it.
func (x *extractor) basedAdjective(st *sentence, o int) {
	om := x.d.Mentions[o]
	l := x.endingAt(st, om.Start)
	b := om.Start
	if b >= 3 && st.at[b-1] < 0 && text.Capitalised(st.toks[b-1].Text) && isWord(st.low[b-1]) {
		b-- // "side Club Y" with "Club" left out of the name
	}
	if l < 0 && b >= 2 && (st.low[b-1] == "side" || st.low[b-1] == "outfit") {
		// "Montevideo side Club Y": a team named by its home.
		if c := x.endingAt(st, b-1); c >= 0 && x.d.Mentions[c].Type == graph.Location && !x.d.Mentions[c].Nominal {
			x.add(graph.BasedIn, o, c, st.i, 0.8, nil)
		}
		return
	}
	if l < 0 {
		l = x.basedBefore(st, om.Start)
	}
	if l < 0 {
		l = x.basedApposition(st, o)
	}
	if l < 0 || x.d.Mentions[l].Modifier != "-based" {
		return
	}
	if s := x.d.Mentions[l].Start; s > 0 && text.Capitalised(st.toks[s-1].Text) && st.at[s-1] < 0 && !slices.Contains(text.Articles, st.low[s-1]) && l != x.endingAt(st, om.Start) {
		return // "New Jersey-based": the adjective holds half a name
	}
	if e := x.entityOf(l); e >= 0 && x.d.Entities[e].Type != graph.Location {
		return
	}
	x.add(graph.BasedIn, o, l, st.i, 0.85, nil)
}

// basedBefore returns the mention ending before the description of up to
// three lower-case words that ends at token k ("the Oslo-based software
// group X"), or -1.
func (x *extractor) basedBefore(st *sentence, k int) int {
	for j := k - 1; j >= 1 && j >= k-3; j-- {
		w := st.low[j]
		if st.at[j] >= 0 || !isLowerWord(w) || stopFillers[w] || prepositions[w] || auxWord[w] {
			return -1
		}
		if l := x.endingAt(st, j); l >= 0 {
			return l
		}
	}
	return -1
}

// basedApposition returns the first mention of an apposition after
// mention o, "X, the Oslo-based group,", or -1; o must not be an item of
// a list ("A, X, the Oslo-based group, and B").
func (x *extractor) basedApposition(st *sentence, o int) int {
	om := x.d.Mentions[o]
	n := len(st.toks)
	if om.Start > 0 && st.low[om.Start-1] == "," || om.End+2 >= n || st.low[om.End] != "," {
		return -1
	}
	j := om.End + 1
	if slices.Contains(text.Articles, st.low[j]) {
		j++
	}
	l := x.startingAt(st, j)
	if l < 0 {
		return -1
	}
	for e := x.d.Mentions[l].End; e < n && e <= x.d.Mentions[l].End+3; e++ {
		if st.low[e] == "," {
			if e+1 < n && !verbLike(st.low[e+1]) && !auxWord[st.low[e+1]] {
				return -1 // "A, the Oslo-based group, and B"; "the Chicago-based hotel, casino and ... concern"
			}
			return l
		}
		if clauseEnd(st.low[e]) {
			return l
		}
		if st.at[e] >= 0 || !isLowerWord(st.low[e]) {
			return -1
		}
	}
	return -1
}

// countryAfter returns the country of "Eindhoven, the Netherlands",
// "Lyon, France" (structure relates the first place LOCATED_IN it): the
// gazetteer knows the second place as a country and the first as no
// country (nor as a place of another country or a region across borders),
// and the pair is no list of places ("France, Germany and Italy", "Paris,
// Berlin and Rome"). Else -1.
func (x *extractor) countryAfter(st *sentence, a int) int {
	am := x.d.Mentions[a]
	n := len(st.toks)
	if am.Type != graph.Location || am.End+1 >= n || st.low[am.End] != "," {
		return -1
	}
	c := x.startingAt(st, st.skipThe(am.End+1))
	pc := x.placeOf[c] // a named place the gazetteer knows, or none
	if pc.Kind != "country" {
		return -1
	}
	if pa, ok := x.placeOf[a]; ok && (pa.Kind == "country" || pa.Country != pc.Name) {
		return -1
	}
	if e := x.d.Mentions[c].End; e < n && (st.low[e] == "and" || st.low[e] == "or" || isWord(st.low[e]) && !prepositions[st.low[e]]) {
		// "Lyon, France and Spain": a list; "For X, the US's leading
		// insurer", "at Roma, the England skipper": the country
		// modifies what follows.
		return -1
	}
	if b := am.Start; b > 0 && (st.low[b-1] == "," || st.low[b-1] == "and") && x.endingAt(st, b-1) >= 0 {
		return -1 // "Oslo, Lyon, France": a list
	}
	return c
}

// placeEdge: "A [, ] on|in the [northern] edge|outskirts|suburbs of B" ->
// A LOCATED_IN B, when A is a place (a stadium, a district) and B a place
// that is no country smaller than A.
func (x *extractor) placeEdge(st *sentence, a int) {
	n := len(st.toks)
	j := x.d.Mentions[a].End
	if j < n && st.low[j] == "," {
		j++
	}
	if !(j+2 < n && (st.low[j] == "on" || st.low[j] == "in") && st.low[j+1] == "the") {
		return
	}
	j += 2
	if j < n && st.at[j] < 0 && isLowerWord(st.toks[j].Text) && !edgeNouns[st.low[j]] {
		j++ // "northern", "eastern"
	}
	if !(j+1 < n && edgeNouns[st.low[j]] && st.low[j+1] == "of") {
		return
	}
	if b := x.startingAt(st, j+2); b >= 0 && x.d.Mentions[b].Type == graph.Location && !x.d.Mentions[b].Nominal && !x.biggerPlace(a, b) {
		x.add(graph.LocatedIn, a, b, st.i, 0.8, nil)
	}
}

// demonymBase: "the Kenyan charity X", "Japanese robot maker X" -> X
// BASED_IN the demonym's country, when the document names the country.
// Up to two lower-case words may stand between the demonym and the noun.
func (x *extractor) demonymBase(st *sentence, o int) {
	k := x.d.Mentions[o].Start - 1
	if k < 1 || st.at[k] >= 0 || !firmNouns[st.low[k]] {
		return
	}
	j := k
	for j > 0 && j > k-2 && st.at[j-1] < 0 && isLowerWord(st.toks[j-1].Text) && !stopFillers[st.low[j-1]] && !prepositions[st.low[j-1]] {
		j--
	}
	nm := x.endingAt(st, j)
	if nm < 0 || x.d.Mentions[nm].Type != graph.NORP {
		return
	}
	if c := x.demonymCountry(st, nm); c >= 0 && !x.sameEntity(o, c) {
		x.add(graph.BasedIn, o, c, st.i, 0.75, nil)
	}
}
