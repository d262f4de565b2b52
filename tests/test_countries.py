"""kg.extract.countries: kg:supports (coordinated lists) and kg:accessionDate."""
import datetime as dt
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def run(nlp, text):
    ct = clean(SourceText(Path("land.txt"), text))
    doc = nlp(ct.text)
    return extract(doc, ct)


def pairs(ex, predicate):
    return {(f.subject, f.object.key if isinstance(f.object, Ref) else f.object)
            for f in ex.facts if f.predicate == predicate}


def test_support_list_with_aan(nlp):
    ex = run(nlp, "Bondgenoten uitten hun zorgen over de steun van Cuba, Syrië en Venezuela aan Rusland.")
    assert pairs(ex, "kg:supports") == {("country/cuba", "country/rusland"), ("country/syrie", "country/rusland"),
                                        ("country/venezuela", "country/rusland")}


def test_support_to_adjective_target(nlp):
    ex = run(nlp, "Rusland voert oorlog tegen Oekraïne. Men sprak over de steun van Iran aan de Russische oorlogsindustrie.")
    assert ("country/iran", "country/rusland") in pairs(ex, "kg:supports")


def test_support_verb_after_list(nlp):
    ex = run(nlp, "Naar verwachting steunen Noorwegen en Denemarken Oekraïne ook in 2025. Finland en Polen steunen Oekraïne.")
    assert {("country/finland", "country/oekraine"), ("country/polen", "country/oekraine")} <= pairs(ex, "kg:supports")


def test_no_support_without_pattern(nlp):
    ex = run(nlp, "Cuba en Venezuela spraken met Rusland over handel.")
    assert not pairs(ex, "kg:supports")


def test_accession_date(nlp):
    ex = run(nlp, "De toetreding van Finland op 4 april 2023 versterkt het bondgenootschap.")
    assert pairs(ex, "kg:accessionDate") == {("country/finland", dt.date(2023, 4, 4))}


def test_accession_without_date_gives_nothing(nlp):
    ex = run(nlp, "De toetreding van Zweden werd hartelijk verwelkomd.")
    assert not pairs(ex, "kg:accessionDate")


def test_member_since_a_day(nlp):
    ex = run(nlp, "Zweden is sinds 7 maart 2024 lid van de NAVO en oefent mee in het noorden.")
    assert pairs(ex, "kg:accessionDate") == {("country/zweden", dt.date(2024, 3, 7))}
    ex = run(nlp, "Ook Noord-Macedonië, dat op 27 maart 2020 lid werd, stuurde een delegatie.")
    assert pairs(ex, "kg:accessionDate") == {("country/noord-macedonie", dt.date(2020, 3, 27))}


def test_member_since_needs_the_reference_day_and_nato(nlp):
    # another membership, another day, a country that never joined: nothing
    assert not pairs(run(nlp, "Zweden is sinds 1 januari 1995 lid van de Europese Unie."), "kg:accessionDate")
    assert not pairs(run(nlp, "Zweden is sinds 12 maart 2024 lid."), "kg:accessionDate")
    assert not pairs(run(nlp, "Oekraïne is sinds 4 april 2023 lid van de coalitie."), "kg:accessionDate")


def test_support_agent_noun(nlp):
    # issue 13: "een steunverlener van" names who supports whom
    ex = run(nlp, "Rusland zet de aanvallen voort. De bondgenoten noemen Belarus opnieuw een onmisbare "
                  "steunverlener van de Russische oorlogsvoering.")
    assert ("country/belarus", "country/rusland") in pairs(ex, "kg:supports")


def test_support_agent_noun_needs_the_supporter_before_it(nlp):
    ex = run(nlp, "De grootste steunverlener van Rusland is volgens de bondgenoten Iran.")
    assert pairs(ex, "kg:supports") == set()


def test_accession_of_both_countries_of_a_pair(nlp):
    # issue 13: "beide landen zijn sinds <dag> lid" after a pair of countries
    ex = run(nlp, "In 2002 nodigden de bondgenoten Slowakije en Slovenië uit voor toetreding; "
                  "beide landen zijn sinds 29 maart 2004 lid.")
    got = pairs(ex, "kg:accessionDate")
    assert ("country/slowakije", dt.date(2004, 3, 29)) in got
    assert ("country/slovenie", dt.date(2004, 3, 29)) in got


def test_accession_of_both_needs_exactly_two(nlp):
    ex = run(nlp, "Estland, Letland en Litouwen werden uitgenodigd; beide landen zijn sinds 29 maart 2004 lid.")
    assert pairs(ex, "kg:accessionDate") == set()


def test_member_since_a_day_of_the_country_named_just_before(nlp):
    # wave 2: "Het land is sinds <dag> lid": the country of the sentence before, checked by the reference day
    ex = run(nlp, "Op de ministeriële was Montenegro voor het eerst als bondgenoot aan tafel. "
                  "Het land is sinds 5 juni 2017 lid van de NAVO.")
    assert pairs(ex, "kg:accessionDate") == {("country/montenegro", dt.date(2017, 6, 5))}
    ev = next(f.evidence for f in ex.facts if f.predicate == "kg:accessionDate")
    assert "Het land is sinds" in ev.sentence and "Montenegro" in ev.sentence


def test_member_since_by_anaphor_needs_the_day_of_a_country_just_before(nlp):
    # the day is another country's; the country is two sentences back; a new paragraph
    assert not pairs(run(nlp, "Montenegro nam deel. Het land is sinds 1 april 2009 lid van de NAVO."), "kg:accessionDate")
    assert not pairs(run(nlp, "Montenegro nam deel. Er was veel te bespreken. Het land is sinds 5 juni 2017 lid."),
                     "kg:accessionDate")
    assert not pairs(run(nlp, "Montenegro nam deel.\n\nHet land is sinds 5 juni 2017 lid."), "kg:accessionDate")


def test_a_supplier_of_weapons_supports_the_receiver(nlp):
    ex = run(nlp, "Rusland zet zijn industrie onder druk en krijgt inmiddels drones uit Iran. "
                  "Ook Belarus levert munitie aan Rusland. Oekraïne ontvangt munitie van de EU.")
    assert pairs(ex, "kg:supports") == {("country/iran", "country/rusland"), ("country/belarus", "country/rusland")}


def test_supply_needs_a_weapon_and_the_states_in_place(nlp):
    ex = run(nlp, "Nederland levert militairen aan Litouwen. Duitsland krijgt steun uit Frankrijk. "
                  "Volgens Polen levert China onderdelen aan Rusland.")
    assert pairs(ex, "kg:supports") == set()


def test_accession_said_with_the_verb_of_joining(nlp):
    # wave 3 (e52): "dat op <dag> tot de NAVO toetrad", "dat zich op <dag> bij de NAVO aansloot"
    ex = run(nlp, "De delegatie van Montenegro, dat op 5 juni 2017 als 29e lidstaat tot de NAVO toetrad, "
                  "sprak over de westelijke Balkan.")
    assert pairs(ex, "kg:accessionDate") == {("country/montenegro", dt.date(2017, 6, 5))}
    ex = run(nlp, "Ook Albanië, dat zich op 1 april 2009 bij de NAVO aansloot, leverde een bijdrage.")
    assert pairs(ex, "kg:accessionDate") == {("country/albanie", dt.date(2009, 4, 1))}


def test_joining_needs_nato_and_the_reference_day(nlp):
    # another organisation, another day: nothing
    assert not pairs(run(nlp, "Kroatië, dat op 1 juli 2013 tot de Europese Unie toetrad, nam deel."), "kg:accessionDate")
    assert not pairs(run(nlp, "Kroatië, dat op 2 april 2009 tot de NAVO toetrad, nam deel."), "kg:accessionDate")


def test_accession_said_by_a_bare_verb_of_joining(nlp):
    # wave 4 (e75, e85): "is op <dag> toegetreden", "traden op <dag> toe", "dat op <dag> als ... lid toetrad"
    ex = run(nlp, "Estland is op 29 maart 2004 toegetreden en heeft sindsdien een eigen cyberverdedigingscentrum.")
    assert pairs(ex, "kg:accessionDate") == {("country/estland", dt.date(2004, 3, 29))}
    ex = run(nlp, "Polen en Hongarije traden op 12 maart 1999 toe, twee jaar na de top in Madrid.")
    assert pairs(ex, "kg:accessionDate") == {("country/polen", dt.date(1999, 3, 12)),
                                             ("country/hongarije", dt.date(1999, 3, 12))}
    # the protocol's day is not the day of joining; the day of joining is
    ex = run(nlp, "Het debat ging ook over Noord-Macedonië, waarvan het protocol op 6 februari 2019 werd getekend "
                  "en dat op 27 maart 2020 als dertigste bondgenoot toetrad.")
    assert pairs(ex, "kg:accessionDate") == {("country/noord-macedonie", dt.date(2020, 3, 27))}


def test_accession_to_come_with_a_day_of_the_letters_year(nlp):
    # wave 4 (e81): "<land> wordt op <dag> het 29e lid", the year is the letter's
    ex = run(nlp, "Den Haag, 14 februari 2024\n\nZweden wordt op 7 maart het tweeëndertigste lid van de NAVO.")
    assert pairs(ex, "kg:accessionDate") == {("country/zweden", dt.date(2024, 3, 7))}
    # a news item dated by its date line, an earlier day named first: still the item's year
    ex = run(nlp, "Zweden bijna bondgenoot\n\nNieuwsbericht | 26-02-2024 | Ministerie van Defensie\n\n"
                  "Zweden vroeg op 18 mei 2022 het lidmaatschap aan. Het land wordt op 7 maart lid van de NAVO, "
                  "zo verwacht het kabinet. Zweden wordt daarmee op 7 maart de tweeëndertigste bondgenoot.")
    assert pairs(ex, "kg:accessionDate") == {("country/zweden", dt.date(2024, 3, 7))}


def test_joining_needs_the_reference_day_of_that_state(nlp):
    # a day of signing or ratifying, a meeting's days, another state's day, a denial, another organisation
    assert not pairs(run(nlp, "Letland trad toe nadat het protocol op 26 maart 2003 was ondertekend."),
                     "kg:accessionDate")
    assert not pairs(run(nlp, "Finland, dat net was toegetreden, nam op 4 en 5 april 2023 deel aan de vergadering."),
                     "kg:accessionDate")
    assert not pairs(run(nlp, "Zweden werd lid van de Raad van Europa op 7 maart 2024, zo meldde de krant."),
                     "kg:accessionDate")
    assert not pairs(run(nlp, "Slowakije is op 29 maart 2004 niet toegetreden."), "kg:accessionDate")
    assert not pairs(run(nlp, "Litouwen trad op 29 maart 2004 toe tot de Europese Unie."), "kg:accessionDate")
