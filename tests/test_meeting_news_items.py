"""Meetings a news item names by their kind and dates by its own words: the summit a
sentence gives days and a described place for ("in de Poolse hoofdstad Warschau"). Own
sentences in the style of government and press-agency news items."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _keys(ex, predicate):
    return {(s.split("/id/")[-1], o.split("/id/")[-1] if isinstance(o, str) else str(o)) for s, o in facts(ex, predicate)}


GOV_NEWS = ("Nieuwsbericht | 09-07-2016 | Ministerie van Algemene Zaken\n\nPremier in Warschau\n\n"
            "Minister-president Jan de Vries heeft op 8 en 9 juli in de Poolse hoofdstad Warschau deelgenomen aan "
            "de NAVO-top. De regeringsleiders spraken over de oostflank.\n")


def test_a_summit_word_with_days_and_a_described_capital_names_the_reference_summit(nlp):
    _doc, ex = run(nlp, GOV_NEWS)
    assert ("summit/warschau-2016", "2016-07-08") in {(s, str(o)) for s, o in _keys(ex, "schema:startDate")}
    assert any(s == "summit/warschau-2016" and o.endswith("warschau") for s, o in _keys(ex, "schema:location"))
    assert any(o == "summit/warschau-2016" for _s, o in _keys(ex, "kg:concerns"))


def test_days_that_are_not_the_summits_name_nothing(nlp):
    _doc, ex = run(nlp, GOV_NEWS.replace("op 8 en 9 juli", "op 7 en 8 juli"))
    assert not any(s == "summit/warschau-2016" for s, _o in _keys(ex, "schema:startDate"))
