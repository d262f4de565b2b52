"""``kg explain ENTITY``: every fact about an entity, with the sentences that support it.

The entity is found by its label or any alias, ignoring case and accents
("oekraine" finds "Oekraïne"). For each fact the output names the document
file, the character span of the supporting sentence in that file, the rule
that read it, and the sentence itself. Facts with a literal value (dates,
amounts) carry no evidence record; for those the file that states them is shown.
"""
from __future__ import annotations

import difflib
import sys
import unicodedata
from collections import defaultdict

from rdflib import Literal, URIRef

from kg.errors import KGError
from kg.query import compact
from kg.store import Store, open_store

FIND_EXACT = """
SELECT DISTINCT ?entity ?name WHERE {
  ?entity rdfs:label|skos:altLabel ?n .
  FILTER(LCASE(STR(?n)) = LCASE(STR(?name)))
  FILTER NOT EXISTS { ?entity a kg:Evidence }
}"""

ALL_NAMES = """
SELECT DISTINCT ?entity ?n WHERE {
  ?entity rdfs:label|skos:altLabel ?n .
  FILTER(isIRI(?entity))
}"""

FACTS = """
SELECT DISTINCT ?entity ?subject ?predicate ?object ?file ?sentence ?start ?end ?rule WHERE {
  GRAPH ?document {
    { ?entity ?predicate ?object . BIND(?entity AS ?subject) }
    UNION
    { ?subject ?predicate ?entity . BIND(?entity AS ?object) }
  }
  ?document kg:sourceFile ?file .
  FILTER(?predicate NOT IN (rdf:type, rdfs:label, skos:altLabel, rdf:subject, rdf:object, kg:mentions))
  OPTIONAL {
    ?evidence rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
              prov:wasDerivedFrom ?document ; oa:hasTarget ?target .
    OPTIONAL { ?evidence kg:rule ?rule }
    ?target oa:hasSelector ?quote, ?position .
    ?quote oa:exact ?sentence .
    ?position oa:start ?start ; oa:end ?end .
  }
}"""

ABOUT = """
SELECT DISTINCT ?entity ?class ?label ?alt ?file WHERE {
  { ?entity a ?class } UNION { ?entity rdfs:label ?label } UNION { ?entity skos:altLabel ?alt }
  UNION { ?document kg:mentions ?entity ; kg:sourceFile ?file }
}"""


def fold(s: str) -> str:
    """Lower case without accents or extra spaces, for matching names."""
    s = unicodedata.normalize("NFKD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).casefold().split())


def find_entities(store: Store, name: str) -> list[URIRef]:
    """Entities whose label or alias is ``name`` (case-insensitive, then accent-insensitive)."""
    res = store.query(FIND_EXACT, {"name": Literal(name)})
    found = sorted({r[0] for r in res.rows if isinstance(r[0], URIRef)})
    if found:
        return found
    names = store.query(ALL_NAMES).rows
    want = fold(name)
    found = sorted({e for e, n in names if fold(str(n)) == want and "/evidence/" not in str(e)})
    if found:
        return found
    close = difflib.get_close_matches(want, sorted({fold(str(n)) for _, n in names}), n=5, cutoff=0.6)
    hint = f"; close names: {', '.join(close)}" if close else ""
    raise KGError(f"no entity is called {name!r}{hint}")


def _value(term, labels: dict) -> str:
    if isinstance(term, URIRef):
        return labels.get(term) or compact(term)
    return str(term)


def describe(store: Store, entity: URIRef) -> list[str]:
    """The lines that explain one entity: names, class, mentions, facts with evidence."""
    about = store.query(ABOUT, {"entity": entity}).rows
    classes = sorted({compact(c) for _, c, _, _, _ in about if c is not None})
    label = next((str(lb) for _, _, lb, _, _ in sorted(about, key=str) if lb is not None), compact(entity))
    alts = sorted({str(a) for _, _, _, a, _ in about if a is not None})
    files = sorted({str(f) for _, _, _, _, f in about if f is not None})
    lines = [f"{label}  ({', '.join(classes) or 'no class'})  <{entity}>"]
    if alts:
        lines.append(f"  also called: {', '.join(alts)}")
    if files:
        lines.append(f"  mentioned in: {', '.join(files)}")

    rows = store.query(FACTS, {"entity": entity}).rows
    labels = store.labels(t for r in rows for t in r[1:4] if isinstance(t, URIRef))
    facts: dict[tuple, list[tuple]] = defaultdict(list)
    for _, s, p, o, file, sentence, start, end, rule in rows:
        facts[(s, p, o)].append((str(file), sentence, start, end, rule))
    if not facts:
        lines.append("  (no facts)")
    for (s, p, o) in sorted(facts, key=lambda k: (compact(k[1]), _value(k[0], labels), _value(k[2], labels))):
        if s == entity:
            lines.append(f"  {compact(p)} -> {_value(o, labels)}")
        else:
            lines.append(f"  <- {compact(p)} of {_value(s, labels)}")
        for file, sentence, start, end, rule in sorted(set(facts[(s, p, o)]), key=lambda e: (e[0], str(e[2]))):
            if sentence is None:
                lines.append(f"      stated in {file}")
                continue
            where = f"{file}, characters {start}-{end}" + (f", rule {rule}" if rule else "")
            lines.append(f"      {where}:")
            lines.append(f"        \"{' '.join(str(sentence).split())}\"")
    return lines


def explain(store: Store, name: str) -> str:
    """The full explanation text for every entity called ``name``."""
    blocks = ["\n".join(describe(store, e)) for e in find_entities(store, name)]
    return "\n\n".join(blocks)


def cmd_explain(args) -> int:
    """``kg explain ENTITY --graph FILE``."""
    store = open_store(args.graph)
    sys.stdout.write(explain(store, args.entity) + "\n")
    return 0
