"""Extractions -> an ``rdflib.Dataset`` with one named graph per document.

The layout follows docs/DESIGN.md: the graph IRI is the document's IRI; it
holds the document node, each entity the document mentions (type, the one
global ``rdfs:label``, the ``skos:altLabel``s seen in this document), the
facts and their evidence. Reference facts no document states (``owl:sameAs``)
go into the reference graph. No blank nodes: evidence nodes get skolem IRIs
derived from their content, so builds are deterministic.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.model import Entity, Evidence, Extraction, Fact, GYear, Ref
from kg.rdf.namespaces import KG, OA, PROV, REFERENCE_GRAPH, bind_all, entity_iri, expand

# Class specificity when one key is typed differently in different places.
_RANK = {"Minister": 2, "AnnotatedAgenda": 2, "Report": 2, "Letter": 2}


def literal(value) -> Literal:
    """A Python value as an RDF literal following the contract's datatypes."""
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, GYear):
        return Literal(f"{value.year:04d}", datatype=XSD.gYear)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, Decimal):
        return Literal(_decimal_lexical(value), datatype=XSD.decimal)
    if isinstance(value, float):
        return Literal(_decimal_lexical(Decimal(repr(value))), datatype=XSD.decimal)
    if isinstance(value, dt.datetime):
        return Literal(value.date().isoformat(), datatype=XSD.date)
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(str(value))


def _decimal_lexical(d: Decimal) -> str:
    """Canonical-ish xsd:decimal lexical form: no exponent, no trailing zeros."""
    s = format(d.normalize(), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s or "0"


def evidence_key(doc_key: str, fact: Fact) -> str:
    """A content hash naming the evidence node of ``fact`` in ``doc_key``."""
    ev = fact.evidence
    obj = fact.object.key if isinstance(fact.object, Ref) else repr(fact.object)
    text = "\x1f".join([doc_key, fact.subject, fact.predicate, obj,
                        str(ev.start), str(ev.end), ev.rule])
    return "evidence/" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def global_entities(extractions: list[Extraction]) -> dict[str, tuple[str, str]]:
    """key -> (class, label) chosen once for the whole build.

    The label a document gives itself wins for document nodes; otherwise the
    longest label seen (ties: alphabetical), so every entity has one label.
    """
    out: dict[str, tuple[str, str]] = {}
    own: dict[str, str] = {ex.doc_key: ex.entities[ex.doc_key].label
                           for ex in extractions if ex.doc_key in ex.entities}
    for ex in extractions:
        for key, ent in sorted(ex.entities.items()):
            cls, label = out.get(key, (ent.cls, ent.label))
            if _RANK.get(ent.cls, 1) > _RANK.get(cls, 1):
                cls = ent.cls
            if _better(ent.label, label):
                label = ent.label
            out[key] = (cls, own.get(key, label))
    return out


def _better(candidate: str, current: str) -> bool:
    return (len(candidate), candidate) > (len(current), current)


def build_dataset(extractions: list[Extraction]) -> Dataset:
    """The whole build as a Dataset: one named graph per document + reference graph."""
    ds = Dataset()
    bind_all(ds)
    chosen = global_entities(extractions)
    reference = ds.graph(REFERENCE_GRAPH)
    for ex in extractions:
        add_document(ds, ex, chosen, reference)
    return ds


def add_document(ds: Dataset, ex: Extraction, chosen: dict[str, tuple[str, str]], reference) -> None:
    """Add one document's named graph to ``ds``."""
    doc = entity_iri(ex.doc_key)
    g = ds.graph(doc)
    doc_ent = ex.entities.get(ex.doc_key)
    cls, label = chosen.get(ex.doc_key, ("Document", ex.source.name))
    g.add((doc, RDF.type, KG[cls if doc_ent else "Document"]))
    g.add((doc, RDFS.label, Literal(label)))
    g.add((doc, KG.sourceFile, Literal(ex.source.name)))
    for key in sorted(ex.entities):
        ent = ex.entities[key]
        if key == ex.doc_key:
            _alt_labels(g, doc, ent, label)
            continue
        _add_entity(g, reference, ent, chosen.get(key, (ent.cls, ent.label)))
        if ent.mentioned:
            g.add((doc, KG.mentions, entity_iri(key)))
    for fact in ex.facts:
        _add_fact(g, ex.doc_key, fact)


def _alt_labels(g, node: URIRef, ent: Entity, label: str) -> None:
    for alt in {ent.label, *ent.alt_labels} - {label}:
        if alt and alt.strip():
            g.add((node, SKOS.altLabel, Literal(alt)))


def _add_entity(g, reference, ent: Entity, chosen: tuple[str, str]) -> None:
    node = entity_iri(ent.key)
    cls, label = chosen
    g.add((node, RDF.type, KG[cls]))
    g.add((node, RDFS.label, Literal(label)))
    _alt_labels(g, node, ent, label)
    if ent.same_as:
        reference.add((node, OWL.sameAs, URIRef(ent.same_as)))


def _add_fact(g, doc_key: str, fact: Fact) -> None:
    s = entity_iri(fact.subject)
    p = expand(fact.predicate)
    o = entity_iri(fact.object.key) if isinstance(fact.object, Ref) else literal(fact.object)
    g.add((s, p, o))
    if fact.evidence is not None:
        add_evidence(g, doc_key, fact, s, p, o)


def add_evidence(g, doc_key: str, fact: Fact, s, p, o) -> URIRef:
    """The evidence node of a fact: a reified statement that is also a Web
    Annotation whose target is the sentence (quote + position) in the document."""
    ev: Evidence = fact.evidence
    node = entity_iri(evidence_key(doc_key, fact))
    doc = entity_iri(doc_key)
    target, quote, position = (URIRef(f"{node}#{part}") for part in ("target", "quote", "position"))
    g.add((node, RDF.type, KG.Evidence))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, PROV.wasDerivedFrom, doc))
    g.add((node, KG.rule, Literal(ev.rule)))
    g.add((node, OA.hasTarget, target))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, doc))
    g.add((target, OA.hasSelector, quote))
    g.add((target, OA.hasSelector, position))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(ev.sentence)))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
    g.add((position, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
    return node
