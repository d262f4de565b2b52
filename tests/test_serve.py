"""``kg serve``: the SPARQL 1.1 Protocol endpoint, queried by SPARQLWrapper and plain HTTP."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.cli import make_parser
from kg.serve import choose_format, make_server

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "fixture.trig"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MINISTERS = "SELECT ?l WHERE { ?p a kg:Minister ; rdfs:label ?l } ORDER BY ?l"


def _start(**kw):
    httpd, pool = make_server(FIXTURE, "127.0.0.1", 0, quiet=True, **kw)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return httpd, pool, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def server():
    httpd, pool, base = _start(timeout=2.0, max_rows=50, workers=2)
    yield base
    httpd.shutdown()
    httpd.server_close()
    pool.close()


def http(url, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body text) of one request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8")


def get(base, query, accept=None, **extra):
    qs = urllib.parse.urlencode({"query": query, **extra})
    return http(f"{base}/sparql?{qs}", headers={"Accept": accept} if accept else {})


# ---------------------------------------------------------------- SPARQLWrapper

def wrapper(base, fmt=JSON, method="GET"):
    sw = SPARQLWrapper(f"{base}/sparql")
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_json(server, method):
    sw = wrapper(server, JSON, method)
    sw.setQuery("PREFIX kg: <https://w3id.org/navo-kg/def#>\n"
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + MINISTERS)
    data = sw.queryAndConvert()
    assert [b["l"]["value"] for b in data["results"]["bindings"]] == ["Ilia Beridze", "Marijke de Wit",
                                                                      "Pieter Bakker"]


def test_sparqlwrapper_ask_and_other_formats(server):
    sw = wrapper(server, JSON)
    sw.setQuery("ASK { ?s <https://w3id.org/navo-kg/def#supports> ?o }")
    assert sw.queryAndConvert()["boolean"] is True
    sw = wrapper(server, XML)
    sw.setQuery("SELECT ?l WHERE { ?p a <https://w3id.org/navo-kg/def#Place> ; "
                "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
    doc = sw.queryAndConvert()  # an xml.dom document
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == ["Lissabon", "Tallinn"]
    for fmt in (CSV, TSV):
        sw = wrapper(server, fmt)
        sw.setQuery("SELECT ?l WHERE { ?p a <https://w3id.org/navo-kg/def#Place> ; "
                    "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
        text = sw.queryAndConvert().decode("utf-8")
        assert "Lissabon" in text and "Tallinn" in text


def test_sparqlwrapper_construct_turtle(server):
    sw = wrapper(server, TURTLE)
    sw.setQuery("CONSTRUCT { ?s <https://w3id.org/navo-kg/def#supports> ?o } "
                "WHERE { ?s <https://w3id.org/navo-kg/def#supports> ?o }")
    out = sw.queryAndConvert()
    text = out.decode("utf-8") if isinstance(out, bytes) else out.serialize(format="turtle")
    assert "country:syrie" in text or "country/syrie" in text


def test_sparqlwrapper_update_refused(server):
    sw = wrapper(server, JSON, "POST")
    sw.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        sw.query()
    _, _, body = get(server, "ASK { <http://example.org/a> ?p ?o }", "application/sparql-results+json")
    assert json.loads(body)["boolean"] is False


# ---------------------------------------------------------------- plain HTTP

@pytest.mark.parametrize("accept,ctype", [
    (None, "application/sparql-results+json"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.9, text/csv;q=0.8, */*;q=0.1", "text/csv"),
])
def test_select_content_negotiation(server, accept, ctype):
    status, headers, body = get(server, MINISTERS, accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype)
    assert "Marijke de Wit" in body


def test_csv_and_tsv_bodies(server):
    _, _, body = get(server, MINISTERS, "text/csv")
    assert list(csv.reader(io.StringIO(body)))[:2] == [["l"], ["Ilia Beridze"]]
    _, _, body = get(server, MINISTERS, "text/tab-separated-values")
    assert body.splitlines()[:2] == ["?l", '"Ilia Beridze"']


@pytest.mark.parametrize("accept,ctype,marker", [
    ("text/turtle", "text/turtle", "kg:supports"),
    ("application/ld+json", "application/ld+json", '"@id"'),
    ("application/n-triples", "application/n-triples", "<https://w3id.org/navo-kg/def#supports>"),
])
def test_construct_formats(server, accept, ctype, marker):
    status, headers, body = get(server, "CONSTRUCT { ?s kg:supports ?o } WHERE { ?s kg:supports ?o }", accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype) and marker in body


def test_describe(server):
    status, _, body = get(server, "DESCRIBE <https://w3id.org/navo-kg/id/country/syrie>", "text/turtle")
    assert status == 200 and "Syrië" in body


def test_unacceptable_format(server):
    status, _, _ = get(server, MINISTERS, "image/png")
    assert status == 406


def test_post_form_and_direct_body(server):
    status, _, body = http(f"{server}/sparql", urllib.parse.urlencode({"query": MINISTERS}).encode(),
                           {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and "Pieter Bakker" in body
    status, _, body = http(f"{server}/sparql", MINISTERS.encode(),
                           {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and "Pieter Bakker" in body


def test_bound_parameter_extension(server):
    q = "SELECT ?name ?e WHERE { ?e rdfs:label|skos:altLabel ?n . FILTER(LCASE(STR(?n)) = LCASE(STR(?name))) }"
    status, _, body = get(server, q, "text/csv", **{"param.name": "beridze"})
    assert status == 200 and "person/beridze" in body
    status, _, body = get(server, q, "text/csv", **{"param.name": '") } UNION { ?e ?p ?n } #'})
    assert status == 200 and body.strip().splitlines() == ["name,e"]


@pytest.mark.parametrize("data,ctype", [
    (urllib.parse.urlencode({"update": "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"}),
     "application/x-www-form-urlencoded"),
    ("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", "application/sparql-update"),
    (urllib.parse.urlencode({"query": "DELETE WHERE { ?s ?p ?o }"}), "application/x-www-form-urlencoded"),
    (urllib.parse.urlencode({"query": "DROP ALL"}), "application/x-www-form-urlencoded"),
    (urllib.parse.urlencode({"query": "LOAD <http://example.org/x.ttl>"}), "application/x-www-form-urlencoded"),
])
def test_updates_refused_and_not_applied(server, data, ctype):
    status, _, body = http(f"{server}/sparql", data.encode(), {"Content-Type": ctype})
    assert status == 403 and "read-only" in body
    _, _, body = get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv")
    assert int(body.split()[1]) > 500  # nothing was deleted
    _, _, body = get(server, "ASK { <http://x/a> ?p ?o }")
    assert json.loads(body)["boolean"] is False


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_remote_access_refused(server, query):
    status, _, body = get(server, query)
    assert status == 403


def test_graph_parameters_refused(server):
    status, _, _ = get(server, MINISTERS, None, **{"default-graph-uri": "http://127.0.0.1:9/x"})
    assert status == 400


def test_syntax_error_is_400_with_position(server):
    status, _, body = get(server, "SELECT ?x WHERE {\n ?x ?y \n}")
    # the position rdflib's parser gives (the check reads the parsed query before any engine runs it)
    assert status == 400 and ("line 2" in body or "line 3" in body)


def test_row_limit(server):
    status, headers, body = get(server, "SELECT ?s WHERE { ?s ?p ?o }")
    assert status == 200 and headers["X-Result-Truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 50


def test_timeout_kills_the_query_and_the_server_goes_on(server):
    t0 = time.monotonic()
    status, _, body = get(server, SLOW)
    assert status == 503 and "time limit" in body
    assert time.monotonic() - t0 < 10
    # a replacement worker comes up and the endpoint keeps answering
    deadline = time.monotonic() + 60
    while True:
        status, _, body = get(server, MINISTERS, "text/csv")
        if status == 200 or time.monotonic() > deadline:
            break
    assert status == 200 and "Ilia Beridze" in body


def test_page_and_library(server):
    status, headers, body = http(f"{server}/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "static/yasgui/yasgui.min.js" in body and "script-src 'self'" in headers["Content-Security-Policy"]
    assert "http" not in body.split("<body>")[0].replace('href="static', "")  # nothing from another host
    status, headers, body = http(f"{server}/static/yasgui/yasgui.min.js")
    assert status == 200 and "javascript" in headers["Content-Type"] and len(body) > 500_000
    status, _, _ = http(f"{server}/static/../__init__.py")
    assert status == 404
    status, _, body = http(f"{server}/queries")
    names = {q["name"] for q in json.loads(body)}
    assert {"signatories", "entity-facts"} <= names
    status, _, _ = http(f"{server}/nothing-here")
    assert status == 404


def test_choose_format():
    assert choose_format("select", None, None) == "json"
    assert choose_format("graph", "application/sparql-results+json, text/turtle;q=0.5", None) == "turtle"
    assert choose_format("select", "text/turtle", None) is None
    assert choose_format("select", "*/*", "csv") == "csv"
    assert choose_format("ask", "text/csv;q=0, application/sparql-results+xml", None) == "xml"


def test_loopback_by_default():
    args = make_parser().parse_args(["serve", "--graph", "g.trig"])
    assert args.host == "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kg_serve_command_starts_and_stops(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(FIXTURE), "--port", str(port)],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and status != 200:
            try:
                status, _, body = get(f"http://127.0.0.1:{port}", MINISTERS, "text/csv")
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        assert status == 200 and "Marijke de Wit" in body
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
    assert code == 0
    assert "stopped" in proc.stderr.read()


def test_missing_graph_is_a_user_error(capsys):
    from kg.cli import main

    assert main(["serve", "--graph", "/nonexistent/graph.trig", "--port", "0"]) == 2
    assert "no such graph file" in capsys.readouterr().err


def test_workers_do_not_outlive_the_pool():
    httpd, pool, base = _start(timeout=2.0, workers=1)
    procs = [w.proc for w in list(pool.idle.queue)]
    httpd.shutdown()
    httpd.server_close()
    pool.close()
    assert procs and all(not p.is_alive() for p in procs)
    assert os.getpid()  # the test process itself is untouched
