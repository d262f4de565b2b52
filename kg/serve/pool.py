"""Query workers for ``kg serve``: processes that share one on-disk store.

Every worker opens the same ``kg build -o DIR.oxigraph`` store read-only
(``kg.store.OxDiskStore``), so the graph is held once — in the operating
system's page cache — however many workers there are, and a worker starts in
well under a second. A graph *file* is first written into a temporary store
of the same layout by a child process (which then exits, with the memory the
loading took); the workers open that. A query that runs past the time limit is
stopped by killing its worker (Oxigraph cannot interrupt a query) and a fresh
one takes its place within a second.

``LivePool`` is what ``kg serve`` serves from: the ``QueryPool`` of the graph
as it is now. When ``kg build`` rewrites the graph (a file renamed into place,
a store folder swapped in), a new pool is opened beside the old one and swapped
in only when it answers; the old one is closed once its queries are done.

Workers answer with finished bytes (the result already serialized in the
negotiated format), so nothing large is pickled between processes.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from kg.errors import KGError

WORKERS = 2  # the machines have two cores


class QueryTimeout(Exception):
    """The query ran past the time limit and its worker was stopped."""


class Busy(Exception):
    """No worker became free in time."""


class PoolClosed(Busy):
    """The pool was closed (its graph was replaced): ask the pool serving now."""


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
    (written first into a temporary store, removed by ``close`` once the
    requests still running are done).
    """

    def __init__(self, graph: str | Path, workers: int = WORKERS, timeout: float = 10.0,
                 max_rows: int = 10000):
        from kg.store import store_info

        self.timeout, self.max_rows = timeout, max_rows
        self.idle: queue.Queue[Worker | None] = queue.Queue()  # None: the pool is closed
        self.closed = False
        self._lock = threading.Lock()
        self._busy = 0  # requests inside ask (waiting for a worker or running)
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
        first = []
        try:
            first = [Worker(str(self.store_path)) for _ in range(max(1, workers))]
            graphs = [w.wait_ready() for w in first]
        except BaseException:
            for w in first:
                w.kill()
            self._remove_tmp()
            raise
        self.graphs = graphs[0]
        for w in first:
            self.idle.put(w)

    def _give_back(self, w: Worker) -> None:
        """``w`` is free again: to the idle queue, or stopped if the pool was closed meanwhile."""
        with self._lock:
            if not self.closed:
                self.idle.put(w)
                return
        w.kill()

    def _replace(self) -> None:
        """Start a fresh worker (in the background: it takes a moment)."""
        if self.closed:
            return

        def start():
            w = Worker(str(self.store_path))
            try:
                w.wait_ready()
            except KGError:
                return
            self._give_back(w)
        threading.Thread(target=start, daemon=True).start()

    def ask(self, *request):
        """Send one request to a free worker; raises QueryTimeout, Busy (PoolClosed
        once closed) or KGError (with ``status``)."""
        with self._lock:
            if self.closed:
                raise PoolClosed()
            self._busy += 1
        try:
            return self._ask(request)
        finally:
            with self._lock:
                self._busy -= 1
                last = self.closed and self._busy == 0
            if last:  # the last request of a closed pool: its temporary store can go
                self._remove_tmp()

    def _ask(self, request: tuple):
        try:
            w = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise Busy() from None
        if w is None:
            self.idle.put(None)  # wake the next waiter too
            raise PoolClosed()
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
        self._give_back(w)
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
            tmp, self._tmp = self._tmp, None
            shutil.rmtree(tmp, ignore_errors=True)

    def close(self) -> None:
        """Stop the idle workers now, the busy ones when their request is answered."""
        with self._lock:
            self.closed = True
            busy = self._busy
        while True:
            try:
                w = self.idle.get_nowait()
            except queue.Empty:
                break
            if w is not None:
                w.kill()
        self.idle.put(None)  # requests waiting for a worker give up at once
        if busy == 0:
            self._remove_tmp()


CHECK_EVERY = 1.0  # seconds between two looks at the graph (on request, never per row)


def graph_signature(graph: Path) -> tuple:
    """What changes when ``kg build`` rewrites ``graph``: a graph file is renamed
    into place (a new inode), a store folder is swapped in whole (a new folder
    inode and a new marker file, written last). Two ``stat`` calls."""
    def stat(p: Path, full: bool = True):
        try:
            s = os.stat(p)
        except OSError:
            return None
        return (s.st_dev, s.st_ino, s.st_mtime_ns, s.st_size) if full else (s.st_dev, s.st_ino)

    from kg.store import STORE_MARKER

    # a folder's own mtime is left out: only its entries' names change it
    return stat(graph, full=not graph.is_dir()), stat(graph / STORE_MARKER)


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class LivePool:
    """The ``QueryPool`` of ``graph`` as it is now, with the same ``ask``/``labels``;
    other attributes (``graphs``, ``max_rows``, ``timeout``, ...) are the current pool's.

    ``version()`` looks at the graph (``graph_signature``, at most every
    ``check_every`` seconds) and returns the generation now served. On a
    change a thread opens a new pool (a graph file is converted first, which
    can take a while); requests meanwhile go to the old one. Once the new one
    answers it is swapped in, ``on_change`` runs (the server clears its answer
    cache) and the old pool is closed: requests running on it finish there.
    A graph that cannot be opened (half-written, broken, gone) leaves the old
    pool serving, with one line on stderr; it is tried again on its next change.
    """

    def __init__(self, graph: str | Path, workers: int = WORKERS, timeout: float = 10.0,
                 max_rows: int = 10000, on_change=None, check_every: float = CHECK_EVERY):
        self.graph = Path(graph)
        self._options = {"workers": workers, "timeout": timeout, "max_rows": max_rows}
        self.on_change, self.check_every = on_change, check_every
        self._lock = threading.Lock()
        self._tried = graph_signature(self.graph)  # taken first: a change while opening is seen
        self._pool = QueryPool(self.graph, **self._options)
        self._next = time.monotonic() + check_every
        self._loading = False
        self.generation = 0
        self.closed = False

    def __getattr__(self, name):
        if name == "_pool":  # not set yet (a failed __init__)
            raise AttributeError(name)
        return getattr(self._pool, name)

    def version(self) -> int:
        """The generation of the graph served now, after looking whether it changed."""
        self.poll()
        return self.generation

    def poll(self) -> None:
        """Start loading the graph anew if its file or store changed since it was last tried."""
        now = time.monotonic()
        with self._lock:
            if self.closed or self._loading or now < self._next:
                return
            self._next = now + self.check_every
        sig = graph_signature(self.graph)
        with self._lock:
            if sig == self._tried or self._loading or self.closed:
                return
            self._tried, self._loading = sig, True
        threading.Thread(target=self._load, daemon=True, name="kg-serve-reload").start()

    def _load(self) -> None:
        started = time.monotonic()
        try:
            new = QueryPool(self.graph, **self._options)
        except Exception as e:  # noqa: BLE001 - any failure leaves the old graph served, in one line
            why = str(e) if isinstance(e, KGError) else f"{type(e).__name__}: {e}"
            why = (why.strip().splitlines() or ["unknown error"])[0][:300]
            _say(f"kg serve: {self.graph} changed but cannot be served ({why}); "
                 f"still serving the previous version")
            with self._lock:
                self._loading = False
            return
        with self._lock:
            if self.closed:  # the server stopped meanwhile
                old = new
            else:
                old, self._pool = self._pool, new
                self.generation += 1
            self._loading = False
        if old is not new:
            if self.on_change is not None:
                self.on_change()
            _say(f"kg serve: graph changed, now serving {self.graph} ({time.monotonic() - started:.1f} s)")
        old.close()

    def ask(self, *request):
        """``QueryPool.ask`` on the pool serving now (a request that meets a pool
        just replaced goes to its successor)."""
        self.poll()
        for _ in range(3):
            try:
                return self._pool.ask(*request)
            except PoolClosed:
                if self.closed:
                    raise
        raise Busy()

    def labels(self, iris: list[str]) -> dict[str, str]:
        """``rdfs:label`` of each IRI that has one."""
        return self.ask("labels", [i for i in iris if isinstance(i, str)])

    def close(self) -> None:
        with self._lock:
            self.closed = True
        self._pool.close()


class ResultCache:
    """Answers kept by request, up to ``max_bytes``; the least recently used go first.

    An answer stays right until the graph is rebuilt: then the server calls
    ``clear`` (and keys its answers by the graph's generation, so an answer
    computed on the old graph meanwhile is never served as the new one's).
    ``fetch`` also lets concurrent requests for the same uncached answer wait
    for one computation instead of each taking a worker (fifty clients asking
    for the same library query at once cost one run).
    """

    def __init__(self, max_bytes: int):
        from collections import OrderedDict

        self.max_bytes = max_bytes
        self._items: OrderedDict = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._running: dict = {}
        self._epoch = 0  # counts clear() calls: an answer begun before one is not kept
        self.hits = self.misses = 0

    def clear(self) -> None:
        """Forget every answer (the graph changed); computations under way are not kept either."""
        with self._lock:
            self._items.clear()
            self._size = 0
            self._epoch += 1

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
            epoch = self._epoch
            running = self._running.get((epoch, key))
            if running is None:
                running = self._running[(epoch, key)] = [threading.Event(), None, None]
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
                if size <= self.max_bytes // 4 and epoch == self._epoch:  # one answer never fills the cache
                    self._items[key] = (value, size)
                    self._size += size
                    while self._size > self.max_bytes:
                        _k, (_v, s) = self._items.popitem(last=False)
                        self._size -= s
            return value, False
        finally:
            with self._lock:
                self._running.pop((epoch, key), None)
            running[0].set()
