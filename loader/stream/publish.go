package stream

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/kgraph/kgraph/graph"
)

// Publisher publishes documents to the document stream with asynchronous
// acknowledgements, at most Window unacknowledged at a time.
type Publisher struct {
	JS     jetstream.JetStream
	Config Config
	Window int // publications in flight; default 256
}

// PublishResult counts what a Publish did.
type PublishResult struct {
	Published  int // stored by the stream
	Duplicates int // dropped by the de-duplication window
	FirstSeq   uint64
	LastSeq    uint64
}

// Publish sends each document that next yields until it reports io.EOF
// (via done=true), waits for every acknowledgement and returns the counts.
// next is called from the calling goroutine.
func (p *Publisher) Publish(ctx context.Context, docs func(emit func(graph.Document) error) error) (PublishResult, error) {
	var res PublishResult
	c := p.Config.withDefaults()
	window := p.Window
	if window <= 0 {
		window = 256
	}
	type pending struct {
		f   jetstream.PubAckFuture
		msg *nats.Msg
		id  string
	}
	var inflight []pending
	settle := func(pd pending) error {
		for attempt := 0; ; attempt++ {
			select {
			case ack := <-pd.f.Ok():
				if ack.Duplicate {
					res.Duplicates++
				} else {
					res.Published++
					if res.FirstSeq == 0 || ack.Sequence < res.FirstSeq {
						res.FirstSeq = ack.Sequence
					}
					res.LastSeq = max(res.LastSeq, ack.Sequence)
				}
				return nil
			case err := <-pd.f.Err():
				// The message id makes a retry safe: a copy that was
				// stored after all is dropped as a duplicate.
				if attempt >= 40 || !retryable(err) {
					return fmt.Errorf("publish %s: %w", pd.id, err)
				}
				sleep(ctx, 250*time.Millisecond)
				if ctx.Err() != nil {
					return ctx.Err()
				}
				f, err := p.JS.PublishMsgAsync(pd.msg, jetstream.WithMsgID(pd.id), jetstream.WithExpectStream(c.Docs))
				if err != nil {
					if !retryable(err) {
						return fmt.Errorf("publish %s: %w", pd.id, err)
					}
					continue
				}
				pd.f = f
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	err := docs(func(d graph.Document) error {
		body, err := EncodeDocument(d)
		if err != nil {
			return err
		}
		msg := &nats.Msg{Subject: c.DocsSubject(), Data: body, Header: nats.Header{}}
		msg.Header.Set(hdrDocID, d.ID)
		id := MsgID(d)
		for len(inflight) >= window {
			if err := settle(inflight[0]); err != nil {
				return err
			}
			inflight = inflight[1:]
		}
		var f jetstream.PubAckFuture
		for attempt := 0; ; attempt++ {
			f, err = p.JS.PublishMsgAsync(msg, jetstream.WithMsgID(id), jetstream.WithExpectStream(c.Docs))
			if err == nil {
				break
			}
			if attempt >= 40 || !retryable(err) && !errors.Is(err, jetstream.ErrTooManyStalledMsgs) {
				return fmt.Errorf("publish %s: %w", id, err)
			}
			sleep(ctx, 250*time.Millisecond)
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		inflight = append(inflight, pending{f, msg, id})
		return nil
	})
	for _, pd := range inflight {
		if err2 := settle(pd); err2 != nil && err == nil {
			err = err2
		}
	}
	return res, err
}
