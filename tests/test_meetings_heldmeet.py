"""Wave 6 (heldmeet): summits a sentence dates and places exactly, without naming them."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run

RIGA_NEWS = """29 november 2006

RIGA (ANP) - De afscheidstop van de Amerikaanse minister van Defensie werd op 28 en 29 november gehouden in Riga, als eerste NAVO-top in een voormalige Sovjetrepubliek. De regeringsleiders spraken over Afghanistan.
"""


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_summit_compound_dated_and_placed_in_its_own_sentence(nlp):
    _doc, ex = run(nlp, RIGA_NEWS)
    assert ("summit/riga-2006", "2006-11-28") in {(s.split("/id/")[-1], str(o)) for s, o in facts(ex, "schema:startDate")}
    assert any(s.endswith("summit/riga-2006") for s, _o in facts(ex, "schema:location"))


@pytest.mark.parametrize("text", [
    # another body's summit on those days and at that place is none of NATO's
    RIGA_NEWS.replace("De afscheidstop van de Amerikaanse minister van Defensie", "De EU-top")
    .replace(", als eerste NAVO-top in een voormalige Sovjetrepubliek", ""),
    # days that are not exactly the reference summit's: no summit is named
    RIGA_NEWS.replace("op 28 en 29 november", "op 27 en 28 november"),
])
def test_summit_compound_needs_an_exact_reference_match(nlp, text):
    _doc, ex = run(nlp, text)
    assert not any("riga-2006" in s for s, _o in facts(ex, "schema:startDate"))
