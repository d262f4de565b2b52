"""Library queries on the Turtle union, entity parameters by name, query arguments
that are neither a name nor SPARQL (issue 15, items 3, 4 and 10).

The seeds are built once as .trig (a named graph per document) and as .ttl
(their union, no named graphs); every library query must answer the same on
both: provenance comes from the evidence records, not from GRAPH.
"""
from __future__ import annotations

from collections import Counter

import pytest
from rdflib import URIRef

from kg.cli import main
from kg.errors import KGError
from kg.query import library, parse_params, run, union_only
from kg.store import ID, open_store

LIB = library()
# required parameters, and entity parameters given by name
PARAMS = {"entity-facts": ["name=Interflex"], "entity-documents": ["name=Interflex"],
          "offices-by-letter": ["person=Rutte"], "signatories": ["signatory=Veldkamp"],
          "state-support": ["supported=Rusland"], "contributions": ["contributor=Nederland"],
          "session-participants": ["meeting=NAVO-top Washington 2024"]}


@pytest.fixture(scope="module")
def stores(seeds_build):
    return open_store(seeds_build.trig), open_store(seeds_build.ttl)


def rows(store, name, params=()):
    q = LIB[name]
    res = run(store, q.text, parse_params(list(params)), q)
    return res.vars, Counter(res.rows)


def test_the_turtle_store_is_a_union_and_the_trig_is_not(stores):
    trig, ttl = stores
    assert union_only(ttl) and not union_only(trig)


@pytest.mark.parametrize("name", sorted(LIB))
def test_every_library_query_answers_the_same_on_turtle_and_trig(name, stores):
    trig, ttl = stores
    on_trig = rows(trig, name, PARAMS.get(name, ()))
    on_ttl = rows(ttl, name, PARAMS.get(name, ()))
    assert on_trig[1], f"{name}: no rows on the TriG"
    assert on_ttl == on_trig


@pytest.mark.parametrize("name", ["accession-dates", "dutch-contributions", "offices-by-letter",
                                  "state-support", "supporters-of-russia"])
def test_provenance_queries_name_the_document_on_turtle(name, stores):
    _, ttl = stores
    vars_, got = rows(ttl, name)
    assert got, f"{name}: (0 rows) on the Turtle file"
    if "document" in vars_:
        i = vars_.index("document")
        assert all(str(r[i]).startswith(ID + "document/") for r in got)


def test_a_query_that_needs_named_graphs_refuses_a_union(tmp_path, seeds_build, capsys):
    rq = tmp_path / "per-graph.rq"
    rq.write_text("# title: Triples per graph\n# question: How many triples does each graph hold?\n"
                  "# needs: named graphs\n"
                  "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g\n", encoding="utf-8")
    assert main(["query", str(rq), "--graph", str(seeds_build.trig)]) == 0
    capsys.readouterr()
    assert main(["query", str(rq), "--graph", str(seeds_build.ttl)]) == 2
    err = capsys.readouterr().err
    assert "needs the named graphs" in err and ".trig" in err and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- parameters by name

def _signatories(store, value):
    return rows(store, "signatories", [f"signatory={value}"])[1]


@pytest.mark.parametrize("value", ["Veldkamp", "veldkamp", "VELDKAMP", "C.C.J. Veldkamp", "c.c.j. veldkamp"])
def test_entity_parameter_by_name_is_the_iri(value, stores):
    trig, _ = stores
    by_iri = _signatories(trig, "<https://w3id.org/navo-kg/id/person/veldkamp>")
    assert by_iri and _signatories(trig, value) == by_iri


def test_entity_parameter_folds_accents(stores):
    _, ttl = stores
    # Oekraïne by "oekraine": no contribution of its own, but the name resolves to the country
    q = LIB["state-support"]
    with_accent = run(ttl, q.text, parse_params(["supported=Rusland"]), q)
    folded = run(ttl, q.text, parse_params(["supported=rusland"]), q)
    assert with_accent.rows and folded.rows == with_accent.rows
    from kg.explain import resolve_entity
    assert resolve_entity(ttl, "oekraine", (str(URIRef("https://w3id.org/navo-kg/def#Country")),)) \
        == URIRef(ID + "country/oekraine")


def test_person_parameter_by_surname(stores, capsys, seeds_build):
    assert main(["query", "offices-by-letter", "--param", "person=Rutte", "--graph", str(seeds_build.ttl)]) == 0
    out = capsys.readouterr().out
    assert "Rutte" in out and "(0 rows)" not in out


def test_entity_parameter_keeps_to_its_class(stores):
    trig, _ = stores
    q = LIB["offices-by-letter"]
    with pytest.raises(KGError, match="no kg:Person is called 'Zweden'"):
        run(trig, q.text, parse_params(["person=Zweden"]), q)  # a country, not a person


AMBIGUOUS = """@prefix kg: <https://w3id.org/navo-kg/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/navo-kg/id/document/d1> a kg:Letter ; rdfs:label "Brief" ; kg:sourceFile "d1.txt" ;
    kg:signatory <https://w3id.org/navo-kg/id/person/jan-bakker> .
<https://w3id.org/navo-kg/id/document/d2> a kg:Letter ; rdfs:label "Brief 2" ; kg:sourceFile "d2.txt" ;
    kg:signatory <https://w3id.org/navo-kg/id/person/piet-bakker> .
<https://w3id.org/navo-kg/id/person/jan-bakker> a kg:Minister ; rdfs:label "Jan Bakker" ; skos:altLabel "Bakker" .
<https://w3id.org/navo-kg/id/person/piet-bakker> a kg:Person ; rdfs:label "Piet Bákker" ; skos:altLabel "Bákker" .
"""


def test_ambiguous_name_is_an_error_listing_the_candidates(tmp_path, capsys):
    g = tmp_path / "two.ttl"
    g.write_text(AMBIGUOUS, encoding="utf-8")
    # folded for case and accents, "bakker" is an alias of both
    assert main(["query", "signatories", "--param", "signatory=bakker", "--graph", str(g)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "ambiguous" in err
    assert "Jan Bakker <https://w3id.org/navo-kg/id/person/jan-bakker>" in err
    assert "Piet Bákker <https://w3id.org/navo-kg/id/person/piet-bakker>" in err
    # an exact alias wins over folded matches; a full name picks one
    assert main(["query", "signatories", "--param", "signatory=Bakker", "--graph", str(g), "--format", "csv"]) == 0
    assert "Jan Bakker" in capsys.readouterr().out
    assert main(["query", "signatories", "--param", "signatory=piet bakker", "--graph", str(g),
                 "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Piet Bákker" in out and "Jan Bakker" not in out
    assert main(["query", "signatories", "--param", "signatory=Klaassen", "--graph", str(g)]) == 2
    assert "no kg:Person is called 'Klaassen'" in capsys.readouterr().err


def test_every_entity_parameter_declares_its_class():
    # the parameters that name an entity (not a literal such as a name or a number)
    entity = {(q.name, p) for q in LIB.values() for p, _, _ in q.params if p not in ("name", "dossier", "number", "date")}
    assert entity == {(q.name, p) for q in LIB.values() for p in q.entity_params}
    assert ("signatories", "signatory") in entity and ("offices-by-letter", "person") in entity


# ---------------------------------------------------------------- neither a name nor SPARQL

def test_query_argument_neither_name_nor_sparql_says_both(capsys, seeds_build):
    assert main(["query", "SELEC ?s", "--graph", str(seeds_build.ttl)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "neither a library query name" in err and "nor valid SPARQL" in err and "line 1, column" in err
    assert main(["query", "signatoreis", "--graph", str(seeds_build.ttl)]) == 2
    err = capsys.readouterr().err
    assert "did you mean: signatories" in err and "SPARQL" in err


def test_explain_says_the_same_on_turtle_and_trig(stores):
    """kg explain names the documents from evidence records, on the union too."""
    from kg.explain import explain

    trig, ttl = stores
    for name in ("Rutte", "Interflex", "Kamerstuk 28676, nr. 453"):
        on_ttl = explain(ttl, name)
        assert on_ttl == explain(trig, name), name
        assert "graph/default" not in on_ttl and "statistics" not in on_ttl
