"""Wrong facts a precision sweep found, mended by the general pattern behind each: working
``samen met`` a country is no attending, a country named as a place takes no part, ..."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


DMM_NEWS = """NAVO-ministers van Defensie bijeen in Brussel
Nieuwsbericht | 12-03-2026

Nederland stuurt een NASAMS-luchtverdedigingseenheid naar Roemenië. Minister Van Dalen (Defensie) heeft dat vandaag in Brussel gemeld tijdens de bijeenkomst van de NAVO-ministers van Defensie. De eenheid wordt samen met Italië gestationeerd bij de haven van Constanța, in het oosten van Roemenië.

Aan de bijeenkomst namen ook Zweden en Finland deel.
"""


def test_working_together_with_a_country_is_no_attending(nlp):
    _, ex = run(nlp, DMM_NEWS)
    parties = {o for _, o in facts(ex, "kg:participant")}
    assert "country/zweden" in parties
    assert "country/italie" not in parties
    assert "country/roemenie" not in parties


SUMMIT_AGENDA = """Den Haag, 2 november 2026

Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top die op 19 en 20 november 2026 in Riga zal plaatsvinden. Minister-president Van Dijk neemt deel aan de top.

Uitbreiding
Bosnië-Herzegovina en Moldavië streven ernaar in Riga een uitnodiging voor toetredingsonderhandelingen te krijgen. De regering ondersteunt de uitnodiging van Moldavië.

Partners
Het kabinet verwelkomt de uitnodiging van Bosnië-Herzegovina.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_an_invitation_to_join_is_no_invitation_to_the_summit(nlp):
    _, ex = run(nlp, SUMMIT_AGENDA)
    parties = {o for _, o in facts(ex, "kg:participant")}
    assert "person/van-dijk" in parties
    assert "country/moldavie" not in parties
    assert "country/bosnie-herzegovina" not in parties
