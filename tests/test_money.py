"""kg.extract.money: contributions with contributor, recipient, amount and year."""
from decimal import Decimal
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import GYear, Ref, SourceText
from kg.nlp import make_pipeline

TEXT = """Werksessie 1: NATO-Georgia Commission

Noorwegen kondigde een aanvullende bijdrage van EUR 12,5 miljoen aan voor het Comprehensive Training Package (CTP) van de NAVO, waarmee Noorwegen met een totale bijdrage van EUR 40 miljoen de grootste donor is.

Voortzetting bijdrage operatie Northern Shield

Sinds 2021 levert Denemarken een bijdrage aan operatie Northern Shield, een trainingsmissie in Estland. De kosten van de bijdrage worden geraamd op € 3 miljoen voor 2026.
"""


@pytest.fixture(scope="module")
def ex():
    ct = clean(SourceText(Path("geld.txt"), TEXT))
    doc = make_pipeline()(ct.text)
    return extract(doc, ct)


def contributions(ex):
    out = {}
    for f in ex.facts:
        if f.subject.startswith("contribution/"):
            val = f.object.key if isinstance(f.object, Ref) else f.object
            out.setdefault(f.subject, {})[f.predicate] = val
    return sorted(out.values(), key=lambda c: c["kg:amountEUR"])


def test_contribution_in_one_sentence(ex):
    cs = contributions(ex)
    ctp = [c for c in cs if c["kg:amountEUR"] == Decimal(12_500_000)]
    assert ctp and ctp[0]["kg:contributor"] == "country/noorwegen"
    assert ctp[0]["kg:recipient"] == "initiative/comprehensive-training-package"
    assert "kg:year" not in ctp[0]


def test_totals_are_not_contributions(ex):
    assert all(c["kg:amountEUR"] != Decimal(40_000_000) for c in contributions(ex))


def test_contributor_and_recipient_from_the_section(ex):
    cs = [c for c in contributions(ex) if c["kg:amountEUR"] == Decimal(3_000_000)]
    assert cs == [{"kg:contributor": "country/denemarken", "kg:recipient": "operation/northern-shield",
                   "kg:amountEUR": Decimal(3_000_000), "kg:year": GYear(2026)}]


def test_contribution_entity_is_a_helper_node(ex):
    ents = [e for e in ex.entities.values() if e.cls == "Contribution"]
    assert len(ents) == 2 and not any(e.mentioned for e in ents)


def test_operation_country_is_its_location(ex):
    assert any(f.subject == "operation/northern-shield" and f.predicate == "schema:location"
               and f.object == Ref("country/estland") for f in ex.facts)


PHRASINGS = """Den Haag, 3 februari 2026

Finland draagt EUR 10 miljoen bij aan het ANA Trust Fund. Noorwegen levert een bijdrage van €10,4 miljoen aan het International Fund for Ukraine. Denemarken draagt 100 miljoen bij aan het Comprehensive Assistance Package (CAP). Estland zegde 20 miljoen dollar toe aan het Comprehensive Assistance Package. De kosten van de Nederlandse deelname aan operatie Interflex worden in totaal geschat op 7 miljoen euro. Voor de NAVO Missie Irak stelt Nederland voor 2024, 2025 en 2026 respectievelijk EUR 3 miljoen, EUR 4 miljoen en EUR 5 miljoen beschikbaar. Ook zijn de extra bijdragen aan KFOR, waaronder die van Slovenië, besproken. Letland draagt EUR 2 miljoen bij aan het Baltisch Defensiefonds.
"""


@pytest.fixture(scope="module")
def phrasings():
    ct = clean(SourceText(Path("geld2.txt"), PHRASINGS))
    return extract(make_pipeline()(ct.text), ct)


def by_amount(ex):
    return {c.get("kg:amountEUR"): c for c in contributions_any(ex)}


def contributions_any(ex):
    out = {}
    for f in ex.facts:
        if f.subject.startswith("contribution/"):
            out.setdefault(f.subject, {})[f.predicate] = f.object.key if isinstance(f.object, Ref) else f.object
    return list(out.values())


def test_every_phrasing_of_an_amount(phrasings):
    got = by_amount(phrasings)
    assert got[Decimal(10_000_000)]["kg:recipient"] == "initiative/ana-trust-fund"  # a named fund
    assert got[Decimal(10_400_000)]["kg:recipient"].startswith("initiative/international-fund-for-")
    assert got[Decimal(100_000_000)]["kg:contributor"] == "country/denemarken"  # "draagt 100 miljoen bij"
    assert Decimal(20_000_000) not in got  # dollars are not euros
    interflex = got[Decimal(7_000_000)]  # "in totaal geschat op": the cost of one contribution
    assert (interflex["kg:contributor"], interflex["kg:recipient"]) == ("country/nederland", "operation/interflex")


def test_amounts_per_year(phrasings):
    got = by_amount(phrasings)
    assert [got[Decimal(n * 1_000_000)]["kg:year"] for n in (3, 4, 5)] == [GYear(2024), GYear(2025), GYear(2026)]


def test_contribution_without_amount_and_operation_participant(phrasings):
    cs = contributions_any(phrasings)
    assert {"kg:contributor": "country/slovenie", "kg:recipient": "operation/kfor"} in cs
    parts = {(f.subject, f.object.key) for f in phrasings.facts if f.predicate == "kg:participant"}
    assert ("operation/interflex", "country/nederland") in parts
    assert ("operation/navo-missie-irak", "country/nederland") in parts


def test_a_recipient_no_rule_knows_is_not_replaced_by_an_earlier_one(phrasings):
    assert Decimal(2_000_000) not in by_amount(phrasings)  # "aan het Baltisch Defensiefonds"


# Years, givers and the operation of a cost paragraph, in the ways letters state them.
YEARS = """Den Haag, 14 maart 2026

Inzet in Kosovo
Sinds 2024 levert Nederland stafofficieren aan KFOR. De kosten van de Nederlandse inzet worden voor 2026 geraamd op EUR 6,2 miljoen; voor 2027 is EUR 4,1 miljoen gereserveerd. Voor de opvolgende jaren stelt Nederland EUR 3 miljoen voor 2028 en EUR 2,5 miljoen voor 2029 beschikbaar.

Bataljon in Letland
Noorwegen neemt deel aan de door Polen geleide eenheid in Letland, onderdeel van enhanced Forward Presence. De kosten van deze inzet worden voor 2027 geraamd op EUR 15 miljoen.

Fondsen
Zweden heeft dit jaar EUR 3,3 miljoen bijgedragen aan het International Fund for Ukraine. Denemarken heeft via het Comprehensive Assistance Package aan Oekraïne EUR 4,8 miljoen gedoneerd.
"""

COSTS = """Den Haag, 2 oktober 2026

Aanleiding
Het kabinet heeft besloten dat Nederland tot eind 2029 een bijdrage levert aan Resolute Support met ongeveer 80 militairen.

Financiële aspecten
De additionele uitgaven voor deze inzet worden voor 2027, 2028 en 2029 geraamd op respectievelijk EUR 21 miljoen, EUR 18 miljoen en EUR 7,5 miljoen.
"""


@pytest.fixture(scope="module")
def years():
    ct = clean(SourceText(Path("jaren.txt"), YEARS))
    return contributions_any(extract(make_pipeline()(ct.text), ct))


def _one(cs, amount):
    found = [c for c in cs if c.get("kg:amountEUR") == Decimal(amount)]
    assert len(found) == 1, cs
    return found[0]


def test_each_clause_keeps_its_own_year(years):
    assert _one(years, 6_200_000)["kg:year"] == GYear(2026)  # "voor 2026 geraamd op ...; voor 2027 is ..."
    assert _one(years, 4_100_000)["kg:year"] == GYear(2027)


def test_years_after_their_amounts_pair_in_order(years):
    assert _one(years, 3_000_000)["kg:year"] == GYear(2028)  # "EUR 3 miljoen voor 2028 en EUR 2,5 miljoen voor 2029"
    assert _one(years, 2_500_000)["kg:year"] == GYear(2029)


def test_the_country_a_preposition_governs_is_not_the_giver(years):
    efp = _one(years, 15_000_000)  # "de door Polen geleide eenheid in Letland": Noorwegen gives
    assert (efp["kg:contributor"], efp["kg:year"]) == ("country/noorwegen", GYear(2027))
    gift = _one(years, 4_800_000)  # "aan Oekraïne" receives
    assert (gift["kg:contributor"], gift["kg:recipient"]) == (
        "country/denemarken", "initiative/comprehensive-assistance-package")


def test_this_year_is_the_letters_year(years):
    fund = _one(years, 3_300_000)
    assert (fund["kg:contributor"], fund["kg:year"]) == ("country/zweden", GYear(2026))


def test_a_cost_paragraph_under_its_own_heading_is_the_operations():
    ct = clean(SourceText(Path("kosten.txt"), COSTS))
    cs = contributions_any(extract(make_pipeline()(ct.text), ct))
    got = {(c["kg:contributor"], c["kg:recipient"], c["kg:amountEUR"], c["kg:year"]) for c in cs if "kg:amountEUR" in c}
    assert got == {("country/nederland", "operation/resolute-support", Decimal(21_000_000), GYear(2027)),
                   ("country/nederland", "operation/resolute-support", Decimal(18_000_000), GYear(2028)),
                   ("country/nederland", "operation/resolute-support", Decimal(7_500_000), GYear(2029))}


def test_a_contribution_to_one_states_initiative():
    ct = clean(SourceText(Path("munitie.txt"), "Den Haag, 5 mei 2026\n\nBelgië heeft in 2026 € 40 mln bijgedragen aan "
                                                 "het Deense drone-initiatief, dat Oekraïne van drones voorziet.\n"))
    cs = contributions_any(extract(make_pipeline()(ct.text), ct))
    assert [(c["kg:contributor"], c["kg:amountEUR"], c["kg:year"]) for c in cs
            if "drone" in c["kg:recipient"]] == [("country/belgie", Decimal(40_000_000), GYear(2026))]


def test_costs_of_another_kind_are_not_the_operations():
    text = COSTS + "\nDe kosten van de top in november worden geraamd op EUR 14 miljoen.\n"
    ct = clean(SourceText(Path("kosten2.txt"), text))
    cs = contributions_any(extract(make_pipeline()(ct.text), ct))
    assert all(c.get("kg:amountEUR") != Decimal(14_000_000) for c in cs)


INSTALMENTS = """Den Haag, 3 april 2024

De Noorse bijdrage aan het Baltic Sensor Programme wordt in delen overgemaakt. In 2025 is dat EUR 2 miljoen, in 2026 EUR 3,5 miljoen.

Nederland draagt bij aan het Arctic Radar Programme.

Voor 2025 gaat het om EUR 1 miljoen, voor 2026 om EUR 1,5 miljoen.

Duitsland en Polen leveren een bijdrage aan het Danube Bridge Programme. Voor 2025 gaat het om EUR 8 miljoen.

Ook Denemarken levert een bijdrage aan het Coastal Watch Programme. Het gaat om EUR 4 miljoen en EUR 6 miljoen.
"""


@pytest.fixture(scope="module")
def instalments():
    ct = clean(SourceText(Path("termijnen.txt"), INSTALMENTS))
    return extract(make_pipeline()(ct.text), ct)


def _of(ex, recipient):
    out = {}
    for f in ex.facts:
        if f.subject.startswith("contribution/"):
            out.setdefault(f.subject, {})[f.predicate] = f.object.key if isinstance(f.object, Ref) else f.object
    return [c for c in out.values() if c.get("kg:recipient") == recipient]


def test_amounts_per_year_after_the_sentence_of_the_contribution(instalments):
    # e70: "De Nederlandse bijdrage aan het X wordt in termijnen gestort. Voor 2023 gaat het om EUR ..."
    got = {(c["kg:contributor"], c.get("kg:amountEUR"), c.get("kg:year"))
           for c in _of(instalments, "initiative/baltic-sensor-programme")}
    assert got == {("country/noorwegen", Decimal(2_000_000), GYear(2025)),
                   ("country/noorwegen", Decimal(3_500_000), GYear(2026))}


def test_no_amounts_of_another_paragraph_two_givers_or_no_year(instalments):
    assert not any(c.get("kg:amountEUR") for c in _of(instalments, "initiative/arctic-radar-programme"))
    assert not any(c.get("kg:amountEUR") for c in _of(instalments, "initiative/danube-bridge-programme"))
    assert not any(c.get("kg:amountEUR") for c in _of(instalments, "initiative/coastal-watch-programme"))
