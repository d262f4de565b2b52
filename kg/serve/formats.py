"""Content negotiation and result serialization for ``kg serve``."""
from __future__ import annotations

# format key -> (media type, kinds it can carry)
MEDIA = {
    "json": ("application/sparql-results+json", {"select", "ask"}),
    "xml": ("application/sparql-results+xml", {"select", "ask"}),
    "csv": ("text/csv", {"select", "ask"}),
    "tsv": ("text/tab-separated-values", {"select", "ask"}),
    "turtle": ("text/turtle", {"graph"}),
    "jsonld": ("application/ld+json", {"graph"}),
    "nt": ("application/n-triples", {"graph"}),
    "rdfxml": ("application/rdf+xml", {"graph"}),
    "html": ("text/html", {"page"}),
}
ALIASES = {
    "application/json": "json", "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "turtle", "application/x-turtle": "turtle", "turtle": "turtle", "ttl": "turtle",
    "application/ld+json": "jsonld", "json-ld": "jsonld", "jsonld": "jsonld",
    "application/n-triples": "nt", "text/plain": "nt", "nt": "nt", "ntriples": "nt",
    "application/rdf+xml": "rdfxml", "rdf+xml": "rdfxml", "rdfxml": "rdfxml",
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
    "text/html": "html", "application/xhtml+xml": "html", "html": "html",
}
DEFAULT = {"select": "json", "ask": "json", "graph": "turtle", "page": "html"}


def choose_format(kind: str, accept: str | None, explicit: str | None,
                  offered: tuple[str, ...] | None = None) -> str | None:
    """The format key to answer with, or None when nothing acceptable fits ``kind``.

    ``kind`` is ``select``, ``ask`` or ``graph`` (a query result). For an entity
    page, pass ``offered`` (e.g. ``("html", "turtle", "jsonld")``): the first
    one is the default, and any of them may be chosen.
    """
    fits = (lambda key: key in offered) if offered else (lambda key: kind in MEDIA[key][1])
    default = offered[0] if offered else DEFAULT[kind]
    if explicit:
        key = ALIASES.get(explicit.strip().lower())
        return key if key and fits(key) else None
    if not accept:
        return default
    prefs = []
    for i, part in enumerate(accept.split(",")):
        media, *opts = [x.strip() for x in part.split(";")]
        q = 1.0
        for o in opts:
            if o.startswith("q="):
                try:
                    q = float(o[2:])
                except ValueError:
                    q = 0.0
        prefs.append((-q, i, media.lower()))
    for negq, _, media in sorted(prefs):
        if negq == 0:
            continue
        if media in ("*/*", "application/*", "text/*"):
            return default
        key = ALIASES.get(media)
        if key and fits(key):
            return key
    return None


def serialize(res, key: str) -> bytes:
    """The result in the SPARQL/RDF format ``key``."""
    from kg import query as q

    if res.kind == "graph":
        fmt = {"turtle": "turtle", "jsonld": "json-ld", "nt": "nt", "rdfxml": "xml"}[key]
        return q.graph_turtle(res, fmt).encode("utf-8")
    fn = {"json": q.to_sparql_json, "xml": q.to_sparql_xml, "csv": q.to_sparql_csv, "tsv": q.to_sparql_tsv}[key]
    return fn(res).encode("utf-8")


def answer_query(store, text: str, bindings: dict, max_rows: int, accept: str | None,
                 explicit: str | None) -> tuple[str, str, bytes, bool]:
    """Run a checked query on ``store`` and serialize it as negotiated (runs in a
    worker): ``(kind, format key, body, truncated)``; 406 when nothing fits."""
    from kg.errors import KGError

    res = store.query(text, bindings, max_rows=max_rows)
    key = choose_format(res.kind, accept, explicit)
    if key is None:
        err = KGError(f"no acceptable format for a {res.kind} result; try {MEDIA[DEFAULT[res.kind]][0]}")
        err.status = 406
        raise err
    return res.kind, key, serialize(res, key), res.truncated
