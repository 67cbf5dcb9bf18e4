package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// The model file is gzip-compressed binary:
//
//	"KGNER\x01"
//	uvarint n, then n gazetteer entries sorted by key: uvarint key delta, mask byte
//	uvarint number of stages, then per stage:
//	  uvarint rows, float32 scale (little endian)
//	  rows feature keys, sorted: uvarint deltas
//	  per row: uvarint bit set of non-zero labels, then a zig-zag varint
//	  per non-zero weight (weight = value * scale)
//
// The cluster file is gzip-compressed text, one "bits<TAB>word" line per word.

const modelMagic = "KGNER\x01"

// ReadClusters reads a gzip-compressed cluster file: lines "bits\tword"
// where bits is the word's path of 0s and 1s (at most 24).
func ReadClusters(r io.Reader) (map[string]uint32, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	out := make(map[string]uint32)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		bits, word, ok := strings.Cut(line, "\t")
		if !ok || len(bits) == 0 || len(bits) > 24 {
			return nil, fmt.Errorf("bad cluster line %q", line)
		}
		var p uint32
		for _, c := range bits {
			p <<= 1
			if c == '1' {
				p |= 1
			}
		}
		out[word] = uint32(len(bits))<<24 | p
	}
	return out, sc.Err()
}

// WriteClusters writes word paths (strings of 0s and 1s) as a
// gzip-compressed cluster file, sorted by path then word.
func WriteClusters(w io.Writer, paths map[string]string) error {
	type wp struct{ w, p string }
	all := make([]wp, 0, len(paths))
	for w, p := range paths {
		all = append(all, wp{w, p})
	}
	slices.SortFunc(all, func(a, b wp) int {
		if c := strings.Compare(a.p, b.p); c != 0 {
			return c
		}
		return strings.Compare(a.w, b.w)
	})
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, x := range all {
		bw.WriteString(x.p)
		bw.WriteByte('\t')
		bw.WriteString(x.w)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// WriteTo writes the model (without its clusters) in the model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	sv := func(x int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], x)]) }
	bw.WriteString(modelMagic)
	gk := make([]uint64, 0, len(m.gaz))
	for k := range m.gaz {
		gk = append(gk, k)
	}
	slices.Sort(gk)
	uv(uint64(len(gk)))
	prev := uint64(0)
	for _, k := range gk {
		uv(k - prev)
		bw.WriteByte(m.gaz[k])
		prev = k
	}
	uv(uint64(len(m.stages)))
	for _, l := range m.stages {
		type kr struct {
			k uint64
			w [nLabels]float32
		}
		var rows []kr
		maxAbs := float32(0)
		l.each(func(k uint64, w *[nLabels]float32) {
			rows = append(rows, kr{k, *w})
			for _, x := range w {
				maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
			}
		})
		slices.SortFunc(rows, func(a, b kr) int {
			if a.k < b.k {
				return -1
			}
			if a.k > b.k {
				return 1
			}
			return 0
		})
		scale := maxAbs / 32767
		if scale == 0 {
			scale = 1
		}
		uv(uint64(len(rows)))
		binary.LittleEndian.PutUint32(tmp[:4], math.Float32bits(scale))
		bw.Write(tmp[:4])
		prev = 0
		for _, x := range rows {
			uv(x.k - prev)
			prev = x.k
		}
		for _, x := range rows {
			w := x.w
			var q [nLabels]int64
			var set uint64
			for y, v := range w {
				q[y] = int64(math.Round(float64(v / scale)))
				if q[y] != 0 {
					set |= 1 << y
				}
			}
			uv(set)
			for y := range q {
				if q[y] != 0 {
					sv(q[y])
				}
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	err := zw.Close()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadModel reads a model file written by WriteTo; clusters come from
// ReadClusters (nil for a model trained without clusters).
func ReadModel(r io.Reader, clusters map[string]uint32) (*Model, error) {
	// The clustered words' atoms are computed while the file is decoded.
	words := &Model{}
	done := make(chan struct{})
	go func() {
		words.setClusters(clusters)
		close(done)
	}()
	m, err := readModel(r)
	<-done
	if err != nil {
		return nil, err
	}
	m.words, m.wordList, m.wordClus, m.wordAtoms = words.words, words.wordList, words.wordClus, words.wordAtoms
	m.gazTab = newGazTable(m.gaz)
	for _, l := range m.stages {
		l.cache(m)
	}
	return m, nil
}

// setClusters installs the word clusters, numbering the words in sorted
// order.
func (m *Model) setClusters(c map[string]uint32) {
	m.wordList = make([]string, 0, len(c))
	for w := range c {
		m.wordList = append(m.wordList, w)
	}
	slices.Sort(m.wordList)
	m.words = make(map[string]int32, len(c))
	m.wordClus = make([]uint32, len(c))
	for i, w := range m.wordList {
		m.words[w] = int32(i)
		m.wordClus[i] = c[w]
	}
	// The atoms of every clustered word, so that a known token is
	// reduced to atoms by one look-up.
	m.wordAtoms = nil
	wa := make([]atoms, len(m.wordList))
	sc := newScratch()
	for i, w := range m.wordList {
		m.atomize(w, &wa[i], sc)
	}
	m.wordAtoms = wa
}

func readModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("not a model file")
	}
	var rerr error
	uv := func() uint64 {
		x, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	m := &Model{}
	n := uv()
	if n > 1<<26 {
		return nil, errors.New("gazetteer too large")
	}
	m.gaz = make(map[uint64]uint8, n)
	k := uint64(0)
	for i := uint64(0); i < n && rerr == nil; i++ {
		k += uv()
		b, err := br.ReadByte()
		if err != nil {
			return nil, err
		}
		m.gaz[k] = b
	}
	ns := uv()
	if ns < 1 || ns > 2 {
		return nil, fmt.Errorf("bad stage count %d", ns)
	}
	for s := uint64(0); s < ns && rerr == nil; s++ {
		rows := uv()
		if rows > 1<<26 {
			return nil, errors.New("too many features")
		}
		var sb [4]byte
		if _, err := io.ReadFull(br, sb[:]); err != nil {
			return nil, err
		}
		scale := math.Float32frombits(binary.LittleEndian.Uint32(sb[:]))
		keys := make([]uint64, rows)
		k = 0
		for i := range keys {
			k += uv()
			keys[i] = k
		}
		w := make([]float32, int(rows)*nLabels)
		q := make([]int16, int(rows)*nLabels) // nil once a weight does not fit
		for i := uint64(0); i < rows && rerr == nil; i++ {
			set := uv()
			for y := 0; y < nLabels; y++ {
				if set&(1<<y) != 0 {
					v, err := binary.ReadVarint(br)
					if err != nil {
						return nil, err
					}
					w[int(i)*nLabels+y] = float32(v) * scale
					if q != nil && v >= math.MinInt16 && v <= math.MaxInt16 {
						q[int(i)*nLabels+y] = int16(v)
					} else {
						q = nil
					}
				}
			}
		}
		if q != nil {
			m.stages = append(m.stages, newQuantLinear(keys, q, scale))
		} else {
			m.stages = append(m.stages, newLinear(keys, w))
		}
	}
	if rerr != nil {
		return nil, rerr
	}
	return m, nil
}
