package loader

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/loader/text"
)

// Explain writes a readable account of what the stages found in d, sentence
// by sentence: the tokens with their NER tags, UPOS tags and dependency
// heads and relations (when the binary has a parser), the mentions with
// their types and entities, and the facts with their basis and whether the
// graph keeps them (and if not, why). It is what `kgraph extract --explain`
// prints; d comes from ExtractDoc.
func (l *Loader) Explain(w io.Writer, d *text.Doc) error {
	n := graphNodes(l.gaz, d)
	ids := n.ids
	bySent := make([][]int, len(d.Sentences))
	for i, m := range d.Mentions {
		if m.Sent >= 0 && m.Sent < len(d.Sentences) {
			bySent[m.Sent] = append(bySent[m.Sent], i)
		}
	}
	relBySent := make([][]int, len(d.Sentences))
	for i, r := range d.Relations {
		if r.Sent >= 0 && r.Sent < len(d.Sentences) {
			relBySent[r.Sent] = append(relBySent[r.Sent], i)
		}
	}
	var b strings.Builder
	stages := make([]string, len(l.p.Stages))
	for i, s := range l.p.Stages {
		stages[i] = s.Name()
	}
	note := ""
	if !slices.Contains(stages, "syntax") {
		note = " (no graph stage reads the parse yet; the parse below is for this listing)"
	}
	if _, err := fmt.Fprintf(w, "stages: %s%s\n", strings.Join(stages, " → "), note); err != nil {
		return err
	}
	for si, s := range d.Sentences {
		b.Reset()
		fmt.Fprintf(&b, "\n── sentence %d [bytes %d–%d]\n%s\n", si+1, s.Start, s.End, oneLine(d.Text[s.Start:s.End]))
		ner := nerTags(d, si)
		fmt.Fprintf(&b, "  %3s  %-20s %-6s %-5s %4s  %s\n", "#", "token", "ner", "upos", "head", "deprel")
		for i, t := range s.Tokens {
			upos, head, rel := "-", "-", "-"
			if sx := s.Syntax; sx != nil && i < len(sx.UPOS) {
				upos, head, rel = sx.UPOS[i], strconv.Itoa(sx.Head[i]), sx.Deprel[i]
				if sx.Head[i] > 0 && sx.Head[i] <= len(s.Tokens) {
					rel += " ← " + s.Tokens[sx.Head[i]-1].Text
				}
			}
			fmt.Fprintf(&b, "  %3d  %-20s %-6s %-5s %4s  %s\n", i+1, clip(t.Text, 20), ner[i], upos, head, rel)
		}
		if len(bySent[si]) > 0 {
			b.WriteString("  mentions:\n")
		}
		for _, mi := range bySent[si] {
			m := d.Mentions[mi]
			ent := "no entity"
			if m.Entity >= 0 && m.Entity < len(d.Entities) {
				ent = "entity " + ids[m.Entity] + " " + strconv.Quote(d.Entities[m.Entity].Name)
				if c := n.node[m.Entity]; c >= 0 && c != m.Entity {
					ent = "the stock symbol of entity " + ids[c] + " " + strconv.Quote(d.Entities[c].Name)
				}
				if ids[m.Entity] == "" {
					ent = "entity left out of the graph " + strconv.Quote(d.Entities[m.Entity].Name)
				}
			}
			how := "ner " + m.Label
			if m.Nominal {
				how = "description"
			}
			fmt.Fprintf(&b, "    m%d tokens %d–%d %q %s (%s) → %s%s\n", mi, m.Start+1, m.End, d.MentionText(m), m.Type, how, ent, mentionNotes(m))
		}
		if len(relBySent[si]) > 0 {
			b.WriteString("  facts:\n")
		}
		for _, ri := range relBySent[si] {
			r := d.Relations[ri]
			verdict := "kept"
			if why := dropReason(d, n, r, l.minConfidence); why != "" {
				verdict = "left out: " + why
			}
			basis := r.Attrs["basis"]
			if basis == "" {
				basis = "pattern"
			}
			fmt.Fprintf(&b, "    m%d %q %s m%d %q  basis %s, confidence %.2f%s — %s\n", r.Head, d.MentionText(d.Mentions[r.Head]), r.Type,
				r.Tail, d.MentionText(d.Mentions[r.Tail]), basis, r.Confidence, attrNotes(r.Attrs, "basis"), verdict)
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// nerTags returns the BIO tags of the NER spans of sentence si.
func nerTags(d *text.Doc, si int) []string {
	tags := make([]string, len(d.Sentences[si].Tokens))
	for i := range tags {
		tags[i] = "O"
	}
	if si < len(d.Spans) {
		for _, sp := range d.Spans[si] {
			for k := sp.Start; k < sp.End && k < len(tags); k++ {
				p := "I-"
				if k == sp.Start {
					p = "B-"
				}
				tags[k] = p + sp.Label
			}
		}
	}
	return tags
}

func mentionNotes(m text.Mention) string {
	var parts []string
	for _, f := range []struct{ k, v string }{{"name", m.Name}, {"canonical", m.Canonical}, {"honorific", m.Honorific}, {"modifier", m.Modifier}} {
		if f.v != "" {
			parts = append(parts, f.k+"="+strconv.Quote(f.v))
		}
	}
	s := attrNotes(m.Attrs, "")
	if len(parts) > 0 {
		s = ", " + strings.Join(parts, ", ") + s
	}
	return s
}

// attrNotes renders attributes other than skip as ", k=v" in key order.
func attrNotes(a map[string]string, skip string) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(a)) {
		if k != skip && a[k] != "" {
			fmt.Fprintf(&b, ", %s=%q", k, a[k])
		}
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
