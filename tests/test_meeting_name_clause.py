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

