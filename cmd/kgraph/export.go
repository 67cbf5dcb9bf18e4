package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// exporter writes a whole stored graph in one format. Adding a format is
// one file with its exporter and one line in exporters.
type exporter func(ctx context.Context, g graph.Exporter, w io.Writer) error

var exporters = map[string]exporter{
	"json": exportJSON,
}

const exportHelp = `
Prints the whole stored graph on stdout.

Formats:
  json   one object {"documents": [...], "entities": [...], "relations": [...]}
         in the document graph shape of 'kgraph extract': entities with
         aliases, attributes and every mention (with its document),
         relations with attributes, confidence and every evidence sentence.

Examples:
  kgraph export --format json > graph.json
  kgraph export --data /var/lib/kgraph | jq '.entities | length'
`

func runExport(ctx context.Context, args []string, e env) int {
	var c common
	fs := newFlags("export", "[flags]", exportHelp, e)
	c.register(fs, e)
	format := fs.String("format", "json", "output format: "+strings.Join(formatNames(), ", "))
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "kgraph export: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	exp, ok := exporters[*format]
	if !ok {
		fmt.Fprintf(e.stderr, "kgraph export: unknown --format %q; formats: %s\n", *format, strings.Join(formatNames(), ", "))
		return exitUsage
	}
	ss, ok := c.open("export", e, false)
	if !ok {
		return exitUsage
	}
	defer ss.close()
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	err := exp(ctx, ss.db, w)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		ss.log.Error().Err(err).Msg("export")
		return exitUsage
	}
	return exitOK
}

func formatNames() []string {
	var names []string
	for n := range exporters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
