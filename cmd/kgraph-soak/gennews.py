#!/usr/bin/env python3
"""Generated business news for memory and load measurements on a large graph.

Writes N articles as kgraph JSON Lines: templated sentences about generated
people and companies (real first names, syllable surnames and company
names, 50 real cities), about 11 relations each, so that N articles make
about 11*N distinct relations (kgraph's extractor on 11,000 articles, seed 7:
123,977 relations, 38,534 entities). Deterministic for a given seed.

    python3 cmd/kgraph-soak/gennews.py 11000 7 > /tmp/gen11k.jsonl
    kgraph ingest --data /tmp/big /tmp/gen11k.jsonl
"""
import json, random, sys
n, seed = int(sys.argv[1]), int(sys.argv[2])
r = random.Random(seed)
first = "James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Anna Peter Paul Mark Laura Helen Maria Carlos Ahmed Yuki Olga Ivan Pierre Hans Sofia Elena Marco Lucia Daniel Martin".split()
syl = "bar dor ken mal vin tor las rel mon sar gal fen hol bri cas del mar ran vos lin ter pel dun cor wes ald ber ost ham lev".split()
cities = "London Paris Berlin Madrid Rome Vienna Warsaw Prague Dublin Lisbon Athens Oslo Stockholm Helsinki Copenhagen Brussels Amsterdam Zurich Geneva Munich Hamburg Milan Barcelona Chicago Boston Toronto Sydney Tokyo Seoul Singapore Mumbai Cairo Nairobi Lagos Lima Santiago Denver Dallas Atlanta Miami Houston Seattle Montreal Vancouver Melbourne Auckland Osaka Shanghai Beijing Istanbul".split()
suffix = "Holdings Group Bank Corp Industries Energy Motors Airlines Capital Partners Systems Foods Pharma Telecom Mining Insurance".split()
def word(k):
    return "".join(r.choice(syl) for _ in range(k)).capitalize()
def person():
    return f"{r.choice(first)} {word(2)}"
def org():
    return f"{word(2)} {r.choice(suffix)}"
months = "January February March April May June July August September October November December".split()
for i in range(n):
    p1, p2, p3, p4 = person(), person(), person(), person()
    o1, o2, o3 = org(), org(), org()
    c1, c2 = r.sample(cities, 2)
    m = r.choice(months)
    s = [
        f"{p1}, chief executive of {o1}, met {p2} in {c1} on Monday.",
        f"{o1} is based in {c1}.",
        f"{o2} acquired {o3} for {r.randint(10, 900)} million dollars, the company said.",
        f"{p2} joined {o2} as finance director in {m}.",
        f"{o1} and {o2} agreed to cooperate on a new project.",
        f"{p3}, a spokesman for {o3}, said the deal would close in {m}.",
        f"{o3} is based in {c2}.",
        f"{p4}, the chairman of {o2}, met {p1} in {c2} last week.",
        f"{p1} said {o1} would hire 200 workers in {c1}.",
    ]
    # Shuffles a copy, so the order stays; kept because it draws from the
    # generator, and the measured corpus was made with it.
    r.shuffle(s[2:])
    print(json.dumps({"id": f"gen-{seed}-{i}", "title": f"{o1} and {o2} in talks", "date": f"2020-{months.index(m)+1:02d}-{r.randint(1,28):02d}", "text": " ".join(s)}))
