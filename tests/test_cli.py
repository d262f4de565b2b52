"""The kg command: fast help, stats, validate, clear errors."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kg.errors import EXIT_ERROR, EXIT_OK

REPO = Path(__file__).resolve().parents[1]


def kg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, cwd=REPO, timeout=300)


def test_help_lists_verbs_and_exit_codes_without_heavy_imports():
    code = ("import sys; from kg.cli import make_parser; make_parser().format_help(); "
            "heavy = [m for m in ('spacy', 'rdflib', 'pyshacl', 'pyoxigraph', 'networkx') if m in sys.modules]; "
            "print(heavy)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr
    r = kg("--help")
    assert r.returncode == 0
    for verb in ("build", "validate", "stats", "query", "viz"):
        assert verb in r.stdout
    assert "130 interrupted" in r.stdout


def test_stats_counts_classes_and_properties(seeds_build):
    r = kg("stats", seeds_build.trig)
    assert r.returncode == EXIT_OK, r.stderr
    assert "kg:Document" in r.stdout or "kg:AnnotatedAgenda" in r.stdout
    assert "kg:sourceFile" in r.stdout
    line = next(x for x in r.stdout.splitlines() if x.strip().endswith("kg:sourceFile"))
    assert int(line.split()[0]) == 5


def test_validate_accepts_the_seeds(seeds_build):
    r = kg("validate", seeds_build.ttl)
    assert r.returncode == EXIT_OK, r.stdout + r.stderr
    assert "conforms" in r.stdout


def test_validate_reports_violations_readably(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("""@prefix kg: <https://w3id.org/navo-kg/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/navo-kg/id/document/kst-1> a kg:Document ;
    rdfs:label "een", "twee" ;
    kg:dossierNumber "28 676" ;
    <http://purl.org/dc/terms/date> "gisteren" .
<https://w3id.org/navo-kg/id/country/x> a kg:Country .
""", encoding="utf-8")
    r = kg("validate", bad)
    assert r.returncode == EXIT_ERROR
    assert "Traceback" not in r.stderr
    out = r.stdout
    assert "document:kst-1" in out and "rdfs:label" in out and "kg:dossierNumber" in out
    assert "country:x" in out
    assert "problem(s)" in out


def test_stats_and_validate_missing_or_broken_file(tmp_path):
    r = kg("stats", tmp_path / "nope.ttl")
    assert r.returncode == EXIT_ERROR and "no such file" in r.stderr and "Traceback" not in r.stderr
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle <<<", encoding="utf-8")
    r = kg("validate", broken)
    assert r.returncode == EXIT_ERROR and "cannot parse" in r.stderr and "Traceback" not in r.stderr


def test_output_cut_short_by_a_closed_pipe_is_not_an_error(seeds_build):
    """``kg stats FILE | head -1``: the reader leaves early; kg ends quietly with 0."""
    p = subprocess.Popen([sys.executable, "-m", "kg", "stats", str(seeds_build.trig)], cwd=REPO,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    p.stdout.read(10)
    p.stdout.close()  # the reader is gone before kg has written everything
    err = p.stderr.read().decode()
    assert p.wait(timeout=300) == EXIT_OK, err
    assert "internal error" not in err and "Traceback" not in err, err
