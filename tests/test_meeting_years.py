"""Recalled meetings without a year of their own: a summit named by its place takes
the year its clause gives, a year-less day or month is dated from the document's
date, a relative year of another clause does not decide, ministerials are dated by
the day the text gathers the ministers on, and news items' date lines are read."""
import datetime as dt

import pytest

from kg.dates import document_date, news_date_line
from kg.extract import metadata as md
from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def keys(doc, cls):
    return {s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == cls}


# ---------------------------------------------------------------- summits: the year of the clause

def test_a_year_of_the_clause_names_the_summit_at_that_place(nlp):
    # years after the summit: the letter's date and tense alone would find none
    text = ("Den Haag, 8 februari 2021\n\nIn 2016 legden de bondgenoten op de NAVO-top in Warschau "
            "de basis voor de versterkte aanwezigheid in het oosten.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/warschau-2016"}


def test_a_year_of_a_relative_clause_names_the_summit(nlp):
    text = ("Den Haag, 6 juni 2017\n\nDe toezegging die de lidstaten in 2010 deden op de top in Lissabon "
            "wordt nog altijd uitgevoerd.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/lissabon-2010"}


def test_a_year_that_fits_no_summit_at_the_place_decides_nothing(nlp):
    # "tot 2030" is a span, not the time of the clause; no Warsaw summit in 2030 either
    text = "Den Haag, 8 februari 2031\n\nOp de top in Warschau is een plan tot 2030 vastgesteld.\n"
    doc, _ex = run(nlp, text)
    assert not {k for k in keys(doc, "Summit") if k.endswith("-2030")}


def test_relative_year_of_another_clause_leaves_the_mentions_own_month(nlp):
    text = ("Den Haag, 20 november 2023\n\nDe regeringsleiders besloten tijdens de NAVO-top in Vilnius in juli "
            "om Oekraïne volgend jaar verder te steunen.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/vilnius-2023"}


def test_summit_of_next_year_named_so(nlp):
    text = "Den Haag, 12 juli 2024\n\nDe NAVO-top van volgend jaar wordt in Nederland gehouden.\n"
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/den-haag-2025"}
    alts = doc.user_data["kg_entities"]["summit/den-haag-2025"]["alt_labels"]
    assert "NAVO-top van volgend jaar" in alts


def test_a_day_without_year_is_not_another_years_summit(nlp):
    # 10 July 2023 is no summit day; a summit on 10 July of another year is not meant
    text = "Den Haag, 3 juli 2023\n\nIn de aanloop naar de top, maandag 10 juli, spreekt de premier met de pers.\n"
    doc, _ex = run(nlp, text)
    assert "summit/washington-2024" not in keys(doc, "Summit")


# ---------------------------------------------------------------- ministerials dated by the gathering

def test_the_day_the_defence_ministers_gathered_dates_the_ministerial(nlp):
    text = ("Persbericht | 16-02-2031 | 18:05\n\nMinister Jansen van Defensie sprak tijdens het overleg van de "
            "NAVO-ministers van Defensie in Brussel over munitie. De defensieministers kwamen op 15 en 16 "
            "februari bijeen op het NAVO-hoofdkwartier.\n")
    doc, ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/dmm-2031-02"}
    assert ("ministerial/dmm-2031-02", dt.date(2031, 2, 15)) in facts(ex, "schema:startDate")
    assert ("ministerial/dmm-2031-02", dt.date(2031, 2, 16)) in facts(ex, "schema:endDate")
    # the evidence of the dates is the sentence that states them
    ev = next(f.evidence for f in ex.facts if f.predicate == "schema:startDate")
    assert "15 en 16" in ev.sentence


def test_the_ministers_gathered_takes_the_kind_of_the_document(nlp):
    text = ("Persbericht | 04-04-2030 | 16:10 | Ministerie van Buitenlandse Zaken\n\nMinister De Vries nam deel "
            "aan de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken in Brussel. De ministers "
            "kwamen op 3 en 4 april bijeen.\n")
    doc, ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/fmm-2030-04"}
    assert ("ministerial/fmm-2030-04", dt.date(2030, 4, 3)) in facts(ex, "schema:startDate")


def test_a_gathering_far_from_the_document_dates_nothing(nlp):
    text = ("Den Haag, 1 september 2030\n\nHierbij de geannoteerde agenda voor de bijeenkomst van de "
            "NAVO-ministers van Defensie. De ministers kwamen op 3 en 4 februari bijeen in Brussel.\n")
    doc, _ex = run(nlp, text)
    assert "ministerial/dmm-2030-02" not in keys(doc, "MinisterialMeeting")


def test_the_date_after_a_held_ministerial_in_its_clause(nlp):
    text = "Den Haag, 20 oktober 2030\n\nDe ministers van Defensie vergaderden op 17 en 18 oktober in Brussel.\n"
    doc, ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/dmm-2030-10"}
    assert ("ministerial/dmm-2030-10", dt.date(2030, 10, 17)) in facts(ex, "schema:startDate")


def test_a_date_of_another_clause_is_not_the_ministerials(nlp):
    text = ("Den Haag, 20 maart 2030\n\nDe FMM vindt plaats op de dag dat het verdrag, op 4 april 1949, "
            "werd getekend.\n")
    doc, _ex = run(nlp, text)
    assert not {k for k in keys(doc, "MinisterialMeeting") if "1949" in k}


# ---------------------------------------------------------------- news items' date lines

@pytest.mark.parametrize("line, date, publisher", [
    ("3 mrt 2031 om 09:15 Update: 3 mrt 2031 om 11:40", dt.date(2031, 3, 3), None),
    ("Persbericht | 07-05-2030 | 10:00 | Ministerie van Defensie", dt.date(2030, 5, 7), "Ministerie van Defensie"),
    ("14 november 2029, 08:30", dt.date(2029, 11, 14), None),
    ("di 2 okt. 2029", dt.date(2029, 10, 2), None),
])
def test_news_date_lines(line, date, publisher):
    text = f"Kop van het bericht\n\n{line}\n\nDe eerste alinea van het bericht.\n"
    found = news_date_line(text)
    assert found is not None and (found.date, found.publisher) == (date, publisher)
    assert text[found.start:found.end].strip() == line
    assert document_date(text) == date


def test_a_date_in_running_text_is_no_date_line():
    assert news_date_line("Op 3 mrt 2031 sprak de minister | over de begroting.\n") is None
    assert news_date_line("De top van 4 juni 2030 was kort.\n") is None


def test_a_headline_ending_in_den_haag_is_no_letter_date():
    text = "Bondgenoten maken afspraken in Den Haag\n\n26 jun 2030 om 18:02\n\nDe regeringsleiders ...\n"
    date, span = md.find_date(text)
    assert date == dt.date(2030, 6, 26)
    assert text[span[0]:span[1]] == "26 jun 2030 om 18:02"

