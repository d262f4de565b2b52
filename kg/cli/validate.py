"""``kg validate``: check a graph against the SHACL shapes."""
from __future__ import annotations

import argparse

HELP = "check a graph against the SHACL shapes"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg validate``."""
    p.add_argument("file", metavar="FILE", help="graph file to check against ontology/shapes.ttl")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.rdf.validate import cmd_validate
    return cmd_validate(args)
