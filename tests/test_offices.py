"""Offices in every style (issue 13 item 4) and the reference data on office holders."""

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


def test_ministry_after_the_name(nlp):
    ctx = read(nlp, "Op de bijeenkomst was minister Pietersen van Defensie aanwezig.")
    assert offices(ctx) == [("person/pietersen", "office/minister-van-defensie-nl")]


def test_ministry_in_brackets_after_the_name(nlp):
    ctx = read(nlp, "Daarover sprak minister Van Houten (Buitenlandse Zaken) met het lid Aydin.")
    assert offices(ctx) == [("person/van-houten", "office/minister-van-buitenlandse-zaken-nl")]


def test_ministry_before_the_name_still_works(nlp):
    ctx = read(nlp, "Daarna sprak de minister van Defensie Koopmans met zijn ambtgenoten.")
    assert offices(ctx) == [("person/koopmans", "office/minister-van-defensie-nl")]


def test_deputy_is_not_the_secretary_general(nlp):
    ctx = read(nlp, "De vergadering werd voorgezeten door de plaatsvervangende SG Petra Lindqvist.")
    assert offices(ctx) == [("person/lindqvist", "office/plaatsvervangend-secretaris-generaal-navo")]


def test_acting_and_former_are_part_of_the_office(nlp):
    ctx = read(nlp, "De waarnemend minister-president Van Dalen en oud-minister van Defensie Smeets spraken.")
    got = dict(offices(ctx))
    assert got["person/van-dalen"] == "office/waarnemend-minister-president-nl"
    assert got["person/smeets"] == "office/oud-minister-van-defensie-nl"
    assert "office/minister-president-nl" not in got.values()


def test_designate_is_not_a_minister(nlp):
    ctx = read(nlp, "De beoogd secretaris-generaal Hallgrimsson bezocht Den Haag.")
    assert offices(ctx) == [("person/hallgrimsson", "office/beoogd-secretaris-generaal-navo")]
    assert ctx.extraction.entities["person/hallgrimsson"].cls == "Person"


def test_compound_jurisdiction_of_several_words(nlp):
    ctx = read(nlp, "Europese Raad-voorzitter Dubois opende de top.")
    assert offices(ctx) == [("person/dubois", "office/voorzitter-europese-raad")]


def test_chair_of_the_european_council_written_out(nlp):
    ctx = read(nlp, "Ook de voorzitter van de Europese Raad Dubois was uitgenodigd.")
    assert offices(ctx) == [("person/dubois", "office/voorzitter-europese-raad")]


def test_organisation_right_after_the_office(nlp):
    ctx = read(nlp, "De SG NAVO Ingrid Halvorsen opende het overleg.")
    assert offices(ctx) == [("person/halvorsen", "office/secretaris-generaal-navo")]


def test_prime_minister_is_never_an_organisations_office(nlp):
    ctx = read(nlp, "De premier van de NAVO Verbeek sprak.")
    assert offices(ctx) == []


def test_reference_person_gets_office_of_the_day(nlp):
    # Erdoğan was prime minister until 28 August 2014, president after.
    ctx = read(nlp, "Den Haag, 3 maart 2016\n\nDaarna sprak president Erdogan met de bondgenoten.")
    assert offices(ctx) == [("person/erdogan", "office/president-tr")]
    # a letter may name an office the person held at another time: still the one such office
    ctx = read(nlp, "Den Haag, 3 maart 2011\n\nDaarna sprak president Erdogan met de bondgenoten.")
    assert offices(ctx) == [("person/erdogan", "office/president-tr")]


def test_generic_minister_becomes_the_ministry_of_the_day(nlp):
    ctx = read(nlp, "Den Haag, 12 juni 2019\n\nMinister Blok sprak met zijn ambtgenoten.")
    assert offices(ctx) == [("person/blok", "office/minister-van-buitenlandse-zaken-nl")]
    ctx = read(nlp, "Den Haag, 12 juni 2015\n\nMinister Blok sprak met zijn ambtgenoten.")
    assert offices(ctx) == []  # no ministry of his on that day: nothing rather than a guess


def test_reference_person_is_not_given_the_dutch_default(nlp):
    ctx = read(nlp, "Den Haag, 12 juni 2010\n\nPremier Tusk ontving de delegatie.")
    assert offices(ctx) == [("person/tusk", "office/minister-president-pl")]


def test_name_forms_share_a_key(nlp):
    ctx = read(nlp, "Minister van Defensie Ank Bijleveld-Schouten sprak. Later zei minister Bijleveld dat het goed ging.")
    assert {f.subject for f in ctx.extraction.facts if f.predicate == "kg:holdsOffice"} == {"person/bijleveld-schouten"}


def mentions(ctx):
    return sorted(f.object.key for f in ctx.extraction.facts
                  if f.predicate == "kg:mentions" and f.object.key.startswith("person/"))


def test_full_name_of_a_reference_person_anywhere(nlp):
    ctx = read(nlp, "Het kabinet verwelkomt dat Jens Stoltenberg en Volodymyr Zelenskyy elkaar troffen.")
    assert mentions(ctx) == ["person/stoltenberg", "person/zelensky"]


def test_transliterations_share_a_key(nlp):
    ctx = read(nlp, "Vladimir Putin sprak. Volgens Poetin was er geen alternatief. Ook Wolodymyr Zelensky sprak; Zelenskyy zei weinig.")
    assert mentions(ctx) == ["person/poetin", "person/zelensky"]
    poetin = ctx.extraction.entities["person/poetin"]
    assert {"Vladimir Putin", "Poetin"} <= {poetin.label, *poetin.alt_labels}


def test_a_full_name_needs_capitals_and_one_line(nlp):
    ctx = read(nlp, "Zij spraken over jens stoltenberg.\nVolgens Stef\nBlok is dat zo.")
    assert mentions(ctx) == []


def test_generic_minister_without_a_date_stays_unrefined(nlp):
    ctx = read(nlp, "Minister Blok sprak met zijn ambtgenoten.")  # no date: no office of the day
    assert offices(ctx) == []


def test_former_office_of_a_reference_person(nlp):
    ctx = read(nlp, "Den Haag, 3 maart 2016\n\nOok de voormalige Amerikaanse president Bush sprak.")
    assert offices(ctx) == [("person/bush", "office/oud-president-us")]


def test_distinctive_surname_alone_names_the_reference_person(nlp):
    ctx = read(nlp, "Het handvest van Roosevelt en Churchill geldt nog. Volgens Poetin niet.")
    assert mentions(ctx) == ["person/churchill", "person/poetin", "person/roosevelt"]


def test_surname_beside_another_name_is_someone_else(nlp):
    ctx = read(nlp, "Het bedrijf van Hunter Biden werd genoemd, net als de Trump Tower.")
    assert "person/biden" not in mentions(ctx) and "person/trump" not in mentions(ctx)


def test_op_before_a_place_is_no_name_particle(nlp):
    ctx = read(nlp, "Den Haag, 12 juni 2021\n\nDe regeringsleiders dineerden met Koningin Elizabeth op Windsor Castle. "
                    "Ook het lid Sophie in 't Veld was er.")
    assert mentions(ctx) == ["person/elizabeth-ii", "person/in-t-veld"]
    assert offices(ctx) == [("person/elizabeth-ii", "office/koningin-gb")]


def test_no_dutch_default_for_a_person_placed_abroad_by_the_sentence(nlp):
    ctx = read(nlp, "In Canada sprak vicepremier Martin Tremblay op de top met de bondgenoten.")
    assert offices(ctx) == []
    # the country the person represents is whose office it is (issue 13)
    ctx = read(nlp, "Canada werd op de top vertegenwoordigd door vicepremier Martin Tremblay.")
    assert offices(ctx) == [("person/tremblay", "office/vicepremier-ca")]
    # with the Netherlands in the sentence, or no country at all, the default stands
    ctx = read(nlp, "Nederland werd op de top vertegenwoordigd door vicepremier Martin Tremblay.")
    assert offices(ctx) == [("person/tremblay", "office/vicepremier-nl")]
    ctx = read(nlp, "Op de top sprak de plaatsvervangende SG Petra Lindqvist met Canada.")
    assert offices(ctx) == [("person/lindqvist", "office/plaatsvervangend-secretaris-generaal-navo")]


def _mentioned(ctx):
    return {f.object.key for f in ctx.extraction.facts if f.predicate == "kg:mentions"}


def test_country_named_by_its_adjective_as_jurisdiction_is_mentioned(nlp):
    # the country is only an adjective here, yet the document names it as the office's state
    ctx = read(nlp, "Tijdens het overleg sprak ik met de Litouwse minister van Defensie Kaunaite "
                    "en met de Japanse premier Tanaka over de steun.")
    assert {"country/litouwen", "country/japan"} <= _mentioned(ctx)
    assert ctx.extraction.entities["country/litouwen"].mentioned
    ev = next(f.evidence for f in ctx.extraction.facts
              if f.predicate == "kg:mentions" and f.object.key == "country/litouwen")
    assert "Litouwse minister" in ev.sentence and ev.rule == "people.jurisdiction_named"


def test_default_or_reference_jurisdiction_is_not_a_mention(nlp):
    # "minister van Defensie" defaults to the Netherlands: the text does not name it
    ctx = read(nlp, "Minister van Defensie Pietersen opende het overleg over de begroting.")
    assert ("person/pietersen", "office/minister-van-defensie-nl") in offices(ctx)
    assert "country/nederland" not in _mentioned(ctx)
    assert not ctx.extraction.entities["country/nederland"].mentioned


def test_adjective_without_an_office_names_no_country(nlp):
    ctx = read(nlp, "De Litouwse bijdrage aan de Chileense oefening werd besproken.")
    assert not {"country/litouwen", "country/chili"} & _mentioned(ctx)


def test_the_country_a_person_represents_is_whose_office_it_is(nlp):
    # issue 13: a deputy prime minister named with no country, but as the one who represents one
    ctx = read(nlp, "Italië werd op de top vertegenwoordigd door vicepremier Bianchi. "
                    "Vicepremier Novak vertegenwoordigde Slovenië bij de ceremonie.")
    got = offices(ctx)
    assert ("person/bianchi", "office/vicepremier-it") in got
    assert ("person/novak", "office/vicepremier-si") in got
    assert not any(o.endswith("-nl") for _, o in got)


def test_representing_does_not_override_a_stated_country(nlp):
    ctx = read(nlp, "Spanje werd vertegenwoordigd door de Portugese vicepremier Costa.")
    assert offices(ctx) == [("person/costa", "office/vicepremier-pt")]


def classes(ctx):
    return {k: e.cls for k, e in ctx.extraction.entities.items() if k.startswith("person/")}


def test_my_colleague_in_a_ministers_letter_is_a_minister(nlp):
    # issue 13: "mijn Deense ambtsgenoot X" in a letter a minister signs
    body = ("Den Haag, 3 maart 2026\n\nVolgende week bezoek ik met mijn Deense ambtsgenoot Lars Holm de oefening "
            "in Finland.\n\n")
    ctx = read(nlp, body + "De minister van Defensie,\nK. Smit\n")
    assert classes(ctx)["person/holm"] == "Minister"
    # the counterpart holds the signer's portfolio in its own country (people.counterpart_offices)
    assert [o for s, o in offices(ctx) if s == "person/holm"] == ["office/minister-van-defensie-dk"]
    ctx = read(nlp, body + "De staatssecretaris van Defensie,\nK. Smit\n")
    assert classes(ctx)["person/holm"] == "Person"


def test_the_state_that_sends_a_person_is_whose_office_it_is(nlp):
    # e49: a seat of government stands for its state; the Dutch default is never taken for a sent envoy
    ctx = read(nlp, "Omdat de premier ziek was, stuurde Bagdad minister van Buitenlandse Zaken Karim Haddad. "
                    "Teheran stuurde vicepremier Reza Farahani naar de conferentie.")
    got = offices(ctx)
    assert ("person/haddad", "office/minister-van-buitenlandse-zaken-iq") in got
    assert ("person/farahani", "office/vicepremier-ir") in got
    assert not any(o.endswith("-nl") for _, o in got)



QA_BAERBOCK = """Vragen van het lid Jansen (VVD) aan de Minister van Buitenlandse Zaken over Duitse steun aan Moldavië (ingezonden 2 mei 2024).

Antwoord van Minister De Vries (Buitenlandse Zaken) (ontvangen 30 mei 2024).

Vraag 1
Bent u bekend met het bericht dat de Duitse minister van Buitenlandse Zaken Baerbock in Chisinau extra steun heeft toegezegd?

Antwoord 1
Ja. De toezegging van minister Baerbock past in de Europese lijn die ook Nederland steunt.
"""


def test_an_office_named_in_a_question_and_stated_in_the_answer_stands(nlp):
    # the question states nothing; the answer's bare "minister Baerbock" is the reference office of the day
    ctx = read(nlp, QA_BAERBOCK)
    got = [f for f in ctx.extraction.facts if f.predicate == "kg:holdsOffice" and f.subject == "person/baerbock"]
    assert [f.object.key for f in got] == ["office/minister-van-buitenlandse-zaken-de"]
    assert "Vraag" not in got[0].evidence.sentence and "Baerbock past" in got[0].evidence.sentence


def test_the_state_represented_may_carry_a_relative_clause_before_its_verb(nlp):
    ctx = read(nlp, "Portugal, dat in 1949 tot de oprichters van de NAVO behoorde, werd in Brussel "
                    "vertegenwoordigd door minister van Defensie Rui Carvalho.")
    assert offices(ctx) == [("person/carvalho", "office/minister-van-defensie-pt")]
    # a comma that closes no relative clause joins nothing: no state, no office
    ctx = read(nlp, "Na Portugal en Spanje, werd de groep vertegenwoordigd door minister van Defensie Rui Carvalho.")
    assert ("person/carvalho", "office/minister-van-defensie-pt") not in offices(ctx)
