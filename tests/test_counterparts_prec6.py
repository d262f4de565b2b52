"""A counterpart whose own office the text gives in apposition (``zijn Duitse collega X, minister van
Binnenlandse Zaken``) holds that office, not the post of the one whose counterpart it is."""
import pytest

from kg.nlp import make_pipeline
from extracting import read_people


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def offices(ctx):
    return sorted((f.subject, f.object.key) for f in ctx.extraction.facts if f.predicate == "kg:holdsOffice")


def test_a_counterpart_with_an_office_in_apposition_takes_no_guessed_post(nlp):
    ctx = read_people(nlp, "Den Haag, 20 oktober 2031\n\nDe minister van Defensie, Peeters, sprak in de marge met "
                           "zijn Deense collega Lars Holm, minister van Binnenlandse Zaken, over vitale infrastructuur.\n",
                      with_metadata=True)
    assert ("person/holm", "office/minister-van-defensie-dk") not in offices(ctx)


def test_a_counterpart_without_an_apposition_still_takes_the_post(nlp):
    ctx = read_people(nlp, "Den Haag, 20 oktober 2031\n\nDe minister van Defensie, Peeters, sprak in de marge met "
                           "zijn Deense collega Lars Holm, die ook de Baltische staten bezocht.\n", with_metadata=True)
    assert ("person/holm", "office/minister-van-defensie-dk") in offices(ctx)
