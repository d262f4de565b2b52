"""What a document concerns, councils that do not meet, recalled meetings, format sessions.

Own sentences in the style of the genre (agendas, reports, answers to questions,
article-100 letters); none copied from a dev, seed or test letter.
"""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _concerns(ex) -> set:
    return {o for s, o in facts(ex, "kg:concerns") if s == ex.doc_key}


def _sessions(ex, meeting: str) -> set:
    return {o for s, o in facts(ex, "kg:hasSession") if s == meeting}


# ---------------------------------------------------------------- kg:concerns

ANSWERS = """Vragen van het lid Van Dalen (SGP) aan de minister van Defensie over de luchtverdediging van de oostflank (ingezonden 4 april 2022).

Antwoord van minister Ollongren (Defensie) (ontvangen 2 mei 2022).

Vraag 1
Welke afspraken zijn tijdens de buitengewone NAVO-top in Brussel van 24 maart 2022 gemaakt over luchtverdediging?

Antwoord
Tijdens de NAVO-top in Brussel hebben de regeringsleiders besloten vier extra battlegroups op te richten.
"""

ART100 = """Den Haag, 14 september 2018

Hierbij informeren wij u, overeenkomstig artikel 100 van de Grondwet, over het besluit om bij te dragen aan de NAVO-trainingsmissie in Irak.

Achtergrond
Tijdens de NAVO-top in Brussel van 11 en 12 juli 2018 is besloten tot de oprichting van deze missie. Nederland levert stafofficieren en trainers.
"""

PURPOSE = """Den Haag, 20 augustus 2022

Hierbij informeer ik u, mede namens de minister van Buitenlandse Zaken, over de voortgang van de Nederlandse bijdrage aan de enhanced Forward Presence in Litouwen.

Op de NAVO-top in Madrid van 28 tot 30 juni 2022 is besloten de battlegroups waar nodig op te schalen. Nederland draagt bij met een compagnie.
"""

REPORT = """Den Haag, 6 april 2022

Hierbij bied ik u het verslag aan van de buitengewone NAVO-top in Brussel van 24 maart 2022.

De regeringsleiders besloten vier extra battlegroups op te richten.
"""


def test_answers_to_written_questions_concern_no_meeting(nlp):
    doc, ex = run(nlp, ANSWERS, "antwoorden.txt")
    assert doc.user_data["kg_events"]["main"] == "summit/brussel-2022"  # still the meeting its sentences speak of
    assert _concerns(ex) == set()


def test_article_100_letter_concerns_no_meeting(nlp):
    doc, ex = run(nlp, ART100, "artikel100.txt")
    assert doc.user_data["kg_events"]["main"] == "summit/brussel-2018"
    assert _concerns(ex) == set()


def test_letter_whose_purpose_names_no_meeting_concerns_none(nlp):
    doc, ex = run(nlp, PURPOSE)
    assert doc.user_data["kg_events"]["main"] == "summit/madrid-2022"
    assert _concerns(ex) == set()


def test_report_of_the_summit_still_concerns_it(nlp):
    _doc, ex = run(nlp, REPORT)
    assert _concerns(ex) == {"summit/brussel-2022"}


# ---------------------------------------------------------------- councils that do not meet

NO_COUNCIL = """Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top in Vilnius van 11 en 12 juli 2023.

Op 12 juli vindt een bijeenkomst plaats van de NATO-Ukraine Council, de nieuwe raad die de NAVO-Oekraïne Commissie vervangt. Er is tijdens deze top geen vergadering van de NAVO-Georgië Commissie. Een zitting van de NAVO-Rusland Raad is evenmin voorzien.
"""

REPLACES = """Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top in Vilnius van 11 en 12 juli 2023.

De NATO-Ukraine Council vervangt de NAVO-Oekraïne Commissie en komt op 12 juli voor het eerst bijeen.
"""


def test_negated_and_replaced_councils_are_no_sessions(nlp):
    _doc, ex = run(nlp, NO_COUNCIL)
    sessions = _sessions(ex, "summit/vilnius-2023")
    assert "session/vilnius-2023-nato-ukraine-council" in sessions
    assert not any("commission" in s or "commissie" in s or "rusland" in s or "russia" in s for s in sessions), sessions


def test_council_replaced_by_another_is_no_session(nlp):
    _doc, ex = run(nlp, REPLACES)
    sessions = _sessions(ex, "summit/vilnius-2023")
    assert "session/vilnius-2023-nato-ukraine-council" in sessions
    assert not any("commission" in s for s in sessions), sessions


# ---------------------------------------------------------------- a recalled meeting is another one

PREVIOUS_FMM = """Den Haag, 22 maart 2024

Hierbij ontvangt u de geannoteerde agenda voor de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken (FMM) op 3 en 4 april a.s. in Brussel. Het verslag van de vorige FMM, van 28 en 29 november 2023, ontving u op 8 december 2023.

De FMM wordt voorgezeten door de secretaris-generaal. Het is de laatste bijeenkomst van de ministers van Buitenlandse Zaken voor de NAVO-top in Washington, die in juli plaatsvindt.
"""


def test_bare_mentions_after_the_previous_ministerial_are_the_current_one(nlp):
    doc, ex = run(nlp, PREVIOUS_FMM)
    keys = [sp.kb_id_ for sp in doc.spans["kg"] if sp.label_ == "MinisterialMeeting"]
    assert keys.count("ministerial/fmm-2023-11") == 1  # only "de vorige FMM, van 28 en 29 november 2023"
    assert set(keys) == {"ministerial/fmm-2024-04", "ministerial/fmm-2023-11"}
    places = facts(ex, "schema:location")
    assert ("ministerial/fmm-2024-04", "place/brussel") in places
    assert not any(s == "ministerial/fmm-2023-11" for s, _ in places)  # the text gives it no place
    assert ("ministerial/fmm-2024-04", "place/washington-d-c") not in places


# ---------------------------------------------------------------- summits named by part of a year, two hosts

def test_summit_dated_by_a_season(nlp):
    _doc, ex = run(nlp, "Den Haag, 3 juni 2002\n\nDe regeringsleiders zien elkaar weer op de NAVO-top die in het najaar van 2002 in Praag wordt gehouden.\n")
    assert ("summit/praag-2002", "place/praag") in facts(ex, "schema:location")


def test_summit_with_two_host_places(nlp):
    text = ("Den Haag, 12 januari 2009\n\nDe NAVO-top, die begin april 2009 in Straatsburg en Kehl plaatsvindt, "
            "staat in het teken van het zestigjarig bestaan van het bondgenootschap.\n")
    _doc, ex = run(nlp, text)
    places = {o for s, o in facts(ex, "schema:location") if s == "summit/straatsburg-kehl-2009"}
    assert {"place/straatsburg", "place/kehl"} <= places


def test_reference_summit_also_has_its_plain_name(nlp):
    doc, _ex = run(nlp, "Den Haag, 2 juni 2017\n\nHierbij bied ik u het verslag aan van de NAVO-top in Brussel van 25 mei 2017.\n")
    info = doc.user_data["kg_entities"]["summit/brussel-2017"]
    assert "NAVO-top Brussel 2017" in info["alt_labels"]


# ---------------------------------------------------------------- sessions "in X-formaat"

FORMATS = """Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Defensie van 14 en 15 februari 2018 in Brussel.

De ministers bespraken de voortgang van de Baltic Air Policing en van KFOR.

Op 15 februari kwamen de ministers in KFOR-formaat bijeen met de partnerlanden die aan de missie bijdragen. Hieraan nam ook de Kosovaarse premier Ramush Haradinaj deel.

Aansluitend spraken de ministers in BAP-formaat over de rotatie van de jachtvliegtuigen. De stukken daarvan zijn in PDF-formaat bijgevoegd.
"""


def test_gatherings_in_a_format_are_sessions(nlp):
    _doc, ex = run(nlp, FORMATS)
    sessions = _sessions(ex, "ministerial/dmm-2018-02")
    assert "session/dmm-2018-02-kfor" in sessions
    assert "session/dmm-2018-02-baltic-air-policing" in sessions  # BAP: the initials of a mission the text names
    assert not any("pdf" in s for s in sessions)
    assert ("session/dmm-2018-02-kfor", "person/haradinaj") in facts(ex, "kg:participant")


def test_format_gathering_of_another_time_is_no_session(nlp):
    text = FORMATS.replace("Op 15 februari kwamen", "In 2016 kwamen")
    _doc, ex = run(nlp, text)
    assert "session/dmm-2018-02-kfor" not in _sessions(ex, "ministerial/dmm-2018-02")


def test_previous_ministerial_in_the_opening_is_not_the_main_one(nlp):
    text = ("Den Haag, 22 maart 2024\n\nHet verslag van de vorige FMM ontving u op 8 december 2023. Hierbij ontvangt u "
            "de geannoteerde agenda voor de FMM op 3 en 4 april a.s. in Brussel.\n")
    doc, ex = run(nlp, text)
    assert doc.user_data["kg_events"]["main"] == "ministerial/fmm-2024-04"
    assert _concerns(ex) == {"ministerial/fmm-2024-04"}


def test_invitation_for_the_gathering_named_before(nlp):
    text = ("Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top in Brussel van 11 en 12 juli 2018.\n\n"
            "Op 12 juli vindt een bijeenkomst plaats in Resolute Support-samenstelling. Hiervoor is ook de Afghaanse "
            "president Ashraf Ghani uitgenodigd.\n")
    _doc, ex = run(nlp, text)
    assert "session/brussel-2018-resolute-support" in _sessions(ex, "summit/brussel-2018")
    assert ("session/brussel-2018-resolute-support", "person/ghani") in facts(ex, "kg:participant")
