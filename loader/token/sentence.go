package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/loader/text"
)

// Split tokenizes s and groups the tokens into sentences.
func Split(s string) []text.Sentence {
	return Sentences(s, Tokenize(s))
}

// Sentences groups toks, the tokens Tokenize returned for s, into
// sentences; the package documentation lists the rules. The sentences share
// toks' backing array unless an abbreviation ends a sentence: then its full
// stop becomes a token of its own ("U.S." → "U.S" "."), as in CoNLL-2003,
// and the sentences share a new array. Each sentence's Tokens has its
// capacity capped at its length, so appending to it never overwrites the
// next sentence.
func Sentences(s string, toks []text.Token) []text.Sentence {
	if len(toks) == 0 {
		return nil
	}
	sp := splitter{s: s, toks: toks}
	return sp.build(sp.bounds())
}

// term classifies a token that may end a sentence.
type term uint8

const (
	termNone     term = iota
	termStop          // .
	termStrong        // ? !
	termEllipsis      // ... …
	termAbbrev        // U.S. Inc. F. Mr.
)

// bound is the end of one sentence: the index of its last token, and the
// index of an abbreviation whose full stop ends it (to be split off) or -1.
type bound struct {
	last, split int
}

// splitter holds one text while its sentence ends are found.
type splitter struct {
	s    string
	toks []text.Token

	laidOut bool
	wrapped bool // the text is hard-wrapped (Reuters style)
	width   int  // the longest wrapped line, in runes
}

// bounds walks the tokens once and returns where each sentence ends.
func (sp *splitter) bounds() []bound {
	toks := sp.toks
	n := len(toks)
	out := make([]bound, 0, n/16+1)
	force, suppress := -1, -1
	paraStart := true
	for k := 0; k < n; k++ {
		if paraStart {
			force, suppress = sp.dateline(k)
			paraStart = false
		}
		kind := sp.terminal(k)
		if k == suppress {
			kind = termNone
		}
		last := k
		if kind != termNone {
			for last+1 < n && sp.closer(last+1) {
				last++
			}
		}
		// An abbreviation that ends a sentence gives up its full stop.
		split := -1
		if kind == termAbbrev {
			split = k
		}
		if last == n-1 {
			out = append(out, bound{last, split})
			break
		}
		next := last + 1
		nl := sp.newlines(last, next)
		end := nl >= 2 || k == force ||
			kind != termNone && sp.endsAfterTerminal(kind, k, next) ||
			nl == 1 && sp.endsAtNewline(last, next) ||
			isBullet(sp.surface(next))
		if end {
			out = append(out, bound{last, split})
			paraStart = nl > 0
		}
		k = last
	}
	return out
}

// surface returns the text of token i as written.
func (sp *splitter) surface(i int) string {
	t := sp.toks[i]
	return sp.s[t.Start:t.End]
}

// terminal says whether token i can end a sentence, and how.
func (sp *splitter) terminal(i int) term {
	t := sp.toks[i].Text
	switch t {
	case ".", "。", "．":
		return termStop
	case "?", "!", "？", "！":
		return termStrong
	case "...", "..", "....":
		return termEllipsis
	}
	if len(t) > 1 && t[len(t)-1] == '.' && isLetterByte(t[0]) {
		return termAbbrev
	}
	return termNone
}

// abbrevKind returns the kind of the abbreviation token i; initials and
// acronyms (F., U.S.) count as abbrFinal.
func (sp *splitter) abbrevKind(i int) abbrKind {
	t := sp.toks[i].Text
	if k := lookupAbbrev(t[:len(t)-1]); k != abbrNone {
		return k
	}
	return abbrFinal
}

// closer reports whether token i closes what the previous token ended: a
// closing bracket or quote, or more terminal punctuation (?!, ."), on the
// same line.
func (sp *splitter) closer(i int) bool {
	prev, t := sp.toks[i-1], sp.toks[i]
	if sp.newlines(i-1, i) > 0 {
		return false
	}
	switch sp.s[t.Start:t.End] {
	case ")", "]", "}", "”", "’", "»", "›":
		return true
	case `"`, "'", "''":
		// An ASCII quote closes when it touches the full stop or is not
		// followed by a word.
		return t.Start == prev.End || !wordAt(sp.s, t.End)
	case ".", "?", "!", "...":
		return t.Start == prev.End
	}
	return false
}

// newlines counts the line breaks between tokens i and j: 0, 1, or 2 for a
// blank line (or more breaks).
func (sp *splitter) newlines(i, j int) int {
	a, b := sp.toks[i].End, sp.toks[j].Start
	if b-a <= 1 && (b == a || sp.s[a] == ' ') {
		return 0
	}
	nl := 0
	for p := a; p < b; p++ {
		switch sp.s[p] {
		case '\n':
			nl++
		case 0xE2: // U+2028 line separator, U+2029 paragraph separator
			if p+2 < b && sp.s[p+1] == 0x80 {
				if sp.s[p+2] == 0xA8 {
					nl++
				} else if sp.s[p+2] == 0xA9 {
					nl += 2
				}
			}
		}
	}
	if nl > 2 {
		nl = 2
	}
	return nl
}

// endsAfterTerminal decides whether the sentence ends after token k (a
// terminal of the given kind, maybe followed by closers) when token next
// follows.
func (sp *splitter) endsAfterTerminal(kind term, k, next int) bool {
	nt := sp.toks[next].Text
	r, _ := utf8.DecodeRuneInString(nt)
	switch kind {
	case termStop, termStrong:
		if unicode.IsLower(r) {
			return false
		}
		switch r {
		case ',', ';', ':', '%', ')', ']':
			return false
		}
		return true
	case termEllipsis:
		return unicode.IsUpper(r) || isOpeningQuote(sp.surface(next))
	case termAbbrev:
		if sp.abbrevKind(k) != abbrFinal {
			return false
		}
		if isUpperByte(nt[0]) && isStarter(nt) {
			return true
		}
		// U.S. "We ...: a quote that opens a new sentence.
		if isOpeningQuote(sp.surface(next)) && next+1 < len(sp.toks) {
			return isUpperByte(sp.toks[next+1].Text[0])
		}
	}
	return false
}

// endsAtNewline decides whether a single line break between tokens last
// and next ends a sentence. Headlines, titles and list items end at the
// line break; hard-wrapped body text does not.
func (sp *splitter) endsAtNewline(last, next int) bool {
	if sp.isListMarker(next) {
		return true
	}
	lt := sp.toks[last].Text
	if sp.terminal(last) == termAbbrev && sp.abbrevKind(last) != abbrFinal {
		return false // Mr.⏎Smith
	}
	r, _ := utf8.DecodeRuneInString(sp.toks[next].Text)
	if unicode.IsLower(r) {
		return false
	}
	switch lt {
	case ",", ";", ":", "-", "(", "&", "/", "--":
		return false
	}
	if isLowerByte(lt[0]) && len(lt) <= 5 && functionWords[lt] {
		return false
	}
	s := sp.s
	lineStart := sp.toks[last].Start
	for lineStart > 0 && s[lineStart-1] != '\n' {
		lineStart--
	}
	line := s[lineStart:sp.toks[last].End]
	nextLine := sp.toks[next].Start
	for nextLine > 0 && s[nextLine-1] != '\n' {
		nextLine--
	}
	if sp.toks[next].Start-nextLine > indent(line)+1 {
		return true // an indented line opens a paragraph
	}
	if isAllCaps(line) {
		return true
	}
	sp.layout()
	if !sp.wrapped {
		return true
	}
	if sp.full(line) {
		return false
	}
	// A short first line of a paragraph that a full line continues is the
	// rest of a line whose dateline was taken off ("Federal Reserve Board
	// Chairman Paul⏎Volcker said ..."), not a heading or a table row.
	return !(afterBlankLine(s, lineStart) && sp.fullLine(nextLine))
}

// full reports whether line reaches 60% of the wrap width, as the lines
// of a flowing paragraph do; a shorter line of a hard-wrapped text may end
// its sentence.
func (sp *splitter) full(line string) bool {
	return utf8.RuneCountInString(line)*10 >= sp.width*6
}

// fullLine reports whether the line starting at byte i is full, its
// surrounding spaces left out.
func (sp *splitter) fullLine(i int) bool {
	line, _, _ := strings.Cut(sp.s[i:], "\n")
	return sp.full(strings.TrimSpace(line))
}

// afterBlankLine reports whether the line starting at byte i follows a
// blank line (not the text's first line, which is its title).
func afterBlankLine(s string, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.TrimRight(s[:i-1], " \t\r")
	return strings.HasSuffix(prev, "\n")
}

// layout decides once per text whether it is hard-wrapped: some line
// breaks fall inside sentences (the next line starts in lower case). It
// also measures the wrap width.
func (sp *splitter) layout() {
	if sp.laidOut {
		return
	}
	sp.laidOut = true
	s := sp.s
	breaks, lower := 0, 0
	prev := "" // previous line, trimmed; "" when blank
	for len(s) > 0 {
		line, rest, _ := strings.Cut(s, "\n")
		line, s = strings.TrimSpace(line), rest
		if prev != "" && line != "" {
			breaks++
			r, _ := utf8.DecodeRuneInString(line)
			if unicode.IsLower(r) {
				lower++
			}
			if w := utf8.RuneCountInString(prev); w <= 150 && w > sp.width {
				sp.width = w
			}
		}
		prev = line
	}
	sp.wrapped = lower > 0 && lower*5 >= breaks
}

// dateline recognises a news dateline at token k, the start of a
// paragraph, and returns the index of the token that ends it (a dash) or
// -1, and the index of a full stop inside it that must not end a sentence
// or -1. Forms: "KORVIN. VALPRESS - On ...", "MARESTA - The ...",
// "LONDON, May 16 (Reuters) - The ...". A dateline ending in a dash is a
// sentence of its own; "KORVIN. VALPRESS Officials ..." stays one sentence.
func (sp *splitter) dateline(k int) (force, suppress int) {
	toks := sp.toks
	n := len(toks)
	j := k
	for j < n && j-k < 4 && sp.allCapsWord(j) && (j == k || sp.newlines(j-1, j) == 0) {
		j++
	}
	if j == k || j >= n || sp.newlines(j-1, j) > 0 {
		return -1, -1
	}
	switch t := toks[j].Text; {
	case isDash(t):
		if sp.opensSentence(j + 1) {
			return j, -1
		}
	case t == ".":
		m := j + 1
		for m < n && m-j <= 3 && sp.allCapsWord(m) && sp.newlines(m-1, m) == 0 {
			m++
		}
		if m == j+1 {
			return -1, -1 // "KORVIN. The ...": the place is a sentence of its own
		}
		if m < n && isDash(toks[m].Text) && sp.newlines(m-1, m) == 0 && sp.opensSentence(m+1) {
			return m, j
		}
		return -1, j
	case t == ",":
		for m := j + 1; m < n && m <= j+12 && sp.newlines(m-1, m) == 0; m++ {
			tm := toks[m].Text
			if isDash(tm) {
				if sp.opensSentence(m + 1) {
					return m, -1
				}
				break
			}
			if !(isUpperByte(tm[0]) || isDigitByte(tm[0]) || tm == "(" || tm == ")" || tm == ",") {
				break
			}
		}
	}
	return -1, -1
}

// opensSentence reports whether token i exists on the same line and can
// start a sentence (capital letter, digit or opening quote).
func (sp *splitter) opensSentence(i int) bool {
	if i >= len(sp.toks) || sp.newlines(i-1, i) > 0 {
		return false
	}
	t := sp.toks[i].Text
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpeningQuote(sp.surface(i))
}

// allCapsWord reports whether token i is a word of capitals (two letters
// or more; hyphens and apostrophes allowed).
func (sp *splitter) allCapsWord(i int) bool {
	t := sp.toks[i].Text
	letters := 0
	for _, r := range t {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '-' || r == '\'':
		default:
			return false
		}
	}
	return letters >= 2
}

func isDash(t string) bool { return t == "-" || t == "--" || t == "---" }

func isOpeningQuote(surface string) bool {
	switch surface {
	case `"`, "“", "«", "„", "'", "‘", "``":
		return true
	}
	return false
}

// isBullet reports whether surface is a bullet, which starts a list item
// wherever it stands.
func isBullet(surface string) bool {
	switch surface {
	case "•", "▪", "◦", "‣", "●", "■", "►", "▸":
		return true
	}
	return false
}

// isListMarker reports whether token i, the first on its line, opens a
// list item: a bullet, a dash or star, "1." or "1)".
func (sp *splitter) isListMarker(i int) bool {
	sf := sp.surface(i)
	if isBullet(sf) {
		return true
	}
	switch sf {
	case "-", "--", "*", "—", "–", "·":
		return true
	}
	if len(sf) >= 2 && sf[len(sf)-1] == '.' && allDigits(sf[:len(sf)-1]) {
		return true
	}
	if allDigits(sf) && i+1 < len(sp.toks) && sp.toks[i+1].Text == ")" && sp.toks[i+1].Start == sp.toks[i].End {
		return true
	}
	return false
}

func isAllCaps(line string) bool {
	letters := 0
	for _, r := range line {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func indent(line string) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

// build turns the sentence ends into sentences, splitting off the full
// stop of an abbreviation that ends one.
func (sp *splitter) build(bounds []bound) []text.Sentence {
	toks := sp.toks
	splits := 0
	for _, b := range bounds {
		if b.split >= 0 {
			splits++
		}
	}
	if splits > 0 {
		out := make([]text.Token, 0, len(toks)+splits)
		bi := 0
		for i, t := range toks {
			for bi < len(bounds) && bounds[bi].last < i {
				bi++
			}
			if bi < len(bounds) && bounds[bi].split == i {
				out = append(out,
					text.Token{Text: t.Text[:len(t.Text)-1], Start: t.Start, End: t.End - 1},
					text.Token{Text: ".", Start: t.End - 1, End: t.End})
				continue
			}
			out = append(out, t)
		}
		shift := 0
		for i := range bounds {
			if bounds[i].split >= 0 {
				shift++
			}
			bounds[i].last += shift
		}
		toks = out
	}
	sents := make([]text.Sentence, len(bounds))
	start := 0
	for i, b := range bounds {
		ts := toks[start : b.last+1 : b.last+1]
		sents[i] = text.Sentence{Start: ts[0].Start, End: ts[len(ts)-1].End, Tokens: ts}
		start = b.last + 1
	}
	return sents
}
