"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a graph file.

* ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=`` or an
  ``application/sparql-query`` body). Results by content negotiation: SPARQL
  JSON/XML/CSV/TSV for SELECT and ASK; Turtle, JSON-LD, N-Triples or RDF/XML
  for CONSTRUCT and DESCRIBE. A ``format`` (or ``output``) parameter overrides
  the Accept header.
* Read-only: SPARQL Update (``update=``, ``application/sparql-update``, or
  update keywords in a query) is answered 403 and never reaches a store.
  ``SERVICE``, and ``FROM``/``FROM NAMED`` of graphs that are not in the
  store, are refused: both engines would fetch such IRIs over the network.
* Every query runs in a worker process that holds the loaded store. A query
  that takes longer than ``--timeout`` seconds is stopped by killing its
  worker (neither engine can be interrupted otherwise) and a fresh worker
  is started; results longer than ``--max-rows`` are cut (header
  ``X-Result-Truncated: true``).
* ``/`` is a small page to pick a library query, type one, and see results;
  ``/queries`` lists the library as JSON. Binds to loopback by default.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import queue
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rdflib import URIRef

from kg.errors import KGError
from kg.store import Result, UnsafeQuery, check_read_only, open_store, parse_term

MAX_BODY = 1 << 20  # bytes of a POSTed query
MAX_LABELS = 5000  # IRIs per /labels request
WORKERS = 2  # the machines have two cores

# format key -> (media type, kinds it can carry)
MEDIA = {
    "json": ("application/sparql-results+json", {"select", "ask"}),
    "xml": ("application/sparql-results+xml", {"select", "ask"}),
    "csv": ("text/csv", {"select", "ask"}),
    "tsv": ("text/tab-separated-values", {"select", "ask"}),
    "turtle": ("text/turtle", {"graph"}),
    "jsonld": ("application/ld+json", {"graph"}),
    "nt": ("application/n-triples", {"graph"}),
    "rdfxml": ("application/rdf+xml", {"graph"}),
}
ALIASES = {
    "application/json": "json", "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "turtle", "application/x-turtle": "turtle", "turtle": "turtle", "ttl": "turtle",
    "application/ld+json": "jsonld", "json-ld": "jsonld", "jsonld": "jsonld",
    "application/n-triples": "nt", "text/plain": "nt", "nt": "nt", "ntriples": "nt",
    "application/rdf+xml": "rdfxml", "rdf+xml": "rdfxml", "rdfxml": "rdfxml",
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
}
DEFAULT = {"select": "json", "ask": "json", "graph": "turtle"}


# ---------------------------------------------------------------- worker processes

def _worker_main(graph: str, engine: str, conn) -> None:
    """Load the graph once, then answer ``(query, bindings, max_rows)`` requests."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when workers stop
    try:
        store = open_store(graph, engine=engine)
        conn.send(("ready", store.graphs()))
    except KGError as e:
        conn.send(("error", 500, str(e)))
        return
    while True:
        try:
            text, bindings, max_rows = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        try:
            if text is None:  # a label look-up: bindings is a list of IRIs
                conn.send(("ok", {str(k): v for k, v in store.labels(URIRef(i) for i in bindings).items()}))
                continue
            conn.send(("ok", store.query(text, bindings, max_rows=max_rows)))
        except KGError as e:
            conn.send(("error", 400, str(e)))
        except Exception as e:  # an engine failure on this query: report it, keep serving
            conn.send(("error", 500, f"{type(e).__name__}: {e}"))


class Worker:
    """One child process holding a loaded store."""

    def __init__(self, graph: str, engine: str):
        ctx = mp.get_context("spawn")  # the server has threads: never fork it
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(graph, engine, child), daemon=True)
        self.proc.start()
        child.close()

    def wait_ready(self, timeout: float = 600.0) -> list[str]:
        if not self.conn.poll(timeout):
            self.kill()
            raise KGError("the graph took too long to load")
        msg = self.conn.recv()
        if msg[0] != "ready":
            self.kill()
            raise KGError(msg[2])
        return msg[1]

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class QueryTimeout(Exception):
    """The query ran past the time limit and its worker was stopped."""


class Busy(Exception):
    """No worker became free in time."""


class QueryPool:
    """Workers that run queries under a time limit; a stuck worker is killed and replaced."""

    def __init__(self, graph: str | Path, workers: int = WORKERS, timeout: float = 10.0,
                 max_rows: int = 10000, engine: str = "oxigraph"):
        self.graph, self.engine = str(graph), engine
        self.timeout, self.max_rows = timeout, max_rows
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.closed = False
        first = [Worker(self.graph, engine) for _ in range(max(1, workers))]
        graphs = [w.wait_ready() for w in first]
        self.graphs = graphs[0]
        for w in first:
            self.idle.put(w)

    def _replace(self) -> None:
        """Start a fresh worker (in the background: loading may take seconds)."""
        def start():
            w = Worker(self.graph, self.engine)
            try:
                w.wait_ready()
            except KGError:
                return
            if self.closed:
                w.kill()
            else:
                self.idle.put(w)
        threading.Thread(target=start, daemon=True).start()

    def run(self, text: str, bindings: dict | None = None) -> Result:
        """Run a checked query; raises QueryTimeout, Busy, KGError or UnsafeQuery."""
        check_read_only(text, self.graphs)
        return self._ask(text, bindings or {})

    def labels(self, iris: list[str]) -> dict[str, str]:
        """``rdfs:label`` of each IRI that has one (for the HTML page)."""
        return self._ask(None, [i for i in iris if isinstance(i, str)][:MAX_LABELS])

    def _ask(self, text, bindings):
        try:
            w = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise Busy() from None
        try:
            w.conn.send((text, bindings, self.max_rows))
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

    def close(self) -> None:
        self.closed = True
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                return


# ---------------------------------------------------------------- content negotiation

def choose_format(kind: str, accept: str | None, explicit: str | None) -> str | None:
    """The format key to answer with, or None when nothing acceptable fits ``kind``."""
    if explicit:
        key = ALIASES.get(explicit.strip().lower())
        return key if key and kind in MEDIA[key][1] else None
    if not accept:
        return DEFAULT[kind]
    prefs = []
    for i, part in enumerate(accept.split(",")):
        media, *opts = [x.strip() for x in part.split(";")]
        q = 1.0
        for o in opts:
            if o.startswith("q="):
                try:
                    q = float(o[2:])
                except ValueError:
                    q = 0.0
        prefs.append((-q, i, media.lower()))
    for negq, _, media in sorted(prefs):
        if negq == 0:
            continue
        if media in ("*/*", "application/*", "text/*"):
            return DEFAULT[kind]
        key = ALIASES.get(media)
        if key and kind in MEDIA[key][1]:
            return key
    return None


def serialize(res: Result, key: str) -> bytes:
    """The result in the SPARQL/RDF format ``key``."""
    from kg import query as q

    if res.kind == "graph":
        fmt = {"turtle": "turtle", "jsonld": "json-ld", "nt": "nt", "rdfxml": "xml"}[key]
        return q.graph_turtle(res, fmt).encode("utf-8")
    fn = {"json": q.to_sparql_json, "xml": q.to_sparql_xml, "csv": q.to_sparql_csv, "tsv": q.to_sparql_tsv}[key]
    return fn(res).encode("utf-8")


# ---------------------------------------------------------------- HTTP

class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol (query operation only) plus the HTML page."""

    server_version = "navo-kg"
    pool: QueryPool  # set on the subclass made by make_server
    quiet = False

    def log_message(self, fmt, *args):  # one line per request, unless quiet
        if not self.quiet:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    # -- plumbing
    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    # -- verbs
    def do_GET(self):  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._page()
        if url.path == "/queries":
            return self._library()
        if url.path == "/sparql":
            return self._sparql(parse_qs(url.query, keep_blank_values=True), None)
        return self._error(404, "not found; the endpoint is /sparql")

    do_HEAD = do_GET

    def do_POST(self):  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/labels"):
            return self._error(404, "not found; the endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._error(413, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        if url.path == "/labels":
            return self._labels(body)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            return self._error(403, "SPARQL Update is not allowed: this endpoint is read-only")
        if ctype == "application/x-www-form-urlencoded":
            for k, v in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
            return self._sparql(params, None)
        if ctype == "application/sparql-query":
            return self._sparql(params, body)
        return self._error(415, "send application/sparql-query or a form with query=")

    def do_PUT(self):  # noqa: N802
        self._error(405, "this endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT

    # -- handlers
    def _sparql(self, params: dict, body: str | None) -> None:
        if "update" in params:
            return self._error(403, "SPARQL Update is not allowed: this endpoint is read-only")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return self._error(400, "default-graph-uri/named-graph-uri are not supported: "
                                    "the default graph is the union of all graphs")
        queries = [body] if body is not None else params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._error(400, "give exactly one query (query=… or an application/sparql-query body)")
        # non-standard extension: param.NAME=VALUE binds ?NAME safely, as kg query --param does
        bindings = {k[6:]: parse_term(v[0]) for k, v in params.items() if k.startswith("param.") and v}
        explicit = (params.get("format") or params.get("output") or [None])[0]
        started = time.monotonic()
        try:
            res = self.pool.run(queries[0], bindings)
        except UnsafeQuery as e:
            return self._error(e.status, str(e))
        except QueryTimeout:
            return self._error(503, f"query stopped: over the time limit of {self.pool.timeout:g} s")
        except Busy:
            return self._error(503, "all query workers are busy; try again")
        except KGError as e:
            return self._error(getattr(e, "status", 400), str(e))
        key = choose_format(res.kind, self.headers.get("Accept"), explicit)
        if key is None:
            return self._error(406, f"no acceptable format for a {res.kind} result; "
                                    f"try {MEDIA[DEFAULT[res.kind]][0]}")
        media = MEDIA[key][0]
        extra = {"X-Query-Time": f"{time.monotonic() - started:.3f}", "Vary": "Accept"}
        if res.truncated:
            extra["X-Result-Truncated"] = "true"
        self._send(200, serialize(res, key), f"{media}; charset=utf-8", extra)

    def _labels(self, body: str) -> None:
        """POST /labels with a JSON list of IRIs -> {iri: label} (used by the page)."""
        try:
            iris = json.loads(body)
            assert isinstance(iris, list)
        except (ValueError, AssertionError):
            return self._error(400, "send a JSON list of IRIs")
        try:
            labels = self.pool.labels(iris)
        except (QueryTimeout, Busy):
            return self._error(503, "labels not available now")
        self._send(200, json.dumps(labels, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _library(self) -> None:
        from kg.query import library

        items = [{"name": q.name, "title": q.title, "question": q.question, "query": q.text,
                  "params": [{"name": p, "required": r, "help": h} for p, r, h in q.params]}
                 for q in library().values()]
        self._send(200, json.dumps(items, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _page(self) -> None:
        csp = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
               "connect-src 'self'; form-action 'self'")
        self._send(200, PAGE_HTML.encode("utf-8"), "text/html; charset=utf-8",
                   {"Content-Security-Policy": csp, "X-Frame-Options": "DENY"})


def make_server(graph: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
                max_rows: int = 10000, workers: int = WORKERS, quiet: bool = False):
    """Load the graph into workers and bind the HTTP server; returns ``(httpd, pool)``."""
    pool = QueryPool(graph, workers=workers, timeout=timeout, max_rows=max_rows)
    handler = type("BoundHandler", (Handler,), {"pool": pool, "quiet": quiet})
    try:
        httpd = ThreadingHTTPServer((host, port), handler)
    except OSError as e:
        pool.close()
        raise KGError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    httpd.daemon_threads = True
    return httpd, pool


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _stop(signum, frame):
    """SIGTERM stops the server like Ctrl-C does, so workers are shut down too."""
    raise KeyboardInterrupt


def cmd_serve(args) -> int:
    """``kg serve --graph FILE``: serve until interrupted."""
    if not Path(args.graph).is_file():
        raise KGError(f"{args.graph}: no such graph file")
    if not _is_loopback(args.host):
        print(f"kg serve: warning: listening on {args.host}, reachable from other machines", file=sys.stderr)
    httpd, pool = make_server(args.graph, args.host, args.port, args.timeout, args.max_rows)
    host, port = httpd.server_address[:2]
    print(f"kg serve: SPARQL endpoint http://{host}:{port}/sparql  (page: http://{host}:{port}/)", file=sys.stderr)
    signal.signal(signal.SIGTERM, _stop)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        print("kg serve: stopped", file=sys.stderr)
    finally:
        httpd.server_close()
        pool.close()
    return 0


PAGE_HTML = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>navo-kg SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;max-width:1200px;color:#222}
textarea{width:100%;height:16em;font:13px monospace}
select,button,input{font:inherit;margin:.3em .3em .3em 0}
table{border-collapse:collapse;margin-top:1em;font-size:13px}
td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
th{background:#f2f2f2}#msg{color:#a00;white-space:pre-wrap}#about{color:#555}
</style></head><body>
<h1>navo-kg SPARQL</h1>
<p>Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol, read-only). Pick a question or write your own query.</p>
<label>Library: <select id="lib"><option value="">(your own query)</option></select></label>
<p id="about"></p><div id="params"></div>
<textarea id="q" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea><br>
<button id="run">Run</button> <span id="info"></span>
<div id="msg"></div><div id="out"></div>
<script>
"use strict";
const $ = id => document.getElementById(id);
let lib = [];
function el(tag, text) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
fetch("queries").then(r => r.json()).then(items => {
  lib = items;
  for (const q of items) { const o = el("option", q.name + " - " + q.title); o.value = q.name; $("lib").appendChild(o); }
});
$("lib").addEventListener("change", () => {
  const q = lib.find(x => x.name === $("lib").value);
  $("params").replaceChildren(); $("about").textContent = q ? q.question : "";
  if (!q) return;
  $("q").value = q.query;
  for (const p of q.params) {
    const l = el("label", "?" + p.name + (p.required ? " (required) " : " (optional) "));
    const i = el("input"); i.dataset.param = p.name; i.placeholder = p.help; i.size = 40;
    l.appendChild(i); $("params").appendChild(l); $("params").appendChild(el("br"));
  }
});
function show(term) {
  if (!term) return "";
  return term.type === "uri" ? "<" + term.value + ">" : term.value;
}
$("run").addEventListener("click", async () => {
  $("msg").textContent = ""; $("out").replaceChildren(); $("info").textContent = "running…";
  const body = new URLSearchParams({query: $("q").value});
  for (const i of document.querySelectorAll("[data-param]")) if (i.value) body.append("param." + i.dataset.param, i.value);
  const t0 = performance.now();
  let r;
  try {
    r = await fetch("sparql", {method: "POST", body,
      headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9"}});
  } catch (e) { $("info").textContent = ""; $("msg").textContent = String(e); return; }
  const text = await r.text();
  $("info").textContent = r.status + " in " + Math.round(performance.now() - t0) + " ms" +
    (r.headers.get("X-Result-Truncated") ? " (rows cut at the limit)" : "");
  if (!r.ok) { $("msg").textContent = text; return; }
  if (!(r.headers.get("Content-Type") || "").includes("sparql-results+json")) { $("out").appendChild(el("pre", text)); return; }
  const data = JSON.parse(text);
  if ("boolean" in data) { $("out").appendChild(el("p", String(data.boolean))); return; }
  const iris = new Set();
  for (const b of data.results.bindings) for (const v in b) if (b[v].type === "uri") iris.add(b[v].value);
  let labels = {};
  if (iris.size) {
    try {
      const lr = await fetch("labels", {method: "POST", body: JSON.stringify([...iris])});
      if (lr.ok) labels = await lr.json();
    } catch (e) { /* labels are a nicety: show IRIs */ }
  }
  const t = el("table"), head = el("tr");
  for (const v of data.head.vars) head.appendChild(el("th", v));
  t.appendChild(head);
  for (const b of data.results.bindings) {
    const tr = el("tr");
    for (const v of data.head.vars) {
      const term = b[v], td = el("td", term && term.type === "uri" && labels[term.value] ? labels[term.value] : show(term));
      if (term && term.type === "uri") td.title = term.value;
      tr.appendChild(td);
    }
    t.appendChild(tr);
  }
  $("out").appendChild(t);
  $("info").textContent += " - " + data.results.bindings.length + " rows";
});
</script></body></html>
"""
