#!/bin/bash
# exportrss.sh BIN STORE EXPORT-FLAGS...
#
# Starts `BIN serve` on STORE (a free loopback port), waits until it
# answers and settles, then runs `BIN export --server URL EXPORT-FLAGS...`
# while sampling the server's VmRSS every 50 ms, and prints the server's
# idle RSS, its peak during the export, the growth, the output size and
# the export's wall time. One fresh server per call.
#
#   python3 cmd/kgraph-soak/gennews.py 11000 7 > /tmp/gen11k.jsonl
#   kgraph ingest --data /tmp/big /tmp/gen11k.jsonl
#   cmd/kgraph-soak/exportrss.sh kgraph /tmp/big --format graphml --evidence
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n 2,13p "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
bin=$1 store=$2
shift 2
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
"$bin" serve --data "$store" --addr "127.0.0.1:$port" --log-level error >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 150); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
sleep 3
rss() { awk '/^VmRSS/{print $2}' "/proc/$server/status"; }
idle=$(rss)
(while kill -0 $server 2>/dev/null; do rss; sleep 0.05; done) >"$work/rss" 2>/dev/null &
sampler=$!
start=$(date +%s.%N)
"$bin" export --server "http://127.0.0.1:$port" "$@" >"$work/out"
end=$(date +%s.%N)
sleep 0.3
kill $sampler 2>/dev/null || true
peak=$(sort -n "$work/rss" | tail -n 1)
printf 'export %s: server idle %d MiB, peak %d MiB, growth %d MiB; output %d MB in %.1f s\n' \
  "$*" $((idle / 1024)) $((peak / 1024)) $(((peak - idle) / 1024)) \
  $(($(stat -c %s "$work/out") / 1000000)) "$(echo "$end - $start" | bc)"
