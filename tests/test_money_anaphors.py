"""Contributions stated across sentences (wave-8 blind letters): a sum 'hiervoor' after a sentence
that gives to 'deze regeling', a relative clause on what the money buys, the year the next sentence
gives the money, and a fund the cabinet tops up."""
from decimal import Decimal

import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _contributions(ex):
    """(contributor, recipient, amount, year or None) of every contribution with an amount."""
    amount = dict(facts(ex, "kg:amountEUR"))
    year = {s: str(y.year) for s, y in facts(ex, "kg:year")}
    giver = dict(facts(ex, "kg:contributor"))
    to = dict(facts(ex, "kg:recipient"))
    return {(giver.get(c), to.get(c), amount[c], year.get(c)) for c in amount}


SCHEME = """Den Haag, 2 maart 2027

Northern Munitions Initiative

De bondgenoten richtten in januari het Northern Munitions Initiative (NORMI) op. Nederland heeft vorige week een bijdrage aan deze regeling toegezegd. Het kabinet stelt hiervoor EUR 80 miljoen beschikbaar, waarmee granaten worden aangeschaft die bestemd zijn voor Leopard-tanks. Deze middelen komen uit de reservering die voor 2027 voor steun aan Oekraïne is gemaakt.
"""


def test_a_sum_for_the_scheme_the_sentence_before_points_to_takes_its_year_from_the_next(nlp):
    found = _contributions(run(nlp, SCHEME)[1])
    assert ("country/nederland", "initiative/northern-munitions-initiative", Decimal(80000000), "2027") in found


FUND = """Den Haag, 2 maart 2027

Baltic Demining Programme

Het Baltic Demining Programme werd in 2024 opgezet. Uit het trustfonds worden mijnopruimers opgeleid. Het kabinet heeft besloten het trustfonds in 2027 met EUR 7,5 miljoen aan te vullen. De regering zal de Kamer over de uitvoering informeren.
"""


def test_the_cabinet_topping_up_the_fund_of_the_section_gives_as_the_netherlands(nlp):
    found = _contributions(run(nlp, FUND)[1])
    assert ("country/nederland", "initiative/baltic-demining-programme", Decimal(7500000), "2027") in found


def test_a_top_up_verb_without_a_fund_is_no_contribution(nlp):
    text = FUND.replace("het trustfonds in 2027", "de oostflank in 2027")
    assert not facts(run(nlp, text)[1], "kg:amountEUR")
