"""kg.executors.map_documents: same results, same order, whatever runs them."""
from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.executors import map_documents
from kg.slug import slugify

# Module-level callables from the package, so workers (fork, spawn, Dask) can
# unpickle them by reference.
ITEMS = ["NAVO-top Ankara 2031", "Mevrouw Ilse de Wit-Janssen", "Zuid-Korea", None,
         "Koninklijke Marechaussee", "minister van Defensie (Noorwegen)"] * 5


def _check(results):
    assert len(results) == len(ITEMS)
    for item, got in zip(ITEMS, results):
        if item is None:
            assert isinstance(got, TypeError)  # returned in its slot, not raised
        else:
            assert got == slugify(item)


def test_sequential_returns_exceptions_in_place():
    results = map_documents(slugify, ITEMS, jobs=1)
    _check(results)
    assert results[0] == "navo-top-ankara-2031"


def _norm(results):
    return [repr(r) if isinstance(r, BaseException) else r for r in results]


def test_two_processes_same_as_one():
    two = map_documents(slugify, ITEMS, jobs=2)
    assert _norm(two) == _norm(map_documents(slugify, ITEMS, jobs=1))
    _check(two)


def test_progress_callback_sees_every_item():
    seen = []
    map_documents(slugify, ITEMS, jobs=2, on_result=lambda i, r: seen.append(i))
    assert sorted(seen) == list(range(len(ITEMS)))


def test_empty_and_unknown_executor():
    assert map_documents(slugify, [], jobs=2) == []
    with pytest.raises(KGError):
        map_documents(slugify, ITEMS, executor="ray")


def test_local_dask_cluster_same_as_local():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as cluster:
        results = map_documents(slugify, ITEMS, executor="dask", scheduler=cluster.scheduler_address)
    _check(results)


def test_unreachable_dask_scheduler_is_a_user_error():
    pytest.importorskip("distributed")
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(KGError, match="Dask scheduler"):
            map_documents(slugify, ITEMS, executor="dask", scheduler="tcp://127.0.0.1:1")


def test_dask_without_scheduler_uses_a_throwaway_local_cluster():
    pytest.importorskip("distributed")
    _check(map_documents(slugify, ITEMS, jobs=1, executor="dask"))
