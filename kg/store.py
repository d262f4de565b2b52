"""Load a graph file into a queryable store: Oxigraph (fast) or rdflib (reference).

Both engines see the same data: the build output (TriG/N-Quads keep one named
graph per document) plus ``ontology/**/*.ttl`` in the graph ``ONTOLOGY_GRAPH``,
and both query with the default graph as the union of all graphs. Results come
back as rdflib terms in a ``Result`` so that callers (tables, the endpoint, the
tests that compare engines) never care which engine answered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import KGError
from kg.rdf.namespaces import STATISTICS_GRAPH

ID = "https://w3id.org/navo-kg/id/"
ONTOLOGY_GRAPH = ID + "graph/ontology"
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

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
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


class UnsafeQuery(KGError):
    """A query the store refuses to run (an update, SERVICE, a remote FROM)."""

    def __init__(self, message: str, status: int = 403):
        super().__init__(message)
        self.status = status


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[tuple[str, str], ...]:
    """The query's tokens without comments (cached: the library's queries come back again and again)."""
    return tuple((m.lastgroup, m.group()) for m in _TOKEN.finditer(text) if m.lastgroup != "comment")


def check_read_only(text: str, graphs: Iterable[str] = ()) -> None:
    """Refuse updates, ``SERVICE``, and ``FROM``/``FROM NAMED`` of graphs not in the store.

    Both engines would fetch such IRIs over the network; a read-only local
    store must never do that. Strings, IRIs and comments are skipped, so a
    label that says "service" is fine.
    """
    toks = _tokens(text)
    known = set(graphs)
    for i, (kind, tok) in enumerate(toks):
        if kind != "word":
            continue
        word = tok.upper()
        if word == "SERVICE":
            raise UnsafeQuery("SERVICE (federated query) is not allowed on this store")
        if word in _UPDATE_WORDS and not _is_key_of(toks, i):
            raise UnsafeQuery(f"SPARQL Update ({word}) is not allowed: the store is read-only")
        if word == "FROM":
            j = i + 1
            if j < len(toks) and toks[j][1].upper() == "NAMED":
                j += 1
            target = toks[j][1] if j < len(toks) else ""
            iri = target[1:-1] if target.startswith("<") else _expand(target, toks)
            if iri not in known:
                raise UnsafeQuery(f"FROM {target} is not a graph of this store (remote graphs are not loaded)")


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


def _expand(curie: str, toks: tuple[tuple[str, str], ...]) -> str:
    """Expand ``prefix:local`` with the query's PREFIX declarations or the defaults."""
    declared = {}
    for i, (kind, tok) in enumerate(toks[:-2]):
        if kind == "word" and tok.upper() == "PREFIX" and toks[i + 2][0] == "iri":
            declared[toks[i + 1][1].rstrip(":")] = toks[i + 2][1][1:-1]
    prefix, _, local = curie.partition(":")
    base = declared.get(prefix, PREFIXES.get(prefix))
    return base + local if base is not None else curie


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


def open_store(path: str | Path, engine: str = "oxigraph", ontology: bool = True) -> "Store":
    """Load ``path`` (and the ontology) into a new store of the given engine."""
    path = Path(path)
    if not path.is_file():
        raise KGError(f"{path}: no such graph file")
    extra = ontology_files() if ontology else []
    if engine == "oxigraph":
        return OxStore(path, extra)
    if engine == "rdflib":
        return RdflibStore(path, extra)
    raise KGError(f"unknown engine {engine!r} (oxigraph or rdflib)")


def _where(path: Path, line: int | None, col: int | None, msg: str) -> KGError:
    at = (f":{line}" if line is not None else "") + (f":{col}" if col is not None else "")
    return KGError(f"{path}{at}: does not parse: {msg}")


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
        self._graphs: list[str] | None = None
        self.store = ox.Store()
        self.union = ox.Store()
        oxfmt = getattr(ox.RdfFormat, graph_format(path)[0])
        try:
            if path.suffix.lower() in DATASET_EXTS:
                self.store.bulk_load(path=str(path), format=oxfmt)
            else:  # triples: put them in one named graph like the documents' facts
                self.store.bulk_load(path=str(path), format=oxfmt, to_graph=ox.NamedNode(ID + "graph/default"))
            for ttl in extra:
                self.store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE,
                                     to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
        except SyntaxError as e:
            loc = e.args[1] if len(e.args) > 1 and isinstance(e.args[1], tuple) else (None, None, None)
            raise _where(path, loc[1], loc[2], str(e.args[0])) from None
        self._add_missing_statistics()
        self._materialize_union()

    def _add_missing_statistics(self) -> None:
        """Count the statistics graph here if the file has none: ``kg build``
        writes it, but a hand-made graph or one built before it existed gets it
        counted at load, so the library queries that read it answer on any graph."""
        from kg.rdf.graph import RDF_TERMS
        from kg.rdf.statistics import graphs_statistics

        ox = self._ox
        if next(self.store.quads_for_pattern(ox.NamedNode(STATISTICS_GRAPH), None, None, None), None):
            return
        skip = ox.NamedNode(ONTOLOGY_GRAPH)
        graphs = [g for g in self.store.named_graphs() if g != skip] + [ox.DefaultGraph()]

        def plain(term):  # as kg.rdf.statistics counts: IRI -> str, literal -> tuple
            if isinstance(term, ox.Literal):
                return (term.value, term.datatype.value, term.language or "")
            return term.value

        triples = graphs_statistics(
            (((q.subject.value, q.predicate.value, plain(q.object))
              for q in self.store.quads_for_pattern(None, None, None, g)
              if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode))
             for g in graphs), RDF_TERMS)
        to = ox.NamedNode(STATISTICS_GRAPH)
        self.store.bulk_extend(ox.Quad(*map(to_ox, t), to) for t in triples)

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

    def __init__(self, path: Path, extra: list[Path] = ()):
        from rdflib import Dataset

        self.ds = Dataset(default_union=True)
        self._graphs: list[str] | None = None
        fmt = graph_format(path)[1]
        try:
            if path.suffix.lower() in DATASET_EXTS:
                self.ds.parse(str(path), format=fmt)
            else:
                self.ds.graph(URIRef(ID + "graph/default")).parse(str(path), format=fmt)
        except Exception as e:  # rdflib's parsers raise many types; all mean "bad file"
            raise _where(path, *_rdflib_where(e)) from None
        self._add_missing_statistics()
        for ttl in extra:
            self.ds.graph(URIRef(ONTOLOGY_GRAPH)).parse(str(ttl), format="turtle")

    def _add_missing_statistics(self) -> None:
        """As ``OxStore._add_missing_statistics``."""
        from kg.rdf.graph import RDF_TERMS
        from kg.rdf.statistics import dataset_statistics

        if (URIRef(STATISTICS_GRAPH), None, None) in self.ds:
            return
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
