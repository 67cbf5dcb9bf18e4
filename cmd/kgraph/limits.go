package main

import (
	"flag"

	"github.com/kgraph/kgraph/schema"
)

// serveLimits are serve's flags for the cost and access limits of GraphQL
// requests (see SECURITY.md).
type serveLimits struct {
	maxCost, maxAliases, maxResponse, maxConcurrent int
	readToken                                       string
}

func registerLimits(fs *flag.FlagSet) *serveLimits {
	l := &serveLimits{}
	fs.IntVar(&l.maxCost, "max-cost", schema.DefaultMaxCost, "largest estimated query cost (values produced, lists counted at their page size)")
	fs.IntVar(&l.maxAliases, "max-aliases", schema.DefaultMaxAliases, "most aliases in one request")
	fs.IntVar(&l.maxResponse, "max-response-bytes", schema.DefaultMaxResponseBytes, "largest response data")
	fs.IntVar(&l.maxConcurrent, "max-concurrent", schema.DefaultMaxConcurrent, "most GraphQL requests running at once; beyond it 503")
	fs.StringVar(&l.readToken, "read-token", "", "bearer token that queries must present (env KGRAPH_READ_TOKEN; empty: reads are public)")
	return l
}
