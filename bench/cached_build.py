"""``kg build`` with the per-document cache wired in, for the bench.

Until ``kg/build.py`` passes ``--cache`` to ``kg.cache.extract_cached`` itself,
the bench measures incremental builds through this wrapper. It runs the real
``kg build`` (same CLI, same stages, same output) with ``kg.build._run``
replaced by ``cached_run`` below, which is the proposed wiring, line for line:
the lead can paste its body into ``kg/build.py``.

    .venv/bin/python bench/cached_build.py build DIR -o OUT.trig --cache CACHE_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kg.build as build  # noqa: E402


def cached_run(docs, max_bytes, jobs, args, quiet):
    """``kg.build._run`` with cache look-ups before and stores after extraction."""
    from kg.cache import ExtractionCache, extract_cached

    tasks = [(str(p), max_bytes) for p in docs]
    cache = ExtractionCache(args.cache) if getattr(args, "cache", None) else None
    results = extract_cached(
        build.process_file, tasks, cache,
        path_of=lambda t: t[0],
        extraction_of=lambda r: r.extraction,
        from_cache=lambda t, ex: build.DocResult(path=t[0], extraction=ex),
        jobs=jobs, executor=getattr(args, "executor", "local") or "local",
        scheduler=getattr(args, "scheduler", None),
        initializer=build._warm if jobs > 1 else None)
    out = []
    for (path, _), r in zip(tasks, results):
        if isinstance(r, BaseException):  # the worker itself failed (killed, out of memory)
            r = build.DocResult(path=path, skipped=f"worker failed: {type(r).__name__}: {r}")
        out.append(r)
    if cache is not None and not quiet:
        print(f"cache: {cache.hits} document(s) reused, {cache.misses} extracted", file=sys.stderr)
    return out


if __name__ == "__main__":
    build._run = cached_run
    from kg.cli import main

    sys.exit(main(sys.argv[1:]))
