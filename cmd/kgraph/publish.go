package main

import (
	"context"
	"fmt"
	"time"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/loader/stream"
)

const publishHelp = `
Publishes documents to a NATS JetStream stream for extraction workers
(kgraph worker) and a store writer (kgraph serve --nats or kgraph ingest
--nats). The inputs are those of kgraph ingest. The stream (--stream) and
the extraction and dead-letter streams are created when absent. Each
message carries the document id and the start of its content hash as its
Nats-Msg-Id, so the stream's de-duplication window (--dedupe-window, for
streams it creates) drops an identical repeat; the store would report it
unchanged anyway.

A bad document (empty, binary, invalid UTF-8, larger than --max-doc-bytes,
malformed JSON line) is reported with its origin and reason and skipped.
Exit status: 0 when every document was published, 1 when some were bad,
2 on usage or connection errors.
` + natsHelp + `
Examples:
  kgraph publish --nats nats://127.0.0.1:4222 corpus/ news.jsonl
  tail -f feed.jsonl | kgraph publish --nats nats://nats.internal:4222 -
  kgraph publish --nats tls://nats.example.org:4222 --nats-ca ca.pem --nats-creds kgraph.creds news.jsonl
`

func runPublish(ctx context.Context, args []string, e env) int {
	var c common
	var n natsFlags
	fs := newFlags("publish", "--nats URL [flags] PATH... | -", publishHelp, e)
	c.register(fs, e)
	n.register(fs, e)
	maxDoc := fs.Int("max-doc-bytes", loader.DefaultMaxDocBytes, "largest document accepted, in bytes")
	dedupe := fs.Duration("dedupe-window", time.Hour, "de-duplication window of streams this command creates")
	paths, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	switch {
	case n.url == "":
		fmt.Fprintln(e.stderr, "kgraph publish: --nats is required (see --help)")
		return exitUsage
	case len(paths) == 0:
		fmt.Fprintln(e.stderr, "kgraph publish: no input; give files, directories or - (see --help)")
		return exitUsage
	case *maxDoc <= 0:
		fmt.Fprintln(e.stderr, "kgraph publish: --max-doc-bytes must be positive")
		return exitUsage
	}
	log, err := c.logger(e.stderr)
	if err != nil {
		fmt.Fprintf(e.stderr, "kgraph publish: %v\n", err)
		return exitUsage
	}
	nc, js, err := n.connect(ctx, "publish", log)
	if err != nil {
		log.Error().Err(err).Msg("connect")
		return exitUsage
	}
	defer nc.Close()
	cfg := n.config()
	cfg.Duplicates = *dedupe
	if err := stream.Setup(ctx, js, cfg); err != nil {
		log.Error().Err(err).Msg("streams")
		return exitUsage
	}
	start := time.Now()
	failed := 0
	p := &stream.Publisher{JS: js, Config: cfg}
	res, err := p.Publish(ctx, func(emit func(graph.Document) error) error {
		return loader.Read(ctx, paths, e.stdin, loader.Limits{MaxDocBytes: *maxDoc}, func(it loader.Item) error {
			if it.Err != nil {
				failed++
				log.Warn().Str("document", it.Origin).Str("reason", reason(it.Err)).Msg("skipped")
				return nil
			}
			return emit(it.Doc)
		})
	})
	el := time.Since(start)
	fmt.Fprintf(e.stdout, "documents: %d published, %d duplicates dropped by the stream, %d failed; stream %s sequence %d-%d; %.1fs, %.0f documents/s\n",
		res.Published, res.Duplicates, failed, cfg.Docs, res.FirstSeq, res.LastSeq, el.Seconds(), float64(res.Published+res.Duplicates)/max(el.Seconds(), 1e-9))
	switch {
	case err != nil:
		log.Error().Err(err).Msg("publish stopped")
		return exitUsage
	case failed > 0:
		return exitPartial
	}
	return exitOK
}
