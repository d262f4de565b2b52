"""``kg query``: run a SPARQL query from the library, a file or the command line."""
from __future__ import annotations

import argparse

HELP = "run a SPARQL query from the library, a file or the command line"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg query``."""
    p.add_argument("query", nargs="?", metavar="NAME|FILE|TEXT",
                   help="a library query name, a .rq file, or SPARQL text")
    p.add_argument("--graph", metavar="FILE", help="graph file to query")
    p.add_argument("--list", action="store_true", help="list the query library")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="bind ?KEY to VALUE (repeatable)")
    p.add_argument("--raw", action="store_true", help="show IRIs instead of labels")
    p.add_argument("--engine", choices=["oxigraph", "rdflib"], default="oxigraph")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.query import cmd_query
    return cmd_query(args)
