"""A council the report says did not meet (past tense: ``kwam niet bijeen``, ``is niet
gehouden``) is no session of the meeting, and no one takes part in it. Own sentences in the
style of a report on a ministerial meeting."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


REPORT = ("Den Haag, 20 juni 2031\n\nVerslag van de bijeenkomst van de NAVO-ministers van Defensie op 14 en 15 juni "
          "2031 in Brussel.\n\n{}\n")


def test_a_council_that_did_not_meet_is_no_session(nlp):
    _doc, ex = run(nlp, REPORT.format(
        "De NAVO-Georgië Commissie kwam tijdens deze bijeenkomst niet bijeen, omdat de Georgische minister "
        "verhinderd was. Een vergadering van de NAVO-Rusland Raad is sinds 2019 niet meer gehouden; Rusland "
        "weigert deel te nemen."))
    sessions = {o for _s, o in facts(ex, "kg:hasSession")}
    assert not any("georgi" in s or "rusland" in s for s in sessions), sessions
    assert not any(o == "country/rusland" for _s, o in facts(ex, "kg:participant"))


def test_a_council_that_met_is_a_session_even_if_it_reached_nothing(nlp):
    _doc, ex = run(nlp, REPORT.format(
        "De NAVO-Georgië Commissie kwam op 15 juni bijeen, maar er werd geen overeenstemming bereikt."))
    assert any("georgi" in o for _s, o in facts(ex, "kg:hasSession"))


def test_an_answers_label_heads_no_session(nlp):
    text = ("Antwoord van minister Jansen (Buitenlandse Zaken) (ontvangen 3 mei 2031)\n\nVraag 2\n"
            "Is Georgië uitgenodigd voor de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken op "
            "28 en 29 april 2031 in Brussel?\n\nAntwoord 2\nJa. Op 29 april spraken de bondgenoten met de "
            "Georgische minister van Buitenlandse Zaken. Ik heb in die sessie de steun van Nederland "
            "onderstreept.\n")
    doc, _ = run(nlp, text)
    assert not any(s.label_ == "Session" and "antwoord" in s.kb_id_ for s in doc.spans.get("kg", []))
    assert not any("antwoord" in k for k in doc.user_data.get("kg_entities", {}))


def test_a_council_meeting_that_did_not_take_place_is_no_session(nlp):
    text = ("Den Haag, 30 mei 2031\n\nHierbij bied ik u het verslag aan van de NAVO-top op 20 en 21 mei 2031 "
            "in Ankara.\n\nEen bijeenkomst van de NAVO-Oekraïne Raad op het niveau van regeringsleiders vond in "
            "Ankara niet plaats; de Oekraïense president kon niet reizen.\n\nDe Minister-President,\nA. Visser\n")
    doc, _ = run(nlp, text)
    assert not any(s.label_ == "Session" and "ukraine" in s.kb_id_ for s in doc.spans.get("kg", []))
    # the same sentence without the negation is a session
    doc, _ = run(nlp, text.replace("vond in Ankara niet plaats; de Oekraïense president kon niet reizen",
                                   "vond in Ankara plaats"))
    assert any(s.label_ == "Session" and "ukraine" in s.kb_id_ for s in doc.spans.get("kg", []))


@pytest.mark.parametrize("sentence", [
    # the plural gathering, negated after the council's name
    "Formele vergaderingen van de NAVO-Rusland Raad vinden sinds de annexatie niet plaats.",
    # the council's sittings suspended, in its own clause
    "De bijeenkomsten van de NAVO-Rusland Raad zijn sinds 2029 opgeschort.",
    "Sinds de opschorting van de NAVO-Rusland Raad spreken de bondgenoten alleen op ambtelijk niveau met Moskou.",
])
def test_a_council_whose_sittings_do_not_take_place_or_are_suspended_is_no_session(nlp, sentence):
    _doc, ex = run(nlp, REPORT.format("De ministers spraken over de betrekkingen met Rusland. " + sentence))
    assert not any("rusland" in o for _s, o in facts(ex, "kg:hasSession"))


def test_a_suspended_council_that_meets_again_is_a_session(nlp):
    _doc, ex = run(nlp, REPORT.format(
        "Na de opschorting van de NAVO-Rusland Raad kwam de raad op 15 juni weer bijeen, met de Russische minister."))
    assert any("rusland" in o for _s, o in facts(ex, "kg:hasSession"))
