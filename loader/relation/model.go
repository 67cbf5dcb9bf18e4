package relation

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // the trained classifier ships in the binary
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader/gazetteer"
	"github.com/kgraph/kgraph/loader/text"
)

// Model is the pair classifier: a logistic regression over hashed features
// conjoined with the relation being scored. A pair is a relation when the
// probability reaches Threshold. A Model is read-only after construction and
// safe for concurrent use.
type Model struct {
	Bits      uint      // the weight table has 1<<Bits entries
	Threshold float64   // decision threshold on the probability
	Weights   []float32 // hashed feature weights
	Bias      float32   // shared bias (features carry per-relation biases)

	// PerRelation overrides Threshold for some relations.
	PerRelation map[graph.RelationType]float64

	// Parsed says the model was trained with dependency-path features:
	// it reads them from sentences that have a parse.
	Parsed bool
}

// Cut returns the decision threshold for relation rel.
func (m *Model) Cut(rel graph.RelationType) float64 {
	if t, ok := m.PerRelation[rel]; ok {
		return t
	}
	return m.Threshold
}

// NewModel returns an empty model with a weight table of 1<<bits entries.
func NewModel(bits uint) *Model {
	return &Model{Bits: bits, Threshold: 0.5, Weights: make([]float32, 1<<bits)}
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

var featPool = sync.Pool{New: func() any { return new(featurizer) }}

func (m *Model) featurizer(gaz *gazetteer.Tables) *featurizer {
	f := featPool.Get().(*featurizer)
	f.gaz = gaz
	f.mask = uint32(1)<<m.Bits - 1
	f.parsed = m.Parsed
	return f
}

// Features returns model m's hashed feature indices of candidate c (the features
// the model scores). sent lists the sentence's named mentions in token order.
// It is meant for training programs; Extract does not need it.
func (lx *Stage) Features(m *Model, d *text.Doc, c Candidate, sent []int) []uint32 {
	f := m.featurizer(lx.gaz)
	defer featPool.Put(f)
	f.reset()
	f.lower = lowerTokens(d.Sentences[d.Mentions[c.Head].Sent].Tokens, f.lower)
	f.features(d, c, sent)
	return append([]uint32(nil), f.out...)
}

// Score returns the probability of the feature vector.
func (m *Model) Score(feats []uint32) float64 {
	s := m.Bias
	for _, i := range feats {
		s += m.Weights[i]
	}
	return 1 / (1 + math.Exp(-float64(s)))
}

// Model file versions: 2 adds the per-relation thresholds after the
// weights.
const (
	magic1 = "KGRE1\n"
	magic  = "KGRE2\n"
	magic3 = "KGRE3\n" // KGRE2 and a flags byte: 1 = Parsed
)

// Encode writes the model, gzip-compressed: header, then the non-zero
// weights as (index delta, float32) pairs.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	if m.Parsed {
		bw.WriteString(magic3)
	} else {
		bw.WriteString(magic) // the same bytes as before the flag existed
	}
	var hdr [8]byte
	binary.LittleEndian.PutUint32(hdr[:4], uint32(m.Bits))
	binary.LittleEndian.PutUint32(hdr[4:], math.Float32bits(float32(m.Threshold)))
	bw.Write(hdr[:])
	binary.LittleEndian.PutUint32(hdr[:4], math.Float32bits(m.Bias))
	nz := 0
	for _, v := range m.Weights {
		if v != 0 {
			nz++
		}
	}
	binary.LittleEndian.PutUint32(hdr[4:], uint32(nz))
	bw.Write(hdr[:])
	var vb [binary.MaxVarintLen64]byte
	prev := 0
	for i, v := range m.Weights {
		if v == 0 {
			continue
		}
		n := binary.PutUvarint(vb[:], uint64(i-prev))
		bw.Write(vb[:n])
		binary.LittleEndian.PutUint32(hdr[:4], math.Float32bits(v))
		bw.Write(hdr[:4])
		prev = i
	}
	rels := make([]string, 0, len(m.PerRelation))
	for r := range m.PerRelation {
		rels = append(rels, string(r))
	}
	sort.Strings(rels)
	bw.WriteByte(byte(len(rels)))
	for _, r := range rels {
		bw.WriteByte(byte(len(r)))
		bw.WriteString(r)
		binary.LittleEndian.PutUint32(hdr[:4], math.Float32bits(float32(m.PerRelation[graph.RelationType(r)])))
		bw.Write(hdr[:4])
	}
	if m.Parsed {
		bw.WriteByte(1)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("relation: model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic)+16)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("relation: model header: %w", err)
	}
	version := 0
	switch string(head[:len(magic)]) {
	case magic1:
		version = 1
	case magic:
		version = 2
	case magic3:
		version = 3
	default:
		return nil, errors.New("relation: model: bad magic")
	}
	h := head[len(magic):]
	bits := uint(binary.LittleEndian.Uint32(h[0:]))
	if bits > 26 {
		return nil, fmt.Errorf("relation: model: table of 2^%d weights is too large", bits)
	}
	m := NewModel(bits)
	m.Threshold = float64(math.Float32frombits(binary.LittleEndian.Uint32(h[4:])))
	m.Bias = math.Float32frombits(binary.LittleEndian.Uint32(h[8:]))
	nz := int(binary.LittleEndian.Uint32(h[12:]))
	idx := 0
	var vb [4]byte
	for k := 0; k < nz; k++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("relation: model weights: %w", err)
		}
		idx += int(d)
		if idx >= len(m.Weights) {
			return nil, errors.New("relation: model: weight index out of range")
		}
		if _, err := io.ReadFull(br, vb[:]); err != nil {
			return nil, fmt.Errorf("relation: model weights: %w", err)
		}
		m.Weights[idx] = math.Float32frombits(binary.LittleEndian.Uint32(vb[:]))
	}
	if version >= 2 {
		n, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("relation: model thresholds: %w", err)
		}
		m.PerRelation = make(map[graph.RelationType]float64, n)
		for k := 0; k < int(n); k++ {
			l, err := br.ReadByte()
			if err != nil {
				return nil, fmt.Errorf("relation: model thresholds: %w", err)
			}
			buf := make([]byte, int(l)+4)
			if _, err := io.ReadFull(br, buf); err != nil {
				return nil, fmt.Errorf("relation: model thresholds: %w", err)
			}
			m.PerRelation[graph.RelationType(buf[:l])] = float64(math.Float32frombits(binary.LittleEndian.Uint32(buf[l:])))
		}
	}
	if version >= 3 {
		flags, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("relation: model flags: %w", err)
		}
		if flags > 1 {
			return nil, fmt.Errorf("relation: model: unknown flags %#x", flags)
		}
		m.Parsed = flags == 1
	}
	return m, nil
}
