#!/usr/bin/env bash
# Counts nodes of a BBC + Reuters-21578 extraction that name nothing:
# generic descriptions and headline fragments.
# Usage: loader/refine/testdata/junk-nodes.sh BINARY SHARED [MAX_JUNK MAX_SPLIT]
#   BINARY  a built kgraph binary (go build -o /tmp/kg ./cmd/kgraph)
#   SHARED  the shared material directory (../shared) with data/news
#   MAX_JUNK, MAX_SPLIT  ceilings: exit 1 when the junk total or the split
#           count is above them (CI's guard against a regression)
# Prints one line per kind and the total, each with the number of nodes
# (entities of the document graphs) and a few of the most frequent names:
#   described  the node's name is a lower-case determiner and a word
#              ("the Senate", "a Commission"): no mention names it
#   generic    the node's name is one word that heads many institutions'
#              names, written alone ("Senate", "Cabinet", "Navy")
#   headline   a Reuters node, no place or group, whose mentions all lie in
#              the headline and whose name and mentions the story's body
#              never writes (in any case):
#              a fragment of a headline in capitals ("FED ALLOWS CITICORP")
# and two figures of names that should agree:
#   off-type   nodes whose type is not the type most nodes of their name
#              have, among names of five nodes or more ("US" a MISC where
#              it is mostly a LOCATION, "Labour" a LOCATION)
#   split      documents where two nodes carry forms of one body that the
#              document names in two ways ("SEC" and "Securities and
#              Exchange Commission", "USDA" and "U.S. Agriculture
#              Department", "Fed" and "Federal Reserve")
# Exits 0 with a message when SHARED/data/news is absent.
set -euo pipefail
if [ $# -ne 2 ] && [ $# -ne 4 ]; then
	echo "usage: $0 BINARY SHARED [MAX_JUNK MAX_SPLIT]" >&2
	exit 2
fi
max_junk=${3:--1}
max_split=${4:--1}
bin=$1
news=$2/data/news
if [ ! -f "$news/bbc.jsonl" ] || [ ! -f "$news/reuters21578.jsonl" ]; then
	echo "junk-nodes.sh: $news absent, skipping"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" extract "$news/bbc.jsonl" "$news/reuters21578.jsonl" >"$tmp/out.jsonl" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
python3 - "$tmp/out.jsonl" "$news/reuters21578.jsonl" "$max_junk" "$max_split" <<'PY'
import collections, json, re, sys
generic = set("""senate commission cabinet navy army bank board committee council ministry
government department court agency""".split())
dets = {"the", "a", "an", "its", "this", "that", "their", "his", "her", "our"}
bodies = {}
for line in open(sys.argv[2], encoding="utf-8"):
    o = json.loads(line)
    bodies[str(o["id"])] = (o.get("title", "").strip(), " ".join((o.get("body") or "").split()).lower())
kinds = {k: collections.Counter() for k in ("described", "generic", "headline")}
bodies_forms = [
    {"sec", "securities and exchange commission", "securities & exchange commission", "u.s. securities and exchange commission"},
    {"usda", "u.s. department of agriculture", "u.s. agriculture department", "us department of agriculture", "us agriculture department", "agriculture department"},
    {"fed", "federal reserve", "federal reserve board", "u.s. federal reserve"},
    {"opec", "organization of the petroleum exporting countries", "organisation of the petroleum exporting countries"},
    {"bbc", "british broadcasting corporation"},
]
types = collections.defaultdict(collections.Counter)
splits = collections.Counter()
docs = 0
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    docs += 1
    carriers = collections.Counter()
    for e in o["entities"]:
        types[" ".join(e["name"].lower().split())][e["type"]] += 1
        forms = {" ".join(f.lower().split()) for f in [e["name"]] + e.get("aliases", []) + [m["text"] for m in e["mentions"]]}
        for k, b in enumerate(bodies_forms):
            if forms & b:
                carriers[k] += 1
    for k, n in carriers.items():
        if n > 1:
            splits[sorted(bodies_forms[k])[-1]] += 1
    doc = o["document"]
    reu = doc.get("source") == "reuters21578.jsonl"
    title, body = bodies.get(str(doc["id"]), ("", "")) if reu else ("", "")
    tlen = len(title.encode("utf-8"))
    for e in o["entities"]:
        n = e["name"]
        w = n.split()
        if len(w) == 2 and w[0] in dets:
            kinds["described"][n] += 1
        elif len(w) == 1 and n.lower() in generic and n[:1].isupper():
            kinds["generic"][n] += 1
        elif reu and title and e["type"] not in ("LOCATION", "NORP") and all(m["end"] <= tlen for m in e["mentions"]):
            forms = {" ".join(f.lower().split()) for f in [n] + [m["text"] for m in e["mentions"]]}
            if not any(re.search(r"(?<![a-z0-9])" + re.escape(f) + r"(?![a-z0-9])", body) for f in forms):
                kinds["headline"][n] += 1
total = 0
for k, c in kinds.items():
    n = sum(c.values())
    total += n
    print("%-9s %6d  %s" % (k, n, ", ".join("%s %d" % x for x in c.most_common(8))))
print("total     %6d  junk nodes in %d documents" % (total, docs))
off = collections.Counter()
for n, c in types.items():
    if sum(c.values()) >= 5:
        top = c.most_common(1)[0][1]
        if sum(c.values()) > top:
            off[n] = sum(c.values()) - top
print("off-type  %6d  %s" % (sum(off.values()), ", ".join("%s %d" % x for x in off.most_common(8))))
print("split     %6d  %s" % (sum(splits.values()), ", ".join("%s %d" % x for x in splits.most_common(8))))
max_junk, max_split = int(sys.argv[3]), int(sys.argv[4])
if max_junk >= 0:
    ok = total <= max_junk and sum(splits.values()) <= max_split
    print("%s junk nodes %d (at most %d), split documents %d (at most %d)" % (
        "PASS" if ok else "FAIL", total, max_junk, sum(splits.values()), max_split))
    sys.exit(0 if ok else 1)
PY
