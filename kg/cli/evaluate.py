"""``kg evaluate``: score the extraction against hand-made gold files."""
from __future__ import annotations

import argparse

HELP = "score the extraction against gold files: entities per class, facts, wrong facts"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg evaluate``."""
    p.add_argument("--gold", required=True, metavar="DIR",
                   help="folder of gold files, one JSON per document (see docs/EVALUATION.md)")
    p.add_argument("--docs", required=True, metavar="DIR",
                   help="folder holding the documents the gold files name")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.evaluate import cmd_evaluate
    return cmd_evaluate(args)
