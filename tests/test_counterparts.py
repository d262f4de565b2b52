"""Counterparts (``zijn Duitse collega X``, ``ambtgenoten uit A en B``): the post a counterpart holds
from the reference data or the states named, not a guessed one; an office the text gives in
apposition is the counterpart's own."""
import pytest

from kg.nlp import make_pipeline
from extracting import offices, persons, read, read_people


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


# --- an office in apposition -------------------------------------------------------------------

def test_a_counterpart_with_an_office_in_apposition_takes_no_guessed_post(nlp):
    ctx = read_people(nlp, "Den Haag, 20 oktober 2031\n\nDe minister van Defensie, Peeters, sprak in de marge met "
                           "zijn Deense collega Lars Holm, minister van Binnenlandse Zaken, over vitale infrastructuur.\n",
                      with_metadata=True)
    assert ("person/holm", "office/minister-van-defensie-dk") not in offices(ctx)


def test_a_counterpart_without_an_apposition_still_takes_the_post(nlp):
    ctx = read_people(nlp, "Den Haag, 20 oktober 2031\n\nDe minister van Defensie, Peeters, sprak in de marge met "
                           "zijn Deense collega Lars Holm, die ook de Baltische staten bezocht.\n", with_metadata=True)
    assert ("person/holm", "office/minister-van-defensie-dk") in offices(ctx)


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


# --- a colleague of another portfolio ------------------------------------------------------------

def test_a_colleague_of_a_named_portfolio_holds_it_in_the_owners_state(nlp):
    ctx = read_people(nlp, "Den Haag, 20 oktober 2031\n\nNamens Estland sprak minister van Buitenlandse Zaken Maarja "
                           "Tamm. Haar collega van Defensie, Indrek Kask, bleef in Tallinn.\n", with_metadata=True)
    assert ("person/kask", "office/minister-van-defensie-ee") in offices(ctx)
    assert persons(ctx)["person/kask"][0] == "Minister"


def test_a_colleague_of_a_portfolio_with_the_states_adjective(nlp):
    ctx = read_people(nlp, "Den Haag, 20 oktober 2031\n\nDe minister van Defensie, Peeters, belde met zijn Letse "
                           "collega van Buitenlandse Zaken Andris Ozols.\n", with_metadata=True)
    assert ("person/ozols", "office/minister-van-buitenlandse-zaken-lv") in offices(ctx)


def test_a_colleague_of_a_portfolio_whose_owner_has_no_one_state_takes_nothing(nlp):
    # the secretary general's colleague has no state; a colleague of a party is no portfolio
    ctx = read_people(nlp, "Den Haag, 20 oktober 2031\n\nSecretaris-generaal Anne Holt opende de zitting. Haar collega "
                           "van Defensie, Indrek Kask, was afwezig. Zijn collega van de VVD, Piet Smit, sprak ook.\n",
                      with_metadata=True)
    assert not [o for p, o in offices(ctx) if p in ("person/kask", "person/smit")]
