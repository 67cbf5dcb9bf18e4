package store

import (
	"encoding/binary"
	"errors"
	"math"
)

// enc appends values in the store's compact encoding: unsigned varints for
// numbers, a varint length before each string, IEEE bits for floats.
type enc struct{ b []byte }

func (e *enc) uint(v uint64)   { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) int(v int)       { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *enc) byte(v byte)     { e.b = append(e.b, v) }
func (e *enc) float(v float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }
func (e *enc) str(s string)    { e.uint(uint64(len(s))); e.b = append(e.b, s...) }

func (e *enc) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *enc) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// errCorrupt reports a value that does not decode; it means a bug or disk
// damage, never bad user input.
var errCorrupt = errors.New("store: corrupt value")

// dec reads what enc wrote. The first failure sticks in err and every later
// read returns zero values, so callers check err once at the end.
type dec struct {
	b   []byte
	err error
}

func (d *dec) fail() { d.err, d.b = errCorrupt, nil }

func (d *dec) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *dec) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *dec) bool() bool { return d.byte() == 1 }

func (d *dec) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *dec) str() string {
	n := d.uint()
	if uint64(len(d.b)) < n {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// count reads a list length and checks it against the bytes left (every
// element takes at least one byte), so corrupt input cannot ask for a huge
// allocation.
func (d *dec) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *dec) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// encodeIDs and decodeIDs are the alias index value: a list of entity
// numbers.
func encodeIDs(ids []uint64) []byte {
	e := enc{b: make([]byte, 0, 4*len(ids))}
	for _, id := range ids {
		e.uint(id)
	}
	return e.b
}

func decodeIDs(b []byte) ([]uint64, error) {
	d := dec{b: b}
	var out []uint64
	for len(d.b) > 0 && d.err == nil {
		out = append(out, d.uint())
	}
	return out, d.err
}
