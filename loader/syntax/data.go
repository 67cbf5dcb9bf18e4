package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one annotated sentence of a CoNLL-U treebank: its syntactic
// words (multiword ranges and empty nodes left out).
type Sentence struct {
	Words  []string
	Lemma  []string
	UPOS   []string
	Head   []int // 1-based, 0 = root
	Deprel []string
	// glued[i] reports that word i is written without a space before the
	// next word (SpaceAfter=No).
	glued []bool
}

// ReadCoNLLU reads the sentences of a CoNLL-U file.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	flush := func() error {
		if len(cur.Words) == 0 {
			return nil
		}
		for i, h := range cur.Head {
			if h < 0 || h > len(cur.Words) {
				return fmt.Errorf("line %d: head %d of word %d out of range", line, h, i+1)
			}
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if s[0] == '#' {
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue
		}
		h, err := strconv.Atoi(cols[6])
		if err != nil {
			return nil, fmt.Errorf("line %d: head %q", line, cols[6])
		}
		cur.Words = append(cur.Words, cols[1])
		cur.Lemma = append(cur.Lemma, cols[2])
		cur.UPOS = append(cur.UPOS, cols[3])
		cur.Head = append(cur.Head, h)
		cur.Deprel = append(cur.Deprel, cols[7])
		cur.glued = append(cur.glued, strings.Contains(cols[9], "SpaceAfter=No"))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// joinHyphens rewrites the hyphenated compounds that EWT splits
// (15 - year, anti - war) into the single tokens kgraph's tokenizer makes
// (15-year, anti-war): a run word "-" word ... written without spaces
// becomes one word whose tag, head and relation are those of the part
// that heads the run. Runs whose parts have more than one head outside
// the run are left alone.
func joinHyphens(s Sentence) (Sentence, bool) {
	n := len(s.Words)
	changed := false
	// group[i] is the index of the new word that old word i becomes.
	group := make([]int, n)
	var spans [][2]int
	for i := 0; i < n; {
		j := i
		for j+2 < n && s.Words[j+1] == "-" && s.glued[j] && s.glued[j+1] &&
			isWordy(s.Words[j]) && isWordy(s.Words[j+2]) {
			j += 2
		}
		spans = append(spans, [2]int{i, j + 1})
		i = j + 1
	}
	if len(spans) == n {
		return s, false
	}
	var out Sentence
	for k, sp := range spans {
		for i := sp[0]; i < sp[1]; i++ {
			group[i] = k
		}
	}
	for _, sp := range spans {
		// the head of the run: the one part whose head lies outside it
		hd := -1
		for i := sp[0]; i < sp[1]; i++ {
			h := s.Head[i] - 1
			if h < sp[0] || h >= sp[1] {
				if hd >= 0 {
					return s, false
				}
				hd = i
			}
		}
		if hd < 0 {
			return s, false
		}
		if sp[1]-sp[0] > 1 {
			changed = true
		}
		out.Words = append(out.Words, strings.Join(s.Words[sp[0]:sp[1]], ""))
		out.Lemma = append(out.Lemma, strings.ToLower(strings.Join(s.Words[sp[0]:sp[1]], "")))
		if sp[1]-sp[0] == 1 {
			out.Lemma[len(out.Lemma)-1] = s.Lemma[hd]
		}
		out.UPOS = append(out.UPOS, s.UPOS[hd])
		h := s.Head[hd]
		if h > 0 {
			h = group[h-1] + 1
		}
		out.Head = append(out.Head, h)
		out.Deprel = append(out.Deprel, s.Deprel[hd])
		out.glued = append(out.glued, s.glued[sp[1]-1])
	}
	return out, changed
}

func isWordy(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return w != ""
}
