"""``kg export``: the entity graph of ``kg viz`` for Gephi, Cytoscape and other tools.

The output file's extension says the format (networkx writes each):

* ``.graphml``: GraphML;
* ``.gexf``: GEXF (Gephi's own format);
* ``.csv``: a pair of CSV files as Gephi's spreadsheet import reads them,
  ``NAME.nodes.csv`` (``Id``, ``Label``, then the node attributes) and
  ``NAME.edges.csv`` (``Source``, ``Target``, ``Type``, ``Id``, ``Label``, then
  the edge attributes), for ``-o NAME.csv``.

Any other extension is refused (exit 2). Lists (aliases, documents, facts)
become one string joined by `` | ``; every file is written beside its final
name and moved into place, so a failed export leaves nothing half-written.
"""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import networkx as nx

from kg.errors import KGError

SEP = " | "  # GraphML, GEXF and CSV have no list type; lists become one string
FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}


def graphml_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all strings or numbers."""
    H = nx.MultiDiGraph()

    def flat(value):
        if isinstance(value, (list, tuple, set)):
            return SEP.join(": ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v) for v in value)
        return value if isinstance(value, (int, float, str)) else str(value)

    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: flat(v) for k, v in d.items()})
    for u, v, k, d in G.edges(keys=True, data=True):
        # "sources" repeats "evidence" with document keys; too long for an attribute table
        H.add_edge(u, v, key=str(k), **{a: flat(b) for a, b in d.items() if a != "sources"})
    return H


def export_format(output: str | Path, asked: str | None = None) -> str:
    """The format for ``output`` from its extension; ``asked`` (``--format``) must agree."""
    out = Path(output)
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        what = f"{out.suffix!r} files" if out.suffix else "a file without an extension"
        raise KGError(f"{out}: cannot export to {what}; the extension says the format: "
                      ".graphml, .gexf, or .csv (a nodes/edges pair for Gephi)")
    if asked and asked != fmt:
        raise KGError(f"--format {asked} does not match the extension of {out} ({fmt})")
    return fmt


def csv_paths(output: str | Path) -> tuple[Path, Path]:
    """``NAME.nodes.csv`` and ``NAME.edges.csv`` for ``-o NAME.csv`` (or ``NAME.nodes.csv``)."""
    out = Path(output)
    stem = out.name[: -len(out.suffix)]
    for part in (".nodes", ".edges"):
        stem = stem.removesuffix(part)
    return out.with_name(stem + ".nodes.csv"), out.with_name(stem + ".edges.csv")


def _columns(rows) -> list[str]:
    seen: dict[str, None] = {}
    for d in rows:
        seen.update(dict.fromkeys(d))
    return sorted(seen)


def write_csv_pair(H: nx.MultiDiGraph, nodes_path, edges_path) -> None:
    """Gephi's spreadsheet import: a nodes table (Id, Label, …) and an edges table (Source, Target, Type, …)."""
    node_cols = [c for c in _columns(d for _, d in H.nodes(data=True)) if c != "label"]
    with open(nodes_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Id", "Label", *node_cols])
        for n, d in sorted(H.nodes(data=True)):
            w.writerow([n, d.get("label", n), *(d.get(c, "") for c in node_cols)])
    edge_cols = [c for c in _columns(d for *_, d in H.edges(keys=True, data=True)) if c != "label"]
    with open(edges_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Source", "Target", "Type", "Id", "Label", *edge_cols])
        for i, (u, v, k, d) in enumerate(sorted(H.edges(keys=True, data=True), key=lambda e: e[:3])):
            w.writerow([u, v, "Directed", i, d.get("label", k), *(d.get(c, "") for c in edge_cols)])


def _gexf_ready(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GEXF edge ids must be unique across the file; the key (a predicate) is not."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(H.nodes(data=True))
    for i, (u, v, k, d) in enumerate(sorted(H.edges(keys=True, data=True), key=lambda e: e[:3])):
        G.add_edge(u, v, key=k, id=str(i), **d)
    return G


def write_export(G: nx.MultiDiGraph, output: str | Path, fmt: str) -> list[Path]:
    """Write ``G`` to ``output`` in ``fmt``; the files written, each complete or not at all."""
    H = graphml_ready(G)
    out = Path(output)
    finals = list(csv_paths(out)) if fmt == "csv" else [out]
    temps: list[Path] = []
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        for final in finals:
            fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
            os.close(fd)
            temps.append(Path(tmp))
        if fmt == "graphml":
            nx.write_graphml(H, temps[0], encoding="utf-8")
        elif fmt == "gexf":
            nx.write_gexf(_gexf_ready(H), temps[0], encoding="utf-8")
        else:
            write_csv_pair(H, *temps)
        for tmp, final in zip(temps, finals):
            os.replace(tmp, final)
    except OSError as e:
        raise KGError(f"cannot write {out}: {e}") from None
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return finals


def cmd_export(args) -> int:
    """Write the annotated entity graph of ``--graph`` to ``-o`` in the format its extension names."""
    from kg.viz.project import entity_graph

    fmt = export_format(args.output, getattr(args, "format", None))
    G = entity_graph(args.graph, getattr(args, "lang", "nl"))
    paths = write_export(G, args.output, fmt)
    print(f"{', '.join(map(str, paths))}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    return 0
