"""``kg explain``: every fact about an entity, with evidence and where it is in which file."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.explain import explain, find_entities, fold
from kg.store import ID, open_store

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "fixture.trig"


@pytest.fixture(scope="module")
def store():
    return open_store(FIXTURE)


def test_fold():
    assert fold("  Oekraïne ") == "oekraine"
    assert fold("SYRIË") == fold("syrie")


def test_found_by_label_alias_case_and_accents(store):
    person = ID + "person/de-wit"
    assert [str(e) for e in find_entities(store, "Marijke de Wit")] == [person]
    assert [str(e) for e in find_entities(store, "de wit")] == [person]  # alias, other case
    assert [str(e) for e in find_entities(store, "syrie")] == [ID + "country/syrie"]  # alias
    assert [str(e) for e in find_entities(store, "GEORGIË")] == [ID + "country/georgie"]


def test_every_fact_with_its_sentence_and_place(store):
    text = explain(store, "De Wit")
    assert text.startswith("Marijke de Wit  (kg:Minister)")
    assert "also called: De Wit" in text
    assert "mentioned in: fx_a.txt, fx_b.txt" in text
    # both offices, each with the letter and the span of the sentence that says so
    assert "kg:holdsOffice -> minister van Buitenlandse Zaken" in text
    assert "kg:holdsOffice -> minister-president" in text
    assert "<- kg:signatory of Geannoteerde agenda" in text
    source = (DATA / "fx_b.txt").read_text(encoding="utf-8")
    m = re.search(r"fx_b\.txt, characters (\d+)-(\d+), rule fixture\.holdsOffice:\n\s+\"(.*)\"", text)
    assert m, text
    start, end = int(m.group(1)), int(m.group(2))
    assert source[start:end] == m.group(3) == "Minister-president Marijke de Wit nam deel aan het overleg over " \
                                              "de NAVO-top in Lissabon."


def test_literal_facts_show_their_file(store):
    text = explain(store, "Ierland")
    assert "kg:accessionDate -> 2030-01-15" in text


def test_incoming_and_outgoing(store):
    text = explain(store, "Rusland")
    assert text.count("<- kg:supports of") == 2  # Syrië and Wit-Rusland
    assert "Syrië en Wit-Rusland bleven Rusland steunen." in text


def test_unknown_entity_suggests_close_names(store, capsys):
    code = main(["explain", "Beridse", "--graph", str(FIXTURE)])
    err = capsys.readouterr().err
    assert code == 2 and "no entity is called 'Beridse'" in err and "beridze" in err


def test_cli(capsys):
    assert main(["explain", "Tallinn", "--graph", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert "Tallinn  (kg:Place)" in out and "kg:inCountry -> Estland" in out
    assert "<- schema:location of NAVO-bijeenkomst" in out


def build_seeds(tmp_path_factory) -> Path:
    """The seeds graph, built once per session (same place as in test_queries.py)."""
    root = Path(__file__).resolve().parent.parent
    out = tmp_path_factory.getbasetemp() / "seeds-graph" / "seeds.trig"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([sys.executable, "-m", "kg", "build", str(root / "seeds"), "-o", str(out), "-q"],
                              cwd=root, capture_output=True, text=True, timeout=900)
        assert proc.returncode in (0, 1), proc.stderr
    return out


def test_explain_on_the_seeds(tmp_path_factory):
    store = open_store(build_seeds(tmp_path_factory))
    text = explain(store, "Interflex")
    assert "kg:recipient" in text and "EUR 5 miljoen" in text
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    # every evidence span shown points at exactly its sentence in the source file
    spans = re.findall(r"(\S+\.txt), characters (\d+)-(\d+)[^\n]*:\n\s+\"(.*)\"", text)
    assert spans
    for file, start, end, sentence in spans:
        src = (seeds / file).read_text(encoding="utf-8")[int(start):int(end)]
        assert " ".join(src.split()) == sentence


def test_explain_lists_facts_not_the_statistics_that_count_the_entity(tmp_path_factory):
    store = open_store(build_seeds(tmp_path_factory))
    # Kuleba is in the seeds' most co-mentioned pairs, so the statistics graph names him
    assert store.query("ASK { ?pair kg:firstEntity|kg:secondEntity ?e . ?e rdfs:label ?l "
                       "FILTER(CONTAINS(?l, 'Kuleba')) }").boolean
    text = explain(store, "Kuleba")
    assert "kg:holdsOffice" in text
    assert "statistics" not in text and "Entity" not in text
