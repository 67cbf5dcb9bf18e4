package coref

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// firstNames is the first-name table (loader/coref/gen rebuilds it):
// lower-cased name, tab, m or f.
//
//go:embed data/firstnames.tsv.gz
var firstNames []byte

// parseFirstNames reads the first-name table; any malformed line is an
// error naming it.
func parseFirstNames(b []byte) (map[string]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("first names: %w", err)
	}
	out := map[string]byte{}
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		name, g, ok := strings.Cut(sc.Text(), "\t")
		if !ok || name == "" || (g != "m" && g != "f") || strings.ToLower(name) != name {
			return nil, fmt.Errorf("first names: line %d: want a lower-case name, a tab and m or f", n)
		}
		out[name] = g[0]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("first names: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("first names: empty table")
	}
	return out, nil
}

// pronounKind is what a third-person pronoun can stand for.
type pronounKind struct {
	gender byte // 'm', 'f' or 0 (a thing or a group)
	plural bool
	poss   bool // possessive: "his", "its", "their"
}

var pronouns = map[string]pronounKind{
	"he": {gender: 'm'}, "him": {gender: 'm'}, "his": {gender: 'm', poss: true}, "himself": {gender: 'm'},
	"she": {gender: 'f'}, "her": {gender: 'f', poss: true}, "herself": {gender: 'f'},
	"it": {}, "its": {poss: true}, "itself": {},
	"they": {plural: true}, "them": {plural: true}, "their": {plural: true, poss: true},
}

// IsPronoun reports whether w is one of the third-person pronouns the
// pronoun sieve resolves ("he", "its", "their" …), in any case.
func IsPronoun(w string) bool {
	_, ok := pronouns[strings.ToLower(w)]
	return ok
}

// isPronounMention reports whether m is a mention the pronoun sieve added.
func isPronounMention(d *text.Doc, m text.Mention) bool {
	return m.Nominal && m.End-m.Start == 1 && IsPronoun(d.Sentences[m.Sent].Tokens[m.Start].Text)
}

// itFollowers are the words after which "it" refers to an organisation
// ("it said", "it will", "it has"); any other "it" may be pleonastic ("it
// is likely that", "it emerged") and is left alone.
var itFollowers = map[string]bool{
	"said": true, "says": true, "added": true, "announced": true, "reported": true, "plans": true,
	"planned": true, "expects": true, "expected": true, "will": true, "would": true, "has": true,
	"had": true, "also": true, "now": true, "wants": true, "hopes": true, "employs": true, "owns": true,
	"bought": true, "sold": true, "posted": true, "agreed": true, "declined": true, "denied": true,
	"intends": true, "aims": true, "launched": true, "made": true, "makes": true, "operates": true,
	"acquired": true, "opened": true, "closed": true, "cut": true, "raised": true, "recorded": true,
}

// orgNouns are the nouns of a definite description ("the company") that
// the pronoun step resolves like "it" to an organisation.
var orgNouns = map[string]bool{
	"company": true, "firm": true, "group": true, "carrier": true, "airline": true,
	"broadcaster": true, "retailer": true, "insurer": true, "lender": true, "conglomerate": true,
}

// companyNouns are the orgNouns that describe a business only: "the
// company" never stands for the Securities and Exchange Commission named
// before it ("the group" may be a campaign group, "the lender" the IMF,
// "the broadcaster" a public one).
var companyNouns = text.Set([]string{"company", "firm", "carrier", "airline", "retailer", "insurer", "conglomerate"})

// institutionHeads end the names of public bodies and institutions that
// no company word describes.
var institutionHeads = text.Set([]string{"commission", "administration", "agency", "court", "tribunal", "congress",
	"parliament", "senate", "assembly", "legislature", "government", "cabinet", "ministry", "department", "bureau",
	"council", "committee", "exchange", "police", "army", "navy", "party", "university", "college"})

// institution reports whether the cluster of root names a public body
// or an institution: a name the organisation gazetteer lists
// (international organisations and national agencies) or one that ends
// in an institution's head noun ("Interstate Commerce Commission").
func (r *resolver) institution(root int) bool {
	for _, j := range r.scan(root) {
		m := r.d.Mentions[j]
		if m.Nominal {
			continue
		}
		if low := r.ms[j].low; len(low) > 0 && institutionHeads[low[len(low)-1]] {
			return true
		}
		if _, ok := r.lx.gaz.FindOrg(surface(r.d, m)); ok {
			return true
		}
	}
	return false
}

// pronounWindow is how many sentences before a pronoun's own its
// antecedent may lie in.
const pronounWindow = 2

// pronounCands is the compatible clusters one pronoun may stand for.
type pronounCand struct {
	root     int
	score    int
	why      string
	mention  int
	sentDist int
}

// pronouns adds a nominal mention for each third-person pronoun whose
// antecedent is clear and links it to that entity: the most salient
// compatible entity among the names of its own sentence before it and of
// the two sentences before (salience: recency, a subject counts more),
// only when it stands clearly ahead of the next compatible one.
// Compatibility: he/she a person whose gender (honorific, first name) is
// not the other one; it/its an organisation (its also a country); they/
// them/their an organisation that is the subject of its sentence. "It"
// only before a verb it can be the subject of ("it said", "it will").
func (r *resolver) pronouns() {
	gender := map[int]byte{} // root -> 'm', 'f', 0 unknown, '?' conflicting
	genderWhy := map[int]string{}
	rootGender := func(root int) (byte, string) {
		if g, ok := gender[root]; ok {
			return g, genderWhy[root]
		}
		var g byte
		why := ""
		for _, j := range r.scan(root) {
			m := r.d.Mentions[j]
			if m.Nominal {
				continue
			}
			var h byte
			hw := ""
			switch strings.TrimSuffix(strings.ToLower(m.Honorific), ".") {
			case "mr", "sir", "lord", "king", "prince":
				h, hw = 'm', m.Honorific
			case "mrs", "ms", "miss", "dame", "lady", "queen", "princess":
				h, hw = 'f', m.Honorific
			}
			if h == 0 && m.Type == graph.Person {
				words := strings.Fields(surface(r.d, m))
				if len(words) >= 2 {
					if x, ok := r.lx.firstNames[strings.ToLower(words[0])]; ok {
						h, hw = x, "first name "+words[0]
					}
				}
			}
			if h == 0 {
				continue
			}
			if g == 0 {
				g, why = h, hw
			} else if g != h {
				g, why = '?', ""
				break
			}
		}
		gender[root], genderWhy[root] = g, why
		return g, why
	}
	personOf := map[int]bool{}
	isPerson := func(root int) bool {
		p, ok := personOf[root]
		if !ok {
			p = r.personCluster(root) || r.typ(root) == graph.Person
			personOf[root] = p
		}
		return p
	}
	covered := r.covered()
	// Named mentions by sentence, in token order (nominal descriptions
	// count too: "the minister" is as good a subject as the name).
	bySent := make([][]int, len(r.d.Sentences))
	for i, m := range r.d.Mentions {
		if m.Sent >= 0 && m.Sent < len(bySent) {
			bySent[m.Sent] = append(bySent[m.Sent], i)
		}
	}
	for si := range bySent {
		ms := bySent[si]
		for a := 1; a < len(ms); a++ { // insertion sort: few mentions a sentence
			for b := a; b > 0 && r.d.Mentions[ms[b]].Start < r.d.Mentions[ms[b-1]].Start; b-- {
				ms[b], ms[b-1] = ms[b-1], ms[b]
			}
		}
	}
	type added struct{ sent, tok, end, root int }
	var links []added
	var whys []string
	for si, s := range r.d.Sentences {
		toks := s.Tokens
		for k, t := range toks {
			low := strings.ToLower(t.Text)
			pk, ok := pronouns[low]
			end := k + 1
			noun := ""
			if !ok && low == "the" && k+1 < len(toks) && orgNouns[strings.ToLower(toks[k+1].Text)] && covered[si][k+1] == 0 &&
				(k+2 >= len(toks) || !(strings.EqualFold(toks[k+2].Text, "of") || firstRune(toks[k+2].Text) >= 'A' && firstRune(toks[k+2].Text) <= 'Z')) {
				// "the company", "the firm": a definite description of
				// the organisation last in view.
				pk, ok, end, noun = pronounKind{}, true, k+2, strings.ToLower(toks[k+1].Text)
			}
			if !ok || covered[si][k] != 0 {
				continue
			}
			if low == "it" && (k+1 >= len(toks) || !itFollowers[strings.ToLower(toks[k+1].Text)]) {
				continue
			}
			if inQuote(toks, k) {
				continue // "he" in a quotation is the speaker's, not the writer's
			}
			compatible := func(root int) (bool, string) {
				switch {
				case pk.gender != 0:
					if !isPerson(root) {
						return false, ""
					}
					g, gw := rootGender(root)
					if g == '?' || (g != 0 && g != pk.gender) {
						return false, ""
					}
					if g == 0 {
						return true, "person"
					}
					return true, map[byte]string{'m': "male person (", 'f': "female person ("}[g] + gw + ")"
				case pk.plural:
					return r.typ(root) == graph.Organization && !isPerson(root), "organisation"
				default:
					if isPerson(root) {
						return false, ""
					}
					switch r.typ(root) {
					case graph.Organization:
						if companyNouns[noun] && r.institution(root) {
							return false, "" // "the company" is no regulator, court or ministry
						}
						return true, "organisation"
					case graph.Location:
						if pk.poss && r.isCountry(root) {
							return true, "country"
						}
					}
					return false, ""
				}
			}
			var cands []pronounCand
			persons, seenPerson := 0, map[int]bool{}
			later := false // a compatible name later in the same sentence
			for d := 0; d <= pronounWindow && si-d >= 0; d++ {
				ms := bySent[si-d]
				first := true
				for _, j := range ms {
					m := r.d.Mentions[j]
					subject := first && m.Start <= 3
					first = false
					if r.isSubject(m) {
						subject = true
					}
					if isPronounMention(r.d, m) {
						continue
					}
					root := r.find(j)
					if pk.gender != 0 && isPerson(root) && !seenPerson[root] {
						seenPerson[root] = true
						persons++
					}
					ok, why := compatible(root)
					if !ok {
						continue
					}
					if d == 0 && m.Start >= k {
						if pk.poss && m.Start > k && m.Start-k <= 6 {
							later = true
						}
						continue
					}
					if d == 0 && m.End > k {
						continue // the pronoun inside the name
					}
					// Salience halves with each sentence back; across
					// sentences a subject counts more, within one the
					// nearer name.
					score := 200
					if d > 0 {
						score = 100 >> d
						if subject {
							score += 80 >> d
						}
					}
					if d == 0 {
						score += m.End // nearer counts a little more
					}
					if pk.plural && !r.isSubject(m) {
						continue // "they" for a group only through a parsed subject
					}
					found := false
					for c := range cands {
						if cands[c].root == root {
							found = true
							if score > cands[c].score {
								cands[c].score, cands[c].mention = score, j
							}
						}
					}
					if !found {
						cands = append(cands, pronounCand{root: root, score: score, why: why, mention: j, sentDist: d})
					}
				}
			}
			if len(cands) == 0 {
				continue
			}
			best, second := -1, -1
			for c := range cands {
				if best < 0 || cands[c].score > cands[best].score {
					best, second = c, best
				} else if second < 0 || cands[c].score > cands[second].score {
					second = c
				}
			}
			if second >= 0 && cands[best].score*2 < cands[second].score*3 {
				continue // no clear antecedent
			}
			if pk.gender != 0 && cands[best].why == "person" && persons > 1 {
				continue // gender unknown: only the one person in reach
			}
			if later && cands[best].sentDist > 0 && k > 0 {
				continue // "In his speech, Blair said": the name may come after
			}
			c := cands[best]
			where := "in the same sentence"
			switch c.sentDist {
			case 1:
				where = "in the sentence before"
			case 2:
				where = "two sentences before"
			}
			what := "pronoun"
			if end-k > 1 {
				what = "description"
			}
			links = append(links, added{si, k, end, c.root})
			whys = append(whys, what+": the nearest "+c.why+" "+where)
		}
	}
	for n, l := range links {
		r.d.Mentions = append(r.d.Mentions, text.Mention{Sent: l.sent, Start: l.tok, End: l.end,
			Type: r.typ(l.root), Entity: -1, Nominal: true})
		i := len(r.d.Mentions) - 1
		r.add(i)
		r.why[i] = whys[n] // on the pronoun only: the names keep their reasons
		r.union(i, l.root)
	}
}

// isSubject reports whether the parse (when the sentence has one) makes
// the head word of m a nominal subject.
func (r *resolver) isSubject(m text.Mention) bool {
	sx := r.d.Sentences[m.Sent].Syntax
	if sx == nil || len(sx.Head) != len(r.d.Sentences[m.Sent].Tokens) {
		return false
	}
	for k := m.Start; k < m.End; k++ {
		h := sx.Head[k] - 1
		if h < m.Start || h >= m.End { // the span's head word
			return strings.HasPrefix(sx.Deprel[k], "nsubj")
		}
	}
	return false
}

// isCountry reports whether a cluster names a country.
func (r *resolver) isCountry(root int) bool {
	for _, j := range r.scan(root) {
		if r.d.Mentions[j].Attrs["kind"] == "country" {
			return true
		}
	}
	return false
}

// inQuote reports whether token k lies inside double quotation marks
// opened earlier in its sentence.
func inQuote(toks []text.Token, k int) bool {
	open := false
	for _, t := range toks[:k] {
		switch t.Text {
		case "\"", "“", "``":
			open = !open || t.Text == "“" || t.Text == "``"
		case "”", "''":
			open = false
		}
	}
	return open
}
