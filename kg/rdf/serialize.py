"""Write a Dataset by file extension, byte-identical across runs.

rdflib's serialisers iterate hash-ordered sets, so their output can differ
between processes. Turtle, TriG, N-Triples and N-Quads are therefore written
here from sorted triples (rdflib formats each term); JSON-LD is built as a
sorted structure. There are no blank nodes in our graphs, so sorting is total.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.rdf.namespaces import PREFIXES, REFERENCE_GRAPH

FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "ntriples", ".jsonld": "json-ld"}

_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
# Longest namespace first, so "…/id/person/" wins over a shorter match.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def format_for(path: Path) -> str:
    """The serialisation format for an output path, from its extension."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        from kg.errors import KGError

        raise KGError(f"unknown output format {Path(path).suffix or '(no extension)'!r}: "
                      f"use one of {', '.join(FORMATS)}")
    return fmt


def _string(s: str) -> str:
    out = []
    for c in s:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif ord(c) < 0x20 or ord(c) == 0x7F or 0xD800 <= ord(c) <= 0xDFFF:
            out.append(f"\\u{ord(c):04X}" if 0xD800 > ord(c) or ord(c) > 0xDFFF else "\\uFFFD")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _iri(iri: str, prefixed: bool) -> str:
    if prefixed:
        for prefix, ns in _BY_LENGTH:
            if iri.startswith(ns):
                local = iri[len(ns):]
                if local and _LOCAL.match(local):
                    return f"{prefix}:{local}"
                break
    return "<" + "".join(c if c not in '<>"{}|^`\\ ' and ord(c) > 0x20 else f"\\u{ord(c):04X}"
                         for c in iri) + ">"


def term(t, prefixed: bool = False) -> str:
    """One RDF term in N-Triples syntax, or Turtle with prefixed names."""
    if isinstance(t, URIRef):
        if prefixed and t == RDF.type:
            return "a"
        return _iri(str(t), prefixed)
    if isinstance(t, Literal):
        lex = _string(str(t))
        if t.language:
            return f"{lex}@{t.language}"
        if t.datatype is not None and t.datatype != XSD.string:
            return f"{lex}^^{_iri(str(t.datatype), prefixed)}"
        return lex
    raise ValueError(f"blank node or unsupported term in output: {t!r}")


def _sort_key(triple):
    s, p, o = triple
    return (str(s), p != RDF.type, str(p), isinstance(o, Literal), str(o),
            str(getattr(o, "datatype", "") or ""), str(getattr(o, "language", "") or ""))


def _block(triples, indent: str = "") -> list[str]:
    """Turtle statements for a set of triples, subjects and objects sorted."""
    lines: list[str] = []
    by_subject: dict = {}
    for s, p, o in sorted(set(triples), key=_sort_key):
        by_subject.setdefault(s, []).append((p, o))
    for s in sorted(by_subject, key=str):
        pairs = by_subject[s]
        lines.append(indent + term(s, True))
        preds: dict = {}
        for p, o in pairs:
            preds.setdefault(p, []).append(o)
        items = list(preds.items())
        for i, (p, objs) in enumerate(items):
            end = " ." if i == len(items) - 1 else " ;"
            objs_text = ", ".join(term(o, True) for o in objs)
            lines.append(f"{indent}    {term(p, True)} {objs_text}{end}")
        lines.append("")
    return lines


def _prefix_lines(style: str) -> list[str]:
    return [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()] + [""]


def _graphs(ds: Dataset) -> list[tuple[URIRef, list]]:
    """(graph IRI, triples) for every non-empty named graph, sorted by IRI
    (the reference graph last)."""
    out = []
    for g in ds.graphs():
        if not isinstance(g.identifier, URIRef) or g.identifier == URIRef("urn:x-rdflib:default"):
            continue
        triples = list(g.triples((None, None, None)))
        if triples:
            out.append((g.identifier, triples))
    default = list(ds.default_graph.triples((None, None, None)))
    if default:
        out.append((None, default))
    return sorted(out, key=lambda gt: (gt[0] is None, gt[0] == REFERENCE_GRAPH, str(gt[0])))


def to_turtle(ds: Dataset) -> str:
    """The union of all graphs as Turtle."""
    triples = {t for _g, ts in _graphs(ds) for t in ts}
    return "\n".join(_prefix_lines("turtle") + _block(triples))


def to_trig(ds: Dataset) -> str:
    """TriG: one block per named graph."""
    lines = _prefix_lines("trig")
    for iri, triples in _graphs(ds):
        lines.append(("GRAPH " + term(iri, True) + " {") if iri is not None else "{")
        lines.extend(_block(triples, "    "))
        if lines[-1] == "":
            lines.pop()
        lines.append("}")
        lines.append("")
    return "\n".join(lines)


def to_nquads(ds: Dataset) -> str:
    lines = set()
    for iri, triples in _graphs(ds):
        g = f" {term(iri)}" if iri is not None else ""
        lines.update(f"{term(s)} {term(p)} {term(o)}{g} ." for s, p, o in triples)
    return "\n".join(sorted(lines)) + "\n"


def to_ntriples(ds: Dataset) -> str:
    lines = {f"{term(s)} {term(p)} {term(o)} ." for _g, ts in _graphs(ds) for s, p, o in ts}
    return "\n".join(sorted(lines)) + "\n"


def _jsonld_value(o):
    if isinstance(o, URIRef):
        return {"@id": str(o)}
    v = {"@value": str(o)}
    if o.language:
        v["@language"] = o.language
    elif o.datatype is not None and o.datatype != XSD.string:
        v["@type"] = str(o.datatype)
    return v


def _jsonld_nodes(triples) -> list[dict]:
    nodes: dict[str, dict] = {}
    for s, p, o in sorted(set(triples), key=_sort_key):
        node = nodes.setdefault(str(s), {"@id": str(s)})
        if p == RDF.type:
            node.setdefault("@type", []).append(str(o))
        else:
            node.setdefault(str(p), []).append(_jsonld_value(o))
    return [nodes[k] for k in sorted(nodes)]


def to_jsonld(ds: Dataset) -> str:
    """Expanded JSON-LD (no context needed to read it): one entry per named graph."""
    doc = [{"@id": str(iri), "@graph": _jsonld_nodes(triples)} if iri is not None
           else {"@graph": _jsonld_nodes(triples)}
           for iri, triples in _graphs(ds)]
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


WRITERS = {"turtle": to_turtle, "trig": to_trig, "nquads": to_nquads,
           "ntriples": to_ntriples, "json-ld": to_jsonld}


def serialize(ds: Dataset, path: Path) -> str:
    """The text of ``ds`` in the format of ``path``'s extension."""
    return WRITERS[format_for(path)](ds)
