"""``kg stats``: count entities per class and triples per property."""
from __future__ import annotations

import argparse

HELP = "count entities per class and triples per property"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg stats``."""
    p.add_argument("file", metavar="FILE", help="graph file")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.stats import cmd_stats
    return cmd_stats(args)
