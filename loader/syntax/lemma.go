package syntax

import "strings"

// lemmaKey is a lower-cased word and its tag.
type lemmaKey struct {
	w string
	t int8
}

// lemma returns the lemma of word tagged t: the training data's most
// frequent lemma of the word with that tag where the suffix rules would
// get it wrong, else the rules' answer.
func (m *Model) lemma(word string, t int) string {
	w := strings.ToLower(normForm(word))
	if l, ok := m.lemmaTab[lemmaKey{w, int8(t)}]; ok {
		return l
	}
	if upos[t] == "PROPN" {
		return word
	}
	return ruleLemma(w, t)
}

func hasSuffix(w, s string, min int) bool {
	return len(w) >= len(s)+min && strings.HasSuffix(w, s)
}

// ruleLemma strips regular inflection: plural nouns, verb forms in -s,
// -ed, -ing, comparative and superlative adjectives.
func ruleLemma(w string, t int) string {
	switch upos[t] {
	case "NOUN":
		switch {
		case hasSuffix(w, "ies", 2):
			return w[:len(w)-3] + "y"
		case hasSuffix(w, "sses", 1), hasSuffix(w, "xes", 1), hasSuffix(w, "ches", 1), hasSuffix(w, "shes", 1), hasSuffix(w, "zzes", 1):
			return w[:len(w)-2]
		case hasSuffix(w, "s", 2) && !hasSuffix(w, "ss", 0) && !hasSuffix(w, "us", 0) && !hasSuffix(w, "is", 0):
			return w[:len(w)-1]
		}
	case "VERB", "AUX":
		switch {
		case hasSuffix(w, "ies", 2), hasSuffix(w, "ied", 2):
			return w[:len(w)-3] + "y"
		case hasSuffix(w, "ing", 3):
			return undouble(w[:len(w)-3])
		case hasSuffix(w, "ed", 2):
			return undouble(w[:len(w)-2])
		case hasSuffix(w, "sses", 1), hasSuffix(w, "xes", 1), hasSuffix(w, "ches", 1), hasSuffix(w, "shes", 1):
			return w[:len(w)-2]
		case hasSuffix(w, "s", 2) && !hasSuffix(w, "ss", 0):
			return w[:len(w)-1]
		}
	case "ADJ":
		switch {
		case hasSuffix(w, "iest", 2):
			return w[:len(w)-4] + "y"
		case hasSuffix(w, "ier", 2):
			return w[:len(w)-3] + "y"
		}
	}
	return w
}

// undouble turns a doubled final consonant back into one (stopp -> stop).
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && strings.IndexByte("bdgmnprt", w[n-1]) >= 0 {
		return w[:n-1]
	}
	return w
}
