package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/loader/text"
)

// Byte classes of the ASCII range.
const (
	clPunct uint8 = iota // anything else, control characters included
	clSpace
	clUpper
	clLower
	clDigit
)

// ascii classifies the ASCII bytes; the hot loops read it instead of
// calling unicode functions.
var ascii = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = clSpace
		case 'A' <= c && c <= 'Z':
			t[c] = clUpper
		case 'a' <= c && c <= 'z':
			t[c] = clLower
		case '0' <= c && c <= '9':
			t[c] = clDigit
		}
	}
	return t
}()

func isAlnumByte(c byte) bool { return c < utf8.RuneSelf && ascii[c] >= clUpper }
func isLetterByte(c byte) bool {
	return c < utf8.RuneSelf && (ascii[c] == clUpper || ascii[c] == clLower)
}
func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }
func isUpperByte(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLowerByte(c byte) bool { return 'a' <= c && c <= 'z' }

func digitAt(s string, i int) bool { return i < len(s) && isDigitByte(s[i]) }
func upperAt(s string, i int) bool { return i < len(s) && isUpperByte(s[i]) }

// isSpace reports whether r separates tokens: Unicode white space plus the
// invisible zero-width space, word joiner and byte-order mark, which never
// carry meaning in news text.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r] == clSpace
	}
	return unicode.IsSpace(r) || r == '\u200B' || r == '\u2060' || r == '\uFEFF'
}

// isApostrophe reports whether r can stand for an apostrophe inside a word:
// the ASCII one, the typographic one (’), the modifier letter (ʼ) and the
// left single quote that careless typesetting puts in its place.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02BC' || r == '\u2018'
}

// isWordRune reports whether r continues a word: a letter, digit or
// combining mark (apostrophe-like letters excepted).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r] >= clUpper
	}
	if isApostrophe(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordAt reports whether a word character starts at byte i of s.
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return ascii[c] >= clUpper
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// letterAt reports whether a letter starts at byte i of s.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return isLetterByte(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isApostrophe(r) && unicode.IsLetter(r)
}

// Tokenize splits s into words and punctuation following the conventions
// of CoNLL-2003 (Reuters news): see the package documentation for the
// rules. Token offsets are byte offsets into s; Token.Text is s[Start:End]
// except where the package documentation lists a normalisation (typographic
// quotes, dashes, ellipses, apostrophes). Every character that is not white
// space belongs to exactly one token, and tokens come in text order.
func Tokenize(s string) []text.Token {
	// News text runs 4.6 to 6.2 bytes per token: one allocation, no regrowth.
	toks := make([]text.Token, 0, len(s)/4+8)
	lineStart := true
	for i := 0; i < len(s); {
		c := s[i]
		var end int
		var txt string
		if c < utf8.RuneSelf {
			switch ascii[c] {
			case clSpace:
				if c == '\n' {
					lineStart = true
				}
				i++
				continue
			case clUpper, clLower, clDigit:
				end, txt = scanWord(s, i, lineStart)
			default:
				end, txt = scanASCIIPunct(s, i, afterWord(s, toks, i))
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case isSpace(r):
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					lineStart = true
				}
				i += size
				continue
			case isApostrophe(r):
				end, txt = scanApostrophe(s, i, size)
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
				end, txt = scanWord(s, i, lineStart)
			default:
				end, txt = scanUnicodePunct(s, i, r, size)
			}
		}
		if txt == "" {
			txt = s[i:end]
		}
		toks = append(toks, text.Token{Text: txt, Start: i, End: end})
		lineStart = false
		i = end
	}
	return toks
}

// afterWord reports whether position i directly follows a token that ends
// in a word character (no space between): the place for a clitic ('s) and
// not for a signed number.
func afterWord(s string, toks []text.Token, i int) bool {
	if len(toks) == 0 || toks[len(toks)-1].End != i {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

// scanWord scans a word starting at byte start (a letter or digit) and
// returns its end and, when the surface needs normalising, its text.
func scanWord(s string, start int, lineStart bool) (int, string) {
	n := len(s)
	c0 := s[start]
	if c0 == 'h' || c0 == 'H' || c0 == 'w' || c0 == 'W' || c0 == 'f' || c0 == 'F' {
		if e := urlEnd(s, start); e > 0 {
			return e, ""
		}
	}
	j := start
	if e := acronymEnd(s, start); e > 0 {
		j = e
		// U.S.-led, U.N.-sponsored
		if !(j < n && s[j] == '-' && s[j-1] == '.' && wordAt(s, j+1)) {
			return j, ""
		}
	}
	norm := false
loop:
	for j < n {
		c := s[j]
		if c < utf8.RuneSelf {
			if ascii[c] >= clUpper {
				j++
				continue
			}
			switch c {
			case '-':
				if wordAt(s, j+1) {
					j++
					continue
				}
			case '.':
				if isDigitByte(s[j-1]) && digitAt(s, j+1) {
					j += 2
					continue
				}
				if e := domainEnd(s, j); e > 0 {
					j = e
					break loop
				}
			case ',', ':', '/':
				if isDigitByte(s[j-1]) && digitAt(s, j+1) {
					j += 2
					continue
				}
			case '&':
				if isUpperByte(s[j-1]) && upperAt(s, j+1) {
					j += 2
					continue
				}
			case '\'':
				e, more := apostropheInWord(s, start, j, 1)
				j = e
				if more {
					continue
				}
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case isApostrophe(r):
			e, more := apostropheInWord(s, start, j, size)
			j = e
			if !more {
				break loop
			}
			norm = true
			continue
		case r == '\u2010' || r == '\u2011': // hyphen, non-breaking hyphen
			if wordAt(s, j+size) {
				j += size
				norm = true
				continue
			}
		case r == '\u2012' || r == '\u2013': // figure dash, en dash: 16–18
			if isDigitByte(s[j-1]) && digitAt(s, j+size) {
				j += size
				norm = true
				continue
			}
		case r == '\u00AD': // soft hyphen
			j += size
			norm = true
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			j += size
			continue
		}
		break
	}
	j = wordSuffix(s, start, j, lineStart)
	if norm {
		return j, normalizeWord(s[start:j])
	}
	return j, ""
}

// wordSuffix extends the word s[start:j] by a character that belongs to
// it: the full stop of an initial, an abbreviation or a list number, the $
// of a currency (US$), or the rest of an e-mail address.
func wordSuffix(s string, start, j int, lineStart bool) int {
	if j >= len(s) {
		return j
	}
	w := s[start:j]
	switch s[j] {
	case '.':
		if e := emailEnd(s, start); e > 0 {
			return e
		}
		if wordAt(s, j+1) {
			return j
		}
		if len(w) == 1 && isUpperByte(w[0]) {
			return j + 1 // initial: John F. Kennedy
		}
		switch lookupAbbrev(w) {
		case abbrTitle, abbrFinal:
			return j + 1
		case abbrNumber:
			if numberFollows(s, j+1) {
				return j + 1
			}
		}
		if lineStart && len(w) <= 3 && allDigits(w) && j+1 < len(s) && (s[j+1] == ' ' || s[j+1] == '\t') {
			return j + 1 // list number at the start of a line: "1. Item"
		}
	case '$':
		if len(w) <= 3 && allUpper(w) {
			return j + 1 // US$, HK$, C$
		}
	case '@', '_', '+', '%':
		if e := emailEnd(s, start); e > 0 {
			return e
		}
	}
	return j
}

// apostropheInWord decides what an apostrophe at byte j (size bytes) inside
// the word that began at start does. It returns the position to continue
// from and whether the word continues: O'Neill continues; Valdoria's stops
// before the clitic; don't stops before "n't".
func apostropheInWord(s string, start, j, size int) (int, bool) {
	after := j + size
	if p := s[j-1]; (p == 'n' || p == 'N') && j-1 > start && after < len(s) &&
		(s[after] == 't' || s[after] == 'T') && !wordAt(s, after+1) {
		return j - 1, false
	}
	if cliticLen(s, after) > 0 {
		return j, false
	}
	if letterAt(s, after) {
		return after, true
	}
	return j, false
}

// cliticLen returns the length of the clitic ('s, 're, 've, 'll, 'd, 'm)
// whose letters start at byte k, or 0.
func cliticLen(s string, k int) int {
	n := 0
	for k+n < len(s) && n < 3 && isLetterByte(s[k+n]) {
		n++
	}
	if n == 0 || n == 3 || wordAt(s, k+n) {
		return 0
	}
	a := s[k] | 0x20
	if n == 1 {
		if a == 's' || a == 'd' || a == 'm' {
			return 1
		}
		return 0
	}
	b := s[k+1] | 0x20
	if (a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l') {
		return 2
	}
	return 0
}

// cliticText returns the clitic with an ASCII apostrophe.
func cliticText(letters string) string {
	switch letters {
	case "s":
		return "'s"
	case "S":
		return "'S"
	case "d":
		return "'d"
	case "D":
		return "'D"
	case "m":
		return "'m"
	case "M":
		return "'M"
	case "re":
		return "'re"
	case "ve":
		return "'ve"
	case "ll":
		return "'ll"
	case "RE":
		return "'RE"
	case "VE":
		return "'VE"
	case "LL":
		return "'LL"
	}
	return "'" + letters
}

// scanApostrophe scans a token that starts with an apostrophe-like
// character of size bytes at i: a clitic ('s, after a word or alone), a doubled ASCII
// apostrophe used as a double quote, or a single quote.
func scanApostrophe(s string, i, size int) (int, string) {
	after := i + size
	// A clitic also stands alone in text that was tokenized before
	// ("Valdoria 's").
	if cl := cliticLen(s, after); cl > 0 {
		if size == 1 && s[i] == '\'' {
			return after + cl, ""
		}
		return after + cl, cliticText(s[after : after+cl])
	}
	if s[i] == '\'' {
		if after < len(s) && s[after] == '\'' {
			return after + 1, `"`
		}
		return after, ""
	}
	return after, "'"
}

// scanASCIIPunct scans a token that starts with ASCII punctuation.
func scanASCIIPunct(s string, i int, afterWord bool) (int, string) {
	n := len(s)
	c := s[i]
	switch c {
	case '\'':
		return scanApostrophe(s, i, 1)
	case '`':
		if i+1 < n && s[i+1] == '`' {
			return i + 2, `"`
		}
		return i + 1, "'"
	case '.':
		if !afterWord && digitAt(s, i+1) {
			return numberEnd(s, i+1), "" // .500
		}
		return runEnd(s, i, '.'), ""
	case '+':
		if !afterWord && digitAt(s, i+1) {
			return numberEnd(s, i+1), "" // +44, +2.5
		}
	case '-', '*', '=', '_', '~':
		return runEnd(s, i, c), ""
	case '@', '#':
		if i+1 < n && (isAlnumByte(s[i+1]) || s[i+1] == '_') {
			j := i + 1
			for j < n && (isAlnumByte(s[j]) || s[j] == '_') {
				j++
			}
			return j, "" // @handle, #hashtag
		}
	}
	return i + 1, ""
}

// scanUnicodePunct scans a token that starts with a non-ASCII character
// that is neither a letter, a digit nor white space.
func scanUnicodePunct(s string, i int, r rune, size int) (int, string) {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '″', '‹', '›':
		return i + size, `"`
	case '‚', '‛', '′':
		return i + size, "'"
	case '—', '–', '―', '⸺', '⸻':
		j := i + size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if r2 != '—' && r2 != '–' && r2 != '―' && r2 != '⸺' && r2 != '⸻' {
				break
			}
			j += sz
		}
		return j, "--"
	case '‒', '−', '‐', '‑':
		return i + size, "-"
	case '…':
		return i + size, "..."
	}
	return i + size, ""
}

// runEnd returns the end of the run of byte c that starts at i.
func runEnd(s string, i int, c byte) int {
	j := i + 1
	for j < len(s) && s[j] == c {
		j++
	}
	return j
}

// numberEnd returns the end of the number whose digits start at i.
func numberEnd(s string, i int) int {
	j := i
	for j < len(s) {
		if isDigitByte(s[j]) {
			j++
			continue
		}
		if (s[j] == '.' || s[j] == ',') && digitAt(s, j+1) {
			j += 2
			continue
		}
		break
	}
	return j
}

// numberFollows reports whether a number follows position i after at most
// one space: "No. 1".
func numberFollows(s string, i int) bool {
	if i < len(s) && s[i] == ' ' {
		i++
	}
	return digitAt(s, i)
}

// acronymEnd returns the end of an acronym of single letters and full stops
// starting at start (U.S., U.S.A., a.m., e.g., U.S without the last stop),
// or 0 when there is none.
func acronymEnd(s string, start int) int {
	n := len(s)
	if start+2 >= n || s[start+1] != '.' || !isLetterByte(s[start]) || !isLetterByte(s[start+2]) {
		return 0
	}
	j, letters := start, 0
	for j < n && isLetterByte(s[j]) && (j+1 >= n || !isAlnumByte(s[j+1])) {
		letters++
		if j+1 < n && s[j+1] == '.' {
			j += 2
			continue
		}
		j++
		break
	}
	if letters < 2 {
		return 0
	}
	return j
}

// domainEnd returns the end of a domain name whose first full stop is at
// byte dot (valpress.de, bbc.co.uk/news), or 0. The last label must be a
// known top-level domain in lower case.
func domainEnd(s string, dot int) int {
	n := len(s)
	j, last, lastEnd := dot, -1, -1
	for j < n && s[j] == '.' {
		k := j + 1
		for k < n && (isAlnumByte(s[k]) || s[k] == '-') {
			k++
		}
		if k == j+1 {
			break
		}
		last, lastEnd, j = j+1, k, k
	}
	if last < 0 || wordAt(s, lastEnd) || !topLevelDomains[s[last:lastEnd]] {
		return 0
	}
	if lastEnd+1 < n && s[lastEnd] == '/' && !isSpaceAt(s, lastEnd+1) {
		return pathEnd(s, lastEnd)
	}
	return lastEnd
}

// urlEnd returns the end of a URL starting at start (http://, https://,
// ftp:// or www.), or 0.
func urlEnd(s string, start int) int {
	rest := s[start:]
	var p int
	switch {
	case hasPrefixFold(rest, "https://"):
		p = 8
	case hasPrefixFold(rest, "http://"):
		p = 7
	case hasPrefixFold(rest, "ftp://"):
		p = 6
	case hasPrefixFold(rest, "www."):
		p = 4
	default:
		return 0
	}
	if !wordAt(s, start+p) {
		return 0
	}
	return pathEnd(s, start+p)
}

// pathEnd returns the end of a URL part that starts at i: up to white
// space or a quote, less trailing punctuation that belongs to the sentence.
// A closing bracket is kept when it closes one the URL opened.
func pathEnd(s string, i int) int {
	j := i
	opened, closed := 0, 0
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if ascii[c] == clSpace || c == '"' || c == '<' || c == '>' {
				break
			}
			switch c {
			case '(':
				opened++
			case ')':
				closed++
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if isSpace(r) || r == '“' || r == '”' || r == '«' || r == '»' || r == '’' {
			break
		}
		j += size
	}
	for j > i {
		c := s[j-1]
		if c == ')' && closed > opened {
			closed--
			j--
			continue
		}
		if strings.IndexByte(".,;:!?']}", c) >= 0 {
			j--
			continue
		}
		break
	}
	return j
}

func isSpaceAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isSpace(r)
}

// emailEnd returns the end of an e-mail address starting at start, or 0.
func emailEnd(s string, start int) int {
	n := len(s)
	j := start
	for j < n && (isAlnumByte(s[j]) || s[j] == '.' || s[j] == '_' || s[j] == '-' || s[j] == '+' || s[j] == '%') {
		j++
	}
	if j == start || j >= n || s[j] != '@' {
		return 0
	}
	k, dots := j+1, 0
	for k < n {
		c := s[k]
		if isAlnumByte(c) || c == '-' {
			k++
			continue
		}
		if c == '.' && k+1 < n && isAlnumByte(s[k+1]) && isAlnumByte(s[k-1]) {
			dots++
			k++
			continue
		}
		break
	}
	if dots == 0 {
		return 0
	}
	return k
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if isUpperByte(c) {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) {
			return false
		}
	}
	return len(w) > 0
}

func allUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isUpperByte(w[i]) {
			return false
		}
	}
	return len(w) > 0
}

// normalizeWord rewrites the rare words that hold a typographic apostrophe,
// a Unicode hyphen or dash, or a soft hyphen into their ASCII form.
func normalizeWord(w string) string {
	switch w {
	case "n’t":
		return "n't"
	case "N’T":
		return "N'T"
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case isApostrophe(r):
			b.WriteByte('\'')
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013':
			b.WriteByte('-')
		case r == '\u00AD':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
