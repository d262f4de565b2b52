"""kg push against a real Oxigraph server (``oxigraph serve``) on a free loopback port."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pyoxigraph = pytest.importorskip("pyoxigraph")

from kg.errors import KGError  # noqa: E402
from kg.push import graph_url, push_file  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OXIGRAPH = Path(sys.executable).with_name("oxigraph")

# Two documents in the contract vocabulary (invented letters, not the seeds).
FIXTURE = """\
@prefix kg: <https://w3id.org/navo-kg/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/navo-kg/id/> .

<https://w3id.org/navo-kg/id/document/kst-28676-901> {
  <https://w3id.org/navo-kg/id/document/kst-28676-901> a kg:Document ;
      rdfs:label "Geannoteerde agenda NAVO-top Ankara" ;
      dcterms:date "2031-06-02"^^xsd:date ; kg:dossierNumber "28676" ; kg:documentNumber "901" ;
      kg:mentions <https://w3id.org/navo-kg/id/summit/ankara-2031>, <https://w3id.org/navo-kg/id/person/hoekman> .
  <https://w3id.org/navo-kg/id/summit/ankara-2031> a kg:Summit ; rdfs:label "NAVO-top Ankara 2031" ;
      schema:startDate "2031-07-07"^^xsd:date ; schema:location <https://w3id.org/navo-kg/id/place/ankara> .
  <https://w3id.org/navo-kg/id/place/ankara> a kg:Place ; rdfs:label "Ankara" .
  <https://w3id.org/navo-kg/id/person/hoekman> a kg:Minister ; rdfs:label "P.R. Hoekman" ;
      skos:altLabel "Hoekman" .
}

<https://w3id.org/navo-kg/id/document/kst-28676-902> {
  <https://w3id.org/navo-kg/id/document/kst-28676-902> a kg:Document ;
      rdfs:label "Verslag NAVO-top Ankara" ;
      dcterms:date "2031-07-15"^^xsd:date ; kg:dossierNumber "28676" ; kg:documentNumber "902" ;
      kg:concerns <https://w3id.org/navo-kg/id/summit/ankara-2031> ;
      kg:mentions <https://w3id.org/navo-kg/id/summit/ankara-2031>, <https://w3id.org/navo-kg/id/country/noorwegen> .
  <https://w3id.org/navo-kg/id/summit/ankara-2031> a kg:Summit ; rdfs:label "NAVO-top Ankara 2031" .
  <https://w3id.org/navo-kg/id/country/noorwegen> a kg:Country ; rdfs:label "Noorwegen" ;
      skos:altLabel "Noorse regering" .
}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A fresh ``oxigraph serve`` on a free port; yields its base URL."""
    exe = OXIGRAPH if OXIGRAPH.exists() else shutil.which("oxigraph")
    if not exe:
        pytest.skip("the oxigraph server binary is not installed")
    port = _free_port()
    proc = subprocess.Popen([str(exe), "serve", "--location", str(tmp_path / "store"),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode()[-500:]}")
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not start within 10 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _remote(base: str, query: str, accept: str = "text/tab-separated-values") -> bytes:
    req = urllib.request.Request(f"{base}/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.read()


def _graph_counts_remote(base: str) -> dict[str, int]:
    body = _remote(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    sols = pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.TSV)
    return {s["g"].value: int(s["n"].value) for s in sols}


def _graph_counts_local(path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for q in pyoxigraph.parse(path=str(path)):
        counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1
    return counts


@pytest.fixture
def fixture_trig(tmp_path) -> Path:
    p = tmp_path / "fixture.trig"
    p.write_text(FIXTURE, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def seeds_trig(tmp_path_factory) -> Path:
    """A real build of the seeds (skipped while the build cannot make one)."""
    out = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    r = subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "-o", str(out), "-q"],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    if r.returncode not in (0, 1) or not out.exists():
        pytest.skip(f"kg build of the seeds failed: {r.stderr.strip()[-300:]}")
    return out


def test_push_fixture_twice_is_idempotent(server, fixture_trig):
    endpoint = f"{server}/store"
    graphs, triples = push_file(fixture_trig, endpoint)
    local = _graph_counts_local(fixture_trig)
    assert graphs == len(local) == 2 and triples == sum(local.values())
    assert _graph_counts_remote(server) == local
    push_file(fixture_trig, endpoint)
    assert _graph_counts_remote(server) == local


def test_push_replaces_a_changed_graph(server, fixture_trig, tmp_path):
    endpoint = f"{server}/store"
    push_file(fixture_trig, endpoint)
    smaller = tmp_path / "smaller.trig"
    # The second document now names Noorwegen without an alias: PUT must drop the old triple.
    smaller.write_text(FIXTURE.replace(' ;\n      skos:altLabel "Noorse regering" .', " ."), encoding="utf-8")
    push_file(smaller, endpoint)
    assert _graph_counts_remote(server) == _graph_counts_local(smaller)
    ask = _remote(server, 'ASK { ?s ?p "Noorse regering" }', accept="application/sparql-results+json")
    assert b"false" in ask


def test_push_seed_build_and_compare_library_queries(server, seeds_trig):
    endpoint = f"{server}/store"
    push_file(seeds_trig, endpoint)
    push_file(seeds_trig, endpoint)
    assert _graph_counts_remote(server) == _graph_counts_local(seeds_trig)
    queries = sorted((ROOT / "queries").glob("*.rq"))
    if not queries:
        pytest.skip("the query library (queries/*.rq) is empty")
    store = pyoxigraph.Store()
    store.bulk_load(path=str(seeds_trig))
    answered = 0  # queries with a non-empty answer, so the comparison is not vacuous
    for rq in queries:
        text = rq.read_text(encoding="utf-8")
        local = store.query(text, use_default_graph_as_union=True)
        if isinstance(local, pyoxigraph.QueryBoolean):
            remote = _remote(server, text, accept="application/sparql-results+json")
            assert (b"true" in remote) == bool(local), rq.name
        elif isinstance(local, pyoxigraph.QuerySolutions):
            names = [v.value for v in local.variables]
            got_local = sorted(tuple(str(s[n]) if s[n] is not None else "" for n in names) for s in local)
            sols = pyoxigraph.parse_query_results(_remote(server, text), format=pyoxigraph.QueryResultsFormat.TSV)
            got_remote = sorted(tuple(str(s[n]) if s[n] is not None else "" for n in names) for s in sols)
            assert got_remote == got_local, rq.name
            answered += bool(got_remote)
        else:  # CONSTRUCT / DESCRIBE
            got_local = sorted(str(t) for t in local)
            body = _remote(server, text, accept="application/n-triples")
            got_remote = sorted(str(t) for t in pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES))
            assert got_remote == got_local, rq.name
            answered += bool(got_remote)
    assert answered >= len(queries) // 2, f"only {answered} of {len(queries)} library queries answered"


def test_unreachable_endpoint_is_a_clear_error(fixture_trig):
    with pytest.raises(KGError, match="cannot reach the endpoint"):
        push_file(fixture_trig, f"http://127.0.0.1:{_free_port()}/store")


def test_http_error_names_the_graph(server, fixture_trig):
    with pytest.raises(KGError, match=r"kst-28676-90.*HTTP 404"):
        push_file(fixture_trig, f"{server}/no-such-path")


def test_bad_inputs_are_user_errors(tmp_path, fixture_trig):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text("<a:b> <a:c> <a:d> .", encoding="utf-8")
    with pytest.raises(KGError, match=r"\.trig or \.nq"):
        push_file(ttl, "http://127.0.0.1:1/store")
    with pytest.raises(KGError, match="no such file"):
        push_file(tmp_path / "missing.trig", "http://127.0.0.1:1/store")
    with pytest.raises(KGError, match="http"):
        push_file(fixture_trig, "ftp://example.org/store")


def test_cli_push_exit_codes(server, fixture_trig):
    ok = subprocess.run([sys.executable, "-m", "kg", "push", "--graph", str(fixture_trig),
                         "--endpoint", f"{server}/store"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "pushed 2 graph(s)" in ok.stderr
    bad = subprocess.run([sys.executable, "-m", "kg", "push", "--graph", str(fixture_trig),
                          "--endpoint", f"http://127.0.0.1:{_free_port()}/store"],
                         cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "cannot reach" in bad.stderr


def test_graph_url_encodes_the_iri():
    assert graph_url("http://h/store", "https://w3id.org/navo-kg/id/document/kst-1-2") == \
        "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fnavo-kg%2Fid%2Fdocument%2Fkst-1-2"
    assert graph_url("http://h/ds?x=1", None) == "http://h/ds?x=1&default"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    """Two builds of disjoint halves of the seeds (two outputs for one store)."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("halves")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    parts = (out / "first.trig", out / "second.trig")
    for docs, path in zip((seeds[:3], seeds[3:]), parts):
        assert main(["build", *map(str, docs), "-o", str(path), "-q"]) == 0
    return parts


def _library_rows(base: str, name: str) -> list[tuple]:
    text = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    sols = pyoxigraph.parse_query_results(_remote(base, text), format=pyoxigraph.QueryResultsFormat.TSV)
    return sorted(tuple(str(s[v]) for v in sols.variables) for s in sols)


def test_two_builds_pushed_in_one_run_count_as_one_store(server, two_builds, tmp_path):
    from kg.query import run
    from kg.store import open_store, to_ox

    endpoint = f"{server}/store"
    ok = subprocess.run([sys.executable, "-m", "kg", "push", "--graph", str(two_builds[0]),
                         "--graph", str(two_builds[1]), "--endpoint", endpoint],
                        cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    for ttl in sorted((ROOT / "ontology").glob("*.ttl")):  # class-counts lists the ontology's classes
        req = urllib.request.Request(graph_url(endpoint, f"urn:x-test:{ttl.name}"), data=ttl.read_bytes(),
                                     method="PUT", headers={"Content-Type": "text/turtle"})
        urllib.request.urlopen(req, timeout=30).close()
    # the same graphs joined in one file: the loader counts them anew (tests/test_statistics.py)
    joined = tmp_path / "joined.trig"
    joined.write_bytes(b"".join(p.read_bytes() for p in two_builds))
    local = open_store(joined)
    for name in ("class-counts", "evidence-by-rule", "co-mentions"):
        text = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        want = sorted(tuple(str(to_ox(v)) for v in row) for row in run(local, text).rows)
        assert want and _library_rows(server, name) == want, name
    # the reference graph holds both builds' reference facts
    ref = "https://w3id.org/navo-kg/id/graph/reference"
    both = {q.triple for p in two_builds for q in pyoxigraph.parse(path=str(p))
            if q.graph_name == pyoxigraph.NamedNode(ref)}
    body = _remote(server, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ref}> {{ ?s ?p ?o }} }}",
                   accept="application/n-triples")
    assert {q.triple for q in pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES)} == both
