"""Wave-3 precision mends, each by its general pattern: a person is never an office (key
and class), an office title made of a head and a body's name (``Chef Defensiestaf``) is no
mention of the body, a council said to meet later than the meeting is no session of it,
and the state a person speaks for (``namens <state>``) is whose office it holds."""
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF

from kg.model import Entity, Extraction, SourceText
from kg.nlp import make_pipeline
from kg.resolve import resolve
from tests.extracting import facts, read_people, run

KG = rdflib.Namespace("https://w3id.org/navo-kg/def#")
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


# --- a person is never minted on an office's IRI ---------------------------------------

def _extraction(name: str, *ents: Entity) -> Extraction:
    ex = Extraction(source=SourceText(Path(name), ""), doc_key=f"document/{name}")
    for e in ents:
        ex.add_entity(e)
    return ex


def test_a_minister_under_an_office_key_does_not_make_the_office_a_person():
    office = Entity(key="office/minister-van-defensie-be", cls="Office", label="minister van Defensie (België)")
    stray = Entity(key="office/minister-van-defensie-be", cls="Minister", label="Pieter Claes")
    out = resolve([_extraction("a", office), _extraction("b", stray)])
    got = {e.cls for ex in out for e in ex.entities.values() if e.key.startswith("office/")}
    labels = {e.label for ex in out for e in ex.entities.values() if e.key.startswith("office/")}
    assert got == {"Office"}
    assert labels == {"minister van Defensie (België)"}


def test_no_iri_of_a_whole_build_is_both_person_and_office(tmp_path):
    from kg.cli import main

    out = tmp_path / "g.ttl"
    assert main(["build", str(REPO / "tests/data/eval/docs"), "-o", str(out), "-q"]) == 0
    g = rdflib.Graph().parse(out)
    offices = set(g.subjects(RDF.type, KG.Office))
    persons = set(g.subjects(RDF.type, KG.Person)) | set(g.subjects(RDF.type, KG.Minister))
    assert offices and persons
    assert not offices & persons
    assert all("/id/person/" in str(p) for p in persons)
    assert all("/id/office/" in str(o) for o in offices)
    # every holder of an office is a person under person/
    assert all("/id/person/" in str(s) for s in g.subjects(KG.holdsOffice, None))


# --- "Chef Defensiestaf": an office title, not the staff --------------------------------

def test_a_head_of_staff_title_is_no_mention_of_the_staff(nlp):
    _, ex = run(nlp, "Bij de oefening was ook de Chef Defensiestaf, luitenant-generaal J.A. Mulder, aanwezig.")
    assert "organisation/defensiestaf" not in ex.entities
    assert "person/mulder" in ex.entities
    _, ex = run(nlp, "De Defensiestaf stelt het plan voor de oefening op.")
    assert "organisation/defensiestaf" in ex.entities


# --- a council that meets later is no session of this meeting ---------------------------

REPORT = ("Den Haag, 12 juni 2026\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers "
          "van Defensie die op 5 en 6 juni 2026 in Brussel heeft plaatsgevonden.\n\n")


@pytest.mark.parametrize("sentence", [
    "Over Moldavië is niet gesproken; een bijeenkomst van de NAVO-Oekraïne Raad staat later dit jaar gepland.",
    "Een vergadering van de NAVO-Oekraïne Raad zal op een later tijdstip plaatsvinden.",
    "De NAVO-Oekraïne Raad komt volgend jaar in Kyiv opnieuw bijeen.",
    "De NAVO-Oekraïne Raad volgt in oktober.",
])
def test_a_council_planned_for_later_is_no_session(nlp, sentence):
    _, ex = run(nlp, REPORT + sentence + "\n\nDe minister van Defensie,\nK. Smit\n")
    assert not facts(ex, "kg:hasSession")


def test_a_council_that_met_stays_a_session(nlp):
    _, ex = run(nlp, REPORT + "De NAVO-Oekraïne Raad kwam bijeen en besprak de steun voor volgend jaar."
                + "\n\nDe minister van Defensie,\nK. Smit\n")
    assert {o for _, o in facts(ex, "kg:hasSession")} == {"session/dmm-2026-06-nato-ukraine-council"}


# --- "namens <state>": the state the person speaks for holds the office ------------------

def _offices(ctx):
    return sorted((f.subject, f.object.key) for f in ctx.extraction.facts if f.predicate == "kg:holdsOffice")


def test_the_state_a_person_speaks_for_is_whose_office_it_is(nlp):
    ctx = read_people(nlp, "Namens Irak voerde minister van Buitenlandse Zaken Karim Haddad het woord.")
    assert _offices(ctx) == [("person/haddad", "office/minister-van-buitenlandse-zaken-iq")]
    ctx = read_people(nlp, "Vicepremier Reza Farahani sprak namens Iran tijdens de conferentie.")
    assert _offices(ctx) == [("person/farahani", "office/vicepremier-ir")]


def test_speaking_for_a_state_does_not_override_a_stated_country_or_reach_an_object(nlp):
    ctx = read_people(nlp, "Namens Canada sprak de Duitse minister van Defensie Peter Klein.")
    assert _offices(ctx) == [("person/klein", "office/minister-van-defensie-de")]
    ctx = read_people(nlp, "Namens Frankrijk feliciteerde ik minister van Defensie Jan Bakker.")
    assert not any(o.endswith("-fr") for _, o in _offices(ctx))


# --- reference bodies written the way Dutch letters write them ---------------------------

def _orgs(ex):
    return {k for k in ex.entities if k.startswith("organisation/")}


def test_the_corps_with_its_nationality_in_brackets_is_the_corps(nlp):
    _, ex = run(nlp, "De brigade oefent samen met het 1 (Duits-Nederlandse) Legerkorps in Münster.")
    assert "organisation/1-duits-nederlandse-legerkorps" in _orgs(ex)


def test_force_integration_units_plural_and_acronym_are_one_body(nlp):
    _, ex = run(nlp, "In Slowakije en Hongarije zijn NATO Force Integration Units (NFIU's) opgericht. "
                     "Nederland stuurt twee officieren naar de NFIU in Boedapest.")
    assert _orgs(ex) == {"organisation/nato-force-integration-unit"}


# --- a council that meets "met" someone: they take part in its session -------------------

UKR = "session/dmm-2026-06-nato-ukraine-council"


def test_those_a_council_meets_with_take_part_in_its_session(nlp):
    _, ex = run(nlp, REPORT + "Tot slot vergaderde de NAVO-Oekraïne Raad met de Oekraïense minister van Defensie, "
                "Olena Kovalenko." + "\n\nDe minister van Defensie,\nK. Smit\n")
    assert (UKR, "person/kovalenko") in facts(ex, "kg:participant")


def test_a_council_that_does_not_meet_with_someone_gives_no_participant(nlp):
    _, ex = run(nlp, REPORT + "Tot slot vergaderde de NAVO-Oekraïne Raad. De Raad kwam niet bijeen met de "
                "Oekraïense minister van Defensie, Olena Kovalenko." + "\n\nDe minister van Defensie,\nK. Smit\n")
    assert (UKR, "person/kovalenko") not in facts(ex, "kg:participant")


def test_only_a_person_key_can_hold_an_office(nlp):
    from kg.extract.people import state_office

    ctx = read_people(nlp, "Minister van Defensie Jan Bakker opende het overleg.")
    before = len(ctx.extraction.facts)
    state_office(ctx, "office/minister-van-defensie-nl", "minister van Defensie", "country/belgie", None)
    assert len(ctx.extraction.facts) == before
    assert "office/minister-van-defensie-be" not in ctx.extraction.entities
