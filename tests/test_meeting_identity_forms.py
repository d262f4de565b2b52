"""One meeting, one IRI, one date: the ways Dutch government texts name and date a
meeting that the blind texts showed were missed. An answer's "jl." is read from the
date the answers were received; "De ministers van X van de 32 bondgenoten kwamen op
... bijeen" dates the ministerial (the particle stands far from its verb, a weekday
may stand before either day); a later dated mention at the same place dates an
undated one; a relative clause on the meeting dates it; "in het Litouwse Vilnius"
places a summit; "de bijeenkomst van regeringsleiders" names a summit only when its
place or date fits one; a sitting named by its topic, or a section that calls itself
"deze sessie", is a session."""
import datetime as dt

import pytest

from kg.dates import find_dates
from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def keys(doc, cls):
    return {s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == cls}


def sessions(doc):
    return {s["key"]: s for s in doc.user_data["kg_events"]["sessions"]}


# ---------------------------------------------------------------- dates

def test_a_weekday_before_the_second_day_keeps_the_range():
    (d,) = find_dates("De bewindslieden vergaderen op maandag 3 en dinsdag 4 maart in Riga.", 2031)
    assert (d.month1, d.day1, d.month2, d.day2) == (3, 3, 3, 4)


def test_jl_in_answers_is_read_from_the_day_they_were_received(nlp):
    # the questions were sent in February: from then, "4 en 5 maart jl." would be of the year before
    text = ("Vragen van het lid De Wit (SP) aan de minister van Buitenlandse Zaken over de Zwarte Zee "
            "(ingezonden 12 februari 2031).\n\n"
            "Antwoord van minister Van Dam (Buitenlandse Zaken) (ontvangen 20 maart 2031)\n\n"
            "Vraag 1\nWat is er besproken?\n\nAntwoord 1\nTijdens het overleg van de NAVO-ministers van "
            "Buitenlandse Zaken op 4 en 5 maart jl. in Brussel is de veiligheid in de Zwarte Zee besproken.\n")
    doc, ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/fmm-2031-03"}
    assert ("ministerial/fmm-2031-03", dt.date(2031, 3, 4)) in facts(ex, "schema:startDate")


# ---------------------------------------------------------------- one ministerial, one node

def test_ministers_of_the_allies_coming_together_date_the_ministerial(nlp):
    text = ("Nieuwsbericht | 12-06-2031 | 16:20\n\n"
            "Na afloop van de bijeenkomst van de NAVO-ministers van Defensie in Brussel sprak minister "
            "Van Dam over munitie.\n\n"
            "De ministers van Defensie van de 32 bondgenoten kwamen op woensdag 11 en donderdag 12 juni "
            "bijeen op het NAVO-hoofdkwartier.\n")
    doc, ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/dmm-2031-06"}
    assert ("ministerial/dmm-2031-06", dt.date(2031, 6, 11)) in facts(ex, "schema:startDate")
    assert ("ministerial/dmm-2031-06", dt.date(2031, 6, 12)) in facts(ex, "schema:endDate")


def test_a_later_dated_mention_at_the_same_place_dates_the_undated_one(nlp):
    # months before the answers: only the place ties the two mentions
    text = ("Antwoord van minister Van Dam (Defensie) (ontvangen 18 juni 2031)\n\n"
            "Vraag 3\nWat leverde het overleg van de NAVO-ministers van Defensie in Praag op?\n\n"
            "Antwoord 3\nOp 2 en 3 februari 2031 kwamen de ministers van Defensie van de NAVO in Praag "
            "bijeen. Zij spraken over de luchtverdediging.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/dmm-2031-02"}


def test_a_later_dated_mention_at_another_place_is_another_meeting(nlp):
    text = ("Antwoord van minister Van Dam (Defensie) (ontvangen 18 juni 2031)\n\n"
            "Vraag 3\nWat leverde het overleg van de NAVO-ministers van Defensie in Praag op?\n\n"
            "Antwoord 3\nOp 2 en 3 februari 2031 kwamen de ministers van Defensie van de NAVO in Brussel "
            "bijeen. Zij spraken over de luchtverdediging.\n")
    doc, _ex = run(nlp, text)
    assert "ministerial/dmm-2031-02" in keys(doc, "MinisterialMeeting")
    assert len(keys(doc, "MinisterialMeeting")) == 2  # the Prague one stays undated, on its own


def test_a_relative_clause_dates_the_meeting_it_follows(nlp):
    text = ("Den Haag, 20 maart 2031\n\nHierbij zend ik u het verslag van de bijeenkomst van de ministers van "
            "Defensie van de NAVO-lidstaten, die op 9 en 10 maart jl. in Riga, Letland, werd gehouden.\n")
    doc, ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/dmm-2031-03"}
    assert ("ministerial/dmm-2031-03", dt.date(2031, 3, 9)) in facts(ex, "schema:startDate")
    assert doc.user_data["kg_events"]["concerns"] == "ministerial/dmm-2031-03"


# ---------------------------------------------------------------- summits

def test_a_place_after_the_adjective_of_its_country_places_the_summit(nlp):
    text = ("woensdag 12 juli 2023, 18:30\n\nVILNIUS - De bondgenoten hebben vandaag op de NAVO-top in het "
            "Litouwse Vilnius een nieuw steunpakket afgesproken.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/vilnius-2023"}


def test_leaders_named_alone_with_place_and_date_name_the_summit(nlp):
    text = ("Den Haag, 3 juni 2017\n\nTijdens de bijeenkomst van staats- en regeringsleiders in Brussel op "
            "25 mei 2017 is het nieuwe hoofdkwartier geopend.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/brussel-2017"}


def test_leaders_gathering_that_fits_no_summit_names_none(nlp):
    # an EU leaders' gathering in Brussels: no NATO summit that day, and none is made up
    text = ("Den Haag, 30 maart 2031\n\nTijdens de bijeenkomst van regeringsleiders in Brussel op "
            "23 maart jl. is over de interne markt gesproken.\n")
    doc, _ex = run(nlp, text)
    assert not keys(doc, "Summit")


# ---------------------------------------------------------------- sessions

def test_a_sitting_named_by_its_topic_is_a_session_with_its_guests(nlp):
    text = ("Nieuwsbericht | 05-03-2031 | 17:00\n\n"
            "De ministers van Buitenlandse Zaken van de bondgenoten kwamen op 4 en 5 maart bijeen in Brussel.\n\n"
            "Op woensdag schoof de Moldavische minister van Buitenlandse Zaken, Ion Rusu, aan voor een sessie "
            "over de veiligheid in het Zwarte Zeegebied.\n")
    doc, ex = run(nlp, text)
    key = "session/fmm-2031-03-veiligheid-zwarte-zeegebied"
    assert key in sessions(doc)
    assert key in {o for _s, o in facts(ex, "kg:hasSession")}
    assert any(s == key and o.startswith("person/rusu") for s, o in facts(ex, "kg:participant"))


def test_a_section_that_calls_itself_this_session_is_one(nlp):
    text = ("Den Haag, 1 oktober 2031\n\nHierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van "
            "de NAVO-ministers van Defensie die op 14 en 15 oktober a.s. in Brussel plaatsvindt.\n\n"
            "KFOR\nOp 15 oktober spreken de ministers over de NAVO-missie KFOR in Kosovo. Aan deze sessie "
            "nemen ook de partnerlanden deel die aan de missie bijdragen, waaronder Oostenrijk en Zwitserland.\n\n"
            "Innovatie\nDe ministers bespreken de voortgang van DIANA.\n")
    doc, ex = run(nlp, text)
    key = "session/dmm-2031-10-kfor"
    assert key in sessions(doc)
    assert (key, "country/oostenrijk") in facts(ex, "kg:participant")


def test_a_section_that_also_introduces_another_sitting_is_not_named_as_one(nlp):
    text = ("Den Haag, 1 oktober 2031\n\nHierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van "
            "de NAVO-ministers van Defensie die op 14 en 15 oktober a.s. in Brussel plaatsvindt.\n\n"
            "Verloop\nDe ministers openen met een werkdiner over Kosovo. Aan deze sessie nemen ook "
            "Oostenrijk en Zwitserland deel.\n")
    doc, _ex = run(nlp, text)
    assert not any(k.endswith("-verloop") for k in sessions(doc))


def test_a_sub_heading_under_a_numbered_working_session_is_part_of_it(nlp):
    text = ("Den Haag, 20 oktober 2031\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers "
            "van Defensie die op 14 en 15 oktober jl. in Brussel plaatsvond.\n\n"
            "Werksessie 1: Afschrikking en verdediging\nDe ministers bespraken de regionale plannen.\n\n"
            "Munitie\nIn deze werksessie werd ook over de voorraden munitie gesproken.\n\n"
            "Werksessie 2: Oekraïne\nDe ministers spraken over de steun aan Oekraïne.\n")
    doc, _ex = run(nlp, text)
    assert not any(k.endswith("-munitie") for k in sessions(doc))
    ordered = [s["label"] for s in doc.user_data["kg_events"]["sessions"] if s["heading"]]
    assert ordered[:2] == ["Werksessie 1: Afschrikking en verdediging", "Werksessie 2: Oekraïne"]


def test_ministers_conferring_with_each_other_on_a_day_is_the_ministerial(nlp):
    text = ("Nieuwsbericht | 03-04-2031\n\nDe ministers van Buitenlandse Zaken van de bondgenoten hebben op 2 en "
            "3 april 2031 met elkaar gesproken, dit keer via een videoverbinding.\n")
    doc, ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/fmm-2031-04"}
    assert ("ministerial/fmm-2031-04", dt.date(2031, 4, 2)) in facts(ex, "schema:startDate")


def test_ministers_of_named_countries_gathering_are_no_ministerial(nlp):
    text = ("Den Haag, 20 april 2031\n\nDe ministers van Defensie van Duitsland en Polen kwamen op 3 april "
            "in Berlijn bijeen. De ministers van Buitenlandse Zaken van Frankrijk en Italië hebben op 4 april "
            "met elkaar overlegd.\n")
    doc, _ex = run(nlp, text)
    assert not keys(doc, "MinisterialMeeting")
