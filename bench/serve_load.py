"""Load bench of ``kg serve``: start-up time, memory, and latency under concurrent clients.

Starts ``kg serve --graph GRAPH`` on 127.0.0.1 (never another address), waits
for its first answer, then runs CLIENTS concurrent clients for at most
DURATION seconds and at most REQUESTS requests in all; each client keeps one
HTTP/1.1 connection and sends the library queries one after the other
(starting at a different one per client), as a researcher's tool would. Then
it stops the server. Bounded in time and count; it stops by itself.

    .venv/bin/python bench/serve_load.py --graph bench/out/big.oxigraph [--clients 50]
        [--duration 60] [--requests 20000] [--cache-mb 256] [--no-load] [--out bench/out/serve_load.json]

Reported: seconds to the first answer; memory of the server and its workers
after start-up and after the load (RSS summed, and PSS, which counts pages the
processes share once); per request latency p50/p95/p99/max and per query p95;
throughput; HTTP errors; the load average before and after. ``--no-load``
measures only start-up and memory (for comparing a graph file with a store).
Not a timed test.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import library  # noqa: E402

OUT = ROOT / "bench" / "out"
HOST = "127.0.0.1"
# values for the library's required parameters (names that the bench corpus has)
PARAMS = {"entity-facts": {"name": "Interflex"}, "entity-documents": {"name": "Interflex"}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def memory(pid: int) -> dict:
    """RSS and PSS (MB) summed over the server process tree."""
    rss = pss = 0
    procs = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
            procs += 1
        except OSError:
            pass
    return {"rss_mb": round(rss / 1024, 1), "pss_mb": round(pss / 1024, 1), "processes": procs}


def body(query: str, params: dict) -> bytes:
    return urllib.parse.urlencode({"query": query, **{f"param.{k}": v for k, v in params.items()}}).encode()


def request(conn: http.client.HTTPConnection, data: bytes) -> tuple[int, int]:
    conn.request("POST", "/sparql", data, {"Content-Type": "application/x-www-form-urlencoded",
                                           "Accept": "application/sparql-results+json"})
    r = conn.getresponse()
    payload = r.read()
    return r.status, len(payload)


def wait_ready(port: int, proc: subprocess.Popen, limit: float) -> float:
    t0 = time.monotonic()
    data = body("ASK { ?s ?p ?o }", {})
    while time.monotonic() - t0 < limit:
        if proc.poll() is not None:
            raise SystemExit(f"kg serve exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            status, _ = request(conn, data)
            conn.close()
            if status == 200:
                return time.monotonic() - t0
        except OSError:
            time.sleep(0.05)
    raise SystemExit("kg serve did not answer in time")


def run_load(port: int, work: list[tuple[str, bytes]], clients: int, duration: float, limit: int) -> dict:
    lock = threading.Lock()
    results: list[tuple[str, float, int]] = []
    count = [0]
    stop = time.monotonic() + duration

    def client(i: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        k = i
        while time.monotonic() < stop:
            with lock:
                if count[0] >= limit:
                    break
                count[0] += 1
            name, data = work[k % len(work)]
            k += 1
            t0 = time.perf_counter()
            try:
                status, _ = request(conn, data)
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
            dt = time.perf_counter() - t0
            with lock:
                results.append((name, dt, status))
        conn.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + 120)
    wall = time.monotonic() - t0
    lat = sorted(dt for _n, dt, _s in results)

    def pct(xs, q):
        return round(1000 * xs[min(len(xs) - 1, int(q * len(xs)))], 1) if xs else None

    per_query = {}
    for name in sorted({n for n, _d, _s in results}):
        xs = sorted(dt for n, dt, _s in results if n == name)
        per_query[name] = {"n": len(xs), "p50_ms": pct(xs, 0.5), "p95_ms": pct(xs, 0.95)}
    return {"clients": clients, "requests": len(results), "seconds": round(wall, 2),
            "per_second": round(len(results) / wall, 1) if wall else None,
            "errors": sum(1 for _n, _d, s in results if s != 200),
            "p50_ms": pct(lat, 0.5), "p95_ms": pct(lat, 0.95), "p99_ms": pct(lat, 0.99),
            "max_ms": pct(lat, 1.0), "per_query": per_query}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--graph", default=str(OUT / "big.oxigraph"), help="store folder or graph file to serve")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load at most (default 60)")
    ap.add_argument("--requests", type=int, default=20000, help="requests in all at most (default 20000)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cache-mb", type=float, default=256, help="the server's answer cache (0: none)")
    ap.add_argument("--no-load", action="store_true", help="only start-up time and memory")
    ap.add_argument("--start-limit", type=float, default=900.0, help="seconds to wait for the first answer")
    ap.add_argument("--code", metavar="DIR", help="run the kg of another checkout (e.g. /work/main, for the "
                                                   "figures before this work; its serve takes no --workers/--cache-mb)")
    ap.add_argument("--out", default=str(OUT / "serve_load.json"))
    args = ap.parse_args(argv)

    port = free_port()
    cmd = [sys.executable, "-m", "kg", "serve", "--graph", str(Path(args.graph).resolve()), "--host", HOST,
           "--port", str(port), "--timeout", "30"]
    if not args.code:
        cmd += ["--workers", str(args.workers), "--cache-mb", str(args.cache_mb)]
    report: dict = {"graph": args.graph, "cache_mb": args.cache_mb, "workers": args.workers,
                    "code": args.code or str(ROOT), "load_before": os.getloadavg()}
    proc = subprocess.Popen(cmd, cwd=args.code or ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        report["first_answer_s"] = round(wait_ready(port, proc, args.start_limit), 2)
        time.sleep(1.0)
        report["memory_after_start"] = memory(proc.pid)
        if not args.no_load:
            work = [(q.name, body(q.text, PARAMS.get(q.name, {}))) for q in library().values()]
            # one pass of every query first (each worker's first run of a query reads the disk)
            conn = http.client.HTTPConnection(HOST, port, timeout=120)
            first = {}
            for name, data in work:
                t0 = time.perf_counter()
                status, size = request(conn, data)
                first[name] = {"status": status, "ms": round(1000 * (time.perf_counter() - t0), 1), "bytes": size}
            conn.close()
            report["first_pass"] = first
            report["load"] = run_load(port, work, args.clients, args.duration, args.requests)
            report["memory_after_load"] = memory(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
    report["load_after"] = os.getloadavg()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    load = report.get("load", {})
    print(f"graph {args.graph}: first answer after {report['first_answer_s']} s; memory after start "
          f"{report['memory_after_start']}")
    if load:
        print(f"{load['clients']} clients: {load['requests']} requests in {load['seconds']} s "
              f"({load['per_second']}/s), errors {load['errors']}, p50 {load['p50_ms']} ms, "
              f"p95 {load['p95_ms']} ms, p99 {load['p99_ms']} ms, max {load['max_ms']} ms")
        print(f"memory after load {report['memory_after_load']}")
        for name, q in load["per_query"].items():
            print(f"  {name:24s} n={q['n']:5d} p50 {q['p50_ms']:7.1f} ms  p95 {q['p95_ms']:7.1f} ms  "
                  f"first {report['first_pass'][name]['ms']} ms")
    print(f"load average before {report['load_before']}, after {report['load_after']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
