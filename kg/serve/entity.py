"""Dereferenceable IRIs: ``GET /id/<kind>/<slug>`` and ``GET /ontology``.

An entity IRI ``https://w3id.org/navo-kg/id/<kind>/<slug>`` is answered
*directly* (200, no 303 redirect) at ``/id/<kind>/<slug>``, by the Accept
header (or ``?format=``): an HTML page (the default, for browsers) with the
entity's facts, the sentences that support them and the letters that mention
it; or its description in Turtle or JSON-LD: its own triples, the triples
that point at it, and its evidence records with their targets and selectors.
The answer carries ``Vary: Accept`` and ``Link`` headers to the other forms.

The queries run in a worker (``describe``, ``description_rdf``, ``similar``);
the HTML is made in the server from plain data (``entity_page``), every value
escaped.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from rdflib import Literal, URIRef

from kg.errors import KGError
from kg.query import compact
from kg.store import ID, PREFIXES, Result

NS = "https://w3id.org/navo-kg/"
ENTITY_PATH = re.compile(r"^/id/([a-z]+)/([A-Za-z0-9][A-Za-z0-9._~-]{0,200})$")
MAX_EVIDENCE = 500  # evidence records on a page and in a description
MAX_INCOMING = 2000  # triples pointing at the entity
MAX_LETTERS = 1000

# The evidence records about an entity, then what each says, one simple join at a time
# on the records found (VALUES): Oxigraph evaluates an OPTIONAL's right side on its own
# and joins afterwards, which reads every selector of the graph (seconds at 1M triples).
_EVIDENCE = """
SELECT DISTINCT ?ev ?s ?p ?o WHERE {{
  {{ ?ev rdf:subject <{iri}> }} UNION {{ ?ev rdf:object <{iri}> }}
  ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
}} LIMIT {limit}"""
_EVIDENCE_PARTS = {
    "doc": "SELECT ?ev ?x WHERE {{ VALUES ?ev {{ {evs} }} ?ev prov:wasDerivedFrom ?x }}",
    "rule": "SELECT ?ev ?x WHERE {{ VALUES ?ev {{ {evs} }} ?ev kg:rule ?x }}",
    "sentence": "SELECT ?ev ?x WHERE {{ VALUES ?ev {{ {evs} }} ?ev oa:hasTarget ?t . ?t oa:hasSelector ?q . "
                "?q oa:exact ?x }}",
    "start": "SELECT ?ev ?x WHERE {{ VALUES ?ev {{ {evs} }} ?ev oa:hasTarget ?t . ?t oa:hasSelector ?q . "
             "?q oa:start ?x }}",
    "end": "SELECT ?ev ?x WHERE {{ VALUES ?ev {{ {evs} }} ?ev oa:hasTarget ?t . ?t oa:hasSelector ?q . "
           "?q oa:end ?x }}",
}


def _evidence(store, iri: str) -> list[tuple]:
    """(s, p, o, sentence, document, start, end, rule) of each evidence record about ``iri``."""
    records = store.query(_EVIDENCE.format(iri=iri, limit=MAX_EVIDENCE)).rows
    if not records:
        return []
    evs = " ".join(f"<{ev}>" for ev, *_ in records)
    parts = {name: {ev: x for ev, x in store.query(q.format(evs=evs)).rows} for name, q in _EVIDENCE_PARTS.items()}
    rows = [(s, p, o, parts["sentence"].get(ev), parts["doc"].get(ev), parts["start"].get(ev),
             parts["end"].get(ev), parts["rule"].get(ev)) for ev, s, p, o in records]
    return sorted(rows, key=lambda r: (str(r[4] or ""), int(r[5]) if r[5] is not None else -1, str(r[1]),
                                       str(r[0]), str(r[2])))


_DESCRIPTION = """
CONSTRUCT {{ ?a ?b ?c }} WHERE {{
  {{ <{iri}> ?b ?c BIND(<{iri}> AS ?a) }}
  UNION {{ SELECT ?a ?b ?c WHERE {{ ?a ?b <{iri}> BIND(<{iri}> AS ?c)
                                   FILTER(?b NOT IN (rdf:subject, rdf:object)) }} LIMIT {incoming} }}
  UNION {{ {{ SELECT DISTINCT ?ev WHERE {{ {{ ?ev rdf:subject <{iri}> }} UNION {{ ?ev rdf:object <{iri}> }}
                                         ?ev a kg:Evidence }} LIMIT {limit} }}
          {{ ?ev ?b ?c BIND(?ev AS ?a) }}
          UNION {{ ?ev oa:hasTarget ?a . ?a ?b ?c }}
          UNION {{ ?ev oa:hasTarget/oa:hasSelector ?a . ?a ?b ?c }} }}
}}"""


def _checked(iri: str) -> str:
    """The IRI, if it is one of ours with a safe slug (it is written into query text)."""
    if not iri.startswith(ID) or not ENTITY_PATH.match("/" + iri[len(NS):]):
        raise KGError(f"not an entity IRI: {iri}")
    return iri


# ---------------------------------------------------------------- in a worker

def describe(store, iri: str) -> dict | None:
    """What the HTML page shows (rdflib terms, picklable); None when the graph does not know ``iri``."""
    iri = _checked(iri)
    out = store.query(f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} ORDER BY ?p ?o").rows
    incoming = store.query(f"SELECT ?s ?p WHERE {{ ?s ?p <{iri}> FILTER(?p NOT IN (rdf:subject, rdf:object, "
                           f"kg:mentions)) }} ORDER BY ?p ?s LIMIT {MAX_INCOMING}").rows
    if not out and not incoming:
        mentioned = store.query(f"ASK {{ ?d kg:mentions <{iri}> }}").boolean
        if not mentioned:
            return None
    evidence = _evidence(store, iri)
    letters = store.query(f"SELECT ?doc (SAMPLE(?d) AS ?date) (SAMPLE(?f) AS ?file) WHERE {{ ?doc kg:mentions <{iri}> "
                          f"OPTIONAL {{ ?doc dcterms:date ?d }} OPTIONAL {{ ?doc kg:sourceFile ?f }} }} "
                          f"GROUP BY ?doc ORDER BY ?date ?doc LIMIT {MAX_LETTERS + 1}").rows
    iris = {t for row in (*out, *incoming, *evidence, *letters) for t in row if isinstance(t, URIRef)}
    iris.add(URIRef(iri))
    labels = {str(k): v for k, v in store.labels(iris).items()}
    return {"iri": iri, "out": out, "in": incoming, "evidence": evidence,
            "letters": letters[:MAX_LETTERS], "more_letters": len(letters) > MAX_LETTERS, "labels": labels}


def description_rdf(store, iri: str, key: str) -> bytes | None:
    """The entity's description serialized as ``key`` (turtle, jsonld, nt, rdfxml); None when unknown."""
    from kg.serve.formats import serialize

    iri = _checked(iri)
    res = store.query(_DESCRIPTION.format(iri=iri, incoming=MAX_INCOMING, limit=MAX_EVIDENCE))
    if not res.triples:
        return None
    return serialize(Result("graph", triples=res.triples), key)


def similar(store, kind: str, slug: str) -> list[tuple[str, str]]:
    """Up to 10 (IRI, label) of entities whose slug looks like ``slug`` (typos
    included), those of the same kind first."""
    import difflib

    words = [w[:3] for w in re.split(r"[^a-z0-9]+", slug.lower()) if len(w) >= 3][:5]
    if not words:
        return []
    test = " || ".join(f'CONTAINS(LCASE(STR(?e)), "{w}")' for w in words)
    rows = store.query(f'SELECT DISTINCT ?e ?l WHERE {{ ?e rdfs:label ?l . FILTER(STRSTARTS(STR(?e), "{ID}")) '
                       f'FILTER({test}) }} LIMIT 5000').rows
    scored = []
    for e, label in {(str(e), str(lab)) for e, lab in rows}:
        other = e[len(ID):].split("/", 1)
        if len(other) != 2:
            continue
        ratio = difflib.SequenceMatcher(None, slug.lower(), other[1]).ratio()
        if ratio >= 0.6:
            scored.append((other[0] != kind, -ratio, label, e))
    return [(e, label) for _k, _r, label, e in sorted(scored)[:10]]


# ---------------------------------------------------------------- in the server: HTML

def link(iri: str, base: str) -> str:
    """Where a page links an IRI: ours on this server (``base`` + path), others as they are."""
    if iri.startswith(NS):
        rest = iri[len(NS):]
        if rest.startswith("def#") or rest == "def":
            return base + "ontology" + rest[3:]
        return base + rest
    return iri


def _short(iri: str) -> str:
    """``kg.query.compact``, but the IRI bare where no prefix fits."""
    short = compact(iri)
    return iri if short == f"<{iri}>" else short


def _term(t, labels: dict[str, str], base: str) -> str:
    """A term as HTML: an IRI as a link (by label where there is one), a literal as text."""
    if t is None:
        return ""
    if isinstance(t, URIRef):
        s = str(t)
        text = labels.get(s) or _short(s)
        return f'<a href="{html.escape(link(s, base))}" title="{html.escape(s)}">{html.escape(text)}</a>'
    if isinstance(t, Literal) and t.language:
        return f'{html.escape(str(t))} <small>@{html.escape(t.language)}</small>'
    return html.escape(str(t))


STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#f4f4f4;font-weight:600}a{color:#0645ad}code{font-size:13px}
.iri{color:#555;font-size:13px}blockquote{margin:.2em 0;padding-left:.8em;border-left:3px solid #ccc}
nav a{margin-right:1em}small{color:#666}"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"


def _page(title: str, body: str, base: str) -> str:
    return (f'<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)} · navo-kg'
            f'</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style>'
            f'</head><body><nav><a href="{html.escape(base)}">SPARQL editor</a>'
            f'<a href="{html.escape(base)}ontology">ontology</a></nav>\n{body}\n</body></html>\n')


def entity_page(desc: dict, base: str) -> str:
    """The HTML page of an entity from ``describe``'s data."""
    iri, labels = desc["iri"], desc["labels"]
    name = labels.get(iri) or iri.rsplit("/", 1)[-1]
    types = [o for p, o in desc["out"] if str(p) == PREFIXES["rdf"] + "type"]
    parts = [f"<h1>{html.escape(name)}</h1>",
             f'<p class="iri"><code>{html.escape(iri)}</code> · '
             + " ".join(_term(t, labels, base) for t in types)
             + ' · also as <a href="?format=turtle">Turtle</a>, <a href="?format=jsonld">JSON-LD</a></p>']
    facts = [(p, o) for p, o in desc["out"] if str(p) != PREFIXES["rdf"] + "type"]
    if facts:
        parts.append("<h2>Facts</h2><table><tr><th>property</th><th>value</th></tr>"
                     + "".join(f"<tr><td>{_term(p, {}, base)}</td><td>{_term(o, labels, base)}</td></tr>"
                               for p, o in facts) + "</table>")
    if desc["in"]:
        parts.append("<h2>Pointing here</h2><table><tr><th>subject</th><th>property</th></tr>"
                     + "".join(f"<tr><td>{_term(s, labels, base)}</td><td>{_term(p, {}, base)}</td></tr>"
                               for s, p in desc["in"]) + "</table>")
    if desc["evidence"]:
        rows = []
        for s, p, o, sentence, doc, start, end, rule in desc["evidence"]:
            where = f"{_term(doc, labels, base)}" + (f", characters {html.escape(str(start))}–{html.escape(str(end))}"
                                                     if start is not None else "")
            rows.append(f"<tr><td>{_term(s, labels, base)} {_term(p, {}, base)} {_term(o, labels, base)}</td>"
                        f"<td><blockquote>{html.escape(str(sentence or ''))}</blockquote>"
                        f"<small>{where}{' · rule ' + html.escape(str(rule)) if rule else ''}</small></td></tr>")
        parts.append(f"<h2>Evidence ({len(rows)}{'+' if len(rows) >= MAX_EVIDENCE else ''})</h2>"
                     "<table><tr><th>statement</th><th>sentence</th></tr>" + "".join(rows) + "</table>")
    if desc["letters"]:
        items = "".join(f"<li>{_term(doc, labels, base)}"
                        + (f" · {html.escape(str(date))}" if date is not None else "")
                        + (f" · <code>{html.escape(str(f))}</code>" if f is not None else "") + "</li>"
                        for doc, date, f in desc["letters"])
        more = f"<p>(the first {MAX_LETTERS} shown)</p>" if desc["more_letters"] else ""
        parts.append(f"<h2>Letters that mention it ({len(desc['letters'])})</h2><ul>{items}</ul>{more}")
    return _page(name, "\n".join(parts), base)


def not_found_page(iri: str, kind: str, suggestions: list[tuple[str, str]], base: str) -> str:
    """The 404 page: what was asked, entities with a similar name, and where to look."""
    from kg.rdf.namespaces import KINDS

    body = [f"<h1>Not in this graph</h1><p>No entity <code>{html.escape(iri)}</code> in the graph this "
            f"server holds.</p>"]
    if kind not in KINDS:
        body.append("<p>Entity IRIs look like <code>/id/&lt;kind&gt;/&lt;slug&gt;</code>; the kinds are "
                    + ", ".join(f"<code>{html.escape(k)}</code>" for k in KINDS) + ".</p>")
    if suggestions:
        body.append("<p>Did you mean:</p><ul>" + "".join(
            f'<li><a href="{html.escape(link(e, base))}">{html.escape(label)}</a> '
            f'<small>{html.escape(e[len(ID):])}</small></li>' for e, label in suggestions) + "</ul>")
    body.append(f'<p>Find entities by name in the <a href="{html.escape(base)}">SPARQL editor</a> '
                f"(library query <code>entity-facts</code>), or with "
                f"<code>kg explain NAME --graph …</code>.</p>")
    return _page("not found", "\n".join(body), base)


# ---------------------------------------------------------------- the ontology

@lru_cache(maxsize=1)
def ontology_graph():
    """The ontology (``ontology/navo-kg.ttl``) as an rdflib Graph (parsed once)."""
    from rdflib import Graph

    from kg.store import ONTOLOGY_DIR

    g = Graph()
    g.parse(ONTOLOGY_DIR / "navo-kg.ttl", format="turtle")
    return g


@lru_cache(maxsize=8)
def ontology_bytes(key: str) -> bytes:
    """The ontology as Turtle (the file itself), JSON-LD, N-Triples or RDF/XML."""
    from kg.store import ONTOLOGY_DIR

    if key == "turtle":
        return (ONTOLOGY_DIR / "navo-kg.ttl").read_bytes()
    fmt = {"jsonld": "json-ld", "nt": "nt", "rdfxml": "xml"}[key]
    return ontology_graph().serialize(format=fmt).encode("utf-8")


@lru_cache(maxsize=4)
def ontology_page(base: str) -> str:
    """The ontology as HTML: each class and property with its labels and definition, anchored by name."""
    from rdflib.namespace import OWL, RDF, RDFS

    g = ontology_graph()
    kg_ns = PREFIXES["kg"]
    sections = []
    for title, types in (("Classes", (OWL.Class,)),
                         ("Properties", (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property))):
        terms = sorted({s for t in types for s in g.subjects(RDF.type, t)
                        if isinstance(s, URIRef) and str(s).startswith(kg_ns)}, key=str)
        rows = []
        for s in terms:
            local = str(s)[len(kg_ns):]
            labels = ", ".join(f"{html.escape(str(lab))}"
                               + (f" <small>@{html.escape(lab.language)}</small>" if lab.language else "")
                               for lab in sorted(g.objects(s, RDFS.label), key=str))
            comment = " ".join(html.escape(str(c)) for c in g.objects(s, RDFS.comment))
            supers = ", ".join(_term(o, {}, base) for o in sorted(g.objects(s, RDFS.subClassOf), key=str)
                               if isinstance(o, URIRef))
            rows.append(f'<tr id="{html.escape(local)}"><td><code>kg:{html.escape(local)}</code></td>'
                        f"<td>{labels}</td><td>{comment}"
                        + (f"<br><small>subclass of {supers}</small>" if supers else "") + "</td></tr>")
        sections.append(f"<h2>{title} ({len(rows)})</h2><table><tr><th>term</th><th>labels</th>"
                        f"<th>definition</th></tr>{''.join(rows)}</table>")
    head = (f"<h1>navo-kg ontology</h1><p><code>{html.escape(kg_ns)}</code> · also as "
            '<a href="?format=turtle">Turtle</a>, <a href="?format=jsonld">JSON-LD</a></p>')
    return _page("ontology", head + "\n".join(sections), base)
