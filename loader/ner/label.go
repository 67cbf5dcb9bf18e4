package ner

// The model predicts BILOU tags: O, then Begin, Inside, Last and Unit for
// each of the four entity types. Label 0 is O; label 1+4*t+p is position p
// (bB, bI, bL, bU) of type t.
const (
	nTypes  = 4
	nLabels = 1 + 4*nTypes
	// nHist is the number of states a previous prediction can be in for the
	// history features: the labels plus "before the sentence".
	nHist = nLabels + 1
	start = nLabels
)

const (
	bB = iota
	bI
	bL
	bU
)

// TypeNames are the entity labels the model emits, in type-index order.
var TypeNames = [nTypes]string{"PER", "ORG", "LOC", "MISC"}

func typeIndex(name string) int {
	for i, n := range TypeNames {
		if n == name {
			return i
		}
	}
	return -1
}

func label(t, pos int) int { return 1 + 4*t + pos }

// labelType returns the entity type of label y, or -1 for O (and start).
func labelType(y int) int {
	if y == 0 || y >= nLabels {
		return -1
	}
	return (y - 1) / 4
}

func labelPos(y int) int { return (y - 1) % 4 }

// inside reports whether label y leaves an entity open (B or I).
func inside(y int) bool {
	if y == 0 || y >= nLabels {
		return false
	}
	p := labelPos(y)
	return p == bB || p == bI
}

// allowed[prev][y] says whether label y may follow prev inside a sentence;
// allowedLast is the same for the last token, where nothing may stay open.
var allowed, allowedLast = buildAllowed()

// preds[y] lists the labels that may precede y inside a sentence, in
// increasing order: the Viterbi recursion visits only these.
var preds = buildPreds()

func buildPreds() (p [nLabels][]int8) {
	for y := 0; y < nLabels; y++ {
		for yp := 0; yp < nLabels; yp++ {
			if allowed[yp][y] {
				p[y] = append(p[y], int8(yp))
			}
		}
	}
	return p
}

func buildAllowed() (a, last [nHist][nLabels]bool) {
	for prev := 0; prev < nHist; prev++ {
		for y := 0; y < nLabels; y++ {
			ok := false
			if inside(prev) {
				ok = labelType(y) == labelType(prev) && (labelPos(y) == bI || labelPos(y) == bL)
			} else {
				ok = y == 0 || labelPos(y) == bB || labelPos(y) == bU
			}
			a[prev][y] = ok
			last[prev][y] = ok && !inside(y)
		}
	}
	return a, last
}

// spanLabels converts IOB (IOB1 or IOB2) tags into BILOU label indices.
// Unknown types become O.
func spanLabels(tags []string) []int8 {
	out := make([]int8, len(tags))
	type span struct{ s, e, t int }
	var spans []span
	cur := -1
	st := 0
	for i := 0; i <= len(tags); i++ {
		tag := "O"
		if i < len(tags) {
			tag = tags[i]
		}
		var kind string
		if len(tag) > 2 && tag[1] == '-' {
			kind = tag[2:]
		}
		t := typeIndex(kind)
		if tag == "O" || t < 0 || tag[0] == 'B' || t != cur {
			if cur >= 0 {
				spans = append(spans, span{st, i, cur})
			}
			cur = -1
			if t >= 0 {
				cur, st = t, i
			}
		}
	}
	for _, sp := range spans {
		if sp.e-sp.s == 1 {
			out[sp.s] = int8(label(sp.t, bU))
			continue
		}
		out[sp.s] = int8(label(sp.t, bB))
		for j := sp.s + 1; j < sp.e-1; j++ {
			out[j] = int8(label(sp.t, bI))
		}
		out[sp.e-1] = int8(label(sp.t, bL))
	}
	return out
}
