package relation

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// BuildDoc lets the external tests use buildDoc.
var BuildDoc = buildDoc

// buildDoc makes a document from sentences written with inline mentions:
// "[PERSON Lena Holm] met [ORGANIZATION#2 UNDP] ." Tokens are separated by
// spaces. A mention is "[TYPE words]"; "TYPE#n" puts it in entity n (mentions
// without a number get an entity of their own); "TYPE~#n" makes it a nominal
// mention of entity n.
func buildDoc(t testing.TB, date string, sents ...string) *text.Doc {
	t.Helper()
	type pending struct {
		sent, start, end int
		typ              graph.EntityType
		ent              string
		nominal          bool
	}
	var toks [][]string
	var ms []pending
	for si, s := range sents {
		var words []string
		fields := strings.Fields(s)
		for i := 0; i < len(fields); i++ {
			f := fields[i]
			if !strings.HasPrefix(f, "[") || len(f) == 1 {
				words = append(words, f)
				continue
			}
			spec := f[1:]
			p := pending{sent: si, start: len(words)}
			if typ, ent, ok := strings.Cut(spec, "#"); ok {
				spec, p.ent = typ, ent
			}
			if strings.HasSuffix(spec, "~") {
				spec, p.nominal = strings.TrimSuffix(spec, "~"), true
			}
			p.typ = graph.EntityType(spec)
			for i++; i < len(fields); i++ {
				w := fields[i]
				if strings.HasSuffix(w, "]") && len(w) > 1 {
					words = append(words, strings.TrimSuffix(w, "]"))
					break
				}
				words = append(words, w)
			}
			p.end = len(words)
			ms = append(ms, p)
		}
		toks = append(toks, words)
	}
	d := text.FromTokens(toks)
	d.Date = date
	ents := map[string]int{}
	for k, p := range ms {
		e, ok := ents[p.ent]
		if !ok || p.ent == "" {
			e = len(d.Entities)
			if p.ent != "" {
				ents[p.ent] = e
			}
			d.Entities = append(d.Entities, text.Entity{Type: p.typ})
		}
		d.Mentions = append(d.Mentions, text.Mention{Sent: p.sent, Start: p.start, End: p.end, Type: p.typ, Entity: e, Nominal: p.nominal})
		d.Entities[e].Mentions = append(d.Entities[e].Mentions, k)
		if !p.nominal && d.Entities[e].Name == "" {
			d.Entities[e].Name = d.MentionText(d.Mentions[k])
		}
	}
	return d
}
