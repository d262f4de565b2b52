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


# --- 'Ook X schoof aan' after a sentence opening with a sitting (events.speakers) ---

def _news(body: str) -> str:
    return ("Nieuwsbericht | 15-02-2019\n\nMinisters bespreken missie in Irak\n\n"
            "Brussel, 15 februari 2019 - De NAVO-ministers van Defensie kwamen op 13 en 14 februari in Brussel "
            "bijeen. Minister Kramer van Defensie was namens Nederland aanwezig.\n\nIrak\n\n" + body + "\n")


def test_who_joins_after_a_sitting_sentence_sits_at_that_table(nlp):
    _doc, ex = run(nlp, _news("In een aparte sessie spraken de ministers met de partnerlanden over de "
                              "trainingsmissie. Ook de Irakese generaal Najah al-Shammari schoof aan."))
    assert any("shammari" in p for p in _participants(ex))


@pytest.mark.parametrize("body", [
    # another city: not the sitting's table
    "In een aparte sessie spraken de ministers met de partnerlanden. Een week later in Bagdad schoof ook de "
    "Irakese generaal Najah al-Shammari aan.",
    # negated
    "In een aparte sessie spraken de ministers met de partnerlanden. De Irakese generaal "
    "Najah al-Shammari schoof niet aan.",
    # no sitting opens the sentence before
    "De ministers spraken ook over de begroting. Ook de Irakese generaal Najah al-Shammari schoof aan.",
])
def test_no_joining_without_the_sitting_sentence(nlp, body):
    _doc, ex = run(nlp, _news(body))
    assert not any("shammari" in p for p in _participants(ex))
