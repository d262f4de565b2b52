"""Fix131: a country's adjective after ``voor``/``aan`` (``de additionele uitgaven voor de
Nederlandse deelname``) names no recipient of its own, so the operation named before is the
recipient. Sentences are our own."""
from decimal import Decimal

import pytest

from kg.nlp import make_pipeline

from extracting import facts, run

LEAD = ("Antwoord\nNederland heeft in 2010 met een fregat bijgedragen aan Operation Ocean Shield, de "
        "antipiraterijoperatie van de NAVO voor de kust van Somalië. ")


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _amounts_to(ex, recipient_part: str) -> set:
    recips = {s for s, o in facts(ex, "kg:recipient") if recipient_part in o}
    return {v for s, v in facts(ex, "kg:amountEUR") if s in recips}


@pytest.mark.parametrize("sentence", [
    "De additionele uitgaven voor de Nederlandse deelname bedroegen EUR 12,7 miljoen.",
    "De kosten voor de Nederlandse inzet worden geraamd op EUR 12,7 miljoen.",
])
def test_a_country_adjective_names_no_recipient(nlp, sentence):
    _doc, ex = run(nlp, LEAD + sentence)
    assert Decimal("12700000") in _amounts_to(ex, "ocean-shield")


def test_an_unknown_name_after_voor_is_still_another_recipient(nlp):
    _doc, ex = run(nlp, LEAD + "De uitgaven voor het Kustwachtfonds Somalië bedroegen EUR 12,7 miljoen.")
    assert Decimal("12700000") not in _amounts_to(ex, "ocean-shield")


# --- operation location across a unit noun (kg.extract.events.operation_mentions) ---

def _located(ex, op_part: str) -> set:
    return {o for s, o in facts(ex, "schema:location") if op_part in s}


@pytest.mark.parametrize("sentence,place", [
    ("Nederland levert sinds 2017 een compagnie aan de enhanced Forward Presence (eFP) battlegroup in Litouwen.",
     "litouwen"),
    ("De Kamer ontvangt een brief over de Resolute Support missie in Afghanistan.", "afghanistan"),
])
def test_a_unit_noun_between_operation_and_place(nlp, sentence, place):
    _doc, ex = run(nlp, sentence)
    assert any(place in o for o in _located(ex, "operation/"))


def test_a_plural_unit_noun_places_nothing(nlp):
    _doc, ex = run(nlp, "Nederland draagt bij aan de enhanced Forward Presence (eFP) battlegroups in Litouwen "
                        "en Polen.")
    assert not _located(ex, "enhanced-forward-presence")
