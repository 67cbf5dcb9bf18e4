package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldLatin removes the diacritics of Latin letters, so that the spellings
// of one name with and without accents meet: "josé müller" gives "jose
// muller", "são paulo" "sao paulo". A letter whose canonical decomposition
// is an ASCII letter and combining marks becomes that letter, combining
// marks after an ASCII letter (decomposed text) are dropped, and the
// Latin letters that have no decomposition but are written without their
// stroke or as two letters in English text become those (ø, ł, đ, ħ, ı;
// æ, œ, ß, þ). Letters of other scripts are kept as they are: й is not и.
// Case is kept; names are folded after NormalizeName, which lower-cases.
func FoldLatin(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	afterASCII := i > 0 && isASCIILetter(s[i-1])
	for _, r := range s[i:] {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
			afterASCII = isASCIILetter(byte(r))
			continue
		case unicode.Is(unicode.Mn, r):
			if afterASCII {
				continue
			}
		default:
			if plain, ok := latinPlain[r]; ok {
				b.WriteString(plain)
				afterASCII = true
				continue
			}
			if d := norm.NFD.PropertiesString(string(r)).Decomposition(); len(d) > 1 && isASCIILetter(d[0]) && allMarks(d[1:]) {
				b.WriteByte(d[0])
				afterASCII = true
				continue
			}
		}
		b.WriteRune(r)
		afterASCII = false
	}
	return b.String()
}

// latinPlain are the Latin letters without a canonical decomposition that
// English text writes in plain letters.
var latinPlain = map[rune]string{
	'ø': "o", 'Ø': "O", 'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ħ': "h", 'Ħ': "H", 'ı': "i",
	'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE", 'ß': "ss", 'þ': "th", 'Þ': "TH",
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// allMarks reports whether the UTF-8 text d is combining marks only.
func allMarks(d []byte) bool {
	for len(d) > 0 {
		r, n := utf8.DecodeRune(d)
		if !unicode.Is(unicode.Mn, r) {
			return false
		}
		d = d[n:]
	}
	return true
}
