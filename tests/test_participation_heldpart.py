"""kg.extract.events.participation, wave 6: the letter's signatory who says in a relative clause
on a named meeting that he took part (``de bijeenkomst van de ministers ... in Brussel, waaraan
ik heb deelgenomen``) is a participant of that meeting; negated or in a letter of several
(``ik``) nothing. The members listed after a group a clause invites (``waarvoor de partners
zijn uitgenodigd, onder wie A, B en C``) are invited."""
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
    """Who takes part in the meeting or session whose key starts with ``prefix`` (or, for a
    prefix with no ``/``, holds it)."""
    ct = clean(SourceText(Path("antwoord.txt"), text))
    ex = extract(nlp(ct.text), ct)
    return {f.object.key for f in ex.facts if f.predicate == "kg:participant" and isinstance(f.object, Ref)
            and (f.subject.startswith(prefix) if "/" in prefix else prefix in f.subject)}


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


AGENDA = """Geannoteerde agenda NAVO-top

Den Haag, 20 juni 2029

Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top die op 8 en 9 juli 2029 in Oslo plaatsvindt.

Verloop

Op 9 juli volgt een sessie over de trainingsmissie in Irak, waarvoor ook de partnerlanden van de missie zijn uitgenodigd, onder wie Japan, Oostenrijk en Ierland. Zwitserland is niet uitgenodigd.

De minister van Buitenlandse Zaken,
M. van Leeuwen
"""


def test_the_members_listed_after_an_invited_group_are_invited(nlp):
    got = participants(nlp, AGENDA, "oslo")
    assert {"country/japan", "country/oostenrijk", "country/ierland"} <= got
    assert "country/zwitserland" not in got


def test_a_list_after_a_clause_that_states_no_taking_part_is_not_invited(nlp):
    text = AGENDA.replace("waarvoor ook de partnerlanden van de missie zijn uitgenodigd", "waaraan ook partnerlanden bijdragen")
    got = participants(nlp, text, "oslo")
    assert not {"country/japan", "country/oostenrijk", "country/ierland"} & got


REPORT = """Verslag NAVO-top

Den Haag, 20 juli 2029

Hierbij bied ik u het verslag aan van de NAVO-top die op 8 en 9 juli 2029 in Oslo plaatsvond.

Verloop

Op 9 juli kwam de NAVO-Oekraïne Raad bijeen op het niveau van regeringsleiders, waaraan de Oekraïense president Olena Hrytsenko deelnam. Aansluitend sprak de NAVO met de partners uit Azië: de Japanse premier Haruto Mori en de Koreaanse president Min-jun Park.

De minister van Buitenlandse Zaken,
M. van Leeuwen
"""


def test_the_alliance_talking_with_partners_next_is_at_the_meeting_not_the_session_before(nlp):
    ct = clean(SourceText(Path("verslag.txt"), REPORT))
    ex = extract(nlp(ct.text), ct)
    got = {(f.subject, f.object.key) for f in ex.facts if f.predicate == "kg:participant" and isinstance(f.object, Ref)}
    for person in ("person/mori", "person/park"):
        assert any(s.startswith("summit/") and "oslo" in s for s, o in got if o == person)
    assert not any(s.startswith("session/") for s, o in got if o in ("person/mori", "person/park"))


ESCORT = """Verslag NAVO-top

Den Haag, 20 juli 2029

Hierbij bied ik u het verslag aan van de NAVO-top die op 8 en 9 juli 2029 in Oslo plaatsvond. Minister-president Bakker werd in Oslo vergezeld door minister Kramer van Defensie, die op 1 juli jl. was aangetreden.

De minister van Buitenlandse Zaken,
M. van Leeuwen
"""


def test_a_day_in_a_relative_clause_ending_the_sentence_does_not_date_the_taking_part(nlp):
    got = participants(nlp, ESCORT, "oslo")
    assert {"person/bakker", "person/kramer"} <= got


def test_a_day_outside_the_meeting_in_the_main_clause_still_dates_it(nlp):
    text = ESCORT.replace("Minister-president Bakker werd in Oslo vergezeld door minister Kramer van Defensie, die op 1 juli jl. was aangetreden.",
                          "Op 1 juli werd minister-president Bakker in Oslo vergezeld door minister Kramer van Defensie, die net was aangetreden.")
    got = participants(nlp, text, "oslo")
    assert "person/kramer" not in got


NEWS = """Bondgenoten versterken luchtverdediging
Nieuwsbericht | 15-03-2029 | 18:10

De ministers van Defensie van de NAVO hebben donderdag 15 maart in Brussel besloten meer luchtverdedigingssystemen aan te schaffen. Minister Sanne Vos van Defensie noemde het besluit 'hard nodig'.

Aansluitend op de NAVO-bijeenkomst kwamen de ministers van de landen van de coalitie tegen ISIS bijeen. Dat overleg werd voorgezeten door de Canadese minister Paul Roy. Het was geen NAVO-bijeenkomst. Roy noemde de steun van de coalitie 'onmisbaar'.
"""


def test_a_speaker_named_with_his_portfolio_before_the_verb_spoke_at_the_meeting(nlp):
    got = participants(nlp, NEWS, "ministerial/")
    assert "person/vos" in got


def test_a_speaker_in_a_paragraph_about_a_gathering_that_was_no_nato_meeting_is_not_at_it(nlp):
    got = participants(nlp, NEWS, "ministerial/")
    assert "person/roy" not in got


TRAVEL = """Verslag NAVO-top

Den Haag, 20 juli 2029

Hierbij bied ik u het verslag aan van de NAVO-top die op 8 en 9 juli 2029 in Oslo plaatsvond. Premier Lotte de Wit, die samen met minister Jan Mulder van Defensie naar de top was gereisd, sprak na afloop van 'een vruchtbare afloop'.

De minister van Buitenlandse Zaken,
M. van Leeuwen
"""


def test_who_travelled_to_the_meeting_in_a_relative_clause_with_a_companion_take_part(nlp):
    got = participants(nlp, TRAVEL, "oslo")
    assert {"person/de-wit", "person/mulder"} <= got


def test_a_journey_at_another_time_is_no_taking_part(nlp):
    text = TRAVEL.replace("naar de top was gereisd", "vorig jaar naar de top was gereisd")
    got = participants(nlp, text, "oslo")
    assert not {"person/de-wit", "person/mulder"} & got


WELCOME = NEWS.replace("Minister Sanne Vos van Defensie noemde het besluit 'hard nodig'.",
                       "Minister Sanne Vos van Defensie heette haar Zweedse ambtgenoot Erik Lind welkom.")


def test_the_one_a_speaker_welcomes_at_the_meeting_is_there(nlp):
    got = participants(nlp, WELCOME, "ministerial/")
    assert {"person/vos", "person/lind"} <= got


def test_a_welcome_at_another_time_names_no_one(nlp):
    text = WELCOME.replace("heette haar Zweedse ambtgenoot Erik Lind welkom", "heette vorig jaar haar Zweedse ambtgenoot Erik Lind welkom")
    assert "person/lind" not in participants(nlp, text, "ministerial/")
