package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/schema"
)

const queryHelp = `
Runs one GraphQL query or mutation against the local store, without a
server, and prints the JSON response. The caller is trusted: mutations need
no token. Exit status 1 when the response has errors.

Examples:
  kgraph query '{ stats { documents entities relations } }'
  kgraph query 'query($n: String!) { entityByName(name: $n) { id name aliases } }' --variables '{"n": "unfpa"}'
  kgraph query 'mutation { deleteDocument(id: "0123456789abcdef") }'
`

func runQuery(ctx context.Context, args []string, e env) int {
	var c common
	fs := newFlags("query", "[flags] 'QUERY'", queryHelp, e)
	c.register(fs, e)
	vars := fs.String("variables", "", "variables as a JSON object")
	opName := fs.String("operation", "", "operation name, when the query has several")
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 || strings.TrimSpace(pos[0]) == "" {
		fmt.Fprintln(e.stderr, "kgraph query: want exactly one QUERY argument (see --help)")
		return exitUsage
	}
	req := schema.Request{Query: pos[0], OperationName: *opName}
	if *vars != "" {
		if err := json.Unmarshal([]byte(*vars), &req.Variables); err != nil || req.Variables == nil {
			fmt.Fprintln(e.stderr, "kgraph query: --variables must be a JSON object")
			return exitUsage
		}
	}
	// Load the models only when the query may need them.
	ss, ok := c.open("query", e, strings.Contains(pos[0], "ingestDocument"))
	if !ok {
		return exitUsage
	}
	defer ss.close()
	opts := schema.Options{Reader: ss.db, Delete: ss.db.DeleteDocument, Merge: ss.db.MergeEntities}
	if ss.ld != nil {
		opts.Ingest = ingestOne(ss.ld, ss.db, loader.Limits{}, nil)
	}
	svc, err := schema.New(opts)
	if err != nil {
		ss.log.Error().Err(err).Msg("schema")
		return exitUsage
	}
	resp := svc.Exec(ctx, req)
	out, err := json.MarshalIndent(resp, "", "  ")
	if err != nil {
		ss.log.Error().Err(err).Msg("encode response")
		return exitUsage
	}
	fmt.Fprintln(e.stdout, string(out))
	if len(resp.Errors) > 0 {
		return exitPartial
	}
	return exitOK
}
