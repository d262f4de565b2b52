"""Wave 4 (ident5): one person per given name, counterparts' offices, offices taken up."""

import pytest

from kg.names import person_key
from kg.nlp import make_pipeline
from extracting import read_people


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def read(nlp, text):
    return read_people(nlp, text, with_metadata=True)


def offices(ctx):
    return sorted((f.subject, f.object.key) for f in ctx.extraction.facts if f.predicate == "kg:holdsOffice")


def persons(ctx):
    return {k: (e.cls, e.label) for k, e in ctx.extraction.entities.items() if k.startswith("person/")}


def mentioned(doc, key):
    return [sp.text for sp in doc.spans["kg"] if sp.kb_id_ == key]


# --- identity ----------------------------------------------------------------------------------

def test_a_given_name_that_does_not_fit_the_reference_person_keys_on_the_full_name():
    # Lloyd Austin is reference data; a Karen Austin is someone else, an L. Austin may be him
    assert person_key("Lloyd Austin") == "person/austin"
    assert person_key("L. Austin") == "person/austin"
    assert person_key("Karen Austin") == "person/karen-austin"
    # a surname no reference person bears keeps the surname key
    assert person_key("Karen Verbeek") == "person/verbeek"


def test_an_officer_who_shares_a_ministers_surname_is_not_that_minister(nlp):
    ctx = read(nlp, "Den Haag, 4 mei 2022\n\nHet bevel ging over naar de Canadese generaal Karen Austin. "
                    "De Amerikaanse minister van Defensie Lloyd Austin bezocht de eenheid.\n")
    got = persons(ctx)
    assert got["person/karen-austin"] == ("Person", "Karen Austin")
    assert got["person/austin"][0] == "Minister"
    assert not any(s == "person/karen-austin" and "defensie" in o for s, o in offices(ctx))


def test_two_people_of_one_surname_are_two_and_a_bare_surname_names_neither(nlp):
    doc = nlp("Brigadegeneraal Piet Verbeek droeg het commando over aan generaal-majoor Karel Verbeek. "
              "Volgens Verbeek verliep de overdracht goed.")
    keys = {sp.kb_id_ for sp in doc.spans["kg"] if sp.label_ in ("Person", "Minister")}
    assert {"person/verbeek", "person/karel-verbeek"} <= keys
    assert mentioned(doc, "person/verbeek") == ["Piet Verbeek"]  # the bare "Verbeek" is ambiguous
    assert mentioned(doc, "person/karel-verbeek") == ["Karel Verbeek"]


def test_a_bare_surname_joins_the_one_full_name_of_the_document(nlp):
    # "Helen Austin" is not the reference Lloyd Austin: "minister Austin" afterwards is her
    doc = nlp("De Australische minister van Defensie Helen Austin opende het overleg. "
              "Minister Austin benadrukte het belang van de oefening.")
    assert mentioned(doc, "person/helen-austin") == ["Helen Austin", "Austin"]
    assert mentioned(doc, "person/austin") == []


# --- counterparts ----------------------------------------------------------------------------

def test_a_reference_counterpart_takes_the_post_the_reference_data_gives(nlp):
    # no signature (a list of answers): the reference data alone says which post she held
    ctx = read(nlp, "Den Haag, 9 maart 2022\n\nVraag 3\nSpreekt u de Amerikanen?\n\nAntwoord 3\n"
                    "Tijdens de bijeenkomst voer ik overleg met mijn Amerikaanse ambtgenoot Lloyd Austin.\n")
    assert persons(ctx)["person/austin"][0] == "Minister"
    assert ("person/austin", "office/minister-van-defensie-us") in offices(ctx)


def test_a_reference_ministers_counterpart_holds_the_ministry_held_that_day(nlp):
    # "minister Koenders" in 2016 is the foreign minister: his counterpart is a foreign minister
    ctx = read(nlp, "Den Haag, 12 mei 2016\n\nMinister Koenders heeft in een gesprek met zijn Poolse "
                    "ambtgenoot Tomasz Wierzbicki de zorgen van het kabinet overgebracht.\n")
    assert persons(ctx)["person/wierzbicki"][0] == "Minister"
    assert ("person/wierzbicki", "office/minister-van-buitenlandse-zaken-pl") in offices(ctx)


def test_a_premiers_counterpart_is_a_premier_where_a_premier_governs(nlp):
    ctx = read(nlp, "Premier Janez Kovač en zijn Kroatische ambtgenoot Ivo Radić ondertekenden het verdrag.")
    assert persons(ctx)["person/radic"][0] == "Minister"
    assert ("person/radic", "office/minister-president-hr") in offices(ctx)
    # a chancellor governs Austria: no guess at the counterpart's post there
    ctx = read(nlp, "Premier Janez Kovač en zijn Oostenrijkse ambtgenoot Franz Huber ondertekenden het verdrag.")
    assert persons(ctx)["person/huber"][0] == "Person"
    assert not [o for s, o in offices(ctx) if s == "person/huber"]


# --- an office taken up ------------------------------------------------------------------------

def test_taking_up_an_office_states_it(nlp):
    # a reference person named in full: the office after "aangetreden als" / "trad aan als" is hers
    ctx = read(nlp, "In oktober 2016 trad de Amerikaanse Rose Gottemoeller aan als plaatsvervangend "
                    "secretaris-generaal. Zij volgde een landgenoot op.")
    assert offices(ctx) == [("person/gottemoeller", "office/plaatsvervangend-secretaris-generaal-navo")]


def test_a_pronoun_or_two_names_before_the_office_name_no_holder(nlp):
    ctx = read(nlp, "Hij is in maart aangetreden als plaatsvervangend secretaris-generaal.")
    assert offices(ctx) == []
    ctx = read(nlp, "Na het vertrek van Lars Eriksen is Pia Holm aangetreden als plaatsvervangend secretaris-generaal.")
    assert offices(ctx) == []


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
