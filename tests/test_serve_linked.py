"""``kg serve`` on a store: dereferenceable IRIs by content negotiation, the ontology,
``--base``, precise refusals over HTTP, the answer cache, and the editor in a real browser."""
from __future__ import annotations

import json
import os
import shutil
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import main
from kg.errors import KGError
from kg.serve import LISTEN_QUEUE, make_server
from tests.test_serve import get, http

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ID = "https://w3id.org/navo-kg/id/"
KG = "https://w3id.org/navo-kg/def#"
PERSON = "person/kuleba"
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("linked") / "seeds.oxigraph"
    assert main(["build", str(SEEDS), "-o", str(out), "-q"]) == 0
    return out


def _serve(graph, **kw):
    httpd, pool = make_server(graph, "127.0.0.1", 0, quiet=True, **kw)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, pool, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def server(store):
    httpd, pool, base = _serve(store, timeout=10.0, workers=2)
    yield base
    httpd.shutdown()
    httpd.server_close()
    pool.close()


@pytest.fixture(scope="module")
def based(store):
    httpd, pool, base = _serve(store, workers=1, base="http://kg.example.org/navo/")
    yield base
    httpd.shutdown()
    httpd.server_close()
    pool.close()


def test_listen_queue_holds_128_connections_or_more(server):
    assert LISTEN_QUEUE >= 128


# ---------------------------------------------------------------- entities

def test_entity_html_by_default_and_for_browsers(server):
    for accept in (None, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"):
        status, headers, body = http(f"{server}/id/{PERSON}", headers={"Accept": accept} if accept else {})
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert "Vary" in headers and "Accept" in headers["Vary"]
        assert "<h1>Dmytro Kuleba</h1>" in body
        assert "Evidence" in body and "<blockquote>" in body  # the sentences that support the facts
        assert "Letters that mention it" in body and "000_5a6ef56be150bcaf.txt" in body
        assert 'href="/id/office/' in body  # other entities link to their pages on this server
        assert "<script" not in body and "script-src" not in headers["Content-Security-Policy"]


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                        ("application/n-triples", "nt")])
def test_entity_rdf_by_accept(server, accept, fmt):
    status, headers, body = http(f"{server}/id/{PERSON}", headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(accept)
    g = Graph().parse(data=body, format=fmt)
    me = URIRef(ID + PERSON)
    assert (me, RDFS.label, None) in g and (me, URIRef(KG + "holdsOffice"), None) in g
    # its evidence records, with the sentence they quote
    evidence = set(g.subjects(RDF.type, URIRef(KG + "Evidence")))
    assert evidence and all((ev, RDF.subject, me) in g or (ev, RDF.object, me) in g for ev in evidence)
    assert any("Kuleba" in str(o) for o in g.objects(None, URIRef("http://www.w3.org/ns/oa#exact")))


def test_format_parameter_and_unacceptable(server):
    status, headers, body = http(f"{server}/id/{PERSON}?format=turtle", headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    status, _, _ = http(f"{server}/id/{PERSON}", headers={"Accept": "image/png"})
    assert status == 406


def test_unknown_entity_gets_a_helpful_404(server):
    status, headers, body = http(f"{server}/id/person/kulleba")
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert "Not in this graph" in body and f'href="/id/{PERSON}"' in body  # a similar name
    status, _, body = http(f"{server}/id/persoon/kuleba")
    assert status == 404 and "/id/&lt;kind&gt;/&lt;slug&gt;" in body and "person" in body
    status, _, body = http(f"{server}/id/person/kulleba", headers={"Accept": "text/turtle"})
    assert status == 404
    status, _, _ = http(f"{server}/id/person/%3E%20%7B%20%3Fs")  # not a slug: never reaches a query
    assert status == 404


def test_ontology(server):
    status, headers, body = http(f"{server}/ontology", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    assert (URIRef(KG + "Minister"), RDFS.subClassOf, URIRef(KG + "Person")) in g
    status, headers, body = http(f"{server}/ontology")
    assert status == 200 and 'id="Minister"' in body
    status, headers, body = http(f"{server}/def", headers={"Accept": "application/ld+json"})
    assert status == 200 and json.loads(body)


def test_base_maps_the_namespace_to_the_served_host(based):
    status, _, body = http(f"{based}/id/{PERSON}")
    assert status == 200 and 'href="http://kg.example.org/navo/id/office/' in body
    assert 'href="http://kg.example.org/navo/ontology#Minister"' in body
    config = json.loads(http(f"{based}/config.json")[2])
    assert config["base"] == "http://kg.example.org/navo/" and config["prefixes"]["kg"] == KG


# ---------------------------------------------------------------- SPARQL

@pytest.mark.parametrize("query", [
    "SELECT ?service ?from WHERE { ?service rdfs:label ?from } LIMIT 3",
    "SELECT ?s WHERE { ?s rdfs:label ?l FILTER(?l != \"SERVICE <http://127.0.0.1:9/> { }\") } LIMIT 3",
])
def test_names_that_look_like_refused_words_are_answered(server, query):
    status, _, body = get(server, query, "application/sparql-results+json")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3


def test_answers_are_kept_and_the_same(server):
    q = "SELECT ?l WHERE { ?p a kg:Minister ; rdfs:label ?l } ORDER BY ?l"
    s1, h1, b1 = get(server, q, "text/csv")
    s2, h2, b2 = get(server, q, "text/csv")
    assert s1 == s2 == 200 and b1 == b2 and h2["X-Cache"] == "hit"
    _, h3, b3 = get(server, q, "application/sparql-results+json")
    assert h3["X-Cache"] == "miss" and b3 != b1  # another format is another answer


def test_a_stale_store_is_refused_at_start(store, tmp_path):
    old = tmp_path / "old.oxigraph"
    shutil.copytree(store, old)
    marker = json.loads((old / "navo-kg-store.json").read_text())
    marker["pyoxigraph"] = "0.1.0"
    (old / "navo-kg-store.json").write_text(json.dumps(marker))
    with pytest.raises(KGError, match="rebuild it with kg build"):
        make_server(old, "127.0.0.1", 0, quiet=True, workers=1)


# ---------------------------------------------------------------- the editor in a browser

INJECTION = '<img src=x onerror="window.__pwned=1">'


def test_editor_loads_runs_a_library_query_and_links_entities_with_no_request_leaving(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not installed")
    graph = tmp_path / "inj.trig"
    label = INJECTION.replace('"', '\\"')
    graph.write_text(
        (ROOT / "tests" / "data" / "fixture.trig").read_text(encoding="utf-8")
        + f'\n<{ID}document/x> {{ <{ID}place/x> a <{KG}Place> ; '
          f'<http://www.w3.org/2000/01/rdf-schema#label> "{label}" . }}\n', encoding="utf-8")
    httpd, pool, base = _serve(graph, workers=1)
    requests, errors = [], []
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox",
                                                                        "--disable-gpu", "--no-first-run"])
            page = browser.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(base + "/")
            page.wait_for_selector(".yasqe .CodeMirror")
            page.wait_for_selector("#lib option[value=ministers]", state="attached")  # the library as examples
            page.select_option("#lib", "ministers")
            text = page.evaluate("navoKg.yasgui.getTab().getQuery()")
            assert "PREFIX kg: <https://w3id.org/navo-kg/def#>" in text  # prefixes preset
            page.click(".yasqe_queryButton")
            page.wait_for_selector(".yasr table td a")
            links = page.eval_on_selector_all(".yasr table td a", "as => as.map(a => a.getAttribute('href'))")
            assert links and all(h.startswith("/id/") for h in links)  # IRIs link to the entity pages
            # a label that is markup stays text
            page.evaluate("q => { navoKg.yasgui.getTab().setQuery(q); }",
                          "PREFIX kg: <https://w3id.org/navo-kg/def#>\nPREFIX rdfs: <http://www.w3.org/2000/01/"
                          "rdf-schema#>\nSELECT ?l WHERE { ?s a kg:Place ; rdfs:label ?l } ORDER BY ?l")
            page.click(".yasqe_queryButton")
            page.wait_for_selector(".yasr table td:has-text('Tallinn')")
            assert page.evaluate("window.__pwned") is None and not dialogs
            # following a result link opens the entity page
            page.evaluate("q => { navoKg.yasgui.getTab().setQuery(q); }",
                          "PREFIX kg: <https://w3id.org/navo-kg/def#>\nSELECT ?p WHERE { ?p a kg:Minister } "
                          "ORDER BY ?p LIMIT 1")
            page.click(".yasqe_queryButton")
            page.wait_for_selector(".yasr table td a[href^='/id/person/']")
            with page.context.expect_page() as opened:  # YASR opens IRIs in a new tab
                page.click(".yasr table td a[href^='/id/person/']")
            entity = opened.value
            entity.wait_for_selector("h1")
            assert "/id/person/" in entity.url and entity.inner_text("h2")
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
        pool.close()
    assert requests and all(urllib.parse.urlsplit(u).netloc == urllib.parse.urlsplit(base).netloc
                            for u in requests), sorted(set(requests))
    # with a label that is markup, YASR's rendering creates the element somewhere outside
    # the table and Chromium reports its inline handler as blocked by the page's
    # Content-Security-Policy (script-src 'self'); nothing ran (__pwned above).
    assert not [e for e in errors if "Content Security Policy" not in e], errors


def test_result_cache_runs_one_computation_for_concurrent_requests_and_stays_bounded():
    import time as _time

    from kg.serve.pool import ResultCache

    cache, calls = ResultCache(1000), []

    def slow():
        calls.append(1)
        _time.sleep(0.2)
        return b"x" * 100

    out = []
    threads = [threading.Thread(target=lambda: out.append(cache.fetch("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len(out) == 8 and all(v == b"x" * 100 for v, _hit in out)
    assert sum(1 for _v, hit in out if not hit) == 1
    for i in range(30):  # 30 answers of 100 bytes in a 1,000-byte cache: the oldest go
        cache.fetch(i, lambda: b"y" * 100)
    assert cache._size <= 1000 and "k" not in cache._items and 29 in cache._items
    with pytest.raises(ZeroDivisionError):  # a failure reaches the caller and is not kept
        cache.fetch("bad", lambda: 1 / 0)
    assert "bad" not in cache._items


def test_serve_reads_the_store_marker_once_at_start(store, monkeypatch):
    """cmd_serve leaves the marker to the QueryPool (workers, in their own processes, read it again)."""
    import signal

    import kg.serve as serve
    import kg.store as kstore

    reads = []
    real_read, real_make = kstore._read_marker, serve.make_server
    monkeypatch.setattr(kstore, "_read_marker", lambda p: reads.append(p) or real_read(p))

    def make(*a, **kw):
        httpd, pool = real_make(*a, **{**kw, "workers": 1, "quiet": True})

        def stop():
            raise KeyboardInterrupt  # as Ctrl-C does, once started
        httpd.serve_forever = stop
        return httpd, pool
    monkeypatch.setattr(serve, "make_server", make)
    before = signal.getsignal(signal.SIGTERM)
    try:
        assert main(["serve", "--graph", str(store), "--port", "0"]) == 0
    finally:
        signal.signal(signal.SIGTERM, before)
    assert reads == [store]
