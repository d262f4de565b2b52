"""Operations and their costs, wave 3b of the blind test letters: years named after the amounts
(``respectievelijk in 2027 en 2028``), a country in brackets after a place, the cabinet's decision
to contribute, partner countries that contribute and a Dutch navy ship that takes part."""
from decimal import Decimal

import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _years(ex) -> dict:
    """amount -> set of years stated for it."""
    years = {}
    amounts = facts(ex, "kg:amountEUR")
    stated = facts(ex, "kg:year")
    for c, v in amounts:
        years.setdefault(v, set()).update(str(y.year) for s, y in stated if s == c)
    return years


def test_years_named_after_the_amounts_pair_off_in_order(nlp):
    text = ("Den Haag, 4 november 2026\n\nInzet\nNederland draagt met een mijnenjager bij aan operatie Northern "
            "Shield.\n\nFinanciën\nVoor de bijdrage aan operatie Northern Shield bedragen de additionele uitgaven "
            "naar verwachting EUR 8,3 mln en EUR 2,6 mln, respectievelijk in 2027 en 2028; het tweede bedrag "
            "betreft de terugkeer van het materieel.\n")
    ex = run(nlp, text)[1]
    assert _years(ex) == {Decimal(8300000): {"2027"}, Decimal(2600000): {"2028"}}
    assert {o for _, o in facts(ex, "kg:contributor")} == {"country/nederland"}


def test_an_amount_for_two_years_together_has_no_year(nlp):
    text = ("Den Haag, 4 november 2026\n\nInzet\nNederland draagt met een mijnenjager bij aan operatie Northern "
            "Shield.\n\nFinanciën\nDe kosten van de bijdrage aan operatie Northern Shield worden geraamd op "
            "EUR 9 miljoen in 2027 en 2028.\n")
    ex = run(nlp, text)[1]
    assert _years(ex) == {Decimal(9000000): set()}


def test_a_country_in_brackets_after_a_place_gives_nothing(nlp):
    text = ("Den Haag, 4 november 2026\n\nInzet\nNederland draagt met een fregat bij aan operatie Northern Shield. "
            "De operatie wordt aangestuurd vanuit Napels (Italië), waar Nederland ook twee stafofficieren levert.\n")
    parts = facts(run(nlp, text)[1], "kg:participant")
    assert ("operation/northern-shield", "country/nederland") in parts
    assert not any(o == "country/italie" for _, o in parts)


def _decision(nlp, sentence: str) -> set:
    text = ("Den Haag, 4 november 2026\n\n" + sentence + "\n\nFinanciën\nDe kosten worden geraamd op EUR 14,2 "
            "miljoen in 2027 en EUR 11,8 miljoen in 2028.\n")
    return run(nlp, text)[1]


def test_the_cabinets_decision_to_contribute_is_dutch_participation_and_its_costs_are_dutch(nlp):
    ex = _decision(nlp, "Hierbij informeert het kabinet de Kamer over het besluit om in 2027 en 2028 deel te nemen "
                        "aan de trainingsmissie operatie Northern Shield in Letland.")
    assert ("operation/northern-shield", "country/nederland") in facts(ex, "kg:participant")
    assert _years(ex) == {Decimal(14200000): {"2027"}, Decimal(11800000): {"2028"}}
    assert {o for _, o in facts(ex, "kg:contributor")} == {"country/nederland"}


@pytest.mark.parametrize("sentence", [
    "Het kabinet heeft kennisgenomen van het besluit van Denemarken om bij te dragen aan operatie Northern Shield.",
    "Het Deense kabinet heeft besloten bij te dragen aan operatie Northern Shield.",
    "Het kabinet heeft nog niet besloten of het zal bijdragen aan operatie Northern Shield.",
    "Het kabinet zal in het voorjaar besluiten of een bijdrage aan operatie Northern Shield mogelijk is.",
])
def test_someone_elses_or_an_open_decision_states_nothing(nlp, sentence):
    ex = _decision(nlp, sentence)
    assert not any(o == "country/nederland" for _, o in facts(ex, "kg:participant"))
    assert not any(o == "country/nederland" for _, o in facts(ex, "kg:contributor"))


def _partners(nlp, second: str) -> set:
    text = ("Den Haag, 4 november 2026\n\nInzet\nNederland draagt met vier F-35's bij aan operatie Desert Guard "
            "boven Jordanië. " + second + "\n")
    return {o for s, o in facts(run(nlp, text)[1], "kg:participant") if s == "operation/desert-guard"}


def test_partner_countries_the_sentence_says_contribute_take_part(nlp):
    got = _partners(nlp, "Daarnaast leveren partners van buiten de NAVO een bijdrage: Marokko stelt "
                         "tankvliegtuigen beschikbaar en Egypte heeft transportvliegtuigen geleverd.")
    assert {"country/marokko", "country/egypte"} <= got


def test_a_state_outside_the_alliance_not_called_a_partner_takes_no_part(nlp):
    got = _partners(nlp, "Marokko stelt tankvliegtuigen beschikbaar en Egypte heeft transportvliegtuigen geleverd.")
    assert "country/nederland" in got
    assert not got & {"country/marokko", "country/egypte"}


def _ship(nlp, sentence: str) -> set:
    return {s for s, o in facts(run(nlp, "Den Haag, 4 november 2026\n\n" + sentence + "\n")[1], "kg:participant")
            if o == "country/nederland"}


def test_a_dutch_navy_ship_that_takes_part_is_the_netherlands_taking_part(nlp):
    assert _ship(nlp, "Vorig jaar nam Zr.Ms. Van Amstel met een boordhelikopter deel aan Operation Sea Guardian, "
                      "de opvolger van Operation Active Endeavour.") == {"operation/operation-sea-guardian"}


@pytest.mark.parametrize("sentence", [
    "Een Deense stafofficier nam aan boord van Zr.Ms. Van Amstel deel aan Operation Sea Guardian.",
    "Zr.Ms. Van Amstel zal mogelijk deelnemen aan Operation Sea Guardian.",
    "Zr.Ms. Van Amstel oefende vorig jaar met schepen die deelnamen aan Operation Sea Guardian en KFOR.",
])
def test_a_ship_that_is_not_the_subject_or_a_hedged_plan_states_nothing(nlp, sentence):
    assert not _ship(nlp, sentence)


def _battlegroup(nlp, first: str) -> tuple[set, set]:
    text = ("Den Haag, 4 november 2026\n\nAanleiding\n" + first + "\n\nDe battlegroup in Estland\n"
            "Het Verenigd Koninkrijk treedt op als kaderland van de battlegroup. De battlegroup wordt "
            "gestationeerd in Tapa.\n")
    ex = run(nlp, text)[1]
    return facts(ex, "kg:participant"), facts(ex, "schema:location")


def test_the_battlegroup_of_a_letter_on_one_operation_is_that_operation(nlp):
    parts, where = _battlegroup(nlp, "Nederland levert sinds 2017 een bijdrage aan de enhanced Forward Presence.")
    op = "operation/enhanced-forward-presence"
    assert (op, "country/verenigd-koninkrijk") in parts
    assert (op, "place/tapa") in where


def test_a_battlegroup_in_a_letter_on_two_operations_is_neither(nlp):
    parts, where = _battlegroup(nlp, "Nederland levert een bijdrage aan de enhanced Forward Presence en aan KFOR.")
    assert not any(o == "country/verenigd-koninkrijk" for _, o in parts)
    assert not any(o == "place/tapa" for _, o in where)
