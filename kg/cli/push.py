"""``kg push``: write each document's graph to a SPARQL Graph Store endpoint."""
from __future__ import annotations

import argparse

HELP = "write each document's graph to a SPARQL Graph Store endpoint"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg push``."""
    p.add_argument("--graph", required=True, action="append", metavar="FILE",
                   help=".trig or .nq build output; repeat it to push several builds into one store "
                        "(their reference graphs merged, one statistics graph counted over all)")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="SPARQL 1.1 Graph Store HTTP Protocol endpoint")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.push import cmd_push
    return cmd_push(args)
