"""ontology/: every contract term and every term a build emits is declared,
labelled in Dutch and English, defined, and aligned."""
from __future__ import annotations

import json
from pathlib import Path

import rdflib
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.namespaces import KG

ONT = Path(__file__).resolve().parents[1] / "ontology"

CONTRACT_CLASSES = ["Document", "Person", "Minister", "Office", "Country", "Organisation", "Summit",
                    "MinisterialMeeting", "Session", "Pledge", "Operation", "Initiative", "Place",
                    "Motion", "Contribution"]
CONTRACT_PROPERTIES = ["mentions", "dossierNumber", "documentNumber", "sourceFile", "signatory",
                       "concerns", "cites", "holdsOffice", "jurisdiction", "inCountry", "hasSession",
                       "participant", "accessionDate", "acronym", "agreedAt", "targetPercentGDP",
                       "contributor", "recipient", "amountEUR", "year", "supports"]
OWN = ["Evidence", "AnnotatedAgenda", "Report", "Letter", "Answer", "NewsItem", "rule", "parliamentaryYear"]


def _ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONT / "navo-kg.ttl")


def _labelled(g, term) -> None:
    langs = {o.language for o in g.objects(term, RDFS.label)}
    assert {"nl", "en"} <= langs, term
    assert g.value(term, RDFS.comment) is not None, term


def test_contract_and_own_terms_are_declared_and_labelled():
    g = _ontology()
    for name in CONTRACT_CLASSES + ["Evidence", "AnnotatedAgenda", "Report", "Letter", "Answer", "NewsItem"]:
        assert (KG[name], RDF.type, OWL.Class) in g, name
        _labelled(g, KG[name])
    for name in CONTRACT_PROPERTIES + ["rule", "parliamentaryYear"]:
        types = set(g.objects(KG[name], RDF.type))
        assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, name
        _labelled(g, KG[name])


def test_alignments():
    g = _ontology()
    assert (KG.Minister, RDFS.subClassOf, KG.Person) in g
    for sub in ("AnnotatedAgenda", "Report", "Letter", "Answer", "NewsItem"):
        assert (KG[sub], RDFS.subClassOf, KG.Document) in g
    ev = set(g.objects(KG.Evidence, RDFS.subClassOf))
    assert {URIRef("http://www.w3.org/ns/oa#Annotation"), URIRef("http://www.w3.org/ns/prov#Entity"),
            RDF.Statement} <= ev
    external = {str(o) for o in g.objects(None, RDFS.subClassOf)} | \
               {str(o) for o in g.objects(None, RDFS.subPropertyOf)} | \
               {str(o) for o in g.objects(None, OWL.equivalentClass)}
    for ns in ("https://schema.org/", "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#",
               "http://www.w3.org/2004/02/skos/core#"):
        assert any(x.startswith(ns) for x in external), ns
    assert g.value(KG.signatory, RDFS.label, default=None) is not None


def test_every_kg_term_in_the_seeds_build_is_declared(seeds_build):
    g = _ontology()
    declared = set(g.subjects(RDF.type, OWL.Class)) | set(g.subjects(RDF.type, OWL.ObjectProperty)) | \
        set(g.subjects(RDF.type, OWL.DatatypeProperty))
    data = rdflib.Graph().parse(seeds_build.ttl)
    used = {p for p in data.predicates() if str(p).startswith(str(KG))} | \
        {o for o in data.objects(None, RDF.type) if str(o).startswith(str(KG))}
    assert used - declared == set()


def test_shapes_cover_every_emitted_class(seeds_build):
    shapes = rdflib.Graph().parse(ONT / "shapes.ttl")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    targets = set(shapes.objects(None, sh.targetClass))
    ont = _ontology()
    data = rdflib.Graph().parse(seeds_build.ttl)
    for cls in set(data.objects(None, RDF.type)):
        if not str(cls).startswith(str(KG)):
            continue
        supers = {cls} | set(ont.transitive_objects(cls, RDFS.subClassOf))
        assert supers & targets, cls


def test_ontology_parses_in_oxigraph_and_context_is_json():
    import pyoxigraph

    for name in ("navo-kg.ttl", "shapes.ttl"):
        store = pyoxigraph.Store()
        store.load(path=str(ONT / name), format=pyoxigraph.RdfFormat.TURTLE)
        assert len(store) > 50
    ctx = json.loads((ONT / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert ctx["kg"] == str(KG)
