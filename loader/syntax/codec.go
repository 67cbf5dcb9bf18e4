package syntax

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
//	"KGSYN", version byte (2: three tables; 3: four; 4: five; 6: seven)
//	beam width of the parser: uvarint (0 or 1: greedy)
//	relation labels: uvarint count, strings
//	clusters: uvarint count, then (word string, uvarint len<<24|bits) sorted by word
//	lemmas: uvarint count, then (word string, tag byte, lemma string) sorted
//	the tables (tagger, actions, relations[, labeller[, second tagging pass
//	  [, right-to-left actions, right-to-left relations]]]), each:
//	  uvarint classes, uvarint rows,
//	  rows feature keys, increasing: uvarint deltas,
//	  per row: uvarint bit set of its non-zero classes, then each non-zero
//	  int16 weight as a zig-zag varint
//
// A string is a uvarint byte length and the bytes.

// modelMagic is followed by a version byte: 2 for three tables, 3 with
// the arc labeller, 4 with the labeller and the second tagging pass, 6
// with those and the right-to-left parser (5 is not used).
const modelMagic = "KGSYN"

// limits that a valid model file respects
const (
	maxRows    = 1 << 24
	maxStrLen  = 1 << 10
	maxEntries = 1 << 22
	maxBeam    = 64
)

// WriteTo writes the model in the model file format. The same model
// always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	sv := func(x int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	tabs := []*table{m.tags, m.act, m.lab}
	if m.rel != nil {
		tabs = append(tabs, m.rel)
		if m.stack != nil {
			tabs = append(tabs, m.stack)
		}
	}
	if m.ract != nil {
		if len(tabs) != 5 {
			return 0, errors.New("syntax: a model with a right-to-left parser needs the arc labeller and the second tagging pass")
		}
		tabs = append(tabs, m.ract, m.rlab)
	}
	bw.WriteString(modelMagic)
	bw.WriteByte(byte(len(tabs) - 1))
	uv(uint64(max(m.beam, 0)))
	uv(uint64(len(m.labels)))
	for _, l := range m.labels {
		str(l)
	}
	words := make([]string, 0, len(m.clusters))
	for w := range m.clusters {
		words = append(words, w)
	}
	slices.Sort(words)
	uv(uint64(len(words)))
	for _, w := range words {
		str(w)
		uv(uint64(m.clusters[w]))
	}
	lk := make([]lemmaKey, 0, len(m.lemmaTab))
	for k := range m.lemmaTab {
		lk = append(lk, k)
	}
	slices.SortFunc(lk, func(a, b lemmaKey) int {
		if c := strings.Compare(a.w, b.w); c != 0 {
			return c
		}
		return int(a.t) - int(b.t)
	})
	uv(uint64(len(lk)))
	for _, k := range lk {
		str(k.w)
		bw.WriteByte(byte(k.t))
		str(m.lemmaTab[k])
	}
	for _, t := range tabs {
		keys := t.keys
		uv(uint64(t.nc))
		uv(uint64(len(keys)))
		prev := uint64(0)
		for _, k := range keys {
			uv(k - prev)
			prev = k
		}
		row := make([]int16, t.nc)
		for i := range keys {
			t.rowOf(i, row)
			var mask uint64
			for c, q := range row {
				if q != 0 {
					mask |= 1 << uint(c)
				}
			}
			uv(mask)
			for _, q := range row {
				if q != 0 {
					sv(int64(q))
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

// decoder reads the model format, remembering the first error.
type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) uv(max uint64, what string) uint64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.fail("%s: %w", what, noEOF(err))
		return 0
	}
	if x > max {
		d.fail("%s: %d exceeds %d", what, x, max)
		return 0
	}
	return x
}

func (d *decoder) sv(what string) int64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadVarint(d.r)
	if err != nil {
		d.fail("%s: %w", what, noEOF(err))
	}
	return x
}

func (d *decoder) str(what string) string {
	n := d.uv(maxStrLen, what)
	if d.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.fail("%s: %w", what, noEOF(err))
	}
	return string(b)
}

func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// Decode reads a model from r (used by Load and by tests with corrupt
// input). Any malformed or truncated input is an error.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("syntax: model: %w", err)
	}
	d := &decoder{r: bufio.NewReader(zr)}
	magic := make([]byte, len(modelMagic)+1)
	if _, err := io.ReadFull(d.r, magic); err != nil || string(magic[:len(modelMagic)]) != modelMagic || magic[len(modelMagic)] < 2 || magic[len(modelMagic)] > 6 || magic[len(modelMagic)] == 5 {
		return nil, errors.New("syntax: model: not a kgraph syntax model (bad magic)")
	}
	m := &Model{rootLabel: -1}
	m.beam = int(d.uv(maxBeam, "beam width"))
	nl := d.uv(64, "label count")
	for i := range nl {
		l := d.str("label")
		if l == "root" {
			m.rootLabel = int8(i)
		}
		m.labels = append(m.labels, l)
	}
	if d.err == nil && (nl == 0 || m.rootLabel < 0) {
		d.fail("labels: no root relation")
	}
	nc := d.uv(maxEntries, "cluster count")
	m.clusters = make(map[string]uint32, nc)
	for range nc {
		w := d.str("cluster word")
		v := d.uv(math.MaxUint32, "cluster path")
		if d.err != nil {
			break
		}
		if v>>24 > 24 {
			d.fail("cluster path of %q: %d bits", w, v>>24)
		}
		m.clusters[w] = uint32(v)
	}
	nlem := d.uv(maxEntries, "lemma count")
	m.lemmaTab = make(map[lemmaKey]string, nlem)
	for range nlem {
		w := d.str("lemma word")
		t, err := d.r.ReadByte()
		if err != nil {
			d.fail("lemma tag: %w", noEOF(err))
		}
		l := d.str("lemma")
		if d.err != nil {
			break
		}
		if int(t) >= nTags {
			d.fail("lemma of %q: tag %d", w, t)
		}
		m.lemmaTab[lemmaKey{w, int8(t)}] = l
	}
	want := []int{nTags, nActs, len(m.labels)}
	switch magic[len(modelMagic)] {
	case 3:
		want = append(want, len(m.labels))
	case 4:
		want = append(want, len(m.labels), nTags)
	case 6:
		want = append(want, len(m.labels), nTags, nActs, len(m.labels))
	}
	tabs := make([]*table, len(want))
	for i := range tabs {
		c := d.uv(64, "classes")
		if d.err == nil && int(c) != want[i] {
			d.fail("table %d: %d classes, want %d", i, c, want[i])
		}
		rows := d.uv(maxRows, "rows")
		if d.err != nil {
			break
		}
		keys := make([]uint64, rows)
		var prev uint64
		for j := range keys {
			delta := d.uv(math.MaxUint64, "key")
			if d.err != nil {
				break
			}
			if delta == 0 && (j > 0 || prev == 0) || prev+delta < prev {
				d.fail("table %d: keys not increasing", i)
				break
			}
			prev += delta
			keys[j] = prev
		}
		w := make([]int16, int(rows)*int(c))
		for j := 0; j < int(rows) && d.err == nil; j++ {
			mask := d.uv(1<<c-1, "row mask")
			if d.err == nil && mask == 0 {
				d.fail("table %d: empty row", i)
			}
			for k := 0; k < int(c) && d.err == nil; k++ {
				if mask&(1<<uint(k)) == 0 {
					continue
				}
				q := d.sv("weight")
				if d.err == nil && (q == 0 || q > math.MaxInt16 || q < math.MinInt16) {
					d.fail("table %d: weight %d out of range", i, q)
				}
				w[j*int(c)+k] = int16(q)
			}
		}
		if d.err != nil {
			break
		}
		tabs[i] = newTable(int(c), keys, w)
	}
	if d.err == nil {
		if _, err := d.r.ReadByte(); err != io.EOF {
			d.fail("trailing data after the model")
		}
	}
	if d.err == nil {
		// drain to make gzip verify its checksum
		if _, err := io.Copy(io.Discard, zr); err != nil {
			d.fail("%w", err)
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("syntax: model: %w", d.err)
	}
	m.tags, m.act, m.lab = tabs[0], tabs[1], tabs[2]
	if len(tabs) > 3 {
		m.rel = tabs[3]
	}
	if len(tabs) > 4 {
		m.stack = tabs[4]
	}
	if len(tabs) > 6 {
		m.ract, m.rlab = tabs[5], tabs[6]
		if m.beam < 2 {
			return nil, errors.New("syntax: model: a right-to-left parser in a greedy model")
		}
	}
	return m, nil
}
