#!/usr/bin/env bash
# One node per thing on a corpus: ingests BBC, then Reuters-21578, into a
# fresh store and prints the nodes sharing their exact name and type with
# another node (dupcount.py), the share of the well-known things of
# wellknown.tsv that are exactly one node (wellknown.py), and the first line
# of kgraph duplicates.
# Usage: store/testdata/resolution/measure.sh BINARY SHARED
#   BINARY  a built kgraph (go build -o /tmp/kg ./cmd/kgraph)
#   SHARED  the shared material directory (../shared) with data/news
set -euo pipefail
if [ $# -ne 2 ]; then
	echo "usage: $0 BINARY SHARED" >&2
	exit 2
fi
bin=$1
news=$2/data/news
dir=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$news/bbc.jsonl" ] || [ ! -f "$news/reuters21578.jsonl" ]; then
	echo "measure.sh: $news absent, skipping"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest --data "$tmp/store" --log-level warn "$news/bbc.jsonl" "$news/reuters21578.jsonl" | sed -n "$ p"
"$bin" export --data "$tmp/store" --log-level warn --format jsonl >"$tmp/graph.jsonl"
python3 "$dir/dupcount.py" <"$tmp/graph.jsonl"
python3 "$dir/wellknown.py" "$dir/wellknown.tsv" <"$tmp/graph.jsonl"
"$bin" duplicates --data "$tmp/store" --log-level warn --limit 0 | sed -n 1p
