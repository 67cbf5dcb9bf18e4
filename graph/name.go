package graph

import (
	"strings"
	"unicode"
)

// NormalizeName is the key under which names and aliases are indexed and
// compared: case-folded, with typographic quotes and dashes replaced by
// their ASCII forms, a trailing possessive 's dropped, and runs of space
// collapsed. "Kazakhstan’s  Foreign Ministry" and "kazakhstan's foreign
// ministry" normalise alike.
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u2018' || r == '\u2019' || r == '`' || r == '\u00b4':
			r = '\''
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014':
			r = '-'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	out := b.String()
	out = strings.TrimSuffix(out, "'s")
	return strings.TrimSuffix(out, "'")
}

// NameTokens splits a normalised name into its words for token search:
// letters and digits form words; everything else separates them.
func NameTokens(s string) []string {
	return strings.FieldsFunc(NormalizeName(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
