"""Statements the blind texts showed to be wrong, mended by the general pattern behind each:
what a relative clause of attendance names (``, waaraan X deelnam,``), a council that acts
(``door de Raad benoemd``), a mission described in apposition to its name, a compound on a
part of a mission (``X-hoofdkwartier``), and a gathering held in preparation of the meeting."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


FMM = """Den Haag, 20 maart 2026

Op de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken op 3 maart 2026 in Oslo, waaraan ondergetekende heeft deelgenomen, is afgesproken dat de Allied Reaction Force (ARF) in omvang wordt verdubbeld.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_what_was_decided_is_no_participant_the_relative_clause_subject_is(nlp):
    _, ex = run(nlp, FMM)
    parties = {o for _, o in facts(ex, "kg:participant")}
    assert "person/de-graaf" in parties
    assert not any("allied-reaction-force" in o for o in parties)


SUMMIT = """Den Haag, 14 juli 2026

Hierbij bied ik u het verslag aan van de NAVO-top die op 7 en 8 juli 2026 in Ankara werd gehouden.

De Noorse oud-premier werd in juni door de Noord-Atlantische Raad aangewezen als de nieuwe plaatsvervangend secretaris-generaal van de NAVO. Minister-president Van Dijk nam deel aan de top.

Voor de Georgische premier Kobakhidze was er een afzonderlijke bijeenkomst van de NAVO-Georgië Commissie, waaraan hij op woensdag deelnam.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_a_council_acting_as_agent_is_no_session(nlp):
    _, ex = run(nlp, SUMMIT)
    sessions = {o for _, o in facts(ex, "kg:hasSession")}
    assert not any("noord-atlantische-raad" in s for s in sessions)
    assert ("summit/ankara-2026", "person/van-dijk") in facts(ex, "kg:participant")


def test_the_pronoun_subject_of_a_relative_clause_of_attendance_takes_part(nlp):
    _, ex = run(nlp, SUMMIT)
    assert any(o == "person/kobakhidze" for _, o in facts(ex, "kg:participant"))


MISSION = """Den Haag, 2 februari 2026

Met deze brief informeert het kabinet u over het besluit de Nederlandse bijdrage aan de NAVO-adviesmissie in Kosovo, NATO Capacity Building Mission (NCBM), te verlengen. De Nederlandse adviseurs werken vanuit het NCBM-hoofdkwartier in Pristina.
"""


def test_a_mission_described_in_apposition_to_its_name_is_one_operation(nlp):
    doc, ex = run(nlp, MISSION)
    ops = [e for e in ex.entities.values() if e.cls == "Operation"] if isinstance(ex.entities, dict) \
        else [e for e in ex.entities if e.cls == "Operation"]
    assert len(ops) == 1
    names = {ops[0].label, *ops[0].alt_labels}
    assert "NAVO-adviesmissie in Kosovo" in names and "NCBM" in names
    assert "NCBM-hoofdkwartier" not in names


PREPARATION = """Den Haag, 30 juni 2026

Minister-president Van Dijk heeft maandag op het ministerie van Algemene Zaken de laatste voorbereidingen besproken voor de NAVO-top, die op 7 en 8 juli 2026 in Ankara wordt gehouden. Bij het gesprek was ook minister Smit van Defensie aanwezig.
"""


def test_a_gathering_in_preparation_of_the_meeting_is_not_the_meeting(nlp):
    _, ex = run(nlp, PREPARATION)
    assert not any(o == "person/smit" for _, o in facts(ex, "kg:participant"))
