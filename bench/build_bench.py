"""Build benchmark: how fast ``kg build`` runs and how it grows with the corpus.

    .venv/bin/python bench/build_bench.py                 # 10, 100, 1000 documents
    .venv/bin/python bench/build_bench.py --sizes 10,100  # quick run

For each size it generates a deterministic corpus (``bench/corpus.py``), builds
it with the real CLI in a child process and records words, seconds, words per
second (after start-up), peak memory, triples, and the time split by stage.
On the largest size it also compares ``--jobs 2`` with ``--jobs 1`` and times an
incremental build (one document added to a cached build). It writes
``bench/out/build_bench.json`` and prints a table. See ``bench/README.md``.

The ``--jobs 1`` builds run through ``bench/timed_build.py``: the real CLI in
one process with a stopwatch on each stage function (ingest, clean, NLP,
relations, resolution, RDF, serialisation, assembly), so the split is that of
the build itself. The code under test is a frozen copy of ``kg/`` and ``ontology/``
(``bench/out/snapshot``), so edits made during a run do not mix versions.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
sys.path.insert(1, os.environ.get("NAVO_KG_CODE", str(ROOT)))  # the code under test

TARGETS = {
    "help_seconds": 0.5,          # kg --help
    "startup_seconds": 2.0,       # kg build of one small document
    "words_per_second_per_core": 50_000,
    "jobs2_speedup": 1.7,         # --jobs 2 vs --jobs 1 on 1,000 documents
}
SMALL_DOC = """Tweede Kamer der Staten-Generaal

Den Haag, 14 januari 2031

Hierbij bied ik u het verslag aan van de NAVO-bijeenkomst van ministers van
Defensie op 8 en 9 januari 2031 in Brussel. Noorwegen kondigde een bijdrage
van EUR 20 miljoen aan.

De minister van Defensie,
P.R. Hoekman
"""


# --------------------------------------------------------------------------- running children

# Where the code under test lives: the working tree (``--no-snapshot``), or a
# frozen copy of it (the default) so edits made while the bench runs do not mix
# versions between sizes or invalidate the extraction cache half-way.
CODE = ROOT


def snapshot() -> Path:
    """Copy kg/, ontology/ and the bench's build wrappers to bench/out/snapshot; return it."""
    dst = OUT / "snapshot"
    shutil.rmtree(dst, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("kg", "ontology"):
        shutil.copytree(ROOT / name, dst / name, ignore=ignore)
    (dst / "bench").mkdir()
    for name in ("cached_build.py", "timed_build.py"):
        shutil.copy(HERE / name, dst / "bench" / name)
    return dst


def kg_command() -> list[str]:
    """``python -m kg`` run from CODE (the snapshot or the working tree)."""
    return [sys.executable, "-m", "kg"]


def cached_kg_command() -> list[str]:
    """``kg`` with the extraction cache wired in (bench/cached_build.py)."""
    return [sys.executable, str(CODE / "bench" / "cached_build.py")]


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [root]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * page
        except (OSError, ValueError, IndexError):
            pass
        todo.extend(children.get(pid, ()))
    return total


def run(cmd: list[str], sample: bool = True, env: dict | None = None) -> dict:
    """Run ``cmd``; wall seconds, exit code, peak RSS of its largest process
    (``wait4`` rusage) and peak RSS summed over its process tree (sampled)."""
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(CODE), "NAVO_KG_CODE": str(CODE), **(env or {})}
    proc = subprocess.Popen(cmd, cwd=CODE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak = [0]
    stop = threading.Event()

    def sampler():
        while not stop.wait(0.5):  # a /proc scan costs CPU: twice a second is enough
            peak[0] = max(peak[0], _tree_rss(proc.pid))

    th = threading.Thread(target=sampler, daemon=True)
    if sample and sys.platform.startswith("linux"):
        th.start()
    out, err = proc.communicate()  # reaps via wait4 inside; rusage read below instead
    seconds = time.perf_counter() - t0
    stop.set()
    return {"seconds": seconds, "returncode": proc.returncode,
            "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace"),
            "tree_peak_mb": peak[0] / 2**20 or None}


def run_measured(cmd: list[str], env: dict | None = None) -> dict:
    """``run`` plus the largest process's peak RSS, via a wrapper that reports
    ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of just this one command."""
    wrapper = [sys.executable, "-c",
               "import resource,subprocess,sys,json;"
               "r=subprocess.call(sys.argv[1:]);"
               "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
               "print(json.dumps([u.ru_maxrss,u.ru_utime+u.ru_stime]),file=sys.stderr);"
               "sys.exit(r)", *cmd]
    res = run(wrapper, env=env)
    lines = res["stderr"].rstrip().splitlines()
    try:
        maxrss, cpu = json.loads(lines[-1])
        res["peak_rss_mb"] = maxrss / 1024  # ru_maxrss is in KiB on Linux
        res["cpu_seconds"] = cpu  # user + system, all processes of the build
        res["stderr"] = "\n".join(lines[:-1])
    except (IndexError, ValueError, TypeError):
        res["peak_rss_mb"] = res["cpu_seconds"] = None
    return res


def count_triples(path: Path) -> int | None:
    """Quads in the written graph file (Oxigraph's parser), None if unreadable."""
    try:
        import pyoxigraph as ox

        return sum(1 for _ in ox.parse(path=str(path)))
    except Exception:  # noqa: BLE001  a failed build: reported as missing, not a crash
        return None


def build(corpus: Path, out: Path, jobs: int = 1, cache: Path | None = None,
          extra: list[str] | None = None, command: list[str] | None = None, env: dict | None = None) -> dict:
    """One ``kg build`` of ``corpus`` into ``out``; the measurements."""
    if out.exists():
        out.unlink()
    cmd = [*(command or kg_command()), "build", str(corpus), "-o", str(out), "--jobs", str(jobs), "-q"]
    if cache is not None:
        cmd += ["--cache", str(cache)]
    res = run_measured(cmd + (extra or []), env=env)
    res["ok"] = res["returncode"] in (0, 1) and out.exists()
    res["triples"] = count_triples(out) if res["ok"] else None
    if not res["ok"]:
        print(f"  build failed (exit {res['returncode']}): {res['stderr'].strip()[-400:]}", file=sys.stderr)
    return res


# --------------------------------------------------------------------------- stages

STAGES = ("ingest", "clean", "nlp", "relations", "resolution", "rdf", "serialisation", "assembly")
# Stages that run per document, in the workers with --jobs N (the rest -- start-up,
# resolution, assembly and the write -- runs once, in the parent).
PER_DOCUMENT = ("ingest", "clean", "nlp", "relations", "rdf", "serialisation")


def timed_kg_command() -> list[str]:
    """``kg`` with a stopwatch on each stage (bench/timed_build.py)."""
    return [sys.executable, str(CODE / "bench" / "timed_build.py")]


def profile_build(corpus: Path, out: Path) -> Path:
    """cProfile one --jobs 1 build of ``corpus``; the 40 costliest functions to a text file."""
    prof = out.with_suffix(".prof")
    # CPU-time profiler, so other work on the machine does not inflate the figures.
    script = ("import cProfile, runpy, sys, time\n"
              "p = cProfile.Profile(time.process_time)\n"
              "sys.argv = sys.argv[1:]\n"
              "try:\n    p.runcall(runpy.run_path, sys.argv[0], run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              f"p.dump_stats({str(prof)!r})\n")
    run([sys.executable, "-c", script, *timed_kg_command()[1:],
         "build", str(corpus), "-o", str(OUT / "tmp" / "profiled.trig"), "-q"], sample=False)
    import io
    import pstats

    s = io.StringIO()
    st = pstats.Stats(str(prof), stream=s)
    st.sort_stats("cumulative").print_stats(40)
    st.sort_stats("tottime").print_stats(25)
    out.write_text(s.getvalue(), encoding="utf-8")
    return out


# --------------------------------------------------------------------------- the bench

def startup_times(tmp: Path, repeat: int) -> dict:
    """Median wall and CPU time of ``kg --help`` and of a build of one small document."""
    doc_dir = tmp / "one"
    doc_dir.mkdir(parents=True, exist_ok=True)
    (doc_dir / "20310114_verslag.txt").write_text(SMALL_DOC, encoding="utf-8")
    helps, builds = [], []
    ok = True
    for _ in range(repeat):
        helps.append(run_measured([*kg_command(), "--help"]))
        r = run_measured([*kg_command(), "build", str(doc_dir), "-o", str(tmp / "one.trig"), "-q"])
        ok = ok and r["returncode"] in (0, 1)
        builds.append(r)

    def med(rs, key):
        vals = [r[key] for r in rs if r.get(key) is not None]
        return statistics.median(vals) if vals else None

    return {"help_seconds": med(helps, "seconds"), "help_cpu_seconds": med(helps, "cpu_seconds"),
            "build_one_doc_seconds": med(builds, "seconds"),
            "build_one_doc_cpu_seconds": med(builds, "cpu_seconds"), "build_one_doc_ok": ok,
            "load_average": os.getloadavg()[0]}


STEPS = ("startup", "sizes", "jobs", "incremental", "profile")


def bench(sizes: list[int], steps: set[str], repeat: int, unchanged: bool = False,
          save=lambda result: None) -> dict:
    """Run the chosen steps; ``save(result)`` is called after each one."""
    import corpus as corpus_mod

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "tmp").mkdir(exist_ok=True)
    result: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "kg": " ".join(kg_command())},
        "targets": TARGETS,
        "sizes": [],
    }
    folders = {n: OUT / f"corpus-{n}" for n in sizes}
    words_of = {n: corpus_mod.count_words(corpus_mod.generate(n, folders[n])) for n in sizes}
    if "startup" in steps:
        result["startup"] = startup_times(OUT / "tmp", repeat)
        print(f"kg --help {result['startup']['help_seconds']:.2f} s; build of one document "
              f"{result['startup']['build_one_doc_seconds']:.2f} s", file=sys.stderr)
        save(result)
    for n in sizes if "sizes" in steps else ():
        print(f"{n} documents ({words_of[n]} words): building with --jobs 1 ...", file=sys.stderr)
        split_file = OUT / "tmp" / f"stages-{n}.json"
        split_file.unlink(missing_ok=True)
        r = build(folders[n], OUT / f"build-{n}.trig", jobs=1, command=timed_kg_command(),
                  env={"NAVO_KG_STAGES_OUT": str(split_file)})
        row = {"documents": n, "words": words_of[n], "seconds": r["seconds"], "ok": r["ok"],
               "cpu_seconds": r["cpu_seconds"], "peak_rss_mb": r["peak_rss_mb"],
               "tree_peak_mb": r["tree_peak_mb"], "load_average": os.getloadavg()[0],
               "triples": r["triples"]}
        try:
            row["stage_split"] = json.loads(split_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            row["stage_split"] = {}
        result["sizes"].append(row)
        save(result)

    big = max(sizes)
    if "jobs" in steps:
        print(f"{big} documents: building with --jobs 2 ...", file=sys.stderr)
        r2 = build(folders[big], OUT / f"build-{big}-jobs2.trig", jobs=2)
        one = OUT / f"build-{big}.trig"
        same_bytes = (one.read_bytes() == (OUT / f"build-{big}-jobs2.trig").read_bytes()
                      if one.exists() and r2["ok"] else None)
        result["jobs"] = {"documents": big, "jobs2_seconds": r2["seconds"], "same_bytes": same_bytes,
                          "jobs2_cpu_seconds": r2["cpu_seconds"], "load_average": os.getloadavg()[0],
                          "jobs2_peak_rss_mb": r2["peak_rss_mb"], "jobs2_tree_peak_mb": r2["tree_peak_mb"],
                          "ok": r2["ok"], "jobs2_triples": r2["triples"]}
        save(result)
    if "incremental" in steps:
        result["incremental"] = incremental_build(folders[big], big, unchanged)
        save(result)
    if "profile" in steps:
        n = 100 if 100 in sizes else min(sizes)
        result["profile"] = str(profile_build(folders[n], OUT / f"profile-{n}.txt"))
        save(result)
    return derive(result)


def derive(result: dict) -> dict:
    """Figures computed from the measurements (also after merging partial runs)."""
    st = result.get("startup") or {}
    start, start_cpu = st.get("build_one_doc_seconds") or 0.0, st.get("build_one_doc_cpu_seconds") or 0.0
    for row in result.get("sizes", []):
        w = row["words"]
        row["words_per_second"] = w / row["seconds"]
        row["words_per_second_after_startup"] = w / max(row["seconds"] - start, 1e-9)
        row["words_per_cpu_second_after_startup"] = \
            w / max(row["cpu_seconds"] - start_cpu, 1e-9) if row.get("cpu_seconds") else None
        cpu = (row.get("stage_split") or {}).get("cpu") or {}
        per_doc = sum(cpu.get(k, 0.0) for k in ("ingest", "clean", "nlp", "relations"))
        row["words_per_cpu_second_document_stages"] = w / per_doc if per_doc else None
    by_n = {row["documents"]: row for row in result.get("sizes", [])}
    big = max(by_n, default=0)
    small = 100 if 100 in by_n and big > 100 else min(by_n, default=0)
    if big > small:  # ratio_1000_100 in a full run; the largest size against 100 otherwise
        a, b = by_n[big], by_n[small]
        result[f"ratio_{big}_{small}"] = {
            "documents": big / small,
            "seconds": a["seconds"] / b["seconds"],
            "seconds_after_startup": (a["seconds"] - start) / max(b["seconds"] - start, 1e-9),
            "cpu_seconds": (a["cpu_seconds"] or 0) / (b["cpu_seconds"] or 1),
            "cpu_seconds_after_startup": ((a["cpu_seconds"] or 0) - start_cpu) / max((b["cpu_seconds"] or 1) - start_cpu, 1e-9),
            "peak_rss": (a["peak_rss_mb"] or 0) / (b["peak_rss_mb"] or 1),
            "triples": (a["triples"] or 0) / (b["triples"] or 1),
        }
    j = result.get("jobs")
    if j and j["documents"] in by_n:
        one = by_n[j["documents"]]
        j["jobs1_seconds"] = one["seconds"]
        j["jobs1_cpu_seconds"] = one["cpu_seconds"]
        j["speedup"] = one["seconds"] / j["jobs2_seconds"]
        j["same_triples"] = j.get("jobs2_triples") == one["triples"]
        j["amdahl_bound"] = amdahl_bound(one)
    return result


def merge(results: list[dict]) -> dict:
    """One result from partial runs (``--steps``): later files add to earlier ones."""
    out: dict = {"sizes": []}
    for r in results:
        for k, v in r.items():
            if k == "sizes":
                have = {row["documents"] for row in v}
                out["sizes"] = sorted([row for row in out["sizes"] if row["documents"] not in have] + v,
                                      key=lambda row: row["documents"])
            elif v:
                out[k] = v
    return derive(out)


def amdahl_bound(row: dict, workers: int = 2) -> float | None:
    """Best speed-up ``workers`` processes could give this build, from its CPU split:
    per-document stages (ingest, clean, NLP, relations, and each document's RDF
    and serialisation) divide by ``workers``; start-up, resolution, assembly
    and the write stay serial in the parent."""
    cpu = (row.get("stage_split") or {}).get("cpu") or {}
    total = row.get("cpu_seconds")
    parallel = sum(cpu.get(k, 0.0) for k in PER_DOCUMENT)
    if not total or not parallel:
        return None
    return total / (total - parallel + parallel / workers)


def incremental_build(folder: Path, n: int, unchanged: bool = False) -> dict:
    """Fill a cache with a build of ``folder``, add one document, rebuild."""
    import corpus as corpus_mod

    wired = "kg.cache" in (CODE / "kg" / "build.py").read_text(encoding="utf-8")
    command = kg_command() if wired else cached_kg_command()
    cache = OUT / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    # A copy of the corpus, so a document can be added while other runs read the original.
    inc_folder = OUT / f"corpus-{n}-incremental"
    shutil.rmtree(inc_folder, ignore_errors=True)
    shutil.copytree(folder, inc_folder)
    folder = inc_folder
    print(f"{n} documents: cold build with --cache ...", file=sys.stderr)
    cold = build(folder, OUT / f"build-{n}-cached.trig", jobs=2, cache=cache, command=command)
    entries = sum(1 for _ in cache.rglob("*.pickle")) if cache.exists() else 0
    warm = build(folder, OUT / f"build-{n}-cached.trig", jobs=1, cache=cache, command=command) \
        if unchanged else None
    # One more document, made the same way as the corpus (index n).
    extra = OUT / "tmp" / "extra"
    corpus_mod.generate(n + 1, extra)
    added = sorted(extra.glob("*.txt"))[-1]
    shutil.copy(added, folder / added.name)
    try:
        print(f"{n} documents + 1: incremental build ...", file=sys.stderr)
        inc = build(folder, OUT / f"build-{n}-cached.trig", jobs=1, cache=cache, command=command)
        entries_after = sum(1 for _ in cache.rglob("*.pickle")) if cache.exists() else 0
    finally:
        (folder / added.name).unlink()
    return {"documents": n, "via": "kg build --cache" if wired else "bench/cached_build.py (proposed wiring)",
            "cold_with_cache_jobs2_seconds": cold["seconds"],
            "unchanged_rebuild_seconds": warm["seconds"] if warm else None,
            "add_one_seconds": inc["seconds"], "add_one_cpu_seconds": inc["cpu_seconds"],
            "add_one_peak_rss_mb": inc["peak_rss_mb"],
            "cache_entries": entries, "cache_entries_after_add": entries_after,
            "ok": cold["ok"] and inc["ok"] and (warm is None or warm["ok"]), "triples_after_add": inc["triples"]}


# --------------------------------------------------------------------------- report

def _f(x, fmt="{:.2f}"):
    return "-" if x is None else fmt.format(x)


def table(result: dict) -> str:
    """The human-readable summary."""
    st = result.get("startup")
    lines = [f"kg --help: {st['help_seconds']:.2f} s wall, {_f(st['help_cpu_seconds'])} s CPU "
             f"(target < {TARGETS['help_seconds']}); build of one document: {st['build_one_doc_seconds']:.2f} s wall, "
             f"{_f(st['build_one_doc_cpu_seconds'])} s CPU (target < {TARGETS['startup_seconds']}); "
             f"load average {st['load_average']:.1f}" if st else "(start-up not measured)",
             "",
             f"{'docs':>5} {'words':>8} {'wall s':>7} {'CPU s':>7} {'words/s':>7} {'w/cpu*':>7} "
             f"{'peakMB':>6} {'triples':>8} | " + " ".join(f"{s[:8]:>8}" for s in STAGES)]
    for row in result["sizes"]:
        split = row.get("stage_split", {}).get("cpu") or {}
        lines.append(f"{row['documents']:>5} {row['words']:>8} {row['seconds']:>7.1f} {_f(row['cpu_seconds'], '{:.1f}'):>7} "
                     f"{row['words_per_second']:>7.0f} {_f(row['words_per_cpu_second_after_startup'], '{:.0f}'):>7} "
                     f"{_f(row['peak_rss_mb'], '{:.0f}'):>6} {_f(row['triples'], '{}'):>8} | "
                     + " ".join(f"{_f(split.get(s)):>8}" for s in STAGES))
    lines.append("(words/s = words / wall seconds; w/cpu* = words per CPU second after start-up (one-document "
                 "build subtracted);\n stage columns: CPU seconds inside the same --jobs 1 build; load average: "
                 + ", ".join(f"{r['load_average']:.1f}" for r in result["sizes"]) + ")")
    for key in sorted(k for k in result if k.startswith("ratio_")):
        r, (big, small) = result[key], key.split("_")[1:]
        lines.append(f"{big}/{small} documents (x{r['documents']:.0f}): wall time x{r['seconds']:.1f}, "
                     f"CPU x{r['cpu_seconds']:.2f} (after start-up x{r['cpu_seconds_after_startup']:.2f}), "
                     f"peak memory x{r['peak_rss']:.2f}, triples x{r['triples']:.2f}")
    if "jobs" in result:
        j = result["jobs"]
        lines.append(f"--jobs 2 on {j['documents']} docs: {j['jobs2_seconds']:.1f} s vs {_f(j.get('jobs1_seconds'), '{:.1f}')} s "
                     f"= x{_f(j.get('speedup'))} (target x{TARGETS['jobs2_speedup']}; at most x{_f(j.get('amdahl_bound'))} "
                     f"with start-up, resolution and assembly serial); same triples: {j.get('same_triples')}, "
                     f"same bytes: {j.get('same_bytes')}; "
                     f"load average {j['load_average']:.1f}")
    if "incremental" in result:
        i = result["incremental"]
        lines.append(f"incremental on {i['documents']} docs ({i['via']}): cold --jobs 2 with cache "
                     f"{i['cold_with_cache_jobs2_seconds']:.1f} s, unchanged rebuild {_f(i['unchanged_rebuild_seconds'], '{:.1f}')} s, "
                     f"one document added {i['add_one_seconds']:.1f} s wall, {_f(i['add_one_cpu_seconds'], '{:.1f}')} s CPU; cache entries {i['cache_entries']} -> "
                     f"{i['cache_entries_after_add']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,100,1000", help="corpus sizes (default 10,100,1000)")
    ap.add_argument("--steps", default="startup,sizes,jobs,incremental",
                    help=f"what to run, from {','.join(STEPS)} (default all but profile)")
    ap.add_argument("--no-jobs", action="store_true", help="skip the --jobs 2 comparison")
    ap.add_argument("--no-incremental", action="store_true", help="skip the incremental build")
    ap.add_argument("--unchanged", action="store_true", help="also time a cached rebuild with nothing changed")
    ap.add_argument("--profile", action="store_true",
                    help="also cProfile a --jobs 1 build of the 100-document corpus -> bench/out/profile-100.txt")
    ap.add_argument("--repeat", type=int, default=5, help="start-up measurements (median; default 5)")
    ap.add_argument("--out", default=str(OUT / "build_bench.json"))
    ap.add_argument("--no-snapshot", action="store_true",
                    help="run the working tree as it changes (default: a frozen copy in bench/out/snapshot)")
    ap.add_argument("--code", metavar="DIR", help="run the code in DIR (e.g. an earlier bench/out/snapshot)")
    ap.add_argument("--report", metavar="JSON[,JSON...]",
                    help="print the table of earlier runs (partial runs are merged) and exit")
    args = ap.parse_args(argv)
    if args.report:
        result = merge([json.loads(Path(f).read_text(encoding="utf-8")) for f in args.report.split(",")])
        if args.out != ap.get_default("out") or len(args.report.split(",")) > 1:
            Path(args.out).write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
        print(table(result))
        return 0
    steps = {s.strip() for s in args.steps.split(",") if s.strip()}
    if unknown := steps - set(STEPS):
        ap.error(f"unknown steps: {', '.join(sorted(unknown))}")
    steps -= {"jobs"} if args.no_jobs else set()
    steps -= {"incremental"} if args.no_incremental else set()
    steps |= {"profile"} if args.profile else set()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    global CODE
    OUT.mkdir(parents=True, exist_ok=True)
    if args.code:
        CODE = Path(args.code).resolve()
    elif not args.no_snapshot:
        CODE = snapshot()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)

    def save(result: dict) -> None:
        out.write_text(json.dumps(derive(result), indent=2, default=str) + "\n", encoding="utf-8")

    result = bench(sizes, steps, args.repeat, args.unchanged, save)
    save(result)
    print(table(result))
    print(f"\nwritten {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
