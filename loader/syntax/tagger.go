package syntax

// upos is the Universal POS tag set; a tag is its index here.
var upos = [...]string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
	"PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

const nTags = len(upos)

// pseudo tags of parser positions
const (
	tagNone = nTags     // no token at this position
	tagRoot = nTags + 1 // the root
	tagBOS  = nTags + 2 // before the first token
)

func tagIndex(s string) int {
	for i, t := range upos {
		if t == s {
			return i
		}
	}
	return -1
}

var bosAtoms = atoms{form: 0x1b05, lower: 0x1b05, shape: 0x1b05}
var eosAtoms = atoms{form: 0xe05, lower: 0xe05, shape: 0xe05}

// tagFeatures appends the tagger's feature keys of token i, given the
// tags already chosen for the tokens before it.
func tagFeatures(keys []uint64, at []atoms, tags []int8, i int) []uint64 {
	get := func(j int) *atoms {
		if j < 0 {
			return &bosAtoms
		}
		if j >= len(at) {
			return &eosAtoms
		}
		return &at[j]
	}
	tag := func(j int) uint64 {
		if j < 0 {
			return uint64(tagBOS)
		}
		return uint64(tags[j])
	}
	a := &at[i]
	p1, p2, n1, n2 := get(i-1), get(i-2), get(i+1), get(i+2)
	t1, t2 := tag(i-1), tag(i-2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	keys = append(keys,
		key1(1, 0),
		key1(2, a.lower),
		key1(3, a.form),
		key1(4, a.shape),
		key1(5, a.pre[0]), key1(6, a.pre[1]), key1(7, a.pre[2]),
		key1(8, a.suf[0]), key1(9, a.suf[1]), key1(10, a.suf[2]), key1(11, a.suf[3]),
		key1(12, a.cl[0]), key1(13, a.cl[1]), key1(14, a.cl[2]),
		key1(15, a.flags),
		key2(16, a.shape, first),
		key1(17, p1.lower), key1(18, n1.lower), key1(19, p2.lower), key1(20, n2.lower),
		key1(21, p1.suf[2]), key1(22, n1.suf[2]), key1(23, n1.shape), key1(24, p1.shape),
		key1(25, p1.cl[1]), key1(26, n1.cl[1]), key1(27, n2.cl[0]),
		key1(28, t1), key1(29, t2), key2(30, t1, t2), key2(31, t1, a.lower),
		key2(32, p1.lower, a.lower), key2(33, a.lower, n1.lower),
		key2(34, t1, a.suf[2]), key2(35, a.shape, n1.shape),
		key2(36, t1, n1.lower),
	)
	if a.part != 0 {
		keys = append(keys, key1(37, a.part), key1(38, a.partSuf), key1(39, a.partCl))
	}
	return keys
}

// tagSentence tags at greedily left to right into tags.
func tagSentence(score func([]int32, []uint64), at []atoms, tags []int8, keys []uint64, scores []int32) []uint64 {
	return tagGreedy(score, len(at), tags, keys, scores, func(keys []uint64, i int) []uint64 {
		return tagFeatures(keys, at, tags, i)
	})
}

// tagGreedy tags n tokens left to right into tags, each by the best score
// of the feature keys feats gives token i after the tags before it.
func tagGreedy(score func([]int32, []uint64), n int, tags []int8, keys []uint64, scores []int32, feats func(keys []uint64, i int) []uint64) []uint64 {
	for i := range n {
		keys = feats(keys[:0], i)
		score(scores, keys)
		tags[i] = int8(argmax(scores[:nTags]))
	}
	return keys
}

// argmax is the index of the highest score, the first of equal ones.
func argmax(scores []int32) int {
	best := 0
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// The second tagging pass (stacking) reads, besides the features of the
// first, the first pass's tags of the token and of its neighbours on both
// sides, so a tag can depend on the words to its right as they were
// tagged. It learns from the jackknifed first-pass tags of the training
// data (each quarter tagged by a tagger that did not see it), the kind of
// tags the first pass gives on unseen text.

// stackedFeatures appends the second pass's feature keys of token i, given
// the first pass's tags t1 and the second pass's tags before i.
func stackedFeatures(keys []uint64, at []atoms, tags, t1 []int8, i int) []uint64 {
	keys = tagFeatures(keys, at, tags, i)
	pt := func(j int) uint64 {
		if j < 0 {
			return uint64(tagBOS)
		}
		if j >= len(t1) {
			return uint64(tagBOS + 1)
		}
		return uint64(t1[j])
	}
	prev := uint64(tagBOS)
	if i > 0 {
		prev = uint64(tags[i-1])
	}
	a := &at[i]
	return append(keys,
		key1(60, pt(i)), key1(61, pt(i+1)), key1(62, pt(i+2)), key2(63, pt(i+1), pt(i+2)),
		key2(64, pt(i), pt(i+1)), key2(65, a.lower, pt(i+1)), key3(66, prev, pt(i), pt(i+1)),
		key2(67, pt(i-1), pt(i+1)), key2(68, a.lower, pt(i)), key2(69, a.suf[2], pt(i+1)))
}

// tagStacked tags at greedily left to right into tags, reading the first
// pass's tags t1.
func tagStacked(score func([]int32, []uint64), at []atoms, t1, tags []int8, keys []uint64, scores []int32) []uint64 {
	return tagGreedy(score, len(at), tags, keys, scores, func(keys []uint64, i int) []uint64 {
		return stackedFeatures(keys, at, tags, t1, i)
	})
}
