"""A ministerial's name ends where a clause about the meeting begins."""
from __future__ import annotations

import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def ministerial_names(doc):
    return {s.text for s in doc.spans.get("kg", []) if s.label_ == "MinisterialMeeting"}


def test_a_clause_about_the_meeting_is_no_name_of_it(nlp):
    text = ("Den Haag, 13 juni 2031\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers "
            "van Defensie op 5 juni 2031 in Brussel.\n\nAan de bijeenkomst namen de ministers van Defensie van "
            "alle 32 bondgenoten deel.\n\nDe Minister van Defensie,\nJ. Jansen\n")
    doc, _ = run(nlp, text)
    names = ministerial_names(doc)
    assert "bijeenkomst van de NAVO-ministers van Defensie" in names
    assert not any("namen" in n for n in names)



def test_a_chair_of_another_gathering_is_no_participant_of_the_meeting(nlp):
    # "Deze" is the contact group that met the day before, not the ministerial of the letter
    text = ("Den Haag, 13 juni 2031\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers "
            "van Defensie op 5 juni 2031 in Brussel.\n\nAan de bijeenkomst namen de ministers van Defensie van "
            "alle 32 bondgenoten deel. Op 4 juni vond een bijeenkomst plaats van de Ukraine Defense Contact "
            "Group. Deze werd voorgezeten door de Britse minister van Defensie Tom Ashworth.\n\n"
            "De Minister van Defensie,\nJ. Jansen\n")
    _, ex = run(nlp, text)
    assert not any(o == "person/ashworth" for s, o in facts(ex, "kg:participant") if s.startswith("ministerial/"))
