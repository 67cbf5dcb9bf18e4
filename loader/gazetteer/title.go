package gazetteer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kgraph/kgraph/loader/text"
)

// A title is a run of words: modifiers ("First", "Executive", "Deputy"),
// then portfolio words ("Foreign"), then one head ("Minister",
// "Secretary-General", "Prime Minister"). Its holder leads the
// organisation or state when the head is a leading one (president, prime
// minister, chairman, secretary-general, CEO, mayor, king …) and no
// subordinating modifier (deputy, vice, assistant …) comes before it.

// Title reports whether words, all of them, form one job or office title,
// and returns it as written (words joined by spaces, a lone "-" joined
// without) and whether its holder leads.
func (t *Tables) Title(words []string) (title string, lead bool, ok bool) {
	if len(words) == 0 {
		return "", false, false
	}
	n, lead := t.TitleAt(words, 0)
	if n != len(words) {
		return "", false, false
	}
	return JoinWords(words), lead, true
}

// TitleAt returns the length in words of the longest title that starts at
// words[i], 0 when none does, and whether its holder leads.
func (t *Tables) TitleAt(words []string, i int) (n int, lead bool) {
	sub := false
	for j := i; j < len(words); {
		w := strings.ToLower(words[j])
		if j > i && w == "-" { // "Secretary - General" as three tokens
			j++
			continue
		}
		for _, h := range t.heads[w] {
			if end, ok := matchWords(words, j, h.words); ok && end-i > n {
				n, lead = end-i, h.lead && !sub
			}
		}
		r := t.titles[w]
		if r&(roleMod|roleSub|roleDomain) == 0 {
			break
		}
		sub = sub || r&roleSub != 0
		j++
	}
	return n, lead
}

// maxTitleWords bounds the length of a title ("Deputy Chief Executive
// Officer of ..." has its title in the first four words).
const maxTitleWords = 8

// TitleBefore returns the start of the longest title that ends just before
// words[end], and whether its holder leads; ok is false when no title ends
// there.
func (t *Tables) TitleBefore(words []string, end int) (start int, lead bool, ok bool) {
	for i := max(0, end-maxTitleWords); i < end; i++ {
		if n, l := t.TitleAt(words[:end], i); n > 0 && i+n == end {
			return i, l, true
		}
	}
	return 0, false, false
}

// PersonNoun reports whether word names a kind of person without being a
// title ("diplomat", "official", "envoy") or is the head of a title
// ("minister", "president"): the nouns of descriptions such as "the Kazakh
// diplomat".
func (t *Tables) PersonNoun(word string) bool {
	r := text.LowerGet(t.titles, word)
	return r&(roleNoun|roleHead|roleLead) != 0
}

// TitleWord reports whether word can be part of a title: a modifier,
// portfolio word or head ("deputy", "foreign", "minister").
func (t *Tables) TitleWord(word string) bool {
	w := strings.ToLower(word)
	return t.titles[w]&(roleLead|roleHead|roleMod|roleSub|roleDomain) != 0 || len(t.heads[w]) > 0
}

// Subordinate reports whether word makes a title's holder a subordinate
// ("deputy", "vice", "assistant").
func (t *Tables) Subordinate(word string) bool {
	return text.LowerGet(t.titles, word)&roleSub != 0
}

// Honorific reports whether word is an honorific written before a name
// ("Mr", "Mrs.", "Dr", "Sir"): part of neither the name nor a title.
func (t *Tables) Honorific(word string) bool {
	return text.LowerGet(t.titles, word)&roleHon != 0
}

// JoinWords joins title or name words with spaces, except around a lone
// hyphen token ("Secretary - General" -> "Secretary-General").
func JoinWords(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 && w != "-" && words[i-1] != "-" {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// matchWords reports whether phrase (lower case) occurs in words at i,
// skipping lone hyphen tokens, and returns the index after it.
func matchWords(words []string, i int, phrase []string) (int, bool) {
	for _, p := range phrase {
		for i < len(words) && words[i] == "-" && p != "-" {
			i++
		}
		if i >= len(words) || !text.LowerIs(words[i], p) {
			return 0, false
		}
		i++
	}
	return i, true
}

// addTitle reads a line of titles.tsv: word-or-phrase role.
func (t *Tables) addTitle(f []string) error {
	phrase, role := strings.ToLower(field(f, 0)), field(f, 1)
	bits := map[string]uint8{"lead": roleLead, "head": roleHead, "mod": roleMod, "sub": roleSub, "domain": roleDomain, "noun": roleNoun, "hon": roleHon}[role]
	if bits == 0 || phrase == "" {
		return fmt.Errorf("bad title line %q %q", phrase, role)
	}
	words := strings.Fields(phrase)
	if bits&(roleLead|roleHead) != 0 {
		// "secretary-general" is also matched as the tokens secretary - general.
		split := strings.Fields(strings.ReplaceAll(phrase, "-", " - "))
		forms := [][]string{words}
		if len(split) != len(words) {
			forms = append(forms, split)
		}
		for _, ws := range forms {
			hs := append(t.heads[ws[0]], headDef{words: ws, lead: bits&roleLead != 0})
			sort.SliceStable(hs, func(a, b int) bool { return len(hs[a].words) > len(hs[b].words) })
			t.heads[ws[0]] = hs
		}
	}
	if len(words) == 1 {
		t.titles[words[0]] |= bits
	}
	return nil
}
