"""Peak memory of ``kg build`` on a 50 MB Dutch text file (issue 7, "Limits").

Usage: ``.venv/bin/python bench/memory_50mb.py [--size-mb 50] [--jobs 1] [--keep DIR]``

Writes the file (the fictional letter of ``tests/badinputs.py`` repeated) into
a temporary folder, runs ``kg build FILE -o out.ttl --max-size <size+10>`` as
a subprocess and prints its peak resident set size (the kernel's maxrss for
the build and the workers it waited for, and the largest sum over the process
tree sampled every 0.5 s), the wall time, the exit status and the output size.
Also runs the default-limit case (the file skipped by ``--max-size 20``) to
show that refusing a large file does not read it into memory.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from badinputs import kg_cmd, kg_env, write_big_file  # noqa: E402


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids += [int(x) for x in (task / "children").read_text().split()]
    except OSError:
        pass
    return kids


def _tree_rss_kb(root: int) -> int:
    """Sum of VmRSS (kB) of ``root`` and its descendants (from /proc, cheaply)."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kb(pid)
        todo.extend(_children(pid))
    return total


def measure(args: list[str], timeout: float) -> dict:
    """Run ``kg ARGS``; return exit status, wall seconds, peak RSS (MB), stderr tail."""
    t0 = time.perf_counter()
    p = subprocess.Popen(kg_cmd(*args), cwd=REPO, env=kg_env(), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, errors="replace")
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(p.pid))
            stop.wait(0.5)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    err_chunks: list[str] = []
    reader = threading.Thread(target=lambda: err_chunks.append(p.stderr.read()), daemon=True)
    reader.start()
    try:
        _, status, usage = os.wait4(p.pid, 0)
    except ChildProcessError:
        status, usage = 0, None
    p.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    th.join()
    reader.join(timeout=5)
    seconds = time.perf_counter() - t0
    if seconds > timeout:
        print(f"warning: took {seconds:.0f}s (> {timeout:.0f}s)", file=sys.stderr)
    return {"exit": p.returncode, "seconds": seconds,
            "maxrss_mb": (usage.ru_maxrss / 1024) if usage else float("nan"),
            "sampled_tree_mb": peak[0] / 1024,
            "stderr": "".join(err_chunks).strip().splitlines()[-4:]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=50.0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep the files")
    a = ap.parse_args()
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="kg-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    big = write_big_file(work / "groot.txt", int(a.size_mb * 1024 * 1024))
    mb = big.stat().st_size / 1e6
    print(f"input: {big} ({mb:.1f} MB)")

    if mb > 20:  # the default limit refuses it: how much memory does refusing cost?
        skip = measure(["build", str(big), "-o", str(work / "skip.ttl")], 120)
        print(f"default --max-size 20: exit {skip['exit']}, {skip['seconds']:.1f} s, "
              f"peak RSS {skip['maxrss_mb']:.0f} MB (sampled tree {skip['sampled_tree_mb']:.0f} MB)")
        for line in skip["stderr"]:
            print("   ", line)

    out = work / "out.ttl"
    res = measure(["build", str(big), "-o", str(out), "--max-size", str(int(mb) + 10),
                   "--jobs", str(a.jobs)], a.timeout)
    print(f"--max-size {int(mb) + 10}: exit {res['exit']}, {res['seconds']:.1f} s, "
          f"peak RSS {res['maxrss_mb']:.0f} MB (sampled tree {res['sampled_tree_mb']:.0f} MB), "
          f"output {out.stat().st_size / 1e6 if out.exists() else 0:.1f} MB")
    for line in res["stderr"]:
        print("   ", line)
    if not a.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0 if res["exit"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
