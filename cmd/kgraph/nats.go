package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"

	"github.com/kgraph/kgraph/loader/stream"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/store"
)

// natsHelp documents the connection flags every NATS command shares.
const natsHelp = `
Connection: --nats takes one or more server URLs separated by commas
(nats://host:4222,nats://other:4222); credentials go in the URL
(nats://user:password@host:4222, or nats://token@host:4222) or in a
credentials file (--nats-creds, the .creds file of a NATS account). For TLS
give tls://host:4222 and the CA that signed the servers' certificates
(--nats-ca), plus --nats-cert and --nats-key for mutual TLS. The client
reconnects forever; documents in flight are redelivered, never lost.
`

// natsFlags are the flags of the commands that talk to NATS JetStream.
type natsFlags struct {
	url, creds, ca, cert, key string
	stream, extractions, dead string
	replicas                  int
}

func (n *natsFlags) register(fs *flag.FlagSet, e env) {
	fs.StringVar(&n.url, "nats", envOr(e, "KGRAPH_NATS", ""), "NATS server URL(s), comma-separated (env KGRAPH_NATS)")
	fs.StringVar(&n.creds, "nats-creds", envOr(e, "KGRAPH_NATS_CREDS", ""), "NATS credentials file (env KGRAPH_NATS_CREDS)")
	fs.StringVar(&n.ca, "nats-ca", envOr(e, "KGRAPH_NATS_CA", ""), "PEM file of the CA of the NATS servers' TLS certificates (env KGRAPH_NATS_CA)")
	fs.StringVar(&n.cert, "nats-cert", envOr(e, "KGRAPH_NATS_CERT", ""), "client certificate (PEM) for mutual TLS")
	fs.StringVar(&n.key, "nats-key", envOr(e, "KGRAPH_NATS_KEY", ""), "client key (PEM) for mutual TLS")
	fs.StringVar(&n.stream, "stream", "KGRAPH_DOCS", "JetStream stream of documents")
	fs.StringVar(&n.extractions, "extractions-stream", "KGRAPH_EXTRACTIONS", "JetStream stream of extracted document graphs")
	fs.StringVar(&n.dead, "dead-stream", "KGRAPH_DEAD", "JetStream stream of dead letters (documents that could not be extracted)")
	fs.IntVar(&n.replicas, "replicas", 1, "replicas of the streams when they are created (3 on a cluster)")
}

func (n *natsFlags) config() stream.Config {
	return stream.Config{Docs: n.stream, Extractions: n.extractions, Dead: n.dead, Replicas: n.replicas}
}

// connect opens the NATS connection, logging disconnects and reconnects.
func (n *natsFlags) connect(ctx context.Context, name string, log zerolog.Logger) (*nats.Conn, jetstream.JetStream, error) {
	return stream.Connect(ctx, stream.ConnOptions{
		URL: n.url, Creds: n.creds, CA: n.ca, Cert: n.cert, Key: n.key,
		Name: "kgraph " + name, Timeout: 10 * time.Second,
		Reporter: func(ev string) { log.Warn().Str("component", "nats").Msg(ev) },
	})
}

// logf adapts a logger to the stream package's log functions.
func logf(log zerolog.Logger, component string) func(string, ...any) {
	l := log.With().Str("component", component).Logger()
	return func(f string, a ...any) { l.Warn().Msgf(f, a...) }
}

// newStreamWriter builds the single writer of the store.
func newStreamWriter(js jetstream.JetStream, cfg stream.Config, db *store.DB, log zerolog.Logger) *stream.Writer {
	return &stream.Writer{JS: js, Config: cfg, Store: db, Log: logf(log, "nats-writer")}
}

// runStreamWriter applies extractions until ctx is done, starting the
// writer again after an error (a store error, a lost cluster) with a pause.
func runStreamWriter(ctx context.Context, w *stream.Writer, log zerolog.Logger) {
	for ctx.Err() == nil {
		err := w.Run(ctx)
		if err == nil || ctx.Err() != nil {
			return
		}
		log.Error().Err(err).Msg("nats writer stopped; starting again in 5s")
		select {
		case <-time.After(5 * time.Second):
		case <-ctx.Done():
		}
	}
}

// registerStreamMetrics adds the stream's metrics to serve's registry:
// lag, redeliveries, dead letters and what the writer applied.
func registerStreamMetrics(m *metrics, w *stream.Writer) {
	if m != nil && w != nil {
		m.reg.MustRegister(streamCollector{w})
	}
}

// streamCollector reads the writer's counters and the streams' state at
// scrape time.
type streamCollector struct{ w *stream.Writer }

var (
	descNATSApplied     = prometheus.NewDesc("kgraph_nats_applied_total", "Extractions the writer applied as new documents.", nil, nil)
	descNATSUnchanged   = prometheus.NewDesc("kgraph_nats_unchanged_total", "Extractions of documents already stored (redeliveries, repeats).", nil, nil)
	descNATSRedelivered = prometheus.NewDesc("kgraph_nats_redeliveries_total", "Extra deliveries of applied documents, to workers and to the writer.", nil, nil)
	descNATSSkipped     = prometheus.NewDesc("kgraph_nats_skipped_total", "Document sequence numbers passed over: dead letters or removed documents.", nil, nil)
	descNATSInvalid     = prometheus.NewDesc("kgraph_nats_invalid_total", "Extractions the store refused, sent to the dead-letter stream.", nil, nil)
	descNATSNext        = prometheus.NewDesc("kgraph_nats_next_sequence", "Sequence number of the next document to apply.", nil, nil)
	descNATSLagDocs     = prometheus.NewDesc("kgraph_nats_lag_documents", "Documents waiting for an extraction worker.", nil, nil)
	descNATSLagExtr     = prometheus.NewDesc("kgraph_nats_lag_extractions", "Extractions waiting for the writer.", nil, nil)
	descNATSDead        = prometheus.NewDesc("kgraph_nats_dead_letters", "Documents kept in the dead-letter stream.", nil, nil)
)

func (streamCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descNATSApplied, descNATSUnchanged, descNATSRedelivered, descNATSSkipped, descNATSInvalid, descNATSNext, descNATSLagDocs, descNATSLagExtr, descNATSDead} {
		ch <- d
	}
}

func (c streamCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.w.Stats()
	for _, v := range []struct {
		d *prometheus.Desc
		n float64
	}{
		{descNATSApplied, float64(st.New.Load())},
		{descNATSUnchanged, float64(st.Unchanged.Load())},
		{descNATSRedelivered, float64(st.Redelivered.Load())},
		{descNATSSkipped, float64(st.Skipped.Load())},
		{descNATSInvalid, float64(st.Invalid.Load())},
	} {
		ch <- prometheus.MustNewConstMetric(v.d, prometheus.CounterValue, v.n)
	}
	ch <- prometheus.MustNewConstMetric(descNATSNext, prometheus.GaugeValue, float64(st.Next.Load()))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	lag, err := c.w.Lag(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(descNATSLagDocs, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(descNATSLagDocs, prometheus.GaugeValue, float64(lag.Documents))
	ch <- prometheus.MustNewConstMetric(descNATSLagExtr, prometheus.GaugeValue, float64(lag.Extractions))
	ch <- prometheus.MustNewConstMetric(descNATSDead, prometheus.GaugeValue, float64(lag.Dead))
}

// ingestFromNATS is kgraph ingest --nats: it applies the extractions of
// every document published so far, then stops.
func ingestFromNATS(ctx context.Context, c *common, n *natsFlags, paths []string, e env) int {
	if len(paths) > 0 {
		fmt.Fprintln(e.stderr, "kgraph ingest: --nats takes no inputs: publish them with kgraph publish")
		return exitUsage
	}
	ss, ok := c.open("ingest", e, false)
	if !ok {
		return exitUsage
	}
	defer ss.close()
	nc, js, err := n.connect(ctx, "ingest", ss.log)
	if err != nil {
		ss.log.Error().Err(err).Msg("connect")
		return exitUsage
	}
	defer nc.Close()
	w := newStreamWriter(js, n.config(), ss.db, ss.log)
	start := time.Now()
	err = w.Drain(ctx)
	el := time.Since(start)
	st := w.Stats()
	lag, lerr := w.Lag(context.WithoutCancel(ctx))
	fmt.Fprintf(e.stdout, "documents: %d new, %d unchanged, %d skipped (dead letters); %d redeliveries; %d dead letters kept; %.1fs, %.1f documents/s\n",
		st.New.Load(), st.Unchanged.Load(), st.Skipped.Load()+st.Invalid.Load(), st.Redelivered.Load(), lag.Dead, el.Seconds(),
		float64(st.New.Load()+st.Unchanged.Load())/max(el.Seconds(), 1e-9))
	switch {
	case err != nil:
		ss.log.Error().Err(err).Msg("ingest stopped")
		return exitUsage
	case lerr != nil:
		ss.log.Warn().Err(lerr).Msg("stream state")
	}
	if st.Skipped.Load()+st.Invalid.Load() > 0 {
		return exitPartial
	}
	return exitOK
}

// startNATSWriter starts serve's stream writer when --nats is given; stop
// ends it and waits, before the store closes.
func startNATSWriter(ctx context.Context, n *natsFlags, db *store.DB, log zerolog.Logger) (*stream.Writer, func(), bool) {
	if n.url == "" {
		return nil, func() {}, true
	}
	nc, js, err := n.connect(ctx, "serve", log)
	if err != nil {
		log.Error().Err(err).Msg("connect")
		return nil, nil, false
	}
	w := newStreamWriter(js, n.config(), db, log)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		runStreamWriter(wctx, w, log)
	}()
	log.Info().Str("nats", nc.ConnectedUrlRedacted()).Str("stream", n.stream).Msg("applying extractions from NATS")
	return w, func() { cancel(); <-done; nc.Close() }, true
}

// streamStats gives the GraphQL stats of the stream writer w, or nil (no
// stream field) when serve runs without --nats.
func streamStats(w *stream.Writer) func(context.Context) (*schema.StreamStats, error) {
	if w == nil {
		return nil
	}
	return func(ctx context.Context) (*schema.StreamStats, error) {
		st := w.Stats()
		lag, err := w.Lag(ctx)
		if err != nil {
			return nil, fmt.Errorf("nats: read the streams' state: %w", err)
		}
		return &schema.StreamStats{
			Applied: st.New.Load(), Unchanged: st.Unchanged.Load(), Redelivered: st.Redelivered.Load(),
			Skipped: st.Skipped.Load(), Invalid: st.Invalid.Load(),
			LagDocuments: int64(lag.Documents), LagExtractions: int64(lag.Extractions), DeadLetters: int64(lag.Dead),
		}, nil
	}
}
