"""``kg explain``: every fact about an entity, with its evidence."""
from __future__ import annotations

import argparse

HELP = "every fact about an entity, with its evidence"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg explain``."""
    p.add_argument("entity", metavar="ENTITY", help="a label or alias, e.g. Kuleba")
    p.add_argument("--graph", required=True, metavar="FILE")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.explain import cmd_explain
    return cmd_explain(args)
