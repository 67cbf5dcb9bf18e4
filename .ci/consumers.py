"""Loads every export of a kgraph store with the tool its users read it
with and checks node and edge counts and one attribute against the
server's stats and GraphQL answers.

    consumers.py EXPORT_DIR EXPECT_JSON

EXPORT_DIR holds graph.graphml, graph.gexf, csv/nodes.csv,
csv/relationships.csv, nquads/graph.nq; EXPECT_JSON is
{"entities": N, "relations": M, "entity": {"id", "name", "type"},
 "relation": {"id", "source", "target", "type", "confidence"}}.
"""
import json
import sys

import networkx as nx
import pandas as pd
import rdflib

d, expect = sys.argv[1], json.load(open(sys.argv[2]))
N, M = expect["entities"], expect["relations"]
ent, rel = expect["entity"], expect["relation"]
failed = []


def check(what, got, want):
    ok = got == want
    print(("PASS" if ok else "FAIL"), what, "got", repr(got), "want", repr(want))
    if not ok:
        failed.append(what)


def edge_attr(g, u, v, key, typ):
    """The attribute key of the edge u->v whose type is typ."""
    data = g.get_edge_data(u, v) or {}
    items = data.values() if g.is_multigraph() else [data]
    for a in items:
        if a.get("type") == typ:
            return a.get(key)
    return None


# GraphML and GEXF with networkx.
for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
    g = read(f"{d}/graph.{fmt}")
    check(f"{fmt} nodes", g.number_of_nodes(), N)
    check(f"{fmt} edges", g.number_of_edges(), M)
    check(f"{fmt} name of {ent['id']}", g.nodes[ent["id"]].get("name"), ent["name"])
    check(f"{fmt} type of {ent['id']}", g.nodes[ent["id"]].get("type"), ent["type"])
    check(f"{fmt} confidence of {rel['id']}",
          edge_attr(g, rel["source"], rel["target"], "confidence", rel["type"]), rel["confidence"])

# CSV with pandas (neo4j-admin import headers). kgraph writes the shortest
# decimal that reads back as the same float64; pandas' default parser is
# faster but not always correctly rounded (0.9355277122880095 came back as
# ...096), so the check asks for its exact one.
nodes = pd.read_csv(f"{d}/csv/nodes.csv", keep_default_na=False, float_precision="round_trip")
rels = pd.read_csv(f"{d}/csv/relationships.csv", keep_default_na=False, float_precision="round_trip")
check("csv nodes", len(nodes), N)
check("csv relationships", len(rels), M)
row = nodes[nodes["id:ID"] == ent["id"]].iloc[0]
check(f"csv name of {ent['id']}", row["name"], ent["name"])
check(f"csv label of {ent['id']}", row[":LABEL"], "Entity;" + ent["type"])
r = rels[rels["id"] == rel["id"]].iloc[0]
check(f"csv confidence of {rel['id']}", float(r["confidence:float"]), rel["confidence"])
check("csv relationship ends are node ids",
      bool(rels[":START_ID"].isin(nodes["id:ID"]).all() and rels[":END_ID"].isin(nodes["id:ID"]).all()), True)

# N-Quads with rdflib.
ds = rdflib.Dataset(default_union=True)  # every quad is in the graph urn:kgraph:graph
ds.parse(f"{d}/nquads/graph.nq", format="nquads")
V = "urn:kgraph:vocab:"
RDF_TYPE = rdflib.RDF.type
entities = set(ds.subjects(RDF_TYPE, rdflib.URIRef(V + "Entity")))
check("nquads entities", len(entities), N)
relations = set(ds.subjects(RDF_TYPE, rdflib.URIRef(V + "Relation")))
check("nquads relations", len(relations), M)
direct = sum(1 for s, p, o in ds.triples((None, None, None))
             if str(p).startswith(V) and str(p)[len(V):].isupper() and isinstance(o, rdflib.URIRef)
             and str(o).startswith("urn:kgraph:entity:"))
check("nquads direct relation triples", direct, M)
name = ds.value(rdflib.URIRef("urn:kgraph:entity:" + ent["id"]), rdflib.URIRef(V + "name"))
check(f"nquads name of {ent['id']}", str(name), ent["name"])
conf = ds.value(rdflib.URIRef("urn:kgraph:relation:" + rel["id"]), rdflib.URIRef(V + "confidence"))
check(f"nquads confidence of {rel['id']}", float(conf.toPython()), rel["confidence"])

if failed:
    print("FAILED:", ", ".join(failed))
    sys.exit(1)
print("PASS every export read by its consumer")
