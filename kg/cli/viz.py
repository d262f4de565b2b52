"""``kg viz``: write interactive offline pages of the graph."""
from __future__ import annotations

import argparse

HELP = "write interactive offline pages of the graph"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg viz``."""
    p.add_argument("--graph", required=True, metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--lang", choices=["nl", "en"], default="nl")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.viz import cmd_viz
    return cmd_viz(args)
