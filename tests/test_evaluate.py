"""``kg evaluate``: gold files in, per-class precision/recall and fact counts out."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluate import Found, GoldEntity, Gold, fold, read_gold, score_document

REPO = Path(__file__).resolve().parent.parent
SCORER = REPO.parent / "shared" / "eval" / "score.py"

# A short report in the genre, written for these tests.
LETTER = """Verslag van de bijeenkomst van de NAVO-ministers van Defensie in Brussel

Op 12 oktober 2023 kwamen de ministers van Defensie van de NAVO bijeen in Brussel. \
De Noorse minister van Defensie Bjørn Arild Gram sprak over de steun aan Oekraïne. \
Ook Zweden was aanwezig.

De minister van Defensie,
K.H. Ollongren
"""

ENTITIES = [
    {"class": "Country", "label": "Oekraïne", "names": []},
    {"class": "Country", "label": "Zweden", "names": []},
    {"class": "Place", "label": "Brussel", "names": []},
    {"class": "Organisation", "label": "NAVO", "names": []},
    {"class": "Minister", "label": "Ollongren", "names": ["K.H. Ollongren"]},
    {"class": "Minister", "label": "Bjørn Arild Gram", "names": ["Gram"]},
]
SIGNED = ('ASK { ?d a kg:Report ; kg:signatory ?p . ?p rdfs:label|skos:altLabel ?n . '
          'FILTER(REGEX(?n, "Ollongren")) }')
IN_BRUSSELS = 'ASK { ?m a kg:MinisterialMeeting ; schema:location ?p . ?p rdfs:label "Brussel" }'
IN_OSLO = 'ASK { ?m a kg:MinisterialMeeting ; schema:location ?p . ?p rdfs:label "Oslo" }'


def setup(tmp_path: Path, **gold) -> tuple[Path, Path]:
    """A docs folder with the letter and a gold folder with one gold file (fields overridable)."""
    docs, golds = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    golds.mkdir()
    (docs / "brief.txt").write_text(LETTER, encoding="utf-8")
    data = {"document": "brief.txt", "entities": ENTITIES, "ignore": [], "facts": [], "wrong": []}
    data.update(gold)
    (golds / "brief.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return golds, docs


def evaluate(capsys, golds: Path, docs: Path, *extra: str) -> tuple[int, str, str]:
    code = main(["evaluate", "--gold", str(golds), "--docs", str(docs), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def summary(out: str) -> dict[str, str]:
    line = out.strip().splitlines()[-1]
    assert line.startswith("entities ")
    return dict(re.findall(r"(\w+)=(\S+)", line))


def test_complete_gold_scores_one_and_prints_a_row_per_class(tmp_path, capsys):
    golds, docs = setup(tmp_path, facts=[{"id": "signed", "says": "Ollongren signed", "ask": SIGNED}])
    code, out, _ = evaluate(capsys, golds, docs)
    assert code == 0
    s = summary(out)
    assert s["R"] == "1.000" and s["facts"] == "1/1" and s["wrong"] == "0/0"
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    # class, gold, found, recall, output, right, precision
    assert rows["Country"][1:4] == ["2", "2", "1.000"]
    assert rows["Minister"][1:4] == ["2", "2", "1.000"]
    assert rows["Place"][1:4] == ["1", "1", "1.000"]


def test_a_missing_entity_lowers_recall_and_is_listed(tmp_path, capsys):
    absent = {"class": "Country", "label": "Portugal", "names": []}
    golds, docs = setup(tmp_path, entities=[*ENTITIES, absent])
    code, out, _ = evaluate(capsys, golds, docs, "-v")
    assert code == 0
    assert summary(out)["R"] == f"{6 / 7:.3f}"
    assert "missed Country: Portugal" in out
    country = next(line.split() for line in out.splitlines() if line.startswith("Country"))
    assert country[1:4] == ["3", "2", "0.667"]


def test_a_wrong_fact_that_holds_is_counted_and_one_that_does_not_is_not(tmp_path, capsys):
    wrong = [{"id": "held", "says": "the meeting is in Brussels (pretend this is wrong)", "ask": IN_BRUSSELS},
             {"id": "not-held", "says": "the meeting is in Oslo", "ask": IN_OSLO}]
    golds, docs = setup(tmp_path, wrong=wrong,
                        facts=[{"id": "oslo", "says": "the meeting is in Oslo", "ask": IN_OSLO}])
    code, out, _ = evaluate(capsys, golds, docs, "-v")
    assert code == 0
    s = summary(out)
    assert s["wrong"] == "1/2" and s["facts"] == "0/1"
    assert "wrong fact holds (brief.txt, held)" in out
    assert "fact does not hold (brief.txt, oslo)" in out
    assert "not-held" not in out


def test_an_entity_the_gold_leaves_out_lowers_precision_unless_ignored(tmp_path, capsys):
    without_sweden = [e for e in ENTITIES if e["label"] != "Zweden"]
    golds, docs = setup(tmp_path, entities=without_sweden)
    _, out, _ = evaluate(capsys, golds, docs, "-v")
    assert "extra  Country: Zweden" in out
    p_extra = float(summary(out)["P"])
    assert p_extra < 1.0

    (golds / "brief.json").write_text(json.dumps(
        {"document": "brief.txt", "entities": without_sweden, "ignore": ["ZWEDEN"]}), encoding="utf-8")
    _, out, _ = evaluate(capsys, golds, docs, "-v")
    assert "Zweden" not in out
    assert float(summary(out)["P"]) > p_extra


def test_the_whole_build_sees_every_document_for_facts(tmp_path, capsys):
    golds, docs = setup(tmp_path)
    (docs / "tweede.txt").write_text(
        "Geannoteerde agenda NAVO-top\n\nDe NAVO-top vindt plaats in Vilnius op 11 en 12 juli 2023.\n",
        encoding="utf-8")
    ask = 'ASK { ?d1 kg:sourceFile "brief.txt" . ?d2 kg:sourceFile "tweede.txt" }'
    (golds / "tweede.json").write_text(json.dumps(
        {"document": "tweede.txt", "entities": [], "facts": [{"id": "both", "says": "both read", "ask": ask}]}),
        encoding="utf-8")
    _, out, _ = evaluate(capsys, golds, docs)
    assert summary(out)["facts"] == "1/1"
    assert "(2 documents in" in out


@pytest.mark.parametrize("text, why", [
    ("{not json", "not JSON"),
    ("[]", "not a JSON object"),
    ('{"entities": []}', '"document"'),
    ('{"document": "brief.txt"}', '"entities" must be a list'),
    ('{"document": "brief.txt", "entities": [{"class": "Contry", "label": "X"}]}', "unknown class 'Contry'"),
    ('{"document": "brief.txt", "entities": [{"class": "Country", "label": "X", "names": "Y"}]}',
     "names must be a list of strings"),
    ('{"document": "brief.txt", "entities": [], "facts": [{"id": "f", "ask": "ASK { ?s ?p }"}]}',
     "facts 'f': query does not parse"),
    ('{"document": "brief.txt", "entities": [], "wrong": [{"id": "w", "ask": "SELECT ?s WHERE { ?s ?p ?o }"}]}',
     "wrong 'w': query is not an ASK"),
    ('{"document": "other.txt", "entities": []}', "does not exist"),
])
def test_a_bad_gold_file_is_one_line_and_exit_2(tmp_path, capsys, text, why):
    golds, docs = setup(tmp_path)
    (golds / "brief.json").write_text(text, encoding="utf-8")
    code, out, err = evaluate(capsys, golds, docs)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("kg evaluate: bad gold file ") and why in err, err


def test_missing_folders_and_empty_gold_are_errors(tmp_path, capsys):
    golds, docs = setup(tmp_path)
    for args, why in [((tmp_path / "nope", docs), "no such gold folder"),
                      ((golds, tmp_path / "nope"), "no such documents folder"),
                      ((docs, docs), "no gold files")]:
        code, out, err = evaluate(capsys, *args)
        assert code == 2 and why in err and len(err.strip().splitlines()) == 1


def test_the_command_line_exits_2_on_a_bad_gold_file_without_a_traceback(tmp_path):
    golds, docs = setup(tmp_path)
    (golds / "brief.json").write_text("{", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "kg", "evaluate", "--gold", str(golds), "--docs", str(docs)],
                       capture_output=True, text=True, cwd=REPO)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1


# --- the matching rule, without a build -----------------------------------------------

def test_fold_ignores_case_accents_punctuation_and_spacing():
    assert fold("Oekraïne") == fold("OEKRAINE") == fold(" oekraine. ")
    assert fold("Erdoğan") == fold("erdogan")
    assert fold("NAVO-top  Vilnius") == fold("navo top vilnius")
    assert fold("Zweden") != fold("Zwitserland")


def _found(iri, classes, *names):
    return Found(iri, frozenset(classes), frozenset(map(fold, names)), names[0])


def test_a_minister_passes_as_person_but_not_the_other_way():
    person = GoldEntity("Person", "Rutte", frozenset({fold("Rutte")}))
    minister = GoldEntity("Minister", "Rutte", frozenset({fold("Rutte")}))
    assert person.matches(frozenset({"Minister", "Person"}), frozenset({"rutte"}))
    assert not minister.matches(frozenset({"Person"}), frozenset({"rutte"}))
    assert not person.matches(frozenset({"Country"}), frozenset({"rutte"}))


def test_score_document_counts_hits_misses_right_and_extra():
    gold = Gold(path=Path("g.json"), document="d.txt", ignore=frozenset({fold("Midden-Oosten")}),
                entities=[GoldEntity("Country", "Oekraïne", frozenset({fold("Oekraïne")})),
                          GoldEntity("Place", "Amman", frozenset({fold("Amman")})),
                          GoldEntity("Office", "minister", frozenset({fold("minister")}))])  # not scored
    found = [_found("c/ua", {"Country"}, "Oekraine"),
             _found("c/se", {"Country"}, "Zweden"),
             _found("p/mo", {"Place"}, "Midden-Oosten")]
    s = score_document(gold, found)
    assert [g.label for g in s.hits] == ["Oekraïne"]
    assert [g.label for g in s.missed] == ["Amman"]
    assert [f.iri for f in s.right] == ["c/ua"]
    assert [f.iri for f in s.extra] == ["c/se"]  # Midden-Oosten is ignored


def test_read_gold_keeps_the_label_among_the_names(tmp_path):
    p = tmp_path / "g.json"
    p.write_text(json.dumps({"document": "d.txt", "entities": [
        {"class": "Minister", "label": "Dmytro Kuleba", "names": ["Kuleba"]}]}), encoding="utf-8")
    g = read_gold(p)
    assert g.entities[0].names == {"dmytro kuleba", "kuleba"}
    assert g.facts == [] and g.wrong == []


@pytest.mark.skipif(not SCORER.is_file(), reason="the shared scorer is not beside the repo")
def test_agrees_with_the_shared_scorer(tmp_path, capsys):
    golds, docs = setup(tmp_path, entities=[*ENTITIES[:-1], {"class": "Country", "label": "Portugal"}],
                        facts=[{"id": "s", "says": "signed", "ask": SIGNED}],
                        wrong=[{"id": "w", "says": "in Brussels", "ask": IN_BRUSSELS}])
    _, out, _ = evaluate(capsys, golds, docs)
    p = subprocess.run([sys.executable, str(SCORER), "--gold", str(golds), "--docs", str(docs),
                        "--kg", f"{sys.executable} -m kg"], capture_output=True, text=True, cwd=REPO)
    assert p.returncode == 0, p.stderr
    assert out.strip().splitlines()[-1] == p.stdout.strip().splitlines()[-1]


def test_a_document_that_cannot_be_built_counts_all_its_gold_as_missed(tmp_path, capsys):
    golds, docs = setup(tmp_path, facts=[{"id": "signed", "says": "Ollongren signed", "ask": SIGNED}])
    (docs / "brief.txt").write_bytes(b"")  # empty: kg build skips it
    code, out, _ = evaluate(capsys, golds, docs, "-v")
    assert code == 0
    s = summary(out)
    assert s["R"] == "0.000" and s["facts"] == "0/1"
    assert "build failed" in out and "build of all documents failed" in out


def test_the_repository_gold_sets_are_valid():
    from kg.evaluate import read_gold_dir

    for gold, docs in [(REPO / "eval" / "gold" / "seeds", REPO / "seeds"),
                       (REPO / "tests" / "data" / "eval" / "gold", REPO / "tests" / "data" / "eval" / "docs")]:
        golds = read_gold_dir(gold, docs)
        assert len(golds) == len(list(docs.iterdir())) - (docs / "README.md").exists()
        assert all(g.facts and g.wrong for g in golds), gold
