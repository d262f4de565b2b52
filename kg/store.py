"""Load a graph file into a queryable store: Oxigraph (fast) or rdflib (reference).

Both engines see the same data: the build output (TriG/N-Quads keep one named
graph per document) plus ``ontology/**/*.ttl`` in the graph ``ONTOLOGY_GRAPH``,
and both query with the default graph as the union of all graphs. Results come
back as rdflib terms in a ``Result`` so that callers (tables, the endpoint, the
tests that compare engines) never care which engine answered.
"""
from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg import paths
from kg.errors import KGError
from kg.rdf.namespaces import STATISTICS_GRAPH

ID = "https://w3id.org/navo-kg/id/"
ONTOLOGY_GRAPH = ID + "graph/ontology"
UNION_GRAPH = ID + "graph/default"  # where a triples file (Turtle, N-Triples) is loaded: no graph per document
ONTOLOGY_DIR = paths.ONTOLOGY_DIR

# Prefixes every query may use without declaring them.
PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/navo-kg/def#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "void": "http://rdfs.org/ns/void#",
    "id": ID,
}

# file extension -> (pyoxigraph RdfFormat name, rdflib format name)
FORMATS = {
    ".trig": ("TRIG", "trig"),
    ".nq": ("N_QUADS", "nquads"),
    ".ttl": ("TURTLE", "turtle"),
    ".nt": ("N_TRIPLES", "nt"),
    ".jsonld": ("JSON_LD", "json-ld"),
    ".json": ("JSON_LD", "json-ld"),
}
DATASET_EXTS = {".trig", ".nq", ".jsonld", ".json"}
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@dataclass
class Result:
    """A query answer: ``kind`` is ``select``, ``ask`` or ``graph``.

    ``rows`` hold rdflib terms (``None`` where unbound); ``triples`` hold the
    CONSTRUCT/DESCRIBE output; ``truncated`` is set when a row limit cut it.
    """

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    truncated: bool = False


# ---------------------------------------------------------------- safety checks

_TOKEN = re.compile(
    r'(?P<str>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\s]*>)'
    r'|(?P<comment>#[^\n]*)'
    r'|(?P<word>[A-Za-z_][\w\-.:]*)'
    r'|(?P<other>\S)', re.S)


class UnsafeQuery(KGError):
    """A query the store refuses to run (an update, SERVICE, a remote FROM)."""

    def __init__(self, message: str, status: int = 403):
        super().__init__(message)
        self.status = status


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[tuple[str, str], ...]:
    """The query's tokens without comments (cached: the library's queries come back again and again)."""
    return tuple((m.lastgroup, m.group()) for m in _TOKEN.finditer(text) if m.lastgroup != "comment")


# rdflib's SPARQL parser (pyparsing) is not safe to call from several threads at once.
_PARSE_LOCK = threading.Lock()
# update operations by their rdflib parse-tree name, for the refusal message
_UPDATE_NAMES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD",
                 "Move": "MOVE", "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA",
                 "DeleteWhere": "DELETE WHERE", "Modify": "DELETE/INSERT"}


@dataclass(frozen=True)
class QueryShape:
    """What the parsed query asks for that a read-only local store must check."""

    services: tuple[str, ...] = ()  # SERVICE targets (IRIs or variable names)
    datasets: tuple[str, ...] = ()  # FROM / FROM NAMED IRIs, prefixes expanded
    update: str | None = None  # the first update operation, if the text is an update


@lru_cache(maxsize=1024)
def query_shape(text: str) -> QueryShape:
    """Parse ``text`` with rdflib's SPARQL 1.1 grammar and report SERVICE, FROM and updates.

    The decision is made on the parse tree, so a variable named ``?service``
    or ``?from`` and the word SERVICE inside a string or comment are just
    that. Text that is neither a query nor an update raises
    ``QuerySyntaxError`` with rdflib's line and column. Cached: the endpoint
    sees the library's queries again and again.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    with _PARSE_LOCK:
        try:
            parsed = parseQuery(text)
        except ParseException as query_error:
            try:
                update = parseUpdate(text)
            except ParseException:
                return _unparsed(text, QuerySyntaxError(query_error.lineno, query_error.col,
                                                        str(query_error.msg)))
            ops = [getattr(op, "name", "") for op in (update["request"] if "request" in update else [])]
            return QueryShape(update=_UPDATE_NAMES.get(ops[0], ops[0]) if ops else "UPDATE")
        except RecursionError:
            raise KGError("query too deeply nested to check") from None
    prologue, body = parsed[0], parsed[1]
    declared = {d["prefix"] or "": str(d["iri"]) for d in prologue if getattr(d, "name", "") == "PrefixDecl"}
    bases = [str(d["iri"]) for d in prologue if getattr(d, "name", "") == "Base"]
    clauses = body["datasetClause"] if "datasetClause" in body else []
    datasets = tuple(_iri_of(c["default"] if "default" in c else c["named"], declared, bases)
                     for c in clauses)
    services = tuple(_iri_of(n["term"], declared, bases) for n in _walk(body)
                     if getattr(n, "name", "") == "ServiceGraphPattern")
    return QueryShape(services=services, datasets=datasets)


_RISKY = re.compile(r"SERVICE|FROM|LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH", re.I)


def _unparsed(text: str, rdflib_error: "QuerySyntaxError") -> QueryShape:
    """Text that rdflib's grammar does not accept: a syntax error, said where Oxigraph says it.

    Oxigraph's messages point at the token that is wrong (rdflib's at the start of
    the group it could not read). Getting them means letting Oxigraph parse the
    text, and it runs what parses: that is done on an empty in-memory store, and
    only when no word of the text could ask for the network or a change (a
    conservative look at the words, used for nothing else). If Oxigraph does
    read it, the two grammars differ on a query that asks for nothing risky:
    it is let through.
    """
    if _RISKY.search(text):
        raise rdflib_error
    error = oxigraph_syntax_error(text)
    if error is not None:
        raise error
    return QueryShape()


def oxigraph_syntax_error(text: str) -> "QuerySyntaxError | None":
    """Oxigraph's syntax error for the query ``text``, or None if it parses.

    pyoxigraph has no parse-only call: the text is run on an empty in-memory
    store (callers make sure it can ask for nothing risky). A query that
    parses and then fails on the empty store is no syntax error.
    """
    import pyoxigraph as ox

    try:
        ox.Store().query(text, prefixes=PREFIXES)
    except SyntaxError as e:
        return QuerySyntaxError.from_oxigraph(str(e))
    except Exception:  # noqa: BLE001 - parsed, failed on an empty store: not a syntax error
        return None
    return None


def _walk(node, depth: int = 0):
    """Every node of an rdflib SPARQL parse tree (CompValues, lists, ParseResults)."""
    from rdflib.plugins.sparql.parserutils import CompValue
    from pyparsing import ParseResults

    if depth > 200:
        raise KGError("query too deeply nested to check")
    if isinstance(node, CompValue):
        yield node
        for v in node.values():
            yield from _walk(v, depth + 1)
    elif isinstance(node, (list, tuple, ParseResults)):
        for v in node:
            yield from _walk(v, depth + 1)


def _iri_of(term, declared: dict[str, str], bases: list[str]) -> str:
    """An IRI, prefixed name or variable of the parse tree as text (prefixes expanded)."""
    from urllib.parse import urljoin

    name = getattr(term, "name", "")
    if name == "pname":
        prefix = term["prefix"] if "prefix" in term else ""
        local = term["localname"] if "localname" in term else ""
        base = declared.get(prefix or "", PREFIXES.get(prefix or ""))
        return (base or (prefix or "") + ":") + (local or "")
    text = str(term)
    if isinstance(term, URIRef) and bases and ":" not in text.split("/", 1)[0]:
        return urljoin(bases[-1], text)
    return ("?" + text) if type(term).__name__ == "Variable" else text


def check_read_only(text: str, graphs: Iterable[str] = ()) -> None:
    """Refuse updates, ``SERVICE``, and ``FROM``/``FROM NAMED`` of graphs not in the store.

    Both engines would fetch such IRIs over the network; a read-only local
    store must never do that. The check reads the parsed query
    (``query_shape``), never the words of its text.
    """
    shape = query_shape(text)
    if shape.update:
        raise UnsafeQuery(f"SPARQL Update ({shape.update}) is not allowed: the store is read-only")
    if shape.services:
        raise UnsafeQuery(f"SERVICE {shape.services[0]} (federated query) is not allowed on this store")
    known = set(graphs)
    for iri in shape.datasets:
        if iri not in known:
            raise UnsafeQuery(f"FROM <{iri}> is not a graph of this store (remote graphs are not loaded)")


def names_graphs(text: str) -> bool:
    """True when a query can see named graphs: it has a ``GRAPH`` pattern or a ``FROM`` clause.

    Any other query reads the default graph alone (strings, IRIs, comments and
    variables called ``?graph`` do not count).
    """
    toks = _tokens(text)
    return any(kind == "word" and tok.upper() in ("GRAPH", "FROM") and not _is_key_of(toks, i)
               for i, (kind, tok) in enumerate(toks))


def _is_key_of(toks: tuple[tuple[str, str], ...], i: int) -> bool:
    """True when a would-be update keyword is really a variable or prefixed name part."""
    return i > 0 and toks[i - 1][1] in ("?", "$", ":")


# ---------------------------------------------------------------- loading

def graph_format(path: Path) -> tuple[str, str]:
    """The (oxigraph, rdflib) format names for a graph file, from its extension."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KGError(f"{path}: unknown graph format {path.suffix!r} (use .trig .nq .ttl .nt .jsonld)")
    return fmt


def ontology_files(folder: Path | None = ONTOLOGY_DIR) -> list[Path]:
    """The ontology's Turtle files, loaded beside every graph (sorted, so loads are repeatable)."""
    return sorted(folder.glob("**/*.ttl")) if folder and folder.is_dir() else []


def missing_graph(path: Path) -> KGError:
    """The error for a graph path that is neither a file nor a store folder
    (a name ending in ``STORE_SUFFIX`` is taken for a store)."""
    if path.suffix.lower() == STORE_SUFFIX:
        return KGError(f"{path}: no such store (write one with kg build DOCS -o {path})")
    return KGError(f"{path}: no such graph file")


def open_store(path: str | Path, engine: str = "oxigraph", ontology: bool = True) -> "Store":
    """Open ``path`` for queries: a graph file is loaded (with the ontology) into a
    new in-memory store of the given engine; a ``kg build -o DIR.oxigraph``
    store is opened read-only where it lies (it holds the ontology already)."""
    path = Path(path)
    if path.is_dir():  # a store (``store_info`` says so when it is not)
        if engine == "oxigraph":
            return OxDiskStore(path)
        if engine == "rdflib":
            return RdflibStore.from_disk(path)
        raise KGError(f"unknown engine {engine!r} (oxigraph or rdflib)")
    if not path.is_file():
        raise missing_graph(path)
    extra = ontology_files() if ontology else []
    if engine == "oxigraph":
        return OxStore(path, extra)
    if engine == "rdflib":
        return RdflibStore(path, extra)
    raise KGError(f"unknown engine {engine!r} (oxigraph or rdflib)")


def _where(path: Path, line: int | None, col: int | None, msg: str) -> KGError:
    at = (f":{line}" if line is not None else "") + (f":{col}" if col is not None else "")
    return KGError(f"{path}{at}: does not parse: {msg}")


def _ox_where(path: Path, e: SyntaxError) -> KGError:
    """``_where`` for an Oxigraph parser error (its location, when given, is ``e.args[1]``)."""
    loc = e.args[1] if len(e.args) > 1 and isinstance(e.args[1], tuple) else (None, None, None)
    return _where(path, loc[1], loc[2], str(e.args[0]))


def _rdflib_where(e: Exception) -> tuple[int | None, int | None, str]:
    """Line, column and message of an rdflib parser error (N3/Turtle/TriG or N-Quads)."""
    why = getattr(e, "_why", None)
    if why is not None:  # notation3.BadSyntax: 0-based line count, no column
        return getattr(e, "lines", 0) + 1, None, str(why)
    line = getattr(e, "lineno", None) or getattr(e, "line", None)
    text = str(e).strip()
    return (line if isinstance(line, int) else None), None, (text.splitlines()[-1] if text else type(e).__name__)


class Store:
    """What both engines offer: ``query`` and ``labels``."""

    engine = ""

    def query(self, text: str, bindings: dict[str, Node] | None = None,
              max_rows: int | None = None) -> Result:  # pragma: no cover - interface
        raise NotImplementedError

    def graphs(self) -> list[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def labels(self, iris: Iterable[URIRef]) -> dict[URIRef, str]:
        """The ``rdfs:label`` of each IRI that has one (the smallest, for determinism)."""
        out: dict[URIRef, str] = {}
        for iri in set(iris):
            found = self._labels_of(iri)
            if found:
                out[iri] = min(found)
        return out

    def _labels_of(self, iri: URIRef) -> list[str]:  # pragma: no cover - interface
        raise NotImplementedError


def mixed_statistics_note(source) -> str:
    """What the loaders say when they count a file's statistics anew (``kg.rdf.statistics.mixed``)."""
    return (f"kg: note: {source}: its statistics graph holds the counts of more than one build "
            f"(two outputs joined into one?); counted anew from its graphs")


def _ox_statistics(st) -> list:
    """The statistics quads in ``st`` (any graph): the root's and its partition and pair nodes'."""
    import pyoxigraph as ox

    root = list(st.quads_for_pattern(ox.NamedNode(STATISTICS_GRAPH), None, None, None))
    nodes = {q.object for q in root if isinstance(q.object, ox.NamedNode)}
    return root + [q for n in sorted(nodes, key=lambda n: n.value) for q in st.quads_for_pattern(n, None, None, None)]


def add_missing_statistics(st, default_graph: bool = True, source=None) -> list:
    """Count the statistics graph into the pyoxigraph store ``st`` if it has none
    (its default graph still empty): ``kg build`` writes it, but a hand-made
    graph or one built before it existed gets it counted at load, so the
    library queries that read it answer on any graph. The default graph is
    counted as one more graph unless ``default_graph`` is false (when it holds
    the union already). Statistics of more than one build (two outputs joined,
    ``kg.rdf.statistics.mixed``) are dropped and counted anew, with a note on
    stderr naming ``source``. Returns the quads added."""
    import pyoxigraph as ox

    from kg.rdf.graph import RDF_TERMS
    from kg.rdf.statistics import graphs_statistics, mixed

    found = _ox_statistics(st)
    if found:
        if not mixed((q.subject, q.predicate, q.object) for q in found):
            return []
        for q in found:
            st.remove(q)
        print(mixed_statistics_note(source), file=sys.stderr)
    skip = ox.NamedNode(ONTOLOGY_GRAPH)
    graphs = [g for g in st.named_graphs() if g != skip] + ([ox.DefaultGraph()] if default_graph else [])

    def plain(term):  # as kg.rdf.statistics counts: IRI -> str, literal -> tuple
        if isinstance(term, ox.Literal):
            return (term.value, term.datatype.value, term.language or "")
        return term.value

    triples = graphs_statistics(
        (((q.subject.value, q.predicate.value, plain(q.object))
          for q in st.quads_for_pattern(None, None, None, g)
          if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode))
         for g in graphs), RDF_TERMS)
    to = ox.NamedNode(STATISTICS_GRAPH)
    quads = [ox.Quad(*map(to_ox, t), to) for t in triples]
    st.bulk_extend(quads)
    return quads


class OxStore(Store):
    """pyoxigraph in-memory stores; the default graph is the set union of all graphs.

    Two stores hold the same default graph: ``store`` also keeps the named
    graphs (for ``GRAPH`` and ``FROM`` queries), ``union`` holds the default
    graph alone. Oxigraph's in-memory store finds a pattern's matches by
    walking the quads that share its subject, predicate or object across
    every graph, so a triple stated in 600 letters is walked 601 times there
    and once in ``union``: queries that never name a graph run on ``union``.
    """

    engine = "oxigraph"

    def __init__(self, path: Path, extra: list[Path] = ()):
        import pyoxigraph as ox

        self._ox = ox
        self.path = path
        self._graphs: list[str] | None = None
        self.store = ox.Store()
        self.union = ox.Store()
        oxfmt = getattr(ox.RdfFormat, graph_format(path)[0])
        try:
            if path.suffix.lower() in DATASET_EXTS:
                self.store.bulk_load(path=str(path), format=oxfmt)
            else:  # triples: put them in one named graph like the documents' facts
                self.store.bulk_load(path=str(path), format=oxfmt, to_graph=ox.NamedNode(UNION_GRAPH))
            for ttl in extra:
                self.store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE,
                                     to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
        except SyntaxError as e:
            raise _ox_where(path, e) from None
        self._add_missing_statistics()
        self._materialize_union()

    def _add_missing_statistics(self) -> None:
        add_missing_statistics(self.store, source=self.path)

    def _materialize_union(self) -> None:
        """Make the default graph the set union of every graph's triples, in both stores.

        Oxigraph's ``use_default_graph_as_union`` is a multiset union: a triple
        stated in three letters matches three times. SPARQL's default graph is
        a set, as in rdflib; a real copy gives the same answers as rdflib.
        """
        ox = self._ox
        self.loaded = len(self.store)
        # a store is a set of quads: the triple stated in many graphs is kept once
        self.union.bulk_extend(ox.Quad(q.subject, q.predicate, q.object)
                               for q in self.store.quads_for_pattern(None, None, None, None))
        self.store.bulk_extend(self.union.quads_for_pattern(None, None, None, None))

    def __len__(self) -> int:
        return self.loaded

    def graphs(self) -> list[str]:
        if self._graphs is None:  # the store is read-only once loaded: list the graphs once
            self._graphs = sorted(g.value for g in self.store.named_graphs())
        return list(self._graphs)

    def query(self, text, bindings=None, max_rows=None) -> Result:
        ox = self._ox
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            target = self.store if names_graphs(text) else self.union
            res = target.query(text, prefixes=PREFIXES, substitutions=subs or None)
        except SyntaxError as e:
            raise QuerySyntaxError.from_oxigraph(str(e)) from None
        except RuntimeError as e:  # e.g. a parameter that is not a result column
            raise KGError(f"query failed: {e} (a parameter must be a SELECT column)") from None
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            if max_rows is not None:
                sols = list(islice(res, max_rows + 1))
                truncated = len(sols) > max_rows
                del sols[max_rows:]
            else:
                sols, truncated = res, False
            # a solution iterates its values in ``variables`` order, None where unbound
            conv = from_ox
            rows = [tuple(map(conv, sol)) for sol in sols]
            return Result("select", vars=names, rows=rows, truncated=truncated)
        triples = [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in res]
        return Result("graph", triples=triples)

    def _labels_of(self, iri):
        ox = self._ox
        return [q.object.value for q in self.union.quads_for_pattern(
            ox.NamedNode(str(iri)), ox.NamedNode(RDFS_LABEL), None, None)]


class RdflibStore(Store):
    """rdflib ``Dataset`` with ``default_union``: slow, but the reference engine."""

    engine = "rdflib"

    @classmethod
    def from_disk(cls, path: Path) -> "RdflibStore":
        """The named graphs of an on-disk store (the ontology included) in an rdflib Dataset."""
        self = cls.__new__(cls)
        self.ds = store_dataset(path, ontology=True)
        self._graphs = None
        return self

    def __init__(self, path: Path, extra: list[Path] = ()):
        from rdflib import Dataset

        self.ds = Dataset(default_union=True)
        self.path = path
        self._graphs: list[str] | None = None
        fmt = graph_format(path)[1]
        try:
            if path.suffix.lower() in DATASET_EXTS:
                self.ds.parse(str(path), format=fmt)
            else:
                self.ds.graph(URIRef(UNION_GRAPH)).parse(str(path), format=fmt)
        except Exception as e:  # rdflib's parsers raise many types; all mean "bad file"
            raise _where(path, *_rdflib_where(e)) from None
        self._add_missing_statistics()
        for ttl in extra:
            self.ds.graph(URIRef(ONTOLOGY_GRAPH)).parse(str(ttl), format="turtle")

    def _add_missing_statistics(self) -> None:
        """As ``OxStore._add_missing_statistics``."""
        from kg.rdf.graph import RDF_TERMS
        from kg.rdf.statistics import dataset_statistics, mixed

        root = URIRef(STATISTICS_GRAPH)
        found = list(self.ds.quads((root, None, None, None)))
        found += [q for n in sorted({q[2] for q in found if isinstance(q[2], URIRef)})
                  for q in self.ds.quads((n, None, None, None))]
        if found:
            if not mixed(q[:3] for q in found):
                return
            for s, p, o, g in found:
                self.ds.graph(g).remove((s, p, o))
            print(mixed_statistics_note(self.path), file=sys.stderr)
        triples = dataset_statistics(self.ds, RDF_TERMS)
        stats = self.ds.graph(URIRef(STATISTICS_GRAPH))
        for t in triples:
            stats.add(t)

    def __len__(self) -> int:
        return sum(1 for _ in self.ds.quads((None, None, None, None)))

    def graphs(self) -> list[str]:
        if self._graphs is None:  # read-only once loaded: list the graphs once
            self._graphs = sorted(str(g.identifier) for g in self.ds.graphs()
                                  if isinstance(g.identifier, URIRef)
                                  and not str(g.identifier).startswith("urn:x-rdflib:"))
        return list(self._graphs)

    def query(self, text, bindings=None, max_rows=None) -> Result:
        from pyparsing import ParseException

        try:
            res = self.ds.query(text, initNs=PREFIXES, initBindings=dict(bindings or {}))
        except ParseException as e:
            raise QuerySyntaxError(e.lineno, e.col, str(e.msg)) from None
        if res.type == "ASK":
            return Result("ask", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            names = [str(v) for v in res.vars]
            rows, truncated = [], False
            for r in res:
                if max_rows is not None and len(rows) >= max_rows:
                    truncated = True
                    break
                rows.append(tuple(r[i] for i in range(len(names))))
            return Result("select", vars=names, rows=rows, truncated=truncated)
        return Result("graph", triples=list(res.graph) if res.graph is not None else [])

    def _labels_of(self, iri):
        from rdflib.namespace import RDFS

        return [str(o) for o in self.ds.objects(iri, RDFS.label)]


class QuerySyntaxError(KGError):
    """A query that does not parse, with the line and column where it fails."""

    def __init__(self, line: int | None, col: int | None, msg: str):
        where = f"line {line}, column {col}: " if line is not None else ""
        super().__init__(f"syntax error at {where}{msg}")
        self.line, self.col, self.msg = line, col, msg

    @classmethod
    def from_oxigraph(cls, text: str) -> "QuerySyntaxError":
        m = re.match(r"error at (\d+):(\d+): (.*)", text, re.S)
        if m:
            return cls(int(m.group(1)), int(m.group(2)), m.group(3))
        return cls(None, None, text)


# ---------------------------------------------------------------- the on-disk store

# ``kg build PATH… -o DIR.oxigraph`` writes a directory:
#   DIR.oxigraph/db/                 the Oxigraph (RocksDB) store
#   DIR.oxigraph/navo-kg-store.json  the marker: versions, and a hash per graph
# The store holds every document's named graph, the reference, statistics and
# ontology graphs, and in its default graph the set union of all of them: a
# triple stated in three letters is there once, so COUNTs give what the TriG
# path gives (Oxigraph's own union default graph is a multiset).
STORE_SUFFIX = ".oxigraph"
STORE_MARKER = "navo-kg-store.json"
STORE_FORMAT = 1  # bump when the layout of the store changes
BULK_SLICE = 100_000  # quads per bulk load while writing a store


def is_store(path: str | Path) -> bool:
    """True when ``path`` is a directory written as a store (it has the marker)."""
    p = Path(path)
    return p.is_dir() and (p / STORE_MARKER).is_file()


def _versions() -> dict:
    import pyoxigraph as ox

    import kg

    return {"store_format": STORE_FORMAT, "navo_kg": kg.__version__, "pyoxigraph": ox.__version__,
            "ontology": _ontology_hash()}


@lru_cache(maxsize=1)
def _ontology_hash() -> str:
    import hashlib

    h = hashlib.sha256()
    for f in ontology_files():
        h.update(f.relative_to(ONTOLOGY_DIR).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _read_marker(path: Path) -> dict | None:
    try:
        return json.loads((path / STORE_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store_info(path: str | Path) -> dict:
    """The marker of the store at ``path``, after checking it was written by this
    navo-kg with this pyoxigraph and ontology; else a one-line error saying how to rebuild."""
    path = Path(path)
    if not path.exists():
        raise KGError(f"{path}: no such store (write one with kg build DOCS -o {path})")
    marker = _read_marker(path)
    if not isinstance(marker, dict):
        raise KGError(f"{path}: not a navo-kg store (no readable {STORE_MARKER}); "
                      f"rebuild it with kg build DOCS -o {path}")
    want = _versions()
    if any(marker.get(k) != v for k, v in want.items()):
        if marker.get("ontology") != want["ontology"] and all(
                marker.get(k) == v for k, v in want.items() if k != "ontology"):
            why = "with another version of ontology/"
        else:
            why = (f"by navo-kg {marker.get('navo_kg')} with pyoxigraph {marker.get('pyoxigraph')} "
                   f"(store format {marker.get('store_format')}); this is navo-kg {want['navo_kg']} "
                   f"with pyoxigraph {want['pyoxigraph']} (store format {STORE_FORMAT})")
        raise KGError(f"{path}: store written {why}: rebuild it with kg build DOCS -o {path}")
    return marker


class OxDiskStore(OxStore):
    """A store written by ``kg build -o DIR.oxigraph``, opened read-only.

    Opening takes milliseconds whatever the size; any number of processes can
    open the same store at once (``kg serve`` workers do). Queries that never
    name a graph read the default graph, which holds the de-duplicated union.
    """

    def __init__(self, path: Path):
        import pyoxigraph as ox

        marker = store_info(path)
        self._ox = ox
        self.path = Path(path)
        self._graphs = None
        try:
            self.store = self.union = ox.Store.read_only(str(self.path / "db"))
        except OSError as e:
            raise KGError(f"{path}: cannot open the store: {str(e).splitlines()[0][:200]}; "
                          f"rebuild it with kg build DOCS -o {path}") from None
        self.loaded = int(marker.get("quads", 0))


def store_quads(path: str | Path, ontology: bool = False):
    """The quads of a store's named graphs as pyoxigraph ``Quad`` s (the default
    graph, a copy of their union, left out): what the build would have written
    to a ``.nq`` file, plus the ontology graph when ``ontology``.

    Oxigraph keeps integers as ``xsd:integer`` whatever subtype they were
    written with; where the shapes give a property an integer subtype
    (``oa:start`` is an ``xsd:nonNegativeInteger``), its literals get it back.
    """
    import pyoxigraph as ox

    st = OxDiskStore(Path(path)).store  # checked now, not when the first quad is asked for
    skip = None if ontology else ox.NamedNode(ONTOLOGY_GRAPH)
    graphs = [g for g in sorted(st.named_graphs(), key=lambda n: n.value) if g != skip]
    retype = {ox.NamedNode(p): ox.NamedNode(d) for p, d in _integer_subtypes().items()}
    integer = ox.NamedNode(_XSD + "integer")

    def restored(q):
        dt = retype.get(q.predicate)
        if dt is not None and isinstance(q.object, ox.Literal) and q.object.datatype == integer:
            return ox.Quad(q.subject, q.predicate, ox.Literal(q.object.value, datatype=dt), q.graph_name)
        return q
    return (restored(q) for g in graphs for q in st.quads_for_pattern(None, None, None, g))


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_SUBTYPES = {_XSD + t for t in ("nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                                        "negativeInteger", "long", "int", "short", "byte", "unsignedLong",
                                        "unsignedInt", "unsignedShort", "unsignedByte")}


@lru_cache(maxsize=1)
def _integer_subtypes() -> dict[str, str]:
    """property IRI -> the integer subtype the ontology's SHACL shapes give its values."""
    import pyoxigraph as ox

    sh = "http://www.w3.org/ns/shacl#"
    g = ox.Store()
    for ttl in ontology_files():
        g.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    rows = g.query(f"SELECT ?p ?d WHERE {{ ?s <{sh}path> ?p ; <{sh}datatype> ?d . FILTER(isIRI(?p)) }}")
    return {r["p"].value: r["d"].value for r in rows if r["d"].value in _INTEGER_SUBTYPES}


def store_dataset(path: str | Path, ontology: bool = False):
    """A store's named graphs in an rdflib ``Dataset`` (``default_union``), as
    ``kg.rdf.load.load_dataset`` gives for the same build written as TriG."""
    from kg.rdf.load import dataset_of

    return dataset_of(store_quads(path, ontology))


def check_store_output(output: Path) -> None:
    """Fail early when ``output`` cannot become a store (an existing file, or a
    non-empty folder that is not a store)."""
    if output.exists() and not output.is_dir():
        raise KGError(f"cannot write {output}: it is a file, and a store is a folder")
    if output.is_dir() and not is_store(output) and any(output.iterdir()):
        raise KGError(f"cannot write {output}: the folder exists and is not a navo-kg store")


def _graph_hash(lines: list[str]) -> str:
    import hashlib

    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return h.hexdigest()


def ontology_lines() -> list[str]:
    """The ontology files as sorted N-Quads lines in ``ONTOLOGY_GRAPH``, blank
    nodes named by file and order of appearance (the parser's names are random,
    and the graph's hash must not change between builds)."""
    import pyoxigraph as ox

    g = ox.NamedNode(ONTOLOGY_GRAPH)
    quads = []
    for i, ttl in enumerate(ontology_files()):
        names: dict = {}

        def fixed(t, i=i, names=names):
            if isinstance(t, ox.BlankNode):
                return names.setdefault(t, ox.BlankNode(f"o{i}b{len(names)}"))
            return t
        quads.extend(ox.Quad(fixed(t.subject), t.predicate, fixed(t.object), g)
                     for t in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    return sorted(set(text.splitlines()))


def write_store(output: Path, graphs: list[tuple[str, list[str]]]) -> dict:
    """Write the store ``output`` from ``graphs`` ((graph IRI, sorted N-Quads
    lines) for each named graph) plus the ontology, atomically.

    The new store is made in a hidden folder beside ``output`` and swapped into
    place in one step (``renameat2(RENAME_EXCHANGE)``); an interrupted write
    leaves the old store as it was. When the old store was written by this
    navo-kg, pyoxigraph and ontology, the new one starts as a copy of it (its
    immutable files hard-linked) and only the graphs whose content changed are
    replaced, and the union kept in step (unless most graphs changed: then it
    is written anew, see ``_worth_updating``). Call it under the build's lock.
    Returns ``{"graphs", "changed", "removed", "quads"}``.
    """
    import shutil

    output = Path(output)
    parent = output.parent if str(output.parent) else Path(".")
    for stale in parent.glob(f".{output.name}.tmp-*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    graphs = [*graphs, (ONTOLOGY_GRAPH, ontology_lines())]
    hashes = {iri: _graph_hash(lines) for iri, lines in graphs}
    tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}.tmp-", dir=parent))
    try:
        old = None
        if is_store(output):
            try:
                old = store_info(output)
            except KGError:
                old = None  # another version: write it anew
        old_hashes = old.get("graphs") if old is not None else None
        if isinstance(old_hashes, dict) and _worth_updating(graphs, hashes, old_hashes):
            _link_copy(output / "db", tmp / "db")
            stats = _update(tmp / "db", graphs, hashes, old_hashes)
        else:
            stats = _fill(tmp / "db", graphs)
        marker = {**_versions(), "quads": stats["quads"], "graphs": dict(sorted(hashes.items()))}
        with open(tmp / STORE_MARKER, "w", encoding="utf-8") as f:
            json.dump(marker, f, indent=1)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o755)
        if output.exists():
            _exchange(tmp, output)  # tmp now holds the old store
        else:
            os.rename(tmp, output)
        _fsync_dir(parent)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return stats


UPDATE_SHARE = 0.25  # above this share of changed quads, a store is written anew


def _worth_updating(graphs: list[tuple[str, list[str]]], hashes: dict[str, str], old: dict) -> bool:
    """True when the graphs that changed hold at most ``UPDATE_SHARE`` of the quads.

    Resolution reruns over every letter, so a new letter can change the label
    of an entity that hundreds of letters restate, and with it most graphs
    (adding one letter to the 1,000 of the bench changed 802 of 1,004): then a
    fresh bulk load is faster, and lighter, than replacing graph after graph.
    """
    total = sum(len(lines) for _iri, lines in graphs) or 1
    changed = sum(len(lines) for iri, lines in graphs if old.get(iri) != hashes[iri])
    return changed <= UPDATE_SHARE * total


def _both(quads):
    """Each quad, and its triple in the default graph (the union)."""
    import pyoxigraph as ox

    for q in quads:
        yield q
        yield ox.Quad(q.subject, q.predicate, q.object)


def _bulk_with_union(st, quads, slice_size: int) -> None:
    """Bulk-load ``quads`` and their triples in the default graph (the union)
    into ``st``, ``slice_size`` quads (twice as many loaded) per call."""
    both = _both(quads)
    while True:
        part = list(islice(both, 2 * slice_size))
        if not part:
            return
        st.bulk_extend(part)


def _parse_lines(lines: list[str]):
    import pyoxigraph as ox

    return ox.parse(input="\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS)


def _fill(db: Path, graphs: list[tuple[str, list[str]]]) -> dict:
    """A new store: every graph and the union, bulk-loaded, then compacted.

    Oxigraph's bulk loader holds a whole call's quads in memory (sorted for
    each index): loading in slices of ``BULK_SLICE`` quads keeps a 1.4M-quad
    build at ~1 GB instead of ~3 GB, for the same time.
    """
    import itertools

    import pyoxigraph as ox

    st = ox.Store(str(db))
    _bulk_with_union(st, itertools.chain.from_iterable(_parse_lines(lines) for _iri, lines in graphs), BULK_SLICE)
    st.optimize()
    st.flush()
    quads = sum(len(lines) for _iri, lines in graphs)
    del st
    return {"graphs": len(graphs), "changed": len(graphs), "removed": 0, "quads": quads}


def _update(db: Path, graphs: list[tuple[str, list[str]]], hashes: dict[str, str], old: dict) -> dict:
    """Replace in the copy ``db`` only the graphs whose hash changed, and drop
    graphs that are gone; a triple leaves the union only when no graph has it any more."""
    import pyoxigraph as ox

    st = ox.Store(str(db))
    changed = [(iri, lines) for iri, lines in graphs if old.get(iri) != hashes[iri]]
    removed = [iri for iri in old if iri not in hashes]
    left = set()  # triples that were in a graph now replaced or dropped
    for iri in [i for i, _ in changed if i in old] + removed:
        g = ox.NamedNode(iri)
        left.update((q.subject, q.predicate, q.object) for q in st.quads_for_pattern(None, None, None, g))
        st.remove_graph(g)
    for _iri, lines in changed:
        st.extend(_both(_parse_lines(lines)))
    default = ox.DefaultGraph()
    gone = [ox.Quad(s, p, o) for s, p, o in left
            if not any(q.graph_name != default for q in st.quads_for_pattern(s, p, o, None))]
    for q in gone:
        st.remove(q)
    st.flush()
    del st
    return {"graphs": len(graphs), "changed": len(changed), "removed": len(removed),
            "quads": sum(len(lines) for _iri, lines in graphs)}


def file_to_store(path: Path, dest: Path, slice_size: int = 4 * BULK_SLICE) -> None:
    """Write the graph file ``path`` into a new store at ``dest``, in the layout
    ``kg build -o DIR.oxigraph`` writes (the ontology, the statistics graph if
    the file has none, the union in the default graph), streaming in slices.

    ``kg serve`` runs this in a child process that exits when it is done, so
    its slices are larger than a build's (at 1.45M quads, on a busy host:
    100,000-quad slices 48 s and 0.38 GB at the peak, 400,000 41 s and 1.26 GB,
    500,000 30 s and 1.8 GB).
    """
    import pyoxigraph as ox

    path, dest = Path(path), Path(dest)
    st = ox.Store(str(dest / "db"))

    loaded = [0]

    def counted(quads):
        for q in quads:
            loaded[0] += 1
            yield q

    def bulk(quads) -> None:
        _bulk_with_union(st, counted(quads), slice_size)

    fmt = getattr(ox.RdfFormat, graph_format(path)[0])
    into = None if path.suffix.lower() in DATASET_EXTS else ox.NamedNode(UNION_GRAPH)
    try:
        quads = ox.parse(path=str(path), format=fmt)
        bulk(quads if into is None else (ox.Quad(q.subject, q.predicate, q.object, into) for q in quads))
    except SyntaxError as e:
        raise _ox_where(path, e) from None
    bulk(_parse_lines(ontology_lines()))
    stats = add_missing_statistics(st, default_graph=False, source=path)
    loaded[0] += len(stats)
    st.bulk_extend([ox.Quad(q.subject, q.predicate, q.object) for q in stats])
    st.optimize()
    st.flush()
    del st
    marker = {**_versions(), "quads": loaded[0], "graphs": {}, "source": str(path)}
    (dest / STORE_MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")


def _link_copy(src: Path, dest: Path) -> None:
    """A copy of a closed RocksDB folder: table files (never changed once written)
    hard-linked, the rest (manifest, logs, options) copied."""
    import shutil

    dest.mkdir()
    for f in src.iterdir():
        if f.name == "LOCK":
            continue
        if f.suffix == ".sst":
            try:
                os.link(f, dest / f.name)
                continue
            except OSError:
                pass  # another file system: copy
        shutil.copy2(f, dest / f.name)


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``).

    Where that is missing, ``b`` is moved aside and ``a`` renamed in its place:
    two steps, with a moment in which ``b`` does not exist.
    """
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        fn = None
    if fn is not None:
        at_fdcwd, rename_exchange = -100, 2
        if fn(at_fdcwd, os.fsencode(str(a)), at_fdcwd, os.fsencode(str(b)), rename_exchange) == 0:
            return
        err = ctypes.get_errno()
        if err not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(err, os.strerror(err), str(b))
    aside = a.with_name(a.name + "-old")
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------- term conversion

def to_ox(term: Node):
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot bind {term!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_CONVERTED: dict = {}  # pyoxigraph term -> rdflib term (terms are immutable and hashable)
_CONVERTED_MAX = 1 << 18


def from_ox(term) -> Node | None:
    """A pyoxigraph term (or ``None``) as an rdflib term; plain strings stay plain.

    Results repeat the same terms over and over (a document in every row), and
    building an rdflib term costs microseconds (typed literals parse their
    lexical form), so conversions are memoised on the pyoxigraph term itself.
    """
    if term is None:
        return None
    got = _CONVERTED.get(term)
    if got is None:
        got = _convert(term)
        if len(_CONVERTED) >= _CONVERTED_MAX:
            _CONVERTED.clear()
        _CONVERTED[term] = got
    return got


def _convert(term) -> Node:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"cannot convert {term!r}")  # RDF-star triples: not in our graphs


def parse_term(value: str) -> Node:
    """A ``--param`` value as a term: ``<iri>``, ``prefix:local``, a number, or a string.

    Values are turned into terms and bound by the engine; they are never put
    into query text, so no value can change what the query does.
    """
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return URIRef(v[1:-1])
    if v.startswith(("http://", "https://")):
        return URIRef(v)
    m = re.fullmatch(r"([A-Za-z][\w-]*):([\w\-./]+)", v)
    if m and m.group(1) in PREFIXES:
        return URIRef(PREFIXES[m.group(1)] + m.group(2))
    if len(v) >= 2 and v[0] == v[-1] == '"':
        v = v[1:-1]
    return Literal(v)
