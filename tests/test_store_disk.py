"""The on-disk store (``kg build -o DIR.oxigraph``): same answers as the TriG, version
marker, atomic replacement, per-graph updates, and every verb reading it."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg import store as kstore
from kg.cli import main
from kg.errors import KGError
from kg.query import library, parse_params, run
from kg.store import ID, ONTOLOGY_GRAPH, STORE_MARKER, is_store, open_store, store_info

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PARAMS = {"entity-facts": ["name=Kuleba"], "entity-documents": ["name=Kuleba"]}
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeds built once as a store and once as TriG."""
    d = tmp_path_factory.mktemp("store")
    assert main(["build", str(SEEDS), "-o", str(d / "seeds.oxigraph"), "-q"]) == 0
    assert main(["build", str(SEEDS), "-o", str(d / "seeds.trig"), "-q"]) == 0
    return d / "seeds.oxigraph", d / "seeds.trig"


def _rows(store, name, q):
    res = run(store, q.text, parse_params(PARAMS.get(name, [])), q)
    return res.boolean, sorted(map(repr, res.rows))


def test_the_store_is_a_folder_with_a_marker(built):
    st, _ = built
    assert st.is_dir() and (st / "db").is_dir() and is_store(st)
    marker = json.loads((st / STORE_MARKER).read_text())
    assert {"navo_kg", "pyoxigraph", "store_format", "ontology", "graphs", "quads"} <= set(marker)
    assert ID + "graph/reference" in marker["graphs"] and ONTOLOGY_GRAPH in marker["graphs"]
    assert not list(st.parent.glob(".seeds.oxigraph.tmp-*"))  # nothing left beside it


def test_every_library_query_gives_the_rows_of_the_trig(built):
    st, trig = (open_store(p) for p in built)
    assert isinstance(st, kstore.OxDiskStore) and not isinstance(trig, kstore.OxDiskStore)
    for name, q in library().items():
        assert _rows(st, name, q) == _rows(trig, name, q), name


@pytest.mark.parametrize("query", [
    COUNT_ALL,
    "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?c (COUNT(*) AS ?n) WHERE { ?x a ?c } GROUP BY ?c ORDER BY ?c",
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a kg:Country } } GROUP BY ?g ORDER BY ?g",
    "SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Person }",  # Minister ⊑ Person needs the ontology
])
def test_counts_are_those_of_the_trig(built, query):
    """A triple stated in several letters counts once in the default graph, as on the TriG path."""
    st, trig = (open_store(p) for p in built)
    assert st.query(query).rows == trig.query(query).rows
    if query == COUNT_ALL:
        named = st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0].toPython()
        assert st.query(query).rows[0][0].toPython() < named  # shared triples are not counted twice


def test_from_a_graph_of_the_store(built):
    st = open_store(built[0])
    doc = next(g for g in st.graphs() if "/document/" in g)
    rows = run(st, f"SELECT (COUNT(*) AS ?n) FROM <{doc}> WHERE {{ ?s ?p ?o }}").rows
    assert 0 < rows[0][0].toPython() < st.query(COUNT_ALL).rows[0][0].toPython()


def test_rdflib_engine_reads_the_store_too(built):
    st = open_store(built[0], engine="rdflib")
    q = library()["ministers"]
    assert _rows(st, "ministers", q) == _rows(open_store(built[1]), "ministers", q)


def _stale(src: Path, dest: Path, **change) -> Path:
    shutil.copytree(src, dest)
    marker = json.loads((dest / STORE_MARKER).read_text())
    marker.update(change)
    (dest / STORE_MARKER).write_text(json.dumps(marker))
    return dest


@pytest.mark.parametrize("change", [{"navo_kg": "0.0.1"}, {"pyoxigraph": "0.3.22"}, {"store_format": 0},
                                    {"ontology": "0000"}])
def test_a_store_of_another_version_says_how_to_rebuild(built, tmp_path, capsys, change):
    st = _stale(built[0], tmp_path / "old.oxigraph", **change)
    with pytest.raises(KGError) as e:
        open_store(st)
    msg = str(e.value)
    assert "\n" not in msg and "rebuild it with kg build" in msg and str(st) in msg
    for argv in (["query", "ministers", "--graph", str(st)], ["stats", str(st)], ["validate", str(st)],
                 ["serve", "--graph", str(st), "--port", "0"]):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "rebuild" in err


def test_a_folder_that_is_no_store(tmp_path, capsys):
    (tmp_path / "x.oxigraph").mkdir()
    (tmp_path / "x.oxigraph" / "notes.txt").write_text("mine")
    assert main(["query", "ministers", "--graph", str(tmp_path / "x.oxigraph")]) == 2
    assert "not a navo-kg store" in capsys.readouterr().err
    # kg build will not overwrite a folder that is not a store
    assert main(["build", str(SEEDS / "000_5a6ef56be150bcaf.txt"), "-o", str(tmp_path / "x.oxigraph"), "-q"]) == 2
    assert (tmp_path / "x.oxigraph" / "notes.txt").read_text() == "mine"
    assert main(["query", "ministers", "--graph", str(tmp_path / "missing.oxigraph")]) == 2
    assert "no such store" in capsys.readouterr().err


def _quads(path: Path) -> set[str]:
    import pyoxigraph as ox

    st = ox.Store.read_only(str(path / "db"))
    return {str(q) for q in st.quads_for_pattern(None, None, None, None)}


@pytest.mark.parametrize("share", [1.0, 0.0])
def test_rebuild_replaces_only_changed_graphs_and_keeps_the_union_exact(tmp_path, monkeypatch, share):
    """share 1.0: graph by graph whatever changed; 0.0: any change writes the store anew."""
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    out, cache = tmp_path / "g.oxigraph", tmp_path / "cache"
    assert main(["build", str(docs), "-o", str(out), "--cache", str(cache), "-q"]) == 0
    monkeypatch.setattr(kstore, "UPDATE_SHARE", share)
    calls = []
    real_update, real_fill = kstore._update, kstore._fill
    monkeypatch.setattr(kstore, "_update", lambda *a: calls.append(("update", real_update(*a))) or calls[-1][1])
    monkeypatch.setattr(kstore, "_fill", lambda *a: calls.append(("fill", real_fill(*a))) or calls[-1][1])
    # unchanged: the store is copied and nothing is replaced
    assert main(["build", str(docs), "-o", str(out), "--cache", str(cache), "-q"]) == 0
    assert calls[-1][0] == "update" and calls[-1][1]["changed"] == 0 and calls[-1][1]["removed"] == 0
    old = json.loads((out / STORE_MARKER).read_text())["graphs"]
    gone = sorted(docs.glob("*.txt"))[-1]
    gone.unlink()
    assert main(["build", str(docs), "-o", str(out), "--cache", str(cache), "-q"]) == 0
    new = json.loads((out / STORE_MARKER).read_text())["graphs"]
    if share:
        # one letter gone: its graph dropped; replaced: exactly the graphs whose content changed
        # (resolution reruns over all letters, so a label can change in a letter still there)
        assert calls[-1][0] == "update"
        assert calls[-1][1]["removed"] == 1 == len(set(old) - set(new))
        assert calls[-1][1]["changed"] == sum(1 for g in new if old.get(g) != new[g]) < len(new)
        assert old[ONTOLOGY_GRAPH] == new[ONTOLOGY_GRAPH]
    else:
        assert calls[-1][0] == "fill"
    fresh = tmp_path / "fresh.oxigraph"
    assert main(["build", str(docs), "-o", str(fresh), "-q"]) == 0
    assert _quads(out) == _quads(fresh)  # named graphs and the de-duplicated union alike


def test_an_interrupted_build_leaves_the_old_store(built, tmp_path, monkeypatch):
    out = tmp_path / "s.oxigraph"
    shutil.copytree(built[0], out)
    before = _quads(out)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(kstore, "_update", interrupted)
    monkeypatch.setattr(kstore, "_fill", interrupted)
    assert main(["build", str(SEEDS / "000_5a6ef56be150bcaf.txt"), "-o", str(out), "-q"]) == 130
    assert _quads(out) == before and store_info(out)
    assert not list(tmp_path.glob(".s.oxigraph.tmp-*"))


def test_a_killed_build_leaves_the_old_store_and_the_next_build_cleans_up(built, tmp_path):
    out = tmp_path / "s.oxigraph"
    shutil.copytree(built[0], out)
    before = _quads(out)
    code = ("import os, sys\nfrom kg import store\nfrom kg.cli import main\n"
            "real = store._update\n"
            "def die(db, *a):\n    real(db, *a)\n    os._exit(9)  # killed after writing the new store, before the swap\n"
            "store._update = die\nstore._fill = lambda db, *a: os._exit(9)\n"
            f"main(['build', {str(SEEDS / '000_5a6ef56be150bcaf.txt')!r}, '-o', {str(out)!r}, '-q'])\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 9, proc.stderr
    assert list(tmp_path.glob(".s.oxigraph.tmp-*"))  # the half-made store is left beside it ...
    assert _quads(out) == before  # ... and the store itself is the old one
    assert main(["build", str(SEEDS / "000_5a6ef56be150bcaf.txt"), "-o", str(out), "-q"]) == 0
    assert not list(tmp_path.glob(".s.oxigraph.tmp-*"))
    assert _quads(out) != before


def test_the_swap_keeps_a_reader_of_the_old_store_working(built, tmp_path):
    out = tmp_path / "s.oxigraph"
    shutil.copytree(built[0], out)
    reader = open_store(out)
    n = reader.query(COUNT_ALL).rows
    assert main(["build", str(SEEDS / "000_5a6ef56be150bcaf.txt"), "-o", str(out), "-q"]) == 0
    assert reader.query(COUNT_ALL).rows == n  # opened before: still the old store
    assert open_store(out).query(COUNT_ALL).rows != n


@pytest.mark.parametrize("verb", ["stats", "validate"])
def test_stats_and_validate_read_the_store_as_the_trig(built, capsys, verb):
    st, trig = built
    main([verb, str(st)])
    a = capsys.readouterr().out.replace(str(st), "G")
    main([verb, str(trig)])
    b = capsys.readouterr().out.replace(str(trig), "G")
    assert a == b and a


def test_explain_export_and_viz_read_the_store(built, tmp_path, capsys):
    st, trig = built
    assert main(["explain", "Kuleba", "--graph", str(st)]) == 0
    a = capsys.readouterr().out
    assert main(["explain", "Kuleba", "--graph", str(trig)]) == 0
    assert a == capsys.readouterr().out and "Kuleba" in a
    assert main(["export", "--graph", str(st), "-o", str(tmp_path / "a.graphml")]) == 0
    assert main(["export", "--graph", str(trig), "-o", str(tmp_path / "b.graphml")]) == 0
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    assert main(["viz", "--graph", str(st), "-o", str(tmp_path / "viz")]) == 0
    assert (tmp_path / "viz" / "index.html").is_file()
