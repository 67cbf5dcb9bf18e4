package token

// IsSpace exposes the white-space definition to the black-box tests.
var IsSpace = isSpace
