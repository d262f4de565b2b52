"""Fix131: ``Minister X (Buitenlandse Zaken) heeft daar ... onderstreept``: a ministry in
brackets after the subject does not cut the subject off the clause of ``daar``.
Sentences are our own."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run

MEETING = ("Antwoord\nTijdens de bijeenkomst van de ministers van Defensie van de NAVO op 9 en 10 juni 2011 in "
           "Brussel is uitvoerig over Libië gesproken. ")


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _participants(ex) -> set:
    return {o for s, o in facts(ex, "kg:participant") if "ministerial/" in s}


@pytest.mark.parametrize("sentence", [
    "Minister Verbeet (Defensie) heeft daar het belang van een eerlijke lastenverdeling onderstreept.",
    "Staatssecretaris Verbeet (Defensie) sprak daar over de inzet van de mijnenjagers.",
])
def test_a_bracketed_ministry_keeps_the_subject_of_daar(nlp, sentence):
    _doc, ex = run(nlp, MEETING + sentence)
    assert "person/verbeet" in _participants(ex)


def test_a_negated_daar_clause_still_states_nothing(nlp):
    _doc, ex = run(nlp, MEETING + "Minister Verbeet (Defensie) heeft daar niet gesproken.")
    assert "person/verbeet" not in _participants(ex)
