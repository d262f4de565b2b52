"""``kg serve``: serve a read-only SPARQL 1.1 endpoint."""
from __future__ import annotations

import argparse

HELP = "serve a read-only SPARQL 1.1 endpoint"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg serve``."""
    p.add_argument("--graph", required=True, metavar="FILE|DIR.oxigraph",
                   help="a graph file, or a store written by kg build -o DIR.oxigraph (starts in a second; "
                        "a rebuilt graph is picked up on the next request)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7878)
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per query (default 10)")
    p.add_argument("--max-rows", type=int, default=10000, help="row limit per query (default 10000)")
    p.add_argument("--workers", type=int, default=2, help="query worker processes (default 2)")
    p.add_argument("--cache-mb", type=float, default=256, metavar="MB",
                   help="memory for answers kept by request (default 256; 0: keep none)")
    p.add_argument("--base", metavar="URL",
                   help="where pages link https://w3id.org/navo-kg/ IRIs (default: this server)")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.serve import cmd_serve
    return cmd_serve(args)
