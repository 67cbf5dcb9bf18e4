package relation

import (
	"slices"
	"strings"

	"github.com/kgraph/kgraph/loader/text"
)

// Signs, found by reading the former pair classifier's output on news, that
// two names in a sentence are not in the relation other features suggest.
// Each stands for a kind of sentence, not for names; the scorer reads them
// as features (cues in extract.go) and weighs them from data.

// telegraphic reports whether sentence st is a line of its own that ends
// without sentence punctuation — a headline ("Edwards tips Idowu for Euro
// gold"), a caption or the item of a list ("- Best actor - X for The
// History Boys at the Lyttelton"). Such lines drop the words that carry
// relations, and the classifier, trained on full sentences, reads
// juxtaposed names as related. A line is telegraphic when its last token is
// a word or number and the text goes on with a line break (or ends).
func (x *extractor) telegraphic(st *sentence) bool {
	n := len(st.toks)
	if n == 0 {
		return false
	}
	end := st.toks[n-1].End
	for n > 1 && closers[st.toks[n-1].Text] {
		n-- // "Sony PSP tipped as a 'must-have'"
	}
	last := strings.TrimRight(st.toks[n-1].Text, "'\"’”)]")
	if last == "" || !isWordChar(last[len(last)-1]) {
		return false
	}
	rest := strings.TrimLeft(x.d.Text[min(end, len(x.d.Text)):], " \t\r")
	return rest == "" || rest[0] == '\n'
}

func isWordChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// sameList reports whether named mentions h and t are members of one
// coordination of three or more names of any type ("The Producers, Mary
// Poppins and The Woman in White", "Nokia, Intel, Philips, Alcatel"):
// members of a list are coordinate, not related to each other.
func (x *extractor) sameList(st *sentence, h, t int) bool {
	ms := x.namedBySent[st.i]
	a, b := slices.Index(ms, h), slices.Index(ms, t)
	if a > b {
		a, b = b, a
	}
	if a < 0 || a == b {
		return false
	}
	joined := func(j int) bool { return x.listed(st, ms[j], ms[j+1]) }
	lo, hi := listRun(len(ms), a, a, joined)
	if hi < b {
		return false // the run from a ends before b
	}
	n := hi - lo + 1
	// A list ends in a conjunction ("A, B and C"); "Salida and Gunnison,
	// Colorado" ends in a comma: places and their state.
	last := st.low[x.d.Mentions[ms[hi-1]].End:x.d.Mentions[ms[hi]].Start]
	coordinated := slices.Contains(last, "and") || slices.Contains(last, "or")
	if e := x.d.Mentions[ms[hi]].End; !coordinated && e+1 < len(st.low) && (st.low[e] == "and" || st.low[e] == "or") &&
		text.Capitalised(st.toks[e+1].Text) && st.at[e+1] < 0 {
		coordinated = true // "Shameless, Hustle and Bodies": a last item NER missed
		n++
	}
	return n >= 3 && coordinated
}

// listRun returns the first and last index of the run of n names around
// names a to b in which joined(j) ties name j to name j+1.
func listRun(n, a, b int, joined func(j int) bool) (int, int) {
	for a > 0 && joined(a-1) {
		a--
	}
	for b+1 < n && joined(b) {
		b++
	}
	return a, b
}

// placePair reports whether place mentions h and t are written "h, t" with
// t a state's abbreviation ("Jackson, Wyo., and Gunnison, Colo.") or a
// place the gazetteer knows as larger than a city h: a list of such pairs
// is a list of located places.
func (x *extractor) placePair(st *sentence, h, t int) bool {
	hm, tm := x.d.Mentions[h], x.d.Mentions[t]
	if hm.End+1 != tm.Start || st.low[hm.End] != "," {
		return false
	}
	if strings.HasSuffix(st.low[tm.End-1], ".") {
		return true
	}
	pt, ok := x.placeOf[t]
	return ok && x.placeOf[h].Kind == "city" && pt.Kind != "city"
}

// titleName reports whether mention i begins with a title ("Vice-President
// of Marketing Services" taken for an organisation): a post, not an
// employer.
func (x *extractor) titleName(st *sentence, i int) bool {
	m := x.d.Mentions[i]
	n, _ := x.lx.gaz.TitleAt(st.texts(m.Start, m.End), 0)
	return n > 0
}

// ticker reports whether mention i is written inside angle brackets, as
// news wires print stock symbols ("ATT <T>", "Siemens AG <SIEG.F>").
func (x *extractor) ticker(st *sentence, i int) bool {
	m := x.d.Mentions[i]
	return m.Start > 0 && (st.low[m.Start-1] == "<" || strings.HasSuffix(st.low[m.Start-1], "<"))
}
