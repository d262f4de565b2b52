"""Operations and money of the held-out texts (wave 6): the state a sum or a mission is *for*
(``een storting in het fonds voor Moldavië``) is whom it serves, neither a participant nor a
contributor. Own sentences."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


_TEXT = ("Den Haag, 3 juni 2031\n\nHierbij informeer ik uw Kamer over de Belgische bijdrage aan KFOR "
         "en over een extra donatie aan het trustfonds voor Moldavië.\n")


def test_the_state_a_sum_is_for_takes_no_part_in_the_mission(nlp):
    _, ex = run(nlp, _TEXT, "kfor.txt")
    parts = facts(ex, "kg:participant")
    assert ("operation/kfor", "country/belgie") in parts
    assert ("operation/kfor", "country/moldavie") not in parts


def test_the_state_a_sum_is_for_is_no_contributor(nlp):
    _, ex = run(nlp, _TEXT, "kfor.txt")
    assert "country/moldavie" not in {o for _, o in facts(ex, "kg:contributor")}
    assert "country/belgie" in {o for _, o in facts(ex, "kg:contributor")}


def test_the_seat_of_a_missions_headquarters_is_where_it_is(nlp):
    text = ("Den Haag, 3 juni 2031\n\nHet hoofdkwartier van KFOR is sinds de start gevestigd op een "
            "voormalig fabrieksterrein in Pristina. Nederland levert twee stafofficieren.\n")
    _, ex = run(nlp, text, "seat.txt")
    assert ("operation/kfor", "place/pristina") in facts(ex, "schema:location")


def test_a_denied_seat_or_a_seat_of_something_else_states_nothing(nlp):
    text = ("Den Haag, 3 juni 2031\n\nHet hoofdkwartier van KFOR is niet gevestigd in Skopje. "
            "Het hoofdkwartier van de NAVO in Brussel ligt ver van KFOR in Pristina.\n")
    _, ex = run(nlp, text, "seat2.txt")
    assert not {o for s, o in facts(ex, "schema:location") if s == "operation/kfor"} & {"place/skopje", "place/brussel"}


def test_an_organisations_operation_compound_is_followed_by_the_operations_name(nlp):
    from kg.nlp.components.docindex import mentions
    doc = nlp("Het kabinet steunt de VN-missie Blue Harbour en de EU-operatie Sophia in de Middellandse Zee.")
    found = {(s.text, s.label_, s.kb_id_) for s in mentions(doc)}
    assert ("Blue Harbour", "Operation", "operation/blue-harbour") in found
    assert ("Sophia", "Operation", "operation/eunavfor-med-sophia") in found  # the reference's key
    assert ("EU-operatie", "Organisation", "organisation/europese-unie") in found


def test_a_capitalised_base_head_after_a_name_is_a_place(nlp):
    from kg.nlp.components.docindex import mentions
    doc = nlp("De staf werkt vanuit de George C. Marshall Kaserne bij Stuttgart. Kaserne is Duits voor kazerne.")
    found = {(s.text, s.label_) for s in mentions(doc)}
    assert ("George C. Marshall Kaserne", "Place") in found
    assert not any(t == "Kaserne" for t, _ in found)  # a head alone names nothing


def test_a_deposit_is_no_parliament_but_the_storting_with_capitals_is(nlp):
    from kg.nlp.components.docindex import mentions
    doc = nlp("Noorwegen doet een extra storting in het fonds. De minister sprak het Storting toe.")
    found = [(s.text, s.kb_id_) for s in mentions(doc) if s.label_ == "Organisation"]
    assert found == [("Storting", "organisation/storting")]


def test_a_body_after_an_indefinite_article_is_no_name_but_the_definite_one_is(nlp):
    from kg.nlp.components.docindex import mentions
    doc = nlp("Finland heeft een grote en goed getrainde landmacht. Daarnaast levert een deel van de landmacht "
              "twee compagnieën.")
    found = [(s.text, s.kb_id_) for s in mentions(doc) if s.label_ == "Organisation"]
    assert found == [("landmacht", "organisation/koninklijke-landmacht")]


def test_a_role_before_a_full_name_names_a_person(nlp):
    from kg.nlp.components.docindex import mentions
    doc = nlp("Regeringswoordvoerder Anna Virtanen bevestigde het bericht. Volgens de Britse oud-diplomaat "
              "J. Peter Hollis is dat te laat. De woordvoerder Defensie wilde niet reageren.")
    people = {(s.text, s.label_) for s in mentions(doc) if s.label_ == "Person"}
    assert people == {("Anna Virtanen", "Person"), ("J. Peter Hollis", "Person")}


def test_a_press_agency_and_a_base_named_by_their_nouns(nlp):
    from kg.nlp.components.docindex import mentions
    doc = nlp("Dat meldde het Poolse persbureau Gazeta Nord gisteren. De toestellen staan op de Roemeense "
              "basis Câmpia Turzii. Op basis Van het verdrag gebeurt niets.")
    found = {(s.text, s.label_) for s in mentions(doc)}
    assert ("Gazeta Nord", "Organisation") in found
    assert ("Câmpia Turzii", "Place") in found
    assert not any(t == "Van" for t, _ in found)


def test_partners_that_have_supplied_ships_to_the_paragraphs_operation_take_part(nlp):
    text = ("Den Haag, 3 juni 2031\n\nOperatie Sea Guardian patrouilleert sinds 2016 in de Middellandse Zee. "
            "Sinds 2019 hebben ook enkele partnerlanden fregatten gestuurd, waaronder Georgië en Marokko.\n")
    _, ex = run(nlp, text, "sg.txt")
    parts = {o for s, o in facts(ex, "kg:participant") if s == "operation/operation-sea-guardian"}
    assert {"country/georgie", "country/marokko"} <= parts


def test_a_plan_the_leaders_agreed_in_a_subordinate_clause_overeenkwamen(nlp):
    text = ("Den Haag, 3 juni 2019\n\nNederland houdt vast aan de Defence Investment Pledge, die de "
            "regeringsleiders tijdens de NAVO-top in Wales in september 2014 overeenkwamen.\n")
    _, ex = run(nlp, text, "dip.txt")
    assert ("pledge/defence-investment-pledge", "summit/newport-2014") in facts(ex, "kg:agreedAt")
