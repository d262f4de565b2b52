"""``kg push``: load a build's named graphs into a SPARQL 1.1 Graph Store.

Each document's named graph is sent with an HTTP ``PUT`` to
``ENDPOINT?graph=<graph IRI>`` (SPARQL 1.1 Graph Store HTTP Protocol). PUT
replaces the whole graph, so pushing the same build twice leaves the store as
it was after the first push, and pushing a rebuilt document replaces its old
facts instead of adding to them. Triples in the file's default graph (if any)
go to ``ENDPOINT?default``.

The file is read as a stream (Oxigraph's parser). A graph larger than
``CHUNK_BYTES`` of N-Triples is sent as one PUT followed by POSTs (append), so
memory stays bounded on archive-sized files; such a graph is then replaced in
steps rather than atomically. Only the standard library talks HTTP. Credentials
may be given in the URL (``http://user:secret@host/...``; Basic or Digest).
"""
from __future__ import annotations

import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import KGError

CHUNK_BYTES = 16 * 1024 * 1024
TIMEOUT = 120.0  # seconds per request; a big graph on a busy store takes a while
FORMATS = {".trig": "TRIG", ".nq": "N_QUADS"}
DEFAULT = None  # graph "name" of the default graph


def cmd_push(args) -> int:
    """Push every named graph of ``args.graph`` to ``args.endpoint``."""
    t0 = time.perf_counter()
    graphs, triples = push_file(args.graph, args.endpoint)
    print(f"pushed {graphs} graph(s), {triples} triple(s) to {_redact(args.endpoint)} "
          f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


def push_file(path: str | Path, endpoint: str, content_type: str = "application/n-triples") -> tuple[int, int]:
    """Send each graph of the .trig/.nq file at ``path``; return (graphs, triples) sent."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KGError(f"{path}: push needs a .trig or .nq file (one named graph per document), "
                      f"not {path.suffix or 'a file without extension'}")
    if not path.is_file():
        raise KGError(f"{path}: no such file")
    opener, url = _opener(endpoint)
    _check_reachable(opener, url)
    sent: set = set()
    n_triples = 0
    for graph, body, count in _chunks(_quads(path, fmt)):
        method = "POST" if graph in sent else "PUT"  # later chunks of one graph append
        _send(opener, url, method, graph, body, content_type)
        sent.add(graph)
        n_triples += count
    return len(sent), n_triples


def _quads(path: Path, fmt: str) -> Iterator:
    import pyoxigraph as ox

    try:
        yield from ox.parse(path=str(path), format=getattr(ox.RdfFormat, fmt))
    except SyntaxError as e:
        raise KGError(f"{path}: not valid {fmt.replace('_', '-')}: {e}") from None
    except OSError as e:
        raise KGError(f"{path}: cannot read: {e.strerror or e}") from None


def _chunks(quads: Iterable) -> Iterator[tuple[str | None, bytes, int]]:
    """Group consecutive quads by graph into N-Triples bodies of bounded size."""
    import pyoxigraph as ox

    current: object = object()
    buf: list = []
    size = 0
    for q in quads:
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        if g != current or size >= CHUNK_BYTES:
            if buf:
                yield current, _ntriples(buf), len(buf)  # type: ignore[misc]
            current, buf, size = g, [], 0
        t = q.triple
        buf.append(t)
        size += len(str(t)) + 3
    if buf:
        yield current, _ntriples(buf), len(buf)  # type: ignore[misc]


def _ntriples(triples: list) -> bytes:
    import pyoxigraph as ox

    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store URL of ``graph`` (None: the default graph) at ``endpoint``."""
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def _opener(endpoint: str) -> tuple[urllib.request.OpenerDirector, str]:
    """An opener with the URL's credentials (if any), and the URL without them."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KGError(f"--endpoint must be an http(s) URL, got {endpoint!r}")
    handlers: list = []
    if parts.username is not None:
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        endpoint = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, endpoint, urllib.parse.unquote(parts.username),
                         urllib.parse.unquote(parts.password or ""))
        handlers += [urllib.request.HTTPBasicAuthHandler(mgr), urllib.request.HTTPDigestAuthHandler(mgr)]
    return urllib.request.build_opener(*handlers), endpoint


def _redact(endpoint: str) -> str:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.password is None:
        return endpoint
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{parts.username}:***@{parts.hostname}"
                                                  + (f":{parts.port}" if parts.port else "")))


def _check_reachable(opener, url: str) -> None:
    """Fail before reading the file if nothing listens at the endpoint."""
    req = urllib.request.Request(url, method="HEAD")
    try:
        opener.open(req, timeout=10).close()
    except urllib.error.HTTPError:
        pass  # something answers; a Graph Store may well refuse HEAD on the bare URL
    except (urllib.error.URLError, OSError) as e:
        raise KGError(f"cannot reach the endpoint {url}: {getattr(e, 'reason', e)}") from None


def _send(opener, url: str, method: str, graph: str | None, body: bytes, content_type: str) -> None:
    target = graph_url(url, graph)
    req = urllib.request.Request(target, data=body, method=method,
                                 headers={"Content-Type": content_type})
    try:
        with opener.open(req, timeout=TIMEOUT) as resp:
            resp.read()
    except urllib.error.HTTPError as e:
        detail = e.read(300).decode("utf-8", "replace").strip().replace("\n", " ")
        what = f"graph <{graph}>" if graph else "the default graph"
        raise KGError(f"the endpoint refused {method} of {what}: HTTP {e.code} {e.reason}"
                      + (f": {detail}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as e:
        raise KGError(f"cannot reach the endpoint {url}: {getattr(e, 'reason', e)}") from None
