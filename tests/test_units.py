"""kg_units: military units named by their type noun become Organisation mentions."""
import pytest

from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def units(nlp, text):
    doc = nlp(text)
    return {(s.text, s.kb_id_) for s in doc.spans.get("kg", []) if s.label_ == "Organisation"}


def test_numbered_and_named_units(nlp):
    got = units(nlp, "De 13 Lichte Brigade en het Korps Commandotroepen oefenen in Noorwegen. "
                     "Ook 322 Squadron en het Commando Zeestrijdkrachten nemen deel.")
    assert ("13 Lichte Brigade", "organisation/13-lichte-brigade") in got
    assert ("Korps Commandotroepen", "organisation/korps-commandotroepen") in got
    assert ("322 Squadron", "organisation/322-squadron") in got
    assert ("Commando Zeestrijdkrachten", "organisation/commando-zeestrijdkrachten") in got


def test_a_bare_type_noun_or_a_country_adjective_is_no_name(nlp):
    got = units(nlp, "Dit jaar groeit de Brigade. Een Poolse Brigade staat klaar. Het Korps is er ook.")
    assert not any("brigade" in k or "korps" in k for _, k in got)


def test_an_organisations_mission_named_by_where_it_is(nlp):
    doc = nlp("Nederland levert een bijdrage aan de EU-missie in Somalië. De VN-missies in Mali en Libanon krimpen.")
    ops = {(s.text, s.kb_id_) for s in doc.spans["kg"] if s.label_ == "Operation"}
    assert ops == {("EU-missie in Somalië", "operation/eu-missie-in-somalie")}


def test_reference_units_by_their_number_and_name(nlp):
    """Units in ontology/reference/organisations.json are found by their full names too."""
    doc = nlp("Eenheden van 11 Luchtmobiele Brigade en het Korps Mariniers oefenen in Noorwegen; "
              "43 Gemechaniseerde Brigade levert de compagnie.")
    orgs = {s.text for s in doc.spans["kg"] if s.label_ == "Organisation"}
    assert {"11 Luchtmobiele Brigade", "Korps Mariniers", "43 Gemechaniseerde Brigade"} <= orgs


def test_a_mission_named_in_apposition_to_its_description(nlp):
    doc = nlp("Nederland blijft deelnemen aan de rechtsstaatmissie van de Europese Unie, EULEX Kosovo, "
              "die in Pristina is gevestigd. Ook de nieuwe adviesmissie, EUAM Irak. Over de operatie, "
              "Defensie heeft besloten tot verlenging. De trainingsmissie van de EU, Duitsland en Frankrijk loopt.")
    ops = {(s.text, s.kb_id_) for s in doc.spans["kg"] if s.label_ == "Operation"}
    assert {"EULEX Kosovo", "EUAM Irak"} <= {text for text, _ in ops}
    assert not any("defensie" in k or "duitsland" in k for _, k in ops)  # no acronym, or a known name


def test_one_states_initiative_or_fund_by_its_adjective(nlp):
    doc = nlp("Zweden stort EUR 20 miljoen in het Deense drone-initiatief. Ook het Noorse wapenfonds groeit. "
              "Het Franse initiatief wacht nog. Een Pools trainingsinitiatief volgt.")
    inits = {s.text for s in doc.spans["kg"] if s.label_ == "Initiative"}
    assert inits == {"Deense drone-initiatief", "Noorse wapenfonds"}


def test_a_described_mission_is_the_one_operation_the_text_names_there(nlp):
    # e44: "de NAVO-operatie in Libië" beside "operatie Unified Protector" is that operation, no second IRI
    doc = nlp("Vragen over de Nederlandse inzet in de NAVO-missie in Kosovo. Nederland levert sinds 2008 "
              "stafofficieren aan KFOR. Ook de EU-missie in Kosovo, EULEX, kreeg steun.")
    ops = {(s.text, s.kb_id_) for s in doc.spans["kg"] if s.label_ == "Operation"}
    assert ("NAVO-missie in Kosovo", "operation/kfor") in ops
    assert not any(k == "operation/navo-missie-in-kosovo" for _, k in ops)


def test_a_described_mission_with_two_candidates_stays_its_own(nlp):
    # ISAF and Resolute Support were both NATO's in Afghanistan: which one is meant is unknown
    doc = nlp("De NAVO-missie in Afghanistan volgde ISAF op; Resolute Support begon in 2015.")
    ops = {s.kb_id_ for s in doc.spans["kg"] if s.label_ == "Operation"}
    assert "operation/isaf" in ops and "operation/resolute-support" in ops
    assert not any(s.text == "NAVO-missie in Afghanistan" and s.kb_id_ in ("operation/isaf", "operation/resolute-support")
                   for s in doc.spans["kg"])
