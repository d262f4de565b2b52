"""Each relation is stated by its evidence sentence (issue 13): a heading's sitting is quoted by
the sentence that names it in the meeting; a body meeting before or after the meeting is no
session of it; who takes part in a side event held in the margin of a meeting is no participant
of the meeting. Own sentences in the style of an annotated agenda and a news item."""
import pytest

from kg.model import Ref
from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def quotes(ex, predicate: str, obj_part: str) -> list[str]:
    """The evidence sentences of the facts of ``predicate`` whose object key holds ``obj_part``."""
    return [f.evidence.sentence for f in ex.facts
            if f.predicate == predicate and isinstance(f.object, Ref) and obj_part in f.object.key]


AGENDA = ("Den Haag, 3 maart 2032\n\nHierbij bied ik u de geannoteerde agenda aan van de bijeenkomst van de "
          "NAVO-ministers van Defensie op 17 en 18 maart 2032 in Brussel. {intro}\n\n"
          "Werkdiner\n\nDe ministers bespreken de steun aan Oekraïne.\n\n"
          "Eerste werksessie\n\nDe ministers spreken over de versterking van de luchtverdediging.\n\n"
          "De Minister van Defensie,\nC. de Groot\n")


def test_a_headings_sitting_is_quoted_by_the_sentence_that_names_it(nlp):
    _doc, ex = run(nlp, AGENDA.format(intro="Tijdens de eerste werksessie en het werkdiner bespreken de "
                                             "ministers de afschrikking en de defensie-uitgaven."))
    said = quotes(ex, "kg:hasSession", "werkdiner")
    assert said and all("Tijdens de eerste werksessie en het werkdiner" in q for q in said), said


def test_without_such_a_sentence_the_heading_stays_the_quote(nlp):
    _doc, ex = run(nlp, AGENDA.format(intro="De ministers bespreken de afschrikking."))
    said = quotes(ex, "kg:hasSession", "werkdiner")
    assert said and all(q.strip() == "Werkdiner" for q in said), said


@pytest.mark.parametrize("when", ["Voorafgaand aan de bijeenkomst", "Na afloop van de bijeenkomst",
                                  "De dag ervoor", "Aansluitend op de bijeenkomst"])
def test_a_body_meeting_before_or_after_the_meeting_is_no_session(nlp, when):
    _doc, ex = run(nlp, AGENDA.format(intro=f"{when} vergadert de Nuclear Planning Group."))
    assert not any("planning" in o for _s, o in facts(ex, "kg:hasSession"))


def test_a_body_meeting_next_in_the_programme_stays_a_session(nlp):
    _doc, ex = run(nlp, AGENDA.format(intro="Aansluitend vergadert de Nuclear Planning Group."))
    assert any("planning" in o for _s, o in facts(ex, "kg:hasSession"))


def test_a_body_meeting_before_but_in_the_meetings_framework_stays_a_session(nlp):
    _doc, ex = run(nlp, AGENDA.format(intro="Voorafgaand aan het werkdiner vergadert in het kader van de "
                                             "bijeenkomst de Nuclear Planning Group."))
    assert any("planning" in o for _s, o in facts(ex, "kg:hasSession"))


NEWS = ("Premier Jansen naar NAVO-top in Ankara\n\nNieuwsbericht | 5 juli 2031\n\n"
        "Minister-president Jansen neemt op 7 en 8 juli deel aan de NAVO-top in Ankara. "
        "Hij wordt vergezeld door minister Bakker van Defensie.\n\n"
        "{side} Minister-president Jansen neemt samen met president Macron van Frankrijk deel aan "
        "deze bijeenkomst over innovatie.\n")


@pytest.mark.parametrize("side", ["In de marge van de top vindt op 7 juli een jongerenforum plaats.",
                                  "Aan de vooravond van de top wordt een jongerenforum gehouden."])
def test_a_side_events_participant_is_no_participant_of_the_meeting(nlp, side):
    _doc, ex = run(nlp, NEWS.format(side=side.replace("jongerenforum", "publieksdebat")))
    parts = {o for _s, o in facts(ex, "kg:participant")}
    assert "person/macron" not in parts and not any("frankrijk" in o for o in parts), parts
    assert "person/bakker" in parts or any("bakker" in o for o in parts), parts

