package main

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// TestParallelWaitsForProducer cancels a run while the producer is still
// busy after its last emit: parallel must not return before the producer
// has, or the producer's error is written while parallel reads it (a data
// race under -race) and the producer outlives the call.
func TestParallelWaitsForProducer(t *testing.T) {
	for round := range 20 {
		ctx, cancel := context.WithCancel(context.Background())
		var producerDone atomic.Bool
		produce := func(emit func(int) error) error {
			defer producerDone.Store(true)
			for i := 0; ; i++ {
				if err := emit(i); err != nil {
					// Work the producer still does after the stop, such
					// as closing a file.
					time.Sleep(time.Millisecond)
					return err
				}
			}
		}
		seen := 0
		err := parallel(ctx, 2, produce, func(_ context.Context, i int) int { return i }, func(int) error {
			seen++
			if seen == 5 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("round %d: err = %v, want context.Canceled", round, err)
		}
		if !producerDone.Load() {
			t.Fatalf("round %d: parallel returned while the producer was still running", round)
		}
	}
}

// TestParallelReportsProducerError checks that a producer's own failure
// reaches the caller after everything it emitted was consumed in order.
func TestParallelReportsProducerError(t *testing.T) {
	boom := errors.New("boom")
	var got []int
	err := parallel(context.Background(), 3, func(emit func(int) error) error {
		for i := range 50 {
			if err := emit(i); err != nil {
				return err
			}
		}
		return boom
	}, func(_ context.Context, i int) int { return i * 2 }, func(o int) error {
		got = append(got, o)
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if len(got) != 50 {
		t.Fatalf("consumed %d results, want 50", len(got))
	}
	for i, o := range got {
		if o != i*2 {
			t.Fatalf("result %d = %d, want %d (input order)", i, o, i*2)
		}
	}
}
