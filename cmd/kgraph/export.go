package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kgraph/kgraph/store"
)

// exportFormat is one export format: the files it writes (the first is
// the main one; most formats write one file) and the function that
// writes them from one store snapshot. Adding a format is one file with
// its writer and one entry in exportFormats.
type exportFormat struct {
	name     string
	files    []exportFile
	evidence bool // whether --evidence defaults to on
	write    func(x *exportRun) error
}

// exportFile is one file of a format: its name in a directory or archive,
// the part name that selects it alone (--part, ?part=) and its media type.
type exportFile struct {
	name, part, media string
}

func (f exportFormat) file(part string) (exportFile, bool) {
	for _, x := range f.files {
		if x.part == part {
			return x, true
		}
	}
	return exportFile{}, false
}

func (f exportFormat) parts() []string {
	var out []string
	for _, x := range f.files {
		out = append(out, x.part)
	}
	return out
}

var exportFormats = []exportFormat{
	{name: "json", evidence: true, write: exportJSON, files: []exportFile{{"graph.json", "graph", "application/json"}}},
	{name: "jsonl", evidence: true, write: exportJSONL, files: []exportFile{{"graph.jsonl", "graph", "application/x-ndjson"}}},
	{name: "graphml", write: exportGraphML, files: []exportFile{{"graph.graphml", "graph", "application/graphml+xml"}}},
	{name: "gexf", write: exportGEXF, files: []exportFile{{"graph.gexf", "graph", "application/gexf+xml"}}},
	{name: "cyjs", write: exportCyJS, files: []exportFile{{"graph.cyjs", "graph", "application/json"}}},
	{name: "csv", write: exportCSV, files: []exportFile{
		{"nodes.csv", "nodes", "text/csv; charset=utf-8"},
		{"relationships.csv", "relationships", "text/csv; charset=utf-8"},
	}},
	{name: "nquads", write: exportNQuads, files: []exportFile{
		{"graph.nq", "graph", "application/n-quads"},
		{"dgraph.schema", "schema", "text/plain; charset=utf-8"},
	}},
}

func findFormat(name string) (exportFormat, bool) {
	for _, f := range exportFormats {
		if f.name == name {
			return f, true
		}
	}
	return exportFormat{}, false
}

func formatNames() []string {
	var names []string
	for _, f := range exportFormats {
		names = append(names, f.name)
	}
	return names
}

// exportRun is one export in progress: the snapshot it reads, where its
// files go and its options.
type exportRun struct {
	ctx      context.Context
	snap     *store.Snapshot
	out      exportSink
	evidence bool // mentions of entities and evidence of relations
}

// file returns the writer of the named file, or nil when the sink does
// not want it (another part was selected): the format then skips the work
// of that file.
func (x *exportRun) file(name string) (io.Writer, error) { return x.out.file(name) }

// exportSink receives the files of an export.
type exportSink interface {
	// file starts the named file; the writer is valid until the next call.
	// A nil writer means the file is not wanted.
	file(name string) (io.Writer, error)
}

// streamSink writes one selected file to a stream (stdout, an HTTP
// response) and drops the others.
type streamSink struct {
	w    io.Writer
	name string
}

func (s streamSink) file(name string) (io.Writer, error) {
	if name != s.name {
		return nil, nil
	}
	return s.w, nil
}

// dirSink writes every file into a directory.
type dirSink struct {
	dir string
	f   *os.File
	bw  *bufio.Writer
}

func (d *dirSink) file(name string) (io.Writer, error) {
	if err := d.close(); err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(d.dir, name))
	if err != nil {
		return nil, err
	}
	d.f, d.bw = f, bufio.NewWriterSize(f, 1<<16)
	return d.bw, nil
}

func (d *dirSink) close() error {
	if d.f == nil {
		return nil
	}
	err := d.bw.Flush()
	if cerr := d.f.Close(); err == nil {
		err = cerr
	}
	d.f, d.bw = nil, nil
	return err
}

// runExportFormat writes format from one snapshot of db into out.
func runExportFormat(ctx context.Context, db *store.DB, f exportFormat, out exportSink, evidence bool) error {
	return db.Snapshot(ctx, func(s *store.Snapshot) error {
		return f.write(&exportRun{ctx: ctx, snap: s, out: out, evidence: evidence})
	})
}

const exportHelp = `
Writes the whole stored graph in one of these formats, read from one
consistent snapshot of the store and streamed item by item (memory does
not grow with the graph):

  json     {"documents": [...], "entities": [...], "relations": [...]} in the
           document graph shape of 'kgraph extract'
  jsonl    one object per line: {"kind":"document"|"entity"|"relation", ...}
  graphml  GraphML for networkx, Gephi, yEd, Cytoscape desktop: typed keys for
           name, type, aliases, mention count, degree, confidence, evidence
           count and every attribute
  gexf     GEXF 1.2 for Gephi, the same attributes
  cyjs     Cytoscape.js elements JSON ({"elements":{"nodes":[...],"edges":[...]}})
  csv      nodes.csv and relationships.csv with neo4j-admin import headers
           (:ID, :LABEL, :START_ID, :END_ID, :TYPE, typed columns); pandas
           reads them as they are
  nquads   RDF N-Quads with stable IRIs (urn:kgraph:entity:ID, ...) and a
           Dgraph schema file (dgraph.schema) for Dgraph's loaders

Formats of several files need --out DIR (all files, one snapshot) or
--part NAME (one file on stdout). --evidence adds every mention of an
entity and every evidence sentence of a relation; it is on by default for
json and jsonl and off for the others.

With --server URL the export is made by a running server (GET /export),
so the store need not be opened here: use it while 'kgraph serve' runs.

Examples:
  kgraph export --format json > graph.json
  kgraph export --format graphml > graph.graphml
  kgraph export --format csv --out neo4j/ && neo4j-admin database import full --nodes=neo4j/nodes.csv --relationships=neo4j/relationships.csv
  kgraph export --format nquads --out rdf/
  kgraph export --format csv --part nodes > nodes.csv
  kgraph export --server http://127.0.0.1:8080 --format gexf > graph.gexf
`

func runExport(ctx context.Context, args []string, e env) int {
	var c common
	fs := newFlags("export", "[flags]", exportHelp, e)
	c.register(fs, e)
	format := fs.String("format", "json", "output format: "+strings.Join(formatNames(), ", "))
	evidence := fs.Bool("evidence", false, "include mentions and evidence sentences (default: on for json and jsonl)")
	outDir := fs.String("out", "", "write every file of the format into this directory")
	part := fs.String("part", "", "write only this file of a several-file format to stdout (csv: nodes, relationships; nquads: graph, schema)")
	server := fs.String("server", envOr(e, "KGRAPH_SERVER", ""), "export through a running server at this URL instead of opening the store (env KGRAPH_SERVER)")
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "kgraph export: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	f, ok := findFormat(*format)
	if !ok {
		fmt.Fprintf(e.stderr, "kgraph export: unknown --format %q; formats: %s\n", *format, strings.Join(formatNames(), ", "))
		return exitUsage
	}
	if !flagSet(fs, "evidence") {
		*evidence = f.evidence
	}
	if *part != "" {
		if _, ok := f.file(*part); !ok {
			fmt.Fprintf(e.stderr, "kgraph export: --format %s has no part %q; parts: %s\n", f.name, *part, strings.Join(f.parts(), ", "))
			return exitUsage
		}
	}
	if *outDir == "" && *part == "" {
		if len(f.files) > 1 {
			fmt.Fprintf(e.stderr, "kgraph export: --format %s writes %d files: give --out DIR, or --part with one of %s\n", f.name, len(f.files), strings.Join(f.parts(), ", "))
			return exitUsage
		}
		*part = f.files[0].part
	}
	if *outDir != "" {
		if err := os.MkdirAll(*outDir, 0o755); err != nil {
			fmt.Fprintf(e.stderr, "kgraph export: %v\n", err)
			return exitUsage
		}
	}
	if *server != "" {
		return exportRemote(ctx, e, *server, f, *part, *outDir, *evidence)
	}
	ss, ok := c.open("export", e, false)
	if !ok {
		return exitUsage
	}
	defer ss.close()
	var err error
	if *outDir != "" {
		d := &dirSink{dir: *outDir}
		err = runExportFormat(ctx, ss.db, f, d, *evidence)
		if cerr := d.close(); err == nil {
			err = cerr
		}
	} else {
		fi, _ := f.file(*part)
		w := bufio.NewWriterSize(e.stdout, 1<<16)
		err = runExportFormat(ctx, ss.db, f, streamSink{w: w, name: fi.name}, *evidence)
		if err == nil {
			err = w.Flush()
		}
	}
	if err != nil {
		ss.log.Error().Err(err).Msg("export")
		return exitUsage
	}
	return exitOK
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// sortedKeys returns the keys of a set in order.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
