package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// Document is one ingested text with its metadata.
type Document struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD when known
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Text   string `json:"-"` // the body as ingested; mention and evidence offsets point into it
	Hash   string `json:"-"` // ContentHash(Text)
}

// ContentHash is the hex SHA-256 of text after whitespace normalisation
// (runs of white space become one space; leading and trailing space is
// dropped), so re-wrapped copies of a document hash alike.
func ContentHash(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range strings.TrimSpace(text) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// DocumentID is the identifier of a document without an explicit id: the
// first 16 hex digits of its content hash.
func DocumentID(text string) string { return ContentHash(text)[:16] }
