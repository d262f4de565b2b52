"""One-off ``kg query`` on an on-disk store against the same build as TriG, at ~1M triples.

    .venv/bin/python bench/store_bench.py [--store bench/out/big.oxigraph] [--trig bench/out/big.trig]
        [--cli class-counts,ministers,offices-by-letter,document-meetings] [--skip-rows]

1. Same rows: every library query runs on both (the TriG loaded once, in this
   process), and their rows are compared as sorted lists (COUNTs included).
2. One-off: ``kg query NAME --graph G --format csv`` as a fresh process, wall
   time and output bytes, for the ``--cli`` queries on both (the TriG run
   reloads the file every time, which is what the store saves).

Prints a table and writes ``bench/out/store_bench.json``. Not a timed test.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"
PARAMS = {"entity-facts": ["name=Interflex"], "entity-documents": ["name=Interflex"]}


def same_rows(store: Path, trig: Path) -> dict:
    from kg.query import library, parse_params, run
    from kg.store import open_store

    t0 = time.perf_counter()
    a = open_store(store)
    open_store_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    b = open_store(trig)
    open_trig_s = time.perf_counter() - t0
    out = {"open_store_s": round(open_store_s, 3), "load_trig_s": round(open_trig_s, 1), "queries": {}}
    for name, q in library().items():
        params = parse_params(PARAMS.get(name, []))
        t0 = time.perf_counter()
        ra = run(a, q.text, params, q)
        ta = time.perf_counter() - t0
        t0 = time.perf_counter()
        rb = run(b, q.text, params, q)
        tb = time.perf_counter() - t0
        same = (ra.boolean == rb.boolean and ra.truncated == rb.truncated
                and sorted(map(repr, ra.rows)) == sorted(map(repr, rb.rows)))
        out["queries"][name] = {"rows": len(ra.rows), "same": same,
                                "store_ms": round(1000 * ta, 1), "trig_ms": round(1000 * tb, 1)}
    return out


def one_off(graph: Path, name: str) -> dict:
    cmd = [sys.executable, "-m", "kg", "query", name, "--graph", str(graph), "--format", "csv",
           *[x for p in PARAMS.get(name, []) for x in ("--param", p)]]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True)
    wall = time.perf_counter() - t0
    return {"seconds": round(wall, 2), "exit": proc.returncode, "bytes": len(proc.stdout),
            "output": proc.stdout}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", default=str(OUT / "big.oxigraph"))
    ap.add_argument("--trig", default=str(OUT / "big.trig"))
    ap.add_argument("--cli", default="class-counts,ministers,offices-by-letter,document-meetings")
    ap.add_argument("--skip-rows", action="store_true", help="only the one-off runs")
    ap.add_argument("--out", default=str(OUT / "store_bench.json"))
    args = ap.parse_args(argv)
    store, trig = Path(args.store), Path(args.trig)
    report: dict = {"store": str(store), "trig": str(trig), "load_before": os.getloadavg()}
    if not args.skip_rows:
        report["rows"] = same_rows(store, trig)
        r = report["rows"]
        print(f"store opened in {r['open_store_s']} s; TriG loaded in {r['load_trig_s']} s")
        for name, q in r["queries"].items():
            print(f"  {name:24s} rows {q['rows']:6d}  {'same' if q['same'] else 'DIFFERENT'}  "
                  f"store {q['store_ms']:8.1f} ms  trig {q['trig_ms']:8.1f} ms")
    report["one_off"] = {}
    for name in [n for n in args.cli.split(",") if n]:
        s, t = one_off(store, name), one_off(trig, name)
        report["one_off"][name] = {"store_s": s["seconds"], "trig_s": t["seconds"],
                                   "speed_up": round(t["seconds"] / s["seconds"], 1),
                                   "same_output": s["output"] == t["output"] and s["exit"] == t["exit"] == 0,
                                   "bytes": s["bytes"]}
        o = report["one_off"][name]
        print(f"kg query {name}: store {o['store_s']} s, TriG {o['trig_s']} s, x{o['speed_up']}, "
              f"same output: {o['same_output']}")
    report["load_after"] = os.getloadavg()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"load average before {report['load_before']}, after {report['load_after']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
