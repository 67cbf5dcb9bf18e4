package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/rs/zerolog"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

const ingestHelp = `
Extracts entities and relations from documents and adds them to the store.
Documents are extracted on all cores; each is written in one transaction,
so a document is stored wholly or not at all. A document whose text is
already stored is reported unchanged and not written again.

Inputs: .txt files (optional first line "date YYYY-MM-DD" with the title on
the same or the next line, then the body), .jsonl files (one
{"id","title","date","source","url","text"} object per line; only text is
required), directories (every .txt and .jsonl below them), and "-" for
standard input (JSON Lines if it starts with "{", else one text document).

A bad document (empty, binary, invalid UTF-8, larger than --max-doc-bytes,
malformed JSON line) is reported with its path or line and the reason, and
skipped; the others go on.

With --nats URL it takes no inputs: it is the store's writer for documents
published with kgraph publish and extracted by kgraph worker, applies every
extraction published so far (in publication order, each acknowledged after
its commit) and stops; see kgraph publish --help for the connection flags.

Exit status: 0 when every document was ingested (or unchanged), 1 when some
documents failed, 2 on usage or store errors.

Examples:
  kgraph ingest article.txt
  kgraph ingest --data /var/lib/kgraph corpus/ extra.jsonl
  cat news.jsonl | kgraph ingest -
  kgraph ingest --nats nats://127.0.0.1:4222    # apply what the workers extracted
`

func runIngest(ctx context.Context, args []string, e env) int {
	var c common
	fs := newFlags("ingest", "[flags] PATH... | -", ingestHelp, e)
	c.register(fs, e)
	maxDoc := fs.Int("max-doc-bytes", loader.DefaultMaxDocBytes, "largest document accepted, in bytes")
	workers := fs.Int("workers", 0, "extraction goroutines (0: one per core)")
	progress := fs.Bool("progress", true, "show a progress line on stderr when it is a terminal")
	syncEach := fs.Bool("sync", false, "fsync after each document before reporting it stored, so that it survives a power loss (slower; without it the store is synced once at the end)")
	var n natsFlags
	n.register(fs, e)
	server := fs.String("server", envOr(e, "KGRAPH_SERVER", ""), "send the documents to a running server at this URL (POST /ingest) instead of opening the store (env KGRAPH_SERVER)")
	token := fs.String("token", "", "with --server: the server's mutation token (env KGRAPH_TOKEN)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the whole ingest (extraction and store writes) to this `file` (go tool pprof)")
	memLimit := fs.String("memory-limit", defaultIngestMemoryLimit, "soft limit of the Go heap and runtime `size` (B, KiB, MiB, GiB; 0 for none); the collector works harder near it. GOMEMLIMIT in the environment replaces the default")
	paths, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	restoreLimit, err := setMemoryLimit(*memLimit, flagSet(fs, "memory-limit"), e.getenv)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph ingest:", err)
		return exitUsage
	}
	defer restoreLimit()
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph ingest:", err)
		return exitUsage
	}
	defer stopProfile()
	if n.url != "" {
		return ingestFromNATS(ctx, &c, &n, paths, e)
	}
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, "kgraph ingest: no input; give files, directories or - (see --help)")
		return exitUsage
	}
	if *maxDoc <= 0 {
		fmt.Fprintln(e.stderr, "kgraph ingest: --max-doc-bytes must be positive")
		return exitUsage
	}
	lim := loader.Limits{MaxDocBytes: *maxDoc}
	read := func(fn func(loader.Item) error) error { return loader.Read(ctx, paths, e.stdin, lim, fn) }
	var bar *progressBar
	if *progress && isTerminal(e.stderr) {
		bar = newProgressBar(ctx, e.stderr, paths, lim)
	}
	if *server != "" {
		if *token == "" {
			*token = e.getenv("KGRAPH_TOKEN")
		}
		return ingestRemote(ctx, e, c, *server, *token, read, bar)
	}
	ss, ok := c.open("ingest", e, true)
	if !ok {
		return exitUsage
	}
	defer ss.close()
	var w ingester = ss.db
	if *syncEach {
		w = syncedIngester{ss.db}
	}
	t, err := ingestAll(ctx, &pipeline{loader: ss.ld, workers: *workers}, w, read, ss.log, bar, nil)
	bar.finish()
	st, serr := ss.db.Stats(context.WithoutCancel(ctx))
	var totals *graph.Stats
	if serr == nil {
		totals = &st
	}
	printSummary(e.stdout, t, totals)
	switch {
	case err != nil && ctx.Err() != nil:
		fmt.Fprintln(e.stderr, "kgraph ingest: interrupted; the documents counted above are stored, the rest are not")
		return exitPartial
	case err != nil:
		ss.log.Error().Err(err).Msg("ingest stopped")
		return exitUsage
	case t.Failed > 0:
		return exitPartial
	}
	return exitOK
}

// batchIngester stores several extracted documents in one transaction,
// each still all or nothing (*store.DB).
type batchIngester interface {
	IngestBatch(ctx context.Context, xs []*graph.Extraction) ([]graph.IngestResult, []error)
}

// maxBatchDocs bounds the documents of one store transaction.
const maxBatchDocs = 32

// ingestAll runs the pipeline into db, logging each failed document with its
// origin and reason. m, when not nil, counts into the server's metrics.
// obs, when not nil, sees every document's outcome and the running tally.
//
// Writing runs on its own goroutine, overlapped with extraction: the
// extracted documents queue in input order, and the writer takes all that
// are waiting (up to maxBatchDocs) into one store transaction when db can
// batch. A document is counted, logged and shown to obs only once its
// transaction is committed. When extraction outpaces the writer, batches
// grow and the store's per-document cost shrinks; when it does not, each
// document is written as soon as it is extracted.
func ingestAll(ctx context.Context, p *pipeline, db ingester, read func(func(loader.Item) error) error, log zerolog.Logger, obs ingestObserver, m *metrics) (tally, error) {
	var t tally
	start := time.Now()
	queue := make(chan outcome, 2*maxBatchDocs)
	writeErr := make(chan error, 1)
	written := make(chan struct{})
	batcher, canBatch := db.(batchIngester)
	record := func(o outcome, res graph.IngestResult) error {
		if o.err == nil {
			t.Words += o.words
			t.Entities += res.Entities
			t.Relations += res.Relations
			if res.Status == graph.Unchanged {
				t.Unchanged++
			} else {
				t.New++
			}
			m.countIngest(string(res.Status))
			log.Debug().Str("document", res.DocumentID).Str("origin", o.origin).Str("status", string(res.Status)).Int("entities", res.Entities).Int("relations", res.Relations).Msg("ingested")
		}
		if o.err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			t.Failed++
			m.countIngest("FAILED")
			log.Warn().Str("document", o.origin).Str("reason", reason(o.err)).Msg("skipped")
		}
		if obs != nil {
			obs.document(o, res)
			obs.update(t, time.Since(start))
		}
		return nil
	}
	go func() {
		defer close(written)
		var batch []outcome
		for o := range queue {
			batch = append(batch[:0], o)
		more:
			for len(batch) < maxBatchDocs {
				select {
				case o, ok := <-queue:
					if !ok {
						break more
					}
					batch = append(batch, o)
				default:
					break more
				}
			}
			results := make([]graph.IngestResult, len(batch))
			var xs []*graph.Extraction
			var at []int
			for i, o := range batch {
				if o.err == nil {
					xs = append(xs, o.x)
					at = append(at, i)
				}
			}
			switch {
			case len(xs) == 0:
			case canBatch && len(xs) > 1:
				res, errs := batcher.IngestBatch(ctx, xs)
				for j, i := range at {
					results[i], batch[i].err = res[j], errs[j]
				}
			default:
				for _, i := range at {
					results[i], batch[i].err = db.Ingest(ctx, batch[i].x)
				}
			}
			for i, o := range batch {
				if err := record(o, results[i]); err != nil {
					writeErr <- err
					for range queue { // let the pipeline finish
					}
					return
				}
			}
		}
	}()
	err := p.run(ctx, read, func(o outcome) error {
		select {
		case queue <- o:
			return nil
		case err := <-writeErr:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(queue)
	<-written
	if err == nil {
		select {
		case err = <-writeErr:
		default:
		}
	}
	t.Elapsed = time.Since(start)
	return t, err
}

// reason is the text of err for an operator: the message of a *graph.Error
// without its code, or the whole error otherwise.
func reason(err error) string {
	var ge *graph.Error
	if errors.As(err, &ge) {
		return ge.Message
	}
	return err.Error()
}
