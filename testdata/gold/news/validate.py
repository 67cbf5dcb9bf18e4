#!/usr/bin/env python3
"""Check the annotated news gold graphs in this folder.

  python3 testdata/gold/news/validate.py [SHARED [NAME...]]   (SHARED defaults to ../shared)

With NAMEs, only those gold files are checked (an annotator's own, while
the others are being written).

Always: every article of articles.txt has NAME.gold.json and no gold file is
unlisted; the split column follows the rule (within each draw of
choose.py, told apart by the split's suffix: "dev"/"heldout" for the
first, "dev2"/"heldout2" for the second and so on: sorted names, index %
4 == 3 is held out) and matches the gold file; entity keys are unique; no
must_not_be_nodes entry is also a name; every relation joins known keys
with ontology relation types (graph/vocabulary.go) whose argument types fit
at least one accepted type of each end.
With SHARED/data/news present: every entity name and alias, optional and
must_not_be_nodes name occurs in the article as whole words (title +
text, case and spacing ignored), and every entity has a mention that is
not inside a longer listed name.
Without it, the text checks are skipped with a message. Exit 1 on a problem.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def vocabulary():
    src = open(os.path.join(ROOT, "graph", "vocabulary.go"), encoding="utf-8").read()
    consts = dict(re.findall(r"(\w+)\s+(?:EntityType|RelationType)\s*=\s*\"(\w+)\"", src))
    sets = {"nil": None}
    for name, body in re.findall(r"(\w+)\s*=\s*\[\]EntityType\{([^}]*)\}", src):
        sets[name] = [consts[x.strip()] for x in body.split(",") if x.strip()]
    rels = {}
    block = src[src.index("var RelationTypes"):]
    block = block[:block.index("\n}\n")]
    for line in block.splitlines():
        m = re.match(r"\s*\{(\w+), (true|false), .*\", (nil|\w+|\[\]EntityType\{[^}]*\}), (nil|\w+|\[\]EntityType\{[^}]*\})\},", line)
        if not m:
            continue

        def argset(s):
            if s.startswith("[]EntityType"):
                return [consts[x.strip()] for x in s[s.index("{") + 1:-1].split(",") if x.strip()]
            return sets[s]
        rels[consts[m.group(1)]] = (m.group(2) == "true", argset(m.group(3)), argset(m.group(4)))
    if len(rels) < 10:
        sys.exit("validate: could not read the relation table of graph/vocabulary.go")
    return rels


def allows(rels, ty, src, dst):
    sym, s, t = rels[ty]
    fit = lambda st, x: st is None or x in st
    return fit(s, src) and fit(t, dst) or sym and fit(s, dst) and fit(t, src)


def texts(shared, wanted):
    news = os.path.join(shared, "data", "news")
    out = {}
    if not os.path.isdir(news):
        return None
    for fn, corpus, key in (("bbc.jsonl", "bbc", "text"), ("reuters21578.jsonl", "reuters", "body")):
        for line in open(os.path.join(news, fn), encoding="utf-8"):
            d = json.loads(line)
            k = (corpus, str(d["id"]))
            if k in wanted:
                out[k] = (d.get("title") or "") + "\n\n" + d[key]
    return out


def main(argv):
    shared = argv[0] if argv else os.path.join(ROOT, "..", "shared")
    only = set(argv[1:])
    rels = vocabulary()
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, "articles.txt"), encoding="utf-8") if l.strip()]
    bad = []
    split = {}
    draws = {}  # the draw's tag ("" for the first, "2", "3", ...) -> its names
    for r in rows:
        draws.setdefault(re.sub(r"^(dev|heldout)", "", r[3]), []).append(r[0])
    for tag, names in draws.items():
        split.update({n: ("heldout" if i % 4 == 3 else "dev") + tag for i, n in enumerate(sorted(names))})
    files = {f[:-len(".gold.json")] for f in os.listdir(HERE) if f.endswith(".gold.json")}
    for f in sorted(files - set(split)):
        bad.append("%s.gold.json is not listed in articles.txt" % f)
    if only:
        rows = [r for r in rows if r[0] in only]
    golds = {}
    for name, corpus, ident, sp in rows:
        if split[name] != sp:
            bad.append("%s: articles.txt says %s, the rule says %s" % (name, sp, split[name]))
        path = os.path.join(HERE, name + ".gold.json")
        if not os.path.exists(path):
            bad.append("%s: no gold file" % name)
            continue
        g = json.load(open(path, encoding="utf-8"))
        golds[(corpus, ident)] = (name, g)
        if (g.get("corpus"), g.get("id"), g.get("split")) != (corpus, ident, sp):
            bad.append("%s: corpus/id/split fields disagree with articles.txt" % name)
        types = {}
        for e in g["entities"]:
            if e["key"] in types:
                bad.append("%s: duplicate key %s" % (name, e["key"]))
            types[e["key"]] = e["types"]
            if not e["names"]:
                bad.append("%s: %s has no names" % (name, e["key"]))
        names = {n.casefold() for e in g["entities"] for n in e["names"]} | {n.casefold() for n in g.get("optional", [])}
        for n in g.get("must_not_be_nodes", []):
            if n.casefold() in names:
                bad.append("%s: %r is both a name and a must_not_be_nodes entry" % (name, n))
        for r in g["relations"]:
            ends = [r["source"]] + r["target"]
            if any(k not in types for k in ends):
                bad.append("%s: relation with unknown key %s" % (name, ends))
                continue
            if r.get("tier") not in ("core", "extra"):
                bad.append("%s: tier %r" % (name, r.get("tier")))
            for ty in r["types"]:
                if ty not in rels:
                    bad.append("%s: unknown relation type %s" % (name, ty))
                    continue
                for t in r["target"]:
                    if not any(allows(rels, ty, a, b) for a in types[r["source"]] for b in types[t]):
                        bad.append("%s: %s %s %s: no accepted entity types fit" % (name, r["source"], ty, t))
            if any(rels[ty][0] for ty in r["types"] if ty in rels) != bool(r.get("symmetric")):
                bad.append("%s: %s-%s symmetric flag" % (name, r["source"], "|".join(r["types"])))
    tx = texts(shared, set(golds))
    if tx is None:
        print("validate: %s/data/news absent; name-in-text checks skipped" % shared)
    else:
        for k, (name, g) in sorted(golds.items()):
            low = tx.get(k, "").casefold()
            if not low:
                bad.append("%s: article not found in the corpus" % name)
                continue
            every = [n for e in g["entities"] for n in e["names"]] + g.get("optional", []) + g.get("must_not_be_nodes", [])
            flat = re.sub(r"\s+", " ", low)
            for n in every:
                pat = r"(?<!\w)" + re.escape(re.sub(r"\s+", " ", n.casefold())) + r"(?!\w)"
                if not re.search(pat, flat):
                    bad.append("%s: %r does not occur in the article as a whole word" % (name, n))
            # An entity needs a mention of its own: a word that occurs only
            # inside a longer listed name ("US" in "US Securities and
            # Exchange Commission") is part of that name, not a node.
            listed = [(e["key"], x) for e in g["entities"] for x in e["names"]] + [("", x) for x in g.get("optional", [])]

            def spans(x):
                pat = r"(?<!\w)" + re.escape(re.sub(r"\s+", " ", x.casefold())) + r"(?!\w)"
                return [m.span() for m in re.finditer(pat, flat)]
            for e in g["entities"]:
                own = [sp for x in e["names"] for sp in spans(x)]
                inside = [sp for k, x in listed if k != e["key"] for sp in spans(x)]
                if own and all(any(a <= s0 and s1 <= b and b - a > s1 - s0 for a, b in inside) for s0, s1 in own):
                    bad.append("%s: %s occurs only inside longer listed names" % (name, e["key"]))
    for b in bad:
        print("validate: " + b)
    n_ent = sum(len(g["entities"]) for _, g in golds.values())
    n_core = sum(1 for _, g in golds.values() for r in g["relations"] if r["tier"] == "core")
    n_extra = sum(1 for _, g in golds.values() for r in g["relations"] if r["tier"] == "extra")
    print("validate: %d articles (%d held out), %d entities, %d core and %d extra relations%s" % (
        len(golds), sum(1 for _, g in golds.values() if g.get("split", "").startswith("heldout")), n_ent, n_core, n_extra, "" if not bad else "; %d problems" % len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
