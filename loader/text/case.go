package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The stages compare words case-insensitively many times per sentence.
// These helpers answer the questions strings.ToUpper and strings.ToLower
// were used for without building the converted string: a byte loop for
// ASCII, the strings functions themselves for anything else, so the
// answers are the same for every input (invalid UTF-8 included).

// IsUpper reports whether strings.ToUpper(s) == s.
func IsUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToUpper(s) == s
		}
		if 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

// IsLower reports whether strings.ToLower(s) == s.
func IsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s) == s
		}
		if 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// AppendLower appends strings.ToLower(s) to buf. With a buffer that is
// reused, a map look-up m[string(AppendLower(buf[:0], w))] allocates
// nothing.
func AppendLower(buf []byte, s string) []byte {
	n := len(buf)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(buf[:n], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// LowerIs reports whether strings.ToLower(s) == lower.
func LowerIs(s, lower string) bool {
	if len(s) != len(lower) {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				return strings.ToLower(s) == lower
			}
		}
		return false // ASCII keeps its length
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s) == lower
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// LowerGet returns m[strings.ToLower(s)] without building the key for
// ASCII words of up to 64 bytes.
func LowerGet[V any](m map[string]V, s string) V {
	var buf [64]byte
	return m[string(AppendLower(buf[:0], s))]
}

// LowerGetOK is LowerGet that also reports whether the key is present.
func LowerGetOK[V any](m map[string]V, s string) (V, bool) {
	var buf [64]byte
	v, ok := m[string(AppendLower(buf[:0], s))]
	return v, ok
}

// Capitalised reports whether w starts with an upper-case letter.
func Capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
