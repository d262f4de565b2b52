"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint, entity pages and a SPARQL editor.

* ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=`` or an
  ``application/sparql-query`` body). Results by content negotiation: SPARQL
  JSON/XML/CSV/TSV for SELECT and ASK; Turtle, JSON-LD, N-Triples or RDF/XML
  for CONSTRUCT and DESCRIBE. A ``format`` (or ``output``) parameter overrides
  the Accept header.
* Read-only: SPARQL Update (``update=``, ``application/sparql-update``, or an
  update sent as a query) is answered 403 and never reaches a store.
  ``SERVICE``, and ``FROM``/``FROM NAMED`` of graphs that are not in the
  store, are refused (the engine would fetch such IRIs over the network). The
  decision is made on the parsed query (``kg.store.check_read_only``).
* One copy of the graph: the workers (``kg.serve.pool``) are processes that
  open the same on-disk store read-only. A store written by ``kg build -o
  DIR.oxigraph`` is served as it is (the first answer comes within a second
  or two); a graph file is first written into a temporary store. A query that
  runs past ``--timeout`` is stopped by killing its worker, and a new one
  opens the store; results longer than ``--max-rows`` are cut (header
  ``X-Result-Truncated: true``).
* A rebuilt graph is served without a restart: on a request, at most once a
  second, the server looks (two ``stat`` calls) whether ``kg build`` replaced
  the file or store. If so, a new pool of workers opens it beside the old
  one, which answers until the new one is ready; then the new one is swapped
  in, the kept answers are dropped and the old workers stop once their
  queries are done (``kg.serve.pool.LivePool``; one line on stderr). A
  replacement that cannot be opened leaves the old graph served, with one
  line on stderr, until the next change.
* Answers are kept (``--cache-mb``, least recently used out first; header
  ``X-Cache: hit``) until the graph is rebuilt: the library's queries come
  back all day. Concurrent requests for the same uncached answer wait for one
  run instead of taking every worker.
* ``/id/<kind>/<slug>`` answers each entity IRI directly (200, by Accept: HTML,
  Turtle, JSON-LD; see ``kg.serve.entity``); ``/ontology`` (and ``/def``) the
  ontology. ``--base URL`` is where pages link the ``https://w3id.org/navo-kg/``
  namespace (default: this server, by relative links).
* ``/`` is YASGUI (``@zazuko/yasgui``, vendored in ``kg/serve/static/yasgui``,
  no CDN) with the library queries as examples and the prefixes preset;
  ``/queries`` lists the library as JSON. Binds to loopback by default.
"""
from __future__ import annotations

import json
import mimetypes
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from kg.errors import KGError
from kg.serve.formats import ALIASES, DEFAULT, MEDIA, choose_format, serialize  # noqa: F401 (re-exported)
from kg.serve.pool import CHECK_EVERY, WORKERS, Busy, LivePool, QueryTimeout, ResultCache
from kg.store import PREFIXES, UnsafeQuery, check_read_only, parse_term

MAX_BODY = 1 << 20  # bytes of a POSTed query
MAX_LABELS = 5000  # IRIs per /labels request
LISTEN_QUEUE = 256  # connections the kernel holds while every handler thread is busy
STATIC = Path(__file__).resolve().parent / "static"
ENTITY_FORMATS = ("html", "turtle", "jsonld", "nt", "rdfxml")

PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'")


class Server(ThreadingHTTPServer):
    """A thread per connection, a listen queue of ``LISTEN_QUEUE`` connections."""

    request_queue_size = LISTEN_QUEUE
    daemon_threads = True
    allow_reuse_address = True


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol (query operation only), entity pages, the ontology and the editor."""

    server_version = "navo-kg"
    protocol_version = "HTTP/1.1"  # keep-alive: a client's next query needs no new connection
    pool: LivePool  # set on the subclass made by make_server
    cache: ResultCache
    base = "/"
    quiet = False

    def setup(self):
        super().setup()
        # headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm
        # holds the body until the client's delayed ACK (~40 ms) on a kept-alive connection
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

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
        path = url.path
        if path in ("/", "/index.html"):
            return self._static("index.html", {"Content-Security-Policy": PAGE_CSP, "X-Frame-Options": "DENY"})
        if path.startswith("/static/"):
            return self._static(unquote(path[len("/static/"):]))
        if path == "/queries":
            return self._library(False)
        if path == "/config.json":
            return self._library(True)
        if path == "/sparql":
            return self._sparql(parse_qs(url.query, keep_blank_values=True), None)
        if path.startswith("/id/"):
            return self._entity(path, parse_qs(url.query))
        if path == "/favicon.ico":
            return self._send(204, b"", "image/x-icon")
        if path in ("/ontology", "/def"):
            return self._ontology(parse_qs(url.query))
        return self._error(404, "not found; the endpoint is /sparql, entities are at /id/<kind>/<slug>")

    do_HEAD = do_GET

    def do_POST(self):  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/labels"):
            return self._error(404, "not found; the endpoint is /sparql")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._error(400, "bad Content-Length")
        if length > MAX_BODY:
            self.close_connection = True
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

    # -- SPARQL
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
        accept = self.headers.get("Accept")
        generation = self.pool.version()  # first: a rebuilt graph is noticed even when every answer is kept
        request = ("query", queries[0], bindings, self.pool.max_rows, accept, explicit)
        try:
            check_read_only(queries[0], self.pool.graphs)
            cache_key = (generation, "query", queries[0], tuple(sorted((k, v.n3()) for k, v in bindings.items())),
                         accept, explicit)
            (kind, key, data, truncated), hit = self.cache.fetch(cache_key, lambda: self.pool.ask(*request),
                                                                 lambda answer: len(answer[2]) + 200)
        except UnsafeQuery as e:
            return self._error(e.status, str(e))
        except QueryTimeout:
            return self._error(503, f"query stopped: over the time limit of {self.pool.timeout:g} s")
        except Busy:
            return self._error(503, "all query workers are busy; try again")
        except KGError as e:
            return self._error(getattr(e, "status", 400), str(e))
        extra = {"X-Query-Time": f"{time.monotonic() - started:.3f}", "Vary": "Accept",
                 "X-Cache": "hit" if hit else "miss"}
        if truncated:
            extra["X-Result-Truncated"] = "true"
        self._send(200, data, f"{MEDIA[key][0]}; charset=utf-8", extra)

    def _labels(self, body: str) -> None:
        """POST /labels with a JSON list of IRIs -> {iri: label}."""
        try:
            iris = json.loads(body)
            assert isinstance(iris, list)
        except (ValueError, AssertionError):
            return self._error(400, "send a JSON list of IRIs")
        try:
            labels = self.pool.labels(iris[:MAX_LABELS])
        except (QueryTimeout, Busy, KGError):
            return self._error(503, "labels not available now")
        self._send(200, json.dumps(labels, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _library(self, config: bool) -> None:
        """The library as JSON; with ``config`` also the prefixes and the link base (for the editor)."""
        from kg.query import library

        items = [{"name": q.name, "title": q.title, "question": q.question, "query": q.text,
                  "params": [{"name": p, "required": r, "help": h} for p, r, h in q.params]}
                 for q in library().values()]
        data = {"queries": items, "prefixes": PREFIXES, "base": self.base} if config else items
        self._send(200, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    # -- files
    def _static(self, name: str, extra: dict | None = None) -> None:
        """A file of ``kg/serve/static`` (nothing outside it)."""
        path = (STATIC / name).resolve()
        if STATIC not in path.parents or not path.is_file():
            return self._error(404, "no such file")
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "text/javascript"):
            ctype += "; charset=utf-8"
        self._send(200, path.read_bytes(), ctype, {"Cache-Control": "max-age=3600", **(extra or {})})

    # -- linked data
    def _entity(self, path: str, params: dict) -> None:
        from kg.serve import entity

        explicit = (params.get("format") or [None])[0]
        key = choose_format("page", self.headers.get("Accept"), explicit, ENTITY_FORMATS)
        if key is None:
            return self._error(406, "entities are served as text/html, text/turtle, application/ld+json, "
                                    "application/n-triples or application/rdf+xml")
        m = entity.ENTITY_PATH.match(path)
        iri = entity.NS + path[1:]
        extra = {"Vary": "Accept", "Link": ", ".join(
            f'<{path}?format={k}>; rel="alternate"; type="{MEDIA[k][0]}"' for k in ("turtle", "jsonld"))}
        try:
            if m is None:
                found = None
            elif key == "html":
                found = self.pool.ask("describe", iri)
            else:
                found, _hit = self.cache.fetch((self.pool.version(), "rdf", iri, key),
                                               lambda: self.pool.ask("rdf", iri, key),
                                               lambda answer: len(answer or b"") + 200)
            if found is None:
                suggestions = self.pool.ask("similar", m.group(1), m.group(2)) if m else []
                page = entity.not_found_page(iri, m.group(1) if m else "", suggestions, self.base)
                return self._send(404, page.encode("utf-8"), "text/html; charset=utf-8",
                                  {"Content-Security-Policy": entity.CSP})
        except (QueryTimeout, Busy):
            return self._error(503, "the server is busy; try again")
        except KGError as e:
            return self._error(getattr(e, "status", 400), str(e))
        if key == "html":
            body = entity.entity_page(found, self.base).encode("utf-8")
            return self._send(200, body, "text/html; charset=utf-8",
                              {**extra, "Content-Security-Policy": entity.CSP})
        self._send(200, found, f"{MEDIA[key][0]}; charset=utf-8", extra)

    def _ontology(self, params: dict) -> None:
        from kg.serve import entity

        explicit = (params.get("format") or [None])[0]
        key = choose_format("page", self.headers.get("Accept"), explicit, ENTITY_FORMATS)
        if key is None:
            return self._error(406, "the ontology is served as text/html, text/turtle or application/ld+json")
        extra = {"Vary": "Accept"}
        if key == "html":
            return self._send(200, entity.ontology_page(self.base).encode("utf-8"), "text/html; charset=utf-8",
                              {**extra, "Content-Security-Policy": entity.CSP})
        self._send(200, entity.ontology_bytes(key), f"{MEDIA[key][0]}; charset=utf-8", extra)


def make_server(graph: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
                max_rows: int = 10000, workers: int = WORKERS, quiet: bool = False, base: str | None = None,
                cache_mb: float = 256, check_every: float = CHECK_EVERY):
    """Open the graph in worker processes and bind the HTTP server; returns ``(httpd, pool)``.

    ``cache_mb`` bounds the answers kept in memory (0: none kept). The pool
    (a ``LivePool``) follows the graph when it is rebuilt, looking at most
    every ``check_every`` seconds."""
    cache = ResultCache(int(cache_mb * 1024 * 1024))
    pool = LivePool(graph, workers=workers, timeout=timeout, max_rows=max_rows, on_change=cache.clear,
                    check_every=check_every)
    base = "/" if not base else base.rstrip("/") + "/"
    handler = type("BoundHandler", (Handler,), {"pool": pool, "quiet": quiet, "base": base, "cache": cache})
    try:
        httpd = Server((host, port), handler)
    except OSError as e:
        pool.close()
        raise KGError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    return httpd, pool


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _stop(signum, frame):
    """SIGTERM stops the server like Ctrl-C does, so workers are shut down too."""
    raise KeyboardInterrupt


def cmd_serve(args) -> int:
    """``kg serve --graph FILE|DIR.oxigraph``: serve until interrupted."""
    import signal

    from kg.store import missing_graph

    graph = Path(args.graph)
    if not graph.is_dir() and not graph.is_file():
        raise missing_graph(graph)
    # a folder's marker is checked (once) by the QueryPool that make_server starts
    httpd, pool = make_server(graph, args.host, args.port, args.timeout, args.max_rows,
                              workers=getattr(args, "workers", WORKERS) or WORKERS, base=getattr(args, "base", None),
                              cache_mb=getattr(args, "cache_mb", 256))
    if not _is_loopback(args.host):
        print(f"kg serve: warning: listening on {args.host}, reachable from other machines", file=sys.stderr)
    host, port = httpd.server_address[:2]
    print(f"kg serve: SPARQL endpoint http://{host}:{port}/sparql  (editor: http://{host}:{port}/)",
          file=sys.stderr, flush=True)
    signal.signal(signal.SIGTERM, _stop)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        print("kg serve: stopped", file=sys.stderr)
    finally:
        httpd.server_close()
        pool.close()
    return 0


__all__ = ["make_server", "cmd_serve", "choose_format", "serialize", "Server", "Handler"]
