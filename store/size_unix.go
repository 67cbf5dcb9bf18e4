//go:build unix

package store

import (
	"io/fs"
	"syscall"
)

// fileBytes is the space a file takes on disk: Badger preallocates its
// value-log and memtable files sparsely, so their apparent size says little.
func fileBytes(info fs.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Blocks * 512
	}
	return info.Size()
}
