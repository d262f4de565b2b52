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
