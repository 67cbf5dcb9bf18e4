package store

import (
	"encoding/base64"
	"encoding/binary"

	"github.com/kgraph/kgraph/graph"
)

// Cursors are opaque to clients: base64 of one byte naming the form and
// either the last key of the page (for lists read straight from an index)
// or an offset (for lists that are ranked or merged in memory).
const (
	cursorKey    = 'k'
	cursorOffset = 'o'
)

// pageSize validates First: 0 means graph.DefaultPageSize.
func pageSize(p graph.PageRequest) (int, error) {
	switch {
	case p.First < 0:
		return 0, graph.Errorf(graph.EINVALID, "first must not be negative, got %d", p.First)
	case p.First > graph.MaxPageSize:
		return 0, graph.Errorf(graph.EINVALID, "first must be at most %d, got %d", graph.MaxPageSize, p.First)
	case p.First == 0:
		return graph.DefaultPageSize, nil
	}
	return p.First, nil
}

func keyCursor(key []byte) string {
	return base64.RawURLEncoding.EncodeToString(append([]byte{cursorKey}, key...))
}

func offsetCursor(n int) string {
	return base64.RawURLEncoding.EncodeToString(binary.AppendUvarint([]byte{cursorOffset}, uint64(n)))
}

// afterKey decodes a key cursor; nil for "".
func afterKey(after string) ([]byte, error) {
	if after == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(after)
	if err != nil || len(b) < 2 || b[0] != cursorKey {
		return nil, graph.Errorf(graph.EINVALID, "invalid cursor %q", after)
	}
	return b[1:], nil
}

// afterOffset decodes an offset cursor into the index of the next item.
func afterOffset(after string) (int, error) {
	if after == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(after)
	if err == nil && len(b) > 1 && b[0] == cursorOffset {
		if n, k := binary.Uvarint(b[1:]); k > 0 && n < 1<<31 {
			return int(n) + 1, nil
		}
	}
	return 0, graph.Errorf(graph.EINVALID, "invalid cursor %q", after)
}

// offsetPage cuts one page out of a list that is held in memory.
func offsetPage[T any](items []T, p graph.PageRequest) (graph.Page[T], error) {
	n, err := pageSize(p)
	if err != nil {
		return graph.Page[T]{}, err
	}
	start, err := afterOffset(p.After)
	if err != nil {
		return graph.Page[T]{}, err
	}
	out := graph.Page[T]{Items: []T{}, Cursors: []string{}, Total: len(items)}
	for i := start; i < len(items) && len(out.Items) < n; i++ {
		out.Items = append(out.Items, items[i])
		out.Cursors = append(out.Cursors, offsetCursor(i))
	}
	out.HasNext = start+len(out.Items) < len(items)
	return out, nil
}
