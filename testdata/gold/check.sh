#!/usr/bin/env bash
# Regression guard for the held-out-style gold set in this directory.
# Usage: testdata/gold/check.sh BINARY SHARED
#   BINARY  a built kgraph binary (go build -o /tmp/kgg ./cmd/kgraph)
#   SHARED  the shared material directory holding eval/graphscore (../shared)
# Scores every NAME.txt here against NAME.gold.json and fails when a summary
# falls below its floor in floors.json (or an article has no floor).
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 BINARY SHARED" >&2
	exit 2
fi
bin=$1
scorer=$2/eval/graphscore
dir=$(cd "$(dirname "$0")" && pwd)
[ -x "$bin" ] || { echo "check.sh: $bin is not an executable" >&2; exit 2; }
[ -f "$scorer" ] || { echo "check.sh: no scorer at $scorer" >&2; exit 2; }

fail=0
for txt in "$dir"/*.txt; do
	name=$(basename "$txt" .txt)
	summary=$(python3 "$scorer" "$dir/$name.gold.json" -- "$bin" extract "$txt" | tail -n 1)
	echo "$name $summary"
	python3 - "$dir/floors.json" "$name" "$summary" <<'PY' || fail=1
import json, sys
floors = json.load(open(sys.argv[1]))["articles"].get(sys.argv[2])
s = json.loads(sys.argv[3])
if floors is None:
    sys.exit("  FAIL: no floor for %s in floors.json" % sys.argv[2])
got = {
    "entities_found": s["entities_found"], "split": s["split"], "junk": s["junk"],
    "core_found": int(s["core_relations"].split("/")[0]),
    "extra_found": int(s["extra_relations"].split("/")[0]),
}
bad = []
for key, want in floors.items():
    kind, field = key.split("_", 1)
    if (kind == "min" and got[field] < want) or (kind == "max" and got[field] > want):
        bad.append("%s: got %d, want %s %d" % (field, got[field], "at least" if kind == "min" else "at most", want))
for b in bad:
    print("  FAIL: " + b)
sys.exit(1 if bad else 0)
PY
done
if [ "$fail" -ne 0 ]; then
	echo "check.sh: regression below floors.json" >&2
	exit 1
fi
echo "check.sh: all articles at or above their floors"
