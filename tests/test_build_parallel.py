"""kg build renders each document's graph on its own (in the workers) and the
parent only assembles: the bytes must be those of writing the whole Dataset
at once, in every format, with any number of jobs and any start method.

The oracle is the straightforward whole-Dataset writer the build used before
(sort every triple of the union / of each graph, format, join), kept here.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.model import Entity, Evidence, Extraction, Fact, GYear, Ref, SourceText
from kg.rdf import graph as rdf_graph
from kg.rdf import serialize as ser
from kg.rdf.namespaces import PREFIXES, REFERENCE_GRAPH

REPO = Path(__file__).resolve().parents[1]
FMTS = ["turtle", "trig", "nquads", "ntriples", "json-ld"]
EXT = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "ntriples": ".nt", "json-ld": ".jsonld"}


# --- the oracle: the whole-Dataset writers as they were -------------------------

def _sort_key(t):
    s, p, o = t
    return (str(s), p != RDF.type, str(p), isinstance(o, Literal), str(o),
            str(getattr(o, "datatype", "") or ""), str(getattr(o, "language", "") or ""))


def _block(triples, indent=""):
    lines, by_subject = [], {}
    for s, p, o in sorted(set(triples), key=_sort_key):
        by_subject.setdefault(s, []).append((p, o))
    for s in sorted(by_subject, key=str):
        lines.append(indent + ser.term(s, True))
        preds = {}
        for p, o in by_subject[s]:
            preds.setdefault(p, []).append(o)
        items = list(preds.items())
        for i, (p, objs) in enumerate(items):
            end = " ." if i == len(items) - 1 else " ;"
            lines.append(f"{indent}    {ser.term(p, True)} {', '.join(ser.term(o, True) for o in objs)}{end}")
        lines.append("")
    return lines


def _prefixes():
    return [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()] + [""]


def _jsonld_value(o):
    if isinstance(o, URIRef):
        return {"@id": str(o)}
    v = {"@value": str(o)}
    if o.language:
        v["@language"] = o.language
    elif o.datatype is not None and o.datatype != XSD.string:
        v["@type"] = str(o.datatype)
    return v


def _jsonld_nodes(triples):
    nodes = {}
    for s, p, o in sorted(set(triples), key=_sort_key):
        node = nodes.setdefault(str(s), {"@id": str(s)})
        if p == RDF.type:
            node.setdefault("@type", []).append(str(o))
        else:
            node.setdefault(str(p), []).append(_jsonld_value(o))
    return [nodes[k] for k in sorted(nodes)]


def oracle(graphs, fmt):
    """``graphs``: (iri, triples) sorted as in the output."""
    if fmt == "turtle":
        return "\n".join(_prefixes() + _block({t for _g, ts in graphs for t in ts}))
    if fmt == "trig":
        lines = _prefixes()
        for iri, triples in graphs:
            lines.append(("GRAPH " + ser.term(iri, True) + " {") if iri is not None else "{")
            lines.extend(_block(triples, "    "))
            if lines[-1] == "":
                lines.pop()
            lines += ["}", ""]
        return "\n".join(lines)
    if fmt == "nquads":
        lines = {f"{ser.term(s)} {ser.term(p)} {ser.term(o)}{f' {ser.term(iri)}' if iri is not None else ''} ."
                 for iri, ts in graphs for s, p, o in ts}
        return "\n".join(sorted(lines)) + "\n"
    if fmt == "ntriples":
        lines = {f"{ser.term(s)} {ser.term(p)} {ser.term(o)} ." for _g, ts in graphs for s, p, o in ts}
        return "\n".join(sorted(lines)) + "\n"
    doc = [{"@id": str(iri), "@graph": _jsonld_nodes(ts)} if iri is not None else {"@graph": _jsonld_nodes(ts)}
           for iri, ts in graphs]
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# --- a small build with everything that makes assembling hard --------------------

TEXT = 'De minister sprak in "Tallinn" met Kuleba.\nOok\tOekraïne\x07 en \\ NAVO.'


def _doc(name, doc_key, extra_label=None):
    ex = Extraction(source=SourceText(Path(name), TEXT), doc_key=doc_key)
    ex.add_entity(Entity(doc_key, "Letter", f"Brief {name}", {f"brief {name}"}, mentioned=False))
    ex.add_entity(Entity("person/kuleba", "Minister", extra_label or "Kuleba", {"Dmytro Kuleba"},
                         same_as="http://www.wikidata.org/entity/Q1"))
    ex.add_entity(Entity("country/oekraine", "Country", "Oekraïne", same_as="http://www.wikidata.org/entity/Q212"))
    ex.add_entity(Entity("place/tallinn", "Place", 'Tallinn "oud"\nstad'))
    ev = Evidence(TEXT, 0, len(TEXT), "test.rule")
    ex.add_fact(Fact(doc_key, "dcterms:date", dt.date(2031, 5, 4)))
    ex.add_fact(Fact("person/kuleba", "kg:participant", Ref("place/tallinn"), ev))
    ex.add_fact(Fact("person/kuleba", "kg:count", 3))
    ex.add_fact(Fact("pledge/x", "kg:targetPercentGDP", Decimal("2.50")))  # subject no entity names
    ex.add_fact(Fact("pledge/x", "kg:year", GYear(2031)))
    ex.add_fact(Fact(doc_key, "kg:cites", Ref("document/kst-9"), ev))
    return ex


def _build():
    a = _doc("a.txt", "document/kst-1")
    a.add_entity(Entity("document/kst-9", "Letter", "De brief over Tallinn"))  # a subject in a's graph too
    docs = [a, _doc("b.txt", "document/kst-2", "Dmytro Kuleba"), _doc("c.txt", "document/kst-9")]
    same_key = _doc("d.txt", "document/kst-1")  # two documents, one graph
    return docs + [same_key]


def _whole(extractions):
    ds = rdf_graph.build_dataset(extractions)
    return ser._graphs(ds)


def _pieces(extractions, fmt, count=False):
    plan = rdf_graph.plan_graphs(extractions)
    rendered = [rdf_graph.render_task(t, fmt, count) for t in plan.tasks]
    frags = [f for f, _counts in rendered]
    frags += rdf_graph.render_reference(plan, fmt, count)
    frags += rdf_graph.render_statistics(plan, [c for _f, c in rendered], fmt, count)
    return plan, frags


@pytest.mark.parametrize("fmt", FMTS)
def test_per_graph_rendering_gives_the_whole_dataset_bytes(fmt):
    exs = _build()
    want = oracle(_whole(exs), fmt)
    _plan, frags = _pieces(exs, fmt)
    assert "".join(ser.assemble(frags, fmt)) == want
    # The Dataset writer goes the same way.
    assert ser.render_dataset(rdf_graph.build_dataset(exs), fmt) == want


@pytest.mark.parametrize("fmt", FMTS)
def test_triple_count_is_that_of_the_union(fmt):
    exs = _build()
    union = {t for _g, ts in _whole(exs) for t in ts}
    _plan, frags = _pieces(exs, fmt, count=True)
    assert ser.triple_count(frags) == len(union)


def test_shared_subjects_are_those_of_several_graphs():
    plan = rdf_graph.plan_graphs(_build())
    by_key = {t.doc_key: t for t in plan.tasks}
    assert len(plan.tasks) == 3 and len(by_key["document/kst-1"].extractions) == 2
    kuleba = "https://w3id.org/navo-kg/id/person/kuleba"
    assert all(kuleba in t.shared for t in plan.tasks)
    kst9 = "https://w3id.org/navo-kg/id/document/kst-9"
    assert kst9 in by_key["document/kst-1"].shared and kst9 in by_key["document/kst-9"].shared
    assert kst9 not in by_key["document/kst-2"].shared  # only an object there
    # owl:sameAs of Kuleba and Oekraïne; Tallinn's country (reference data) with Estland's type and
    # label; Kuleba's tenure (reference data on office holders: kg.tenures) with its office
    assert {s for s in plan.reference_shared if "/tenure/" not in s} == {
        kuleba, "https://w3id.org/navo-kg/id/country/oekraine",
        "https://w3id.org/navo-kg/id/place/tallinn", "https://w3id.org/navo-kg/id/country/estland",
        "https://w3id.org/navo-kg/id/office/minister-van-buitenlandse-zaken-ua"}
    assert any("/tenure/kuleba-" in s for s in plan.reference_shared)
    assert {str(t[0]) for t in plan.reference} == plan.reference_shared


def test_a_subject_missing_from_shared_is_an_error_not_a_duplicate_block():
    frags = [ser.render_graph(URIRef(f"urn:g{i}"), [(URIRef("urn:s"), RDF.type, URIRef("urn:C"))], "turtle")
             for i in range(2)]
    with pytest.raises(ValueError, match="not marked shared"):
        ser.assemble(frags, "turtle")


def test_literal_escapes_match_the_character_loop():
    def slow(s):
        out = []
        for c in s:
            if c in ser._ESCAPES:
                out.append(ser._ESCAPES[c])
            elif ord(c) < 0x20 or ord(c) == 0x7F or 0xD800 <= ord(c) <= 0xDFFF:
                out.append(f"\\u{ord(c):04X}" if 0xD800 > ord(c) or ord(c) > 0xDFFF else "\\uFFFD")
            else:
                out.append(c)
        return '"' + "".join(out) + '"'

    samples = ["plain", 'q"uote', "back\\slash", "".join(map(chr, range(0x00, 0x80))),
               "\ud800lone", "Ĳssel – €", "\x7f\x1f\t\n\r\b\f"]
    for s in samples:
        assert ser._string(s) == slow(s)
    assert ser.term(Literal("x", datatype=XSD.string)) == '"x"'
    assert ser.term(URIRef("urn:a b<c>")) == "<urn:a\\u0020b\\u003Cc\\u003E>"


def test_empty_and_default_graph_edges():
    for fmt in FMTS:
        assert "".join(ser.assemble([], fmt)) == oracle([], fmt)
    triples = [(URIRef("urn:s"), RDF.type, URIRef("urn:C"))]
    graphs = [(REFERENCE_GRAPH, triples), (None, triples)]
    for fmt in FMTS:
        shared = ser.shared_subjects(graphs)
        frags = [ser.render_graph(iri, ts, fmt, shared) for iri, ts in graphs]
        assert "".join(ser.assemble(frags, fmt)) == oracle(graphs, fmt), fmt


# --- the real build -------------------------------------------------------------------

def _kg(*args, env=None):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, **(env or {})}, timeout=600)


@pytest.mark.parametrize("fmt", ["trig", "nquads", "json-ld"])
def test_jobs_and_start_methods_give_the_same_bytes(seeds_build, tmp_path, fmt):
    outs = []
    for jobs, start in ((1, None), (2, None), (2, "spawn")):
        out = tmp_path / f"j{jobs}-{start}{EXT[fmt]}"
        r = _kg("build", "seeds", "-o", out, "-q", "--jobs", jobs, env={"NAVO_KG_START": start} if start else None)
        assert r.returncode == 0, r.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]
    if fmt == "trig":
        assert outs[0] == seeds_build.trig.read_bytes()


def test_worker_tasks_by_index_or_by_value_agree():
    """Forked workers read their task by index from the parent's memory; spawned
    and Dask workers get the task itself. Same fragment either way."""
    import pickle

    from kg import build

    plan = rdf_graph.plan_graphs(_build())
    build._GRAPH_TASKS[:] = plan.tasks
    try:
        by_index = [build.render_graph_task((i, "trig", True)) for i in range(len(plan.tasks))]
    finally:
        build._GRAPH_TASKS.clear()
    by_value = [pickle.loads(pickle.dumps(build.render_graph_task((pickle.loads(pickle.dumps(t)), "trig", True))))
                for t in plan.tasks]
    assert by_index == by_value
