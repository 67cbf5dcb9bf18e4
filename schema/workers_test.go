package schema

import (
	"testing"
	"time"
)

// TestWorkerPoolNeverWaits: with every worker busy, run still runs the
// next function at once; a finished worker takes the next function; idle
// workers exit.
func TestWorkerPoolNeverWaits(t *testing.T) {
	p := &workerPool{work: make(chan func()), max: 1, idle: 10 * time.Millisecond}
	release := make(chan struct{})
	started := make(chan int, 3)
	p.run(func() { started <- 1; <-release })
	<-started
	ran := make(chan struct{})
	p.run(func() { close(ran) }) // the only worker is busy
	<-ran
	if n := p.workers.Load(); n != 1 {
		t.Fatalf("%d workers, want 1 (the second function runs on a goroutine of its own)", n)
	}
	close(release)
	for p.workers.Load() != 0 {
		time.Sleep(time.Millisecond) // the worker exits once idle
	}
	done := make(chan struct{})
	p.run(func() { close(done) })
	<-done
}
