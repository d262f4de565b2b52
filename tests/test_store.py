"""kg/store.py: loading graph files into Oxigraph and rdflib, safety checks, bindings."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import KGError
from kg.store import (ID, ONTOLOGY_GRAPH, QuerySyntaxError, UnsafeQuery, check_read_only,
                      open_store, parse_term)

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "fixture.trig"
ENGINES = ["oxigraph", "rdflib"]
DOC_A = ID + "document/kst-30001-12"
DOC_B = ID + "document/kst-30001-15"


@pytest.fixture(scope="module", params=ENGINES)
def store(request):
    return open_store(FIXTURE, engine=request.param)


def test_named_graphs_are_kept(store):
    graphs = store.graphs()
    assert DOC_A in graphs and DOC_B in graphs
    assert ID + "graph/reference" in graphs


def test_ontology_goes_in_its_own_graph(store):
    if not list(Path("ontology").glob("**/*.ttl")):
        pytest.skip("no ontology files yet")
    assert ONTOLOGY_GRAPH in store.graphs()


def test_default_graph_is_the_set_union(store):
    # De Wit is typed and labelled in both letters: the union must not count her twice
    res = store.query("SELECT ?l WHERE { ?p a kg:Minister ; rdfs:label ?l }")
    assert sorted(str(r[0]) for r in res.rows) == ["Ilia Beridze", "Marijke de Wit", "Pieter Bakker"]


def test_graph_clause_tells_which_letter(store):
    res = store.query("""SELECT ?g ?o WHERE { GRAPH ?g { <%sperson/de-wit> kg:holdsOffice ?o } }""" % ID)
    got = {(str(g), str(o).rsplit("/", 1)[1]) for g, o in res.rows}
    assert got == {(DOC_A, "minister-van-buitenlandse-zaken-nl"), (DOC_B, "minister-president-nl")}


def test_bindings_are_terms_not_text(store):
    q = "SELECT ?name ?e WHERE { ?e rdfs:label|skos:altLabel ?n . FILTER(LCASE(STR(?n)) = LCASE(STR(?name))) }"
    assert [str(r[1]) for r in store.query(q, {"name": Literal("BERIDZE")}).rows] == [ID + "person/beridze"]
    # a value that would break out of a pasted string is just a string that matches nothing
    evil = Literal('x") } UNION { ?e ?p ?n } #')
    assert store.query(q, {"name": evil}).rows == []


def test_iri_binding(store):
    q = "SELECT ?p ?l WHERE { ?p rdfs:label ?l }"
    res = store.query(q, {"p": URIRef(ID + "country/syrie")})
    assert [str(r[1]) for r in res.rows] == ["Syrië"]


def test_ask_and_construct(store):
    assert store.query("ASK { ?s kg:supports ?o }").boolean is True
    res = store.query("CONSTRUCT { ?s kg:supports ?o } WHERE { ?s kg:supports ?o }")
    assert res.kind == "graph" and len(res.triples) == 2


def test_row_limit(store):
    res = store.query("SELECT ?s WHERE { ?s ?p ?o }", max_rows=5)
    assert len(res.rows) == 5 and res.truncated


def test_syntax_error_has_line_and_column(store):
    with pytest.raises(QuerySyntaxError) as e:
        store.query("SELECT ?x WHERE {\n  ?x ?y\n}")
    assert e.value.line in (2, 3) and e.value.col is not None
    assert "line" in str(e.value)


@pytest.mark.parametrize("engine", ENGINES)
def test_parse_error_says_where(tmp_path, engine):
    bad = tmp_path / "bad.trig"
    bad.write_text("@prefix x: <http://x/> .\nx:g {\n  x:a x:b x:c \n  x:d .\n}\n", encoding="utf-8")
    with pytest.raises(KGError) as e:
        open_store(bad, engine=engine)
    assert "bad.trig" in str(e.value) and "does not parse" in str(e.value)
    if engine == "oxigraph":
        assert "bad.trig:4:" in str(e.value)


def test_unknown_format_and_missing_file(tmp_path):
    odd = tmp_path / "g.xyz"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(KGError, match="unknown graph format"):
        open_store(odd)
    with pytest.raises(KGError, match="no such graph file"):
        open_store(tmp_path / "missing.trig")


@pytest.mark.parametrize("engine", ENGINES)
def test_turtle_triples_are_queryable(tmp_path, engine):
    ttl = tmp_path / "g.ttl"
    ttl.write_text('<https://w3id.org/navo-kg/id/country/x> <http://www.w3.org/2000/01/rdf-schema#label> "Xland" .\n',
                   encoding="utf-8")
    store = open_store(ttl, engine=engine, ontology=False)
    assert [str(r[0]) for r in store.query("SELECT ?l WHERE { ?s rdfs:label ?l }").rows] == ["Xland"]


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "DROP GRAPH <http://g>",
    "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX ex: <http://example.org/>\nSELECT * FROM ex:remote WHERE { ?s ?p ?o }",
    # found on the parse tree wherever they are
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://example.org/s> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } } } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <http://x/> { ?s ?p ?o } } }",
    "ASK WHERE { { ?s ?p ?o } UNION { FILTER EXISTS { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "ASK FROM <http://example.org/remote> { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } FROM NAMED <http://example.org/r> WHERE { ?s ?p ?o }",
    "BASE <http://example.org/>\nSELECT * FROM <remote.ttl> WHERE { ?s ?p ?o }",
    "LOAD SILENT <http://example.org/x.ttl> INTO GRAPH <http://g>",
    "INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CREATE GRAPH <http://g>",
    "COPY <http://a> TO <http://b>",
    "PREFIX kg: <https://w3id.org/navo-kg/def#>\nDELETE DATA { kg:a kg:b kg:c }",
])
def test_refused(query):
    with pytest.raises(UnsafeQuery):
        check_read_only(query, [DOC_A])


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s rdfs:label 'SERVICE and INSERT and LOAD' } # DROP ALL",
    "SELECT ?delete WHERE { ?delete ?p <http://example.org/service#load> }",
    f"SELECT * FROM <{DOC_A}> WHERE {{ ?s ?p ?o }}",
    # variables, strings, IRIs and comments that only look like the refused forms
    "SELECT ?service ?from WHERE { ?service ?from ?load }",
    "SELECT $service WHERE { $service rdfs:label ?l FILTER(?l != \"SERVICE <http://x/> { ?s ?p ?o }\") }",
    'SELECT * WHERE { ?s ?p """FROM <http://remote/>\nLOAD <http://x/>""" }',
    "SELECT ?insert ?drop WHERE { ?insert <http://example.org/from> ?drop } # SERVICE <http://x/> {}",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    f"PREFIX d: <{ID}document/>\nSELECT * FROM d:kst-30001-12 WHERE {{ ?s ?p ?o }}",
])
def test_allowed(query):
    check_read_only(query, [DOC_A])


def test_refusal_names_what_it_found():
    with pytest.raises(UnsafeQuery, match=r"SERVICE \?endpoint"):
        check_read_only("SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }")
    with pytest.raises(UnsafeQuery, match=r"LOAD"):
        check_read_only("LOAD <http://example.org/x.ttl>")
    with pytest.raises(UnsafeQuery, match=r"FROM <http://example.org/remote>"):
        check_read_only("PREFIX ex: <http://example.org/> SELECT * FROM ex:remote { ?s ?p ?o }")


def test_text_that_is_no_query_is_a_syntax_error_not_a_refusal():
    with pytest.raises(QuerySyntaxError) as e:
        check_read_only("SELECT ?x WHERE { ?x ?y }\nSERVICE")
    assert not isinstance(e.value, UnsafeQuery) and e.value.line is not None


def test_parse_term():
    assert parse_term("<http://x/y>") == URIRef("http://x/y")
    assert parse_term("kg:Summit") == URIRef("https://w3id.org/navo-kg/def#Summit")
    assert parse_term("id:person/kuleba") == URIRef(ID + "person/kuleba")
    assert parse_term("474") == Literal("474")
    assert parse_term('"Den Haag"') == Literal("Den Haag")
    assert parse_term("nope:thing") == Literal("nope:thing")
