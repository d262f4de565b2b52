"""Acronyms and bodies named in passing: an acronym in brackets before a colon, the chair of a body
known only by its acronym, a mission named by its acronym, a Dutch body name before its English
acronym."""
import pytest

from kg.nlp import make_pipeline
from extracting import offices, persons, read


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


# --- an acronym before a colon -----------------------------------------------------------------

def test_an_acronym_in_brackets_before_a_colon_is_defined(nlp):
    # "(ETI):" is no emoticon "):" but a bracket closing, then a colon
    doc = nlp("De bondgenoten namen het Enhanced Training Initiative (ETI): elke eenheid oefent jaarlijks.")
    assert "ETI" in doc.user_data["kg_acronyms"].values()
    toks = [t.text for t in doc]
    at = toks.index("ETI")
    assert toks[at - 1:at + 3] == ["(", "ETI", ")", ":"]


# --- entities named in passing -----------------------------------------------------------------

def test_the_chair_of_a_body_known_only_by_its_acronym_is_a_person_without_an_office(nlp):
    ctx = read(nlp, "In Niamey werd de delegatie ontvangen door de secretaris-generaal van de CNSP, Amadou Diallo.")
    assert persons(ctx)["person/diallo"] == ("Person", "Amadou Diallo")
    assert offices(ctx) == []  # not NATO's secretary-general, and the body is unknown


def test_a_mission_in_a_country_is_named_by_its_acronym(nlp):
    doc = nlp("Sinds 2017 houdt de United Nations Verification Mission in Colombia (UNVMC) toezicht op het akkoord.")
    got = {(sp.text, sp.label_) for sp in doc.spans["kg"]}
    assert ("United Nations Verification Mission in Colombia", "Operation") in got
    assert ("UNVMC", "Operation") in got


def test_a_dutch_name_of_a_body_before_its_english_acronym_is_an_organisation(nlp):
    ctx = read(nlp, "De missie werkt samen met de Voorlopige Veiligheidscommissie (TSC). Daar sprak de minister "
                    "met de voorzitter van de TSC, Omar Haddad.")
    ents = ctx.extraction.entities
    body = next(k for k, e in ents.items() if e.label == "Voorlopige Veiligheidscommissie")
    assert ents[body].cls == "Organisation" and "TSC" in ents[body].alt_labels
    assert persons(ctx)["person/haddad"][0] == "Person"
    # an acronym the reference data knows says whose body it is, not its name
    doc = nlp("Het rapport kwam van de Nationale Inlichtingenraad (VS).")
    assert not any(sp.text == "Nationale Inlichtingenraad" for sp in doc.spans.get("kg", []))
