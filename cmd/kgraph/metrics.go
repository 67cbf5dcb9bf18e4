package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kgraph/kgraph/graph"
)

// metrics keeps the server's counters and writes them in the Prometheus
// text exposition format (version 0.0.4). A nil *metrics counts nothing.
type metrics struct {
	mu       sync.Mutex
	requests map[[3]string]uint64  // path, operation, status -> count
	latency  map[string]*histogram // operation -> request durations
	ingests  map[string]uint64     // NEW, UNCHANGED, FAILED -> count
	stats    func(context.Context) (graph.Stats, error)
}

var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

func newMetrics(stats func(context.Context) (graph.Stats, error)) *metrics {
	return &metrics{requests: map[[3]string]uint64{}, latency: map[string]*histogram{}, ingests: map[string]uint64{}, stats: stats}
}

func (m *metrics) observe(path, op string, status int, d time.Duration) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[3]string{path, op, strconv.Itoa(status)}]++
	if op == "" {
		return
	}
	h := m.latency[op]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets))}
		m.latency[op] = h
	}
	s := d.Seconds()
	for i, b := range latencyBuckets {
		if s <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += s
	h.n++
}

func (m *metrics) countIngest(status string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.ingests[status]++
	m.mu.Unlock()
}

// ServeHTTP writes the metrics.
func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m.write(r.Context(), w)
}

func (m *metrics) write(ctx context.Context, w io.Writer) {
	m.mu.Lock()
	reqKeys := make([][3]string, 0, len(m.requests))
	for k := range m.requests {
		reqKeys = append(reqKeys, k)
	}
	sort.Slice(reqKeys, func(i, j int) bool { return strings.Join(reqKeys[i][:], "\x00") < strings.Join(reqKeys[j][:], "\x00") })
	fmt.Fprintln(w, "# HELP kgraph_http_requests_total HTTP requests by path, GraphQL operation and status.")
	fmt.Fprintln(w, "# TYPE kgraph_http_requests_total counter")
	for _, k := range reqKeys {
		fmt.Fprintf(w, "kgraph_http_requests_total{path=%q,operation=%q,status=%q} %d\n", k[0], k[1], k[2], m.requests[k])
	}
	ops := make([]string, 0, len(m.latency))
	for op := range m.latency {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	fmt.Fprintln(w, "# HELP kgraph_http_request_duration_seconds Request latency by GraphQL operation.")
	fmt.Fprintln(w, "# TYPE kgraph_http_request_duration_seconds histogram")
	for _, op := range ops {
		h := m.latency[op]
		var cum uint64
		for i, b := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "kgraph_http_request_duration_seconds_bucket{operation=%q,le=%q} %d\n", op, strconv.FormatFloat(b, 'g', -1, 64), cum)
		}
		fmt.Fprintf(w, "kgraph_http_request_duration_seconds_bucket{operation=%q,le=\"+Inf\"} %d\n", op, h.n)
		fmt.Fprintf(w, "kgraph_http_request_duration_seconds_sum{operation=%q} %g\n", op, h.sum)
		fmt.Fprintf(w, "kgraph_http_request_duration_seconds_count{operation=%q} %d\n", op, h.n)
	}
	fmt.Fprintln(w, "# HELP kgraph_ingest_documents_total Documents ingested by outcome (NEW, UNCHANGED, FAILED).")
	fmt.Fprintln(w, "# TYPE kgraph_ingest_documents_total counter")
	for _, s := range []string{"NEW", "UNCHANGED", "FAILED"} {
		fmt.Fprintf(w, "kgraph_ingest_documents_total{status=%q} %d\n", s, m.ingests[s])
	}
	m.mu.Unlock()

	if m.stats == nil {
		return
	}
	st, err := m.stats(ctx)
	if err != nil {
		return
	}
	gauge := func(name, help string, v float64) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %g\n", name, help, name, name, v)
	}
	gauge("kgraph_store_bytes", "On-disk size of the store (LSM tree and value log).", float64(st.StoreBytes))
	gauge("kgraph_store_documents", "Documents in the store.", float64(st.Documents))
	gauge("kgraph_store_entities", "Entities in the store.", float64(st.Entities))
	gauge("kgraph_store_relations", "Relations in the store.", float64(st.Relations))
}
