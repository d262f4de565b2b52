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


PARAGRAPH = """Den Haag, 2 juni 2027

Inzet
Nederland draagt sinds 2025 bij aan operatie Northern Shield, een trainingsmissie in Letland. Noorwegen en Portugal stellen elk een compagnie beschikbaar. Het bevel over de missie ligt bij Polen. IJsland levert daarnaast wapens aan Oekraïne.

Overig
Nederland draagt bij aan operatie Northern Shield. Op de NAVO-top in Vilnius is de Defence Investment Pledge bevestigd. Griekenland levert twee fregatten.
"""


@pytest.fixture(scope="module")
def paragraph(nlp):
    return facts(run(nlp, PARAGRAPH)[1], "kg:participant")


def test_countries_that_contribute_in_the_operations_paragraph_take_part(paragraph):
    op = "operation/northern-shield"
    assert {(op, "country/noorwegen"), (op, "country/portugal")} <= paragraph


def test_the_country_that_commands_the_mission_takes_part(paragraph):
    assert ("operation/northern-shield", "country/polen") in paragraph


def test_a_gift_to_someone_else_or_another_subject_between_states_nothing(paragraph):
    for country in ("ijsland", "oekraine", "griekenland"):
        assert not any(o == f"country/{country}" for _, o in paragraph), country


def test_the_mission_a_later_paragraph_speaks_of_is_the_documents_one_operation(nlp):
    text = ("Den Haag, 2 juni 2027\n\nAchtergrond\nKFOR is in 1999 in Kosovo van start gegaan. "
            "De missie staat onder leiding van Italië.\n\nBijdragen\nNederland levert twee stafofficieren. "
            "Behalve Nederland sturen ook Hongarije en Slovenië militairen naar de missie.\n")
    got = facts(run(nlp, text)[1], "kg:participant")
    assert {("operation/kfor", "country/italie"), ("operation/kfor", "country/hongarije"),
            ("operation/kfor", "country/slovenie")} <= got


def test_stationed_units_take_part_where_they_are_stationed(nlp):
    text = ("Den Haag, 2 juni 2027\n\nOpzet\nDe inzet heet bij de NAVO operatie Southern Watch. De Belgische "
            "eenheden worden gelegerd nabij Rzeszów, afkomstig uit Leopoldsburg.\n")
    ex = run(nlp, text)[1]
    assert ("operation/southern-watch", "country/belgie") in facts(ex, "kg:participant")
    where = {o for s, o in facts(ex, "schema:location") if s == "operation/southern-watch"}
    assert where == {"place/rzeszow"}


def _costs(nlp, units: str) -> tuple[set, set]:
    text = ("Den Haag, 5 mei 2027\n\nOpzet\nDe inzet heet bij de NAVO operatie Southern Watch. "
            f"De {units} eenheden worden gelegerd nabij Rzeszów. Ook Noorwegen stelt een detachement beschikbaar.\n\n"
            "Kosten\nDe kosten van de inzet worden geraamd op EUR 12 miljoen, waarvan EUR 4 miljoen voor "
            "transport.\n")
    ex = run(nlp, text)[1]
    return facts(ex, "kg:amountEUR"), facts(ex, "kg:contributor")


def test_a_dutch_letters_costs_of_a_mission_of_several_allies_are_dutch_and_a_share_is_not_counted(nlp):
    amounts, givers = _costs(nlp, "Nederlandse")
    assert {v for _, v in amounts} == {Decimal(12000000)}
    assert {o for _, o in givers} == {"country/nederland"}


def test_costs_of_a_mission_the_netherlands_is_not_in_have_no_giver(nlp):
    amounts, givers = _costs(nlp, "Belgische")
    assert not givers


def test_states_that_sign_at_a_summit_take_part_in_it(nlp):
    text = ("Den Haag, 9 oktober 2023\n\nVraag 2\nWat is er afgesproken?\n\nAntwoord\nTijdens de NAVO-top in "
            "Madrid op 29 en 30 juni 2022 hebben Nederland en Estland een intentieverklaring getekend over de "
            "oprichting van een gezamenlijk opleidingscentrum voor drones.\n")
    got = facts(run(nlp, text)[1], "kg:participant")
    assert {("summit/madrid-2022", "country/nederland"), ("summit/madrid-2022", "country/estland")} <= got


def test_a_signing_before_the_summit_or_denied_states_nothing(nlp):
    text = ("Den Haag, 9 oktober 2023\n\nAntwoord\nOp de NAVO-top in Madrid werd Zweden uitgenodigd, nadat "
            "Griekenland en Italië een verklaring hadden getekend. Tijdens de NAVO-top in Madrid heeft Malta "
            "de verklaring niet ondertekend.\n")
    got = facts(run(nlp, text)[1], "kg:participant")
    for country in ("griekenland", "italie", "malta"):
        assert not any(o == f"country/{country}" for _, o in got), country


def test_the_place_of_the_activity_by_which_a_country_takes_part_is_the_operations(nlp):
    text = ("Den Haag, 12 mei 2027\n\nAntwoord\nSinds februari patrouilleren twee Nederlandse mijnenjagers in "
            "Estland. Nederland draagt hiermee bij aan operatie Baltic Sentry, die de onderzeese kabels "
            "beschermt.\n\nOverig\nDe fregatten oefenen in Noorwegen. Nederland draagt ook bij aan operatie "
            "Northern Watch.\n")
    where = facts(run(nlp, text)[1], "schema:location")
    assert ("operation/baltic-sentry", "country/estland") in where
    assert not any(s == "operation/northern-watch" for s, _ in where)


def _norm_release(lead: str) -> str:
    return ("Persbericht | 12-05-2027\n\nPremier: \"Ankara wordt een belangrijke top\"\n\nDe minister-president heeft "
            "dinsdag de voorbereidingen besproken voor de NAVO-top, die op 7 en 8 juli 2027 in Ankara wordt "
            f"gehouden.\n\nUitgaven\n{lead} De nieuwe uitgavennorm vervangt de Defence Investment Pledge.\n")


def test_a_proposed_norm_that_replaces_a_pledge_is_a_new_pledge_of_the_summit(nlp):
    ex = run(nlp, _norm_release("De secretaris-generaal heeft voorgesteld dat bondgenoten uiterlijk in 2033 "
                                "4 procent van hun bbp aan defensie besteden."))[1]
    targets = facts(ex, "kg:targetPercentGDP")
    new = {s for s, v in targets if v == Decimal(4)}
    assert new and not new & {"pledge/defence-investment-pledge"}
    agreed = facts(ex, "kg:agreedAt")
    assert all(any(s == n and "ankara" in o for s, o in agreed) for n in new)
    assert not any(s == "pledge/defence-investment-pledge" and "ankara" in o for s, o in agreed)


def test_a_norm_stated_as_rejected_gives_no_pledge(nlp):
    ex = run(nlp, _norm_release("Een voorstel om 4 procent van het bbp aan defensie te besteden haalde het niet."))[1]
    assert not any(v == Decimal(4) for _, v in facts(ex, "kg:targetPercentGDP"))


def test_an_adversarys_forces_in_the_operations_paragraph_are_not_its_units(nlp):
    text = ("Den Haag, 2 juni 2027\n\nInzet\nNederland draagt bij aan operatie Northern Shield in Letland. "
            "Rusland stationeert sinds dit voorjaar troepen in Belarus. De Russische eenheden worden gelegerd "
            "bij Minsk. Portugal levert twee helikopters.\n")
    ex = run(nlp, text)[1]
    parts = facts(ex, "kg:participant")
    assert ("operation/northern-shield", "country/portugal") in parts
    assert not any(o in ("country/rusland", "country/belarus") for _, o in parts)
    assert not any(s == "operation/northern-shield" and o == "place/minsk" for s, o in facts(ex, "schema:location"))


def test_a_home_garrison_is_not_where_the_operation_is(nlp):
    text = ("Den Haag, 2 juni 2027\n\nInzet\nNederland draagt bij aan operatie Northern Shield in Litouwen. "
            "De Nederlandse eenheden zijn gelegerd in Oirschot en worden in januari verplaatst.\n")
    where = facts(run(nlp, text)[1], "schema:location")
    assert not any(o == "place/oirschot" for _, o in where)


def test_common_costs_an_organisation_states_are_no_allys_contribution(nlp):
    text = ("Den Haag, 3 maart 2027\n\nAntwoord\nNederland draagt met twee fregatten bij aan Operation Sea "
            "Guardian.\n\nVraag 2\nWat kost de operatie?\n\nAntwoord\nDe NAVO raamt de gemeenschappelijke "
            "kosten van Sea Guardian voor 2027 op EUR 30 miljoen.\n")
    assert not facts(run(nlp, text)[1], "kg:contributor")
