#!/usr/bin/env python3
"""Nodes that share their exact name and type with another node.

    kgraph export --data DIR --format jsonl | python3 dupcount.py

Prints the count, the share of all nodes, and the 20 largest groups."""
import collections, json, sys

groups = collections.Counter()
total = 0
for line in sys.stdin:
    r = json.loads(line)
    if r.get("kind") != "entity":
        continue
    total += 1
    groups[(r["name"], r["type"])] += 1
dup = sum(n for n in groups.values() if n > 1)
print(f"nodes {total}, sharing exact name and type with another node {dup} ({100*dup/max(total,1):.2f}%)")
for (name, typ), n in groups.most_common(20):
    if n > 1:
        print(f"  {n:4d}  {typ:13s} {name}")
