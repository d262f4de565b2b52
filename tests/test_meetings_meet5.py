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
