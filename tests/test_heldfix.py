"""Wrong facts the held-out blind texts showed, mended by the general rule behind each:
the default office of a bare title checked against the reference tenures, ..."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


HELSINKI = """Den Haag, 9 maart 2021

De Slotakte van Helsinki, die in 1975 onder meer door president Ford en secretaris-generaal Brezjnev werd ondertekend, blijft een ijkpunt voor de veiligheid in Europa. Secretaris-generaal Stoltenberg sprak hierover met de bondgenoten.
"""

OLD = """Den Haag, 9 maart 2001

Secretaris-generaal Robertson sprak met de bondgenoten over de Balkan.
"""


def _offices(ex):
    return {(p, o) for p, o in facts(ex, "kg:holdsOffice")}


def test_a_bare_secretary_general_is_not_natos_when_another_held_it_that_day(nlp):
    _, ex = run(nlp, HELSINKI)
    held = _offices(ex)
    assert ("person/stoltenberg", "office/secretaris-generaal-navo") in held
    assert not any(p == "person/brezjnev" for p, _ in held)


def test_the_default_stays_where_the_reference_names_no_holder_that_day(nlp):
    _, ex = run(nlp, OLD)
    assert ("person/robertson", "office/secretaris-generaal-navo") in _offices(ex)
