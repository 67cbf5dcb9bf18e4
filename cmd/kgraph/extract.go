package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kgraph/kgraph/loader"
)

const extractHelp = `
Runs the extractor alone, without a store, and prints one JSON object per
document, one per line: {"document", "entities", "relations"} with entity
mentions and relation evidence as byte offsets into the document text (the
document graph format; see the README). With no FILE, reads standard input.
Inputs are those of 'kgraph ingest'; bad documents are reported on stderr
and skipped (exit status 1).

With --tokens, implements the evaluation contract instead: reads JSON Lines
{"id", "doc", "tokens"} (one pre-tokenised sentence per line; consecutive
lines with the same doc form one document) on stdin and writes
{"id", "entities": [{"start","end","type"}], "relations": [{"head","tail","type"}]}
per line, in the same order. When the binary has a parser, each line also
carries "upos", "heads" (1-based, 0 for the root) and "deprels", one item
per token.

With --explain, prints for a reader instead of JSON: each sentence with its
tokens, their NER tags, UPOS tags and dependency heads and relations, the
mentions found in it (type, how found, entity) and the facts (basis,
confidence, and whether the graph keeps them or why not), so that one can
see why a fact was or was not found.

Examples:
  kgraph extract article.txt
  kgraph extract corpus.jsonl > graphs.jsonl
  kgraph extract --explain article.txt | less
  echo 'Ann Lee, the chief executive of Norvik Bank, visited Oslo.' | kgraph extract --explain
  echo '{"id":"s1","tokens":["Ann","Lee","visited","Oslo","."]}' | kgraph extract --tokens
`

func runExtract(ctx context.Context, args []string, e env) int {
	fs := newFlags("extract", "[flags] [FILE...]", extractHelp, e)
	tokens := fs.Bool("tokens", false, "evaluation contract: pre-tokenised JSONL on stdin")
	explain := fs.Bool("explain", false, "print each sentence's tokens, tags, tree, mentions and facts for a reader")
	maxDoc := fs.Int("max-doc-bytes", loader.DefaultMaxDocBytes, "largest document accepted, in bytes")
	workers := fs.Int("workers", 0, "extraction goroutines (0: one per core)")
	paths, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if *explain && *tokens {
		fmt.Fprintln(e.stderr, "kgraph extract: --explain and --tokens exclude each other")
		return exitUsage
	}
	ld, err := loader.New()
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph extract:", err)
		return exitUsage
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	defer out.Flush()
	if *tokens {
		if len(paths) > 0 {
			fmt.Fprintln(e.stderr, "kgraph extract: --tokens reads standard input only")
			return exitUsage
		}
		if err := extractTokens(ctx, ld, e.stdin, out, *workers); err != nil {
			fmt.Fprintln(e.stderr, "kgraph extract:", err)
			return exitUsage
		}
		return exitOK
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	if *explain {
		return explainDocs(ctx, ld, paths, e, out, *maxDoc)
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	p := &pipeline{loader: ld, workers: *workers}
	read := func(fn func(loader.Item) error) error {
		return loader.Read(ctx, paths, e.stdin, loader.Limits{MaxDocBytes: *maxDoc}, fn)
	}
	err = p.run(ctx, read, func(o outcome) error {
		if o.err != nil {
			failed++
			fmt.Fprintf(e.stderr, "kgraph extract: %s: %s (skipped)\n", o.origin, reason(o.err))
			return nil
		}
		return enc.Encode(o.x)
	})
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph extract:", err)
		return exitUsage
	}
	if failed > 0 {
		return exitPartial
	}
	return exitOK
}

// explainDocs extracts the documents one by one and writes Explain's
// account of each.
func explainDocs(ctx context.Context, ld *loader.Loader, paths []string, e env, out *bufio.Writer, maxDoc int) int {
	failed := 0
	err := loader.Read(ctx, paths, e.stdin, loader.Limits{MaxDocBytes: maxDoc}, func(it loader.Item) error {
		if it.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "kgraph extract: %s: %s (skipped)\n", it.Origin, reason(it.Err))
			return nil
		}
		d, x, err := ld.ExtractDoc(ctx, it.Doc)
		if err != nil {
			return err
		}
		if err := ld.Pipeline().ParseAll(ctx, d); err != nil {
			return err
		}
		fmt.Fprintf(out, "══ document %s (%s): %d sentences, %d entities, %d facts in the graph\n", x.Document.ID, it.Origin, len(d.Sentences), len(x.Entities), len(x.Relations))
		if err := ld.Explain(out, d); err != nil {
			return err
		}
		_, err = out.WriteString("\n")
		return err
	})
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph extract:", err)
		return exitUsage
	}
	if failed > 0 {
		return exitPartial
	}
	return exitOK
}

// tokenLine is one input line of the evaluation contract.
type tokenLine struct {
	ID     json.RawMessage `json:"id"`
	Doc    *string         `json:"doc"`
	Tokens []string        `json:"tokens"`
}

// tokenDoc is a run of consecutive lines of one document.
type tokenDoc struct {
	lines []tokenLine
}

// Limits of the evaluation contract's input.
const (
	maxTokenLineBytes = 1 << 20
	maxTokensPerDoc   = 1 << 20
)

// extractTokens implements the evaluation contract: documents (runs of
// lines with the same doc; a line without doc is a document by itself) are
// extracted in parallel and written back in input order.
func extractTokens(ctx context.Context, ld *loader.Loader, in io.Reader, out io.Writer, workers int) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), maxTokenLineBytes)
	produce := func(emit func(tokenDoc) error) error {
		var cur tokenDoc
		curDoc, n, lineNo := "", 0, 0
		flush := func() error {
			if len(cur.lines) == 0 {
				return nil
			}
			d := cur
			cur, n = tokenDoc{}, 0
			return emit(d)
		}
		for sc.Scan() {
			lineNo++
			raw := sc.Bytes()
			if len(raw) == 0 {
				continue
			}
			var l tokenLine
			if err := json.Unmarshal(raw, &l); err != nil {
				return fmt.Errorf("line %d: %v", lineNo, err)
			}
			if len(l.ID) == 0 {
				return fmt.Errorf("line %d: no id", lineNo)
			}
			if l.Doc == nil || *l.Doc != curDoc || n+len(l.Tokens) > maxTokensPerDoc {
				if err := flush(); err != nil {
					return err
				}
			}
			if l.Doc != nil {
				curDoc = *l.Doc
			} else {
				curDoc = "\x00" // no doc: never joins the next line
			}
			n += len(l.Tokens)
			cur.lines = append(cur.lines, l)
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("line %d: %v", lineNo+1, err)
		}
		return flush()
	}
	type result struct {
		ids  []json.RawMessage
		sent []loader.SentenceResult
		err  error
	}
	work := func(ctx context.Context, d tokenDoc) result {
		sents := make([][]string, len(d.lines))
		ids := make([]json.RawMessage, len(d.lines))
		for i, l := range d.lines {
			sents[i], ids[i] = l.Tokens, l.ID
		}
		doc, err := ld.ExtractTokens(ctx, sents)
		if err != nil {
			return result{err: err}
		}
		return result{ids: ids, sent: loader.Sentences(doc)}
	}
	type outLine struct {
		ID json.RawMessage `json:"id"`
		loader.SentenceResult
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	err := parallel(ctx, workers, produce, work, func(r result) error {
		if r.err != nil {
			return r.err
		}
		for i, s := range r.sent {
			if err := enc.Encode(outLine{ID: r.ids[i], SentenceResult: s}); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
