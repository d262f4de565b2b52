"""``kg export``: export the entity graph (GraphML, GEXF or a CSV pair for Gephi)."""
from __future__ import annotations

import argparse

HELP = "export the entity graph: .graphml, .gexf, or .csv (NAME.nodes.csv + NAME.edges.csv)"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg export``."""
    p.add_argument("--graph", required=True, metavar="FILE")
    p.add_argument("--format", choices=["graphml", "gexf", "csv"], default=None,
                   help="optional: must match the extension of -o, which says the format")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="g.graphml, g.gexf, or g.csv (writes g.nodes.csv and g.edges.csv for Gephi)")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.viz.export import cmd_export
    return cmd_export(args)
