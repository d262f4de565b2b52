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

Two graphs describe a whole build: the reference graph (facts about the
entities the build names) and the statistics graph (``kg/rdf/statistics.py``,
its counts). A push replaces them like any graph, so after two pushes of two
builds they describe the second alone. To load several builds into one store,
push them in one run (``--graph A.trig --graph B.trig``): a document graph in
several files is replaced by the later file's, the reference graphs are
merged (the later ones appended), the files' statistics graphs are not sent,
and one counted over the graphs as the store now holds them is sent last.
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
from kg.rdf.namespaces import REFERENCE_GRAPH, STATISTICS_GRAPH

CHUNK_BYTES = 16 * 1024 * 1024
TIMEOUT = 120.0  # seconds per request; a big graph on a busy store takes a while
FORMATS = {".trig": "TRIG", ".nq": "N_QUADS"}
DEFAULT = None  # graph "name" of the default graph
REFERENCE = str(REFERENCE_GRAPH)


def cmd_push(args) -> int:
    """Push every named graph of the ``args.graph`` files to ``args.endpoint``."""
    t0 = time.perf_counter()
    files = args.graph if isinstance(args.graph, list) else [args.graph]
    graphs, triples = push_files(files, args.endpoint)
    print(f"pushed {graphs} graph(s), {triples} triple(s) to {_redact(args.endpoint)} "
          f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


def push_file(path: str | Path, endpoint: str, content_type: str = "application/n-triples") -> tuple[int, int]:
    """Send each graph of the .trig/.nq file at ``path``; return (graphs, triples) sent."""
    return push_files([path], endpoint, content_type)


def _checked(path: str | Path) -> tuple[Path, str]:
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KGError(f"{path}: push needs a .trig or .nq file (one named graph per document), "
                      f"not {path.suffix or 'a file without extension'}")
    if not path.is_file():
        raise KGError(f"{path}: no such file")
    return path, fmt


def push_files(paths, endpoint: str, content_type: str = "application/n-triples") -> tuple[int, int]:
    """Send each graph of the .trig/.nq files ``paths``, in order (a graph in two
    files is replaced by the later one); return (graphs, triples) sent. Several
    files get one statistics graph counted over all of them (module doc)."""
    files = [_checked(p) for p in paths]
    if not files:
        raise KGError("give at least one --graph FILE to push")
    opener, url = _opener(endpoint)
    _check_reachable(opener, url)
    recount = len(files) > 1
    counted: dict = {}  # graph -> its kg.rdf.statistics.GraphCounts, as the last file has it
    sent: set = set()
    n_triples = 0
    for path, fmt in files:
        this_file: set = set()
        kept: dict = {}  # graph -> the triples of this file that statistics count
        for graph, chunk in _chunks(_quads(path, fmt)):
            if recount:
                if graph == STATISTICS_GRAPH:
                    continue
                kept.setdefault(graph, []).extend(_counted(chunk))
            # later chunks of one graph append, and so does a later file's reference graph
            append = graph in this_file or (graph == REFERENCE and graph in sent)
            _send(opener, url, "POST" if append else "PUT", graph, _ntriples(chunk), content_type)
            this_file.add(graph)
            n_triples += len(chunk)
        if recount:
            from kg.rdf.statistics import count_graph, merge

            for g, triples in kept.items():
                counts = count_graph(triples)
                counted[g] = merge([counted[g], counts]) if g == REFERENCE and g in counted else counts
        sent |= this_file
    if recount:
        stats = _statistics(counted.values())
        _send(opener, url, "PUT", STATISTICS_GRAPH, _ntriples(stats), content_type)
        sent.add(STATISTICS_GRAPH)
        n_triples += len(stats)
    return len(sent), n_triples


def _counted(triples) -> Iterator[tuple]:
    """The triples of ``triples`` (pyoxigraph) that statistics count, as plain terms
    (``kg.rdf.statistics.count_graph``: IRI ``str``, literal a tuple); blank nodes left out."""
    import pyoxigraph as ox

    from kg.rdf.statistics import COUNTED_PREDICATES

    for t in triples:
        if t.predicate.value not in COUNTED_PREDICATES or isinstance(t.subject, ox.BlankNode) \
                or isinstance(t.object, ox.BlankNode):
            continue
        o = t.object
        yield (t.subject.value, t.predicate.value,
               (o.value, o.datatype.value, o.language or "") if isinstance(o, ox.Literal) else o.value)


def _statistics(counts) -> list:
    """The statistics graph's triples for ``counts``, as pyoxigraph triples."""
    import pyoxigraph as ox

    from kg.rdf.graph import RDF_TERMS
    from kg.rdf.statistics import statistics_triples
    from kg.store import to_ox

    return [ox.Triple(*map(to_ox, t)) for t in statistics_triples(list(counts), RDF_TERMS)]


def _quads(path: Path, fmt: str) -> Iterator:
    import pyoxigraph as ox

    try:
        yield from ox.parse(path=str(path), format=getattr(ox.RdfFormat, fmt))
    except SyntaxError as e:
        raise KGError(f"{path}: not valid {fmt.replace('_', '-')}: {e}") from None
    except OSError as e:
        raise KGError(f"{path}: cannot read: {e.strerror or e}") from None


def _chunks(quads: Iterable) -> Iterator[tuple[str | None, list]]:
    """Group consecutive quads by graph into lists of triples of bounded N-Triples size."""
    import pyoxigraph as ox

    current: object = object()
    buf: list = []
    size = 0
    for q in quads:
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        if g != current or size >= CHUNK_BYTES:
            if buf:
                yield current, buf  # type: ignore[misc]
            current, buf, size = g, [], 0
        t = q.triple
        buf.append(t)
        size += len(str(t)) + 3
    if buf:
        yield current, buf  # type: ignore[misc]


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
