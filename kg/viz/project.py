"""RDF graph -> networkx entity graph (documents and evidence left out).

One node per entity (keyed by its key ``"<kind>/<slug>"``), one edge per
entity-to-entity statement (a ``MultiDiGraph`` keyed by predicate). A
``kg:Contribution`` becomes an edge contributor -> recipient that carries its
amount and year, since the contribution node itself has no name to show.

The projection reads the graph in one pass over its quads and relies only on
the IRIs and vocabulary of docs/DESIGN.md, so Turtle (no named graphs) works
as well as TriG/N-Quads: which document states a fact is taken from the named
graph when there is one and from the evidence's ``prov:wasDerivedFrom``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import rdflib
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import SKOS

from kg import paths
from kg.gcutil import collector_paused
from kg.rdf.load import FORMATS, load_dataset  # noqa: F401  (load_dataset: one parser for rdflib users)

KG = "https://w3id.org/navo-kg/def#"
ID = "https://w3id.org/navo-kg/id/"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
ONTOLOGY_DIR = paths.ONTOLOGY_DIR

# Kinds that are not shown as entity nodes.
HIDDEN_KINDS = {"document", "evidence", "contribution", "graph", "tenure"}
# Generic class per kind, used when a node has no kg: type at all.
CLASS_OF_KIND = {
    "person": "Person", "office": "Office", "country": "Country",
    "organisation": "Organisation", "summit": "Summit", "ministerial": "MinisterialMeeting",
    "session": "Session", "pledge": "Pledge", "operation": "Operation",
    "initiative": "Initiative", "place": "Place", "motion": "Motion",
}

_EV = {"subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object}


def local_name(iri: str) -> str:
    """The part after the last ``#`` or ``/``."""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def key_of(iri: str) -> str | None:
    """``https://w3id.org/navo-kg/id/person/x`` -> ``person/x``; None for other IRIs."""
    if not iri.startswith(ID) or "#" in iri:
        return None
    return iri[len(ID):]


def kind_of(key: str) -> str:
    return key.split("/", 1)[0]


def load_labels(lang: str, ontology_dir: Path = ONTOLOGY_DIR) -> dict[str, str]:
    """``rdfs:label`` of every ontology term in ``lang`` (untagged as fallback)."""
    g = rdflib.Graph()
    for ttl in sorted(ontology_dir.glob("*.ttl")) if ontology_dir.is_dir() else []:
        try:
            g.parse(str(ttl), format="turtle")
        except Exception:  # another engineer's file mid-edit must not break viz
            continue
    best: dict[str, tuple[int, str]] = {}
    for s, o in g.subject_objects(RDFS.label):
        if not isinstance(o, Literal):
            continue
        rank = 2 if o.language == lang else 1 if o.language is None else 0
        if rank and rank > best.get(str(s), (0, ""))[0]:
            best[str(s)] = (rank, str(o))
    return {iri: text for iri, (_rank, text) in best.items()}


@dataclass
class _Index:
    """Everything the projection needs, gathered in one pass over the quads."""

    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    labels: dict[str, str] = field(default_factory=dict)
    alts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    literals: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    links: dict[tuple[str, str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    props: dict[str, dict[str, list]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))


Quad = tuple  # (subject, predicate, object, object is a literal, document graph IRI or None)


def _doc_graph(name: str) -> str | None:
    key = key_of(name)
    return name if key and kind_of(key) == "document" else None


def read_quads(path: str | Path) -> list[Quad]:
    """A graph file or store as plain quads (parsed by Oxigraph through ``kg.rdf.load``:
    fast, and its errors name the line and the reason)."""
    import pyoxigraph as ox

    from kg.rdf.load import quads

    out = []
    for q in quads(path):
        g = q.graph_name
        out.append((q.subject.value, q.predicate.value, q.object.value, isinstance(q.object, ox.Literal),
                    _doc_graph(g.value) if isinstance(g, ox.NamedNode) else None))
    return out


def rdflib_quads(ds: rdflib.Dataset):
    """The same tuples as ``read_quads`` from an rdflib Dataset (tests, synthetic graphs)."""
    graphs = ds.graphs() if hasattr(ds, "graphs") else ds.contexts()
    for g in graphs:
        doc_graph = _doc_graph(str(g.identifier))
        for s, p, o in g:
            yield str(s), str(p), str(o), isinstance(o, Literal), doc_graph


def _index(quads) -> _Index:
    ix = _Index()
    rdf_type, label, alt = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
    keep_literal = {OA + "exact", KG + "amountEUR", KG + "year"}
    for s, p, o, is_lit, doc_graph in quads:
        if p == rdf_type:
            ix.types[s].add(o)
        elif p == label and is_lit:
            # one label per entity; keep the longest if builds disagree
            if len(o) > len(ix.labels.get(s, "")):
                ix.labels[s] = o
        elif p == alt and is_lit:
            ix.alts[s].add(o)
        elif is_lit:
            ix.literals[s][p].add(o)
        elif p != SAMEAS:
            ix.links[(s, p, o)].add(doc_graph or "")
        # evidence, selectors and contributions are looked up by subject later
        if not is_lit or p in keep_literal:
            ix.props[s][p].append(o)
    return ix


def _first(ix: _Index, s: str, p: str) -> str | None:
    vals = ix.props.get(s, {}).get(p)
    return vals[0] if vals else None


def _evidence(ix: _Index) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    """(subject, predicate, object) -> [(sentence, document IRI)] from kg:Evidence records."""
    out: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for ev, types in ix.types.items():
        if KG + "Evidence" not in types:
            continue
        spo = tuple(_first(ix, ev, str(v)) for v in _EV.values())
        if None in spo:
            continue
        doc = _first(ix, ev, PROV + "wasDerivedFrom") or ""
        sentences = []
        for target in ix.props.get(ev, {}).get(OA + "hasTarget", []):
            doc = doc or _first(ix, target, OA + "hasSource") or ""
            for sel in ix.props.get(target, {}).get(OA + "hasSelector", []):
                sentences += ix.props.get(sel, {}).get(OA + "exact", [])
        for sentence in sentences or [""]:
            out[spo].append((sentence, doc))  # type: ignore[index]
    return out


def _class_of(types: set[str], kind: str) -> str:
    """The most specific kg: class: any class other than the kind's generic one."""
    generic = CLASS_OF_KIND.get(kind, kind.title())
    names = sorted({local_name(t) for t in types if t.startswith(KG)} - {generic})
    return names[0] if names else generic


def _fmt_amount(value: str | None) -> str:
    try:
        n = float(value) if value else None
    except ValueError:
        return value or ""
    if n is None:
        return ""
    return f"EUR {n / 1e6:,.1f} mln".replace(".0 mln", " mln") if n >= 1e6 else f"EUR {n:,.0f}"


def project(source, labels: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """The entity graph of ``source`` (an rdflib Dataset or ``read_quads`` tuples).

    Node attributes: ``iri``, ``label``, ``cls`` (class local name),
    ``class_label``, ``aliases`` (sorted list), ``documents`` (sorted list of
    document keys mentioning it), ``facts`` (list of ``(property label, value)``
    for literal properties). Edge attributes: ``predicate`` (IRI), ``label``,
    ``evidence`` (list of sentences), ``sources`` ((document key, sentence)
    pairs), ``documents`` (sorted document keys).
    ``G.graph["documents"]`` maps document keys to their metadata.
    """
    labels = labels or {}
    ix = _index(rdflib_quads(source) if isinstance(source, rdflib.Dataset) else source)
    lab = lambda iri: labels.get(iri) or local_name(iri)  # noqa: E731
    G = nx.MultiDiGraph()
    docs: dict[str, dict] = {}
    # nodes
    for iri in sorted(set(ix.types) | set(ix.labels)):
        key = key_of(iri)
        if key is None or "/" not in key:
            continue
        kind = kind_of(key)
        if kind == "document":
            docs[key] = _document_info(ix, iri, lab)
            continue
        if kind in HIDDEN_KINDS:
            continue
        cls = _class_of(ix.types.get(iri, set()), kind)
        label = ix.labels.get(iri) or local_name(iri)
        facts = sorted((lab(p), v) for p, vs in ix.literals.get(iri, {}).items() for v in vs)
        G.add_node(key, iri=iri, label=label, cls=cls, class_label=lab(KG + cls),
                   aliases=sorted(ix.alts.get(iri, set()) - {label}), documents=[], facts=facts)
    mentions = KG + "mentions"
    evidence = _evidence(ix)
    doc_preds = set()
    for (s, p, o), graphs in sorted(ix.links.items()):
        ks, ko = key_of(s), key_of(o)
        if ks is None or ko is None:
            continue
        if ks in docs:
            doc_preds.add(p)
            if p == mentions and ko in G:
                G.nodes[ko]["documents"].append(ks)
            elif ko in G or ko in docs:
                docs[ks]["links"].append((lab(p), ko))
            continue
        if ks in G and ko in G:
            ev = evidence.get((s, p, o), [])
            doc_keys = {key_of(g) for g in graphs if g} | {key_of(d) for _s, d in ev if d}
            G.add_edge(ks, ko, key=p, predicate=p, label=lab(p),
                       evidence=sorted({s_ for s_, _d in ev if s_}), sources=_sources(ev),
                       documents=sorted(k for k in doc_keys if k))
    _add_contributions(G, ix, evidence, lab)
    for n in G:
        G.nodes[n]["documents"] = sorted(set(G.nodes[n]["documents"]))
    G.graph["documents"] = docs
    G.graph["class_labels"] = {c: lab(KG + c) for c in {d["cls"] for _n, d in G.nodes(data=True)}}
    return G


def _sources(ev: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(document key, sentence) pairs, sorted and unique."""
    return sorted({(key_of(d) or "", s) for s, d in ev if s})


def _document_info(ix: _Index, iri: str, lab) -> dict:
    lit = ix.literals.get(iri, {})
    one = lambda p: sorted(lit.get(p, [""]))[0]  # noqa: E731
    return {
        "iri": iri,
        "title": ix.labels.get(iri) or one(KG + "sourceFile") or local_name(iri),
        "date": one("http://purl.org/dc/terms/date"),
        "source_file": one(KG + "sourceFile"),
        "dossier": one(KG + "dossierNumber"),
        "number": one(KG + "documentNumber"),
        "cls": _class_of(ix.types.get(iri, set()), "document"),
        "links": [],  # (property label, key) for signatory, concerns, cites
    }


def _add_contributions(G: nx.MultiDiGraph, ix: _Index, evidence, lab) -> None:
    """Each kg:Contribution -> an edge contributor -> recipient with amount and year."""
    for iri, types in sorted(ix.types.items()):
        if KG + "Contribution" not in types:
            continue
        giver, taker = _first(ix, iri, KG + "contributor"), _first(ix, iri, KG + "recipient")
        kg_, ko = key_of(giver or ""), key_of(taker or "")
        if kg_ not in G or ko not in G:
            continue
        amount = _fmt_amount(_first(ix, iri, KG + "amountEUR"))
        year = _first(ix, iri, KG + "year") or ""
        detail = ", ".join(x for x in (amount, year) if x)
        ev = evidence.get((iri, KG + "recipient", taker), []) + evidence.get((iri, KG + "contributor", giver), [])
        graphs = ix.links.get((iri, KG + "recipient", taker), set())
        doc_keys = {key_of(g) for g in graphs if g} | {key_of(d) for _s, d in ev if d}
        label = lab(KG + "Contribution") + (f" ({detail})" if detail else "")
        G.add_edge(kg_, ko, key=iri, predicate=KG + "Contribution", label=label,
                   evidence=sorted({s for s, _d in ev if s}), sources=_sources(ev),
                   documents=sorted(k for k in doc_keys if k))


def pagerank(U: nx.Graph, damping: float = 0.85, rounds: int = 40) -> dict[str, float]:
    """Weighted PageRank by power iteration (networkx's needs scipy, which we do not ship)."""
    n = len(U)
    if not n:
        return {}
    rank = dict.fromkeys(U, 1.0 / n)
    strength = {v: sum(w for _u, _v, w in U.edges(v, data="weight", default=1)) for v in U}
    for _ in range(rounds):
        dangling = sum(rank[v] for v in U if not strength[v])
        new = dict.fromkeys(U, (1 - damping) / n + damping * dangling / n)
        for v in U:
            if strength[v]:
                share = damping * rank[v] / strength[v]
                for _v, u, w in U.edges(v, data="weight", default=1):
                    new[u] += share * w
        rank = new
    return rank


def annotate(G: nx.MultiDiGraph, seed: int = 42) -> None:
    """Add ``degree``, ``pagerank`` and ``community`` (Louvain, deterministic) to nodes."""
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v in G.edges():
        if u != v:
            U.add_edge(u, v, weight=U.get_edge_data(u, v, {"weight": 0})["weight"] + 1)
    pr = pagerank(U)
    comms = nx.community.louvain_communities(U, weight="weight", seed=seed) if len(U) else []
    # number communities by size (largest 0), ties by their first member, so output is stable
    comms = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
    for i, members in enumerate(comms):
        for n in members:
            G.nodes[n]["community"] = i
    for n in G:
        G.nodes[n]["degree"] = U.degree(n)
        G.nodes[n]["pagerank"] = round(pr.get(n, 0.0), 6)


def entity_graph(path: str | Path, lang: str = "nl") -> nx.MultiDiGraph:
    """Load a graph file and return its annotated entity graph."""
    with collector_paused():
        G = project(read_quads(path), load_labels(lang))
        annotate(G)
    return G
