"""Bigger graphs from a real one, for benchmarks and the large-graph browser test.

``scale_nquads`` repeats every quad ``copies`` times. Entities of the shared
kinds (countries, organisations, places — reference entities that every
letter names the same way) keep their IRI, so copies hang together through
them as a real corpus does; everything else (documents, people, meetings,
evidence, …) gets a per-copy slug and label, so the graph grows ``copies``-fold.
"""
from __future__ import annotations

import re
from pathlib import Path

import rdflib

SHARED_KINDS = ("country", "organisation", "place")
_IRI = re.compile(r"<https://w3id\.org/navo-kg/id/([a-z]+)/([^>#]*)(#[^>]*)?>")
_LABEL = re.compile(r'(<http://www\.w3\.org/2000/01/rdf-schema#label> "(?:[^"\\]|\\.)*)"')


def _copy_line(line: str, i: int) -> str:
    def iri(m: re.Match) -> str:
        kind, slug, frag = m.group(1), m.group(2), m.group(3) or ""
        if kind in SHARED_KINDS or kind == "graph":
            return m.group(0)
        return f"<https://w3id.org/navo-kg/id/{kind}/{slug}-r{i}{frag}>"

    out = _IRI.sub(iri, line)
    subject_kind = _IRI.match(line)
    if subject_kind and subject_kind.group(1) not in SHARED_KINDS:
        out = _LABEL.sub(lambda m: f'{m.group(1)} #{i}"', out)
    return out


def scale_nquads(nquads: str, copies: int) -> str:
    """N-Quads text holding ``copies`` renamed copies of ``nquads`` (copy 0 unchanged)."""
    lines = [ln for ln in nquads.splitlines() if ln.strip()]
    out = list(lines)
    for i in range(1, copies):
        out.extend(_copy_line(ln, i) for ln in lines)
    return "\n".join(out) + "\n"


def scale_file(src: str | Path, dst: str | Path, copies: int) -> Path:
    """Read a graph file, write a ``copies``-fold N-Quads version to ``dst`` (.nq)."""
    from kg.viz.project import load_dataset

    ds = load_dataset(src)
    text = ds.serialize(format="nquads")
    dst = Path(dst)
    dst.write_text(scale_nquads(text, copies), encoding="utf-8")
    return dst


def grid_dataset(n_people: int, seed: int = 1) -> rdflib.Dataset:
    """A synthetic graph of about ``2 * n_people`` entities (people, meetings,
    countries) in one document, for browser tests of large pages."""
    import random

    rnd = random.Random(seed)
    KG = rdflib.Namespace("https://w3id.org/navo-kg/def#")
    ID = "https://w3id.org/navo-kg/id/"
    doc = rdflib.URIRef(ID + "document/synthetic-1")
    ds = rdflib.Dataset()
    g = ds.graph(doc)
    g.add((doc, rdflib.RDF.type, KG.Document))
    g.add((doc, rdflib.RDFS.label, rdflib.Literal("Synthetisch document")))
    countries = [rdflib.URIRef(f"{ID}country/land-{c}") for c in range(max(5, n_people // 20))]
    meetings = [rdflib.URIRef(f"{ID}ministerial/overleg-{m}") for m in range(max(5, n_people // 2))]
    for c, iri in enumerate(countries):
        g.add((iri, rdflib.RDF.type, KG.Country))
        g.add((iri, rdflib.RDFS.label, rdflib.Literal(f"Land {c}")))
    for m, iri in enumerate(meetings):
        g.add((iri, rdflib.RDF.type, KG.MinisterialMeeting))
        g.add((iri, rdflib.RDFS.label, rdflib.Literal(f"Overleg {m}")))
        g.add((iri, KG.participant, rnd.choice(countries)))
    for p in range(n_people):
        iri = rdflib.URIRef(f"{ID}person/persoon-{p}")
        g.add((iri, rdflib.RDF.type, KG.Person))
        g.add((iri, rdflib.RDFS.label, rdflib.Literal(f"Persoon {p}")))
        g.add((doc, KG.mentions, iri))
        g.add((rnd.choice(meetings), KG.participant, iri))
        if rnd.random() < 0.5:
            g.add((rnd.choice(meetings), KG.participant, iri))
    return ds


def letters_dataset(n_docs: int, titles: tuple[str, ...] = (), seed: int = 1) -> rdflib.Dataset:
    """``n_docs`` synthetic letters, one named graph each, for the index and tooltip
    tests of many documents: letter ``i`` is dated in one of seven years, has
    Kamerstuk 40000-``i`` and a source file, and is titled ``titles[i % len]``
    (many letters alike, as agendas are) or, without ``titles``, "Brief ``i``".
    Every letter mentions the country "Knooppunt" (a hub) and one of ten people.
    """
    import random

    rnd = random.Random(seed)
    KG = rdflib.Namespace("https://w3id.org/navo-kg/def#")
    DCT = rdflib.Namespace("http://purl.org/dc/terms/")
    ID = "https://w3id.org/navo-kg/id/"
    ds = rdflib.Dataset()
    hub = rdflib.URIRef(ID + "country/knooppunt")
    people = [rdflib.URIRef(f"{ID}person/briefschrijver-{p}") for p in range(10)]
    for i in range(n_docs):
        doc = rdflib.URIRef(f"{ID}document/kst-40000-{i}")
        g = ds.graph(doc)
        year = 2019 + i % 7
        g.add((doc, rdflib.RDF.type, KG.Letter))
        g.add((doc, rdflib.RDFS.label, rdflib.Literal(titles[i % len(titles)] if titles else f"Brief {i}")))
        g.add((doc, KG.sourceFile, rdflib.Literal(f"brief_{i:04d}.txt")))
        g.add((doc, KG.dossierNumber, rdflib.Literal("40000")))
        g.add((doc, KG.documentNumber, rdflib.Literal(str(i))))
        g.add((doc, DCT.date, rdflib.Literal(f"{year}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}",
                                             datatype=rdflib.XSD.date)))
        g.add((hub, rdflib.RDF.type, KG.Country))
        g.add((hub, rdflib.RDFS.label, rdflib.Literal("Knooppunt")))
        g.add((doc, KG.mentions, hub))
        person = people[i % len(people)]
        g.add((person, rdflib.RDF.type, KG.Person))
        g.add((person, rdflib.RDFS.label, rdflib.Literal(f"Briefschrijver {i % len(people)}")))
        g.add((doc, KG.mentions, person))
    return ds
