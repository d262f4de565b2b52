"""kg build end to end: the seeds graph, determinism, SHACL, and bad input."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL
from kg.rdf.namespaces import KG

REPO = Path(__file__).resolve().parents[1]
KG_BIN = [sys.executable, "-m", "kg"]
DCT_DATE = URIRef("http://purl.org/dc/terms/date")

LETTER = """36 123

Nr. 45

BRIEF VAN DE MINISTER VAN DEFENSIE
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 14 januari 2032

Hierbij informeer ik uw Kamer over de bijeenkomst van de NAVO-ministers van
Defensie op 10 en 11 februari 2032 in Brussel, waar ook Oekraïne aanwezig is.
"""


def kg(*args, cwd=REPO, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(KG_BIN + [str(a) for a in args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=600)


def _ds(path: Path) -> rdflib.Dataset:
    ds = rdflib.Dataset(default_union=True)
    ds.parse(path, format="trig" if path.suffix == ".trig" else "turtle")
    return ds


def test_seeds_have_one_document_each_with_metadata(seeds_build):
    g = rdflib.Graph().parse(seeds_build.ttl)
    files = {str(o) for o in g.objects(None, KG.sourceFile)}
    assert files == {p.name for p in (REPO / "seeds").glob("*.txt")}
    doc = next(g.subjects(KG.sourceFile, Literal("001_73620406e9c260d1.txt")))
    assert str(doc) == "https://w3id.org/navo-kg/id/document/kst-28676-474"
    assert g.value(doc, KG.dossierNumber) == Literal("28676")
    assert g.value(doc, KG.documentNumber) == Literal("474")
    assert g.value(doc, DCT_DATE) == Literal("2024-11-22", datatype=XSD.date)
    assert g.value(doc, KG.parliamentaryYear) == Literal("2024-2025")


def test_trig_has_a_named_graph_per_document(seeds_build):
    ds = rdflib.Dataset()
    ds.parse(seeds_build.trig, format="trig")
    docs = {g.identifier for g in ds.graphs() if (g.identifier, KG.sourceFile, None) in g}
    assert len(docs) == 5
    for g in ds.graphs():
        if g.identifier in docs:
            assert (g.identifier, RDF.type, None) in g


def test_turtle_is_the_union_of_the_trig(seeds_build):
    ttl = {t for t in rdflib.Graph().parse(seeds_build.ttl)}
    trig = {(s, p, o) for s, p, o, _g in _ds(seeds_build.trig).quads((None, None, None, None))}
    assert ttl == trig


def test_seeds_turtle_parses_in_oxigraph(seeds_build):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(seeds_build.ttl), format=pyoxigraph.RdfFormat.TURTLE)
    store.load(path=str(seeds_build.trig), format=pyoxigraph.RdfFormat.TRIG)
    assert len(store) > 100


def test_seeds_build_conforms_to_shapes(seeds_build):
    from kg.rdf.validate import validate_dataset

    conforms, violations = validate_dataset(_ds(seeds_build.trig))
    assert conforms, violations[:5]


def test_build_twice_is_byte_identical(seeds_build, tmp_path):
    # Another process with another hash seed: set orders must not leak out.
    out = tmp_path / "again.trig"
    r = kg("build", "seeds", "-o", out, "-q", env={"PYTHONHASHSEED": "12345"})
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == seeds_build.trig.read_bytes()


def test_jobs_give_the_same_output(seeds_build, tmp_path):
    out = tmp_path / "jobs.ttl"
    r = kg("build", "seeds", "-o", out, "-q", "--jobs", "2")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == seeds_build.ttl.read_bytes()


def test_summary_on_stderr(tmp_path):
    (tmp_path / "brief.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "g.ttl"
    r = kg("build", tmp_path / "brief.txt", "-o", out)
    assert r.returncode == EXIT_OK, r.stderr
    assert "documents: 1" in r.stderr and "triples:" in r.stderr and str(out) in r.stderr
    g = rdflib.Graph().parse(out)
    doc = URIRef("https://w3id.org/navo-kg/id/document/kst-36123-45")
    assert g.value(doc, DCT_DATE) == Literal("2032-01-14", datatype=XSD.date)


# --- bad input: one clear line, non-zero exit, no traceback ------------------

def _one_clear_error(r: subprocess.CompletedProcess, code: int, words: str) -> None:
    assert r.returncode == code, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr
    assert words in r.stderr, r.stderr


def test_missing_path(tmp_path):
    r = kg("build", tmp_path / "bestaat-niet.txt", "-o", tmp_path / "g.ttl")
    _one_clear_error(r, EXIT_ERROR, "no such file or folder")
    assert not (tmp_path / "g.ttl").exists()


def test_empty_file(tmp_path):
    (tmp_path / "leeg.txt").write_bytes(b"")
    r = kg("build", tmp_path / "leeg.txt", "-o", tmp_path / "g.ttl")
    _one_clear_error(r, EXIT_ERROR, "empty file")


def test_binary_file(tmp_path):
    (tmp_path / "plaatje.txt").write_bytes(bytes(range(256)) * 20)
    r = kg("build", tmp_path / "plaatje.txt", "-o", tmp_path / "g.ttl")
    _one_clear_error(r, EXIT_ERROR, "binary")


def test_folder_without_documents(tmp_path):
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "data.csv").write_text("a,b\n", encoding="utf-8")
    r = kg("build", tmp_path / "map", "-o", tmp_path / "g.ttl")
    _one_clear_error(r, EXIT_ERROR, "no documents")


def test_unwritable_output(tmp_path):
    (tmp_path / "brief.txt").write_text(LETTER, encoding="utf-8")
    r = kg("build", tmp_path / "brief.txt", "-o", tmp_path / "geen" / "map" / "g.ttl")
    _one_clear_error(r, EXIT_ERROR, "does not exist")
    r = kg("build", tmp_path / "brief.txt", "-o", tmp_path / "g.xyz")
    _one_clear_error(r, EXIT_ERROR, "unknown output format")
    if os.geteuid() != 0:  # root ignores permissions
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        try:
            r = kg("build", tmp_path / "brief.txt", "-o", ro / "g.ttl")
            _one_clear_error(r, EXIT_ERROR, "permission")
        finally:
            ro.chmod(0o700)


def test_bad_file_among_good_ones_is_skipped(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_brief.txt").write_text(LETTER, encoding="utf-8")
    (docs / "b_leeg.txt").write_bytes(b"")
    out = tmp_path / "g.ttl"
    r = kg("build", docs, tmp_path / "weg.md", "-o", out)
    assert r.returncode == EXIT_PARTIAL, r.stderr
    lines = [x for x in r.stderr.splitlines() if x.startswith("skipped ")]
    assert any("b_leeg.txt: empty file" in x for x in lines)
    assert any("weg.md: no such file" in x for x in lines)
    assert "Traceback" not in r.stderr
    assert {str(o) for o in rdflib.Graph().parse(out).objects(None, KG.sourceFile)} == {"a_brief.txt"}


def test_failed_build_leaves_existing_output_untouched(tmp_path):
    out = tmp_path / "g.ttl"
    out.write_text("# vorige build\n", encoding="utf-8")
    (tmp_path / "leeg.txt").write_bytes(b"")
    r = kg("build", tmp_path / "leeg.txt", "-o", out)
    assert r.returncode == EXIT_ERROR
    assert out.read_text(encoding="utf-8") == "# vorige build\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_size_limit_skips_with_message(tmp_path):
    big = tmp_path / "groot.txt"
    big.write_text(LETTER * 2000, encoding="utf-8")
    (tmp_path / "klein.txt").write_text(LETTER, encoding="utf-8")
    r = kg("build", big, tmp_path / "klein.txt", "-o", tmp_path / "g.ttl", "--max-size", "0.1", "-q")
    assert r.returncode == EXIT_PARTIAL
    assert "too large" in r.stderr and "--max-size" in r.stderr


def test_write_atomic_keeps_old_file_on_failure(tmp_path, monkeypatch):
    from kg import build

    out = tmp_path / "g.ttl"
    out.write_text("oud\n", encoding="utf-8")

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(build.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        build.write_atomic(out, "nieuw\n")
    assert out.read_text(encoding="utf-8") == "oud\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_collect_is_sorted_and_survives_symlink_loops(tmp_path):
    from kg.build import collect

    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.md", "sub/c.html", "notes.json"):
        (d / name).write_text("x", encoding="utf-8")
    (d / "sub" / "loop").symlink_to(d, target_is_directory=True)
    (d / "self.txt").symlink_to(d / "self.txt")
    docs, skipped = collect([str(d)])
    assert [p.relative_to(d).as_posix() for p in docs] == ["a.md", "b.txt", "self.txt", "sub/c.html"]
    assert [Path(p).name for p, _r in skipped] == ["notes.json"]


def test_two_files_of_one_kamerstuk_stay_apart(tmp_path):
    from kg.build import separate_duplicates
    from kg.model import Entity, Evidence, Extraction, Fact, Ref, SourceText

    def ex(name):
        e = Extraction(SourceText(Path(name), "tekst"), "document/kst-36123-45")
        e.add_entity(Entity("document/kst-36123-45", "Letter", "Brief", mentioned=False))
        e.add_fact(Fact("document/kst-36123-45", "kg:cites", Ref("document/kst-1-2"),
                        Evidence("tekst", 0, 5, "r")))
        return e

    a, b = ex("a.txt"), ex("b_kopie.pdf")
    warnings = separate_duplicates([a, b])
    assert a.doc_key == "document/kst-36123-45"
    assert b.doc_key == "document/kst-36123-45-b-kopie"
    assert set(b.entities) == {"document/kst-36123-45-b-kopie"}
    assert b.facts[0].subject == "document/kst-36123-45-b-kopie"
    assert len(warnings) == 1 and "b_kopie.pdf" in warnings[0]


def test_long_documents_are_read_in_pieces_that_map_to_the_source():
    from kg.build import chunks
    from kg.clean import clean
    from kg.model import SourceText

    para = ("De ministers van Defensie spraken in Riga over de luchtverdediging van Letland en "
            "de bijdrage van Noorwegen aan de oostflank van het bondgenootschap.\n\n")
    src = SourceText(Path("lang.txt"), para * 400)
    c = clean(src)
    parts = chunks(c, size=5000)
    assert len(parts) > 5
    assert "".join(p.text for p in parts) == c.text
    for p in parts:
        assert len(p.offsets) == len(p.text) + 1
        i = p.text.find("Riga")
        if i >= 0:
            s, e = p.to_source(i, i + 4)
            assert src.text[s:e] == "Riga"


def test_a_failing_pipeline_component_is_reported_and_the_rest_is_built(tmp_path, monkeypatch, capsys):
    from kg.cli import main
    from kg.nlp.components.events.component import EventFinder

    def broken(self, doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(EventFinder, "_run", broken)
    (tmp_path / "brief.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "g.ttl"
    assert main(["build", str(tmp_path / "brief.txt"), "-o", str(out), "--jobs", "1"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "warning:" in err and "some facts may be missing (kg_events: RuntimeError('boom'))" in err
    assert set(rdflib.Graph().parse(out).objects(None, KG.sourceFile)) == {Literal("brief.txt")}
