"""Time ``kg viz`` on the seeds graph and on a graph N times larger (default 100).

    .venv/bin/python bench/viz_bench.py [--graph seeds.trig] [--copies 100] [--out bench/out]

Without ``--graph`` the seeds are built first (``kg build seeds``). The large
graph is the seeds graph repeated with renamed documents, people and events
but shared countries, organisations and places (kg/viz/synthetic.py).
Prints one line per graph (wall and CPU seconds per step: on a shared machine
the CPU time is the stable number) and writes ``viz_bench.json`` into ``--out``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.gcutil import collector_paused  # noqa: E402
from kg.viz.pages import write_site  # noqa: E402
from kg.viz.project import annotate, load_labels, project, read_quads  # noqa: E402
from kg.viz.synthetic import scale_file  # noqa: E402


def timed(fn, *args):
    """Run ``fn`` as ``kg viz`` does (collector paused); wall and CPU seconds."""
    start, cpu = time.perf_counter(), time.process_time()
    with collector_paused():
        result = fn(*args)
    return result, (round(time.perf_counter() - start, 2), round(time.process_time() - cpu, 2))


def run(graph: Path, site: Path) -> dict:
    """Parse, project, annotate and write the site for one graph file; seconds per step."""
    quads, t_parse = timed(read_quads, graph)
    G, t_project = timed(project, quads, load_labels("nl"))
    _, t_annotate = timed(annotate, G)
    if site.exists():
        shutil.rmtree(site)
    _, t_pages = timed(write_site, G, site, "nl")
    files = sum(1 for _ in site.rglob("*.html"))
    return {"graph": str(graph), "quads": len(quads),
            "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "pages": files,
            "parse_s": t_parse, "project_s": t_project, "annotate_s": t_annotate, "pages_s": t_pages,
            "site_mb": round(sum(p.stat().st_size for p in site.rglob("*")) / 1e6, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, help="graph file (default: build the seeds)")
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    graph = args.graph
    if graph is None:
        from kg.cli import main as kg

        graph = args.out / "seeds.trig"
        if kg(["build", str(ROOT / "seeds"), "-o", str(graph), "-q"]) not in (0, 1):
            print("kg build seeds failed", file=sys.stderr)
            return 2
    big, t_scale = timed(scale_file, graph, args.out / f"seeds-x{args.copies}.nq", args.copies)
    results = [run(graph, args.out / "site-seeds"), run(big, args.out / f"site-x{args.copies}")]
    results[1]["scale_s"] = t_scale
    for r in results:
        print(f"{Path(r['graph']).name}: {r['quads']} quads, {r['nodes']} nodes, {r['edges']} edges, "
              f"{r['pages']} pages ({r['site_mb']} MB) | seconds wall/cpu: "
              + ", ".join(f"{k} {r[k + '_s'][0]}/{r[k + '_s'][1]}" for k in ("parse", "project", "annotate", "pages")))
    (args.out / "viz_bench.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
