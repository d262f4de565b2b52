"""Sittings of a meeting and the councils that meet in them: one sitting named by its order
in one sentence and by its order and council in another is one session. Own sentences in
the style of a report on a summit."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


REPORT = ("Den Haag, 20 juli 2031\n\nHierbij bied ik u het verslag aan van de NAVO-top op 10 en 11 juli 2031 "
          "in Ankara.\n\nDe Zweedse premier en de Finse president namen deel aan de eerste werksessie op "
          "10 juli. {}\n\nDe Minister-President,\nA. Visser\n")


def test_an_ordinal_sitting_of_a_council_is_that_councils_one_session(nlp):
    _doc, ex = run(nlp, REPORT.format(
        "In de eerste werksessie van de Noord-Atlantische Raad spraken de leiders over de afschrikking."))
    sessions = {o for _s, o in facts(ex, "kg:hasSession")}
    assert len(sessions) == 1 and "noord-atlantische-raad" in next(iter(sessions)), sessions


def test_another_ordinal_stays_its_own_sitting(nlp):
    _doc, ex = run(nlp, REPORT.format(
        "In de tweede werksessie van de Noord-Atlantische Raad spraken de leiders over de afschrikking."))
    sessions = {o for _s, o in facts(ex, "kg:hasSession")}
    assert len(sessions) == 2, sessions


AGENDA = ("Den Haag, 2 juni 2031\n\nHierbij bied ik u de geannoteerde agenda aan van de bijeenkomst van de "
          "NAVO-ministers van Defensie op 12 en 13 juni 2031 in Brussel.\n\nAfschrikking\n\n"
          "De ministers spreken over de versterking van de oostflank. {}\n\nDe Minister van Defensie,\nB. de Wit\n")


def test_a_nato_body_without_a_council_name_that_meets_at_the_meeting_is_its_session(nlp):
    _doc, ex = run(nlp, AGENDA.format("Daarna vergadert de Nuclear Planning Group over de nucleaire afschrikking."))
    assert any(o.endswith("nuclear-planning-group") for _s, o in facts(ex, "kg:hasSession"))


def test_the_body_named_without_a_sitting_is_no_session(nlp):
    _doc, ex = run(nlp, AGENDA.format("Het beleid van de Nucleaire Planningsgroep blijft ongewijzigd."))
    assert not any("planning" in o for _s, o in facts(ex, "kg:hasSession"))
