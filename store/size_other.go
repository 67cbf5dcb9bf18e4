//go:build !unix

package store

import "io/fs"

// fileBytes is the apparent size of a file where block counts are not
// available.
func fileBytes(info fs.FileInfo) int64 { return info.Size() }
