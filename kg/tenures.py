"""Dated office holding: who held which office from when to when.

The reference data on well-known office holders (``persons.json``) gives each
tenure a start and (when it ended) an end date. For every reference person a
build names, its tenures go into the reference graph, aligned to W3C ORG (a
tenure is an ``org:Membership`` of the person in the country or organisation
whose office it is, ``org:memberDuring`` a ``time:ProperInterval``) and, for
simple queries, with ``schema:startDate``/``schema:endDate`` as Wikidata's
P39 qualifiers have them:

    tenure:rutte-minister-president-nl-2010-10-14 a kg:Tenure ;
        org:member person:rutte ; kg:office office:minister-president-nl ;
        org:organization country:nederland ;
        schema:startDate "2010-10-14"^^xsd:date ; schema:endDate "2024-07-02"^^xsd:date ;
        org:memberDuring <…#interval> ; dcterms:source <https://en.wikipedia.org/wiki/Mark_Rutte> .
    <…#interval> a time:ProperInterval ; time:hasBeginning <…#start> ; time:hasEnd <…#end> .
    <…#start> a time:Instant ; time:inXSDDate "2010-10-14"^^xsd:date .

The letters add what they state themselves: ``kg:holdsOffice`` in a letter's
named graph, dated by the letter's ``dcterms:date`` (the ``office-holders``
query puts both together).
"""
from __future__ import annotations

import datetime as dt

from kg import reference
from kg.extract.people import office_key, office_label
from kg.model import Extraction
from kg.rdf.namespaces import DCTERMS, ID_BASE, KG, ORG, SCHEMA
from kg.slug import slugify

TIME = "http://www.w3.org/2006/time#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_PERSONS = ("Person", "Minister")


def tenure_key(person: str, tenure: reference.Tenure) -> str:
    """``tenure/<person>-<office>-<start>``: stable, from what identifies the tenure."""
    office = office_key(tenure.role, tenure.jurisdiction).split("/", 1)[1]
    return f"tenure/{person.split('/', 1)[1]}-{office}-{tenure.start}"


def tenure_label(person: reference.RefPerson, tenure: reference.Tenure) -> str:
    """``Mark Rutte, minister-president (Nederland), 2010-10-14 – 2024-07-02``."""
    return f"{person.label}, {office_label(tenure.role, tenure.jurisdiction)}, {tenure.start} – {tenure.end or ''}".rstrip()


def tenure_triples(ex: Extraction, terms) -> list[tuple]:
    """The reference-graph triples for the tenures of every reference person ``ex`` names."""
    ref = reference.load()
    out: list[tuple] = []
    iri, lit = terms.iri, terms.lit
    a, label = iri(RDF_TYPE), iri(RDFS_LABEL)
    for key, ent in sorted(ex.entities.items()):
        person = ref.persons.get(key) if ent.cls in _PERSONS else None
        if person is None:
            continue
        for t in person.tenures:
            node = ID_BASE + tenure_key(key, t)
            office = office_key(t.role, t.jurisdiction)
            jur = ref.get(t.jurisdiction)
            start = lit(dt.date.fromisoformat(t.start))
            s = iri(node)
            out += [
                (s, a, iri(str(KG.Tenure))),
                (s, label, lit(tenure_label(person, t))),
                (s, iri(str(ORG.member)), terms.entity(key)),
                (s, iri(str(KG.office)), terms.entity(office)),
                (s, iri(str(ORG.organization)), terms.entity(t.jurisdiction)),
                (s, iri(str(SCHEMA.startDate)), start),
                (s, iri(str(DCTERMS.source)), iri(person.source)),
                (s, iri(str(ORG.memberDuring)), iri(node + "#interval")),
                (iri(node + "#interval"), a, iri(TIME + "ProperInterval")),
                (iri(node + "#interval"), iri(TIME + "hasBeginning"), iri(node + "#start")),
                (iri(node + "#start"), a, iri(TIME + "Instant")),
                (iri(node + "#start"), iri(TIME + "inXSDDate"), start),
                (terms.entity(office), a, terms.cls("Office")),
                (terms.entity(office), label, lit(office_label(t.role, t.jurisdiction))),
                (terms.entity(t.jurisdiction), a, terms.cls(jur.cls)),
                (terms.entity(t.jurisdiction), label, lit(jur.label)),
            ]
            if t.end:
                end = lit(dt.date.fromisoformat(t.end))
                out += [
                    (s, iri(str(SCHEMA.endDate)), end),
                    (iri(node + "#interval"), iri(TIME + "hasEnd"), iri(node + "#end")),
                    (iri(node + "#end"), a, iri(TIME + "Instant")),
                    (iri(node + "#end"), iri(TIME + "inXSDDate"), end),
                ]
    return out
