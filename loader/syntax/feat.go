package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mix is the splitmix64 finaliser; feature keys are mixes of a template
// number and atoms, never 0 (0 marks an empty slot).
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

func key1(t, a uint64) uint64 {
	k := mix(t*0x9E3779B97F4A7C15 ^ a)
	return k | 1
}

func key2(t, a, b uint64) uint64 {
	k := mix(mix(t*0x9E3779B97F4A7C15^a) + b)
	return k | 1
}

func key3(t, a, b, c uint64) uint64 {
	k := mix(mix(mix(t*0x9E3779B97F4A7C15^a)+b) + c)
	return k | 1
}

// hstr is 64-bit FNV-1a.
func hstr(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// normForm maps the spellings on which EWT and kgraph's tokenizer differ
// to one form: PTB bracket and quote tokens, typographic quotes and
// apostrophes, dashes.
func normForm(w string) string {
	switch w {
	case "-LRB-", "-LSB-", "-LCB-":
		return "("
	case "-RRB-", "-RSB-", "-RCB-":
		return ")"
	case "[", "{":
		return "("
	case "]", "}":
		return ")"
	case "``", "''", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2033":
		return "\""
	case "`", "\u2018", "\u2019":
		return "'"
	case "\u2014", "\u2013", "---", "--":
		return "--"
	case "\u2026":
		return "..."
	}
	if strings.ContainsAny(w, "\u2019\u02bc\u2018") {
		w = strings.NewReplacer("\u2019", "'", "\u02bc", "'", "\u2018", "'").Replace(w)
	}
	return w
}

// lowerForm is the lower-cased form with every digit written 0.
func lowerForm(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' || c >= '1' && c <= '9' {
			ascii = false
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte('0')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// shapeOf is the short shape: character classes X, x, d, with runs
// collapsed and other characters kept (at most 6 symbols).
func shapeOf(w string) string {
	var buf [8]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n < len(buf) {
			buf[n] = c
			n++
		}
	}
	return string(buf[:n])
}

// atoms are the hashed properties of one token, computed once per sentence.
type atoms struct {
	form, lower, shape uint64
	pre                [3]uint64 // prefixes of 1..3 characters of lower
	suf                [4]uint64 // suffixes of 1..4 characters of lower
	cl                 [3]uint64 // cluster path prefixes of 4, 8, 12 bits (0 none)
	part               uint64    // lower of the part after the last hyphen (0 if unhyphenated)
	partSuf            uint64    // its 3-character suffix
	partCl             uint64    // its 8-bit cluster prefix
	flags              uint64    // capitalised, has digit, has hyphen, all caps
}

// clusterOf returns the cluster path word (len<<24 | bits), trying the
// form, then the lower-cased form.
func (m *Model) clusterOf(form, lower string) uint32 {
	if c, ok := m.clusters[form]; ok {
		return c
	}
	if c, ok := m.clusters[lower]; ok {
		return c
	}
	return 0
}

func clusterPrefix(c uint32, bits uint32) uint64 {
	if c == 0 {
		return 0
	}
	n := c >> 24
	p := c & 0xffffff
	if n > bits {
		p >>= n - bits
		n = bits
	}
	return uint64(n)<<32 | uint64(p) | 1<<40
}

func (m *Model) atomsOf(a *atoms, w string) {
	w = normForm(w)
	lw := lowerForm(w)
	*a = atoms{}
	a.form = hstr(w)
	a.lower = hstr(lw)
	a.shape = hstr(shapeOf(w))
	// prefixes and suffixes in runes
	var ends [5]int // byte offsets of the first 4 rune ends
	ne := 0
	for i := range lw {
		if i > 0 && ne < 4 {
			ends[ne] = i
			ne++
		}
	}
	if ne < 4 {
		ends[ne] = len(lw)
		ne++
	}
	for k := 0; k < 3 && k < ne; k++ {
		a.pre[k] = hstr(lw[:ends[k]]) + uint64(k)
	}
	j := len(lw)
	for k := 0; k < 4 && j > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(lw[:j])
		j -= sz
		a.suf[k] = hstr(lw[j:]) + uint64(k) + 7
	}
	c := m.clusterOf(w, lw)
	a.cl[0] = clusterPrefix(c, 4)
	a.cl[1] = clusterPrefix(c, 8)
	a.cl[2] = clusterPrefix(c, 12)
	var f uint64
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		f |= 1
	}
	if strings.ContainsAny(w, "0123456789") {
		f |= 2
	}
	if h := strings.LastIndexByte(lw, '-'); h > 0 && h < len(lw)-1 {
		f |= 4
		part := lw[h+1:]
		a.part = hstr(part)
		if len(part) > 3 {
			a.partSuf = hstr(part[len(part)-3:])
		} else {
			a.partSuf = a.part
		}
		pw := w[strings.LastIndexByte(w, '-')+1:]
		a.partCl = clusterPrefix(m.clusterOf(pw, part), 8)
	}
	if w != lw && strings.ToUpper(w) == w && len(w) > 1 {
		f |= 8
	}
	a.flags = f
}
