"""Every namespace and prefix the graph uses, in one place."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, VOID, XSD

KG = Namespace("https://w3id.org/navo-kg/def#")
ID_BASE = "https://w3id.org/navo-kg/id/"
ID = Namespace(ID_BASE)
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")

# The graph that holds reference facts no document states (owl:sameAs ...).
REFERENCE_GRAPH = URIRef(ID_BASE + "graph/reference")
# The graph of whole-build counts (kg.rdf.statistics); a plain str, as its users need.
STATISTICS_GRAPH = ID_BASE + "graph/statistics"

# Entity kinds (IRI path segments) that get their own prefix in Turtle output.
KINDS = ("document", "person", "office", "country", "organisation", "summit", "ministerial",
         "session", "pledge", "operation", "initiative", "place", "motion", "contribution",
         "evidence", "graph", "tenure")

# prefix -> namespace IRI, in the order they are written.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "oa": str(OA),
    "org": str(ORG),
    "time": "http://www.w3.org/2006/time#",
    "wd": str(WD),
    "void": str(VOID),
    **{kind: ID_BASE + kind + "/" for kind in KINDS},
}


def expand(curie: str) -> URIRef:
    """``"kg:holdsOffice"`` -> the full IRI; a full IRI is returned as is."""
    if curie.startswith(("http://", "https://", "urn:")):
        return URIRef(curie)
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES:
        raise ValueError(f"unknown prefix in {curie!r}")
    return URIRef(PREFIXES[prefix] + local)


def entity_iri(key: str) -> URIRef:
    """Entity key ``"country/oekraine"`` -> ``https://w3id.org/navo-kg/id/country/oekraine``."""
    return URIRef(ID_BASE + key)


def bind_all(graph) -> None:
    """Bind every prefix on an rdflib Graph/Dataset (for readable output)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, Namespace(ns), override=True, replace=True)
