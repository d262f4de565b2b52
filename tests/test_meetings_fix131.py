"""Fix131: the allies' ministers acting on two days in a row of a news item
(``dinsdag en woensdag``) in a place met there on both days; ``de N lidstaten`` names the
allies when N is NATO's number of members on the item's date and not the EU's.
Sentences are our own."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _news(day: str, body: str) -> str:
    return f"Akkoord over paraatheid\n\nGepubliceerd: {day}\n\nRIGA - {body}\n"


def _ministerials(ex) -> dict[str, tuple]:
    """key -> (startDate, endDate) of every MinisterialMeeting the extraction dates."""
    starts = {s.split("/id/")[-1]: str(o) for s, o in facts(ex, "schema:startDate") if "ministerial/" in s}
    ends = {s.split("/id/")[-1]: str(o) for s, o in facts(ex, "schema:endDate") if "ministerial/" in s}
    return {k: (v, ends.get(k)) for k, v in starts.items()}


def _places(ex) -> set[str]:
    return {o for s, o in facts(ex, "schema:location") if "ministerial/" in s}


def test_two_weekdays_and_a_count_of_member_states_that_is_natos(nlp):
    # 2 December 2021 is a Thursday; NATO had 30 members, the EU 27
    _doc, ex = run(nlp, _news("2 december 2021", "De ministers van Buitenlandse Zaken van de 30 lidstaten hebben "
                                                 "dinsdag en woensdag in Riga een nieuwe aanpak vastgesteld."))
    assert list(_ministerials(ex).values()) == [("2021-11-30", "2021-12-01")]
    assert any("riga" in p for p in _places(ex))


def test_the_allies_by_name_over_two_days(nlp):
    _doc, ex = run(nlp, _news("2 december 2021", "Dat hebben de ministers van Defensie van de bondgenoten "
                                                 "woensdag en donderdag in Riga afgesproken."))
    assert list(_ministerials(ex).values()) == [("2021-12-01", "2021-12-02")]


@pytest.mark.parametrize("day,body", [
    # 28 in 2015: the EU had 28 members too
    ("5 november 2015", "De ministers van Defensie van de 28 lidstaten hebben dinsdag en woensdag in Riga "
                        "een nieuwe aanpak vastgesteld."),
    # 27 in 2021: not NATO's number
    ("2 december 2021", "De ministers van Defensie van de 27 lidstaten hebben dinsdag en woensdag in Riga "
                        "een nieuwe aanpak vastgesteld."),
    # two days not in a row: no one meeting of two days
    ("2 december 2021", "De ministers van Defensie van de bondgenoten hebben maandag en woensdag in Riga "
                        "een nieuwe aanpak vastgesteld."),
])
def test_no_meeting_without_the_allies_or_with_days_apart(nlp, day, body):
    _doc, ex = run(nlp, _news(day, body))
    assert _ministerials(ex) == {}
