"""Offline, interactive pages of the entity graph (``kg viz``)."""
from __future__ import annotations


def cmd_viz(args) -> int:
    """``kg viz --graph FILE -o DIR [--lang nl|en]``: write the site, print index.html's path."""
    from kg.gcutil import collector_paused
    from kg.viz.pages import write_site
    from kg.viz.project import entity_graph

    G = entity_graph(args.graph, args.lang)
    with collector_paused():
        index = write_site(G, args.output, args.lang)
    print(index)
    return 0
