package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// removeTornLogs deletes the zero-length memtable (.mem) and value-log
// (.vlog) files in dir. Badger creates such a file and then sizes it; a
// process killed between the two steps leaves a file of zero bytes, which
// holds nothing, but which Badger's Open refuses ("while opening fid: N
// err: Create a new file") instead of treating it as empty. Deleting it
// gives the store Badger would have had one instruction earlier, so a kill
// at any moment leaves a store that opens.
func removeTornLogs(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil // a new store
		}
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !(strings.HasSuffix(name, ".mem") || strings.HasSuffix(name, ".vlog")) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		if info.Size() != 0 {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("remove empty log %s: %w", name, err)
		}
	}
	return nil
}
