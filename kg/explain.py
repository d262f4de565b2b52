"""``kg explain ENTITY``: every fact about an entity, with the sentences that support it.

The entity is found by its label or any alias: exactly, else ignoring case
and accents ("oekraine" finds "Oekraïne"), else as whole words of a longer
name ("veldkamp" finds "C.C.J. Veldkamp"). For each fact the output names the
document file, the character span of the supporting sentence in that file,
the rule that read it, and the sentence itself. Facts with a literal value
that carry no evidence record (dates, amounts) show the file that states them.
"""
from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from collections import defaultdict

from rdflib import Literal, URIRef

from kg.errors import KGError
from kg.query import compact
from kg.rdf import namespaces
from kg.store import ID, STATISTICS_GRAPH, UNION_GRAPH, Store, open_store

REFERENCE_GRAPH = str(namespaces.REFERENCE_GRAPH)  # a str: compared with str(doc)
REFERENCE_DATA = "the reference data"


def _reference_fact(s, p) -> bool:
    """A fact only the reference graph holds (a Wikidata link, a tenure of ``kg.tenures``):
    recognisable on a Turtle union too, so both say the same."""
    return str(p) == "http://www.w3.org/2002/07/owl#sameAs" or str(s).startswith(ID + "tenure/")

# Each query is one plain pattern around a bound ?entity (or ?name), so the
# engines answer from their indexes: one query with UNION/BIND/OPTIONAL took
# minutes at 100k triples.
BY_LABEL = "SELECT ?name ?entity WHERE { ?entity rdfs:label ?name }"
BY_ALIAS = "SELECT ?name ?entity WHERE { ?entity skos:altLabel ?name }"
ALL_NAMES = """SELECT DISTINCT ?entity ?n WHERE {
  { ?entity rdfs:label ?n } UNION { ?entity skos:altLabel ?n } FILTER(isIRI(?entity)) }"""
OUT = "SELECT ?entity ?predicate ?object ?document WHERE { GRAPH ?document { ?entity ?predicate ?object } }"
IN = "SELECT ?entity ?subject ?predicate ?document WHERE { GRAPH ?document { ?subject ?predicate ?entity } }"
EVIDENCE = """
SELECT ?entity ?evidence ?subject ?predicate ?object ?document ?sentence ?start ?end WHERE {
  ?evidence rdf:%s ?entity ; rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
            prov:wasDerivedFrom ?document ; oa:hasTarget ?target .
  ?target oa:hasSelector ?quote, ?position .
  ?quote oa:exact ?sentence .
  ?position oa:start ?start ; oa:end ?end .
}"""
RULES = "SELECT ?entity ?evidence ?rule WHERE { ?evidence rdf:%s ?entity ; kg:rule ?rule }"
FILES = "SELECT ?document ?file WHERE { ?document kg:sourceFile ?file }"
CLASSES = "SELECT ?entity ?class WHERE { ?entity a ?class }"
LABELS = "SELECT ?entity ?label WHERE { ?entity rdfs:label ?label }"
ALTS = "SELECT ?entity ?alt WHERE { ?entity skos:altLabel ?alt }"
MENTIONED = "SELECT ?entity ?document WHERE { ?document kg:mentions ?entity }"

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
HIDDEN = {_RDF + "type", _RDF + "subject", _RDF + "object", "http://www.w3.org/2000/01/rdf-schema#label",
          "http://www.w3.org/2004/02/skos/core#altLabel", "https://w3id.org/navo-kg/def#mentions"}


def fold(s: str) -> str:
    """Lower case without accents or extra spaces, for matching names."""
    s = unicodedata.normalize("NFKD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).casefold().split())


def _words(folded: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", folded))


def _has_words(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """``words`` occur one after the other in ``name``."""
    n = len(words)
    return any(name[i:i + n] == words for i in range(len(name) - n + 1))


def _is_entity(iri) -> bool:
    return isinstance(iri, URIRef) and "/evidence/" not in str(iri)


def find_entities(store: Store, name: str, classes: tuple[str, ...] = (), what: str = "") -> list[URIRef]:
    """Entities whose label or alias is ``name``: exactly, else ignoring case and accents.

    With ``classes`` (class IRIs), only entities of one of them or of a
    subclass count. No match is a ``KGError`` that names the closest names.
    """
    keep = _class_filter(store, classes)
    found = {r[1] for q in (BY_LABEL, BY_ALIAS) for r in store.query(q, {"name": Literal(name)}).rows}
    found = sorted(e for e in found if _is_entity(e) and keep(e))
    if found:
        return found
    names = [(e, n) for e, n in store.query(ALL_NAMES).rows if _is_entity(e)]
    want = fold(name)
    found = sorted({e for e, n in names if fold(str(n)) == want and keep(e)})
    if found:
        return found
    # else the name as whole words of a longer one: "Veldkamp" for "C.C.J. Veldkamp"
    words = _words(want)
    found = sorted({e for e, n in names if words and _has_words(_words(fold(str(n))), words) and keep(e)})
    if found:
        return found
    pool = sorted({fold(str(n)) for e, n in names if not classes or keep(e)})
    close = difflib.get_close_matches(want, pool, n=5, cutoff=0.6)
    hint = f"; close names: {', '.join(close)}" if close else ""
    kinds = " or ".join(compact(URIRef(c)) for c in classes) or "entity"
    raise KGError((f"{what}: " if what else "") + f"no {kinds} is called {name!r}{hint}")


def resolve_entity(store: Store, name: str, classes: tuple[str, ...] = (), what: str = "") -> URIRef:
    """The one entity of ``classes`` called ``name`` (see ``find_entities``).

    A name that fits several is an error listing each with its label and IRI,
    so the user can pass the IRI instead."""
    found = find_entities(store, name, classes, what)
    if len(found) == 1:
        return found[0]
    labels = store.labels(found)
    listed = "; ".join(f"{labels.get(e, compact(e))} <{e}>" for e in found[:10])
    more = f"; and {len(found) - 10} more" if len(found) > 10 else ""
    raise KGError((f"{what}: " if what else "") + f"{name!r} is ambiguous, it names {len(found)} entities: {listed}{more}; "
                  "give the IRI of one")


SUBCLASSES = "SELECT ?sub ?sup WHERE { ?sub rdfs:subClassOf ?sup }"


def _class_filter(store: Store, classes: tuple[str, ...]):
    """A test ``entity -> bool``: is it of one of ``classes`` or of a subclass (always true without classes)."""
    if not classes:
        return lambda e: True
    wanted = set(classes)
    parents: dict[str, set[str]] = defaultdict(set)
    for sub, sup in store.query(SUBCLASSES).rows:
        parents[str(sub)].add(str(sup))

    def within(cls: str, seen: set[str]) -> bool:
        if cls in wanted:
            return True
        seen.add(cls)
        return any(within(p, seen) for p in parents.get(cls, ()) if p not in seen)

    def keep(entity) -> bool:
        return any(within(str(c), set()) for _, c in store.query(CLASSES, {"entity": entity}).rows)
    return keep


def _value(term, labels: dict) -> str:
    if isinstance(term, URIRef):
        return labels.get(term) or compact(term)
    return str(term)


def facts_about(store: Store, entity: URIRef, files: dict) -> dict[tuple, set[tuple]]:
    """``(subject, predicate, object) -> {(file, sentence, start, end, rule)}`` for one entity.

    A fact without an evidence record gets ``(file, None, -1, -1, None)`` for
    each document graph that states it.
    """
    bind = {"entity": entity}
    facts: dict[tuple, set[tuple]] = defaultdict(set)
    evidenced: set[tuple] = set()
    for role in ("subject", "object"):
        rules = {ev: str(r) for _, ev, r in store.query(RULES % role, bind).rows}
        for _, ev, s, p, o, doc, sentence, start, end in store.query(EVIDENCE % role, bind).rows:
            facts[(s, p, o)].add((files.get(doc, compact(doc)), str(sentence), int(start), int(end), rules.get(ev)))
            evidenced.add((s, p, o, doc))
    stated = [((entity, p, o), doc) for _, p, o, doc in store.query(OUT, bind).rows]
    stated += [((s, p, entity), doc) for _, s, p, doc in store.query(IN, bind).rows]
    anywhere = {(s, p, o) for s, p, o, _doc in evidenced}
    for (s, p, o), doc in stated:
        if str(p) in HIDDEN or (s, p, o, doc) in evidenced or str(doc) == STATISTICS_GRAPH \
                or str(s).startswith(STATISTICS_GRAPH):
            continue  # the statistics graph holds counts about entities, not facts
        if str(doc) == REFERENCE_GRAPH or (str(doc) == UNION_GRAPH and (s, p, o) not in anywhere
                                           and _reference_fact(s, p)):
            facts[(s, p, o)].add((REFERENCE_DATA, None, -1, -1, None))
            continue
        if str(doc) == UNION_GRAPH:  # a Turtle union: no graph per document to say which one
            if (s, p, o) in anywhere:
                continue  # its evidence records name the documents
            if s in files:  # a document's own numbers and file
                doc = s
            elif "/evidence/" in str(s) and o in files:  # an evidence record's target names its document
                doc = o
        facts[(s, p, o)].add((files.get(doc, "this graph file" if str(doc) == UNION_GRAPH else compact(doc)),
                              None, -1, -1, None))
    return facts


def describe(store: Store, entity: URIRef, files: dict | None = None) -> list[str]:
    """The lines that explain one entity: names, class, mentions, facts with evidence."""
    bind = {"entity": entity}
    if files is None:
        files = {d: str(f) for d, f in store.query(FILES).rows}
    classes = sorted({compact(c) for _, c in store.query(CLASSES, bind).rows})
    names = sorted(str(lb) for _, lb in store.query(LABELS, bind).rows)
    alts = sorted({str(a) for _, a in store.query(ALTS, bind).rows})
    mentioned = sorted({files.get(d, compact(d)) for _, d in store.query(MENTIONED, bind).rows})
    lines = [f"{names[0] if names else compact(entity)}  ({', '.join(classes) or 'no class'})  <{entity}>"]
    if alts:
        lines.append(f"  also called: {', '.join(alts)}")
    if mentioned:
        lines.append(f"  mentioned in: {', '.join(mentioned)}")
    facts = facts_about(store, entity, files)
    labels = store.labels(t for k in facts for t in k if isinstance(t, URIRef))
    if not facts:
        lines.append("  (no facts)")
    for s, p, o in sorted(facts, key=lambda k: (compact(k[1]), _value(k[0], labels), _value(k[2], labels))):
        if s == entity:
            lines.append(f"  {compact(p)} -> {_value(o, labels)}")
        else:
            lines.append(f"  <- {compact(p)} of {_value(s, labels)}")
        for file, sentence, start, end, rule in sorted(facts[(s, p, o)], key=lambda e: (e[0], e[2], e[3])):
            if sentence is None:
                lines.append(f"      stated in {file} (no evidence sentence)")
                continue
            lines.append(f"      {file}, characters {start}-{end}" + (f", rule {rule}:" if rule else ":"))
            lines.append(f"        \"{' '.join(sentence.split())}\"")
    return lines


def explain(store: Store, name: str) -> str:
    """The full explanation text for every entity called ``name``."""
    files = {d: str(f) for d, f in store.query(FILES).rows}
    return "\n\n".join("\n".join(describe(store, e, files)) for e in find_entities(store, name))


def cmd_explain(args) -> int:
    """``kg explain ENTITY --graph FILE``."""
    store = open_store(args.graph)
    sys.stdout.write(explain(store, args.entity) + "\n")
    return 0
