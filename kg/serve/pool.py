"""Query workers for ``kg serve``: processes that share one on-disk store.

Every worker opens the same ``kg build -o DIR.oxigraph`` store read-only
(``kg.store.OxDiskStore``), so the graph is held once — in the operating
system's page cache — however many workers there are, and a worker starts in
well under a second. A graph *file* is first written into a temporary store
of the same layout by a child process (which then exits, with the memory the
loading took); the workers open that. A query that runs past the time limit is
stopped by killing its worker (Oxigraph cannot interrupt a query) and a fresh
one takes its place within a second.

Workers answer with finished bytes (the result already serialized in the
negotiated format), so nothing large is pickled between processes.
"""
from __future__ import annotations

import multiprocessing as mp
import queue
import shutil
import signal
import tempfile
import threading
from pathlib import Path

from kg.errors import KGError

WORKERS = 2  # the machines have two cores


class QueryTimeout(Exception):
    """The query ran past the time limit and its worker was stopped."""


class Busy(Exception):
    """No worker became free in time."""


# ---------------------------------------------------------------- in the worker

def _worker_main(store_path: str, conn) -> None:
    """Open the store, then answer requests ``(operation, *arguments)`` until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when workers stop
    from kg.serve import entity
    from kg.store import OxDiskStore

    try:
        store = OxDiskStore(Path(store_path))
        conn.send(("ready", store.graphs()))
    except KGError as e:
        conn.send(("error", 500, str(e)))
        return
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        try:
            conn.send(("ok", _answer(store, entity, request)))
        except KGError as e:
            conn.send(("error", getattr(e, "status", 400), str(e)))
        except Exception as e:  # an engine failure on this query: report it, keep serving
            conn.send(("error", 500, f"{type(e).__name__}: {e}"))


def _answer(store, entity, request):
    from rdflib import URIRef

    from kg.serve.formats import answer_query

    op, *args = request
    if op == "query":
        return answer_query(store, *args)
    if op == "labels":
        return {str(k): v for k, v in store.labels(URIRef(i) for i in args[0]).items()}
    if op == "describe":
        return entity.describe(store, args[0])
    if op == "rdf":
        return entity.description_rdf(store, *args)
    if op == "similar":
        return entity.similar(store, *args)
    raise KGError(f"unknown operation {op!r}")


# ---------------------------------------------------------------- in the server

def _convert_main(graph: str, dest: str, conn) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from kg.store import file_to_store

    try:
        file_to_store(Path(graph), Path(dest))
        conn.send(("ok",))
    except KGError as e:
        conn.send(("error", str(e)))
    except Exception as e:  # noqa: BLE001 - reported as one line by the server
        conn.send(("error", f"{type(e).__name__}: {e}"))


def convert_file(graph: Path, dest: Path, timeout: float = 3600.0) -> None:
    """``kg.store.file_to_store`` in a child process, so its memory goes when it is done."""
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_convert_main, args=(str(graph), str(dest), child), daemon=True)
    proc.start()
    child.close()
    try:
        ok = parent.poll(timeout)
        msg = parent.recv() if ok else ("error", "the graph took too long to load")
    except (EOFError, OSError):
        msg = ("error", "loading the graph failed (the loader stopped)")
    finally:
        if proc.is_alive() and not parent.closed:
            proc.join(10)
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if msg[0] != "ok":
        raise KGError(msg[1])


class Worker:
    """One child process with the store open."""

    def __init__(self, store_path: str):
        ctx = mp.get_context("spawn")  # the server has threads: never fork it
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(store_path, child), daemon=True)
        self.proc.start()
        child.close()

    def wait_ready(self, timeout: float = 120.0) -> list[str]:
        try:
            if not self.conn.poll(timeout):
                self.kill()
                raise KGError("the store took too long to open")
            msg = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise KGError("a query worker failed to start") from None
        if msg[0] != "ready":
            self.kill()
            raise KGError(msg[2])
        return msg[1]

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class QueryPool:
    """Workers over one store that run requests under a time limit; a stuck
    worker is killed and replaced.

    ``graph`` is a store folder (opened where it lies) or a graph file
    (written first into a temporary store, removed by ``close``).
    """

    def __init__(self, graph: str | Path, workers: int = WORKERS, timeout: float = 10.0,
                 max_rows: int = 10000):
        from kg.store import store_info

        self.timeout, self.max_rows = timeout, max_rows
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.closed = False
        self._tmp: Path | None = None
        graph = Path(graph)
        if graph.is_dir():
            store_info(graph)  # no store, or a stale one: the one-line error now, not from every worker
            self.store_path = graph
        else:
            if not graph.is_file():
                raise KGError(f"{graph}: no such graph file or store")
            self._tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
            try:
                convert_file(graph, self._tmp)
            except BaseException:
                shutil.rmtree(self._tmp, ignore_errors=True)
                raise
            self.store_path = self._tmp
        try:
            first = [Worker(str(self.store_path)) for _ in range(max(1, workers))]
            graphs = [w.wait_ready() for w in first]
        except BaseException:
            self._remove_tmp()
            raise
        self.graphs = graphs[0]
        for w in first:
            self.idle.put(w)

    def _replace(self) -> None:
        """Start a fresh worker (in the background: it takes a moment)."""
        def start():
            w = Worker(str(self.store_path))
            try:
                w.wait_ready()
            except KGError:
                return
            if self.closed:
                w.kill()
            else:
                self.idle.put(w)
        threading.Thread(target=start, daemon=True).start()

    def ask(self, *request):
        """Send one request to a free worker; raises QueryTimeout, Busy or KGError (with ``status``)."""
        try:
            w = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise Busy() from None
        try:
            w.conn.send(request)
            ready = w.conn.poll(self.timeout)
        except (OSError, EOFError):
            ready = False
        if not ready:
            w.kill()
            self._replace()
            raise QueryTimeout()
        try:
            msg = w.conn.recv()
        except (OSError, EOFError):
            w.kill()
            self._replace()
            raise KGError("the query worker failed") from None
        self.idle.put(w)
        if msg[0] == "error":
            err = KGError(msg[2])
            err.status = msg[1]
            raise err
        return msg[1]

    def labels(self, iris: list[str]) -> dict[str, str]:
        """``rdfs:label`` of each IRI that has one."""
        return self.ask("labels", [i for i in iris if isinstance(i, str)])

    def _remove_tmp(self) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def close(self) -> None:
        self.closed = True
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                break
        self._remove_tmp()


class ResultCache:
    """Answers kept by request, up to ``max_bytes``; the least recently used go first.

    The store never changes while it is served, so an answer stays right for
    as long as the server runs. ``fetch`` also lets concurrent requests for the
    same uncached answer wait for one computation instead of each taking a
    worker (fifty clients asking for the same library query at once cost one run).
    """

    def __init__(self, max_bytes: int):
        from collections import OrderedDict

        self.max_bytes = max_bytes
        self._items: OrderedDict = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._running: dict = {}
        self.hits = self.misses = 0

    def fetch(self, key, compute, size_of=len):
        """The cached answer for ``key``, or ``compute()`` (run once for concurrent
        callers; exceptions are raised to each of them and never cached).
        Returns ``(answer, hit)``."""
        if self.max_bytes <= 0:
            return compute(), False
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key][0], True
            running = self._running.get(key)
            if running is None:
                running = self._running[key] = [threading.Event(), None, None]
                owner = True
            else:
                owner = False
        if not owner:
            running[0].wait()
            if running[2] is not None:
                raise running[2]
            with self._lock:
                self.hits += 1
            return running[1], True
        try:
            value = compute()
        except BaseException as e:
            running[2] = e
            raise
        else:
            running[1] = value
            size = size_of(value)
            with self._lock:
                self.misses += 1
                if size <= self.max_bytes // 4:  # one answer never fills the cache
                    self._items[key] = (value, size)
                    self._size += size
                    while self._size > self.max_bytes:
                        _k, (_v, s) = self._items.popitem(last=False)
                        self._size -= s
            return value, False
        finally:
            with self._lock:
                self._running.pop(key, None)
            running[0].set()
