"""kg.extract.events.participation, wave 6: the letter's signatory who says in a relative clause
on a named meeting that he took part (``de bijeenkomst van de ministers ... in Brussel, waaraan
ik heb deelgenomen``) is a participant of that meeting; negated or in a letter of several
(``ik``) nothing."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def participants(nlp, text: str, prefix: str) -> set[str]:
    ct = clean(SourceText(Path("antwoord.txt"), text))
    ex = extract(nlp(ct.text), ct)
    return {f.object.key for f in ex.facts if f.predicate == "kg:participant"
            and isinstance(f.object, Ref) and f.subject.startswith(prefix)}


ANSWER = """Antwoorden op vragen van het lid Van Rijn over de luchtverdediging van de oostflank

Antwoord van minister Van Leeuwen (Buitenlandse Zaken) (ontvangen 12 mei 2029).

Vraag 2

Is de inzet van extra Patriot-systemen besproken?

Antwoord 2

Ja. De verdeling van de systemen is aan de orde gekomen tijdens de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken van 3 en 4 april 2029 in Brussel, waaraan ik heb deelgenomen. De bondgenoten zegden daar extra steun toe.

De minister van Buitenlandse Zaken,
M. van Leeuwen
"""

FMM = "ministerial/fmm-2029-04"


def test_the_signatory_who_took_part_in_the_named_meeting(nlp):
    assert "person/van-leeuwen" in participants(nlp, ANSWER, FMM)


def test_a_signatory_who_says_he_did_not_take_part_is_no_participant(nlp):
    text = ANSWER.replace("waaraan ik heb deelgenomen", "waaraan ik niet heb deelgenomen")
    assert "person/van-leeuwen" not in participants(nlp, text, FMM)


def test_first_person_after_a_preposition_is_no_subject(nlp):
    text = ANSWER.replace("waaraan ik heb deelgenomen", "waarbij namens mij de ambassadeur aanwezig was")
    assert "person/van-leeuwen" not in participants(nlp, text, FMM)
