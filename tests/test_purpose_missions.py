"""kg_units: a mission described by what it does and where ("de adviesmissie in Pristina",
"de opleidingsmissie in Mali") is the one operation the text names in that country; with
none named there, a mission of its own (in this document only) when the Netherlands
contributes to it; with two, or without a contribution, or "een ...missie" (one to come),
or a stem that is no mission's purpose ("evacuatieoperatie"), nothing."""
import pytest

from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def ops(nlp, text):
    doc = nlp(text)
    return {(s.text, s.kb_id_) for s in doc.spans.get("kg", []) if s.label_ == "Operation"}


def test_a_purpose_mission_in_a_town_is_the_one_operation_named_in_its_country(nlp):
    got = ops(nlp, "Nederland levert stafofficieren aan KFOR. Daarnaast draagt Nederland bij aan de "
                   "adviesmissie in Pristina.")
    assert ("adviesmissie in Pristina", "operation/kfor") in got
    assert not any("adviesmissie" in k for _, k in got)


def test_a_purpose_mission_the_netherlands_contributes_to_is_its_own_in_the_document(nlp):
    got = ops(nlp, "Het kabinet heeft besloten de inzet te verlengen. Tot eind 2019 blijft Nederland "
                   "bijdragen aan de opleidingsmissie in Mali.")
    assert ("opleidingsmissie in Mali", "operation/~opleidingsmissie-in-mali") in got


def test_a_purpose_mission_with_two_operations_in_its_country_is_none(nlp):
    got = ops(nlp, "Nederland levert trainers aan EUTM Mali en stafofficieren aan MINUSMA. Nederland "
                   "draagt ook bij aan de trainingsmissie in Mali.")
    assert not any(text.startswith("trainingsmissie") for text, _ in got)


def test_no_contribution_a_mission_to_come_or_another_purpose_is_none(nlp):
    got = ops(nlp, "De Verenigde Staten beëindigden de trainingsmissie in Niger. Nederland wil bijdragen "
                   "aan een trainingsmissie in Irak. Nederland leverde militairen aan Resolute Support. "
                   "Nederland nam deel aan de evacuatieoperatie in Kabul.")
    assert not any(text.startswith(("trainingsmissie", "evacuatieoperatie")) for text, _ in got)


def test_a_purpose_mission_in_iraq_is_the_coalitions_when_it_is_the_one_named(nlp):
    got = ops(nlp, "Nederland neemt met F-16's deel aan Operation Inherent Resolve. Ook blijft Nederland "
                   "bijdragen aan de adviesmissie in Irak.")
    assert ("adviesmissie in Irak", "operation/operation-inherent-resolve") in got
    both = ops(nlp, "Nederland neemt deel aan Operation Inherent Resolve en levert stafofficieren aan NATO "
                    "Mission Iraq. Ook blijft Nederland bijdragen aan de adviesmissie in Irak.")
    assert not any(text.startswith("adviesmissie") for text, _ in both)


def test_a_described_mission_the_netherlands_contributes_with_to_an_operation_is_a_part_of_it(nlp):
    # ident5 (e83): "met de <adjective> <purpose mission> in X bij aan <Operation>": the mission is the
    # Dutch contribution to that operation, a mission of its own, with its adjective in its name
    got = ops(nlp, "Nederland draagt met de gezamenlijke opleidingsmissie in Mosul bij aan Operation Inherent Resolve.")
    assert any(t == "gezamenlijke opleidingsmissie in Mosul" and "~" in k for t, k in got)
    # without "bij aan" it is still the one operation named in that country
    got = ops(nlp, "Nederland levert instructeurs aan Operation Inherent Resolve. Daarnaast draagt Nederland bij "
                   "aan de gezamenlijke opleidingsmissie in Mosul.")
    assert not any("~" in k for _, k in got)


def test_a_described_mission_given_as_a_contribution_to_an_operation_is_a_part_of_it(nlp):
    # prec6 (e53): "levert met de <mission> in X een bijdrage aan <Operation>" says what "draagt met ...
    # bij aan" says: the mission is the Dutch part of that operation, not another name of it
    got = ops(nlp, "Nederland levert met de gezamenlijke opleidingsmissie in Mosul een bijdrage aan "
                   "Operation Inherent Resolve.")
    assert not any(t.startswith("gezamenlijke opleidingsmissie") and k == "operation/operation-inherent-resolve"
                   for t, k in got)
    assert any(t == "gezamenlijke opleidingsmissie in Mosul" and "~" in k for t, k in got)
