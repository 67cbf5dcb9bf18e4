package syntax

import (
	"strconv"
	"strings"
)

// Agreed parses words with each parser of an ensemble model alone and
// returns the tree when the two agree on every head and, in its
// universal part, every relation: such trees of unlabeled text are far
// more often right than a single parse, and the parsers can learn from
// them (TrainConfig.Extra; tri-training after Li, Zhang and Chen 2014 and
// Weiss et al. 2015, with the two directions as the two parsers). The
// tags are the tagger's, the relations the arc labeller's. ok is false
// when the parses differ or m has one direction only.
func (m *Model) Agreed(words []string) (s Sentence, ok bool) {
	if !m.Ensemble() || len(words) == 0 {
		return Sentence{}, false
	}
	left := m.Direction("left").Parse(words)
	right := m.Direction("right").WithoutLabeller().Parse(words)
	for i := range words {
		if left.Head[i] != right.Head[i] || universal(left.Deprel[i]) != universal(right.Deprel[i]) {
			return Sentence{}, false
		}
	}
	return Sentence{Words: words, Lemma: left.Lemma, UPOS: left.UPOS, Head: left.Head, Deprel: left.Deprel}, true
}

// universal is a relation without its subtype (nmod:poss → nmod).
func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// WriteCoNLLU writes s as one CoNLL-U sentence (ID, FORM, LEMMA, UPOS,
// HEAD and DEPREL filled, the other columns "_") followed by a blank line.
func (s Sentence) WriteCoNLLU(b *strings.Builder) {
	for i, w := range s.Words {
		lemma := "_"
		if i < len(s.Lemma) && s.Lemma[i] != "" {
			lemma = s.Lemma[i]
		}
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteByte('\t')
		b.WriteString(w)
		b.WriteByte('\t')
		b.WriteString(lemma)
		b.WriteByte('\t')
		b.WriteString(s.UPOS[i])
		b.WriteString("\t_\t_\t")
		b.WriteString(strconv.Itoa(s.Head[i]))
		b.WriteByte('\t')
		b.WriteString(s.Deprel[i])
		b.WriteString("\t_\t_\n")
	}
	b.WriteByte('\n')
}
