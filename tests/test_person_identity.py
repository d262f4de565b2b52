"""Who a person is: one person per given name (a reference person's surname keys only on a fitting
given name), a bare surname joining the document's one full name, a ruler's Dutch spelling, and
the offices a person takes up or holds acting (a.i.)."""
import pytest

from kg.names import person_key
from kg.nlp import make_pipeline
from extracting import offices, persons, read


def mentioned(doc, key):
    return [sp.text for sp in doc.spans["kg"] if sp.kb_id_ == key]


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


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


# --- a ruler's Dutch spelling ------------------------------------------------------------------

def test_the_dutch_spelling_of_a_rulers_surname_names_him_on_its_own(nlp):
    doc = nlp("De luchtaanvallen moeten de troepen van Kaddafi ervan weerhouden de stad opnieuw te beschieten.")
    got = [(sp.text, sp.label_, sp.kb_id_) for sp in doc.spans["kg"] if sp.label_ in ("Person", "Minister")]
    assert got == [("Kaddafi", "Person", "person/kadhafi")]


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


# --- an acting office ----------------------------------------------------------------------------

def test_an_acting_office_written_after_the_ministry_names_the_person_after_it(nlp):
    ctx = read(nlp, "Den Haag, 3 juni 2015\n\nBij het ontbijt voegde de Georgische minister van Defensie a.i. "
                    "Levan Abashidze zich bij de ministers.\n")
    assert persons(ctx)["person/abashidze"] == ("Minister", "Levan Abashidze")
    assert offices(ctx) == [("person/abashidze", "office/waarnemend-minister-van-defensie-ge")]


def test_ad_interim_in_two_words_is_the_same_qualifier(nlp):
    ctx = read(nlp, "Den Haag, 3 juni 2015\n\nNamens Moldavië sprak de minister van Buitenlandse Zaken ad interim, "
                    "Ion Ceban, over de hervormingen.\n")
    assert persons(ctx)["person/ceban"][0] == "Minister"
    assert [o for s, o in offices(ctx) if s == "person/ceban"] == ["office/waarnemend-minister-van-buitenlandse-zaken-md"]
