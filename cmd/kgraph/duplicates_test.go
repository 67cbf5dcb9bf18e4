package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// storeNames ingests one document per name, each naming one entity of the
// given type at its start, into a real store in dir.
func storeNames(t *testing.T, dir string, names []string, types []graph.EntityType) {
	t.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i, name := range names {
		text := fmt.Sprintf("%s said on day %d that prices rose.", name, i)
		x := &graph.Extraction{
			Document: graph.Document{ID: graph.DocumentID(text), Title: fmt.Sprintf("d%d", i), Text: text, Hash: graph.ContentHash(text)},
			Entities: []graph.Entity{{ID: "e1", Name: name, Type: types[i], Attributes: map[string]string{},
				Mentions: []graph.Mention{{Start: 0, End: len(name), Text: name}}}},
		}
		if _, err := db.Ingest(context.Background(), x); err != nil {
			t.Fatalf("ingest %q: %v", name, err)
		}
	}
}

func TestDuplicatesReportAndMerge(t *testing.T) {
	dir := t.TempDir()
	storeNames(t, dir,
		[]string{"Securities and Exchange Commission", "Securities & Exchange Commission", "Baltic Airways", "BA", "Sony Music", "Sony Pictures"},
		[]graph.EntityType{graph.Organization, graph.Organization, graph.Organization, graph.Organization, graph.Organization, graph.Organization})

	code, out, errs := runCmd(t, "", "duplicates", "--data", dir, "--format", "json", "--limit", "0")
	if code != exitOK {
		t.Fatalf("duplicates: exit %d: %s", code, errs)
	}
	var groups []graph.DuplicateGroup
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var g graph.DuplicateGroup
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		groups = append(groups, g)
	}
	kinds := map[string]int{}
	for _, g := range groups {
		for _, ev := range g.Evidence {
			kinds[ev.Kind] += len(g.Members)
		}
		for _, m := range g.Members {
			if strings.HasPrefix(m.Name, "Sony") {
				t.Errorf("Sony Music and Sony Pictures are two things; got group %+v", g)
			}
		}
	}
	// The two spellings of the SEC are one node already (resolution on
	// write compares canonical names); a two-letter acronym is left for
	// review (resolution joins initials of three letters or more).
	if len(groups) != 1 || kinds["acronym"] != 2 {
		t.Fatalf("want the BA pair (acronym) only; got %+v", groups)
	}

	code, out, _ = runCmd(t, "", "duplicates", "--data", dir, "--min-score", "0.5")
	if code != exitOK || !strings.Contains(out, "1 groups") || !strings.Contains(out, "mergeEntities(into:") {
		t.Fatalf("text report at 0.5: exit %d\n%s", code, out)
	}
	merge := out[strings.Index(out, "mutation {"):]
	merge = merge[:strings.Index(merge, "\n")]

	// Through a running server: the same report, then the suggested merge,
	// after which the pair is no longer reported.
	s := startServer(t, dir, "--seed=false", "--token", "tok", "--log-level", "warn")
	defer s.stop(t)
	code, out2, errs := runCmd(t, "", "duplicates", "--server", s.url, "--min-score", "0.5")
	if code != exitOK || out2 != out {
		t.Fatalf("through the server: exit %d %s\n%s\nwant\n%s", code, errs, out2, out)
	}
	if r := s.graphql(t, merge, "tok"); r["errors"] != nil {
		t.Fatalf("%s: %v", merge, r["errors"])
	}
	code, out, _ = runCmd(t, "", "duplicates", "--server", s.url, "--min-score", "0.5")
	if code != exitOK || !strings.HasPrefix(out, "0 groups") {
		t.Fatalf("after the merge: exit %d\n%s", code, out)
	}
}

func TestDuplicatesFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--format", "xml"}, {"--limit", "-1"}, {"--min-score", "2"}, {"--type", "SHIP"}, {"extra"},
	} {
		code, _, errs := runCmd(t, "", append([]string{"duplicates", "--data", t.TempDir()}, args...)...)
		if code != exitUsage || !strings.Contains(errs, "kgraph duplicates") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}
