package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal ends the process at once
	}()
	code := run(ctx, os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv})
	stop()
	os.Exit(code)
}

// env is the outside world of one run: streams and environment variables.
// Tests supply their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	ready          func(addr string) // serve calls it once listening; may be nil
}

// Exit statuses shared by every command.
const (
	exitOK      = 0 // everything done
	exitPartial = 1 // some documents failed; the rest were processed
	exitUsage   = 2 // bad flags or arguments, or a store error
)

type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, e env) int
}

func commands() []command {
	return []command{
		{"serve", "open the store and serve GraphQL over HTTP", runServe},
		{"ingest", "extract documents and add them to the store", runIngest},
		{"extract", "print the graph of documents without storing them", runExtract},
		{"publish", "publish documents to a NATS JetStream stream for workers", runPublish},
		{"worker", "extract documents from NATS JetStream for the store's writer", runWorker},
		{"export", "print the whole stored graph", runExport},
		{"duplicates", "list stored entities that probably denote one thing, with evidence", runDuplicates},
		{"query", "run a GraphQL query against the store, without a server", runQuery},
		{"bench", "measure extraction speed on a corpus", runBench},
		{"loadtest", "measure query throughput and latency of running servers", runLoadtest},
		{"version", "print the version and source revision", runVersion},
		{"healthcheck", "ask a running server whether it is healthy (for containers)", runHealthcheck},
	}
}

const usage = `kgraph builds a knowledge graph from news text and serves it over GraphQL.

Usage:
  kgraph <command> [flags] [arguments]

Commands:
%s
Run 'kgraph <command> --help' for the flags and examples of a command.

Examples:
  kgraph serve                                  # store in ./kgraph-data, http://127.0.0.1:8080/
  kgraph ingest articles/ news.jsonl            # add documents to the store
  kgraph extract article.txt                    # print one document's graph as JSON
  kgraph query '{ stats { documents entities relations } }'
`

func run(ctx context.Context, args []string, e env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		var list string
		for _, c := range commands() {
			list += fmt.Sprintf("  %-12s %s\n", c.name, c.summary)
		}
		w := e.stdout
		code := exitOK
		if len(args) == 0 {
			w, code = e.stderr, exitUsage
		}
		fmt.Fprintf(w, usage, list)
		return code
	}
	if args[0] == "--version" || args[0] == "-version" {
		return runVersion(ctx, nil, e)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], e)
		}
	}
	fmt.Fprintf(e.stderr, "kgraph: unknown command %q; run 'kgraph help'\n", args[0])
	return exitUsage
}

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"
