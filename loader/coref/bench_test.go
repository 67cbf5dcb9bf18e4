package coref_test

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/loader/text"
)

// BenchmarkRefineResolve runs refine and coref on a news-style document of
// 40 sentences and reports mentions per second.
func BenchmarkRefineResolve(b *testing.B) {
	src := strings.Repeat(`
[ORG UNICEF] Executive Director [PER Anna Berg] met Foreign Minister of [LOC Uzbekistan] [PER Bakhtiyor Saidov] in [LOC Tashkent] .
The [ORG Uzbek Foreign Ministry] said the [MISC Asia Water Summit] would open in [LOC Dushanbe] .
The Executive Director praised the [MISC Clean Rivers Programme] and [PER Saidov] agreed .
The Uzbek diplomat said [ORG UN-Women] and the [ORG UNDP] would join the Fund .`, 10)
	base := mustDoc(b, src)
	sents := make([][]string, len(base.Sentences))
	for i, s := range base.Sentences {
		for _, t := range s.Tokens {
			sents[i] = append(sents[i], t.Text)
		}
	}
	spans := make([][]text.Span, len(sents))
	n := 0
	// mustDoc resolved base already; rebuild the NER spans from its named mentions.
	for _, m := range base.Mentions {
		if !m.Nominal && m.Label != "" {
			spans[m.Sent] = append(spans[m.Sent], text.Span{Start: m.Start, End: m.End, Label: m.Label})
			n++
		}
	}
	b.ResetTimer()
	for range b.N {
		d := text.FromTokens(sents)
		d.Spans = spans
		stages.Refine.Refine(d)
		stages.Coref.Resolve(d)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "mentions/s")
}
