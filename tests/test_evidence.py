"""Provenance over the whole seeds build: every relation has evidence, and
every evidence record quotes exactly the source file's characters."""
from __future__ import annotations

import pyoxigraph as ox

from conftest import SEEDS

PREFIXES = """
PREFIX kg: <https://w3id.org/navo-kg/def#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
ID = "https://w3id.org/navo-kg/id/"


def _store(path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
    return store


def test_every_relation_between_entities_has_evidence_in_its_graph(seeds_build):
    store = _store(seeds_build.trig)
    rows = list(store.query(PREFIXES + f"""
    SELECT ?g ?s ?p ?o (EXISTS {{ GRAPH ?g {{ ?e rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }} AS ?ev)
    WHERE {{ GRAPH ?g {{ ?s ?p ?o .
        FILTER(isIRI(?o) && STRSTARTS(STR(?o), "{ID}") && ?p != rdf:type
               && !STRSTARTS(STR(?s), "{ID}evidence/")) }}
        FILTER(STRSTARTS(STR(?g), "{ID}document/")) }}"""))  # not the statistics graph's counts
    assert len(rows) > 100  # the seeds state a few hundred relations
    missing = [(r["s"].value, r["p"].value, r["o"].value) for r in rows if r["ev"].value != "true"]
    assert missing == []


def test_every_evidence_quote_is_the_source_text_at_its_offsets(seeds_build):
    store = _store(seeds_build.trig)
    rows = list(store.query(PREFIXES + """
    SELECT ?file ?exact ?start ?end ?rule WHERE { GRAPH ?g {
        ?e a kg:Evidence ; prov:wasDerivedFrom ?doc ; kg:rule ?rule ; oa:hasTarget ?t .
        ?doc kg:sourceFile ?file .
        ?t oa:hasSource ?doc ; oa:hasSelector ?q, ?pos .
        ?q a oa:TextQuoteSelector ; oa:exact ?exact .
        ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . } }"""))
    assert len(rows) > 100
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    bad = []
    for r in rows:
        text = texts[r["file"].value]
        start, end = int(r["start"].value), int(r["end"].value)
        if not (0 <= start < end <= len(text)) or text[start:end] != r["exact"].value:
            bad.append((r["file"].value, start, end, r["rule"].value))
    assert bad == []
    assert all(r["rule"].value for r in rows)
