#!/usr/bin/env python3
"""A corpus of 100k news documents, in 10 batches, from the two news files.

Copy k of every article (k = 0, 1, ...) is the article itself for k = 0;
for k > 0 a deterministic share of its capitalised words (about a third,
chosen per word and copy) is respelt by swapping its last letters for a
syllable, the same way throughout the copy, so that each copy is a
coherent article about partly new people, companies and places, the way
a growing corpus keeps meeting new names next to known ones. Ids carry
the copy number; texts differ, so no copy is an unchanged re-ingest.

    python3 cmd/kgraph-soak/scalecorpus.py ../shared/data/news OUT 100000 10

writes OUT/batch-01.jsonl ... OUT/batch-10.jsonl (documents in a fixed
shuffled order, so every batch mixes both corpora and all copies).
"""
import hashlib, json, os, random, re, sys

src, out, total, batches = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
docs = []
for name in ("bbc.jsonl", "reuters21578.jsonl"):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        docs += [json.loads(line) for line in f if line.strip()]
syl = "an el ix or un ar en is os ur ado ela ino ova ust".split()
cap = re.compile(r"\b[A-Z][a-z]{3,}\b")

def respell(word, k):
    h = hashlib.blake2b(f"{word}\x00{k}".encode(), digest_size=4).digest()
    if h[0] % 3:
        return word
    return word[:-2] + syl[h[1] % len(syl)]

def copy(d, k):
    if k == 0:
        return dict(d, id=f"{d['id']}#0")
    memo = {}
    def sub(m):
        w = m.group(0)
        if w not in memo:
            memo[w] = respell(w, k)
        return memo[w]
    c = dict(d, id=f"{d['id']}#{k}")
    for field in ("title", "text", "body"):  # Reuters calls its text "body"
        if d.get(field):
            c[field] = cap.sub(sub, d[field])
    return c

order = [(i % len(docs), i // len(docs)) for i in range(total)]
random.Random(7).shuffle(order)
os.makedirs(out, exist_ok=True)
per = (total + batches - 1) // batches
for b in range(batches):
    with open(os.path.join(out, f"batch-{b + 1:02d}.jsonl"), "w", encoding="utf-8") as f:
        for i, k in order[b * per:(b + 1) * per]:
            f.write(json.dumps(copy(docs[i], k), ensure_ascii=False) + "\n")
