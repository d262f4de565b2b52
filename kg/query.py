"""``kg query``: run a library query, a ``.rq`` file or SPARQL text on a graph file.

The library is ``queries/*.rq``; each file starts with a comment header::

    # title: Who signed which document
    # question: For every letter, who signed it ...
    # param: signatory (optional, kg:Person) - a person, by name or IRI
    # page: 1000
    # needs: named graphs

Parameters (``--param key=value``) are turned into RDF terms and handed to the
engine as bindings (Oxigraph substitutions, rdflib ``initBindings``); they are
never pasted into query text. A parameter must be a result column of the
query (Oxigraph substitutes only projected variables). Values: ``<iri>``,
``prefix:local`` with a known prefix (``id:person/kuleba``), else a plain
string literal. An *entity parameter* names one or more classes in its
header (``kg:Person``; ``kg:Summit|kg:MinisterialMeeting``): a plain value is
a name, looked up among the labels and aliases of entities of those classes
as ``kg explain`` does (exactly, else ignoring case and accents) and bound to
the one entity it names; a name that fits none or several is an error that
lists the candidates. This module also holds the SPARQL 1.1 result
serializers (JSON, XML, CSV, TSV) that ``kg serve`` uses.

A query that cannot answer without the per-document named graphs says
``# needs: named graphs``; on a graph file without them (Turtle, N-Triples:
the union) ``kg query`` refuses it instead of printing an empty answer. No
library query needs them: provenance is read from the evidence records.

A query whose answer grows with the corpus may be paged: ``# page: N`` in its
header and ``LIMIT N`` as its last line. ``kg query`` then returns N rows at a
time (marked truncated when more follow); ``--param offset=M`` skips M rows and
``--param limit=K`` asks for K rows instead. These two are numbers written into
the LIMIT/OFFSET clause (SPARQL cannot bind them), checked to be digits only.
"""
from __future__ import annotations

import csv
import difflib
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg import paths
from kg.errors import KGError
from kg.store import (ONTOLOGY_GRAPH, PREFIXES, UNION_GRAPH, Result, Store, _tokens, check_read_only,
                      names_graphs, open_store, oxigraph_syntax_error, parse_term)

QUERY_DIR = paths.QUERY_DIR
MAX_CELL = 80  # table cells longer than this are cut (full text in csv/json)


@dataclass
class LibraryQuery:
    """One ``queries/*.rq`` file: its name, header and text."""

    name: str
    title: str
    question: str
    text: str
    params: list[tuple[str, bool, str]] = field(default_factory=list)  # (name, required, help)
    page: int | None = None  # rows per page (``# page: N``), the query's final LIMIT
    entity_params: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> class IRIs
    needs_graphs: bool = False  # ``# needs: named graphs``

    @property
    def required(self) -> list[str]:
        return [p for p, req, _ in self.params if req]


_HEADER = re.compile(r"^#\s*(title|question|param|page|needs)\s*:\s*(.*)$")
_PARAM = re.compile(r"(\w+)\s*(?:\(([^)]*)\))?\s*(?:-\s*(.*))?$")


def parse_header(name: str, text: str) -> LibraryQuery:
    """Read the ``# title:``/``# question:``/``# param:``/``# page:`` lines of a query file."""
    q = LibraryQuery(name=name, title=name, question="", text=text)
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if not m:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "title":
            q.title = value
        elif key == "question":
            q.question = value
        elif key == "page":
            m = re.match(r"\d+", value)
            if m and int(m.group()) > 0:
                q.page = int(m.group())
        elif key == "needs":
            q.needs_graphs = q.needs_graphs or "named graph" in value.lower()
        else:
            pm = _PARAM.match(value)
            if pm:
                words = re.split(r"[\s,|]+", pm.group(2) or "")
                q.params.append((pm.group(1), "required" in words, pm.group(3) or ""))
                classes = tuple(str(parse_term(w)) for w in words if ":" in w)
                if classes:
                    q.entity_params[pm.group(1)] = classes
    return q


def library(folder: Path = QUERY_DIR) -> dict[str, LibraryQuery]:
    """Every library query by name (the file stem), in name order."""
    if not folder.is_dir():
        return {}
    return {p.stem: parse_header(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))}


_SPARQL_START = re.compile(r"^\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE|#)", re.I)


def resolve_query(arg: str, lib: dict[str, LibraryQuery] | None = None) -> tuple[str, LibraryQuery | None]:
    """The query text for NAME, FILE or TEXT, and the library entry if it is one."""
    lib = library() if lib is None else lib
    if arg in lib:
        return lib[arg].text, lib[arg]
    if arg.endswith(".rq") or ("{" not in arg and Path(arg).is_file()):
        path = Path(arg)
        if not path.is_file():
            raise KGError(f"{arg}: no such query file")
        text = path.read_text(encoding="utf-8")
        return text, parse_header(path.stem, text)
    why = sparql_error(arg)
    if why is None:
        return arg, None
    close = difflib.get_close_matches(arg, list(lib), n=5, cutoff=0.5)
    close += [n for n in lib if arg.lower() in n and n not in close]
    hint = f" (did you mean: {', '.join(close)}?)" if close else " (see kg query --list)"
    if "{" in arg or _SPARQL_START.match(arg):  # meant as SPARQL: its error first
        raise KGError(f"{_short(arg)} is not valid SPARQL: {why}; nor is it a library query name{hint}")
    raise KGError(f"{_short(arg)} is neither a library query name{hint} nor valid SPARQL: {why}")


def _short(arg: str) -> str:
    arg = " ".join(arg.split())
    return repr(arg if len(arg) <= 60 else arg[:59] + "…")


def sparql_error(text: str) -> str | None:
    """Why ``text`` is not a SPARQL query (line, column, reason), or None if it parses.

    Parsed by Oxigraph against an empty store (pyoxigraph has no parse-only
    call): nothing is read and, as SERVICE is never evaluated here, nothing fetched.
    """
    if any(kind == "word" and tok.upper() == "SERVICE" for kind, tok in _tokens(text)):
        return None  # a SPARQL word: check_read_only refuses the query with its own message
    err = oxigraph_syntax_error(text)
    return None if err is None else str(err).removeprefix("syntax error ")


def parse_params(items: list[str]) -> dict[str, Node]:
    """``["name=Kuleba", "person=<iri>"]`` -> ``{"name": Literal, "person": URIRef}``."""
    out: dict[str, Node] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", key):
            raise KGError(f"--param {item!r}: expected KEY=VALUE with a variable name as KEY")
        out[key] = parse_term(value)
    return out


PAGE_PARAMS = ("offset", "limit")
_FINAL_LIMIT = re.compile(r"\bLIMIT\s+\d+\s*\Z", re.I)


def run(store: Store, text: str, params: dict[str, Node] | None = None,
        entry: LibraryQuery | None = None, max_rows: int | None = None) -> Result:
    """Check and run a query: refuse updates/SERVICE/remote FROM, require required params.

    A paged library query (``# page: N``) returns one page; ``offset``/``limit``
    choose which, and ``truncated`` tells that more rows follow.
    """
    params = dict(params or {})
    page = None
    if entry is not None:
        missing = [p for p in entry.required if p not in params]
        if missing:
            raise KGError(f"query {entry.name!r} needs --param {missing[0]}=VALUE")
        known = {p for p, _, _ in entry.params} | (set(PAGE_PARAMS) if entry.page else set())
        extra = sorted(set(params) - known)
        if extra:
            takes = f"it takes: {', '.join(sorted(known))}" if known else "it takes none"
            raise KGError(f"query {entry.name!r} has no parameter {extra[0]!r}; {takes}")
        if entry.needs_graphs and union_only(store):
            raise KGError(f"query {entry.name!r} needs the named graphs of a .trig or .nq build "
                          "(one per document); this graph file is their union without them")
        for key, classes in entry.entity_params.items():
            if isinstance(params.get(key), Literal):
                from kg.explain import resolve_entity
                params[key] = resolve_entity(store, str(params[key]), classes, f"--param {key}")
        if entry.page:
            offset, limit = (_count(entry.name, k, params.pop(k, None)) for k in PAGE_PARAMS)
            page = entry.page if limit is None else limit
            text = _paged(entry, text, page, offset or 0)
    check_read_only(text, store.graphs())
    res = store.query(text, params, max_rows=max_rows)
    if page is not None and len(res.rows) > page:  # the one row past the page: more follow
        del res.rows[page:]
        res.truncated = True
    return res


def union_only(store: Store) -> bool:
    """True when the store was loaded from a triples file (Turtle, N-Triples):
    one union graph, no graph per document."""
    return UNION_GRAPH in store.graphs()


def _count(name: str, key: str, value: Node | None) -> int | None:
    """A paging parameter as a number (digits only: it is written into the query text)."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{1,9}", str(value)):
        raise KGError(f"query {name!r}: --param {key}= takes a whole number, not {str(value)!r}")
    return int(str(value))


def _paged(entry: LibraryQuery, text: str, limit: int, offset: int) -> str:
    """The query with its final ``LIMIT`` replaced: one row past the page, from ``offset``."""
    body = "\n".join(line for line in text.rstrip().splitlines() if not line.lstrip().startswith("#"))
    m = _FINAL_LIMIT.search(body.rstrip())
    if not m:
        raise KGError(f"query {entry.name!r} has '# page:' but does not end with LIMIT")
    return body.rstrip()[:m.start()] + f"LIMIT {limit + 1}" + (f" OFFSET {offset}" if offset else "") + "\n"


# ---------------------------------------------------------------- display

def compact(term: Node) -> str:
    """An IRI as ``prefix:local`` where a known prefix fits, else ``<iri>``."""
    s = str(term)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if s.startswith(ns) and re.fullmatch(r"[\w\-./]*", s[len(ns):]):
            return f"{prefix}:{s[len(ns):]}"
    return f"<{s}>"


def cell(term: Node | None, labels: dict[URIRef, str] | None) -> str:
    """How a term reads in a table or CSV: its label, a compact IRI, or its value."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        if labels is not None and term in labels:
            return labels[term]
        return compact(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _cut(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= MAX_CELL else s[: MAX_CELL - 1] + "…"


def format_table(res: Result, labels: dict[URIRef, str] | None) -> str:
    """Aligned columns with a header rule; ``(n rows)`` at the end."""
    if res.kind == "ask":
        return "true" if res.boolean else "false"
    if res.kind == "graph":
        return graph_turtle(res)
    grid = [[_cut(cell(t, labels)) for t in row] for row in res.rows]
    widths = [max([len(v)] + [len(r[i]) for r in grid]) for i, v in enumerate(res.vars)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(res.vars), line(["-" * w for w in widths])] + [line(r) for r in grid]
    n = len(res.rows)
    out.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if res.truncated else ''})")
    return "\n".join(out)


def format_delimited(res: Result, labels: dict[URIRef, str] | None, delimiter: str) -> str:
    """CSV or TSV with a header row, values as in tables (labels unless raw)."""
    if res.kind != "select":
        return format_table(res, labels)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(res.vars)
    for row in res.rows:
        w.writerow([cell(t, labels) for t in row])
    return buf.getvalue().rstrip("\n")


def graph_turtle(res: Result, fmt: str = "turtle") -> str:
    """CONSTRUCT/DESCRIBE output serialized by rdflib (``turtle`` or ``json-ld``)."""
    from rdflib import Graph

    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for t in res.triples:
        g.add(t)
    return g.serialize(format=fmt)


# ---------------------------------------------------------------- SPARQL 1.1 result formats

def _json_term(t: Node) -> dict:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    d = {"type": "literal", "value": str(t)}
    if t.language:
        d["xml:lang"] = t.language
    elif t.datatype:
        d["datatype"] = str(t.datatype)
    return d


def to_sparql_json(res: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if res.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(res.boolean)})
    bindings = [{v: _json_term(t) for v, t in zip(res.vars, row) if t is not None} for row in res.rows]
    return json.dumps({"head": {"vars": res.vars}, "results": {"bindings": bindings}}, ensure_ascii=False)


def to_sparql_xml(res: Result) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if res.kind == "ask":
        out += ["</head>", f"<boolean>{'true' if res.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out)
    out += [f"<variable name={quoteattr(v)}/>" for v in res.vars] + ["</head>", "<results>"]
    for row in res.rows:
        out.append("<result>")
        for v, t in zip(res.vars, row):
            if t is None:
                continue
            if isinstance(t, URIRef):
                val = f"<uri>{xml_escape(str(t))}</uri>"
            elif isinstance(t, BNode):
                val = f"<bnode>{xml_escape(str(t))}</bnode>"
            elif t.language:
                val = f"<literal xml:lang={quoteattr(t.language)}>{xml_escape(str(t))}</literal>"
            elif t.datatype:
                val = f"<literal datatype={quoteattr(str(t.datatype))}>{xml_escape(str(t))}</literal>"
            else:
                val = f"<literal>{xml_escape(str(t))}</literal>"
            out.append(f"<binding name={quoteattr(v)}>{val}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out)


def to_sparql_csv(res: Result) -> str:
    """SPARQL 1.1 Query Results CSV (plain values, CRLF line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if res.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if res.boolean else "false"])
        return buf.getvalue()
    w.writerow(res.vars)
    for row in res.rows:
        w.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return buf.getvalue()


def to_sparql_tsv(res: Result) -> str:
    """SPARQL 1.1 Query Results TSV (terms in N-Triples/Turtle form)."""
    if res.kind == "ask":
        return "?boolean\n" + ("true" if res.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in res.vars)]
    for row in res.rows:
        lines.append("\t".join("" if t is None else t.n3() for t in row))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- CLI

def list_library(lib: dict[str, LibraryQuery]) -> str:
    """The library as aligned ``name  title  [params]`` lines."""
    if not lib:
        return "(no queries in queries/)"
    width = max(len(n) for n in lib)
    lines = []
    for name, q in lib.items():
        params = " ".join(f"{p}=…" if req else f"[{p}=…]" for p, req, _ in q.params)
        if q.page:
            params = (params + " " if params else "") + f"[offset=…] (pages of {q.page})"
        lines.append(f"{name.ljust(width)}  {q.title}" + (f"  {params}" if params else ""))
    return "\n".join(lines)


def render(res: Result, store: Store, fmt: str, raw: bool) -> str:
    """The result in the chosen CLI format."""
    if fmt == "json":
        return to_sparql_json(res) if res.kind != "graph" else graph_turtle(res, "json-ld")
    labels = None
    if not raw and res.kind == "select":
        # entities read better by label; vocabulary terms (kg:holdsOffice) stay as CURIEs
        labels = store.labels(t for row in res.rows for t in row
                              if isinstance(t, URIRef) and t.startswith(PREFIXES["id"]))
    if fmt == "table":
        return format_table(res, labels)
    return format_delimited(res, labels, "," if fmt == "csv" else "\t")


def cmd_query(args) -> int:
    """``kg query``: list the library, or run one query and print its result."""
    lib = library()
    if args.list:
        print(list_library(lib))
        return 0
    if not args.query:
        raise KGError("give a query NAME, FILE or TEXT (or --list)")
    if not args.graph:
        raise KGError("--graph FILE is required to run a query")
    text, entry = resolve_query(args.query, lib)
    params = parse_params(args.param)
    store = open_store(args.graph, engine=args.engine)
    if entry is None and names_graphs(text) and union_only(store):
        print(f"kg query: note: {args.graph} is a union without named graphs (build a .trig to keep "
              f"one per document); here GRAPH ?g finds <{UNION_GRAPH}> and <{ONTOLOGY_GRAPH}>", file=sys.stderr)
    res = run(store, text, params, entry)
    sys.stdout.write(render(res, store, args.format, args.raw).rstrip("\n") + "\n")
    return 0
