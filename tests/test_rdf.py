"""kg.rdf: the Dataset layout, literal types, evidence, every export format."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.model import Entity, Evidence, Extraction, Fact, GYear, Ref, SourceText
from kg.rdf.graph import build_dataset
from kg.rdf.namespaces import KG, OA, REFERENCE_GRAPH, SCHEMA, entity_iri
from kg.rdf.serialize import FORMATS, serialize

TEXT = "De Estse minister van Defensie Hanno Pevkur sprak in Tallinn met de NAVO."


def _extraction(name="010_brief.txt", doc_key="document/kst-28676-601", label="Pevkur") -> Extraction:
    src = SourceText(Path(name), TEXT)
    ex = Extraction(source=src, doc_key=doc_key)
    ex.add_entity(Entity(doc_key, "Letter", "Brief over Tallinn", mentioned=False))
    ex.add_entity(Entity("person/pevkur", "Minister", label, {"Hanno Pevkur"},
                         same_as="http://www.wikidata.org/entity/Q111"))
    ex.add_entity(Entity("place/tallinn", "Place", "Tallinn"))
    ex.add_entity(Entity("contribution/ab12", "Contribution", "bijdrage", mentioned=False))
    ev = Evidence(TEXT, 0, len(TEXT), "test.rule")
    ex.add_fact(Fact(doc_key, "dcterms:date", dt.date(2031, 5, 4)))
    ex.add_fact(Fact(doc_key, "kg:dossierNumber", "28676"))
    ex.add_fact(Fact("person/pevkur", "kg:participant", Ref("place/tallinn"), ev))
    ex.add_fact(Fact("contribution/ab12", "kg:amountEUR", Decimal("40000000")))
    ex.add_fact(Fact("contribution/ab12", "kg:year", GYear(2031)))
    ex.add_fact(Fact("pledge/x", "kg:targetPercentGDP", Decimal("2.50")))
    ex.add_fact(Fact("place/tallinn", "kg:count", 3))
    return ex


def test_named_graph_per_document_and_reference_graph():
    ds = build_dataset([_extraction()])
    doc = entity_iri("document/kst-28676-601")
    g = ds.graph(doc)
    assert (doc, RDF.type, KG.Letter) in g
    assert (doc, KG.sourceFile, Literal("010_brief.txt")) in g
    assert (doc, KG.mentions, entity_iri("person/pevkur")) in g
    assert (doc, KG.mentions, entity_iri("contribution/ab12")) not in g  # not "named" by the text
    pevkur = entity_iri("person/pevkur")
    assert (pevkur, RDF.type, KG.Minister) in g
    assert set(g.objects(pevkur, SKOS.altLabel)) == {Literal("Hanno Pevkur")}
    ref = ds.graph(REFERENCE_GRAPH)
    assert (pevkur, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q111")) in ref
    assert (pevkur, OWL.sameAs, None) not in g


def test_literal_datatypes():
    g = build_dataset([_extraction()]).graph(entity_iri("document/kst-28676-601"))
    doc = entity_iri("document/kst-28676-601")
    assert g.value(doc, KG.dossierNumber) == Literal("28676")
    assert g.value(doc, KG.dossierNumber).datatype is None  # plain literal
    assert g.value(doc, URIRef("http://purl.org/dc/terms/date")).datatype == XSD.date
    c = entity_iri("contribution/ab12")
    assert g.value(c, KG.amountEUR) == Literal("40000000", datatype=XSD.decimal)
    assert g.value(c, KG.year) == Literal("2031", datatype=XSD.gYear)
    assert g.value(entity_iri("pledge/x"), KG.targetPercentGDP) == Literal("2.5", datatype=XSD.decimal)
    assert g.value(entity_iri("place/tallinn"), KG["count"]).datatype == XSD.integer


def test_evidence_node_points_into_the_source():
    ds = build_dataset([_extraction()])
    g = ds.graph(entity_iri("document/kst-28676-601"))
    evs = list(g.subjects(RDF.type, KG.Evidence))
    assert len(evs) == 1
    ev = evs[0]
    assert str(ev).startswith("https://w3id.org/navo-kg/id/evidence/")
    assert g.value(ev, RDF.predicate) == KG.participant
    assert g.value(ev, KG.rule) == Literal("test.rule")
    target = g.value(ev, OA.hasTarget)
    selectors = set(g.objects(target, OA.hasSelector))
    quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in g)
    pos = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in g)
    start, end = int(g.value(pos, OA.start)), int(g.value(pos, OA.end))
    assert TEXT[start:end] == str(g.value(quote, OA.exact))


def test_one_global_label_across_documents():
    a = _extraction("a.txt", "document/a", label="Pevkur")
    b = _extraction("b.txt", "document/b", label="Hanno Pevkur")
    ds = build_dataset([a, b])
    labels = {o for _s, _p, o, _g in ds.quads((entity_iri("person/pevkur"), RDFS.label, None, None))}
    assert labels == {Literal("Hanno Pevkur")}


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_every_format_parses_in_rdflib(tmp_path, ext):
    ds = build_dataset([_extraction(), _extraction("b.txt", "document/b")])
    out = tmp_path / f"g{ext}"
    out.write_text(serialize(ds, out), encoding="utf-8")
    parsed = rdflib.Dataset()
    parsed.parse(out, format={".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt",
                              ".jsonld": "json-ld"}[ext])
    triples = {(s, p, o) for s, p, o, _g in parsed.quads((None, None, None, None))}
    expected = {(s, p, o) for s, p, o, _g in ds.quads((None, None, None, None))}
    assert triples == expected
    if ext in (".trig", ".nq", ".jsonld"):
        graphs = {g for *_t, g in parsed.quads((None, None, None, None))}
        assert entity_iri("document/kst-28676-601") in graphs and entity_iri("document/b") in graphs


@pytest.mark.parametrize("ext,fmt", [(".ttl", "TURTLE"), (".trig", "TRIG"), (".nq", "N_QUADS"),
                                     (".nt", "N_TRIPLES"), (".jsonld", "JSON_LD")])
def test_every_format_parses_in_oxigraph(tmp_path, ext, fmt):
    import pyoxigraph

    ds = build_dataset([_extraction()])
    out = tmp_path / f"g{ext}"
    out.write_text(serialize(ds, out), encoding="utf-8")
    store = pyoxigraph.Store()
    store.load(path=str(out), format=getattr(pyoxigraph.RdfFormat, fmt))
    n = len({(q.subject, q.predicate, q.object) for q in store})
    assert n == len({(s, p, o) for s, p, o, _g in ds.quads((None, None, None, None))})


def test_strings_with_quotes_newlines_and_unicode_round_trip(tmp_path):
    ex = _extraction()
    ex.add_entity(Entity("person/o-brien", "Person", 'Sean "Mac" O\'Brien\nII – Ĳssel \\ ok'))
    ds = build_dataset([ex])
    for ext in (".ttl", ".nt"):
        out = tmp_path / f"q{ext}"
        out.write_text(serialize(ds, out), encoding="utf-8")
        g = rdflib.Graph().parse(out)
        assert g.value(entity_iri("person/o-brien"), RDFS.label) == \
            Literal('Sean "Mac" O\'Brien\nII – Ĳssel \\ ok')


def test_output_is_identical_across_hash_seeds(tmp_path):
    code = ("import sys; sys.path.insert(0, %r); from test_rdf import _extraction; "
            "from kg.rdf.graph import build_dataset; from kg.rdf.serialize import serialize; "
            "from pathlib import Path; ds = build_dataset([_extraction(), _extraction('b.txt', 'document/b')]); "
            "[sys.stdout.write(serialize(ds, Path('x' + e))) for e in ('.ttl', '.trig', '.nq', '.jsonld')]"
            ) % str(Path(__file__).resolve().parent)
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                env=env, check=True, cwd=tmp_path).stdout)
    assert len(outs) == 1


def test_no_blank_nodes():
    ds = build_dataset([_extraction()])
    for s, p, o, _g in ds.quads((None, None, None, None)):
        assert not isinstance(s, rdflib.BNode) and not isinstance(o, rdflib.BNode)
    assert SCHEMA  # the namespace module exports every prefix
