"""Bad reference data is an error (issue 14 item 7): one line naming the file, the entry and the fault.

Each test copies ontology/reference to a temporary folder, breaks one file
and points the loader at the copy.
"""
import json
import shutil
from pathlib import Path

import pytest

from kg import reference
from kg.cli import main
from kg.errors import EXIT_ERROR

REAL = reference.REF_DIR


@pytest.fixture
def refdir(tmp_path, monkeypatch):
    d = tmp_path / "reference"
    shutil.copytree(REAL, d)
    monkeypatch.setattr(reference, "REF_DIR", d)
    reference.load.cache_clear()
    yield d
    reference.load.cache_clear()  # the next user gets the real data again (REF_DIR is restored first)


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def error_of(d) -> str:
    with pytest.raises(reference.BadReference) as e:
        reference.load()
    msg = str(e.value)
    assert "\n" not in msg
    return msg


def person(label="Pieter Hoogland", **over):
    row = {"label": label, "names": [], "source": "https://example.org/hoogland",
           "offices": [{"role": "minister van Defensie", "jurisdiction": "country/nederland",
                        "start": "2031-01-01", "end": "2032-01-01"}]}
    row.update(over)
    return row


def test_the_real_reference_data_loads():
    assert reference.load().persons["person/rutte"].tenures


def test_malformed_json(refdir):
    (refdir / "persons.json").write_text('{"persons": [ {"label": "X",, } ]}', "utf-8")
    msg = error_of(refdir)
    assert "persons.json" in msg and "malformed JSON at line 1" in msg


def test_two_entries_claiming_one_alias(refdir):
    edit(refdir / "organisations.json", lambda d: d["organisations"].extend([
        {"label": "Raad voor Noordzeesamenwerking", "aliases": ["RNZ"]},
        {"label": "Regionaal Netwerk Zeevaart", "aliases": ["RNZ"]}]))
    msg = error_of(refdir)
    assert "organisations.json" in msg and "'Regionaal Netwerk Zeevaart'" in msg
    assert "'RNZ' is already claimed by" in msg and "Raad voor Noordzeesamenwerking" in msg


def test_alias_claimed_across_files(refdir):
    edit(refdir / "operations.json", lambda d: d["operations"].append({"label": "Noordhaven", "aliases": ["NAVO"]}))
    msg = error_of(refdir)
    assert "operations.json" in msg and "'Noordhaven'" in msg and "organisations.json" in msg


def test_two_persons_claiming_one_name(refdir):
    edit(refdir / "persons.json", lambda d: d["persons"].extend([
        person("Pieter Hoogland", names=["P. Hoogland"]), person("Paul Hoogland", key="hoogland-2", names=["P. Hoogland"])]))
    msg = error_of(refdir)
    assert "persons.json" in msg and "'Paul Hoogland'" in msg and "'P. Hoogland' is already claimed" in msg


def test_end_date_before_start_date(refdir):
    bad = person(offices=[{"role": "minister van Defensie", "jurisdiction": "country/nederland",
                           "start": "2031-05-01", "end": "2030-02-01"}])
    edit(refdir / "persons.json", lambda d: d["persons"].append(bad))
    msg = error_of(refdir)
    assert "persons.json" in msg and "('Pieter Hoogland'), office 1" in msg
    assert "end date 2030-02-01 is before start date 2031-05-01" in msg


@pytest.mark.parametrize("field", ["label", "source"])
def test_missing_required_field(refdir, field):
    bad = person()
    del bad[field]
    edit(refdir / "persons.json", lambda d: d["persons"].append(bad))
    msg = error_of(refdir)
    assert "persons.json" in msg and f"missing required field '{field}'" in msg


def test_missing_label_of_an_organisation(refdir):
    edit(refdir / "organisations.json", lambda d: d["organisations"].append({"aliases": ["ZZQ"]}))
    msg = error_of(refdir)
    assert "organisations.json" in msg and "missing required field 'label'" in msg


def test_not_a_date(refdir):
    bad = person(offices=[{"role": "minister van Defensie", "jurisdiction": "country/nederland", "start": "mei 2031"}])
    edit(refdir / "persons.json", lambda d: d["persons"].append(bad))
    assert "field 'start' is not a date" in error_of(refdir)


def test_office_of_the_wrong_kind_of_jurisdiction(refdir):
    bad = person(offices=[{"role": "minister-president", "jurisdiction": "organisation/navo", "start": "2031-01-01"}])
    edit(refdir / "persons.json", lambda d: d["persons"].append(bad))
    assert "a minister-president is the office of a Country, not of 'NAVO'" in error_of(refdir)


def test_unknown_role_and_unknown_jurisdiction(refdir):
    bad = person(offices=[{"role": "opperbevelhebber", "jurisdiction": "country/nederland", "start": "2031-01-01"}])
    edit(refdir / "persons.json", lambda d: d["persons"].append(bad))
    assert "role 'opperbevelhebber' is not an office of offices.json" in error_of(refdir)


def test_wrong_wikidata_id(refdir):
    edit(refdir / "persons.json", lambda d: d["persons"].append(person(wikidata="Rutte")))
    assert "field 'wikidata' is not a Wikidata ID" in error_of(refdir)


def test_office_form_claimed_twice(refdir):
    edit(refdir / "offices.json", lambda d: d["offices"].append(
        {"role": "opperbevelhebber", "forms": ["premier"], "minister": False}))
    assert "form 'premier' is already claimed by 'minister-president'" in error_of(refdir)


def test_missing_file(refdir):
    (refdir / "persons.json").unlink()
    msg = error_of(refdir)
    assert "persons.json" in msg and "file is missing" in msg


def test_build_stops_with_one_line_and_writes_nothing(refdir, tmp_path, capsys):
    (refdir / "places.json").write_text("[", "utf-8")
    letter = tmp_path / "brief.txt"
    letter.write_text("De NAVO-top vond plaats in Vilnius.", "utf-8")
    out = tmp_path / "out.ttl"
    assert main(["build", str(letter), "-o", str(out), "-q"]) == EXIT_ERROR
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "places.json" in err and "malformed JSON" in err
    assert "Traceback" not in err and not out.exists()


@pytest.fixture
def summits_cleared():
    reference.summits.cache_clear()
    yield
    reference.summits.cache_clear()


def summits_error_of() -> str:
    with pytest.raises(reference.BadReference) as e:
        reference.summits()
    msg = str(e.value)
    assert "\n" not in msg
    return msg


def test_summit_errors_read_as_the_other_files(refdir, summits_cleared):
    path = refdir / "summits.json"
    edit(path, lambda d: d["summits"].append(dict(d["summits"][0], name_nl="x", name_en="y")))
    n = len(json.loads(path.read_text("utf-8"))["summits"])
    first = json.loads(path.read_text("utf-8"))["summits"][0]["id"]
    assert summits_error_of() == (f"bad reference data in {path}: entry {n} ({first}): "
                                  f"id {first!r} also used by entry 1")


def test_summits_file_missing_or_malformed(refdir, summits_cleared):
    path = refdir / "summits.json"
    path.write_text('{"summits": [', "utf-8")
    assert summits_error_of().startswith(f"bad reference data in {path}: malformed JSON at line 1")
    path.unlink()
    assert summits_error_of() == f"bad reference data in {path}: file is missing"


def test_national_body_with_an_unknown_country_code(refdir):
    edit(refdir / "organisations.json", lambda d: d["organisations"].append(
        {"label": "Regionaal Wachtcommando", "aliases": [], "country": "XX"}))
    msg = error_of(refdir)
    assert "organisations.json" in msg and "'Regionaal Wachtcommando'" in msg and "'XX'" in msg


def test_a_pledge_may_not_claim_an_initiatives_name(refdir):
    edit(refdir / "pledges.json", lambda d: d["pledges"].append({"label": "Partnerschap voor Vrede"}))
    msg = error_of(refdir)
    assert "pledges.json" in msg and "initiatives.json" in msg


def test_context_words_must_be_folded(refdir):
    edit(refdir / "organisations.json", lambda d: d["organisations"].append(
        {"label": "Noordelijke Brigade", "context_aliases": ["NB"], "context_words": ["Terreurgroep"]}))
    msg = error_of(refdir)
    assert "organisations.json" in msg and "'Noordelijke Brigade'" in msg and "context_words" in msg


def test_a_context_alias_is_claimed_like_any_name(refdir):
    edit(refdir / "organisations.json", lambda d: d["organisations"].append(
        {"label": "Noordelijke Brigade", "context_aliases": ["NAVO"]}))
    msg = error_of(refdir)
    assert "'Noordelijke Brigade'" in msg and "'NAVO'" in msg
