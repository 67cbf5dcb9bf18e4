#!/usr/bin/env python3
"""Share of well-known things (wellknown.tsv) that are exactly one node.

    kgraph export --data DIR --format jsonl | python3 wellknown.py wellknown.tsv

A thing counts when exactly one node carries one of its forms as its
name or an alias. Forms are compared as canonical keys with legal forms
kept: "Japan Inc" is not Japan, so a company's legal name is listed as a
form of its own ("Sony Corp"). Things no node carries are listed as
absent and left out of the share."""
import collections, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ckey import ckey

things = []
for line in open(sys.argv[1]):
    if not line.strip() or line.startswith("#"):
        continue
    kind, forms = line.rstrip("\n").split("\t")
    things.append((kind, forms.split("|")))
want = {ckey(f, legal=False) for _, fs in things for f in fs}
carriers = collections.defaultdict(set)
names = {}
for line in sys.stdin:
    r = json.loads(line)
    if r.get("kind") != "entity":
        continue
    for n in [r["name"]] + r.get("aliases", []):
        k = ckey(n, legal=False)
        if k in want:
            carriers[k].add(r["id"])
            names[r["id"]] = f'{r["name"]} ({r["type"]})'
one = present = 0
for kind, fs in things:
    ids = set()
    for f in fs:
        ids |= carriers[ckey(f, legal=False)]
    if not ids:
        print(f"absent   {fs[0]}")
        continue
    present += 1
    if len(ids) == 1:
        one += 1
    else:
        shown = sorted(names[i] for i in ids)
        print(f"{len(ids):3d} nodes {fs[0]}: " + "; ".join(shown[:8]) + (" …" if len(shown) > 8 else ""))
print(f"exactly one node: {one} of {present} present ({100*one/max(present,1):.1f}%), {len(things)-present} absent")
