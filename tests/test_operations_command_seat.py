"""The paragraph's operation, not named again: "<Land> heeft (...) de leiding", "<Land> levert de
commandant" make that country a participant; "Deze (vredes)missie wordt gevestigd in <plaats>"
places it. Not a lead handed over, a clause about something else, a relative clause."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_the_country_holding_the_lead_or_supplying_the_commander_takes_part(nlp):
    kfor = ("Den Haag, 4 oktober 2019\n\nDe NAVO zet de vredesmissie KFOR in Kosovo voort. Deze missie telt "
            "ruim 3500 militairen. Italië levert de commandant.\n")
    rs = ("Den Haag, 4 oktober 2019\n\nOok de trainingsmissie Resolute Support in Afghanistan loopt door. "
          "Sinds dit jaar heeft Turkije in Kabul een eigen rol. Duitsland heeft in het noorden de leiding.\n")
    assert ("operation/kfor", "country/italie") in facts(run(nlp, kfor)[1], "kg:participant")
    assert ("operation/resolute-support", "country/duitsland") in facts(run(nlp, rs)[1], "kg:participant")


def test_a_lead_handed_over_or_denied_is_no_command(nlp):
    text = ("Den Haag, 4 oktober 2019\n\nDe NAVO zet de vredesmissie KFOR in Kosovo voort. Deze missie telt "
            "ruim 3500 militairen. Hongarije heeft de leiding overgedragen aan Italië. Oostenrijk heeft niet "
            "de leiding.\n")
    _doc, ex = run(nlp, text)
    part = facts(ex, "kg:participant")
    assert ("operation/kfor", "country/hongarije") not in part
    assert ("operation/kfor", "country/oostenrijk") not in part


def test_this_mission_seated_in_a_place_is_there(nlp):
    text = ("Den Haag, 4 oktober 2019\n\nDe NAVO zet de vredesmissie KFOR in Kosovo voort. Deze vredesmissie "
            "is in 1999 opgezet en is gevestigd in Pristina.\n")
    _doc, ex = run(nlp, text)
    assert ("operation/kfor", "place/pristina") in facts(ex, "schema:location")


def test_a_relative_clause_seats_something_else(nlp):
    text = ("Den Haag, 4 oktober 2019\n\nDe NAVO zet de vredesmissie KFOR in Kosovo voort. Deze missie werkt "
            "samen met het hoofdkwartier, dat gevestigd is in Napels.\n")
    _doc, ex = run(nlp, text)
    assert ("operation/kfor", "place/napels") not in facts(ex, "schema:location")


def test_a_command_in_a_place_named_as_the_operation_is_there(nlp):
    text = ("Den Haag, 20 juni 2024\n\nDe bondgenoten richten een nieuw hoofdkwartier in het Poolse Szczecin "
            "in, onder de naam Resolute Support.\n\nDaarnaast komt er een commando in Napels, met de naam KFOR.\n")
    _doc, ex = run(nlp, text)
    loc = facts(ex, "schema:location")
    assert ("operation/kfor", "place/napels") in loc
    # "in" is the verb's particle there: the place is not followed by the name
    assert ("operation/resolute-support", "place/szczecin") not in loc


def test_a_hedged_command_states_no_place(nlp):
    text = ("Den Haag, 20 juni 2024\n\nMogelijk komt er een commando in Napels, onder de naam KFOR.\n")
    _doc, ex = run(nlp, text)
    assert ("operation/kfor", "place/napels") not in facts(ex, "schema:location")
