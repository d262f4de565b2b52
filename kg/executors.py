"""Run one function over many documents: in this process, a process pool, or Dask.

``map_documents(func, items, jobs, executor, scheduler)`` is the one place the
build fans work out. Results come back in input order; a document whose
``func`` raised yields the exception *object* in its slot, so one bad file
never stops the others (the build reports it and goes on).

``func`` must be a module-level function (picklable by reference) so that it
works with every start method (fork, forkserver, spawn) and on Dask workers.
Per-process state such as the spaCy pipeline lives behind ``functools.lru_cache``
(``kg.nlp.make_pipeline``), so each worker builds it once, on its first
document, and reuses it for the rest of its share.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from kg.errors import KGError
from kg.gcutil import collector_paused

EXECUTORS = ("local", "dask")


class _Safe:
    """Call ``func`` and return (not raise) what it raises, picklably.

    A class rather than a closure so it pickles by reference under spawn and
    on Dask; exceptions that cannot be pickled are replaced by a RuntimeError
    carrying their message, so the parent always receives something.
    """

    def __init__(self, func: Callable[[Any], Any]):
        self.func = func

    def __call__(self, item: Any) -> Any:
        try:
            return self.func(item)
        except KeyboardInterrupt:
            raise
        except BaseException as e:  # noqa: BLE001  one document must not stop the run
            return _picklable(e)


def _picklable(e: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(e))
        return e
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(e).__name__}: {e}")


def _mp_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe and cheap (Linux): workers inherit the imported
    modules and start in milliseconds. Elsewhere, or with NAVO_KG_START=spawn,
    use spawn (everything here is spawn-safe, only slower to start)."""
    method = os.environ.get("NAVO_KG_START")
    if not method:
        method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def _chunksize(n: int, jobs: int) -> int:
    # Several chunks per worker, and never many documents in one: a worker
    # that finishes early idles while the others work through their last
    # chunk, so big chunks cost seconds at the end of a long build. A chunk
    # of a few documents still costs only one round trip per ~0.1-1 s of work.
    return max(1, min(n // (jobs * 8), _MAX_CHUNK))


_MAX_CHUNK = 4


def map_documents(func: Callable[[Any], Any], items: Iterable[Any], jobs: int = 1,
                  executor: str = "local", scheduler: Any = None,
                  initializer: Callable[[], Any] | None = None,
                  on_result: Callable[[int, Any], None] | None = None) -> list[Any]:
    """Apply ``func`` to every item and return the results in input order.

    * ``executor="local"``: ``jobs <= 1`` runs sequentially in this process;
      ``jobs > 1`` uses a ``ProcessPoolExecutor`` with ``jobs`` workers.
    * ``executor="dask"``: submits to ``distributed.Client(scheduler)``;
      ``scheduler`` is an address (``"tcp://host:8786"``), a cluster object, or
      an existing ``Client``; ``None`` starts a local cluster of ``jobs``
      single-threaded worker processes (otherwise the cluster decides).

    A result that is an exception means ``func`` raised it for that item.
    ``initializer`` (optional) prepares per-process state, e.g.
    ``kg.nlp.make_pipeline``: with fork (Linux) it runs once in this process
    before the workers start, and they inherit its result; with spawn and on
    Dask it runs once in each worker. ``on_result(i,
    result)`` (optional) is called in this process as each result arrives, for
    progress output.
    """
    items = list(items)
    if executor not in EXECUTORS:
        raise KGError(f"unknown executor {executor!r} (choose from {', '.join(EXECUTORS)})")
    if not items:
        return []
    if executor == "dask":
        return _map_dask(func, items, scheduler, initializer, on_result, jobs)
    if jobs <= 1 or len(items) == 1:
        return _map_sequential(func, items, initializer, on_result)
    return _map_pool(func, items, min(jobs, len(items)), initializer, on_result)


def shares_memory(jobs: int, executor: str = "local") -> bool:
    """Whether ``map_documents`` with these options runs ``func`` where it sees
    this process's memory as it is at the call: in this process, or in workers
    forked at the call. Then items may be indices into module-level state
    instead of pickled data."""
    return executor == "local" and (jobs <= 1 or _mp_context().get_start_method() == "fork")


def _map_sequential(func, items: Sequence, initializer, on_result) -> list[Any]:
    if initializer is not None:
        initializer()
    safe = _Safe(func)
    out = []
    # The collector's full passes would walk every result kept so far, again
    # and again; only the young generations are collected here, every few
    # items, which frees what processing an item left in cycles and moves the
    # kept results to the old generation, not walked again during the loop.
    with collector_paused():
        for i, item in enumerate(items):
            out.append(safe(item))
            if on_result:
                on_result(i, out[-1])
            if i % _YOUNG_EVERY == _YOUNG_EVERY - 1:
                gc.collect(1)
    return out


_YOUNG_EVERY = 8


def _worker_setup(initializer: Callable[[], Any] | None) -> None:
    """Worker process start: Ctrl-C (SIGINT to the whole process group) is for
    the parent, which stops the workers itself; automatic garbage collection
    off (``_Chunk`` collects the young generations after each chunk, as
    ``_map_sequential`` does); then ``initializer``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()
    if initializer is not None:
        initializer()


def _stop(pool) -> None:
    """Kill the pool's workers now and let the executor wind down without them."""
    workers = list((pool._processes or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    for proc in workers:
        proc.kill()
    for proc in workers:
        proc.join(timeout=5)
    # A worker killed while it sent a result leaves half a message in the result
    # pipe, and the executor's thread would wait for the rest forever (and the
    # interpreter's exit with it, joining that thread). This process holds the
    # last open write end of that pipe: closing it turns the wait into EOF.
    with contextlib.suppress(Exception):
        pool._result_queue._writer.close()
    pool.shutdown(wait=False)
    # Let that thread finish its clean-up now: at interpreter exit it would
    # race with the exit hook that wakes it (EBADF tracebacks).
    if manager is not None:
        manager.join(timeout=10)


@contextlib.contextmanager
def _frozen(ctx):
    """While forked workers start (on the first submit): everything this
    process holds -- the spaCy pipeline, the documents read so far -- out of
    the garbage collector's sight, so the workers' collections neither walk it
    (time) nor write to its pages (copy-on-write memory). The workers keep it
    frozen; this process takes it back afterwards."""
    if ctx.get_start_method() != "fork" or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _Chunk:
    """Apply a ``_Safe`` function to a list of items (one task = one chunk)."""

    def __init__(self, safe: _Safe):
        self.safe = safe

    def __call__(self, chunk: list) -> list:
        out = [self.safe(item) for item in chunk]
        if not gc.isenabled():  # a pool worker (see _worker_setup)
            gc.collect(1)
        return out


def _chunks(n: int, jobs: int) -> list[tuple[int, int]]:
    """(start, end) of the chunks of ``n`` items: ``_chunksize`` documents while
    many remain, then fewer and fewer (down to one), so that all processes
    finish at about the same time."""
    out, start = [], 0
    while start < n:
        size = max(1, min(_chunksize(n, jobs), (n - start) // (jobs * 4)))
        out.append((start, min(n, start + size)))
        start += size
    return out


def _map_pool(func, items: Sequence, jobs: int, initializer, on_result) -> list[Any]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    run = _Chunk(_Safe(func))
    ctx = _mp_context()
    if initializer is not None and ctx.get_start_method() == "fork":
        # Forked workers inherit what the parent built (copy-on-write), so
        # warm up once here instead of once per worker.
        initializer()
        initializer = None
    out: list[Any] = []
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_setup,
                               initargs=(initializer,))
    try:
        # Every chunk submitted at once (workers never wait for the parent),
        # results taken in order. Not Executor.map: when its iterator is
        # dropped it cancels the queued futures, which races with the
        # executor's own clean-up of killed workers (InvalidStateError
        # tracebacks on an interrupted build).
        with _frozen(ctx):  # the workers start on the first submit
            futures = [pool.submit(run, list(items[a:b])) for a, b in _chunks(len(items), jobs)]
        # Receiving is unpickling many small objects; the collector would walk
        # the growing list of results again and again (two thirds of the
        # receiving time). Nothing received holds a reference cycle.
        with collector_paused():
            for fut in futures:
                for result in fut.result():
                    out.append(result)
                    if on_result:
                        on_result(len(out) - 1, result)
    except BrokenProcessPool as e:
        # A worker died (out of memory, killed): say so for every item not done.
        lost = RuntimeError(f"worker process died: {e}")
        out.extend(lost for _ in range(len(items) - len(out)))
    except BaseException:
        # Interrupted (SIGINT/SIGTERM): a `with` block would wait for every
        # queued chunk; stop the workers now so the build exits at once. The
        # executor then fails the futures still queued; nothing waits for them.
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return out


def _map_dask(func, items: Sequence, scheduler, initializer, on_result, jobs: int = 1) -> list[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - dask is a declared dependency
        raise KGError("--executor dask needs the 'distributed' package (pip install 'dask[distributed]')") from e

    own = not isinstance(scheduler, Client)
    cluster = None
    try:
        if scheduler is None:
            # No address: a throw-away local cluster, one single-threaded
            # process per job (the rules hold the GIL; threads would not help).
            import logging

            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            scheduler = cluster
        client = Client(scheduler) if own else scheduler
    except OSError as e:
        if cluster is not None:
            cluster.close()
        raise KGError(f"cannot reach the Dask scheduler {scheduler}: {e}") from e
    try:
        if initializer is not None:
            client.run(initializer)
        safe = _Safe(func)
        # pure=False: equal inputs still run separately (the file may change).
        futures = client.map(safe, items, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        out: list[Any] = [None] * len(items)
        from distributed import as_completed

        for fut in as_completed(futures):
            i = index[fut.key]
            try:
                out[i] = fut.result()
            except Exception as e:  # noqa: BLE001  e.g. a worker lost, or result not deserialisable
                out[i] = _picklable(e)
            if on_result:
                on_result(i, out[i])
        return out
    finally:
        if own:
            client.close()
        if cluster is not None:
            cluster.close()
