"""Read a graph file (any of our output formats) or an on-disk store into an rdflib Dataset or Graph.

Oxigraph parses (a tenth of rdflib's time, and its errors name the line,
the column and the reason); the quads are then handed to rdflib for the
tools that work on rdflib graphs (pyshacl, networkx projection, counting).
A ``kg build -o DIR.oxigraph`` store gives the same graphs as the build's TriG.
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.errors import KGError

FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".n3": "n3"}
# rdflib format name -> (pyoxigraph RdfFormat name, what the user calls it)
_OX = {"turtle": ("TURTLE", "Turtle"), "trig": ("TRIG", "TriG"), "nquads": ("N_QUADS", "N-Quads"),
       "nt": ("N_TRIPLES", "N-Triples"), "json-ld": ("JSON_LD", "JSON-LD"), "xml": ("RDF_XML", "RDF/XML"),
       "n3": ("N3", "N3")}


def _check(p: Path) -> str:
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise KGError(f"{p}: unknown graph format (use {', '.join(sorted(FORMATS))})")
    if not p.is_file():
        raise KGError(f"{p}: no such file")
    return fmt


def parse_error(p: Path, name: str, e: SyntaxError) -> KGError:
    """``FILE:LINE:COLUMN: cannot parse as FORMAT: reason`` from an Oxigraph parser error."""
    msg = str(e.args[0]) if e.args else str(e)
    loc = e.args[1] if len(e.args) > 1 and isinstance(e.args[1], tuple) else ()
    line, col = (loc[1], loc[2]) if len(loc) >= 3 else (None, None)
    reason = re.sub(r"^Parser error (?:at|between) [^:]*:\s*", "", msg).strip() or "syntax error"
    at = (f":{line}" if line else "") + (f":{col}" if line and col else "")
    where = f" (line {line}, column {col})" if line and col else ""
    return KGError(f"{p}{at}: cannot parse as {name}{where}: {reason}")


def quads(path: str | Path) -> list:
    """Every quad of ``path`` (a file or a store) as pyoxigraph terms; a user error
    (missing, unparsable, stale store) raises KGError."""
    import pyoxigraph as ox

    from kg.store import STORE_SUFFIX, is_store, store_quads

    p = Path(path)
    if is_store(p) or p.suffix.lower() == STORE_SUFFIX:
        return list(store_quads(p))  # a stale or foreign store raises KGError
    fmt, name = _OX[_check(p)]
    try:
        return list(ox.parse(path=str(p), format=getattr(ox.RdfFormat, fmt)))
    except SyntaxError as e:
        raise parse_error(p, name, e) from None
    except (OSError, ValueError, UnicodeError) as e:  # unreadable, not UTF-8
        raise KGError(f"{p}: cannot parse as {name}: {e}") from None


def load_dataset(path: str | Path):
    """Parse ``path`` by extension into a Dataset (default graph: the union)."""
    return dataset_of(quads(path))


def dataset_of(quads) -> "Dataset":
    """pyoxigraph quads in an rdflib Dataset (default graph: the union)."""
    from rdflib import Dataset, URIRef

    from kg.store import from_ox

    ds = Dataset(default_union=True)
    graphs: dict = {}
    for q in quads:
        g = q.graph_name
        if g not in graphs:
            graphs[g] = ds.default_graph if g.__class__.__name__ == "DefaultGraph" else ds.graph(
                URIRef(g.value) if g.__class__.__name__ == "NamedNode" else from_ox(g))
        graphs[g].add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return ds


def load_union(path: str | Path):
    """Parse ``path`` into one Graph: the set union of its graphs' triples."""
    from rdflib import Graph

    from kg.store import from_ox

    g = Graph()
    for q in quads(path):
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g
