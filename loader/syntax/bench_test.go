package syntax

import (
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// devSentences reads the EWT dev split, skipping the test when ../shared
// is absent.
func devSentences(tb testing.TB) []Sentence {
	tb.Helper()
	return ewtSentences(tb, "dev")
}

// ewtSentences reads the EWT split (train or dev), skipping the test when
// ../shared is absent.
func ewtSentences(tb testing.TB, split string) []Sentence {
	tb.Helper()
	f, err := os.Open("../../../shared/data/ud-ewt/" + split + ".conllu")
	if err != nil {
		tb.Skipf("EWT %s split not available: %v", split, err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func loadModel(tb testing.TB) *Model {
	tb.Helper()
	m, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// BenchmarkParse reports the speed of Parse (atoms, tagger, parser and
// lemmas) on the EWT dev sentences, in tokens per second on one core:
// tokens/s by the wall clock, tokens/cpu-s by the CPU time of the thread
// that parses (on a shared machine the wall clock also counts the time
// other processes hold the core).
func BenchmarkParse(b *testing.B) {
	benchParse(b, loadModel(b), devSentences(b))
}

// benchParse tags and parses the sentences in turn, b.N of them, on one
// locked thread, and reports the speed.
func benchParse(b *testing.B, m *Model, sents []Sentence) {
	var p Parse
	tokens := 0
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	cpu0 := threadCPU()
	for i := 0; i < b.N; i++ {
		s := sents[i%len(sents)]
		m.ParseInto(&p, s.Words)
		tokens += len(s.Words)
	}
	reportSpeed(b, tokens, threadCPU()-cpu0)
}

// reportSpeed reports tokens per wall-clock second and, where the thread's
// CPU time is known, per CPU second.
func reportSpeed(b *testing.B, tokens int, cpu time.Duration) {
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(tokens)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkParser reports the parser alone (tags computed beforehand; both
// directions and their vote where the model has them) on the EWT dev
// sentences, in tokens per second on one core.
func BenchmarkParser(b *testing.B) {
	sents := devSentences(b)
	m := loadModel(b)
	type tagged struct {
		at   []atoms
		tags []int8
	}
	in := make([]tagged, len(sents))
	var keys []uint64
	scores := make([]int32, 64)
	for i, s := range sents {
		x := tagged{at: make([]atoms, len(s.Words)), tags: make([]int8, len(s.Words))}
		for j, w := range s.Words {
			m.atomsOf(&x.at[j], w)
		}
		keys = tagSentence(m.tags.score, x.at, x.tags, keys, scores)
		in[i] = x
	}
	var st pstate
	var mm memo
	var bs beamScratch
	var es ensScratch
	tokens := 0
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	cpu0 := threadCPU()
	for i := 0; i < b.N; i++ {
		x := &in[i%len(in)]
		st.reset(len(x.at))
		st.toks = setToks(st.toks, x.at, x.tags)
		keys = m.parseTree(&st, &bs, &es, &mm, keys, scores)
		tokens += len(x.at)
	}
	reportSpeed(b, tokens, threadCPU()-cpu0)
}

// BenchmarkParseWidths reports Parse with beams of 1, 2, 4 and 8 items
// (the embedded model through WithBeam), to weigh speed against the
// accuracy that cmd/train-syntax -beam-sweep reports.
func BenchmarkParseWidths(b *testing.B) {
	sents := devSentences(b)
	base := loadModel(b)
	for _, k := range []int{1, 2, 4, 8} {
		b.Run("beam="+strconv.Itoa(k), func(b *testing.B) {
			benchParse(b, base.WithBeam(k), sents)
		})
	}
}

// BenchmarkParseDirections reports Parse with the left-to-right parser
// alone, the right-to-left one alone and the two voting (the embedded
// model through Direction), in one run: what the ensemble costs.
func BenchmarkParseDirections(b *testing.B) {
	sents := devSentences(b)
	base := loadModel(b)
	for _, dir := range []string{"left", "right", "both"} {
		b.Run(dir, func(b *testing.B) {
			benchParse(b, base.Direction(dir), sents)
		})
	}
}
