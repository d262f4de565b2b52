"""kg viz / kg export without a browser: projection, pages, escaping, GraphML."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from kg.cli import main
from kg.viz import pages
from kg.viz.export import graphml_ready
from kg.viz.project import annotate, load_dataset, load_labels, project
from kg.viz.synthetic import grid_dataset, scale_nquads

FIXTURE = Path(__file__).parent / "data" / "viz" / "fixture.trig"
INJECTIONS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def fixture_graph():
    """The fixture's entity graph with local names as labels (independent of ontology/)."""
    H = project(load_dataset(FIXTURE), {})
    annotate(H)
    return H


@pytest.fixture(scope="module")
def G():
    return fixture_graph()


@pytest.fixture(scope="module")
def site(tmp_path_factory, G):
    out = tmp_path_factory.mktemp("site")
    pages.write_site(G, out, "nl")
    return out


def page_data(path: Path) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', path.read_text(), re.S)
    return json.loads(m.group(1))


# ---------------------------------------------------------------- projection

def test_one_node_per_entity_documents_and_evidence_left_out(G):
    assert G.number_of_nodes() == 21
    assert not [n for n in G if n.split("/")[0] in {"document", "evidence", "contribution"}]
    assert G.nodes["person/van-der-hoeven"]["cls"] == "Minister"  # most specific class
    assert G.nodes["person/marchetti"]["cls"] == "Person"
    assert G.nodes["person/van-der-hoeven"]["aliases"] == ["Van der Hoeven", "minister Van der Hoeven"]
    assert G.nodes["country/portugal"]["documents"] == ["document/kst-99001-12", "document/kst-99002-7"]


def test_edges_carry_evidence_and_documents(G):
    d = G.get_edge_data("country/polen", "country/moldavie")[
        "https://w3id.org/navo-kg/def#supports"]
    assert d["evidence"] == ["Polen zegde Moldavië verdere steun toe bij de bescherming van de grens."]
    assert d["documents"] == ["document/kst-99002-7"]
    assert d["label"] == "supports"  # no ontology label in this test's labels -> local name


def test_contribution_becomes_an_edge_with_amount(G):
    (d,) = G.get_edge_data("country/nederland", "operation/noordlicht").values()
    assert "EUR 42 mln" in d["label"] and "2031" in d["label"]
    assert d["evidence"] == ["Nederland draagt in 2031 EUR 42 miljoen bij aan operatie Noordlicht."]


def test_document_metadata(G):
    doc = G.graph["documents"]["document/kst-99002-7"]
    assert (doc["date"], doc["dossier"], doc["number"]) == ("2031-07-20", "99002", "7")
    assert ("cites", "document/kst-99001-12") in doc["links"]


def test_edge_labels_come_from_ontology_in_the_chosen_language(tmp_path):
    (tmp_path / "o.ttl").write_text(
        '@prefix kg: <https://w3id.org/navo-kg/def#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
        'kg:participant rdfs:label "neemt deel"@nl, "participant"@en .\n'
        'kg:Country rdfs:label "land"@nl, "country"@en .\n')
    ds = load_dataset(FIXTURE)
    for lang, edge, cls in (("nl", "neemt deel", "land"), ("en", "participant", "country")):
        H = project(ds, load_labels(lang, tmp_path))
        labels = {d["label"] for _u, _v, d in H.edges("summit/lissabon-2031", data=True)}
        assert edge in labels
        assert H.nodes["country/polen"]["class_label"] == cls


def test_communities_and_centrality_are_deterministic(G):
    H = fixture_graph()
    assert [G.nodes[n]["community"] for n in G] == [H.nodes[n]["community"] for n in H]
    top = max(G, key=lambda n: G.nodes[n]["pagerank"])
    assert top == "summit/lissabon-2031"  # the best-connected node in the fixture


def test_unknown_or_missing_graph_file_is_a_user_error(tmp_path, capsys):
    assert main(["viz", "--graph", str(tmp_path / "nope.trig"), "-o", str(tmp_path / "s")]) == 2
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <")
    assert main(["viz", "--graph", str(bad), "-o", str(tmp_path / "s")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "no such file" in err


# ---------------------------------------------------------------- pages

def test_site_has_index_overview_document_and_ego_pages(site, G):
    assert (site / "index.html").is_file() and (site / "overview.html").is_file()
    assert sorted(p.name for p in (site / "doc").iterdir()) == ["kst-99001-12.html", "kst-99002-7.html"]
    ego = {p.name for p in (site / "entity").iterdir()}
    assert "person--kowalczyk.html" in ego and "summit--lissabon-2031.html" in ego
    assert "pledge--digital-resilience-pledge.html" in ego and "operation--noordlicht.html" in ego
    # organisations, places and offices get no ego page
    assert not {n for n in ego if n.startswith(("organisation", "place", "office"))}
    index = (site / "index.html").read_text()
    for href in re.findall(r'href="([^"]+)"', index):
        assert (site / href).is_file(), href


def test_overview_data_holds_every_entity_and_edge(site, G):
    data = page_data(site / "overview.html")
    assert len(data["nodes"]) == G.number_of_nodes()
    assert len(data["edges"]) == G.number_of_edges()
    assert {c["cls"] for c in data["classes"]} == {d["cls"] for _n, d in G.nodes(data=True)}


def test_document_page_shows_its_entities_and_facts(site):
    data = page_data(site / "doc" / "kst-99002-7.html")
    ids = {n["id"] for n in data["nodes"]}
    assert {"person/kowalczyk", "country/polen", "summit/lissabon-2031"} <= ids
    assert "person/marchetti" not in ids  # only in the other letter
    html = (site / "doc" / "kst-99002-7.html").read_text()
    assert "Polen zegde Moldavië verdere steun toe" in html


def test_pages_are_offline(site):
    for path in site.rglob("*.html"):
        text = path.read_text()
        assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', text), path
        for src in re.findall(r'<script[^>]*src="([^"]+)"', text):
            assert (path.parent / src).is_file(), src
    assert (site / "lib" / "vis-network.min.js").stat().st_size > 100_000


def test_injection_strings_are_escaped_everywhere(site):
    for path in site.rglob("*.html"):
        text = path.read_text()
        assert "<img" not in text and "alert(1)</script>" not in text, path
        # the only script elements are ours: the JSON block and the local libraries
        for tag in re.findall(r"<script[^>]*>", text):
            assert tag in ('<script type="application/json" id="kg-data">',
                           f'<script src="{"../" if path.parent != site else ""}lib/vis-network.min.js">',
                           f'<script src="{"../" if path.parent != site else ""}lib/kgviz.js">',
                           '<script src="lib/kgindex.js">'), tag
    ego = (site / "entity" / "person--xss-script.html").read_text()
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in ego
    assert "O&#x27;Neill &quot;de \\ Backslash&quot;" in ego
    data = page_data(site / "entity" / "person--xss-script.html")
    assert {n["label"] for n in data["nodes"]} >= set(INJECTIONS)


def test_json_for_script_cannot_close_the_script():
    s = pages.json_for_script({"x": "</script><!-- \u2028 & >"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"x": "</script><!-- \u2028 & >"}


def test_output_is_deterministic(tmp_path, G):
    pages.write_site(G, tmp_path / "a", "nl")
    pages.write_site(fixture_graph(), tmp_path / "b", "nl")
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.html")}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.html")}
    assert a == b


def test_english_site(tmp_path, G):
    pages.write_site(G, tmp_path, "en")
    assert "Entity graph" in (tmp_path / "overview.html").read_text()
    assert '<html lang="en">' in (tmp_path / "index.html").read_text()


# ---------------------------------------------------------------- ego pages stay readable

def star_with_hub(n_leaves: int) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    H.add_node("person/a", label="A", cls="Person", pagerank=0.1)
    H.add_node("country/hub", label="Hub", cls="Country", pagerank=0.5)
    H.add_edge("person/a", "country/hub")
    for i in range(n_leaves):
        H.add_node(f"person/p{i}", label=f"P{i}", cls="Person", pagerank=0.01)
        H.add_edge(f"person/p{i}", "country/hub")
    return H


def test_ego_does_not_expand_through_hubs_and_is_capped():
    H = star_with_hub(200)
    nodes, hidden = pages.ego_nodes(H, "person/a")
    assert nodes == ["person/a", "country/hub"] and hidden == 0  # hub shown, not expanded
    nodes, hidden = pages.ego_nodes(H, "country/hub", cap=50)
    assert len(nodes) == 50 and hidden == 152 and nodes[0] == "country/hub"


def test_ego_radius_two_in_fixture(G):
    nodes, hidden = pages.ego_nodes(G, "person/kowalczyk")
    assert hidden == 0
    # Kowalczyk -> summit -> its location; Kowalczyk -> office -> Polen
    assert {"summit/lissabon-2031", "place/lissabon", "country/polen"} <= set(nodes)
    assert "country/portugal" not in nodes  # three steps away


# ---------------------------------------------------------------- GraphML

def test_graphml_export_round_trips(tmp_path, G):
    out = tmp_path / "g.graphml"
    assert main(["export", "--graph", str(FIXTURE), "-o", str(out)]) == 0
    H = nx.read_graphml(out, force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert H.nodes["person/xss-script"]["label"] == INJECTIONS[0]
    assert H.nodes["person/van-der-hoeven"]["aliases"] == "Van der Hoeven | minister Van der Hoeven"
    assert all(isinstance(v, (str, int, float)) for _n, d in graphml_ready(G).nodes(data=True) for v in d.values())


# ---------------------------------------------------------------- synthetic graphs

def test_scaled_graph_grows_but_shares_reference_entities(G):
    nq = load_dataset(FIXTURE).serialize(format="nquads")
    H = project(load_dataset_from_text(scale_nquads(nq, 3)))
    shared = [n for n in G if n.split("/")[0] in ("country", "organisation", "place")]
    assert H.number_of_nodes() == len(shared) + 3 * (G.number_of_nodes() - len(shared))
    assert len(H.graph["documents"]) == 3 * len(G.graph["documents"])


def load_dataset_from_text(nq: str):
    import rdflib

    ds = rdflib.Dataset()
    ds.parse(data=nq, format="nquads")
    return ds


def test_grid_dataset_size():
    H = project(grid_dataset(100))
    annotate(H)
    assert H.number_of_nodes() == 100 + 50 + 5


def test_oxigraph_and_rdflib_readers_agree():
    from kg.viz.project import read_quads

    a, b = project(read_quads(FIXTURE), {}), project(load_dataset(FIXTURE), {})
    assert sorted(a.nodes(data=True)) == sorted(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))


def test_kg_viz_command_writes_site_and_prints_index(tmp_path, capsys):
    assert main(["viz", "--graph", str(FIXTURE), "-o", str(tmp_path / "site"), "--lang", "en"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == str((tmp_path / "site" / "index.html").resolve())
    assert (tmp_path / "site" / "lib" / "kgviz.js").is_file()


def test_document_page_quotes_only_its_own_sentences(site):
    sentence = "Tijdens de top in Lissabon namen bondgenoten de Digital Resilience Pledge (DRP) aan."
    # the agreedAt fact stands in both letters' graphs, but only the report quotes it
    assert sentence in (site / "doc" / "kst-99002-7.html").read_text()
    agenda = (site / "doc" / "kst-99001-12.html").read_text()
    assert sentence not in agenda and "agreedAt" in agenda


# ---------------------------------------------------------------- every export format

def test_export_writes_what_the_extension_says(tmp_path, G):
    for name in ("g.graphml", "g.gexf", "g.csv"):
        assert main(["export", "--graph", str(FIXTURE), "-o", str(tmp_path / name)]) == 0
    assert (tmp_path / "g.graphml").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "<graphml" in (tmp_path / "g.graphml").read_text(encoding="utf-8")
    gexf = tmp_path / "g.gexf"
    assert "<gexf" in gexf.read_text(encoding="utf-8") and "<graphml" not in gexf.read_text(encoding="utf-8")
    H = nx.read_gexf(gexf)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes["person/xss-script"]["label"] == INJECTIONS[0]


def test_export_csv_pair_for_gephi(tmp_path, G):
    import csv

    assert main(["export", "--graph", str(FIXTURE), "-o", str(tmp_path / "g.csv")]) == 0
    assert not (tmp_path / "g.csv").exists()
    with open(tmp_path / "g.nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(tmp_path / "g.edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert list(nodes[0])[:2] == ["Id", "Label"] and list(edges[0])[:5] == ["Source", "Target", "Type", "Id", "Label"]
    by_id = {n["Id"]: n for n in nodes}
    assert by_id["person/van-der-hoeven"]["aliases"] == "Van der Hoeven | minister Van der Hoeven"
    assert by_id["person/xss-script"]["Label"] == INJECTIONS[0]
    assert {(e["Source"], e["Target"]) for e in edges} == {(u, v) for u, v in G.edges()}
    assert {e["Type"] for e in edges} == {"Directed"} and len({e["Id"] for e in edges}) == len(edges)


@pytest.mark.parametrize("argv", [["-o", "g.json"], ["-o", "g"], ["-o", "g.gexf", "--format", "graphml"]])
def test_export_refuses_other_extensions(tmp_path, argv, capsys):
    argv = [str(tmp_path / a) if a.startswith("g") and a != "graphml" else a for a in argv]
    assert main(["export", "--graph", str(FIXTURE), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and (".graphml, .gexf, or .csv" in err or "does not match" in err)
    assert list(tmp_path.iterdir()) == []


def test_tenures_of_the_reference_graph_are_not_entity_nodes(seeds_build):
    """Dated office holding (kg:Tenure, reference data) is a record, not a thing to draw."""
    from kg.viz.project import read_quads

    quads = read_quads(seeds_build.trig)
    assert any("/id/tenure/" in q[0] for q in quads), "the seeds build names reference persons with tenures"
    H = project(quads, {})
    assert not [n for n in H if n.startswith("tenure/")]
    assert "person/rutte" in H
