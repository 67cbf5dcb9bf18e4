package stream

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/kgraph/kgraph/graph"
)

// Ingester is the part of graph.Writer the writer needs.
type Ingester interface {
	Ingest(ctx context.Context, x *graph.Extraction) (graph.IngestResult, error)
}

// Writer applies extractions to the store, the single writer: in document
// order, each acknowledged only after its commit.
type Writer struct {
	JS     jetstream.JetStream
	Config Config
	Store  Ingester

	Consumer   string        // durable consumer name; default "kgraph-writer"
	MaxPending int           // extractions held out of order; default 10000
	AckWait    time.Duration // redelivery delay of an unacknowledged extraction; default 2m

	// Log receives one line per skipped or dead-lettered document and per
	// transient error; may be nil.
	Log func(format string, args ...any)

	stats WriterStats
}

// WriterStats counts what a writer did. Redelivered sums the extra
// deliveries of the documents applied: to workers (the Kgraph-Deliveries
// header) and to the writer itself.
type WriterStats struct {
	New         atomic.Int64
	Unchanged   atomic.Int64
	Invalid     atomic.Int64 // extractions the store refused, dead-lettered
	Redelivered atomic.Int64
	Skipped     atomic.Int64 // sequence numbers passed over: dead letters or removed documents
	Next        atomic.Uint64
}

// Stats returns the writer's counters.
func (w *Writer) Stats() *WriterStats { return &w.stats }

func (w *Writer) defaults() {
	if w.Consumer == "" {
		w.Consumer = "kgraph-writer"
	}
	if w.MaxPending <= 0 {
		w.MaxPending = 10000
	}
	if w.AckWait <= 0 {
		w.AckWait = 2 * time.Minute
	}
	if w.Log == nil {
		w.Log = func(string, ...any) {}
	}
}

// Run applies extractions until ctx is done.
func (w *Writer) Run(ctx context.Context) error { return w.run(ctx, false) }

// Drain applies extractions until every document published so far is
// applied or dead-lettered, then returns.
func (w *Writer) Drain(ctx context.Context) error { return w.run(ctx, true) }

// Lag is the work between the stream and the store.
type Lag struct {
	Documents   uint64 // documents waiting for a worker
	Extractions uint64 // extractions waiting for the writer
	Dead        uint64 // dead letters kept
}

// Lag reads the stream states.
func (w *Writer) Lag(ctx context.Context) (Lag, error) {
	var l Lag
	c := w.Config.withDefaults()
	for _, s := range []struct {
		name string
		n    *uint64
	}{{c.Docs, &l.Documents}, {c.Extractions, &l.Extractions}, {c.Dead, &l.Dead}} {
		st, err := w.JS.Stream(ctx, s.name)
		if err != nil {
			return l, err
		}
		info, err := st.Info(ctx)
		if err != nil {
			return l, err
		}
		*s.n = info.State.Msgs
	}
	return l, nil
}

type writerRun struct {
	*Writer
	c                    Config
	docs, extr, dead     jetstream.Stream
	cons                 jetstream.Consumer
	next                 uint64
	buf                  map[uint64]jetstream.Msg
	lastTouch, lastCheck time.Time
}

func (w *Writer) run(ctx context.Context, drain bool) error {
	w.defaults()
	if w.Store == nil {
		return errors.New("writer: no store")
	}
	r := &writerRun{Writer: w, c: w.Config.withDefaults(), buf: map[uint64]jetstream.Msg{}}
	if err := r.open(ctx); err != nil {
		return err
	}
	defer func() {
		// Hand back what was held so that the next writer gets it at once.
		for _, m := range r.buf {
			_ = m.Nak()
		}
	}()
	r.lastTouch = time.Now()
	for {
		if err := ctx.Err(); err != nil {
			if drain {
				return err
			}
			return nil
		}
		for {
			m, ok := r.buf[r.next]
			if !ok {
				break
			}
			if err := r.apply(ctx, m); err != nil {
				if ctx.Err() != nil && !drain {
					return nil
				}
				return err
			}
			delete(r.buf, r.next)
			r.next++
			w.stats.Next.Store(r.next)
		}
		if time.Since(r.lastTouch) > w.AckWait/3 {
			for _, m := range r.buf {
				_ = m.InProgress()
			}
			r.lastTouch = time.Now()
		}
		got, err := r.fetch(ctx)
		if err != nil {
			if ctx.Err() != nil {
				continue
			}
			w.Log("fetch extractions: %v", err)
			sleep(ctx, 250*time.Millisecond)
			continue
		}
		if _, ok := r.buf[r.next]; ok || got > 0 && time.Since(r.lastCheck) < 500*time.Millisecond {
			continue
		}
		done, err := r.gap(ctx)
		r.lastCheck = time.Now()
		if err != nil {
			if ctx.Err() == nil {
				w.Log("check stream state: %v", err)
				sleep(ctx, 250*time.Millisecond)
			}
			continue
		}
		if drain && done && len(r.buf) == 0 {
			// Send the last acknowledgements before the caller closes
			// the connection.
			_ = r.JS.Conn().FlushTimeout(5 * time.Second)
			return nil
		}
	}
}

func (r *writerRun) open(ctx context.Context) error {
	if err := Setup(ctx, r.JS, r.c); err != nil {
		return err
	}
	var err error
	for attempt := 0; ; attempt++ {
		if r.docs, err = r.JS.Stream(ctx, r.c.Docs); err == nil {
			if r.extr, err = r.JS.Stream(ctx, r.c.Extractions); err == nil {
				if r.dead, err = r.JS.Stream(ctx, r.c.Dead); err == nil {
					r.cons, err = r.JS.CreateOrUpdateConsumer(ctx, r.c.Extractions, jetstream.ConsumerConfig{
						Durable:       r.Consumer,
						Description:   "kgraph store writer",
						FilterSubject: r.c.Prefix + ".extracted.*",
						AckPolicy:     jetstream.AckExplicitPolicy,
						AckWait:       r.AckWait,
						MaxDeliver:    -1,
						MaxAckPending: r.MaxPending,
					})
					if err == nil {
						break
					}
				}
			}
		}
		if attempt >= 40 || !retryable(err) {
			return fmt.Errorf("writer: %w", err)
		}
		sleep(ctx, 250*time.Millisecond)
	}
	for attempt := 0; ; attempt++ {
		low, _, err := r.low(ctx)
		if err == nil {
			r.next = low
			r.stats.Next.Store(low)
			return nil
		}
		if attempt >= 40 || !retryable(err) {
			return fmt.Errorf("writer: %w", err)
		}
		sleep(ctx, 250*time.Millisecond)
	}
}

// fetch takes what extractions are there, waiting a little when none is.
func (r *writerRun) fetch(ctx context.Context) (int, error) {
	room := min(256, r.MaxPending-len(r.buf))
	if room <= 0 {
		sleep(ctx, 100*time.Millisecond)
		return 0, nil
	}
	batch, err := r.cons.FetchNoWait(room)
	if err != nil {
		return 0, err
	}
	got := r.take(ctx, batch)
	if got > 0 {
		return got, batch.Error()
	}
	batch, err = r.cons.Fetch(room, jetstream.FetchMaxWait(500*time.Millisecond))
	if err != nil {
		return 0, err
	}
	got = r.take(ctx, batch)
	if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) {
		return got, err
	}
	return got, nil
}

func (r *writerRun) take(ctx context.Context, batch jetstream.MessageBatch) int {
	n := 0
	for m := range batch.Messages() {
		n++
		seq, ok := seqOf(m.Subject())
		switch {
		case !ok:
			r.Log("extraction on unexpected subject %s dropped", m.Subject())
			_ = m.Term()
		case seq < r.next:
			_ = m.DoubleAck(ctx) // applied already (a late copy)
		case r.buf[seq] != nil:
			_ = m.DoubleAck(ctx) // a second copy of one held
		default:
			r.buf[seq] = m
		}
	}
	return n
}

// low is the lowest document sequence number not yet applied: the lowest
// still waiting in the document stream or the extraction stream. The
// document stream is read first: a document leaves it only after its
// extraction is stored, and only this writer removes extractions, so no
// document can slip between the two reads. It also returns the document
// stream's last sequence number.
func (r *writerRun) low(ctx context.Context) (uint64, uint64, error) {
	di, err := r.docs.Info(ctx)
	if err != nil {
		return 0, 0, err
	}
	low := di.State.LastSeq + 1
	if di.State.Msgs > 0 {
		low = di.State.FirstSeq
	}
	xi, err := r.extr.Info(ctx, jetstream.WithSubjectFilter(r.c.Prefix+".extracted.*"))
	if err != nil {
		return 0, 0, err
	}
	for s := range xi.State.Subjects {
		if seq, ok := seqOf(s); ok && seq < low {
			low = seq
		}
	}
	return low, di.State.LastSeq, nil
}

// gap handles a missing next document: it waits when the document is still
// being extracted, and skips past documents that will never come (dead
// letters, documents removed from the stream). It reports done when every
// published document is applied.
func (r *writerRun) gap(ctx context.Context) (bool, error) {
	if _, err := r.docs.GetMsg(ctx, r.next); err == nil {
		return false, nil // waiting for a worker
	} else if !errors.Is(err, jetstream.ErrMsgNotFound) {
		return false, err
	}
	low, last, err := r.low(ctx)
	if err != nil {
		return false, err
	}
	if low > r.next {
		for s := r.next; s < low && s <= last; s++ {
			reason := "no longer in the stream"
			if s-r.next < 1000 {
				if m, err := r.dead.GetLastMsgForSubject(ctx, r.c.DeadSubject(s)); err == nil {
					reason = "dead letter: " + m.Header.Get(hdrReason)
				}
			}
			r.Log("document %d skipped: %s", s, reason)
		}
		r.stats.Skipped.Add(int64(min(low, last+1) - r.next))
		r.next = low
		r.stats.Next.Store(low)
	}
	return r.next > last, nil
}

// apply ingests one extraction and acknowledges it after the commit.
func (r *writerRun) apply(ctx context.Context, m jetstream.Msg) error {
	seq := r.next
	x, err := decodeExtraction(m.Data(), m.Headers().Get(hdrEncoding) == "gzip")
	var res graph.IngestResult
	if err != nil {
		err = graph.Errorf(graph.EINVALID, "%v", err)
	} else {
		res, err = r.Store.Ingest(ctx, x)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if code := graph.ErrorCode(err); code != "" && code != graph.EINVALID {
			return fmt.Errorf("document %d: store: %w", seq, err)
		}
		// The store refuses this extraction: dead-letter it and go on.
		r.stats.Invalid.Add(1)
		out := &nats.Msg{Subject: r.c.DeadSubject(seq), Data: m.Data(), Header: nats.Header{}}
		for k, v := range m.Headers() {
			out.Header[k] = v
		}
		out.Header.Del("Nats-Msg-Id")
		out.Header.Set(hdrReason, "store refused the extraction: "+reasonOf(err))
		out.Header.Set(hdrDocSeq, strconv.FormatUint(seq, 10))
		if _, err := r.JS.PublishMsg(ctx, out, jetstream.WithMsgID(r.c.Docs+":"+strconv.FormatUint(seq, 10)+":dead")); err != nil {
			return fmt.Errorf("document %d: publish dead letter: %w", seq, err)
		}
		r.Log("document %d dead-lettered: store refused the extraction: %s", seq, reasonOf(err))
	} else {
		if res.Status == graph.Unchanged {
			r.stats.Unchanged.Add(1)
		} else {
			r.stats.New.Add(1)
		}
		if n, err := strconv.ParseInt(m.Headers().Get(hdrDeliveries), 10, 64); err == nil && n > 1 {
			r.stats.Redelivered.Add(n - 1)
		}
		if meta, err := m.Metadata(); err == nil && meta.NumDelivered > 1 {
			r.stats.Redelivered.Add(int64(meta.NumDelivered - 1))
		}
	}
	// Committed. The acknowledgement is not waited for: if it is lost, the
	// redelivered copy is below next and only acknowledged, and after a
	// restart it is applied again as Unchanged.
	if err := m.Ack(); err != nil && ctx.Err() == nil {
		r.Log("document %d: ack: %v", seq, err)
	}
	return nil
}

// reasonOf is the text of err for an operator: the message of a
// *graph.Error without its code, or the whole error otherwise.
func reasonOf(err error) string {
	var ge *graph.Error
	if errors.As(err, &ge) {
		return ge.Message
	}
	return err.Error()
}
