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
	"sync"

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
}

// NewModel returns an empty model with a weight table of 1<<bits entries.
func NewModel(bits uint) *Model {
	return &Model{Bits: bits, Threshold: 0.5, Weights: make([]float32, 1<<bits)}
}

//go:embed model.bin.gz
var embedded []byte

var (
	loadOnce  sync.Once
	loaded    *Model
	loadError error
)

// Default returns the embedded model, decoded once.
func Default() (*Model, error) {
	loadOnce.Do(func() {
		loaded, loadError = Decode(bytes.NewReader(embedded))
	})
	return loaded, loadError
}

var featPool = sync.Pool{New: func() any { return new(featurizer) }}

func (m *Model) featurizer() *featurizer {
	f := featPool.Get().(*featurizer)
	f.mask = uint32(1)<<m.Bits - 1
	return f
}

// Features returns the hashed feature indices of candidate c (the features
// the model scores). sent lists the sentence's named mentions in token order.
// It is meant for training programs; Extract does not need it.
func (m *Model) Features(d *text.Doc, c Candidate, sent []int) []uint32 {
	f := m.featurizer()
	defer featPool.Put(f)
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

const magic = "KGRE1\n"

// Encode writes the model, gzip-compressed: header, then the non-zero
// weights as (index delta, float32) pairs.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
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
	if string(head[:len(magic)]) != magic {
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
	return m, nil
}
