package stream

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/loader"
)

// ExtractFunc turns one document into its graph; (*loader.Loader).Extract
// is one.
type ExtractFunc func(context.Context, graph.Document) (*graph.Extraction, error)

// Worker extracts documents from the document stream. Any number of
// workers, in one process or on many machines, share the durable consumer
// and so the load.
type Worker struct {
	JS      jetstream.JetStream
	Config  Config
	Extract ExtractFunc
	Limits  loader.Limits // document checks; zero: the loader's defaults

	Concurrency int             // documents extracted at once; default GOMAXPROCS
	MaxDeliver  int             // deliveries before a document is dead-lettered; default 5
	Backoff     []time.Duration // delay before the n-th retry of a failed extraction; default 1s, 5s, 30s
	AckWait     time.Duration   // redelivery delay of an unacknowledged document; default 30s
	Consumer    string          // durable consumer name; default "kgraph-workers"
	UntilEmpty  bool            // return once the document stream is empty instead of waiting for more

	// Log receives one line per dead letter and per transient error; may be nil.
	Log func(format string, args ...any)

	stats WorkerStats
}

// WorkerStats counts what a worker did.
type WorkerStats struct {
	Extracted   atomic.Int64 // extractions published
	Duplicates  atomic.Int64 // extractions the stream already had
	Retried     atomic.Int64 // failed extractions handed back for a retry
	Redelivered atomic.Int64 // documents received more than once
	Dead        atomic.Int64 // documents sent to the dead-letter stream
}

// Stats returns the worker's counters.
func (w *Worker) Stats() *WorkerStats { return &w.stats }

func (w *Worker) defaults() {
	if w.Concurrency <= 0 {
		w.Concurrency = runtime.GOMAXPROCS(0)
	}
	if w.MaxDeliver <= 0 {
		w.MaxDeliver = 5
	}
	if w.Backoff == nil {
		w.Backoff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second}
	}
	if w.AckWait <= 0 {
		w.AckWait = 30 * time.Second
	}
	if w.Consumer == "" {
		w.Consumer = "kgraph-workers"
	}
	if w.Log == nil {
		w.Log = func(string, ...any) {}
	}
}

// WorkerConsumer creates or updates the shared durable consumer of the
// document stream.
func (w *Worker) consumer(ctx context.Context) (jetstream.Consumer, error) {
	c := w.Config.withDefaults()
	cfg := jetstream.ConsumerConfig{
		Durable:     w.Consumer,
		Description: "kgraph extraction workers",
		AckPolicy:   jetstream.AckExplicitPolicy,
		AckWait:     w.AckWait,
		// Unlimited for the server: the worker itself dead-letters a
		// document delivered MaxDeliver times, so one whose last delivery
		// went to a crashing worker is not left stuck in the queue.
		MaxDeliver:    -1,
		MaxAckPending: 1024,
		Replicas:      0,
	}
	for attempt := 0; ; attempt++ {
		cons, err := w.JS.CreateOrUpdateConsumer(ctx, c.Docs, cfg)
		if err == nil {
			return cons, nil
		}
		if attempt >= 40 || !retryable(err) {
			return nil, fmt.Errorf("consumer %s on %s: %w", w.Consumer, c.Docs, err)
		}
		sleep(ctx, 250*time.Millisecond)
	}
}

// Run extracts documents until ctx is done. A document being extracted when
// ctx ends is left unacknowledged, as a crash would leave it: JetStream
// redelivers it after AckWait.
func (w *Worker) Run(ctx context.Context) error {
	w.defaults()
	if w.Extract == nil {
		return errors.New("worker: no extract function")
	}
	if err := Setup(ctx, w.JS, w.Config); err != nil {
		return err
	}
	cons, err := w.consumer(ctx)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for range w.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				batch, err := cons.Fetch(1, jetstream.FetchMaxWait(2*time.Second))
				if err != nil {
					w.Log("fetch: %v", err)
					sleep(ctx, 250*time.Millisecond)
					continue
				}
				got := 0
				for msg := range batch.Messages() {
					got++
					w.handle(ctx, msg)
				}
				if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
					sleep(ctx, 250*time.Millisecond)
				}
				if got == 0 && w.UntilEmpty && w.docsEmpty(ctx) {
					return
				}
			}
		}()
	}
	wg.Wait()
	return nil
}

// docsEmpty reports whether the document stream holds no document, not
// even one another worker is extracting.
func (w *Worker) docsEmpty(ctx context.Context) bool {
	st, err := w.JS.Stream(ctx, w.Config.withDefaults().Docs)
	if err != nil {
		return false
	}
	info, err := st.Info(ctx)
	return err == nil && info.State.Msgs == 0
}

// permanent marks a document error no retry can fix.
type permanent struct{ error }

func (w *Worker) handle(ctx context.Context, msg jetstream.Msg) {
	if ctx.Err() != nil {
		return // a crash: no ack, JetStream redelivers
	}
	meta, err := msg.Metadata()
	if err != nil {
		w.Log("message without metadata: %v", err)
		_ = msg.Term()
		return
	}
	if meta.NumDelivered > 1 {
		w.stats.Redelivered.Add(1)
	}
	if meta.NumDelivered > uint64(w.MaxDeliver) {
		w.dead(ctx, msg, meta, fmt.Sprintf("delivered %d times without an extraction (worker crashed or timed out)", meta.NumDelivered-1))
		return
	}
	x, err := w.extract(ctx, msg)
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		var p permanent
		if errors.As(err, &p) || meta.NumDelivered >= uint64(w.MaxDeliver) {
			w.dead(ctx, msg, meta, err.Error())
			return
		}
		w.stats.Retried.Add(1)
		delay := w.Backoff[min(int(meta.NumDelivered)-1, len(w.Backoff)-1)]
		w.Log("document %d: %v; retry %d of %d in %s", meta.Sequence.Stream, err, meta.NumDelivered, w.MaxDeliver-1, delay)
		_ = msg.NakWithDelay(delay)
		return
	}
	body, gz, err := encodeExtraction(x)
	if err == nil && int64(len(body)) > w.JS.Conn().MaxPayload()-4096 {
		err = fmt.Errorf("extraction of %d bytes exceeds the server's max_payload %d", len(body), w.JS.Conn().MaxPayload())
	}
	if err != nil {
		w.dead(ctx, msg, meta, err.Error())
		return
	}
	c := w.Config.withDefaults()
	out := &nats.Msg{Subject: c.ExtractedSubject(meta.Sequence.Stream), Data: body, Header: nats.Header{}}
	if gz {
		out.Header.Set(hdrEncoding, "gzip")
	}
	out.Header.Set(hdrDocID, x.Document.ID)
	out.Header.Set(hdrDeliveries, strconv.FormatUint(meta.NumDelivered, 10))
	ack, err := w.JS.PublishMsg(ctx, out, jetstream.WithMsgID(c.Docs+":"+strconv.FormatUint(meta.Sequence.Stream, 10)), jetstream.WithExpectStream(c.Extractions))
	if err != nil {
		if ctx.Err() == nil {
			w.Log("document %d: publish extraction: %v; redelivered later", meta.Sequence.Stream, err)
			_ = msg.NakWithDelay(time.Second)
		}
		return
	}
	if ack.Duplicate {
		w.stats.Duplicates.Add(1)
	} else {
		w.stats.Extracted.Add(1)
	}
	if err := msg.DoubleAck(ctx); err != nil && ctx.Err() == nil {
		// The extraction is stored; a redelivery publishes a duplicate
		// that the stream drops.
		w.Log("document %d: ack: %v", meta.Sequence.Stream, err)
	}
}

// extract decodes and checks the document and runs the extraction,
// telling JetStream it is in progress while it takes long.
func (w *Worker) extract(ctx context.Context, msg jetstream.Msg) (*graph.Extraction, error) {
	doc, err := decodeDocument(msg.Data())
	if err != nil {
		return nil, permanent{err}
	}
	if _, err := loader.Prepare(graph.Document{Title: doc.Title, Date: doc.Date, Text: doc.Text}, w.Limits); err != nil {
		return nil, permanent{fmt.Errorf("bad document: %s", reasonOf(err))}
	}
	if doc.ID == "" {
		doc.ID = graph.DocumentID(doc.Text)
	}
	doc.Hash = graph.ContentHash(doc.Text)
	done := make(chan struct{})
	defer close(done)
	go func() {
		t := time.NewTicker(w.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				_ = msg.InProgress()
			case <-done:
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	x, err := w.Extract(ctx, doc)
	if err == nil && x == nil {
		err = errors.New("extraction returned nothing")
	}
	return x, err
}

// dead publishes the document to the dead-letter stream with the reason
// and then acknowledges it; if the publication fails the document stays
// in the queue.
func (w *Worker) dead(ctx context.Context, msg jetstream.Msg, meta *jetstream.MsgMetadata, reason string) {
	c := w.Config.withDefaults()
	seq := meta.Sequence.Stream
	out := &nats.Msg{Subject: c.DeadSubject(seq), Data: msg.Data(), Header: nats.Header{}}
	out.Header.Set(hdrReason, reason)
	out.Header.Set(hdrDeliveries, strconv.FormatUint(meta.NumDelivered, 10))
	out.Header.Set(hdrDocSeq, strconv.FormatUint(seq, 10))
	if id := msg.Headers().Get(hdrDocID); id != "" {
		out.Header.Set(hdrDocID, id)
	}
	if _, err := w.JS.PublishMsg(ctx, out, jetstream.WithMsgID(c.Docs+":"+strconv.FormatUint(seq, 10)+":dead"), jetstream.WithExpectStream(c.Dead)); err != nil {
		if ctx.Err() == nil {
			w.Log("document %d: publish dead letter: %v", seq, err)
			_ = msg.NakWithDelay(time.Second)
		}
		return
	}
	w.stats.Dead.Add(1)
	w.Log("document %d dead-lettered after %d deliveries: %s", seq, meta.NumDelivered, reason)
	if err := msg.DoubleAck(ctx); err != nil && ctx.Err() == nil {
		w.Log("document %d: ack: %v", seq, err)
	}
}
