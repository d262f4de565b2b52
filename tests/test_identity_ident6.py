"""Wave 5 (ident6): acting offices (a.i.), counterparts of several states, rulers' spellings."""

import pytest

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


# --- counterparts of several states ------------------------------------------------------------

def test_counterparts_from_listed_states_hold_the_post_each_in_its_own_state(nlp):
    ctx = read(nlp, "Den Haag, 5 mei 2021\n\nDe Belgische minister van Defensie Ludivine Dedonder schoof aan, net als "
                    "haar ambtgenoten uit Estland en Letland, Marek Tamm en Ilze Ozola, en de Poolse delegatie.\n")
    got = persons(ctx)
    assert got["person/tamm"] == ("Minister", "Marek Tamm")
    assert got["person/ozola"] == ("Minister", "Ilze Ozola")
    assert ("person/tamm", "office/minister-van-defensie-ee") in offices(ctx)
    assert ("person/ozola", "office/minister-van-defensie-lv") in offices(ctx)


def test_counterparts_after_listed_adjectives_and_a_singular_one_from_a_state(nlp):
    ctx = read(nlp, "Den Haag, 5 mei 2021\n\nMinister Bijleveld overlegde met haar Deense en Noorse collega's "
                    "Søren Holm en Kari Lund over de oefening.\n")
    assert ("person/holm", "office/minister-van-defensie-dk") in offices(ctx)
    assert ("person/lund", "office/minister-van-defensie-no") in offices(ctx)
    ctx = read(nlp, "Den Haag, 5 mei 2021\n\nMinister Bijleveld sprak daarna met haar ambtgenoot uit Litouwen, "
                    "Tomas Petraitis, over de oefening.\n")
    assert ("person/petraitis", "office/minister-van-defensie-lt") in offices(ctx)


def test_counterparts_whose_names_do_not_match_the_states_one_to_one_get_no_post(nlp):
    ctx = read(nlp, "Den Haag, 5 mei 2021\n\nMinister Bijleveld sprak met haar ambtgenoten uit Estland en Letland, "
                    "Marek Tamm, Ilze Ozola en Jonas Kairys.\n")
    assert [s for s, o in offices(ctx) if s != "person/bijleveld-schouten"] == []
    # a list of states with no names after it names no one
    ctx = read(nlp, "Den Haag, 5 mei 2021\n\nMinister Bijleveld sprak met haar collega's uit Estland en Letland "
                    "over de oefening. Daarna volgde een persconferentie.\n")
    assert [s for s, o in offices(ctx) if s != "person/bijleveld-schouten"] == []


# --- a ruler's Dutch spelling ------------------------------------------------------------------

def test_the_dutch_spelling_of_a_rulers_surname_names_him_on_its_own(nlp):
    doc = nlp("De luchtaanvallen moeten de troepen van Kaddafi ervan weerhouden de stad opnieuw te beschieten.")
    got = [(sp.text, sp.label_, sp.kb_id_) for sp in doc.spans["kg"] if sp.label_ in ("Person", "Minister")]
    assert got == [("Kaddafi", "Person", "person/kadhafi")]
