"""``kg serve`` follows a rebuilt graph: a new graph file or store is served
(and no answer kept from the old one), a broken one leaves the old one served."""
from __future__ import annotations

import threading
import time

import pytest

from kg.build import write_atomic
from kg.serve import make_server
from kg.store import write_store
from tests.test_serve import get

ID = "https://w3id.org/navo-kg/id/"
LABEL = f"SELECT ?l WHERE {{ <{ID}person/test-reload> rdfs:label ?l }}"


def _turtle(label: str) -> str:
    return (f"@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            f"<{ID}person/test-reload> rdfs:label \"{label}\" .\n")


def _serve(graph):
    httpd, pool = make_server(graph, "127.0.0.1", 0, quiet=True, workers=1, timeout=5.0, check_every=0.2)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, pool, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture
def serve():
    started = []

    def start(graph):
        httpd, pool, base = _serve(graph)
        started.append((httpd, pool))
        return pool, base
    yield start
    for httpd, pool in started:
        httpd.shutdown()
        httpd.server_close()
        pool.close()


def _until(check, seconds: float = 8.0):
    """Poll ``check`` until it returns something true, or the deadline passes (then its last value)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    return check()


def _label(base):
    status, headers, body = get(base, LABEL, "text/csv")
    assert status == 200, body
    return body.splitlines()[1:], headers["X-Cache"]


def test_a_rebuilt_graph_file_is_served_and_no_old_answer_kept(tmp_path, serve, capsys):
    graph = tmp_path / "g.ttl"
    write_atomic(graph, _turtle("Oud Label"))
    pool, base = serve(graph)
    old_pool = pool._pool
    assert _label(base) == (["Oud Label"], "miss")
    assert _label(base) == (["Oud Label"], "hit")
    write_atomic(graph, _turtle("Nieuw Label"))  # as kg build -o g.ttl writes: renamed into place

    def new_answer():
        rows, cache = _label(base)
        return (rows, cache) if rows != ["Oud Label"] else None
    assert _until(new_answer) == (["Nieuw Label"], "miss")
    assert _label(base) == (["Nieuw Label"], "hit")
    assert pool.generation == 1
    assert "kg serve: graph changed, now serving" in capsys.readouterr().err
    # the old pool is closed: its worker stopped, its temporary store removed
    assert old_pool.closed and _until(lambda: not old_pool.store_path.exists(), 3.0)


def test_a_broken_replacement_keeps_the_old_graph_until_the_next_change(tmp_path, serve, capsys):
    graph = tmp_path / "g.nt"
    write_atomic(graph, _turtle("Oud Label").splitlines()[1].replace(
        "rdfs:label", "<http://www.w3.org/2000/01/rdf-schema#label>") + "\n")
    pool, base = serve(graph)
    assert _label(base)[0] == ["Oud Label"]
    write_atomic(graph, f"<{ID}person/test-reload> <http://www.w3.org/2000/01/rdf-schema#label> \"Half")
    err = []

    def complained():
        _label(base)  # requests are what make the server look
        err.append(capsys.readouterr().err)
        return "cannot be served" in err[-1]
    assert _until(complained)
    lines = [line for line in "".join(err).splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"kg serve: {graph} changed but cannot be served (")
    assert "Traceback" not in lines[0] and "still serving the previous version" in lines[0]
    for _ in range(3):  # still the old answers, and no second complaint about the same file
        assert _label(base)[0] == ["Oud Label"]
        time.sleep(0.25)
    assert pool.generation == 0 and "cannot be served" not in capsys.readouterr().err
    write_atomic(graph, f"<{ID}person/test-reload> <http://www.w3.org/2000/01/rdf-schema#label> \"Heel\" .\n")
    assert _until(lambda: _label(base)[0] == ["Heel"])


def test_a_rebuilt_store_is_served(tmp_path, serve):
    store = tmp_path / "g.oxigraph"

    def build(label):  # what kg build -o g.oxigraph does: a new store swapped into place
        write_store(store, [(f"{ID}doc/test-reload", [
            f"<{ID}person/test-reload> <http://www.w3.org/2000/01/rdf-schema#label> \"{label}\" <{ID}doc/test-reload> ."
        ])])
    build("Oud Label")
    pool, base = serve(store)
    assert _label(base) == (["Oud Label"], "miss")
    assert _label(base) == (["Oud Label"], "hit")
    build("Nieuw Label")
    assert _until(lambda: _label(base)[0] == ["Nieuw Label"])
    assert pool.generation == 1


def test_a_closed_pool_lets_running_queries_end_and_sends_waiting_ones_away(tmp_path):
    """What happens to the old pool at a swap: a waiting request is told at once (the
    LivePool then asks the new pool), a running one ends there, then the workers stop
    and the temporary store goes."""
    from kg.serve.pool import PoolClosed, QueryPool, QueryTimeout
    from tests.test_serve import FIXTURE, SLOW

    pool = QueryPool(FIXTURE, workers=1, timeout=1.5)
    worker = pool.idle.queue[0]
    out = {}

    def run(name, query):
        started = time.monotonic()
        try:
            pool.ask("query", "PREFIX kg: <https://w3id.org/navo-kg/def#>\n" + query, {}, 10, None, "csv")
            out[name] = "answer", time.monotonic() - started
        except Exception as e:  # noqa: BLE001 - the kind of failure is the point
            out[name] = type(e), time.monotonic() - started
    running = threading.Thread(target=run, args=("running", SLOW))
    running.start()
    assert _until(lambda: pool._busy == 1 and pool.idle.empty(), 3.0)
    waiting = threading.Thread(target=run, args=("waiting", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"))
    waiting.start()
    assert _until(lambda: pool._busy == 2, 3.0)
    pool.close()
    waiting.join(5)
    assert out["waiting"][0] is PoolClosed and out["waiting"][1] < 1.0  # not after the time limit
    assert pool.store_path.exists()  # the running query still reads it
    running.join(10)
    assert out["running"][0] in ("answer", QueryTimeout)
    assert not worker.proc.is_alive() and not pool.store_path.exists()
    with pytest.raises(PoolClosed):
        pool.ask("labels", [])


def test_cleared_cache_keeps_no_answer_computed_before():
    from kg.serve.pool import ResultCache

    cache, release, calls = ResultCache(10_000), threading.Event(), []

    def old():
        calls.append("old")
        release.wait(5)
        return b"old"
    t = threading.Thread(target=lambda: cache.fetch("k", old))
    t.start()
    assert _until(lambda: calls == ["old"], 3.0)
    cache.clear()
    # a request after the clear does not wait for the computation begun before it
    assert cache.fetch("k", lambda: calls.append("new") or b"new") == (b"new", False)
    release.set()
    t.join(5)
    assert cache.fetch("k", lambda: b"again") == (b"new", True)
    cache.clear()
    assert "k" not in cache._items and cache._size == 0
