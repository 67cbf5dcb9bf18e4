#!/usr/bin/env bash
# Ingests a corpus in batches into one store and reports, per batch, the
# wall time and the peak resident memory of the ingest process; after the
# first and the last batch it serves the store and measures query latency
# over one connection (kgraph loadtest). Build the corpus first:
#
#   python3 cmd/kgraph-soak/scalecorpus.py ../shared/data/news /tmp/scale 100000 10
#   go build -o /tmp/kgraph ./cmd/kgraph
#   cmd/kgraph-soak/scale.sh /tmp/kgraph /tmp/scale /tmp/scale-store
set -euo pipefail
bin=$1 corpus=$2 store=$3
shapes=${SHAPES:-entity,hop,hophub,search,subgraph}
rm -rf "$store"
latency() { # $1: label
	local log port pid
	log=$(mktemp)
	"$bin" serve --data "$store" --addr 127.0.0.1:0 >"$log" 2>&1 &
	pid=$!
	for _ in $(seq 100); do
		port=$(grep -o '127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
		[ -n "$port" ] && break
		sleep 0.2
	done
	echo "== query latency after $1 (one connection)"
	"$bin" loadtest --addr "http://$port" --shapes "$shapes" --connections 1 --duration 10s --rounds 1 --single 0 2>/dev/null | sed 's/^/   /' || true
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	rm -f "$log"
}
printf '%-16s %10s %10s %12s\n' batch documents wall_s peak_rss_mib
n=0
for f in "$corpus"/batch-*.jsonl; do
	n=$((n + 1))
	docs=$(wc -l <"$f")
	/usr/bin/time -f '%e %M' -o /tmp/scale-time.$$ "$bin" ingest --data "$store" "$f" >/dev/null 2>&1
	read -r wall kib </tmp/scale-time.$$
	printf '%-16s %10s %10s %12d\n' "$(basename "$f" .jsonl)" "$docs" "$wall" $((kib / 1024))
	[ "$n" = 1 ] && latency "batch 1" >/tmp/scale-lat1.$$
done
cat /tmp/scale-lat1.$$
latency "batch $n"
rm -f /tmp/scale-time.$$ /tmp/scale-lat1.$$
