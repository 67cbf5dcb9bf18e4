package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CanonicalKey is the key under which two spellings of one name are the
// same name: NormalizeName, the accents of Latin letters dropped
// (FoldLatin), then only letters and digits, "&" read as
// "and", a leading "the" and trailing legal forms (Inc, Corp, Ltd, plc,
// AG …) dropped with the "&" of "& Co", and dotted initials and runs of
// single letters joined ("U.S." is "us", "E. F. Hutton" "ef hutton"). So
// "Securities & Exchange Commission", "securities and exchange
// commission" and "The Securities and Exchange Commission" share a key,
// as do "Sony Corp." and "Sony", "Merrill Lynch & Co" and "Merrill
// Lynch". At least one word always stays.
func CanonicalKey(name string) string {
	return strings.Join(withoutLegalForm(plainWords(name)), " ")
}

// PlainKey is CanonicalKey with legal forms kept: the key under which two
// names are one name exactly ("Sony Corp." and "Sony Corp"), not merely
// one company ("Sony Corp." and "Sony").
func PlainKey(name string) string {
	return strings.Join(plainWords(name), " ")
}

// plainWords is keyWords without a leading "the".
func plainWords(name string) []string {
	words := keyWords(name)
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	return words
}

// withoutLegalForm drops trailing legal forms and the "and" of "& Co"
// before them ("Merrill Lynch & Co" is "merrill lynch"), keeping at least
// one word.
func withoutLegalForm(words []string) []string {
	dropped := false
	for len(words) > 1 {
		switch last := words[len(words)-1]; {
		case legalForms[last]:
			dropped = true
		case last == "and" && dropped:
		default:
			return words
		}
		words = words[:len(words)-1]
	}
	return words
}

// legalForms are company-form suffixes that do not tell two companies
// apart in a news corpus.
var legalForms = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true,
	"co": true, "ltd": true, "limited": true, "plc": true, "llc": true,
	"ag": true, "sa": true, "nv": true, "bv": true, "gmbh": true, "spa": true,
	"lp": true, "llp": true, "pty": true, "kk": true, "oyj": true, "ab": true,
}

// keyWords splits a name into lower-case words of letters and digits,
// with "&" as the word "and" (nameWords).
func keyWords(name string) []string { return nameWords(name, true) }

// nameWords splits a name into lower-case words of letters and digits:
// NormalizeName, the accents of Latin letters dropped, apostrophes
// dropped ("O'Brien" and "OBrien" alike), dotted initials ("U.S.",
// "u.k.") and runs of single letters ("E. F. Hutton", "J P Morgan") as one
// word, British spellings of a few words in American spelling ("Centre"
// is "center"); with and, "&" is the word "and".
func nameWords(name string, and bool) []string {
	s := FoldLatin(NormalizeName(name))
	if and {
		s = strings.ReplaceAll(s, "&", " and ")
	}
	var words []string
	for _, f := range strings.Fields(s) {
		if dottedInitials(f) {
			f = strings.ReplaceAll(f, ".", "")
		}
		f = strings.ReplaceAll(f, "'", "")
		for _, w := range strings.FieldsFunc(f, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			if us, ok := usSpelling[w]; ok {
				w = us
			}
			words = append(words, w)
		}
	}
	return joinLetters(words)
}

// usSpelling gives the American spelling of the British words that names
// of bodies and places use, so that a British source's "World Health
// Organisation" and an American one's "World Health Organization" meet.
// "Labour" is not among them: Labour and Labor parties are different
// parties.
var usSpelling = map[string]string{
	"centre": "center", "centres": "centers", "organisation": "organization",
	"organisations": "organizations", "programme": "program", "programmes": "programs",
	"defence": "defense", "theatre": "theater", "theatres": "theaters",
	"harbour": "harbor", "favour": "favor",
}

// joinLetters joins each run of two or more one-letter words into one
// word: "e f hutton" is "ef hutton", as "E.F. Hutton" is. Digits stay
// apart ("formula 1 a").
func joinLetters(words []string) []string {
	out := words[:0]
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && oneLetter(words[j]) {
			j++
		}
		if j-i >= 2 {
			out = append(out, strings.Join(words[i:j], ""))
			i = j
			continue
		}
		out = append(out, words[i])
		i++
	}
	return out
}

// oneLetter reports whether w is a single letter.
func oneLetter(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsLetter(r)
}

// dottedInitials reports whether f is single letters each followed by a
// dot (the last dot optional): "u.s.", "u.s", "a.g.".
func dottedInitials(f string) bool {
	parts := strings.Split(strings.TrimSuffix(f, "."), ".")
	return len(parts) > 1 && allShort(parts)
}

// Acronym returns the initials of a name's content words, upper-case, as
// an acronym of the name would spell them: "Securities and Exchange
// Commission" gives "SEC", "U.S. Department of Agriculture" "USDA"
// (dotted initials count letter by letter), "North Atlantic Treaty
// Organization" "NATO". Function words (of, and, the, for …) and trailing
// legal forms ("Engelhard Corp" spells nothing) are skipped.
// It returns "" for names of fewer than two content words.
func Acronym(name string) string {
	var b strings.Builder
	n := 0
	fields := strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '/' || r == ',' || r == '&'
	})
	for len(fields) > 1 && legalForms[strings.ToLower(strings.Trim(fields[len(fields)-1], "."))] {
		fields = fields[:len(fields)-1]
	}
	for _, f := range fields {
		if acronymSkip[strings.ToLower(f)] {
			continue
		}
		if dottedInitials(f) {
			for _, r := range strings.ReplaceAll(f, ".", "") {
				b.WriteRune(unicode.ToUpper(r))
				n++
			}
			continue
		}
		r := []rune(f)
		for len(r) > 0 && !unicode.IsLetter(r[0]) && !unicode.IsDigit(r[0]) {
			r = r[1:]
		}
		if len(r) == 0 {
			continue
		}
		b.WriteRune(unicode.ToUpper(r[0]))
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

func allShort(parts []string) bool {
	for _, p := range parts {
		if r := []rune(p); len(r) != 1 || !unicode.IsLetter(r[0]) {
			return false
		}
	}
	return true
}

var acronymSkip = map[string]bool{
	"of": true, "and": true, "the": true, "for": true, "on": true, "in": true,
	"de": true, "des": true, "du": true, "la": true, "le": true, "a": true,
	"an": true, "to": true, "at": true, "by": true, "&": true,
}

// IsAcronymForm reports whether s is written as an acronym: two to eight
// letters (digits and "&" allowed inside), every letter upper-case, with
// or without dots: "SEC", "U.S.", "AT&T", "G7".
func IsAcronymForm(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLower(r):
			return false
		case unicode.IsDigit(r) || r == '.' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 8
}

// HasLegalForm reports whether name ends in a company legal form that
// CanonicalKey drops ("Japan Inc", "Sony Corp."): such a name is a
// company's, and does not stand for a place or a people named alike.
func HasLegalForm(name string) bool {
	words := plainWords(name)
	return len(withoutLegalForm(words)) < len(words)
}
