package schema

import (
	"sync/atomic"
	"time"
)

// workerPool runs functions on goroutines that outlive them. graphql-go
// executes a query through deep recursion; a fresh goroutine starts with
// a small stack and copies it every time it doubles (a sixteenth of an
// entity request's CPU), while a worker's stack stays grown from one
// request to the next. When no worker is idle, a new one starts, up to max; beyond
// that each function gets a goroutine of its own, so a request never
// waits for a worker. A worker idle for longer than idle exits.
type workerPool struct {
	work    chan func()
	workers atomic.Int32
	max     int32
	idle    time.Duration
}

// execWorkers runs the GraphQL executions of every Service.
var execWorkers = &workerPool{work: make(chan func()), max: 256, idle: time.Minute}

// run runs f on an idle worker, a new worker, or a goroutine of its own.
func (p *workerPool) run(f func()) {
	select {
	case p.work <- f:
		return
	default:
	}
	if p.workers.Add(1) <= p.max {
		go p.worker(f)
		return
	}
	p.workers.Add(-1)
	go f()
}

func (p *workerPool) worker(f func()) {
	defer p.workers.Add(-1)
	t := time.NewTimer(p.idle)
	defer t.Stop()
	for {
		f()
		f = nil // nothing of the request stays reachable while idle
		t.Reset(p.idle)
		select {
		case f = <-p.work:
		case <-t.C:
			return
		}
	}
}
