"""Dated office holding (issue 14 item 5) and stable person keys (item 4)."""
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from kg.cli import main
from kg.query import library, parse_params, run
from kg.rdf.namespaces import ID_BASE, KG, REFERENCE_GRAPH
from kg.rdf.validate import validate_dataset
from kg.store import open_store

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")

# Written for these tests in the genre's style; the persons are real office holders.
LETTER_2019 = """Den Haag, 14 november 2019

Geachte Voorzitter,

Minister Bijleveld nam deel aan de bijeenkomst van de ministers van Defensie.
Ook minister Blok sprak met zijn ambtgenoten over de steun aan Oekraïne.

De Minister van Defensie,
A.Th.B. Bijleveld-Schouten
"""
LETTER_2023 = """Den Haag, 2 maart 2023

Geachte Voorzitter,

Minister Ollongren van Defensie sprak met de Oekraïense minister van Defensie Reznikov.
Ook minister-president Rutte was aanwezig.
"""


def build(tmp_path, *texts, name="out.trig") -> Path:
    paths = []
    for i, text in enumerate(texts):
        p = tmp_path / f"brief_{i}.txt"
        p.write_text(text, "utf-8")
        paths.append(str(p))
    out = tmp_path / name
    assert main(["build", *paths, "-o", str(out), "-q"]) == 0
    return out


def person_iris(path: Path) -> set[str]:
    ds = Dataset()
    ds.parse(path, format="trig")
    return {str(s) for s, _p, _o, _g in ds.quads((None, RDF.type, None, None))
            if str(s).startswith(ID_BASE + "person/")}


def test_a_person_has_one_key_whatever_form_a_build_sees(tmp_path):
    alone = build(tmp_path, "Minister Bijleveld nam deel aan de NAVO-top in Vilnius.", name="a.trig")
    full = build(tmp_path, "Minister Ank Bijleveld-Schouten nam deel aan de NAVO-top in Vilnius.", name="b.trig")
    assert person_iris(alone) == person_iris(full) == {ID_BASE + "person/bijleveld-schouten"}


def test_tenures_of_named_reference_persons_go_in_the_reference_graph(tmp_path):
    out = build(tmp_path, LETTER_2019)
    ds = Dataset()
    ds.parse(out, format="trig")
    ref = ds.graph(REFERENCE_GRAPH)
    tenure = URIRef(ID_BASE + "tenure/bijleveld-schouten-minister-van-defensie-nl-2017-10-26")
    assert (tenure, RDF.type, KG.Tenure) in ref
    assert (tenure, ORG.member, URIRef(ID_BASE + "person/bijleveld-schouten")) in ref
    assert (tenure, KG.office, URIRef(ID_BASE + "office/minister-van-defensie-nl")) in ref
    assert (tenure, ORG.organization, URIRef(ID_BASE + "country/nederland")) in ref
    assert (tenure, SCHEMA.startDate, Literal("2017-10-26", datatype=XSD.date)) in ref
    assert (tenure, SCHEMA.endDate, Literal("2021-09-17", datatype=XSD.date)) in ref
    interval = ref.value(tenure, ORG.memberDuring)
    assert ref.value(ref.value(interval, TIME.hasBeginning), TIME.inXSDDate) == Literal("2017-10-26", datatype=XSD.date)
    # only for persons the letters name
    assert not any(str(s).startswith(ID_BASE + "tenure/ollongren") for s in ref.subjects(RDF.type, KG.Tenure))
    conforms, violations = validate_dataset(ds)
    assert conforms, violations[:3]


def rows(path: Path, engine: str, **params):
    q = library()["office-holders"]
    store = open_store(path, engine)
    res = run(store, q.text, parse_params([f"{k}={v}" for k, v in params.items()]), q)
    return {tuple(str(row[res.vars.index(v)]).rsplit("/", 1)[-1] if row[res.vars.index(v)] is not None else None
                  for v in ("person", "office", "document")) for row in res.rows}


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_office_holders_on_a_day(tmp_path, engine):
    out = build(tmp_path, LETTER_2019, LETTER_2023)
    on_day = rows(out, engine, date="2020-06-01")
    people = {(p, o) for p, o, _d in on_day}
    assert ("bijleveld-schouten", "minister-van-defensie-nl") in people
    assert ("blok", "minister-van-buitenlandse-zaken-nl") in people
    assert ("rutte", "minister-president-nl") in people
    assert not any(p == "ollongren" for p, _o in people)  # minister from 2022
    assert not any(p == "reznikov" for p, _o in people)  # minister from 2021
    # the letter of 2019 says so; the one of 2023 does not speak of that tenure
    assert ("bijleveld-schouten", "minister-van-defensie-nl", "brief-0") in on_day
    later = rows(out, engine, date="2023-03-02")
    assert {("ollongren", "minister-van-defensie-nl"), ("reznikov", "minister-van-defensie-ua")} <= {
        (p, o) for p, o, _d in later}
    assert not any(p == "bijleveld-schouten" for p, _o, _d in later)
    assert rows(out, engine, date="2 maart 2023") == set()  # not a date: nothing
    assert len(rows(out, engine)) > len(later)  # no date: every tenure


def test_a_tenure_ending_before_it_starts_breaks_the_shapes():
    ds = Dataset()
    g = ds.graph(REFERENCE_GRAPH)
    t, p, o = (URIRef(ID_BASE + k) for k in ("tenure/x-1", "person/x", "office/minister-nl"))
    g.add((p, RDF.type, KG.Person))
    g.add((o, RDF.type, KG.Office))
    for s in (p, o, t):
        g.add((s, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("x")))
    g.add((t, RDF.type, KG.Tenure))
    g.add((t, ORG.member, p))
    g.add((t, KG.office, o))
    g.add((t, SCHEMA.startDate, Literal("2030-01-02", datatype=XSD.date)))
    g.add((t, SCHEMA.endDate, Literal("2029-01-02", datatype=XSD.date)))
    conforms, violations = validate_dataset(ds)
    assert not conforms and any("ends before it starts" in str(v["message"]) for v in violations)


def test_reference_person_has_its_checked_wikidata_id_and_label(tmp_path):
    out = build(tmp_path, "Minister-president Rutte sprak met president Poetin. Minister Bijleveld was er ook.")
    ds = Dataset()
    ds.parse(out, format="trig")
    ref = ds.graph(REFERENCE_GRAPH)
    same = URIRef("http://www.w3.org/2002/07/owl#sameAs")
    assert (URIRef(ID_BASE + "person/rutte"), same, URIRef("http://www.wikidata.org/entity/Q57792")) in ref
    assert (URIRef(ID_BASE + "person/poetin"), same, URIRef("http://www.wikidata.org/entity/Q7747")) in ref
    assert not list(ref.objects(URIRef(ID_BASE + "person/bijleveld-schouten"), same))  # none checked: none given
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    assert {str(o) for _s, _p, o, _g in ds.quads((URIRef(ID_BASE + "person/poetin"), label, None, None))} \
        == {"Vladimir Poetin"}
