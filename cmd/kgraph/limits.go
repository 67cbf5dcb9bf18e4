package main

import (
	"flag"

	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/store"
)

// serveLimits are serve's flags for the cost and access limits of GraphQL
// requests (see SECURITY.md).
type serveLimits struct {
	maxCost, maxAliases, maxResponse, maxConcurrent int
	readToken                                       string
	sync                                            bool
}

// groupSync is the fsync shared by concurrent mutations under --sync,
// nil without it.
func (l *serveLimits) groupSync(db *store.DB) *groupSync {
	if !l.sync {
		return nil
	}
	return newGroupSync(db.Sync)
}

func registerLimits(fs *flag.FlagSet) *serveLimits {
	l := &serveLimits{}
	fs.IntVar(&l.maxCost, "max-cost", schema.DefaultMaxCost, "largest estimated query cost (values produced, lists counted at their page size)")
	fs.IntVar(&l.maxAliases, "max-aliases", schema.DefaultMaxAliases, "most aliases in one request")
	fs.IntVar(&l.maxResponse, "max-response-bytes", schema.DefaultMaxResponseBytes, "largest response data")
	fs.IntVar(&l.maxConcurrent, "max-concurrent", schema.DefaultMaxConcurrent, "most GraphQL requests running at once; beyond it 503")
	fs.StringVar(&l.readToken, "read-token", "", "bearer token that queries must present (env KGRAPH_READ_TOKEN; empty: reads are public)")
	fs.BoolVar(&l.sync, "sync", false, "fsync before acknowledging a mutation, so that it survives a power loss (concurrent mutations share an fsync)")
	return l
}
