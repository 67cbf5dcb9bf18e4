package graph

import (
	"bytes"
	"strings"
	"unicode"
)

// NormalizeName is the key under which names and aliases are indexed and
// compared: case-folded, with typographic quotes and dashes replaced by
// their ASCII forms, a trailing possessive 's dropped, and runs of space
// collapsed. "Kazakhstan’s  Foreign Ministry" and "kazakhstan's foreign
// ministry" normalise alike.
func NormalizeName(s string) string {
	if out, ok := normalizeASCII(s); ok {
		return out
	}
	return normalizeRunes(s)
}

// normalizeRunes is NormalizeName for any name, rune by rune.
func normalizeRunes(s string) string {
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

// normalizeASCII is NormalizeName for a name of ASCII bytes (most names):
// the same output from a byte loop, and s itself, with no allocation,
// when s is already in normal form. ok is false for any other name.
func normalizeASCII(s string) (out string, ok bool) {
	var stack [64]byte
	b := stack[:0]
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c == ' ' || '\t' <= c && c <= '\r':
			space = true
			continue
		case c == '`':
			c = '\''
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	b = bytes.TrimSuffix(b, []byte("'s"))
	b = bytes.TrimSuffix(b, []byte("'"))
	if string(b) == s {
		return s, true
	}
	return string(b), true
}

// NameTokens splits a name into its words for token search as
// CanonicalKey reads them (nameWords: case, accents, apostrophes, dotted
// initials and runs of single letters; "U.S." is "us", "O'Brien"
// "obrien"), with "&" a separator: letters and digits form words,
// everything else separates them.
func NameTokens(s string) []string { return nameWords(s, false) }
