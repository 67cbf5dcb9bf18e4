#!/usr/bin/env bash
# Scores the extractor on the annotated news articles of testdata/gold/news.
# Usage: testdata/gold/news-score.sh BINARY SHARED [heldout|dev|heldoutN|devN|all]
#   BINARY  a built kgraph binary (go build -o /tmp/kgg ./cmd/kgraph)
#   SHARED  the shared material directory (../shared): eval/graphscore and
#           data/news/{bbc,reuters21578}.jsonl, which hold the article texts
#   split   which articles: the first draw's held-out quarter or the rest
#           (dev, the relation scorer's training articles), a later draw's
#           held-out quarter or the rest (heldout2, dev2, heldout3, ...; not
#           trained on), or all (default), each split summed on its own
# Runs `BINARY extract` once over the chosen articles (the corpus JSON lines,
# unchanged), scores each article with graphscore against its gold graph and
# prints one line per article and a sum per split. Relation precision is
# matched gold relations / emitted relations whose two ends are gold entities.
# Exits 0 with a message when SHARED/data/news is absent.
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: $0 BINARY SHARED [heldout|dev|all]" >&2
	exit 2
fi
bin=$1
shared=$2
which=${3:-all}
case $which in heldout|dev|heldout[0-9]|dev[0-9]|all) ;; *) echo "news-score.sh: split must be heldout, dev, heldoutN, devN (a later draw) or all" >&2; exit 2 ;; esac
dir=$(cd "$(dirname "$0")" && pwd)/news
[ -x "$bin" ] || { echo "news-score.sh: $bin is not an executable" >&2; exit 2; }
[ -f "$shared/eval/graphscore" ] || { echo "news-score.sh: no scorer at $shared/eval/graphscore" >&2; exit 2; }
if [ ! -f "$shared/data/news/bbc.jsonl" ] || [ ! -f "$shared/data/news/reuters21578.jsonl" ]; then
	echo "news-score.sh: $shared/data/news absent; the article texts are not in the repository, skipping"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$dir/articles.txt" "$shared/data/news" "$which" "$tmp/in.jsonl" <<'PY'
import json, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
want = {(c, i) for _, c, i, s in rows if sys.argv[3] in ("all", s)}
with open(sys.argv[4], "w", encoding="utf-8") as out:
    for fn, corpus in (("bbc.jsonl", "bbc"), ("reuters21578.jsonl", "reuters")):
        for line in open(sys.argv[2] + "/" + fn, encoding="utf-8"):
            if (corpus, str(json.loads(line)["id"])) in want:
                out.write(line if line.endswith("\n") else line + "\n")
PY
"$bin" extract "$tmp/in.jsonl" > "$tmp/out.jsonl"

python3 - "$dir" "$shared/eval/graphscore" "$which" "$tmp" <<'PY'
import json, os, subprocess, sys
d, scorer, which, tmp = sys.argv[1:]
preds = {}
for line in open(os.path.join(tmp, "out.jsonl"), encoding="utf-8"):
    o = json.loads(line)
    preds[str(o["document"]["id"])] = line
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(d, "articles.txt"), encoding="utf-8") if l.strip()]
keys = ["entities_found", "entities_gold", "split", "junk", "predicted_entities", "core", "core_gold",
        "extra", "extra_gold", "predicted_relations", "relations_between_gold_entities"]
sums = {}
for name, corpus, ident, split in rows:
    if which not in ("all", split):
        continue
    pred = os.path.join(tmp, name + ".pred.json")
    with open(pred, "w", encoding="utf-8") as f:
        f.write(preds.get(ident, '{"entities": [], "relations": []}'))
    if ident not in preds:
        print("%s: no output from the extractor (document skipped?)" % name)
    out = subprocess.run([sys.executable, scorer, os.path.join(d, name + ".gold.json"), pred],
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
    s = json.loads(out.strip().splitlines()[-1])
    c, cg = map(int, s["core_relations"].split("/"))
    x, xg = map(int, s["extra_relations"].split("/"))
    v = dict(s, core=c, core_gold=cg, extra=x, extra_gold=xg)
    print("%-24s %-7s %s" % (name, split, json.dumps(s)))
    t = sums.setdefault(split, dict.fromkeys(keys, 0))
    for k in keys:
        t[k] += v[k]

def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "n/a"

for split in dict.fromkeys(r[3] for r in rows):  # each split once, in file order
    t = sums.get(split)
    if not t:
        continue
    n = sum(1 for r in rows if r[3] == split)
    m = t["core"] + t["extra"]
    print("SUM %s (%d articles): entities %d/%d (%s), split %d (%s), junk %d of %d predicted (%s); "
          "core %d/%d (%s), all %d/%d (%s); relation precision %d/%d (%s); %d relations emitted" % (
              split, n, t["entities_found"], t["entities_gold"], pct(t["entities_found"], t["entities_gold"]),
              t["split"], pct(t["split"], t["entities_gold"]),
              t["junk"], t["predicted_entities"], pct(t["junk"], t["predicted_entities"]),
              t["core"], t["core_gold"], pct(t["core"], t["core_gold"]),
              m, t["core_gold"] + t["extra_gold"], pct(m, t["core_gold"] + t["extra_gold"]),
              m, t["relations_between_gold_entities"], pct(m, t["relations_between_gold_entities"]),
              t["predicted_relations"]))
PY
