"""Operations and money of the held-out texts (wave 6): the state a sum or a mission is *for*
(``een storting in het fonds voor Moldavië``) is whom it serves, neither a participant nor a
contributor. Own sentences."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


_TEXT = ("Den Haag, 3 juni 2031\n\nHierbij informeer ik uw Kamer over de Belgische bijdrage aan KFOR "
         "en over een extra donatie aan het trustfonds voor Moldavië.\n")


def test_the_state_a_sum_is_for_takes_no_part_in_the_mission(nlp):
    _, ex = run(nlp, _TEXT, "kfor.txt")
    parts = facts(ex, "kg:participant")
    assert ("operation/kfor", "country/belgie") in parts
    assert ("operation/kfor", "country/moldavie") not in parts


def test_the_state_a_sum_is_for_is_no_contributor(nlp):
    _, ex = run(nlp, _TEXT, "kfor.txt")
    assert "country/moldavie" not in {o for _, o in facts(ex, "kg:contributor")}
    assert "country/belgie" in {o for _, o in facts(ex, "kg:contributor")}
