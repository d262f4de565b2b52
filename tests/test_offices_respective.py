"""kg.nlp.components.persons: a plural office over as many states as it names persons gives
each person the office of the state in the same place ('respectively')."""

import pytest

from kg.nlp import make_pipeline
from extracting import read_people


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def offices(nlp, text):
    ctx = read_people(nlp, text, with_metadata=True)
    return sorted((f.subject, f.object.key) for f in ctx.extraction.facts if f.predicate == "kg:holdsOffice")


def test_each_name_holds_the_office_of_the_state_in_its_place(nlp):
    got = offices(nlp, "Aan het overleg namen ook de ministers van Defensie van Moldavië en Armenië, "
                       "Ion Rusu en Aram Petrosjan, deel.")
    assert ("person/rusu", "office/minister-van-defensie-md") in got
    assert ("person/petrosjan", "office/minister-van-defensie-am") in got


def test_presidents_of_two_states(nlp):
    got = offices(nlp, "Daarna spraken de presidenten van Finland en Estland, Mikko Laine en Toomas Kask, met de pers.")
    assert ("person/laine", "office/president-fi") in got
    assert ("person/kask", "office/president-ee") in got


def test_no_office_when_the_counts_differ(nlp):
    got = offices(nlp, "Aan het overleg namen de ministers van Defensie van Moldavië, Armenië en Georgië, "
                       "Ion Rusu en Aram Petrosjan, deel.")
    assert not [o for p, o in got if p in ("person/rusu", "person/petrosjan")]
