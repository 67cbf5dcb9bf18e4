package relation

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed" // the trained scorer ships in the binary
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/text"
)

// Classes are the scorer's classes: index 0 is NONE (no relation), then
// every relation type of the vocabulary in its display order. A relation
// is directed: the pair (head, tail) is scored apart from (tail, head).
var Classes = func() []graph.RelationType {
	out := []graph.RelationType{""}
	for _, r := range graph.RelationTypes {
		out = append(out, r.Type)
	}
	return out
}()

// ClassIndex returns the index of relation type t in Classes: 0, NONE's,
// for a type that is no class.
func ClassIndex(t graph.RelationType) int { return classIndex[t] }

var classIndex = func() map[graph.RelationType]int {
	out := make(map[graph.RelationType]int, len(Classes))
	for k, c := range Classes[1:] {
		out[c] = k + 1
	}
	return out
}()

// Allowed returns the classes the vocabulary allows from a mention of type
// h to one of type t, as a bit set over Classes (NONE is always allowed).
func Allowed(h, t graph.EntityType) uint32 {
	if set, ok := allowedTable[[2]graph.EntityType{h, t}]; ok {
		return set
	}
	return 1
}

var allowedTable = func() map[[2]graph.EntityType]uint32 {
	out := map[[2]graph.EntityType]uint32{}
	for _, h := range graph.EntityTypes {
		for _, t := range graph.EntityTypes {
			set := uint32(1)
			for k := 1; k < len(Classes); k++ {
				if Classes[k].Allows(h.Type, t.Type) {
					set |= 1 << k
				}
			}
			out[[2]graph.EntityType{h.Type, t.Type}] = set
		}
	}
	return out
}()

// Model is the relation scorer: a multinomial logistic regression over
// hashed features, one weight per feature and class. The weight of feature
// hash h for class k sits at Slot(h, k) of one table. Probabilities are a
// softmax over the classes the pair's types allow, of the scores divided by
// Temperature (fitted on selection data, so that a probability of 0.8 is
// right about 80% of the time). A pair is given its most probable relation
// k when its probability reaches Cuts[k]; the graph keeps such a fact from
// GraphCuts[k]. Temperature and Cuts are fitted by cross-validation on the
// training data (CoNLL04 and news), GraphCuts on news facts alone: a
// relation CoNLL04 states often and news graphs seldom (LIVES_IN) needs
// more confidence in the graph than in the evaluation contract. A Model
// is read-only after construction and safe for concurrent use.
type Model struct {
	Bits        uint      // the weight table has 1<<Bits entries
	Weights     []float32 // hashed feature weights
	Temperature float32
	Cuts        []float32 // per class of Classes; Cuts[0] is unused
	GraphCuts   []float32 // per class: least confidence of a stored fact of it only the scorer gives; [0] unused
}

// GraphCut returns the least confidence of a stored fact of type t that
// only the scorer gives (1 for a type that is no class).
func (m *Model) GraphCut(t graph.RelationType) float32 {
	if k := ClassIndex(t); k > 0 {
		return m.GraphCuts[k]
	}
	return 1
}

// NewModel returns an empty model with a weight table of 1<<bits entries.
func NewModel(bits uint) *Model {
	m := &Model{Bits: bits, Weights: make([]float32, 1<<bits), Temperature: 1, Cuts: make([]float32, len(Classes)), GraphCuts: make([]float32, len(Classes))}
	for k := range m.Cuts {
		m.Cuts[k], m.GraphCuts[k] = 0.5, 0.5
	}
	return m
}

// Slot returns the index of the weight of feature hash h for class k.
func (m *Model) Slot(h uint64, k int) uint32 {
	return (slotBase(h) ^ classSalt(k)) & (1<<m.Bits - 1)
}

// slotBase and classSalt are the two halves of Slot: the feature's part,
// the same for every class, and the class's part.
func slotBase(h uint64) uint32 { return uint32(h) ^ uint32(h>>32) }
func classSalt(k int) uint32   { return uint32(k) * 0x9E3779B9 }

// Probs fills p (len(Classes)) with the class probabilities of the feature
// hashes feats over the classes in allowed; the others get 0.
func (m *Model) Probs(feats []uint64, allowed uint32, p []float64) {
	// Each class's score is the float32 sum of its features' weights in
	// feature order. The loop runs over features outside and classes
	// inside, which keeps that order per class (so the sums are the same
	// bits) while each feature's hash is mixed once and the table reads of
	// one feature, independent of each other, are under way together.
	// The slots are Slot's, from its two halves.
	var ks [32]uint32
	var sums [32]float32
	nk := 0
	for k := range Classes {
		if allowed&(1<<k) != 0 {
			ks[nk] = classSalt(k)
			nk++
		}
	}
	mask := uint32(1)<<m.Bits - 1
	w := m.Weights
	for _, h := range feats {
		base := slotBase(h)
		for j := range nk {
			sums[j] += w[(base^ks[j])&mask]
		}
	}
	mx := math.Inf(-1)
	j := 0
	for k := range Classes {
		p[k] = math.Inf(-1)
		if allowed&(1<<k) == 0 {
			continue
		}
		p[k] = float64(sums[j] / m.Temperature)
		j++
		mx = max(mx, p[k])
	}
	z := 0.0
	for k := range p {
		p[k] = math.Exp(p[k] - mx)
		z += p[k]
	}
	for k := range p {
		p[k] /= z
	}
}

// Decide returns the class a pair is given (0 for none) and its
// probability, from probabilities p as Probs fills them: the most probable
// relation when its probability reaches its cut.
func (m *Model) Decide(p []float64) (int, float64) {
	best := 1
	for k := 2; k < len(p); k++ {
		if p[k] > p[best] {
			best = k
		}
	}
	if p[best] == 0 || p[best] < float64(m.Cuts[best]) {
		return 0, p[0]
	}
	return best, p[best]
}

//go:embed model.bin.gz
var embedded []byte

// Load decodes the embedded model. A model that fails to decode is an
// error: the loader refuses to start rather than run without it.
func Load() (*Model, error) {
	m, err := Decode(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("relation: embedded model: %w", err)
	}
	return m, nil
}

// Pair is a candidate pair as the scorer sees it: head and tail mention
// indices, the classes their types allow and the feature hashes.
type Pair struct {
	Head, Tail int
	Sent       int
	Allowed    uint32
	Feats      []uint64
}

// Pairs runs Extract's patterns over d and returns every candidate pair
// with the features the scorer would read, instead of scoring them; d's
// relations are then the patterns' alone. It is meant for training
// programs.
func (lx *Stage) Pairs(d *text.Doc) []Pair {
	var out []Pair
	_ = lx.extract(context.Background(), d, &out)
	return out
}

// modelFile is what Encode writes, gob-encoded and gzip-compressed: the
// classes the model was trained on, with their cuts, and the non-zero
// weights as index deltas and values. Version changes when the meaning of
// a field does.
type modelFile struct {
	Version         int
	Bits            uint
	Temperature     float32
	Classes         []graph.RelationType
	Cuts, GraphCuts []float32
	Deltas          []uint32
	Values          []float32
}

const modelVersion = 4 // multi-class scorer with a graph cut per class, as a gob

// Encode writes the model (see modelFile).
func (m *Model) Encode(w io.Writer) error {
	f := modelFile{Version: modelVersion, Bits: m.Bits, Temperature: m.Temperature, Classes: Classes, Cuts: m.Cuts, GraphCuts: m.GraphCuts}
	prev := 0
	for i, v := range m.Weights {
		if v != 0 {
			f.Deltas, f.Values = append(f.Deltas, uint32(i-prev)), append(f.Values, v)
			prev = i
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(&f); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a model written by Encode. The classes it was trained on
// must be the vocabulary's, in the same order.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("relation: model: %w", err)
	}
	var f modelFile
	if err := gob.NewDecoder(zr).Decode(&f); err != nil {
		return nil, fmt.Errorf("relation: model: %w", err)
	}
	switch {
	case f.Version != modelVersion:
		return nil, fmt.Errorf("relation: model format %d, want %d: retrain it", f.Version, modelVersion)
	case f.Bits > 26:
		return nil, fmt.Errorf("relation: model: table of 2^%d weights is too large", f.Bits)
	case !slices.Equal(f.Classes, Classes):
		return nil, fmt.Errorf("relation: model classes %v, the vocabulary's %v: retrain it", f.Classes, Classes)
	case len(f.Cuts) != len(Classes) || len(f.GraphCuts) != len(Classes) || len(f.Deltas) != len(f.Values):
		return nil, errors.New("relation: model: cuts or weights of the wrong length")
	}
	m := NewModel(f.Bits)
	m.Temperature, m.Cuts, m.GraphCuts = f.Temperature, f.Cuts, f.GraphCuts
	idx := 0
	for k, d := range f.Deltas {
		if idx += int(d); idx >= len(m.Weights) {
			return nil, errors.New("relation: model: weight index out of range")
		}
		m.Weights[idx] = f.Values[k]
	}
	return m, m.check()
}

// check refuses parameters no training writes: a temperature that is not
// a positive number, a cut or weight that is not a finite number, a cut
// outside [0, 1]. A corrupt file then fails at Decode, not as NaN
// probabilities at extraction.
func (m *Model) check() error {
	t := float64(m.Temperature)
	if !(t > 0) || math.IsInf(t, 0) {
		return fmt.Errorf("relation: model: temperature %v is not a positive number", m.Temperature)
	}
	for k := 1; k < len(Classes); k++ {
		if c := m.Cuts[k]; !(c >= 0 && c <= 1) {
			return fmt.Errorf("relation: model: cut of %s %v is outside [0, 1]", Classes[k], c)
		}
		if c := m.GraphCuts[k]; !(c >= 0 && c <= 1) {
			return fmt.Errorf("relation: model: graph cut of %s %v is outside [0, 1]", Classes[k], c)
		}
	}
	for i, w := range m.Weights {
		if math.IsNaN(float64(w)) || math.IsInf(float64(w), 0) {
			return fmt.Errorf("relation: model: weight %d is %v", i, w)
		}
	}
	return nil
}
