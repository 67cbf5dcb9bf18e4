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
	log, err := c.logger(e.stderr)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph query:", err)
		return exitUsage
	}
	db, err := c.openStore(log)
	if err != nil {
		log.Error().Err(err).Msg("open store")
		return exitUsage
	}
	defer db.Close()
	opts := schema.Options{Reader: db, Delete: db.DeleteDocument, Merge: db.MergeEntities}
	if strings.Contains(pos[0], "ingestDocument") {
		// Load the models only when the query may need them.
		ld, err := loader.New()
		if err != nil {
			log.Error().Err(err).Msg("load models")
			return exitUsage
		}
		opts.Ingest = ingestOne(ld, db, loader.Limits{}, nil)
	}
	svc, err := schema.New(opts)
	if err != nil {
		log.Error().Err(err).Msg("schema")
		return exitUsage
	}
	resp := svc.Exec(ctx, req)
	out, err := json.MarshalIndent(resp, "", "  ")
	if err != nil {
		log.Error().Err(err).Msg("encode response")
		return exitUsage
	}
	fmt.Fprintln(e.stdout, string(out))
	if len(resp.Errors) > 0 {
		return exitPartial
	}
	return exitOK
}
