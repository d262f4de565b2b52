"""Meetings, wave 5: a meeting of a stated length closed (or opened) "vandaag", the allies'
ministers deciding today at NATO's headquarters, the day a meeting "gaat morgen verder",
and "de volgende bijeenkomst ... in <maand>"."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def ministerial_keys(doc):
    return {s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == "MinisterialMeeting"}


def days(ex, key):
    return ({d for k, d in facts(ex, "schema:startDate") if k == key},
            {d for k, d in facts(ex, "schema:endDate") if k == key})


# ---------------------------------------------------------------- a meeting of n days closed or opened today

def test_a_two_day_meeting_closed_today_began_the_day_before(nlp):
    text = ("Nieuwsbericht | 07-06-2016\n\nMinister Hennis heeft vandaag in Brussel de tweedaagse bijeenkomst "
            "van de NAVO-ministers van Defensie afgesloten met een oproep tot meer eenheid.\n")
    doc, ex = run(nlp, text)
    assert ministerial_keys(doc) == {"ministerial/dmm-2016-06"}
    assert days(ex, "ministerial/dmm-2016-06") == ({dt.date(2016, 6, 6)}, {dt.date(2016, 6, 7)})


def test_a_three_day_meeting_opened_today_runs_on(nlp):
    text = ("Nieuwsbericht | 03-12-2019\n\nDe secretaris-generaal heeft vanochtend in Brussel de driedaagse "
            "bijeenkomst van de NAVO-ministers van Buitenlandse Zaken geopend.\n")
    doc, ex = run(nlp, text)
    assert days(ex, "ministerial/fmm-2019-12") == ({dt.date(2019, 12, 3)}, {dt.date(2019, 12, 5)})


def test_a_two_day_meeting_today_without_closing_or_opening_has_no_day(nlp):
    # which of its two days today is, the sentence does not say: no day stands, the month does
    text = ("Nieuwsbericht | 07-06-2016\n\nMinister Hennis sprak vandaag in Brussel tijdens de tweedaagse "
            "bijeenkomst van de NAVO-ministers van Defensie over de oostflank.\n")
    doc, ex = run(nlp, text)
    assert ministerial_keys(doc) == {"ministerial/dmm-2016-06"}
    assert days(ex, "ministerial/dmm-2016-06") == (set(), set())


# ---------------------------------------------------------------- "de volgende bijeenkomst ... in <maand>"

def test_the_next_meeting_in_a_later_month_is_that_month_of_the_documents_year(nlp):
    text = ("Den Haag, 21 maart 2023\n\nDe ministers bespraken de steun aan Oekraïne. De volgende bijeenkomst "
            "van de NAVO-ministers van Buitenlandse Zaken wordt in mei gehouden.\n")
    doc, ex = run(nlp, text)
    assert "ministerial/fmm-2023-05" in ministerial_keys(doc)
    assert not any(k.startswith("ministerial/~") for k in ministerial_keys(doc))
    assert days(ex, "ministerial/fmm-2023-05") == (set(), set())  # a month is no day


def test_the_next_meeting_in_an_earlier_month_is_in_the_next_year(nlp):
    text = ("Den Haag, 4 november 2021\n\nIk informeer uw Kamer over de uitkomsten van het overleg. "
            "De eerstvolgende bijeenkomst van de NAVO-ministers van Defensie vindt naar verwachting in "
            "februari plaats.\n")
    doc, _ex = run(nlp, text)
    assert "ministerial/dmm-2022-02" in ministerial_keys(doc)
    assert "ministerial/dmm-2021-02" not in ministerial_keys(doc)


def test_the_next_meeting_in_a_month_it_is_not_said_to_be_held_in_states_no_month(nlp):
    # the month of its preparation, not of the meeting
    doc, _ex = run(nlp, "Den Haag, 4 juni 2021\n\nDe volgende bijeenkomst van de NAVO-ministers van Defensie "
                        "wordt naar verwachting in september voorbereid.\n")
    assert not any(k.startswith("ministerial/dmm-20") for k in ministerial_keys(doc))
    # the same month as the letter: this year's or next year's, the text does not say
    doc, _ex = run(nlp, "Den Haag, 4 juni 2021\n\nDe volgende bijeenkomst van de NAVO-ministers van Defensie "
                        "vindt naar verwachting in juni plaats.\n")
    assert not any(k.startswith("ministerial/dmm-20") for k in ministerial_keys(doc))


# ---------------------------------------------------------------- the member states' ministers deciding today at NATO HQ

def test_member_states_ministers_deciding_today_at_nato_headquarters_meet_that_day(nlp):
    text = ("woensdag 25 juni 2008, 18:10\n\nBRUSSEL - De NAVO stuurt extra trainers naar het zuiden van "
            "Afghanistan. Daartoe besloten de ministers van Defensie van de 26 lidstaten vandaag op het "
            "NAVO-hoofdkwartier in Brussel. Volgens diplomaten verliep de vergadering rustig. De bijeenkomst "
            "wordt morgen voortgezet met een sessie over Kosovo.\n")
    doc, ex = run(nlp, text)
    assert ministerial_keys(doc) == {"ministerial/dmm-2008-06"}
    # the day of the decision, and the next day the meeting goes on
    assert days(ex, "ministerial/dmm-2008-06") == ({dt.date(2008, 6, 25)}, {dt.date(2008, 6, 26)})


def test_member_states_ministers_deciding_elsewhere_are_no_nato_ministerial(nlp):
    # "de 27 lidstaten" without NATO's headquarters: the EU's ministers may have met
    text = ("woensdag 25 juni 2008, 18:10\n\nBRUSSEL - Daartoe besloten de ministers van Buitenlandse Zaken "
            "van de 27 lidstaten vandaag in Brussel. Het overleg gaat morgen verder.\n")
    doc, _ex = run(nlp, text)
    assert not any(k.startswith("ministerial/fmm-") for k in ministerial_keys(doc))


def test_a_meeting_goes_on_only_to_a_day_the_paragraph_states_for_it(nlp):
    # a date in a sentence between: "het overleg" may be another gathering's; the meeting keeps its day
    text = ("Nieuwsbericht | 14-02-2017\n\nDe ministers van Defensie van de NAVO kwamen vandaag in Brussel "
            "bijeen. Op 10 februari spraken de ambassadeurs al over de begroting. Het overleg gaat morgen "
            "verder.\n")
    doc, ex = run(nlp, text)
    assert days(ex, "ministerial/dmm-2017-02") == ({dt.date(2017, 2, 14)}, {dt.date(2017, 2, 14)})
    # the meeting runs on to the stated day
    text = ("Nieuwsbericht | 14-02-2017\n\nDe ministers van Defensie van de NAVO kwamen vandaag in Brussel "
            "bijeen. Het overleg gaat donderdag 16 februari verder.\n")
    doc, ex = run(nlp, text)
    assert days(ex, "ministerial/dmm-2017-02") == ({dt.date(2017, 2, 14)}, {dt.date(2017, 2, 16)})


# ---------------------------------------------------------------- a council of the ambassadors is no session

def test_a_council_the_ambassadors_sit_in_is_no_session_of_the_ministerial(nlp):
    text = ("Nieuwsbericht | 14-02-2017\n\nDe ministers van Defensie van de NAVO kwamen vandaag in Brussel "
            "bijeen. Het contact met Moskou blijft beperkt: alleen de ambassadeurs overleggen nog in de "
            "NAVO-Rusland Raad.\n")
    _doc, ex = run(nlp, text)
    assert not any("rusland" in s for _m, s in facts(ex, "kg:hasSession"))
    # the same council meeting at the ministerial, with no word of ambassadors: a session
    text = ("Nieuwsbericht | 14-02-2017\n\nDe ministers van Defensie van de NAVO kwamen vandaag in Brussel "
            "bijeen. Aansluitend vergaderde de NAVO-Rusland Raad.\n")
    _doc, ex = run(nlp, text)
    assert any("rusland" in s for _m, s in facts(ex, "kg:hasSession"))


# ---------------------------------------------------------------- the document's year is its own date's

@pytest.mark.parametrize("text, year", [
    # a news item of 2018 that first recalls a day of 2014
    ("Nieuwsbericht | 12-07-2018\n\nSinds 5 september 2014 werken de bondgenoten aan de norm. Op donderdag "
     "12 juli spraken de leiders in Brussel.\n", 2018),
    # a letter of 2023 whose opening names a day of 1949
    ("Den Haag, 4 april 2023\n\nOp 4 april 1949 werd het Noord-Atlantisch Verdrag getekend.\n", 2023),
    # no date of its own: the first day its text names
    ("Verslag\n\nOp 3 maart 2021 spraken de ministers in Brussel.\n", 2021),
])
def test_the_documents_year_is_that_of_its_own_date(nlp, text, year):
    doc, _ex = run(nlp, text)
    assert doc.user_data["kg_events"]["year"] == year


def test_ministers_meeting_today_and_tomorrow_have_no_one_day(nlp):
    text = ("Nieuwsbericht | 14-02-2017\n\nDe ministers van Defensie van de NAVO komen vandaag en morgen in "
            "Brussel bijeen.\n")
    _doc, ex = run(nlp, text)
    assert not facts(ex, "schema:endDate") & {("ministerial/dmm-2017-02", dt.date(2017, 2, 14))}
