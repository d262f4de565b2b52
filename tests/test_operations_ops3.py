"""Operations, wave 3c of the blind test letters: a coalition that a relative clause says operates as
an operation (its members, its leader, the states acting within it), an operation's area extended to
a state, and a cost sentence that speaks of another mission than the letter's one operation."""
from decimal import Decimal

import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run

OP = "operation/sea-shield"


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _coalition(nlp, first: str, later: str = "") -> set:
    text = "Den Haag, 12 maart 2027\n\nAanleiding\n" + first + " " + later + "\n"
    return {o for s, o in facts(run(nlp, text)[1], "kg:participant") if s == OP}


def test_a_coalition_operating_as_an_operation_is_that_operation(nlp):
    got = _coalition(nlp, "Sinds 2025 neemt Nederland deel aan de maritieme coalitie tegen piraterij, die onder "
                          "Franse leiding opereert als operatie Sea Shield.",
                     "Binnen de coalitie patrouilleren naast Frankrijk ook Italië en Japan met fregatten boven "
                     "Somalië.")
    assert {"country/nederland", "country/frankrijk", "country/italie", "country/japan"} <= got
    assert "country/somalie" not in got  # "boven Somalië" is where, not who


def test_the_leader_after_onder_leiding_van(nlp):
    got = _coalition(nlp, "Nederland draagt bij aan de brede coalitie, die onder leiding van Spanje bekendstaat als "
                          "operatie Sea Shield.")
    assert {"country/nederland", "country/spanje"} <= got


@pytest.mark.parametrize("first,later", [
    # no relative clause equates the coalition with the operation
    ("Nederland neemt deel aan operatie Sea Shield. Nederland leidt ook een coalitie voor luchtverdediging.",
     "Binnen de coalitie leveren Italië en Japan radars."),
    # a hedged plan
    ("Nederland overweegt deel te nemen aan de maritieme coalitie, die onder Franse leiding opereert als operatie "
     "Sea Shield.", ""),
])
def test_no_alias_or_a_hedged_sentence_states_nothing(nlp, first, later):
    got = _coalition(nlp, first, later)
    assert not got & {"country/italie", "country/japan", "country/frankrijk"}
    if "overweegt" in first:
        assert "country/nederland" not in got


def test_a_state_in_a_clause_after_dat_is_no_member(nlp):
    got = _coalition(nlp, "Sinds 2025 neemt Nederland deel aan de maritieme coalitie tegen piraterij, die onder "
                          "Franse leiding opereert als operatie Sea Shield.",
                     "Binnen de coalitie bestaat zorg dat Iran drones levert aan de piraten.")
    assert "country/nederland" in got
    assert "country/iran" not in got


def _area(nlp, sentence: str) -> set:
    text = ("Den Haag, 12 maart 2027\n\nAanleiding\nNederland neemt sinds 2025 deel aan operatie Sea Shield.\n\n"
            "Besluit\n" + sentence + "\n")
    return {o for s, o in facts(run(nlp, text)[1], "schema:location") if s == OP}


@pytest.mark.parametrize("sentence", [
    "Het kabinet heeft besloten de inzet te verlengen en het operatiegebied uit te breiden tot het noorden van Jemen.",
    "Het inzetgebied wordt vanaf 1 mei uitgebreid naar Jemen.",
])
def test_an_operations_area_extended_to_a_state_is_its_location(nlp, sentence):
    assert _area(nlp, sentence) == {"country/jemen"}


def test_an_area_not_extended_states_nothing(nlp):
    assert not _area(nlp, "Het kabinet heeft besloten het operatiegebied niet uit te breiden tot Jemen.")


def _costs(nlp, middle: str, costs: str) -> set:
    text = ("Den Haag, 12 maart 2027\n\nInzet\nNederland neemt sinds 2025 deel aan operatie Sea Shield. " + middle +
            "\n\nFinanciën\n" + costs + "\n")
    ex = run(nlp, text)[1]
    return {v for _, v in facts(ex, "kg:amountEUR")}


def test_costs_of_another_mission_are_not_the_operations(nlp):
    got = _costs(nlp, "Daarnaast levert Nederland instructeurs aan de opleidingsmissie in Somalië.",
                 "De kosten van de opleidingsmissie bedragen naar verwachting EUR 4 miljoen in 2027.")
    assert Decimal(4000000) not in got


@pytest.mark.parametrize("middle,costs", [
    ("Het detachement telt zestig militairen.", "De kosten van de missie bedragen naar verwachting EUR 4 miljoen."),
    ("Sea Shield is de opleidingsmissie van de coalitie.",
     "De kosten van de opleidingsmissie bedragen naar verwachting EUR 4 miljoen."),
])
def test_costs_of_the_mission_itself_are_the_operations(nlp, middle, costs):
    assert Decimal(4000000) in _costs(nlp, middle, costs)


def _commanded(nlp, sentence: str) -> set:
    text = "Den Haag, 12 maart 2027\n\nInzet\n" + sentence + "\n"
    return {(s, o) for s, o in facts(run(nlp, text)[1], "kg:participant")}


def test_the_state_an_adjective_names_in_onder_x_leiding_commands_the_operation(nlp):
    got = _commanded(nlp, "Nederland levert een fregat aan operatie Sea Shield, de maritieme missie in de Golf "
                          "van Aden die onder Spaanse leiding staat.")
    assert (OP, "country/spanje") in got


def test_another_thing_under_command_is_not_the_operations(nlp):
    got = _commanded(nlp, "Nederland levert een fregat aan operatie Sea Shield en stuurt trainers naar een "
                          "eenheid onder Spaanse leiding.")
    assert (OP, "country/spanje") not in got
