"""Latency of every library query at about 1M triples, on Oxigraph and on rdflib, in one run.

The graph is the seeds' graph replicated under new IRIs: copy ``i`` renames
every document, person, event, evidence … IRI ``…/id/<kind>/<slug>`` to
``…/id/<kind>/<slug>-r<i>``; countries, places and organisations are shared
reference entities and keep their IRIs (as they would across a real corpus).
The seeds' statistics graph is not copied: the store counts the replica's
when it loads it (``kg/store.py``), as it does for any graph
without one.

    .venv/bin/python bench/query_bench.py [--graph seeds.trig] [--triples 1000000]
        [--only NAME ...] [--skip-rdflib | --rdflib-limit SECONDS] [--reuse]

Prints a table and writes ``bench/out/query_bench.json``: per query the rows
and the median wall time on each engine, the triples loaded, and the load
average of the machine before and after each engine's run (other jobs on a
two-core machine inflate every figure). Not a timed test.

While iterating on the Oxigraph side: ``--skip-rdflib`` (or a short
``--rdflib-limit``: rdflib needs minutes for some queries at 1M triples),
``--only`` for a few queries, ``--reuse`` to keep ``bench-graph.nq``.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import library, parse_params, run  # noqa: E402
from kg.rdf.namespaces import STATISTICS_GRAPH  # noqa: E402
from kg.store import open_store  # noqa: E402

OUT = ROOT / "bench" / "out"
SHARED_KINDS = ("country", "place", "organisation")
PARAMS = {"entity-facts": ["name=Interflex"], "entity-documents": ["name=Interflex"]}
_IRI = re.compile(r"<https://w3id\.org/navo-kg/id/([a-z]+)/([^>#]+)")


def seeds_graph(path: Path | None) -> Path:
    """The seeds graph to replicate: the given file, or a fresh ``kg build seeds``."""
    if path:
        return path
    out = OUT / "query-bench-seeds.trig"  # not seeds.trig: other benches lock and share that one
    subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "-o", str(out), "-q"],
                   cwd=ROOT, check=True)
    return out


def replicate(src: Path, target_triples: int, dest: Path) -> int:
    """Write ``dest`` (N-Quads): enough renamed copies of ``src`` for ``target_triples``."""
    import pyoxigraph as ox

    lines = ox.serialize(ox.parse(path=str(src), format=ox.RdfFormat.TRIG if src.suffix == ".trig"
                                  else ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS).decode("utf-8")
    # Each copy's counts would be the seeds' counts: leave the statistics graph
    # out, and the store counts it for the whole replica when it loads it.
    lines = [line for line in lines.splitlines() if not line.endswith(f"<{STATISTICS_GRAPH}> .")]
    copies = max(1, math.ceil(target_triples / len(lines)))
    with dest.open("w", encoding="utf-8") as f:
        for i in range(copies):
            def rename(m, i=i):
                kind, slug = m.group(1), m.group(2)
                return m.group(0) if kind in SHARED_KINDS else f"<https://w3id.org/navo-kg/id/{kind}/{slug}-r{i}"
            f.write("\n".join(_IRI.sub(rename, line) for line in lines))
            f.write("\n")
    return copies * len(lines)


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout


def time_query(store, q, repeats: int, limit: float) -> dict:
    """Median wall time (ms) of ``repeats`` runs after one warm-up; gives up past ``limit`` s."""
    params = parse_params(PARAMS.get(q.name, []))
    times, rows, more = [], 0, False
    signal.signal(signal.SIGALRM, _alarm)
    try:
        for i in range(repeats + 1):
            signal.setitimer(signal.ITIMER_REAL, limit)
            t0 = time.perf_counter()
            res = run(store, q.text, params, q)
            dt = time.perf_counter() - t0
            signal.setitimer(signal.ITIMER_REAL, 0)
            rows = len(res.rows) if res.kind == "select" else 1
            more = res.truncated  # a paged query (# page: N): the first page only
            if i or repeats == 0:
                times.append(dt * 1000)
            if dt > limit / 4:  # slow: one measured run is enough
                if not times:
                    times.append(dt * 1000)
                break
    except Timeout:
        return {"ms": None, "rows": None, "timeout_s": limit}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return {"ms": round(statistics.median(times), 2), "rows": rows} | ({"first_page": True} if more else {})


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover - not on Linux
        return []


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, help="seeds graph (.trig/.nq); default: build it")
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=5, help="timed runs per query on Oxigraph")
    ap.add_argument("--rdflib-repeats", type=int, default=1)
    ap.add_argument("--limit", type=float, default=120.0, help="seconds before a query is given up")
    ap.add_argument("--rdflib-limit", type=float, help="seconds before an rdflib query is given up (default: --limit)")
    ap.add_argument("--skip-rdflib", action="store_true")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run only these library queries")
    ap.add_argument("--reuse", action="store_true", help="reuse bench/out/bench-graph.nq if it exists")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    big = OUT / "bench-graph.nq"
    if a.reuse and big.is_file():
        with big.open("rb") as f:
            quads = sum(1 for _ in f)
    else:
        quads = replicate(seeds_graph(a.graph), a.triples, big)
    print(f"graph: {quads} quads in {big.name}", file=sys.stderr)

    report = {"quads": quads, "machine": platform.platform(), "python": platform.python_version(),
              "cpus": os.cpu_count(), "engines": {}, "queries": {}}
    lib = library()
    if a.only:
        unknown = sorted(set(a.only) - set(lib))
        if unknown:
            ap.error(f"unknown queries: {', '.join(unknown)}")
        lib = {n: q for n, q in lib.items() if n in a.only}
    engines = [("oxigraph", a.repeats, a.limit)]
    if not a.skip_rdflib:
        engines.append(("rdflib", a.rdflib_repeats, a.rdflib_limit or a.limit))
    for engine, repeats, limit in engines:
        t0 = time.perf_counter()
        store = open_store(big, engine=engine)
        load = time.perf_counter() - t0
        info = {"load_s": round(load, 1), "loadavg_before": loadavg()}
        if engine == "oxigraph":  # the default graph: the set union of the documents' graphs
            info["default_graph_triples"] = len(store.union)
        report["engines"][engine] = info
        print(f"{engine}: loaded in {load:.1f} s, load average {info['loadavg_before']}", file=sys.stderr)
        for name, q in lib.items():
            r = time_query(store, q, repeats, limit)
            report["queries"].setdefault(name, {})[engine] = r
            print(f"  {name}: {r}", file=sys.stderr)
        info["loadavg_after"] = loadavg()
        del store

    (OUT / "query_bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(render(report))
    return 0


def render(report: dict) -> str:
    """A Markdown table: query, rows, Oxigraph ms, rdflib ms, ratio."""
    def ms(r):
        if r is None:
            return "-"
        return f">{r['timeout_s']:.0f} s" if r["ms"] is None else f"{r['ms']:.1f}"
    lines = [f"{report['quads']} quads; load: " + ", ".join(f"{e} {v['load_s']} s" for e, v in report["engines"].items())]
    for e, v in report["engines"].items():
        lines.append(f"{e}: load average {v.get('loadavg_before')} before, {v.get('loadavg_after')} after"
                     + (f" on {report['cpus']} cpus" if report.get("cpus") else ""))
    lines += ["", "| query | rows | Oxigraph ms | rdflib ms | rdflib/Oxigraph |", "|---|---:|---:|---:|---:|"]
    for name, r in report["queries"].items():
        ox, rl = r.get("oxigraph"), r.get("rdflib")
        ratio = f"{rl['ms'] / ox['ms']:.0f}×" if ox and rl and ox["ms"] and rl["ms"] else "-"
        rows = "-" if not ox or ox["rows"] is None else f"{ox['rows']}{' (page)' if ox.get('first_page') else ''}"
        lines.append(f"| {name} | {rows} | {ms(ox)} | {ms(rl)} | {ratio} |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
