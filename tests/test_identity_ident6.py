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
