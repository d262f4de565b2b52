"""kg.extract.events: a planned sitting with listed partners, and a speaker on a state's
behalf in a report (kg:participant)."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def participants(nlp, text: str) -> set[tuple[str, str]]:
    ct = clean(SourceText(Path("brief.txt"), text))
    ex = extract(nlp(ct.text), ct)
    return {(f.subject, f.object.key) for f in ex.facts
            if f.predicate == "kg:participant" and isinstance(f.object, Ref)}


AGENDA = """Den Haag, 2 mei 2027

Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top die op 14 en 15 mei a.s. in Oslo (Noorwegen) plaatsvindt.

Partners
{}
"""


def test_a_planned_sitting_with_partners_listed_after_a_colon(nlp):
    got = participants(nlp, AGENDA.format(
        "Aan de zijlijn van de top is een bijeenkomst voorzien met vier partnerlanden die troepen "
        "leveren voor NAVO-missies: Ierland, Japan, Zwitserland en Qatar."))
    assert {k for _, k in got} >= {"country/ierland", "country/japan", "country/zwitserland", "country/qatar"}
    got = participants(nlp, AGENDA.format(
        "Op de tweede dag staat een werksessie gepland met Oostenrijk en Nieuw-Zeeland."))
    assert {k for _, k in got} >= {"country/oostenrijk", "country/nieuw-zeeland"}


def test_a_planned_meeting_without_a_sitting_noun_names_no_partners(nlp):
    got = participants(nlp, AGENDA.format("Een gesprek over de hulp is voorzien met Japan en Ierland."))
    assert not {k for _, k in got} & {"country/japan", "country/ierland"}


REPORT = """Den Haag, 20 oktober 2027

Hierbij bericht ik u over de bijeenkomst van de NAVO-ministers van Defensie op 14 en 15 oktober 2027 in Brussel.

Irak
Tijdens de tweede sessie spraken de ministers over de trainingsmissie in Irak. {}
"""


def test_one_who_speaks_on_behalf_of_a_state_in_a_report_takes_part(nlp):
    got = participants(nlp, REPORT.format("Namens Irak sprak minister van Defensie Jamal Hadi Karim."))
    assert any(k.endswith("karim") for _, k in got), got


def test_speaking_on_behalf_elsewhere_or_about_something_is_not_taking_part(nlp):
    got = participants(nlp, REPORT.format("Namens Irak sprak minister Jamal Hadi Karim vorig jaar in Bagdad met de ambassadeurs."))
    assert not any(k.endswith("karim") for _, k in got), got


def meetings(nlp, text: str) -> dict[str, dict]:
    ct = clean(SourceText(Path("brief.txt"), text))
    ex = extract(nlp(ct.text), ct)
    out: dict[str, dict] = {}
    for f in ex.facts:
        if f.subject.startswith("ministerial/") and f.predicate in ("schema:startDate", "schema:endDate", "schema:location"):
            out.setdefault(f.subject, {})[f.predicate] = getattr(f.object, "key", f.object)
    return out


LETTER = """Den Haag, 10 januari 2029

Hierbij bied ik u de kabinetsreactie aan op het rapport over de luchtverdediging.

{}
"""


def test_their_gathering_on_days_is_the_ministerial_of_those_ministers(nlp):
    got = meetings(nlp, LETTER.format(
        "De NAVO-ministers van Buitenlandse Zaken zullen de kwestie behandelen tijdens hun bijeenkomst "
        "op 6 en 7 maart a.s. in Brussel."))
    fmm = [v for k, v in got.items() if k.startswith("ministerial/fmm")]
    assert fmm and str(fmm[0]["schema:startDate"]) == "2029-03-06" and fmm[0]["schema:location"] == "place/brussel", got


def test_their_gathering_without_days_or_of_others_is_no_meeting(nlp):
    got = meetings(nlp, LETTER.format(
        "De ministers van Defensie spraken erover tijdens hun bijeenkomst in juni 2028. De Kamerleden hebben "
        "tijdens hun bijeenkomst op 6 maart gesproken met de ministers van Defensie."))
    assert not got, got
