"""The statistics graph: whole-build counts that aggregate queries read.

Three library queries aggregate over every graph (entities per class,
evidence records per rule, entity pairs named in the same documents). At a
million triples no SPARQL engine answers those interactively: each has to
touch every mention or evidence record. The build has every triple in hand
anyway, so it counts once. Each worker counts the graph it renders
(``count_graph``) and the parent merges the counts into the named graph
``graph:statistics`` (``statistics_triples``)::

    graph:statistics void:classPartition graph:statistics-class-Person ;
        kg:rulePartition graph:statistics-rule-… ; kg:coMentionPair graph:statistics-pair-… .
    graph:statistics-class-Person void:class kg:Person ; void:entities 12 ; kg:documentCount 5 .
    graph:statistics-rule-… kg:ruleName "…" ; void:property kg:holdsOffice ; kg:evidenceCount 7 .
    graph:statistics-pair-… kg:firstEntity … ; kg:secondEntity … ; kg:documentCount 3 .

The counts are what the plain aggregates give on the union of the graphs
(``tests/test_statistics.py`` checks this): an entity of a class is a distinct
(subject, ``rdf:type`` kg class) pair, kg:Evidence aside; a document is a
subject of ``kg:mentions``; a pair is two entities a document mentions, the
first with the smaller IRI. Only the ``TOP_PAIRS`` pairs named together most
often are kept (ties by IRI), as the full list grows with the square of the
entities per document.

One build writes one value per property of each partition or pair node, and
their IRIs are the same in every build (class name, hash of rule and
predicate, hash of the pair). Two builds' files joined into one (``cat``, or
two files loaded into one store) therefore put two counts on one node, and
the queries would answer with every combination of them: ``mixed`` finds
that, and the loader (``kg/store.py``) counts such a graph anew.
"""
from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from rdflib.namespace import RDF, VOID

from kg.rdf.namespaces import KG, STATISTICS_GRAPH

TOP_PAIRS = 100

_TYPE, _MENTIONS, _RULE, _PREDICATE = str(RDF.type), str(KG.mentions), str(KG.rule), str(RDF.predicate)
_EVIDENCE, _KG = str(KG.Evidence), str(KG)
COUNTED_PREDICATES = frozenset((_TYPE, _MENTIONS, _RULE, _PREDICATE))  # all that count_graph reads


@dataclass
class GraphCounts:
    """What one named graph adds to the statistics (plain terms, picklable).

    ``types``: subject -> its kg classes (kg:Evidence aside); ``mentions``:
    document -> the entities it mentions; ``evidence``: (rule name, predicate
    IRI) -> evidence records. Rule names are plain strings, so their lexical
    form stands for the literal. Evidence records can be counted per graph:
    their IRIs hash the document key, so no record is in two graphs."""

    types: dict[str, set[str]] = field(default_factory=dict)
    mentions: dict[str, set[str]] = field(default_factory=dict)
    evidence: Counter = field(default_factory=Counter)


def count_graph(triples) -> GraphCounts:
    """Count one graph's plain triples (IRIs as ``str``, literals as tuples)."""
    counts = GraphCounts()
    evidence: set[str] = set()
    rules: dict[str, set] = {}
    predicates: dict[str, set[str]] = {}
    for s, p, o in triples:
        if p == _TYPE:
            if o == _EVIDENCE:
                evidence.add(s)
            elif o.__class__ is str and o.startswith(_KG):
                counts.types.setdefault(s, set()).add(o)
        elif p == _MENTIONS:
            counts.mentions.setdefault(s, set()).add(o)
        elif p == _RULE:
            rules.setdefault(s, set()).add(o[0])  # a plain literal's lexical form
        elif p == _PREDICATE:
            predicates.setdefault(s, set()).add(o)
    for node in evidence:
        for rule in rules.get(node, ()):
            for predicate in predicates.get(node, ()):
                counts.evidence[(rule, predicate)] += 1
    return counts


def merge(counts) -> GraphCounts:
    """One ``GraphCounts`` for the union of the graphs counted."""
    out = GraphCounts()
    for c in counts:
        for s, classes in c.types.items():
            out.types.setdefault(s, set()).update(classes)
        for d, entities in c.mentions.items():
            out.mentions.setdefault(d, set()).update(entities)
        out.evidence.update(c.evidence)
    return out


def class_counts(total: GraphCounts) -> dict[str, tuple[int, int]]:
    """kg class IRI -> (entities of the class, documents mentioning one)."""
    entities: Counter = Counter()
    for classes in total.types.values():
        entities.update(classes)
    documents: Counter = Counter()
    for entities_named in total.mentions.values():
        documents.update({c for e in entities_named for c in total.types.get(e, ())})
    return {c: (n, documents[c]) for c, n in entities.items()}


def top_pairs(mentions: dict[str, set[str]], k: int = TOP_PAIRS) -> list[tuple[str, str, int]]:
    """The ``k`` entity pairs mentioned together by most documents, as
    (first IRI, second IRI, documents), most first, ties by IRI."""
    names = sorted(set().union(*mentions.values())) if mentions else []
    number = {e: i for i, e in enumerate(names)}  # order of numbers = order of IRIs
    pairs: Counter = Counter()
    for entities in mentions.values():
        pairs.update(combinations(sorted(number[e] for e in entities), 2))
    best = heapq.nsmallest(k, pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(names[a], names[b], n) for (a, b), n in best]


def mixed(triples) -> bool:
    """Do the statistics ``triples`` (root and partition or pair nodes, any term type)
    hold more than one build's counts: a node with two values of one property?
    (The root links to many nodes by one property; it is not checked.)"""
    seen: dict[tuple, object] = {}
    for s, p, o in triples:
        if getattr(s, "value", str(s)) != STATISTICS_GRAPH and seen.setdefault((s, p), o) != o:
            return True
    return False


def _node(kind: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{STATISTICS_GRAPH}-{kind}-{digest}"


def statistics_triples(counts, terms) -> list[tuple]:
    """The statistics graph's triples for the graphs counted in ``counts``.

    ``terms`` is ``kg.rdf.graph.PLAIN_TERMS`` or ``RDF_TERMS``."""
    T = terms
    total = merge(counts)
    out: list[tuple] = []
    add = out.append
    root = T.iri(STATISTICS_GRAPH)
    void_class, void_entities = T.iri(str(VOID["class"])), T.iri(str(VOID.entities))
    documents = T.iri(str(KG.documentCount))
    for cls, (n, docs) in sorted(class_counts(total).items()):
        node = T.iri(f"{STATISTICS_GRAPH}-class-{cls[len(_KG):]}")
        add((root, T.iri(str(VOID.classPartition)), node))
        add((node, void_class, T.iri(cls)))
        add((node, void_entities, T.lit(n)))
        add((node, documents, T.lit(docs)))
    for (rule, predicate), n in sorted(total.evidence.items()):
        node = T.iri(_node("rule", rule, predicate))
        add((root, T.iri(str(KG.rulePartition)), node))
        add((node, T.iri(str(KG.ruleName)), T.lit(rule)))
        add((node, T.iri(str(VOID.property)), T.iri(predicate)))
        add((node, T.iri(str(KG.evidenceCount)), T.lit(n)))
    for a, b, n in top_pairs(total.mentions):
        node = T.iri(_node("pair", a, b))
        add((root, T.iri(str(KG.coMentionPair)), node))
        add((node, T.iri(str(KG.firstEntity)), T.iri(a)))
        add((node, T.iri(str(KG.secondEntity)), T.iri(b)))
        add((node, documents, T.lit(n)))
    return out


def graphs_statistics(graphs, terms) -> list[tuple]:
    """The statistics graph's triples for ``graphs``, each an iterable of plain triples."""
    return statistics_triples([count_graph(g) for g in graphs], terms)


def dataset_statistics(ds, terms) -> list[tuple]:
    """The statistics graph's triples for the graphs of an rdflib ``Dataset``
    (blank nodes left out: the build makes none)."""
    from rdflib import BNode

    from kg.rdf.serialize import plain_term

    return graphs_statistics((((str(s), str(p), plain_term(o)) for s, p, o in g
                               if not isinstance(s, BNode) and not isinstance(o, BNode))
                              for g in ds.graphs()), terms)
