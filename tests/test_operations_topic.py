"""Operations and their costs stated across sentences and paragraphs (wave 3 of the blind
test letters): a mission done at someone's request, costs that name no giver, the mission
a paragraph is about, who commands it and where its units are stationed."""
from decimal import Decimal

import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


@pytest.fixture(scope="module")
def request_and_costs(nlp):
    text = ("Den Haag, 3 maart 2027\n\n"
            "Vraag 1\nWaar varen de Nederlandse fregatten?\n\n"
            "Antwoord\nNederland draagt met twee fregatten bij aan Operation Sea Guardian, die op verzoek "
            "van de Italiaanse regering in de Middellandse Zee wordt uitgevoerd.\n\n"
            "Vraag 2\nWat kost deze inzet?\n\n"
            "Antwoord\nDe uitgaven voor de fregatten in het kader van Sea Guardian worden voor 2027 geraamd "
            "op EUR 17 miljoen.\n")
    return run(nlp, text)[1]


def test_done_at_a_governments_request_is_no_hedge(request_and_costs):
    assert ("operation/operation-sea-guardian", "country/nederland") in facts(request_and_costs, "kg:participant")


def test_costs_without_a_giver_are_those_of_the_one_participant(request_and_costs):
    ex = request_and_costs
    amounts = {s for s, v in facts(ex, "kg:amountEUR") if v == Decimal(17000000)}
    assert len(amounts) == 1
    c = next(iter(amounts))
    assert (c, "country/nederland") in facts(ex, "kg:contributor")
    assert (c, "operation/operation-sea-guardian") in facts(ex, "kg:recipient")


def test_a_request_still_to_be_answered_states_nothing(nlp):
    text = ("Den Haag, 3 maart 2027\n\nItalië heeft een verzoek gedaan aan België om deel te nemen aan "
            "Operation Sea Guardian.\n")
    assert not facts(run(nlp, text)[1], "kg:participant")
