"""The ``kg`` command: one sub-command per verb, no logic beyond arguments.

Each verb names the module and function that does the work; modules are
imported only when their verb runs, so ``kg --help`` starts fast.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from kg import __version__
from kg.errors import EXIT_ERROR, EXIT_INTERRUPTED, KGError

EPILOG = """exit status: 0 done; 1 output written but some inputs skipped;
2 error, nothing written; 130 interrupted (previous output untouched)"""


def _build(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="document files or folders")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="output file; format from extension: .ttl .trig .nq .nt .jsonld")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--executor", choices=["local", "dask"], default="local")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --executor dask)")
    p.add_argument("--cache", metavar="DIR", help="per-document extraction cache folder")
    p.add_argument("--max-size", type=float, default=20.0, metavar="MB",
                   help="skip documents larger than this many megabytes (default 20)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary")


def _validate(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="graph file to check against ontology/shapes.ttl")


def _stats(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="graph file")


def _query(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="?", metavar="NAME|FILE|TEXT",
                   help="a library query name, a .rq file, or SPARQL text")
    p.add_argument("--graph", metavar="FILE", help="graph file to query")
    p.add_argument("--list", action="store_true", help="list the query library")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="bind ?KEY to VALUE (repeatable)")
    p.add_argument("--raw", action="store_true", help="show IRIs instead of labels")
    p.add_argument("--engine", choices=["oxigraph", "rdflib"], default="oxigraph")


def _serve(p: argparse.ArgumentParser) -> None:
    p.add_argument("--graph", required=True, metavar="FILE")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7878)
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per query (default 10)")
    p.add_argument("--max-rows", type=int, default=10000, help="row limit per query (default 10000)")


def _viz(p: argparse.ArgumentParser) -> None:
    p.add_argument("--graph", required=True, metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--lang", choices=["nl", "en"], default="nl")


def _export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--graph", required=True, metavar="FILE")
    p.add_argument("--format", choices=["graphml"], default="graphml")
    p.add_argument("-o", "--output", required=True, metavar="FILE")


def _explain(p: argparse.ArgumentParser) -> None:
    p.add_argument("entity", metavar="ENTITY", help="a label or alias, e.g. Kuleba")
    p.add_argument("--graph", required=True, metavar="FILE")


def _push(p: argparse.ArgumentParser) -> None:
    p.add_argument("--graph", required=True, metavar="FILE", help=".trig or .nq build output")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="SPARQL 1.1 Graph Store HTTP Protocol endpoint")


# verb -> (help, argument setup, "module:function")
VERBS = {
    "build": ("read documents and write the graph", _build, "kg.build:cmd_build"),
    "validate": ("check a graph against the SHACL shapes", _validate, "kg.rdf.validate:cmd_validate"),
    "stats": ("count entities per class and triples per property", _stats, "kg.stats:cmd_stats"),
    "query": ("run a SPARQL query from the library, a file or the command line", _query, "kg.query:cmd_query"),
    "serve": ("serve a read-only SPARQL 1.1 endpoint", _serve, "kg.serve:cmd_serve"),
    "viz": ("write interactive offline pages of the graph", _viz, "kg.viz:cmd_viz"),
    "export": ("export the entity graph (GraphML)", _export, "kg.viz.export:cmd_export"),
    "explain": ("every fact about an entity, with its evidence", _explain, "kg.explain:cmd_explain"),
    "push": ("write each document's graph to a SPARQL Graph Store endpoint", _push, "kg.push:cmd_push"),
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Build and explore a knowledge graph of Dutch NATO letters.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"navo-kg {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show details and tracebacks")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for verb, (help_, setup, _target) in VERBS.items():
        p = sub.add_parser(verb, help=help_, description=help_, epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("-v", "--verbose", action="store_true", help="show details and tracebacks")
        setup(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not args.verb:
        parser.print_help()
        return EXIT_ERROR
    module, func = VERBS[args.verb][2].split(":")
    try:
        return getattr(importlib.import_module(module), func)(args) or 0
    except KGError as e:
        print(f"kg {args.verb}: {e}", file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        print(f"kg {args.verb}: interrupted; earlier output left as it was", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as e:  # a bug: one line unless asked for more
        if args.verbose:
            raise
        print(f"kg {args.verb}: internal error: {type(e).__name__}: {e} (run with -v for details)",
              file=sys.stderr)
        return EXIT_ERROR
