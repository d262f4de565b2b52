"""How a text mentions a meeting. A summit named by "die top" after a sentence that dates and places
the leaders' gathering, NATO's ministers discussing on a stated day, the kind word in a
summit's name, councils that met at another time, the letter's purpose sentence
("Met deze brief ...") for kg:concerns, a heading that names the meeting itself, and
days a text states inside a reference summit's span.

A meeting of a stated length closed (or opened) "vandaag", the allies'
ministers deciding today at NATO's headquarters, the day a meeting "gaat morgen verder",
and "de volgende bijeenkomst ... in <maand>"."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.model import ReferenceEvidence
from kg.nlp import make_pipeline

from extracting import days, facts, ministerial_keys, run, summit_keys


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


# ---------------------------------------------------------------- "die top": the gathering dated just before

def test_a_demonstrative_summit_word_is_the_summit_the_sentence_before_dates_and_places(nlp):
    text = ("Nieuwsbericht | 20-10-2014\n\nDe Nederlandse bijdrage aan de oefening volgt uit wat de "
            "staatshoofden en regeringsleiders op 4 en 5 september in Newport overeenkwamen. Tijdens die top "
            "werd ook besloten tot de oprichting van een snel inzetbare eenheid.\n")
    doc, ex = run(nlp, text)
    assert summit_keys(doc) == {"summit/newport-2014"}
    assert ("summit/newport-2014", dt.date(2014, 9, 4)) in facts(ex, "schema:startDate")
    # the days are stated, by the sentence before: evidence quotes it, not the reference data
    ev = next(f.evidence for f in ex.facts if f.predicate == "schema:startDate" and f.subject == "summit/newport-2014")
    assert not isinstance(ev, ReferenceEvidence) and "4 en 5 september" in ev.sentence
    # a bare "top" is no name of the summit
    assert "top" not in ex.entities["summit/newport-2014"].alt_labels


def test_a_demonstrative_names_no_summit_unless_the_days_fit_exactly(nlp):
    # one day off: no summit started on 5 September in Newport
    doc, _ex = run(nlp, "Nieuwsbericht | 20-10-2014\n\nDe regeringsleiders spraken op 5 en 6 september in Newport "
                        "over de oostflank. Op deze NAVO-top kwam ook Afghanistan aan bod.\n")
    assert not summit_keys(doc)
    # the days fit Newport 2014, but a letter of 2019 does not recall them without a year
    doc, _ex = run(nlp, "Nieuwsbericht | 20-10-2019\n\nDe regeringsleiders spraken op 4 en 5 september in Newport "
                        "over de oostflank. Op deze NAVO-top kwam ook Afghanistan aan bod.\n")
    assert "summit/newport-2014" not in summit_keys(doc)


def test_a_demonstrative_after_a_sentence_that_names_a_summit_is_left_to_that_name(nlp):
    text = ("Den Haag, 15 juli 2016\n\nDe NAVO-top in Warschau vond plaats op 8 en 9 juli. Tijdens die top "
            "werd de aanwezigheid in het oosten versterkt.\n")
    doc, _ex = run(nlp, text)
    assert summit_keys(doc) == {"summit/warschau-2016"}


# ---------------------------------------------------------------- NATO's ministers discussing on a day

def test_natos_ministers_discussing_on_stated_days_is_their_ministerial(nlp):
    text = ("Nieuwsbericht | 02-03-2018\n\nDe ministers van Defensie van de NAVO bespraken op 14 en 15 februari "
            "in Brussel de versterking van de commandostructuur.\n")
    doc, ex = run(nlp, text)
    assert ministerial_keys(doc) == {"ministerial/dmm-2018-02"}
    assert ("ministerial/dmm-2018-02", dt.date(2018, 2, 14)) in facts(ex, "schema:startDate")
    assert ("ministerial/dmm-2018-02", dt.date(2018, 2, 15)) in facts(ex, "schema:endDate")
    assert ("ministerial/dmm-2018-02", "place/brussel") in facts(ex, "schema:location")


def test_discussing_without_a_day_or_by_other_states_ministers_is_no_ministerial(nlp):
    doc, _ex = run(nlp, "Nieuwsbericht | 02-03-2018\n\nDe ministers van Defensie van de NAVO bespraken de "
                        "versterking van de commandostructuur.\n")
    assert not ministerial_keys(doc)
    doc, _ex = run(nlp, "Nieuwsbericht | 02-03-2018\n\nDe ministers van Defensie van Polen en Litouwen bespraken "
                        "op 14 februari in Vilnius de luchtverdediging.\n")
    assert not ministerial_keys(doc)


def test_a_day_of_the_gathering_the_clause_names_dates_that_gathering_not_the_discussion(nlp):
    # "tijdens hun bijeenkomst op ...": the date is the named meeting's; the kind is the ministers'
    text = ("Den Haag, 20 januari 2031\n\nDe NAVO-ministers van Defensie zullen de nucleaire afschrikking "
            "bespreken tijdens hun bijeenkomst op 12 en 13 februari a.s. in Brussel.\n")
    doc, ex = run(nlp, text)
    assert ministerial_keys(doc) == {"ministerial/dmm-2031-02"}
    assert ("ministerial/dmm-2031-02", dt.date(2031, 2, 12)) in facts(ex, "schema:startDate")


# ---------------------------------------------------------------- the kind word is part of the name

def test_the_kind_word_before_a_summit_word_is_part_of_its_name(nlp):
    text = ("Nieuwsbericht | 24-03-2022\n\nDe regeringsleiders van de NAVO kwamen vandaag in Brussel bijeen "
            "voor een buitengewone NAVO-top over de oorlog in Oekraïne.\n")
    doc, ex = run(nlp, text)
    assert summit_keys(doc) == {"summit/brussel-2022"}
    assert "buitengewone NAVO-top" in ex.entities["summit/brussel-2022"].alt_labels


# ---------------------------------------------------------------- a council that met at another time

_SUMMIT_REPORT = ("Den Haag, 18 juli 2023\n\nHierbij informeren wij u over de uitkomsten van de NAVO-top in "
                  "Vilnius van 11 en 12 juli jl.\n\n")


def _sessions(ex):
    return {o for s, o in facts(ex, "kg:hasSession") if s == "summit/vilnius-2023"}


def test_a_council_that_met_on_another_weekday_is_no_session(nlp):
    # 11-12 July 2023 was a Tuesday and Wednesday
    text = _SUMMIT_REPORT + ("Op maandag kwam de Noord-Atlantische Raad in extra zitting bijeen om de "
                             "slotverklaring af te ronden.\n")
    _doc, ex = run(nlp, text)
    assert not _sessions(ex)


def test_a_council_that_had_met_before_is_no_session(nlp):
    text = _SUMMIT_REPORT + ("De Noord-Atlantische Raad had daarvoor in Brussel vergaderd over de slotverklaring.\n")
    _doc, ex = run(nlp, text)
    assert not _sessions(ex)


def test_a_council_dated_outside_the_meetings_days_is_no_session(nlp):
    text = _SUMMIT_REPORT + ("De Noord-Atlantische Raad stelde op 4 juli de tekst van de slotverklaring vast.\n")
    _doc, ex = run(nlp, text)
    assert not _sessions(ex)


def test_a_council_meeting_on_the_summits_own_day_is_still_a_session(nlp):
    text = _SUMMIT_REPORT + ("Op woensdag 12 juli kwam de Noord-Atlantische Raad bijeen met de partners uit "
                             "de Indo-Pacific.\n")
    _doc, ex = run(nlp, text)
    assert _sessions(ex) == {"session/vilnius-2023-noord-atlantische-raad"}


# ---------------------------------------------------------------- "Met deze brief": what the letter is for

def test_a_met_deze_brief_sentence_that_names_no_meeting_leaves_the_letter_concerning_none(nlp):
    text = ("Den Haag, 2 december 2013\n\nMet deze brief informeert het kabinet uw Kamer over de afronding van "
            "de Nederlandse bijdrage aan de piraterijbestrijding. Het onderwerp kwam ook aan bod tijdens de "
            "bijeenkomst van de NAVO-ministers van Defensie op 22 en 23 oktober in Brussel.\n")
    _doc, ex = run(nlp, text)
    assert not facts(ex, "kg:concerns")


def test_a_met_deze_brief_sentence_that_names_the_meeting_keeps_concerns(nlp):
    text = ("Den Haag, 2 november 2013\n\nMet deze brief informeren wij uw Kamer over de uitkomsten van de "
            "bijeenkomst van de NAVO-ministers van Defensie op 22 en 23 oktober in Brussel.\n")
    _doc, ex = run(nlp, text)
    assert facts(ex, "kg:concerns") == {("document/brief", "ministerial/dmm-2013-10")}


# ---------------------------------------------------------------- a heading that names the meeting itself

def test_a_heading_with_the_main_meetings_own_name_is_no_session(nlp):
    text = ("Den Haag, 10 juni 2031\n\nHierbij zenden wij u het verslag van de bijeenkomst van de "
            "NAVO-ministers van Buitenlandse Zaken op 3 en 4 juni in Praag.\n\n"
            "Bijeenkomst van de NAVO-ministers van Buitenlandse Zaken\n\n"
            "De ministers spraken over de steun aan Oekraïne en de voorbereiding van de top.\n")
    _doc, ex = run(nlp, text)
    assert not facts(ex, "kg:hasSession")


# ---------------------------------------------------------------- stated days inside the reference's

def _start_evidence(ex, key, day):
    return [f.evidence for f in ex.facts if f.predicate == "schema:startDate" and f.subject == key and f.object == day]


def test_a_range_of_days_inside_the_reference_summit_stands_as_stated(nlp):
    text = ("Den Haag, 20 augustus 2024\n\nDe bondgenoten spraken tijdens de NAVO-top in Washington "
            "(10 en 11 juli 2024) over de lange termijn van de steun.\n")
    _doc, ex = run(nlp, text)
    key = "summit/washington-2024"
    stated = _start_evidence(ex, key, dt.date(2024, 7, 10))
    assert stated and not isinstance(stated[0], ReferenceEvidence) and "10 en 11 juli 2024" in stated[0].sentence
    # the reference's own first day stays the reference data's
    assert all(isinstance(e, ReferenceEvidence) for e in _start_evidence(ex, key, dt.date(2024, 7, 9)))
    assert ("summit/washington-2024", dt.date(2024, 7, 11)) in facts(ex, "schema:endDate")


def test_days_outside_the_span_or_a_single_day_are_not_stated_days(nlp):
    key = "summit/washington-2024"
    # a single day of a three-day summit may be a moment at it, not its span
    _doc, ex = run(nlp, "Den Haag, 20 augustus 2024\n\nOp de NAVO-top in Washington sprak de premier op 10 juli "
                        "2024 met de Amerikaanse president.\n")
    assert not _start_evidence(ex, key, dt.date(2024, 7, 10))
    # a range that runs outside the reference's days is stated for none of its days
    _doc, ex = run(nlp, "Den Haag, 20 augustus 2024\n\nDe NAVO-top in Washington (8 tot en met 10 juli 2024) "
                        "stond in het teken van het jubileum.\n")
    assert not {d for s, d in facts(ex, "schema:startDate") if s == key} - {dt.date(2024, 7, 9)}


def test_stated_days_survive_resolution_beside_the_reference_days():
    from kg.model import Evidence, Extraction, Fact, SourceText
    from kg.resolve import settle_meeting_dates
    from pathlib import Path

    def ex(day, rule):
        e = Extraction(source=SourceText(Path("a.txt"), "x"), doc_key="document/a")
        e.facts = [Fact("summit/madrid-2022", "schema:startDate", day, Evidence("x", 0, 1, rule))]
        return e

    out = settle_meeting_dates([ex(dt.date(2022, 6, 28), "events.summit_reference"),
                                ex(dt.date(2022, 6, 29), "events.summit_stated_days")])
    assert [f.object for e in out for f in e.facts] == [dt.date(2022, 6, 28), dt.date(2022, 6, 29)]


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


# ---------------------------------------------------------------- the allies' ministers acting on a day in a place


def test_the_allies_ministers_acting_on_a_weekday_in_a_named_capital_are_their_ministerial(nlp):
    # a weekday of a news item is that day of the last few days; the clause's place is the meeting's
    text = ("NAVO-ministers in Tallinn\n\n14 maart 2023\n\nTALLINN (ANP) - De ministers van Defensie van de "
            "bondgenoten hebben maandag in de Estse hoofdstad Tallinn afspraken gemaakt over de munitievoorraden "
            "voor de NAVO-top in Washington. Het overleg begon zondagavond met een diner.\n")
    doc, ex = run(nlp, text)
    assert ministerial_keys(doc) == {"ministerial/dmm-2023-03"}
    assert days(ex, "ministerial/dmm-2023-03") == ({dt.date(2023, 3, 13)}, {dt.date(2023, 3, 13)})
    # the item is about that ministerial, not the summit its ministers prepared
    assert {m for _d, m in facts(ex, "kg:concerns")} == {"ministerial/dmm-2023-03"}
    text = ("Nieuwsbericht | 20-09-2022\n\nDe ministers van Buitenlandse Zaken van de NAVO-landen hebben vandaag "
            "in Praag gesproken over de winter in Oekraïne.\n")
    doc, ex = run(nlp, text)
    assert days(ex, "ministerial/fmm-2022-09") == ({dt.date(2022, 9, 20)}, {dt.date(2022, 9, 20)})


def test_the_allies_ministers_not_acting_or_not_on_a_near_day_in_a_place_form_no_ministerial(nlp):
    for clause in ("zullen maandag in Tallinn afspraken maken",  # foretold
                   "hebben maandag niet in Tallinn gesproken",  # denied
                   "hebben donderdag in Tallinn afspraken gemaakt",  # five days before the item: which week?
                   "hebben maandag afspraken gemaakt",  # no place
                   "hebben tijdens de top in Tallinn maandag afspraken gemaakt"):  # another gathering's day
        text = (f"NAVO-ministers\n\n14 maart 2023\n\nTALLINN (ANP) - De ministers van Defensie van de bondgenoten "
                f"{clause}.\n")
        doc, _ex = run(nlp, text)
        assert not any(k.startswith("ministerial/dmm-") for k in ministerial_keys(doc)), clause
    text = ("NAVO-ministers\n\n14 maart 2023\n\nTALLINN (ANP) - Oekraïne stuurde een brief aan de ministers van "
            "Defensie van de bondgenoten maandag in Tallinn.\n")
    doc, _ex = run(nlp, text)
    assert not any(k.startswith("ministerial/dmm-") for k in ministerial_keys(doc))


def test_the_allies_ministers_stating_something_on_a_day_in_a_place_have_not_thereby_met(nlp):
    for clause in ("hebben maandag in Tallinn verklaard dat de steun doorgaat",
                   "spraken zich maandag in Tallinn uit voor meer munitie"):
        text = (f"NAVO-ministers\n\n14 maart 2023\n\nTALLINN (ANP) - De ministers van Defensie van de bondgenoten "
                f"{clause}.\n")
        doc, _ex = run(nlp, text)
        assert not any(k.startswith("ministerial/dmm-") for k in ministerial_keys(doc)), clause
