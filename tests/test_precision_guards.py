"""Precision guards on readings that were unguarded: a quoted leader of a state that is no
partner of NATO is no speaker at its meeting (unless the meeting sat with his state)."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


SUMMIT_REPORT = """Den Haag, 20 juli 2026

Hierbij bied ik u het verslag aan van de NAVO-top die op 7 en 8 juli 2026 in Ankara werd gehouden.

Verloop van de top

De regeringsleiders bespraken de veiligheidssituatie in Europa. Secretaris-generaal Rutte benadrukte dat de bondgenoten meer moeten investeren in luchtverdediging. De Russische minister van Buitenlandse Zaken Lavrov verklaarde dat Moskou de besluiten van het bondgenootschap als een provocatie beschouwt. President Loekasjenko waarschuwde dat Belarus zijn grenzen zal verdedigen.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_a_quoted_adversary_leader_is_no_speaker_at_the_summit(nlp):
    _, ex = run(nlp, SUMMIT_REPORT)
    parties = {o for _, o in facts(ex, "kg:participant")}
    assert "person/rutte" in parties
    assert "person/lavrov" not in parties and "person/loekasjenko" not in parties


COUNCIL_REPORT = """Den Haag, 15 april 2010

Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken op 8 en 9 april 2010 in Tallinn.

NAVO-Rusland Raad

De ministers kwamen op 9 april bijeen in de NAVO-Rusland Raad. De Russische minister van Buitenlandse Zaken Lavrov benadrukte dat Rusland de samenwerking bij de bestrijding van terrorisme wil voortzetten.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_a_leader_of_a_state_the_meeting_sat_with_still_speaks_there(nlp):
    _, ex = run(nlp, COUNCIL_REPORT)
    assert any(o == "person/lavrov" for _, o in facts(ex, "kg:participant"))


def _operations(nlp, text):
    doc = nlp(text)
    return {(s.text, s.kb_id_) for s in doc.spans.get("kg", []) if s.label_ == "Operation"}


def test_a_mission_named_by_its_purpose_is_no_operation_that_does_otherwise(nlp):
    got = _operations(nlp, "Nederland levert een bijdrage aan MINUSMA. Daarnaast draagt Nederland bij aan "
                           "de trainingsmissie in Mali.")
    assert ("trainingsmissie in Mali", "operation/minusma") not in got
    got = _operations(nlp, "Nederland nam met F-16's deel aan Operation Unified Protector. Nu draagt Nederland "
                           "bij aan de trainingsmissie in Libië.")
    assert not any(text.startswith("trainingsmissie") and key == "operation/operation-unified-protector"
                   for text, key in got)



MISSIONS = """Den Haag, 3 maart 2026

Stand van zaken missies

Nederland neemt sinds 2023 deel aan de NAVO-missie in Irak. Anders dan de partners Georgië en Oekraïne leveren alle bondgenoten personeel aan de missie.

De minister van Defensie,
P. de Graaf
"""


def test_partners_set_against_the_givers_do_not_take_part(nlp):
    _, ex = run(nlp, MISSIONS)
    parties = facts(ex, "kg:participant")
    assert ("operation/navo-missie-irak", "country/georgie") not in parties
    assert ("operation/navo-missie-irak", "country/oekraine") not in parties


@pytest.mark.parametrize("clause, apart", [
    ("terwijl partners als zwitserland alleen geld geven", True),
    ("partners als zwitserland leveren geen troepen", True),
    ("ook partnerlanden leveren een bijdrage", False),
    ("niet alleen de bondgenoten , maar ook partners als zwitserland leveren troepen", False),
])
def test_which_partner_clauses_set_the_partners_apart(clause, apart):
    from kg.extract.operations import _PARTNER_NOUNS, _partners_set_apart
    lw = clause.split()
    n = next(k for k, w in enumerate(lw) if w in _PARTNER_NOUNS)
    assert _partners_set_apart(lw, list(range(len(lw))), n) is apart


def _places(nlp, text):
    return {(s.text, s.kb_id_) for s in nlp(text).spans.get("kg", []) if s.label_ == "Place"}


def test_an_ordinary_word_a_venue_shares_is_no_place_in_lower_case(nlp):
    assert _places(nlp, "Het nieuwe radarstation heeft de vorm van een pentagon.") == set()
    assert _places(nlp, "De fil rouge van het beleid blijft de collectieve verdediging.") == set()
    assert ("Pentagon", "place/pentagon") in _places(nlp, "De minister sprak in het Pentagon met zijn ambtgenoot.")


DECLARATIONS = """Den Haag, 15 juli 2026

Hierbij bieden wij u het verslag aan van de NAVO-top die op 7 en 8 juli 2026 in Ankara werd gehouden. Tevens zenden wij u de teksten van de verklaringen die tijdens de top zijn aangenomen:
• Verklaring van de top van Ankara;
• Verklaring van de NAVO-Georgië Commissie;
• Gezamenlijke verklaring over de defensie-industrie.

Oekraïne

Tijdens de NAVO-Oekraïne Raad, in aanwezigheid van president Zelensky, bevestigden de bondgenoten hun steun aan Oekraïne.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_a_council_named_in_a_list_of_declarations_held_no_session(nlp):
    _, ex = run(nlp, DECLARATIONS)
    sessions = {o for _, o in facts(ex, "kg:hasSession")}
    assert not any("georgia" in s or "georgie" in s for s in sessions)
    assert any("ukraine-council" in s for s in sessions)
