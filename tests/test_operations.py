"""kg.extract.operations: participants of the operation a paragraph is about."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline

TEXT = """Den Haag, 9 september 2026

Achtergrond
Sinds 2023 leidt Canada operatie Northern Shield, een trainingsmissie in Letland. De missie wordt gesteund door Denemarken, IJsland en Estland. Ook België neemt sinds dit voorjaar deel, met zo'n veertig militairen afkomstig van het Korps Mariniers.

Overig
De training wordt ondersteund door Portugal. Zweden en Finland nemen aan deze operatie niet deel. Spanje neemt naar verwachting later deel.
"""


@pytest.fixture(scope="module")
def parts():
    ct = clean(SourceText(Path("operatie.txt"), TEXT))
    ex = extract(make_pipeline()(ct.text), ct)
    return {(f.subject, f.object.key) for f in ex.facts
            if f.predicate == "kg:participant" and isinstance(f.object, Ref)}


def test_supported_by_a_list_of_countries(parts):
    op = "operation/northern-shield"
    assert {(op, "country/denemarken"), (op, "country/ijsland"), (op, "country/estland")} <= parts


def test_taking_part_without_naming_the_operation_and_the_units_troops_come_from(parts):
    assert ("operation/northern-shield", "country/belgie") in parts
    assert ("operation/northern-shield", "organisation/korps-mariniers") in parts


def test_another_paragraph_negations_and_hedges_state_nothing(parts):
    for country in ("portugal", "zweden", "finland", "spanje"):
        assert not any(o == f"country/{country}" for _, o in parts), country


def test_an_operation_located_in_a_list_of_states():
    ct = clean(SourceText(Path("locatie.txt"), "Nederland draagt bij aan operatie Baltic Guard, die oefeningen "
                                                 "in Estland, Letland en Litouwen houdt.\n"))
    ex = extract(make_pipeline()(ct.text), ct)
    where = {f.object.key for f in ex.facts if f.predicate == "schema:location" and f.subject == "operation/baltic-guard"}
    assert where == {"country/estland", "country/letland", "country/litouwen"}


def test_framework_nations_of_the_paragraphs_operation():
    text = ("Den Haag, 1 juli 2026\n\nDe top besloot over Baltic Air Policing. Vanaf 2027 patrouilleren vier "
            "eskaders boven Estland en Letland. Noorwegen en Italië treden op als kaderlanden van de eskaders "
            "in Estland en Letland.\n")
    ct = clean(SourceText(Path("kader.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    parts = {f.object.key for f in ex.facts if f.predicate == "kg:participant"
             and f.subject == "operation/baltic-air-policing"}
    assert parts == {"country/noorwegen", "country/italie"}


def test_a_mission_in_apposition_is_a_second_object_so_no_owner_joins_the_first():
    text = ("Den Haag, 4 mei 2026\n\nNederland levert stafofficieren aan KFOR en blijft bijdragen aan de "
            "rechtsstaatmissie van de Europese Unie, EULEX Kosovo.\n")
    ct = clean(SourceText(Path("eulex.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    parts = {(f.subject, f.object.key) for f in ex.facts if f.predicate == "kg:participant"}
    assert not any(o == "organisation/eu" or o.startswith("organisation/europese") for _, o in parts)


def test_a_country_that_opens_its_sentence_takes_part():
    # the subject is the sentence's first word: nothing before it to look back at
    text = ("Den Haag, 9 september 2026\n\nCanada leidt operatie Northern Shield in Letland. "
            "Portugal neemt sinds dit voorjaar deel, met militairen afkomstig van het Korps Mariniers.\n")
    ct = clean(SourceText(Path("operatie.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    got = {(f.subject, f.object.key) for f in ex.facts if f.predicate == "kg:participant"}
    assert ("operation/northern-shield", "country/portugal") in got
