package store

import (
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Logger receives Badger's log lines. Its method set is badger.Logger's, so
// a zerolog adapter written for one fits the other. A nil Logger is silent.
type Logger interface {
	Errorf(format string, args ...any)
	Warningf(format string, args ...any)
	Infof(format string, args ...any)
	Debugf(format string, args ...any)
}

// Options configure Open. The zero value works: every zero field takes the
// default written next to it.
type Options struct {
	// Logger receives Badger's own log lines; nil discards them.
	Logger Logger
	// MemTableSize is the size of one memtable in bytes (default 16 MiB).
	// Badger caps one transaction at 15% of it, so tests set it very small
	// to drive the split-commit path.
	MemTableSize int64
	// BlockCacheSize is the decompressed block cache in bytes (default 32 MiB).
	BlockCacheSize int64
	// IndexCacheSize is the cache of table indexes and bloom filters in
	// bytes (default 16 MiB).
	IndexCacheSize int64
	// ReadCacheBytes bounds the readers' cache of decoded entity and
	// relation records (readcache.go; default 32 MiB, negative: off).
	ReadCacheBytes int
	// GCInterval is how often the open store rewrites value-log files
	// that hold mostly the texts of deleted or replaced documents (gc.go;
	// default 10 minutes, negative: never; CollectGarbage runs it on
	// demand).
	GCInterval time.Duration
	// ValueLogFileSize is the size of one value-log file in bytes (default
	// 64 MiB, at least 1 MiB); tests make it small to fill several.
	ValueLogFileSize int64
}

// Defaults of Options.
const (
	DefaultMemTableSize   = 16 << 20
	DefaultBlockCacheSize = 32 << 20
	DefaultIndexCacheSize = 16 << 20
)

// Memory budget. kgraph is meant to ingest and serve a store of 100k news
// documents in 1 GiB of resident memory. What the store holds, with the
// defaults:
//
//	memtables          3 x 16 MiB   48 MiB  (one being written, two flushing)
//	block cache                     32 MiB  (decompressed SSTable blocks)
//	index cache                     16 MiB  (table indexes, bloom filters)
//	writers' cache     cache.go     64 MiB  (entity records, alias lists;
//	                                         two generations of 32)
//	readers' cache     readcache.go 32 MiB  (decoded entity and relation
//	                                         records, short adjacency lists
//	                                         and name tokens' entity lists,
//	                                         reckoned at twice their
//	                                         encoded size)
//	vocabulary index   vocab.go     ~8 MiB for the 55k name tokens of
//	                                         the 100k-document corpus
//	one write          writer.go    ~1 MiB  (a batch of up to 32 documents;
//	                                         Badger caps a transaction at
//	                                         15% of a memtable, 2.4 MiB)
//	mapped files       SSTables and value-log files are mmap'd: their pages
//	                   count in RSS while they are resident, and the kernel
//	                   drops them under pressure
//
// That is about 170 MiB of heap the store sizes itself, independent of the
// store's size; the rest of a 1 GiB budget is the extraction models, the
// pipeline (the ingest queue holds at most 64 extracted documents) and the
// Go garbage collector's headroom (set GOMEMLIMIT, for example 700MiB, to
// make the collector work harder as the process nears the budget instead
// of letting the heap double). Each cache is bounded by bytes, never by
// the number of documents.

// badgerOptions is the one place where Badger is tuned. The machine kgraph
// is built for has two cores shared with other work and a graph of a few
// hundred thousand small records, so every setting leans towards less
// memory and fewer background goroutines than Badger's server defaults.
func badgerOptions(dir string, o Options) badger.Options {
	mem := o.MemTableSize
	if mem <= 0 {
		mem = DefaultMemTableSize
	}
	block := o.BlockCacheSize
	if block <= 0 {
		block = DefaultBlockCacheSize
	}
	index := o.IndexCacheSize
	if index <= 0 {
		index = DefaultIndexCacheSize
	}
	// Values up to 1 KiB (entity and relation records, evidence, short
	// texts) stay in the LSM tree, so a read is one lookup; larger values
	// (a third of the texts, two thirds of their bytes) go to the value
	// log, and the tree keeps a pointer. Texts are written once and read
	// rarely, but in the tree every compaction copies them again. The ten
	// batches of the 100k-document corpus, each into the store of the ones
	// before, took 121 and 104 s in all with a threshold of 8 KiB, 94.5 and
	// 93.9 s with 1 KiB, and the last batch 15.3 and 12.7 s against 7.9
	// and 8.9 s (two runs each, alternating). The value log's garbage
	// (texts of deleted or replaced documents) is collected by
	// DB.CollectGarbage (gc.go). Badger refuses a threshold above its
	// batch limit (15% of a memtable), which matters only for the tiny
	// memtables of tests.
	threshold := int64(1 << 10)
	if limit := mem * 15 / 100 / 4; threshold > limit {
		threshold = limit
	}
	vlog := o.ValueLogFileSize
	if vlog <= 0 {
		vlog = 64 << 20
	}
	opts := badger.DefaultOptions(dir).
		// 16 MiB memtables instead of 64: one ingest transaction is a few
		// hundred small keys, and three memtables bound the write buffer
		// at about 48 MiB.
		WithMemTableSize(mem).
		WithNumMemtables(3).
		// Badger needs 0 or at least 2 compactors; 2 keeps one core free
		// for ingestion and queries on a two-core machine.
		WithNumCompactors(2).
		// Level-0 tables before compaction starts and before writes
		// stall: the defaults, kept explicit because they bound read
		// amplification after a bulk ingest.
		WithNumLevelZeroTables(5).
		WithNumLevelZeroTablesStall(15).
		// Block cache for decompressed blocks (Snappy stays on: the
		// records compress well and the cache hides the cost).
		WithBlockCacheSize(block).
		WithCompression(options.Snappy).
		// A bounded index cache instead of keeping every table index and
		// bloom filter on the heap.
		WithIndexCacheSize(index).
		WithValueThreshold(threshold).
		// 64 MiB value-log files instead of 1 GiB: smaller files are
		// mapped and garbage-collected in smaller steps.
		WithValueLogFileSize(vlog).
		// Goroutines used by Badger's stream framework (backup, export).
		WithNumGoroutines(2).
		// No fsync per commit: ingest commits one transaction per
		// document and an fsync each would dominate. Close calls Sync,
		// and Badger's write-ahead log survives a crash of the process.
		WithSyncWrites(false).
		// Writers are serialised by DB's mutex, so Badger's optimistic
		// conflict detection would only cost memory and time.
		WithDetectConflicts(false).
		// Metrics stay on (Badger's default): they are cheap counters and
		// keep DB.Size usable for whoever wants Badger's own view.
		WithMetricsEnabled(true)
	// Badger's own logger writes to stderr; the store logs through
	// Options.Logger only, and is silent without one.
	opts.Logger = nil
	if o.Logger != nil {
		opts.Logger = o.Logger
	}
	return opts
}
