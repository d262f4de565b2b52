"""``kg export --format graphml``: the entity graph of ``kg viz`` for Gephi/Cytoscape."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.errors import KGError

SEP = " | "  # GraphML has no list type; lists become one string


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


def cmd_export(args) -> int:
    """Write the annotated entity graph of ``--graph`` to ``-o`` as GraphML."""
    from kg.viz.project import entity_graph

    if args.format != "graphml":
        raise KGError(f"unknown export format {args.format!r}")
    G = entity_graph(args.graph, getattr(args, "lang", "nl"))
    out = Path(args.output)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(graphml_ready(G), out, encoding="utf-8")
    except OSError as e:
        raise KGError(f"cannot write {out}: {e}") from e
    print(f"{out}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    return 0
