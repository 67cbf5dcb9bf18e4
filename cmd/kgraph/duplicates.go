package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

const duplicatesHelp = `
Lists groups of stored entities that probably denote one real-world thing,
with the evidence for each, strongest groups (most mentions) first:

  same-name   the names agree up to case, punctuation, "&"/"and", "the"
              and legal forms (Corp, Inc, plc ...), and so do the types
  alias       a name or multi-word alias of one is a name or alias of the
              other (one-word aliases such as "Fed" are no evidence)
  acronym     one is an acronym ("SEC") of the other's name, and no other
              stored name spells it
  other-type  one name under two types ("BBC" an organisation and MISC),
              for review

Scores: same-name 0.95, alias 0.85, acronym 0.8, other-type 0.6, and 0.4
for two people who share only a one-word name (two people may share a
surname). Groups with evidence at --min-score or above are listed; each
ends with the mergeEntities mutation that folds it into its most mentioned
member. Merges are remembered: later documents follow them.

The command reads one snapshot of the store; with --server URL it reads a
running server's export instead (GET /export?format=jsonl), so it can run
beside 'kgraph serve'.

Examples:
  kgraph duplicates
  kgraph duplicates --limit 0 --format json > duplicates.jsonl
  kgraph duplicates --min-score 0.9 --type ORGANIZATION
  kgraph duplicates --server http://127.0.0.1:8080
`

func runDuplicates(ctx context.Context, args []string, e env) int {
	var c common
	fs := newFlags("duplicates", "[flags]", duplicatesHelp, e)
	c.register(fs, e)
	format := fs.String("format", "text", "output format: text, or json (one group per line)")
	limit := fs.Int("limit", 50, "list at most this many groups (0: all)")
	minScore := fs.Float64("min-score", 0.6, "list groups whose strongest evidence scores at least this (0 to 1)")
	typ := fs.String("type", "", "list only groups whose suggested survivor has this entity type")
	server := fs.String("server", envOr(e, "KGRAPH_SERVER", ""), "read a running server's export instead of opening the store (env KGRAPH_SERVER)")
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) > 0:
		fmt.Fprintf(e.stderr, "kgraph duplicates: unexpected argument %q\n", pos[0])
		return exitUsage
	case *format != "text" && *format != "json":
		fmt.Fprintf(e.stderr, "kgraph duplicates: unknown --format %q; formats: text, json\n", *format)
		return exitUsage
	case *limit < 0:
		fmt.Fprintln(e.stderr, "kgraph duplicates: --limit must be 0 (all) or more")
		return exitUsage
	case *minScore < 0 || *minScore > 1:
		fmt.Fprintln(e.stderr, "kgraph duplicates: --min-score must be between 0 and 1")
		return exitUsage
	case *typ != "" && !graph.EntityType(*typ).Valid():
		fmt.Fprintf(e.stderr, "kgraph duplicates: unknown --type %q\n", *typ)
		return exitUsage
	}

	f := graph.NewDuplicateFinder()
	n := 0
	add := func(ent *graph.Entity) error { f.Add(ent); n++; return nil }
	if *server != "" {
		if err := remoteEntities(ctx, e, *server, add); err != nil {
			fmt.Fprintln(e.stderr, "kgraph duplicates:", err)
			return exitUsage
		}
	} else {
		ss, ok := c.open("duplicates", e, false)
		if !ok {
			return exitUsage
		}
		err := ss.db.Snapshot(ctx, func(s *store.Snapshot) error { return s.Entities(false, add) })
		ss.close()
		if err != nil {
			fmt.Fprintln(e.stderr, "kgraph duplicates:", err)
			return exitUsage
		}
	}

	var groups []graph.DuplicateGroup
	for _, g := range f.Groups(*minScore) {
		if *typ == "" || string(g.Members[0].Type) == *typ {
			groups = append(groups, g)
		}
	}
	total := len(groups)
	if *limit > 0 && len(groups) > *limit {
		groups = groups[:*limit]
	}
	w := bufio.NewWriter(e.stdout)
	if *format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, g := range groups {
			if err := enc.Encode(g); err != nil {
				return exitUsage
			}
		}
	} else {
		writeDuplicates(w, groups, total, n, *minScore)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(e.stderr, "kgraph duplicates:", err)
		return exitUsage
	}
	return exitOK
}

// writeDuplicates prints groups for a reader, each with its members, its
// evidence and the mutation that merges it.
func writeDuplicates(w io.Writer, groups []graph.DuplicateGroup, total, entities int, minScore float64) {
	fmt.Fprintf(w, "%d groups of likely duplicates among %d entities (evidence score >= %.2f)", total, entities, minScore)
	if len(groups) < total {
		fmt.Fprintf(w, "; the first %d by mentions (--limit 0 for all)", len(groups))
	}
	fmt.Fprintln(w)
	for k, g := range groups {
		fmt.Fprintf(w, "\n%d. %s (%s), %d nodes, score %.2f\n", k+1, g.Members[0].Name, g.Members[0].Type, len(g.Members), g.Score)
		var from []string
		for i, m := range g.Members {
			fmt.Fprintf(w, "   %-10s %-40s %-13s %6d mentions\n", m.ID, m.Name, m.Type, m.Mentions)
			if i > 0 {
				from = append(from, fmt.Sprintf("%q", m.ID))
			}
		}
		for _, ev := range g.Evidence {
			fmt.Fprintf(w, "   %-10s %s (%s)\n", ev.Kind, ev.Detail, strings.Join(ev.IDs, ", "))
		}
		fmt.Fprintf(w, "   merge: mutation { mergeEntities(into: %q, from: [%s]) { id name } }\n", g.Members[0].ID, strings.Join(from, ", "))
	}
}

// remoteEntities reads the entities of a running server's jsonl export.
func remoteEntities(ctx context.Context, e env, server string, fn func(*graph.Entity) error) error {
	resp, err := getExport(ctx, e, server, url.Values{"format": {"jsonl"}, "evidence": {"false"}})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	for {
		var line jsonlEntity
		if err := dec.Decode(&line); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("read the server's export: %w", err)
		}
		if line.Kind == "entity" && line.Entity != nil {
			line.Entity.MentionCount = line.MentionCount
			if err := fn(line.Entity); err != nil {
				return err
			}
		}
	}
}
