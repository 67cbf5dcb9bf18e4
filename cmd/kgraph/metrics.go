package main

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/store"
)

// metrics are the server's Prometheus metrics, in a registry of their own:
// the Go runtime and process collectors, Badger's own metrics (bridged
// from its expvar variables), request counts and latency by GraphQL
// operation, ingested documents by outcome, and the store's size and
// counts. A nil *metrics counts nothing.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	ingests  *prometheus.CounterVec
	handler  http.Handler
}

var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

func newMetrics(stats func(context.Context) (graph.Stats, error), reads func() store.ReadCacheStats) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kgraph_http_requests_total",
			Help: "HTTP requests by path, GraphQL operation and status.",
		}, []string{"path", "operation", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "kgraph_http_request_duration_seconds",
			Help:    "Request latency by GraphQL operation (the first root field).",
			Buckets: latencyBuckets,
		}, []string{"operation"}),
		ingests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kgraph_ingest_documents_total",
			Help: "Documents ingested by outcome (NEW, UNCHANGED, FAILED).",
		}, []string{"status"}),
	}
	for _, s := range []string{"NEW", "UNCHANGED", "FAILED"} {
		m.ingests.WithLabelValues(s)
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.requests, m.latency, m.ingests,
		badgerCollector{},
	)
	if stats != nil {
		m.reg.MustRegister(storeCollector{stats})
	}
	if reads != nil {
		m.reg.MustRegister(readCacheCollector{reads})
	}
	// Compression is the server's (gzip for every route that may carry it).
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError, DisableCompression: true})
	return m
}

func (m *metrics) observe(path, op string, status int, d time.Duration) {
	if m == nil {
		return
	}
	m.requests.WithLabelValues(path, op, strconv.Itoa(status)).Inc()
	if op != "" {
		m.latency.WithLabelValues(op).Observe(d.Seconds())
	}
}

func (m *metrics) countIngest(status string) {
	if m == nil {
		return
	}
	m.ingests.WithLabelValues(status).Inc()
}

// ServeHTTP writes the metrics in the Prometheus text format (0.0.4),
// which every scraper accepts, whatever Accept asks for: other handlers
// (the NATS stream's metrics) append to it in that format.
func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r = r.Clone(r.Context())
	r.Header.Del("Accept")
	m.handler.ServeHTTP(w, r)
}

// badgerCollector exports store.BadgerMetrics. Badger's metric names are
// only known when it publishes them, so the collector is unchecked (it
// describes nothing in advance).
type badgerCollector struct{}

func (badgerCollector) Describe(chan<- *prometheus.Desc) {}

func (badgerCollector) Collect(ch chan<- prometheus.Metric) {
	descs := map[string]*prometheus.Desc{}
	for _, bm := range store.BadgerMetrics() {
		labels := []string(nil)
		if bm.Key != "" {
			labels = []string{"key"}
		}
		id := bm.Name + "\x00" + strconv.Itoa(len(labels))
		d := descs[id]
		if d == nil {
			d = prometheus.NewDesc(bm.Name, "Badger's expvar metric "+bm.Name+".", labels, nil)
			descs[id] = d
		}
		typ := prometheus.GaugeValue
		if bm.Counter {
			typ = prometheus.CounterValue
		}
		var values []string
		if bm.Key != "" {
			values = []string{bm.Key}
		}
		if mt, err := prometheus.NewConstMetric(d, typ, bm.Value, values...); err == nil {
			ch <- mt
		}
	}
}

// storeCollector exports the store's size and counts at scrape time.
type storeCollector struct {
	stats func(context.Context) (graph.Stats, error)
}

var (
	descStoreBytes     = prometheus.NewDesc("kgraph_store_bytes", "On-disk size of the store (LSM tree and value log).", nil, nil)
	descStoreDocuments = prometheus.NewDesc("kgraph_store_documents", "Documents in the store.", nil, nil)
	descStoreEntities  = prometheus.NewDesc("kgraph_store_entities", "Entities in the store.", nil, nil)
	descStoreRelations = prometheus.NewDesc("kgraph_store_relations", "Relations in the store.", nil, nil)
)

func (storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descStoreBytes
	ch <- descStoreDocuments
	ch <- descStoreEntities
	ch <- descStoreRelations
}

func (c storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := c.stats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(descStoreDocuments, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(descStoreBytes, prometheus.GaugeValue, float64(st.StoreBytes))
	ch <- prometheus.MustNewConstMetric(descStoreDocuments, prometheus.GaugeValue, float64(st.Documents))
	ch <- prometheus.MustNewConstMetric(descStoreEntities, prometheus.GaugeValue, float64(st.Entities))
	ch <- prometheus.MustNewConstMetric(descStoreRelations, prometheus.GaugeValue, float64(st.Relations))
}

// readCacheCollector exports the store's read cache counts at scrape time.
type readCacheCollector struct{ stats func() store.ReadCacheStats }

var (
	descReadCacheHits   = prometheus.NewDesc("kgraph_store_read_cache_hits_total", "Record lookups of queries that the store's read cache answered.", nil, nil)
	descReadCacheMisses = prometheus.NewDesc("kgraph_store_read_cache_misses_total", "Record lookups of queries that went to Badger.", nil, nil)
	descReadCacheBytes  = prometheus.NewDesc("kgraph_store_read_cache_bytes", "Size of the records the read cache holds.", nil, nil)
)

func (readCacheCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descReadCacheHits
	ch <- descReadCacheMisses
	ch <- descReadCacheBytes
}

func (c readCacheCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.stats()
	ch <- prometheus.MustNewConstMetric(descReadCacheHits, prometheus.CounterValue, float64(st.Hits))
	ch <- prometheus.MustNewConstMetric(descReadCacheMisses, prometheus.CounterValue, float64(st.Misses))
	ch <- prometheus.MustNewConstMetric(descReadCacheBytes, prometheus.GaugeValue, float64(st.Bytes))
}
