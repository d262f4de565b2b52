"""The statistics graph (kg.rdf.statistics): the counts the build writes, and
the store's counts for files without them, equal the plain aggregates."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.namespace import RDF

from kg.query import library, run
from kg.rdf import statistics as st
from kg.rdf.namespaces import KG, STATISTICS_GRAPH
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "fixture.trig"
LIB = library()
TYPE, MENTIONS, RULE, PRED = str(RDF.type), str(KG.mentions), str(KG.rule), str(RDF.predicate)
PERSON, COUNTRY, EVIDENCE = str(KG.Person), str(KG.Country), str(KG.Evidence)

# The aggregates written out the slow, obvious way (what the three library
# queries computed before the build counted them).
NAIVE = {
    "class-counts": """
        SELECT ?class ?entities (COALESCE(?mentioning, 0) AS ?documents) WHERE {
          { SELECT ?class (COUNT(?entity) AS ?entities) WHERE {
              ?class a owl:Class . FILTER(STRSTARTS(STR(?class), STR(kg:)) && ?class != kg:Evidence)
              ?entity a ?class } GROUP BY ?class }
          OPTIONAL { SELECT ?class (COUNT(DISTINCT ?document) AS ?mentioning) WHERE {
              ?document kg:mentions ?entity . ?entity a ?class } GROUP BY ?class }
        } ORDER BY DESC(?entities) ?class""",
    "evidence-by-rule": """
        SELECT ?rule ?predicate (COUNT(?evidence) AS ?facts) WHERE {
          ?evidence a kg:Evidence ; kg:rule ?rule ; rdf:predicate ?predicate }
        GROUP BY ?rule ?predicate ORDER BY DESC(?facts) ?rule ?predicate""",
    "co-mentions": """
        SELECT ?a ?b (COUNT(?document) AS ?documents) WHERE {
          ?document kg:mentions ?a, ?b . FILTER(STR(?a) < STR(?b)) }
        GROUP BY ?a ?b ORDER BY DESC(?documents) ?a ?b LIMIT 25""",
}


def _e(name: str) -> str:
    return f"https://w3id.org/navo-kg/id/person/{name}"


def test_count_graph_reads_types_mentions_and_evidence():
    doc = "https://w3id.org/navo-kg/id/document/d1"
    ev = "https://w3id.org/navo-kg/id/evidence/1"
    counts = st.count_graph([
        (doc, MENTIONS, _e("a")), (doc, MENTIONS, _e("b")), (doc, MENTIONS, _e("a")),
        (_e("a"), TYPE, PERSON), (_e("a"), TYPE, "http://xmlns.com/foaf/0.1/Person"),  # not a kg class
        (ev, TYPE, EVIDENCE), (ev, RULE, ("persons.role", "", "")), (ev, PRED, str(KG.holdsOffice)),
        ("https://w3id.org/navo-kg/id/evidence/2", RULE, ("orphan", "", "")),  # no kg:Evidence type
    ])
    assert counts.types == {_e("a"): {PERSON}}
    assert counts.mentions == {doc: {_e("a"), _e("b")}}
    assert counts.evidence == {("persons.role", str(KG.holdsOffice)): 1}


def test_class_counts_merge_types_and_mentions_across_graphs():
    g1 = st.GraphCounts(types={_e("a"): {PERSON}}, mentions={"d1": {_e("a")}})
    g2 = st.GraphCounts(types={_e("a"): {PERSON, COUNTRY}, _e("b"): {PERSON}}, mentions={"d2": {_e("a"), _e("b")}})
    # a is counted once as a Person although two graphs type it, and d2 once
    # although it mentions two persons; a's second class counts a's documents
    assert st.class_counts(st.merge([g1, g2])) == {PERSON: (2, 2), COUNTRY: (1, 2)}


def test_top_pairs_most_documents_first_then_by_iri_and_cut_at_k():
    mentions = {"d1": {_e("c"), _e("a"), _e("b")}, "d2": {_e("b"), _e("c")}, "d3": {_e("a")}}
    assert st.top_pairs(mentions) == [(_e("b"), _e("c"), 2), (_e("a"), _e("b"), 1), (_e("a"), _e("c"), 1)]
    assert st.top_pairs(mentions, k=2) == [(_e("b"), _e("c"), 2), (_e("a"), _e("b"), 1)]
    assert st.top_pairs({}) == []


def _rows(store, text):
    return run(store, text).rows


@pytest.fixture(scope="module")
def seeds_without_statistics(seeds_build, tmp_path_factory) -> Path:
    """The seeds build as N-Quads with the statistics graph taken out."""
    import pyoxigraph as ox

    out = tmp_path_factory.mktemp("nostats") / "seeds.nq"
    quads = [q for q in ox.parse(path=str(seeds_build.trig), format=ox.RdfFormat.TRIG)
             if q.graph_name != ox.NamedNode(STATISTICS_GRAPH)]
    ox.serialize(quads, output=str(out), format=ox.RdfFormat.N_QUADS)
    return out


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("name", sorted(NAIVE))
def test_library_statistics_queries_equal_the_plain_aggregates(seeds_build, seeds_without_statistics,
                                                               engine, name):
    # the build's counts (.trig: own graph; .ttl: mixed into the union), the
    # store's counts for a file without them, and a hand-made graph
    for path in (seeds_build.trig, seeds_build.ttl, seeds_without_statistics, FIXTURE):
        store = open_store(path, engine)
        want = _rows(store, NAIVE[name])
        assert want, (path.name, name)
        assert _rows(store, LIB[name].text) == want, (path.name, name)


def test_build_keeps_the_top_pairs_of_all_documents(seeds_build):
    store = open_store(seeds_build.trig, "oxigraph")
    kept = _rows(store, "SELECT ?a ?b ?n WHERE { ?p kg:firstEntity ?a ; kg:secondEntity ?b ; kg:documentCount ?n }"
                        " ORDER BY DESC(?n) ?a ?b")
    every = _rows(store, NAIVE["co-mentions"].replace("LIMIT 25", ""))
    assert len(every) > st.TOP_PAIRS
    assert kept == every[:st.TOP_PAIRS]


def test_the_build_writes_the_statistics_graph(seeds_build):
    import pyoxigraph as ox

    stats = [q for q in ox.parse(path=str(seeds_build.trig), format=ox.RdfFormat.TRIG)
             if q.graph_name == ox.NamedNode(STATISTICS_GRAPH)]
    predicates = {q.predicate.value for q in stats}
    assert {"http://rdfs.org/ns/void#classPartition", str(KG.rulePartition), str(KG.coMentionPair)} <= predicates
    pairs = [q for q in stats if q.predicate.value == str(KG.coMentionPair)]
    assert len(pairs) == st.TOP_PAIRS  # the seeds have more pairs than that


def test_mixed_finds_a_node_with_the_counts_of_two_builds():
    root, node = STATISTICS_GRAPH, STATISTICS_GRAPH + "-class-Person"
    one = [(root, "http://rdfs.org/ns/void#classPartition", node), (node, "http://rdfs.org/ns/void#entities", 3)]
    assert not st.mixed(one)
    assert not st.mixed(one + one)  # the same build twice: one set of counts
    assert st.mixed(one + [(node, "http://rdfs.org/ns/void#entities", 4)])


@pytest.fixture(scope="module")
def joined_builds(tmp_path_factory) -> Path:
    """Two builds of disjoint halves of the seeds, their TriG files joined into one."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("joined")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    parts = [out / "first.trig", out / "second.trig"]
    for docs, path in zip((seeds[:3], seeds[3:]), parts):
        assert main(["build", *map(str, docs), "-o", str(path), "-q"]) == 0
    joined = out / "joined.trig"
    joined.write_bytes(b"".join(p.read_bytes() for p in parts))
    return joined


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_one_build_keeps_its_counts(seeds_build, engine, capsys):
    for path in (seeds_build.trig, seeds_build.ttl):
        open_store(path, engine)
        assert capsys.readouterr().err == "", path.name


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_two_builds_joined_are_counted_anew(joined_builds, engine, capsys):
    store = open_store(joined_builds, engine)
    assert "counted anew" in capsys.readouterr().err
    for name in sorted(NAIVE):
        want = _rows(store, NAIVE[name])
        assert want, name
        assert _rows(store, LIB[name].text) == want, name


def test_a_store_written_from_joined_builds_is_counted_anew(joined_builds, tmp_path):
    from kg.store import file_to_store

    dest = tmp_path / "joined.oxigraph"
    dest.mkdir()
    file_to_store(joined_builds, dest)
    store = open_store(dest)
    for name in sorted(NAIVE):
        assert _rows(store, LIB[name].text) == _rows(store, NAIVE[name]), name
