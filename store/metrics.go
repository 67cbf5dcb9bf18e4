package store

import (
	"expvar"
	"sort"
	"strings"
)

// BadgerMetric is one of Badger's own metrics. Badger publishes them as
// expvar variables named badger_*, process-wide (summed over every store
// the process opened); maps among them (per level, per directory) give one
// metric per key, with Key set.
type BadgerMetric struct {
	Name    string // e.g. badger_read_num_vlog
	Key     string // the map key for map variables (a level, a directory), else ""
	Value   float64
	Counter bool // grows monotonically; else a gauge (sizes, pending writes, compactions running)
}

// BadgerMetrics reads Badger's expvar metrics, sorted by name and key, so
// that they can be exported in another format (Prometheus).
func BadgerMetrics() []BadgerMetric {
	var out []BadgerMetric
	expvar.Do(func(kv expvar.KeyValue) {
		if !strings.HasPrefix(kv.Key, "badger_") {
			return
		}
		counter := !strings.Contains(kv.Key, "size_") && !strings.Contains(kv.Key, "pending") && !strings.Contains(kv.Key, "current")
		switch v := kv.Value.(type) {
		case *expvar.Int:
			out = append(out, BadgerMetric{Name: kv.Key, Value: float64(v.Value()), Counter: counter})
		case *expvar.Float:
			out = append(out, BadgerMetric{Name: kv.Key, Value: v.Value(), Counter: counter})
		case *expvar.Map:
			v.Do(func(e expvar.KeyValue) {
				switch n := e.Value.(type) {
				case *expvar.Int:
					out = append(out, BadgerMetric{Name: kv.Key, Key: e.Key, Value: float64(n.Value()), Counter: counter})
				case *expvar.Float:
					out = append(out, BadgerMetric{Name: kv.Key, Key: e.Key, Value: n.Value(), Counter: counter})
				}
			})
		}
	})
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Key < out[j].Key
	})
	return out
}
