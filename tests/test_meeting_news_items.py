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


ANP = ("Ministers bespreken cyberdreiging\n\n12 juni 2031\n\nBRUSSEL (ANP) - Een reeks cyberaanvallen op havens heeft het "
       "vergadering van de NAVO-ministers van Defensie in Brussel donderdag beheerst. De secretaris-generaal zei "
       "na afloop van de tweedaagse bijeenkomst dat de bondgenoten hun netwerken beter gaan beveiligen.\n\n"
       "De Nederlandse minister pleitte voor meer gezamenlijke oefeningen.\n")


def _ministerial_dates(ex):
    return {(s.split("/")[-1], p, str(o)) for p in ("schema:startDate", "schema:endDate")
            for s, o in facts(ex, p) if s.startswith("ministerial/")}


def test_a_weekday_after_the_ministerial_and_its_length_closed_that_day_give_its_days(nlp):
    _doc, ex = run(nlp, ANP)
    assert _ministerial_dates(ex) == {("dmm-2031-06", "schema:startDate", "2031-06-11"),
                                      ("dmm-2031-06", "schema:endDate", "2031-06-12")}


@pytest.mark.parametrize("text", [
    # its length not told: which of its days Thursday was is unknown
    ANP.replace("na afloop van de tweedaagse bijeenkomst", "na afloop"),
    # told on a day that is not the news item's own: did it close then or the day after?
    ANP.replace("donderdag", "woensdag"),
])
def test_a_weekday_of_a_ministerial_of_unknown_position_gives_no_day(nlp, text):
    _doc, ex = run(nlp, text)
    assert not _ministerial_dates(ex)


def test_the_next_ministerial_planned_for_a_month_is_that_months(nlp):
    text = ANP.replace("De Nederlandse minister pleitte voor meer gezamenlijke oefeningen.",
                       "De volgende vergadering van de NAVO-ministers van Defensie is voorzien voor oktober 2031.")
    doc, _ex = run(nlp, text)
    keys = {s.kb_id_ for s in doc.spans["kg"] if s.label_ == "MinisterialMeeting"}
    assert keys == {"ministerial/dmm-2031-06", "ministerial/dmm-2031-10"}


def test_the_ministers_of_the_numbered_allies_acting_today_in_a_place_met_there(nlp):
    text = ("Nieuwsbericht | 14-02-2030 | Defensie\n\nBrussel, 14 februari 2030 - De ministers van Defensie van de "
            "32 NAVO-landen hebben vandaag in Brussel een demonstratie van nieuwe drones bijgewoond. Minister "
            "Jansen was daarbij aanwezig.\n")
    _doc, ex = run(nlp, text)
    assert ("ministerial/dmm-2030-02", "2030-02-14") in {(s, str(o)) for s, o in facts(ex, "schema:startDate")}
    assert any(s == "ministerial/dmm-2030-02" and o == "place/brussel" for s, o in facts(ex, "schema:location"))
    # the ministers of two named states are not the allies' meeting
    _doc, ex = run(nlp, text.replace("de 32 NAVO-landen", "Duitsland en Frankrijk"))
    assert not any(s.startswith("ministerial/") for s, _o in facts(ex, "schema:startDate"))


ANSWERS = ("Antwoord van minister Jansen (Defensie) (ontvangen 2 juli 2031)\n\nVraag 1\nWat hebben de NAVO-ministers van "
           "Defensie op 14 en 15 juni jl. in Brussel vastgesteld over de luchtverdediging?\n\nAntwoord\nDe ministers "
           "van Defensie van de bondgenoten hebben tijdens hun bijeenkomst in Brussel een plan goedgekeurd om "
           "meer luchtverdedigingssystemen aan te schaffen.\n")


def test_their_meeting_in_the_place_of_the_meeting_asked_about_is_that_one(nlp):
    _doc, ex = run(nlp, ANSWERS)
    located = {(s, o) for s, o in facts(ex, "schema:location")}
    assert ("ministerial/dmm-2031-06", "place/brussel") in located
    # the days only the question gives stay unstated
    assert not any(s.startswith("ministerial/") for s, _o in facts(ex, "schema:startDate"))
    stated = [f for f in ex.facts if f.predicate == "schema:location" and f.subject == "ministerial/dmm-2031-06"]
    assert all("tijdens hun bijeenkomst" in f.evidence.sentence for f in stated)


@pytest.mark.parametrize("change", [
    ("hun bijeenkomst in Brussel", "hun bijeenkomst in Rome"),  # another place: which meeting?
    ("hun bijeenkomst in Brussel", "hun vorige bijeenkomst in Brussel"),  # another meeting
])
def test_their_meeting_that_may_be_another_is_not_the_one_asked_about(nlp, change):
    _doc, ex = run(nlp, ANSWERS.replace(*change))
    assert not any(s.startswith("ministerial/") for s, _o in facts(ex, "schema:location"))


LETTER = ("Den Haag, 3 maart 2023\n\nHierbij informeer ik uw Kamer over de inzet aan de oostflank.\n\n{}"
          " Nederland levert daaraan een bijdrage.\n")


def _summits(ex):
    return {s for s, _o in facts(ex, "schema:startDate") if s.startswith("summit/")}


def test_an_agreement_of_the_allies_in_a_summit_place_and_month_recalls_that_summit(nlp):
    _doc, ex = run(nlp, LETTER.format("In Madrid werd in juni 2022 besloten dat de bondgenoten hun troepen aan "
                                      "de oostflank uitbreiden."))
    assert "summit/madrid-2022" in _summits(ex)


@pytest.mark.parametrize("sentence", [
    # no allies: whose agreement?
    "In Madrid werd in juni 2022 besloten dat Spanje zijn troepen aan de oostflank uitbreidt.",
    # a month that fits no summit there
    "In Madrid werd in mei 2022 besloten dat de bondgenoten hun troepen aan de oostflank uitbreiden.",
    # the headquarters city: its ministerials meet there in the summit's month too
    "In Brussel werd in juni 2021 besloten dat de bondgenoten hun troepen aan de oostflank uitbreiden.",
])
def test_an_agreement_that_fits_no_one_summit_recalls_none(nlp, sentence):
    _doc, ex = run(nlp, LETTER.format(sentence))
    assert not _summits(ex)


ITEM = ("Nieuwsbericht | 12-06-2031 | Buitenlandse Zaken\n\nVerklaring over de Noordpool\n\nMinister Jansen tekende "
        "vandaag een verklaring over de samenwerking in het Noordpoolgebied. Dat gebeurde tijdens de driedaagse "
        "vergadering van de NAVO-ministers van Buitenlandse Zaken, die gisteren in Rome {}.\n")


def test_a_relative_clause_dating_the_ministerials_start_by_yesterday_gives_its_days(nlp):
    _doc, ex = run(nlp, ITEM.format("startte"))
    assert _ministerial_dates(ex) == {("fmm-2031-06", "schema:startDate", "2031-06-11"),
                                      ("fmm-2031-06", "schema:endDate", "2031-06-13")}


def test_a_relative_clause_that_says_no_sitting_dates_nothing(nlp):
    _doc, ex = run(nlp, ITEM.format("door de oppositie werd bekritiseerd"))
    assert not _ministerial_dates(ex)
