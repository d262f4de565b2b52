"""``kg build``: read documents and write the graph."""
from __future__ import annotations

import argparse

HELP = "read documents and write the graph"


def arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``kg build``."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="document files or folders")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="output file; format from extension: .ttl .trig .nq .nt .jsonld, "
                        "or a folder DIR.oxigraph for an on-disk Oxigraph store")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--executor", choices=["local", "dask"], default="local")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --executor dask)")
    p.add_argument("--cache", metavar="DIR", help="per-document extraction cache folder")
    p.add_argument("--max-size", type=float, default=20.0, metavar="MB",
                   help="skip documents larger than this many megabytes (default 20)")
    p.add_argument("--max-seconds", type=float, default=None, metavar="S",
                   help="skip a document whose reading and extraction take longer than this "
                        "(default 120 s plus 60 s per MB of the file; 0: no limit)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary")


def run(args: argparse.Namespace) -> int | None:
    """Run the verb (the work module is imported only now, so ``kg --help`` stays fast)."""
    from kg.build import cmd_build
    return cmd_build(args)
