"""The ``kg`` command: one module per verb in this package, no logic beyond arguments.

Each verb module holds ``HELP``, ``arguments(parser)`` and ``run(args)``; ``run``
imports the module that does the work only when its verb runs, so ``kg --help``
starts fast. A new verb is a new module here and one name in ``VERBS``.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from kg import __version__
from kg.errors import EXIT_ERROR, EXIT_INTERRUPTED, KGError

EPILOG = """exit status: 0 done; 1 output written but some inputs skipped;
2 error, nothing written; 130 interrupted (previous output untouched)"""

# The verbs in the order ``kg --help`` lists them; each is ``kg.cli.<verb>``.
VERBS = ("build", "validate", "stats", "query", "serve", "viz", "export", "explain", "push",
         "evaluate")


def _verb_module(verb: str):
    return importlib.import_module(f"kg.cli.{verb}")


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of ``kg`` with one sub-parser per verb."""
    parser = argparse.ArgumentParser(
        prog="kg", description="Build and explore a knowledge graph of Dutch NATO letters.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"navo-kg {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show details and tracebacks")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for verb in VERBS:
        mod = _verb_module(verb)
        p = sub.add_parser(verb, help=mod.HELP, description=mod.HELP, epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("-v", "--verbose", action="store_true", help="show details and tracebacks")
        mod.arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the verb; returns the exit status."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not args.verb:
        parser.print_help()
        return EXIT_ERROR
    try:
        return _verb_module(args.verb).run(args) or 0
    except KGError as e:
        print(f"kg {args.verb}: {e}", file=sys.stderr)
        return e.code
    except BrokenPipeError:  # `kg stats FILE | head`: the reader has gone, which is not an error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
    except KeyboardInterrupt:
        print(f"kg {args.verb}: interrupted; earlier output left as it was", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as e:  # a bug: one line unless asked for more
        if args.verbose:
            raise
        print(f"kg {args.verb}: internal error: {type(e).__name__}: {e} (run with -v for details)",
              file=sys.stderr)
        return EXIT_ERROR
