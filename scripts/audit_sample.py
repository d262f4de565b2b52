"""Draw relations at random from a build for a hand audit.

    python scripts/audit_sample.py out/dev.trig -n 100 --seed 13 > audit.md

Each relation between two entities (``kg:mentions`` left out: every mention is
its own audit) is printed with its rule, its document (id and ``kg:sourceFile``,
the file name to open) and the sentence quoted as its evidence, as a Markdown table with an empty verdict column to fill in. The
draw is seeded, so the same build and seed give the same sample.
"""
from __future__ import annotations

import argparse
import random
import sys

from pyoxigraph import RdfFormat, Store

QUERY = """
PREFIX kg: <https://w3id.org/navo-kg/def#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?ev ?s ?p ?o ?rule ?quote ?doc WHERE {
  GRAPH ?g {
    ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
        kg:rule ?rule ; prov:wasDerivedFrom ?doc ; oa:hasTarget/oa:hasSelector ?sel .
    ?sel oa:exact ?quote .
  }
  FILTER(?p != kg:mentions && isIRI(?o))
}
"""
FILES = """
PREFIX kg: <https://w3id.org/navo-kg/def#>
SELECT DISTINCT ?doc ?file WHERE { GRAPH ?g { ?doc kg:sourceFile ?file } }
"""


def _short(iri: str) -> str:
    return iri.rsplit("/id/", 1)[-1].rsplit("#", 1)[-1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", help="a .trig or .nq build")
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    store = Store()
    fmt = RdfFormat.TRIG if args.graph.endswith(".trig") else RdfFormat.N_QUADS
    with open(args.graph, "rb") as f:
        store.bulk_load(f, fmt)
    rows = sorted((r["ev"].value, _short(r["s"].value), _short(r["p"].value), _short(r["o"].value),
                   r["rule"].value, r["quote"].value, _short(r["doc"].value)) for r in store.query(QUERY))
    sample = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    files: dict[str, set[str]] = {}  # document (short id) -> the file names it was read from
    for r in store.query(FILES):
        files.setdefault(_short(r["doc"].value), set()).add(r["file"].value.rsplit("/", 1)[-1])
    print(f"{len(rows)} relations with evidence; {len(sample)} drawn (seed {args.seed})\n")
    print("| # | subject | predicate | object | rule | document | file | sentence | verdict |")
    print("|---|---|---|---|---|---|---|---|---|")
    for i, (_ev, s, p, o, rule, quote, doc) in enumerate(sample, 1):
        q = " ".join(quote.split()).replace("|", "/")
        f = ", ".join(sorted(files.get(doc, ()))).replace("|", "/") or "?"
        print(f"| {i} | {s} | {p} | {o} | {rule} | {doc} | {f} | {q} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
