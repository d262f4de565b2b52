"""Extractions -> one named graph per document, plus the reference graph.

``kg build`` splits the build into one task per graph (``plan_graphs``) and
renders each from plain terms (``render_task``); ``build_dataset`` makes the
same graphs as an ``rdflib.Dataset``.

The layout follows docs/DESIGN.md: the graph IRI is the document's IRI; it
holds the document node, each entity the document mentions (type, the one
global ``rdfs:label``, the ``skos:altLabel``s seen in this document), the
facts and their evidence. Reference facts no document states (``owl:sameAs``)
go into the reference graph, whole-build counts into the statistics graph
(``kg.rdf.statistics``). No blank nodes: evidence nodes get skolem IRIs
derived from their content, so builds are deterministic.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg import reference
from kg.model import PERSON_CLASSES, Entity, Evidence, Extraction, Fact, GYear, Ref, ReferenceEvidence
from kg.rdf import serialize as _serialize
from kg.rdf import statistics
from kg.rdf.namespaces import (ID_BASE, KG, OA, PROV, REFERENCE_GRAPH, STATISTICS_GRAPH, bind_all, entity_iri,
                               expand)

# Class specificity when one key is typed differently in different places.
_RANK = {"Minister": 2, "AnnotatedAgenda": 2, "Report": 2, "Letter": 2, "Answer": 2, "NewsItem": 2}


class _Terms:
    """How ``document_triples`` makes terms: rdflib terms (``RDF_TERMS``, for an
    rdflib Dataset) or plain ones (``PLAIN_TERMS``, for rendering: an IRI is a
    ``str``, a literal a ``(lexical form, datatype IRI or "", language or "")``
    tuple). Both give the same lexical forms: the plain literals are rdflib's,
    computed once per value. The vocabulary is looked up once (rdflib namespaces
    build a new URIRef on every attribute access)."""

    def __init__(self, iri, lit, nni):
        self.iri, self.lit, self.nni = iri, lit, nni  # full IRI str / Python value / int -> term
        v = {name: iri(str(t)) for name, t in dict(
            TYPE=RDF.type, LABEL=RDFS.label, ALT_LABEL=SKOS.altLabel, SAME_AS=OWL.sameAs,
            MENTIONS=KG.mentions, SOURCE_FILE=KG.sourceFile, RULE=KG.rule, EVIDENCE=KG.Evidence,
            SUBJECT=RDF.subject, PREDICATE=RDF.predicate, OBJECT=RDF.object, DERIVED=PROV.wasDerivedFrom,
            HAS_TARGET=OA.hasTarget, HAS_SOURCE=OA.hasSource, HAS_SELECTOR=OA.hasSelector, EXACT=OA.exact,
            START=OA.start, END=OA.end, SPECIFIC=OA.SpecificResource, QUOTE=OA.TextQuoteSelector,
            POSITION=OA.TextPositionSelector).items()}
        self.__dict__.update(v)
        self._classes: dict[str, object] = {}
        self._predicates: dict[str, object] = {}

    def entity(self, key: str):
        return self.iri(ID_BASE + key)

    def cls(self, name: str):
        t = self._classes.get(name)
        if t is None:
            t = self._classes[name] = self.iri(str(KG[name]))
        return t

    def predicate(self, curie: str):
        t = self._predicates.get(curie)
        if t is None:
            t = self._predicates[curie] = self.iri(str(expand(curie)))
        return t


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


_PLAIN: dict = {}  # (type, value) -> plain literal, filled from rdflib's lexical forms


def plain_literal(value) -> tuple[str, str, str]:
    """``literal(value)`` as a plain (lexical form, datatype, language) tuple."""
    if type(value) is str:
        return (value, "", "")  # literal() makes a plain literal of the string as it is
    try:
        key = (type(value), value)
        got = _PLAIN.get(key)
    except TypeError:  # unhashable: not cached
        return _serialize.plain_term(literal(value))
    if got is None:
        if len(_PLAIN) > 100_000:
            _PLAIN.clear()
        got = _PLAIN[key] = _serialize.plain_term(literal(value))
    return got


def _nni_literal(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=1 << 16)
def _nni_plain(n: int) -> tuple[str, str, str]:
    return _serialize.plain_term(_nni_literal(n))


RDF_TERMS = _Terms(URIRef, literal, _nni_literal)
PLAIN_TERMS = _Terms(str, plain_literal, _nni_plain)


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
    """The whole build as a Dataset: one named graph per document, the
    reference graph and the statistics graph."""
    ds = Dataset()
    bind_all(ds)
    chosen = global_entities(extractions)
    reference = ds.graph(REFERENCE_GRAPH)
    for ex in extractions:
        add_document(ds, ex, chosen, reference)
    triples = statistics.dataset_statistics(ds, RDF_TERMS)
    stats = ds.graph(URIRef(STATISTICS_GRAPH))
    for t in triples:
        stats.add(t)
    return ds


def add_document(ds: Dataset, ex: Extraction, chosen: dict[str, tuple[str, str]], reference) -> None:
    """Add one document's named graph to ``ds``."""
    g = ds.graph(entity_iri(ex.doc_key))
    for t in document_triples(ex, chosen):
        g.add(t)
    for t in reference_triples(ex):
        reference.add(t)


def document_triples(ex: Extraction, chosen: dict[str, tuple[str, str]], terms: _Terms = RDF_TERMS) -> list[tuple]:
    """The triples of one document's named graph (duplicates possible).

    ``chosen`` is ``global_entities`` of the whole build (at least for the keys
    of ``ex.entities``); ``terms`` says what the terms are (see ``_Terms``)."""
    T = terms
    out: list[tuple] = []
    add = out.append
    doc = T.entity(ex.doc_key)
    doc_ent = ex.entities.get(ex.doc_key)
    cls, label = chosen.get(ex.doc_key, ("Document", ex.source.name))
    add((doc, T.TYPE, T.cls(cls if doc_ent else "Document")))
    add((doc, T.LABEL, T.lit(label)))
    add((doc, T.SOURCE_FILE, T.lit(ex.source.name)))
    for key in sorted(ex.entities):
        ent = ex.entities[key]
        if key == ex.doc_key:
            _alt_labels(T, add, doc, ent, label)
            continue
        node = T.entity(key)
        cls, label_ = chosen.get(key, (ent.cls, ent.label))
        # a person's class is the one this document gives (a minister elsewhere may be a member of
        # parliament here); the build's union still holds the most specific one
        if ent.cls in PERSON_CLASSES:
            cls = ent.cls
        add((node, T.TYPE, T.cls(cls)))
        add((node, T.LABEL, T.lit(label_)))
        _alt_labels(T, add, node, ent, label_)
        if ent.mentioned:
            add((doc, T.MENTIONS, node))
    for fact in ex.facts:
        if isinstance(fact.evidence, ReferenceEvidence):
            continue  # the reference data's, not the document's (reference_triples)
        s = T.entity(fact.subject)
        p = T.predicate(fact.predicate)
        o = T.entity(fact.object.key) if isinstance(fact.object, Ref) else T.lit(fact.object)
        add((s, p, o))
        if fact.evidence is not None:
            _add_evidence(T, add, ex.doc_key, doc, fact, s, p, o)
    return out


def reference_triples(ex: Extraction, terms: _Terms = RDF_TERMS) -> list[tuple]:
    """The facts ``ex`` adds to the reference graph: ``owl:sameAs`` of the entities
    it names, the country each reference place lies in (``kg:inCountry``, with
    the country's type and label, so the country is named even where no document does),
    the dated offices of the well-known office holders it names (``kg.tenures``), and
    the values of its facts that only the reference data gives (``ReferenceEvidence``:
    a summit's dates and host city the document does not state), with the sources of
    that summit's entry (``dcterms:source``)."""
    from kg.tenures import tenure_triples

    out = [(terms.entity(key), terms.SAME_AS, terms.iri(ent.same_as))
           for key, ent in sorted(ex.entities.items()) if key != ex.doc_key and ent.same_as]
    for key, ent in sorted(ex.entities.items()):
        country = reference.country_of_place(key) if ent.cls == "Place" else None
        if country is not None:
            c = terms.entity(country.key)
            out += [(terms.entity(key), terms.predicate("kg:inCountry"), c),
                    (c, terms.TYPE, terms.cls("Country")), (c, terms.LABEL, terms.lit(country.label))]
    sourced = set()
    for fact in ex.facts:
        if isinstance(fact.evidence, ReferenceEvidence):
            o = terms.entity(fact.object.key) if isinstance(fact.object, Ref) else terms.lit(fact.object)
            out.append((terms.entity(fact.subject), terms.predicate(fact.predicate), o))
            sourced.add(fact.subject)
    for key in sorted(sourced):
        ref = reference.summit_by_key(key)
        for url in ref.source if ref is not None else ():
            out.append((terms.entity(key), terms.predicate("dcterms:source"), terms.iri(url)))
    return out + tenure_triples(ex, terms)


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
    reference = [t for ex in extractions for t in reference_triples(ex, PLAIN_TERMS)]
    reference_shared = frozenset(str(t[0]) for t in reference)
    seen.update(reference_shared)
    tasks = []
    for doc_key, exs in groups.items():
        keys = {doc_key}.union(*(ex.entities for ex in exs))
        tasks.append(GraphTask(doc_key=doc_key, extractions=exs,
                               chosen={k: chosen[k] for k in keys if k in chosen},
                               shared=frozenset(s for s in subjects[doc_key] if seen[s] > 1)))
    return GraphPlan(tasks=tasks, reference=reference, reference_shared=reference_shared, chosen=chosen)


def render_task(task: GraphTask, fmt: str, count: bool = False) -> tuple[_serialize.Fragment, statistics.GraphCounts]:
    """Build and render one document graph (see ``kg.rdf.serialize.render_graph``),
    and count what it adds to the statistics graph."""
    triples: list[tuple] = []
    for ex in task.extractions:
        triples.extend(document_triples(ex, task.chosen, PLAIN_TERMS))
    fragment = _serialize.render_graph(ID_BASE + task.doc_key, triples, fmt, task.shared, count)
    return fragment, statistics.count_graph(triples)


def render_reference(plan: GraphPlan, fmt: str, count: bool = False) -> list[_serialize.Fragment]:
    """The reference graph's fragment (none when it is empty)."""
    if not plan.reference:
        return []
    return [_serialize.render_graph(str(REFERENCE_GRAPH), plan.reference, fmt, plan.reference_shared, count)]


def render_statistics(plan: GraphPlan, counts: list[statistics.GraphCounts], fmt: str,
                      count: bool = False) -> list[_serialize.Fragment]:
    """The statistics graph's fragment, from the counts of every document graph
    (``render_task``) and of the reference graph."""
    counts = [*counts, statistics.count_graph(plan.reference)]
    triples = statistics.statistics_triples(counts, PLAIN_TERMS)
    if not triples:
        return []
    return [_serialize.render_graph(STATISTICS_GRAPH, triples, fmt, frozenset(), count)]


def _alt_labels(T: _Terms, add, node, ent: Entity, label: str) -> None:
    for alt in {ent.label, *ent.alt_labels} - {label}:
        if alt and alt.strip():
            add((node, T.ALT_LABEL, T.lit(alt)))


def _add_evidence(T: _Terms, add, doc_key: str, doc, fact: Fact, s, p, o) -> None:
    """The evidence node of a fact: a reified statement that is also a Web
    Annotation whose target is the sentence (quote + position) in the document."""
    ev: Evidence = fact.evidence
    node = ID_BASE + evidence_key(doc_key, fact)
    target, quote, position = (T.iri(f"{node}#{part}") for part in ("target", "quote", "position"))
    node = T.iri(node)
    add((node, T.TYPE, T.EVIDENCE))
    add((node, T.SUBJECT, s))
    add((node, T.PREDICATE, p))
    add((node, T.OBJECT, o))
    add((node, T.DERIVED, doc))
    add((node, T.RULE, T.lit(ev.rule)))
    add((node, T.HAS_TARGET, target))
    add((target, T.TYPE, T.SPECIFIC))
    add((target, T.HAS_SOURCE, doc))
    add((target, T.HAS_SELECTOR, quote))
    add((target, T.HAS_SELECTOR, position))
    add((quote, T.TYPE, T.QUOTE))
    add((quote, T.EXACT, T.lit(ev.sentence)))
    add((position, T.TYPE, T.POSITION))
    add((position, T.START, T.nni(ev.start)))
    add((position, T.END, T.nni(ev.end)))
