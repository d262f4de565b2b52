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


def _news(day: str, body: str) -> str:
    return f"Nieuw lid voor het bondgenootschap\n\n{day}\n\nBRUSSEL (ANP) - {body}\n"


def _accessions(nlp, text):
    _doc, ex = run(nlp, text)
    return {(s.split("/")[-1], str(o)) for s, o in facts(ex, "kg:accessionDate")}


def test_joined_on_a_weekday_of_the_news_item(nlp):
    text = _news("4 april 2023", "Finland is dinsdag formeel toegetreden tot de NAVO. De vlag gaat omhoog.")
    assert ("finland", "2023-04-04") in _accessions(nlp, text)
    # a weekday that is not the reference accession day around the letter's date: nothing
    assert not _accessions(nlp, text.replace("dinsdag", "maandag"))


def test_joined_said_of_the_country_of_the_sentence_before(nlp):
    one = _news("6 juni 2017", "Voor het eerst zat Montenegro als bondgenoot aan tafel. "
                               "Het land trad op 5 juni toe tot het bondgenootschap.")
    assert ("montenegro", "2017-06-05") in _accessions(nlp, one)
    two = _news("2 april 2004", "Slowakije en Slovenië namen deze week voor het eerst deel aan het overleg. "
                                "Beide landen traden op 29 maart toe tot de NAVO.")
    assert {("slowakije", "2004-03-29"), ("slovenie", "2004-03-29")} <= _accessions(nlp, two)
    # a day that is not the reference one, or a pronoun with no single state before it: nothing
    assert not _accessions(nlp, one.replace("op 5 juni", "op 6 juni"))
    assert not _accessions(nlp, two.replace("Beide landen", "Het land"))


FMM_NEWS = """Nieuwsbericht | 23-03-2021 | 19:10

Hoekstra spreekt met bondgenoten over Afghanistan

Minister Wopke Hoekstra (Buitenlandse Zaken) heeft dinsdag 23 maart in Brussel met zijn NAVO-collega's gesproken over de toekomst van de missie in Afghanistan. De vergadering van de NAVO-ministers van Buitenlandse Zaken werd in het hoofdkwartier gehouden; Hoekstra sprak daarna in Rome met zijn Italiaanse ambtgenoot. Tijdens deze ministeriële bijeenkomst werd ook over China gesproken.

Minister Ank Bijleveld-Schouten (Defensie) praat later met haar NAVO-collega's over de missie.
"""


def _ministerials(ex):
    starts = {s.split("/")[-1]: str(o) for s, o in facts(ex, "schema:startDate") if s.startswith("ministerial/")}
    places = {s.split("/")[-1]: o.split("/")[-1] for s, o in facts(ex, "schema:location") if s.startswith("ministerial/")}
    return starts, places


def test_minister_conferring_with_nato_colleagues_dates_the_ministerial(nlp):
    _doc, ex = run(nlp, FMM_NEWS)
    starts, places = _ministerials(ex)
    # one FMM, dated by the sentence of conferring; the generic mention after it is that FMM
    assert starts == {"fmm-2021-03": "2021-03-23"}
    # the place of the clause after the semicolon is not the meeting's
    assert places.get("fmm-2021-03") != "rome"
    # no day of its own: a colleague sentence dates nothing (Defence's meeting stays unnamed)
    assert not any(k.startswith("dmm") for k in starts)


SUMMIT_LATER = """Den Haag, 20 januari 2022

Het kabinet zal uw Kamer informeren over de inzet voor de NAVO-top die later dit jaar in Madrid wordt gehouden.
"""


def _summit_keys(ex):
    return {s for s, _o in facts(ex, "schema:startDate") if s.startswith("summit/")}


def test_relative_year_summit_placed_by_its_relative_clause(nlp):
    _doc, ex = run(nlp, SUMMIT_LATER)
    assert _summit_keys(ex) == {"summit/madrid-2022"}
    # a city where none of that year's summits was held: not another summit of the year
    _doc, ex = run(nlp, SUMMIT_LATER.replace("Madrid", "Rome"))
    assert not _summit_keys(ex)
