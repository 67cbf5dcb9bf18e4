package main

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/loader/stream"
)

const workerHelp = `
Extracts documents from the NATS JetStream stream that kgraph publish fills
and publishes each document's graph to the extraction stream, where the
store's writer (kgraph serve --nats, kgraph ingest --nats) takes it. Run as
many workers as you like, on any machines: they share one durable consumer,
so each document goes to one of them. A document is acknowledged only after
its extraction is stored by JetStream; a worker that dies mid-document
leaves it to be redelivered after --ack-wait. A document whose extraction
fails is retried with backoff and after --max-deliver deliveries goes to the
dead-letter stream with its reason (header Kgraph-Reason); a document that
is not valid goes there at once. The worker runs until SIGINT or SIGTERM,
or with --until-empty until no document is left in the stream.
` + natsHelp + `
Examples:
  kgraph worker --nats nats://127.0.0.1:4222
  kgraph worker --nats nats://kgraph:s3cret@nats.internal:4222 --concurrency 8
  kgraph worker --nats nats://127.0.0.1:4222 --until-empty   # a batch job
`

func runWorker(ctx context.Context, args []string, e env) int {
	var c common
	var n natsFlags
	fs := newFlags("worker", "--nats URL [flags]", workerHelp, e)
	c.register(fs, e)
	n.register(fs, e)
	conc := fs.Int("concurrency", runtime.GOMAXPROCS(0), "documents extracted at once")
	maxDeliver := fs.Int("max-deliver", 5, "deliveries of a document before it is dead-lettered")
	ackWait := fs.Duration("ack-wait", 30*time.Second, "redelivery delay of a document whose worker went silent")
	maxDoc := fs.Int("max-doc-bytes", loader.DefaultMaxDocBytes, "largest document accepted, in bytes")
	untilEmpty := fs.Bool("until-empty", false, "exit once the document stream is empty (a batch job) instead of waiting for more")
	if pos, code, ok := parse(fs, args); !ok {
		return code
	} else if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "kgraph worker: unexpected argument %q (see --help)\n", pos[0])
		return exitUsage
	}
	switch {
	case n.url == "":
		fmt.Fprintln(e.stderr, "kgraph worker: --nats is required (see --help)")
		return exitUsage
	case *conc <= 0 || *maxDeliver <= 0 || *ackWait < time.Second || *maxDoc <= 0:
		fmt.Fprintln(e.stderr, "kgraph worker: --concurrency, --max-deliver and --max-doc-bytes must be positive, --ack-wait at least 1s")
		return exitUsage
	}
	log, err := c.logger(e.stderr)
	if err != nil {
		fmt.Fprintf(e.stderr, "kgraph worker: %v\n", err)
		return exitUsage
	}
	ld, err := loader.New()
	if err != nil {
		log.Error().Err(err).Msg("load models")
		return exitUsage
	}
	nc, js, err := n.connect(ctx, "worker", log)
	if err != nil {
		log.Error().Err(err).Msg("connect")
		return exitUsage
	}
	defer nc.Close()
	w := &stream.Worker{
		JS: js, Config: n.config(), Extract: ld.Extract,
		Limits:      loader.Limits{MaxDocBytes: *maxDoc},
		Concurrency: *conc, MaxDeliver: *maxDeliver, AckWait: *ackWait, UntilEmpty: *untilEmpty,
		Log: logf(log, "worker"),
	}
	log.Info().Str("nats", nc.ConnectedUrlRedacted()).Int("concurrency", *conc).Str("stream", n.stream).Msg("extracting")
	start := time.Now()
	if err := w.Run(ctx); err != nil {
		log.Error().Err(err).Msg("worker")
		return exitUsage
	}
	st := w.Stats()
	fmt.Fprintf(e.stdout, "documents: %d extracted, %d duplicates, %d retried, %d redelivered, %d dead-lettered; %.1fs\n",
		st.Extracted.Load(), st.Duplicates.Load(), st.Retried.Load(), st.Redelivered.Load(), st.Dead.Load(), time.Since(start).Seconds())
	return exitOK
}
