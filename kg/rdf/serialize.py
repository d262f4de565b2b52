"""Write a Dataset by file extension, byte-identical across runs.

rdflib's serialisers iterate hash-ordered sets, so their output can differ
between processes. Turtle, TriG, N-Triples and N-Quads are therefore written
here from sorted triples (literals in rdflib's lexical forms); JSON-LD is built
as a sorted structure. There are no blank nodes in our graphs, so sorting is total.

The writing happens in two steps, so that ``kg build --jobs N`` can do the
expensive part in its workers:

* ``render_graph`` turns the triples of *one* named graph into a
  ``Fragment``: the finished text of that graph (TriG, JSON-LD), its sorted
  lines (N-Quads, N-Triples) or the Turtle blocks of the subjects only that
  graph has. Subjects that also occur in other graphs (``shared``) are
  returned as sortable items instead, because Turtle and N-Triples write the
  union of all graphs and such a subject's block mixes triples of several
  graphs.
* ``assemble`` puts the fragments of all graphs together, in the order the
  whole-Dataset writers use, merging the shared subjects.

``serialize(ds, path)`` does both for a whole Dataset; the result is the same
bytes as rendering each graph separately and assembling.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.rdf.namespaces import ID_BASE, PREFIXES, REFERENCE_GRAPH

FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "ntriples", ".jsonld": "json-ld"}

_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
# Longest namespace first, so "…/id/person/" wins over a shorter match.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# One table for str.translate: the escapes above, other control characters as
# \uXXXX, lone surrogates (not encodable as UTF-8) as U+FFFD.
_STRING_TABLE = {
    **{i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)},
    **{i: "\\uFFFD" for i in range(0xD800, 0xE000)},
    **{ord(c): e for c, e in _ESCAPES.items()},
}
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f\ud800-\udfff]')
_IRI_TABLE = {i: f"\\u{i:04X}" for i in (*range(0x21), *map(ord, '<>"{}|^`\\'))}
_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)
_DEFAULT_GRAPH = URIRef("urn:x-rdflib:default")
_REFERENCE = str(REFERENCE_GRAPH)


def format_for(path: Path) -> str:
    """The serialisation format for an output path, from its extension."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        from kg.errors import KGError

        raise KGError(f"unknown output format {Path(path).suffix or '(no extension)'!r}: "
                      f"use one of {', '.join(FORMATS)}")
    return fmt


def _escape(m: re.Match) -> str:
    return _STRING_TABLE[ord(m.group())]


def _string(s: str) -> str:
    if _NEEDS_ESCAPE.search(s) is None:
        return '"' + s + '"'
    # == s.translate(_STRING_TABLE) (the pattern's characters are the table's keys),
    # without a dict lookup for every character of a long evidence sentence
    return '"' + _NEEDS_ESCAPE.sub(_escape, s) + '"'


# Entity namespaces are ID_BASE + kind + "/" (no other namespace overlaps them),
# so an entity IRI finds its prefix by its kind instead of trying every namespace.
_ID_KINDS = {ns[len(ID_BASE):-1]: p for p, ns in PREFIXES.items()
             if ns.startswith(ID_BASE) and ns.endswith("/") and "/" not in ns[len(ID_BASE):-1]}
_OTHER_NS = [(p, ns) for p, ns in _BY_LENGTH if p not in _ID_KINDS.values()]
assert not any(ns.startswith(ID_BASE) or ID_BASE.startswith(ns) for _p, ns in _OTHER_NS)


@lru_cache(maxsize=1 << 16)  # entity, class and predicate IRIs repeat in every graph
def _iri(iri: str, prefixed: bool) -> str:
    """An IRI as ``<...>``, or with ``prefixed`` as ``prefix:local`` where the
    longest matching namespace leaves a valid local name."""
    if prefixed:
        if iri.startswith(ID_BASE):
            kind, slash, local = iri[len(ID_BASE):].partition("/")
            if slash and kind in _ID_KINDS and local and _LOCAL.match(local):
                return f"{_ID_KINDS[kind]}:{local}"
        else:
            for prefix, ns in _OTHER_NS:
                if iri.startswith(ns):
                    local = iri[len(ns):]
                    if local and _LOCAL.match(local):
                        return f"{prefix}:{local}"
                    break
    return "<" + iri.translate(_IRI_TABLE) + ">"


@lru_cache(maxsize=1 << 16)
def _prefixed(iri: str) -> str:
    """``_iri(iri, True)``: one argument is the cache's fast path (no key tuple),
    for the predicates and objects of every statement."""
    return _iri(iri, True)


def term(t, prefixed: bool = False) -> str:
    """One RDF term in N-Triples syntax, or Turtle with prefixed names."""
    cls = type(t)
    if cls is URIRef or (cls is not Literal and isinstance(t, URIRef)):
        s = str(t)
        if prefixed and s == _RDF_TYPE:
            return "a"
        return _iri(s, prefixed)
    if cls is Literal or isinstance(t, Literal):
        lex = _string(str(t))
        if t.language:
            return f"{lex}@{t.language}"
        dt = t.datatype
        if dt is not None and dt != XSD.string:
            return f"{lex}^^{_iri(str(dt), prefixed)}"
        return lex
    raise ValueError(f"blank node or unsupported term in output: {t!r}")


def plain_term(t):
    """An rdflib term as a plain one: an IRI as ``str``, a literal as
    (lexical form, datatype IRI or "", language or "")."""
    if isinstance(t, Literal):
        return (str(t), str(t.datatype) if t.datatype is not None else "", t.language or "")
    if isinstance(t, URIRef):
        return str(t)
    raise ValueError(f"blank node or unsupported term in output: {t!r}")


def _plain_triples(triples) -> list[tuple]:
    """Triples of plain terms. rdflib triples (told by the first subject) are
    converted; a list whose first subject is a plain ``str`` is taken as plain."""
    triples = triples if isinstance(triples, list) else list(triples)
    if not triples or type(triples[0][0]) is str:
        return triples
    return [(plain_term(s), plain_term(p), plain_term(o)) for s, p, o in triples]


def _pterm(t, prefixed: bool = False) -> str:
    """A plain term in N-Triples syntax, or Turtle with prefixed names."""
    if t.__class__ is tuple:
        lex, dt, lang = t
        text = _string(lex)
        if lang:
            return f"{text}@{lang}"
        if dt and dt != _XSD_STRING:
            return f"{text}^^{_iri(dt, prefixed)}"
        return text
    if prefixed and t == _RDF_TYPE:
        return "a"
    return _iri(t, prefixed)


def _sort_key(triple):
    """Subject, rdf:type first, predicate, IRIs before literals, object (plain terms)."""
    s, p, o = triple
    if o.__class__ is tuple:
        return (s, p != _RDF_TYPE, p, True, *o)
    return (s, p != _RDF_TYPE, p, False, o, "", "")


def _sorted(triples) -> list[tuple]:
    """(sort key, triple) for each distinct triple, in the order every writer uses.

    The key names the triple (every part of every term is in it), so it also
    removes duplicates."""
    keyed = {_sort_key(t): t for t in _plain_triples(triples)}
    return sorted(keyed.items(), key=itemgetter(0))


def _subject_text(indent: str, subject: str, items) -> str:
    """The Turtle statement of one subject; ``items`` are (predicate key,
    predicate text, object text) in output order. Ends with an empty line."""
    lines = [indent + subject]
    preds: list[tuple[str, str, list[str]]] = []
    for pk, pt, ot in items:
        if preds and preds[-1][0] == pk:
            preds[-1][2].append(ot)
        else:
            preds.append((pk, pt, [ot]))
    last = len(preds) - 1
    for i, (_pk, pt, objs) in enumerate(preds):
        lines.append(f"{indent}    {pt} {', '.join(objs)}{' .' if i == last else ' ;'}")
    lines.append("")
    return "\n".join(lines)


def _blocks(keyed):
    """(subject string, subject term, [(key, triple)]) per subject, in output order."""
    start = 0
    n = len(keyed)
    while start < n:
        s = keyed[start][0][0]
        end = start + 1
        while end < n and keyed[end][0][0] == s:
            end += 1
        yield s, keyed[start][1][0], keyed[start:end]
        start = end


def _block_text(indent: str, s_term, group) -> str:
    """The Turtle statement of one subject from its (key, triple) group; ends
    with an empty line. Same text as ``_subject_text`` over the group: the
    subject, then a line per predicate with its objects (``, ``), each line
    but the last ending in `` ;``, the last in `` .``."""
    parts = [indent, _pterm(s_term, True)]
    line = "\n" + indent + "    "
    current = None
    for _k, (_s, p, o) in group:
        obj = _prefixed(o) if o.__class__ is str and o != _RDF_TYPE else _pterm(o, True)
        if p == current:
            parts += (", ", obj)
            continue
        if current is not None:
            parts.append(" ;")
        current = p
        parts += (line, "a" if p == _RDF_TYPE else _prefixed(p), " ", obj)  # == _pterm(p, True)
    parts.append(" .\n")
    return "".join(parts)


def _prefix_text() -> str:
    return "\n".join([f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()] + [""])


def graph_order(iri) -> tuple:
    """Where a graph goes in the output: by IRI, the reference graph and then
    the default graph (``None``) last."""
    return (iri is None, iri is not None and str(iri) == _REFERENCE, str(iri))


# --- per-graph fragments --------------------------------------------------------

@dataclass
class Fragment:
    """One named graph, rendered for ``assemble`` (picklable, plain strings).

    * ``text``: TriG and JSON-LD, the graph's whole text;
    * ``blocks``: Turtle, (subject, statement text) for subjects not in ``shared``;
    * ``lines``: N-Quads, the graph's lines; N-Triples, the lines of subjects not in ``shared``;
    * ``shared``: triples of subjects in ``shared``, as (subject, sort key, ...):
      Turtle adds the predicate and object text, N-Triples the line; other
      formats list them only when counted -- the assembler merges them across graphs;
    * ``count``: distinct triples whose subject only this graph has (so the
      build's triple total is the sum of counts plus the distinct shared triples).
    """

    order: tuple
    text: str | None = None
    blocks: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    shared: list = field(default_factory=list)
    count: int = 0


def render_graph(iri, triples, fmt: str, shared: set[str] | frozenset[str] = frozenset(),
                 count: bool = False) -> Fragment:
    """Render the triples of the graph ``iri`` (``None``: the default graph).

    ``shared`` holds the subjects (IRI strings) that other graphs have too.
    With ``count`` the fragment also carries what the build summary's triple
    count needs, in every format.
    """
    iri = plain_term(iri) if iri is not None and type(iri) is not str else iri
    keyed = _sorted(triples)
    frag = Fragment(order=graph_order(iri))
    if fmt == "turtle":
        for s, s_term, group in _blocks(keyed):
            if s in shared:
                frag.shared.extend((s, k[1:], _pterm(t[1], True), _pterm(t[2], True)) for k, t in group)
            else:
                frag.blocks.append((s, _block_text("", s_term, group)))
                frag.count += len(group)
        return frag
    if fmt == "ntriples":
        for k, (s, p, o) in keyed:
            line = f"{_pterm(s)} {_pterm(p)} {_pterm(o)} ."
            if k[0] in shared:
                frag.shared.append((k[0], k[1:], line))
            else:
                frag.lines.append(line)
                frag.count += 1
        frag.lines = sorted(set(frag.lines))
        return frag
    if count:
        for k, _t in keyed:
            if k[0] in shared:
                frag.shared.append((k[0], k[1:]))
            else:
                frag.count += 1
    if fmt == "trig":
        head = ("GRAPH " + _pterm(iri, True) + " {") if iri is not None else "{"
        body = "\n".join(_block_text("    ", s_term, group) for _s, s_term, group in _blocks(keyed))
        frag.text = head + "\n" + body + "}\n"  # each statement ends with a line break
    elif fmt == "nquads":
        g = f" {_pterm(iri)}" if iri is not None else ""
        frag.lines = sorted({f"{_pterm(s)} {_pterm(p)} {_pterm(o)}{g} ." for _k, (s, p, o) in keyed})
    elif fmt == "json-ld":
        nodes = _jsonld_nodes(t for _k, t in keyed)
        entry = {"@id": iri, "@graph": nodes} if iri is not None else {"@graph": nodes}
        frag.text = json.dumps(entry, ensure_ascii=False, indent=1, sort_keys=True)
    else:  # pragma: no cover - format_for() only gives the formats above
        raise ValueError(f"unknown format {fmt!r}")
    return frag


def assemble(fragments: list[Fragment], fmt: str) -> list[str]:
    """The output text, as a list of pieces to write one after the other."""
    frags = sorted(fragments, key=lambda f: f.order)
    if fmt == "trig":
        return _joined([_prefix_text(), *(f.text for f in frags)], "\n")
    if fmt == "json-ld":
        if not frags:
            return ["[]\n"]
        # Each graph was dumped on its own (indent level 0); inside the list it
        # sits one level deeper, i.e. one more space after every line break
        # (strings never hold a raw line break: JSON escapes it).
        return ["[\n", *_joined([" " + f.text.replace("\n", "\n ") for f in frags], ",\n"), "\n]\n"]
    if fmt == "nquads":
        lines = [line for f in frags for line in f.lines]
        lines.sort()
        return _line_pieces(lines)
    if fmt == "ntriples":
        lines = [line for f in frags for line in f.lines]
        lines.extend({x[2] for f in frags for x in f.shared})
        lines.sort()
        return _line_pieces(lines)
    if fmt == "turtle":
        blocks = [b for f in frags for b in f.blocks]
        merged: dict[str, dict] = {}
        for f in frags:
            for s, tail, pt, ot in f.shared:
                merged.setdefault(s, {})[tail] = (tail[1], pt, ot)
        for s, items in merged.items():
            blocks.append((s, _subject_text("", _pterm(s, True),
                                            (items[k] for k in sorted(items)))))
        blocks.sort(key=itemgetter(0))
        for a, b in zip(blocks, blocks[1:]):
            if a[0] == b[0]:
                raise ValueError(f"internal error: subject {a[0]} rendered in two graphs but not marked shared")
        return _joined([_prefix_text(), *(text for _s, text in blocks)], "\n")
    raise ValueError(f"unknown format {fmt!r}")  # pragma: no cover


def _line_pieces(lines: list[str], per_piece: int = 8192) -> list[str]:
    """``"\n".join(lines) + "\n"`` in pieces of a few thousand lines (no copy
    of the whole text, which is hundreds of megabytes for a big N-Quads file)."""
    return [*_joined(["\n".join(lines[i:i + per_piece]) for i in range(0, len(lines), per_piece)], "\n"), "\n"]


def _joined(parts: list[str], sep: str) -> list[str]:
    """``sep.join(parts)`` as a list of pieces (no copy of the whole text)."""
    out: list[str] = []
    for i, p in enumerate(parts):
        if i:
            out.append(sep)
        out.append(p)
    return out


def triple_count(fragments: list[Fragment]) -> int:
    """Distinct triples in the union of the rendered graphs (``count=True``)."""
    return sum(f.count for f in fragments) + len({x[:2] for f in fragments for x in f.shared})


# --- whole Dataset ----------------------------------------------------------------

def _graphs(ds: Dataset) -> list[tuple[URIRef, list]]:
    """(graph IRI, triples) for every non-empty named graph, sorted by IRI
    (the reference graph last)."""
    out = []
    for g in ds.graphs():
        if not isinstance(g.identifier, URIRef) or g.identifier == _DEFAULT_GRAPH:
            continue
        triples = list(g.triples((None, None, None)))
        if triples:
            out.append((g.identifier, triples))
    default = list(ds.default_graph.triples((None, None, None)))
    if default:
        out.append((None, default))
    return sorted(out, key=lambda gt: graph_order(gt[0]))


def shared_subjects(graphs) -> set[str]:
    """Subjects (IRI strings) that occur in more than one of ``graphs`` ((iri, triples) pairs)."""
    seen: dict[str, int] = {}
    for _iri_, triples in graphs:
        for s in {str(t[0]) for t in triples}:
            seen[s] = seen.get(s, 0) + 1
    return {s for s, n in seen.items() if n > 1}


def render_dataset(ds: Dataset, fmt: str) -> str:
    """All of ``ds`` in ``fmt``."""
    graphs = _graphs(ds)
    shared = shared_subjects(graphs) if fmt in ("turtle", "ntriples") else frozenset()
    return "".join(assemble([render_graph(iri, triples, fmt, shared) for iri, triples in graphs], fmt))


def to_turtle(ds: Dataset) -> str:
    """The union of all graphs as Turtle."""
    return render_dataset(ds, "turtle")


def to_trig(ds: Dataset) -> str:
    """TriG: one block per named graph."""
    return render_dataset(ds, "trig")


def to_nquads(ds: Dataset) -> str:
    return render_dataset(ds, "nquads")


def to_ntriples(ds: Dataset) -> str:
    return render_dataset(ds, "ntriples")


def _jsonld_value(o):
    if o.__class__ is not tuple:
        return {"@id": o}
    lex, dt, lang = o
    v = {"@value": lex}
    if lang:
        v["@language"] = lang
    elif dt and dt != _XSD_STRING:
        v["@type"] = dt
    return v


def _jsonld_nodes(triples) -> list[dict]:
    """``triples`` (plain terms) already distinct and in output order."""
    nodes: dict[str, dict] = {}
    for s, p, o in triples:
        node = nodes.setdefault(s, {"@id": s})
        if p == _RDF_TYPE:
            node.setdefault("@type", []).append(o if o.__class__ is not tuple else o[0])
        else:
            node.setdefault(p, []).append(_jsonld_value(o))
    return [nodes[k] for k in sorted(nodes)]


def to_jsonld(ds: Dataset) -> str:
    """Expanded JSON-LD (no context needed to read it): one entry per named graph."""
    return render_dataset(ds, "json-ld")


WRITERS = {"turtle": to_turtle, "trig": to_trig, "nquads": to_nquads,
           "ntriples": to_ntriples, "json-ld": to_jsonld}


def serialize(ds: Dataset, path: Path) -> str:
    """The text of ``ds`` in the format of ``path``'s extension."""
    return WRITERS[format_for(path)](ds)
