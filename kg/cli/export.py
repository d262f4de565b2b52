"""``kg export``: export the entity graph (GraphML)."""
from __future__ import annotations

import argparse

HELP = "export the entity graph (GraphML)"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg export``."""
    p.add_argument("--graph", required=True, metavar="FILE")
    p.add_argument("--format", choices=["graphml"], default="graphml")
    p.add_argument("-o", "--output", required=True, metavar="FILE")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.viz.export import cmd_export
    return cmd_export(args)
