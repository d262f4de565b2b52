"""A pledge agreed "in <region>" at a summit the text named before by its host city's region
("de NAVO-top in Wales in september 2014 ... De bondgenoten spraken in Wales af ... (de
Defence Investment Pledge)"): agreed at that summit."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_agreed_in_the_region_of_a_named_summit_is_agreed_there(nlp):
    text = ("Den Haag, 3 maart 2017\n\nDe ministers bespraken de uitvoering van de besluiten van de NAVO-top "
            "in Wales in september 2014.\n\nOok de uitgaven kwamen aan bod. De regeringsleiders kwamen in Wales "
            "overeen binnen tien jaar naar 2 procent van het bbp te groeien (de Defence Investment Pledge).\n")
    _doc, ex = run(nlp, text)
    assert ("pledge/defence-investment-pledge", "summit/newport-2014") in facts(ex, "kg:agreedAt")


def test_agreed_in_a_region_no_summit_of_the_text_is_held_in_states_nothing(nlp):
    text = ("Den Haag, 3 maart 2017\n\nDe ministers bespraken de uitvoering van de besluiten van de NAVO-top "
            "in Warschau in juli 2016.\n\nOok de uitgaven kwamen aan bod. De regeringsleiders kwamen in Wales "
            "overeen binnen tien jaar naar 2 procent van het bbp te groeien (de Defence Investment Pledge).\n")
    _doc, ex = run(nlp, text)
    assert ("pledge/defence-investment-pledge", "summit/warschau-2016") not in facts(ex, "kg:agreedAt")
