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
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.model import Entity, Evidence, Extraction, Fact, GYear, Ref
from kg.rdf import serialize as _serialize
from kg.rdf.namespaces import ID_BASE, KG, OA, PROV, REFERENCE_GRAPH, bind_all, entity_iri, expand

# Class specificity when one key is typed differently in different places.
_RANK = {"Minister": 2, "AnnotatedAgenda": 2, "Report": 2, "Letter": 2}

# Terms used for every document, looked up once (rdflib namespaces build a
# new URIRef on every attribute access).
_TYPE, _LABEL, _ALT_LABEL = RDF.type, RDFS.label, SKOS.altLabel
_MENTIONS, _SOURCE_FILE, _RULE, _EVIDENCE = KG.mentions, KG.sourceFile, KG.rule, KG.Evidence
_SUBJECT, _PREDICATE, _OBJECT, _DERIVED = RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom
_HAS_TARGET, _HAS_SOURCE, _HAS_SELECTOR, _EXACT = OA.hasTarget, OA.hasSource, OA.hasSelector, OA.exact
_START, _END, _NNI = OA.start, OA.end, XSD.nonNegativeInteger
_SPECIFIC, _QUOTE, _POSITION = OA.SpecificResource, OA.TextQuoteSelector, OA.TextPositionSelector
_CLASSES: dict[str, URIRef] = {}


def _class(name: str) -> URIRef:
    iri = _CLASSES.get(name)
    if iri is None:
        iri = _CLASSES[name] = KG[name]
    return iri


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
    g = ds.graph(entity_iri(ex.doc_key))
    for t in document_triples(ex, chosen):
        g.add(t)
    for t in reference_triples(ex):
        reference.add(t)


def document_triples(ex: Extraction, chosen: dict[str, tuple[str, str]]) -> list[tuple]:
    """The triples of one document's named graph (duplicates possible).

    ``chosen`` is ``global_entities`` of the whole build (at least for the keys
    of ``ex.entities``)."""
    out: list[tuple] = []
    add = out.append
    doc = entity_iri(ex.doc_key)
    doc_ent = ex.entities.get(ex.doc_key)
    cls, label = chosen.get(ex.doc_key, ("Document", ex.source.name))
    add((doc, _TYPE, _class(cls if doc_ent else "Document")))
    add((doc, _LABEL, Literal(label)))
    add((doc, _SOURCE_FILE, Literal(ex.source.name)))
    for key in sorted(ex.entities):
        ent = ex.entities[key]
        if key == ex.doc_key:
            _alt_labels(add, doc, ent, label)
            continue
        _add_entity(add, ent, chosen.get(key, (ent.cls, ent.label)))
        if ent.mentioned:
            add((doc, _MENTIONS, entity_iri(key)))
    for fact in ex.facts:
        _add_fact(add, ex.doc_key, fact)
    return out


def reference_triples(ex: Extraction) -> list[tuple]:
    """The facts ``ex`` adds to the reference graph (``owl:sameAs`` of the entities it names)."""
    return [(entity_iri(key), OWL.sameAs, URIRef(ent.same_as))
            for key, ent in sorted(ex.entities.items()) if key != ex.doc_key and ent.same_as]


def subject_keys(ex: Extraction) -> set[str]:
    """Every entity key whose IRI can be a subject in ``ex``'s graph. The only
    other subjects are its evidence nodes, which no other document has (their
    IRIs hash the document key)."""
    return {ex.doc_key, *ex.entities, *(f.subject for f in ex.facts)}


# --- one graph at a time (kg build renders these in its workers) ---------------

@dataclass
class GraphTask:
    """What rendering one named graph needs: its documents (normally one; more
    only if resolution gave two documents one key), the global class and label
    of every entity they name, and which of their subjects other graphs share."""

    doc_key: str
    extractions: list[Extraction]
    chosen: dict[str, tuple[str, str]]
    shared: frozenset[str]


@dataclass
class GraphPlan:
    """The graphs of a build: one task per document graph, the reference graph's
    triples and the subjects it shares, and ``global_entities`` of the build."""

    tasks: list[GraphTask]
    reference: list[tuple]
    reference_shared: frozenset[str]
    chosen: dict[str, tuple[str, str]]


def plan_graphs(extractions: list[Extraction]) -> GraphPlan:
    """Split a resolved build into independent per-graph tasks.

    Cheap (no RDF terms for document graphs): the expensive work is
    ``render_task``, which can run anywhere. A subject is *shared* when more
    than one graph (the reference graph included) can hold it; Turtle and
    N-Triples merge those across graphs.
    """
    chosen = global_entities(extractions)
    groups: dict[str, list[Extraction]] = {}
    for ex in extractions:
        groups.setdefault(ex.doc_key, []).append(ex)
    subjects: dict[str, set[str]] = {}
    seen: Counter = Counter()
    for doc_key, exs in groups.items():
        subjects[doc_key] = {ID_BASE + k for ex in exs for k in subject_keys(ex)}
        seen.update(subjects[doc_key])
    reference = [t for ex in extractions for t in reference_triples(ex)]
    reference_shared = frozenset(str(t[0]) for t in reference)
    seen.update(reference_shared)
    tasks = []
    for doc_key, exs in groups.items():
        keys = {doc_key}.union(*(ex.entities for ex in exs))
        tasks.append(GraphTask(doc_key=doc_key, extractions=exs,
                               chosen={k: chosen[k] for k in keys if k in chosen},
                               shared=frozenset(s for s in subjects[doc_key] if seen[s] > 1)))
    return GraphPlan(tasks=tasks, reference=reference, reference_shared=reference_shared, chosen=chosen)


def render_task(task: GraphTask, fmt: str, count: bool = False) -> _serialize.Fragment:
    """Build and render one document graph (see ``kg.rdf.serialize.render_graph``)."""
    triples: list[tuple] = []
    for ex in task.extractions:
        triples.extend(document_triples(ex, task.chosen))
    return _serialize.render_graph(entity_iri(task.doc_key), triples, fmt, task.shared, count)


def render_reference(plan: GraphPlan, fmt: str, count: bool = False) -> list[_serialize.Fragment]:
    """The reference graph's fragment (none when it is empty)."""
    if not plan.reference:
        return []
    return [_serialize.render_graph(REFERENCE_GRAPH, plan.reference, fmt, plan.reference_shared, count)]


def _alt_labels(add, node: URIRef, ent: Entity, label: str) -> None:
    for alt in {ent.label, *ent.alt_labels} - {label}:
        if alt and alt.strip():
            add((node, _ALT_LABEL, Literal(alt)))


def _add_entity(add, ent: Entity, chosen: tuple[str, str]) -> None:
    node = entity_iri(ent.key)
    cls, label = chosen
    add((node, _TYPE, _class(cls)))
    add((node, _LABEL, Literal(label)))
    _alt_labels(add, node, ent, label)


def _add_fact(add, doc_key: str, fact: Fact) -> None:
    s = entity_iri(fact.subject)
    p = expand(fact.predicate)
    o = entity_iri(fact.object.key) if isinstance(fact.object, Ref) else literal(fact.object)
    add((s, p, o))
    if fact.evidence is not None:
        add_evidence(add, doc_key, fact, s, p, o)


def add_evidence(add, doc_key: str, fact: Fact, s, p, o) -> URIRef:
    """The evidence node of a fact: a reified statement that is also a Web
    Annotation whose target is the sentence (quote + position) in the document.
    ``add`` takes one triple (``graph.add`` or ``list.append``)."""
    ev: Evidence = fact.evidence
    node = entity_iri(evidence_key(doc_key, fact))
    doc = entity_iri(doc_key)
    target, quote, position = (URIRef(f"{node}#{part}") for part in ("target", "quote", "position"))
    add((node, _TYPE, _EVIDENCE))
    add((node, _SUBJECT, s))
    add((node, _PREDICATE, p))
    add((node, _OBJECT, o))
    add((node, _DERIVED, doc))
    add((node, _RULE, Literal(ev.rule)))
    add((node, _HAS_TARGET, target))
    add((target, _TYPE, _SPECIFIC))
    add((target, _HAS_SOURCE, doc))
    add((target, _HAS_SELECTOR, quote))
    add((target, _HAS_SELECTOR, position))
    add((quote, _TYPE, _QUOTE))
    add((quote, _EXACT, Literal(ev.sentence)))
    add((position, _TYPE, _POSITION))
    add((position, _START, Literal(ev.start, datatype=_NNI)))
    add((position, _END, Literal(ev.end, datatype=_NNI)))
    return node
