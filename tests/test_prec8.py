"""Precision guards found by the wave-8 precision sweep (prec8): a sum asked of a giver, weighed or
denied is no contribution; an agreement word that is denied agrees no plan at a summit."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


FUND = """Den Haag, 9 mei 2027

Steun aan Oekraïne

Uit het trustfonds van het Comprehensive Assistance Package (CAP) betaalt de NAVO brandstof en winterkleding voor Oekraïne.
{}
"""


def _givers(ex):
    """(contributor, amount) of every contribution with an amount."""
    giver = dict(facts(ex, "kg:contributor"))
    return {(giver.get(c), int(a)) for c, a in facts(ex, "kg:amountEUR")}


@pytest.mark.parametrize("sentence", [
    "Het kabinet heeft Denemarken gevraagd een bijdrage van EUR 20 miljoen aan het trustfonds te leveren.",
    "Het kabinet roept Denemarken op het trustfonds met EUR 20 miljoen aan te vullen.",
    "Het kabinet overweegt het trustfonds met EUR 20 miljoen te versterken.",
    "De regering heeft besloten het trustfonds niet met EUR 20 miljoen te verhogen.",
])
def test_a_sum_asked_weighed_or_denied_is_no_contribution(nlp, sentence):
    assert not _givers(run(nlp, FUND.format(sentence))[1])


def test_a_sum_given_is_still_a_contribution(nlp):
    ex = run(nlp, FUND.format("Het kabinet heeft besloten het trustfonds in 2027 met EUR 20 miljoen te "
                              "versterken. Het kabinet roept andere bondgenoten op dit voorbeeld te volgen."))[1]
    assert ("country/nederland", 20000000) in _givers(ex)


SUMMIT = """Den Haag, 3 september 2022

Op de NAVO-top in Madrid op 29 en 30 juni 2022 werd het nieuwe Strategisch Concept aangenomen. {}
"""


@pytest.mark.parametrize("sentence", [
    "Op dezelfde top werd het Ammunition Production Action Plan niet aangenomen.",
    "In Madrid kwamen de bondgenoten geen akkoord overeen over het Ammunition Production Action Plan.",
])
def test_a_denied_agreement_agrees_no_plan(nlp, sentence):
    ex = run(nlp, SUMMIT.format(sentence))[1]
    agreed = facts(ex, "kg:agreedAt")
    assert not {s for s, _ in agreed if "ammunition" in s}
    assert ("initiative/strategisch-concept-madrid-2022", "summit/madrid-2022") in agreed


def test_a_plan_whose_agreement_is_denied_is_not_carried_to_the_next_agreement(nlp):
    text = """Den Haag, 20 juni 2029

Georgië
De Georgische president heeft gevraagd om een Membership Action Plan voor zijn land; daarover zal op de top geen besluit worden genomen. De slotverklaring zal het besluit van de top in Boekarest van 2008 over het toekomstig lidmaatschap van Georgië bevestigen.
"""
    agreed = facts(run(nlp, text)[1], "kg:agreedAt")
    assert not {s for s, _ in agreed if "membership-action-plan" in s}


KEPT = """Nieuwsbericht | 14-04-2016 | Defensie

Luchtverdediging in Turkije

Nederland draagt met Patriot-eenheden bij aan de NAVO-operatie Active Fence in Turkije. {}
"""


@pytest.mark.parametrize("sentence", [
    "België hield zijn eenheden tot 2013 in Turkije.",
    "Ook België houdt zijn eenheden in Turkije, voor een oefening met de Turkse marine.",
    "Ook België houdt zijn eenheden in Turkije om de eigen ambassade te beveiligen.",
])
def test_units_kept_for_another_purpose_or_until_an_earlier_year_take_no_part(nlp, sentence):
    ex = run(nlp, KEPT.format(sentence))[1]
    assert ("operation/operation-active-fence", "country/belgie") not in facts(ex, "kg:participant")


def test_units_kept_in_the_operations_state_still_take_part(nlp):
    ex = run(nlp, KEPT.format("Ook België houdt zijn eenheden voorlopig in Turkije."))[1]
    assert ("operation/operation-active-fence", "country/belgie") in facts(ex, "kg:participant")


def test_the_centre_of_a_city_is_no_institution(nlp):
    text = """Nieuwsbericht | 03-03-2024 | Defensie

Centrum van Charkiv opnieuw getroffen door Russische raketten. De NAVO veroordeelde de aanval. Een onderzoeker van het Centrum voor Oost-Europese Studies sprak van een escalatie. Zij studeerde aan de Universiteit van Tartu.
"""
    doc, ex = run(nlp, text)
    orgs = {k for k in ex.entities if k.startswith("organisation/")}
    assert not {k for k in orgs if "charkiv" in k}
    assert {"organisation/centrum-voor-oost-europese-studies", "organisation/universiteit-van-tartu"} <= orgs


def test_a_place_where_ministers_met_is_no_summit_agreeing_there(nlp):
    text = """Den Haag, 3 december 2018

In Brussel is op 11 juli 2018 afgesproken dat de bondgenoten hun paraatheid verhogen. De ministers van Defensie van de EU-lidstaten kwamen vorige week in Brussel bijeen; daar besloten zij over PESCO.
"""
    agreed = facts(run(nlp, text)[1], "kg:agreedAt")
    assert not {s for s, _ in agreed if "structured-cooperation" in s or "pesco" in s}


NEWS_DMM = """Nieuwsbericht | 15-06-2027 | Defensie

Defensieministers in Brussel

Brussel, 15 juni 2027 – De ministers van Defensie van de 32 NAVO-lidstaten spreken vandaag in Brussel over de luchtverdediging. {}
"""
DMM = "ministerial/dmm-2027-06"


@pytest.mark.parametrize("sentences", [
    "De ministers van Defensie van de 27 EU-lidstaten hebben vandaag in Luxemburg een besluit genomen over munitie. "
    "Minister Brekelmans (Defensie) was bij dat besluit aanwezig.",
    "De ministers van Defensie van de 27 EU-lidstaten hebben vandaag een verklaring over munitie ondertekend. "
    "Minister Brekelmans (Defensie) was bij de ondertekening aanwezig.",
    "Minister Brekelmans (Defensie) noemde de bijeenkomst van de EU-ministers in Luxemburg \"nuttig\".",
])
def test_an_act_or_gathering_of_another_body_is_not_the_ministerial(nlp, sentences):
    ex = run(nlp, NEWS_DMM.format(sentences))[1]
    assert (DMM, "person/brekelmans") not in facts(ex, "kg:participant")


def test_a_speaker_of_the_ministerial_still_takes_part(nlp):
    ex = run(nlp, NEWS_DMM.format("Minister Brekelmans (Defensie) noemde de bijeenkomst \"nuttig\"."))[1]
    assert (DMM, "person/brekelmans") in facts(ex, "kg:participant")
