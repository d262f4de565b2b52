"""How long ``kg validate`` takes on the seeds graph (target: under 2 s, issue 15).

    .venv/bin/python bench/validate_bench.py [--graph FILE] [--runs 5]

Builds the seeds (``kg build seeds -o bench/out/validate-seeds.ttl``) unless
``--graph`` names a file, then times ``kg validate FILE`` as a user runs it: a
fresh process each time, start-up and imports included. Prints the median and
the range over ``--runs`` runs, the split of one in-process run (parse,
SHACL), and the load average before and after (other jobs on a shared
machine inflate every figure). Writes ``bench/out/validate_bench.json``.
Not a timed test.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
GOAL_S = 2.0


def seeds_graph(path: Path | None) -> Path:
    """The graph to validate: the given file, or a fresh build of the seeds."""
    if path:
        return path
    out = OUT / "validate-seeds.ttl"
    subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "-o", str(out), "-q"],
                   cwd=ROOT, check=True)
    return out


def time_cli(graph: Path, runs: int) -> list[float]:
    """Wall seconds of ``kg validate GRAPH`` in a new process, ``runs`` times."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "kg", "validate", str(graph)], cwd=ROOT,
                              capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"kg validate exited {proc.returncode}: {proc.stdout[-500:]}{proc.stderr[-500:]}")
    return times


def split(graph: Path) -> dict:
    """One in-process run, in parts: import, parse, SHACL."""
    t0 = time.perf_counter()
    import pyshacl  # noqa: F401

    from kg.rdf.load import load_union
    from kg.rdf.validate import validate_graph
    t1 = time.perf_counter()
    data = load_union(graph)
    t2 = time.perf_counter()
    conforms, _ = validate_graph(data)
    t3 = time.perf_counter()
    return {"triples": len(data), "conforms": conforms, "import_s": round(t1 - t0, 3),
            "parse_s": round(t2 - t1, 3), "shacl_s": round(t3 - t2, 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, help="graph file (default: build the seeds)")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    graph = seeds_graph(a.graph)
    before = list(os.getloadavg())
    times = time_cli(graph, a.runs)
    parts = split(graph)
    after = list(os.getloadavg())
    med = statistics.median(times)
    report = {"graph": str(graph), "runs": a.runs, "median_s": round(med, 3),
              "min_s": round(min(times), 3), "max_s": round(max(times), 3), "in_process": parts,
              "loadavg_before": [round(x, 2) for x in before], "loadavg_after": [round(x, 2) for x in after],
              "goal_s": GOAL_S, "cpus": os.cpu_count()}
    (OUT / "validate_bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"kg validate {graph.name} ({parts['triples']} triples): median {med:.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}) over {a.runs} runs; goal < {GOAL_S:.0f} s: "
          f"{'met' if med < GOAL_S else 'NOT met'}")
    print(f"in one process: imports {parts['import_s']:.2f} s, parse {parts['parse_s']:.2f} s, "
          f"SHACL {parts['shacl_s']:.2f} s; load average {report['loadavg_before']} -> {report['loadavg_after']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
