"""Persons and offices in forms the wave-3 blind texts showed: signature blocks of
ministers whose ministry has a long (or historic) name, monarchs with a regnal number, and venues (Elmau)."""

import pytest

from kg.nlp import make_pipeline
from extracting import read_people


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def facts(ctx, pred):
    return sorted((f.subject, f.object.key) for f in ctx.extraction.facts if f.predicate == pred)


def test_signature_of_a_minister_with_a_long_ministry_name(nlp):
    text = ("Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.\n\n"
            "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,\nH.J. Verhoeven\n\n"
            "De Minister van Volksgezondheid, Welzijn en Sport,\nW. de Graaf\n")
    ctx = read_people(nlp, text)
    doc = ctx.extraction.doc_key
    assert facts(ctx, "kg:signatory") == [(doc, "person/de-graaf"), (doc, "person/verhoeven")]
    offices = facts(ctx, "kg:holdsOffice")
    assert ("person/verhoeven", "office/minister-van-binnenlandse-zaken-en-koninkrijksrelaties-nl") in offices
    assert ("person/de-graaf", "office/minister-van-volksgezondheid-welzijn-en-sport-nl") in offices
    assert ctx.extraction.entities["person/verhoeven"].cls == "Minister"


def test_a_minister_of_economic_affairs_and_climate_in_running_text(nlp):
    ctx = read_people(nlp, "Daarover sprak ik met de minister van Economische Zaken en Klimaat, R.S. Kuipers, in Den Haag.")
    assert ("person/kuipers", "office/minister-van-economische-zaken-en-klimaat-nl") in facts(ctx, "kg:holdsOffice")


def test_a_regnal_number_is_part_of_the_monarchs_name(nlp):
    ctx = read_people(nlp, "In Oslo ontving koning Harald V de delegatie; later sprak koning Frederik X van "
                           "Denemarken de gasten toe.")
    ents = ctx.extraction.entities
    assert ents["person/harald-v"].label == "Harald V"
    assert ents["person/frederik-x"].label == "Frederik X"
    assert "person/harald" not in ents and "person/frederik" not in ents


def test_the_g7_venue_elmau_is_a_place(nlp):
    from kg.nlp.spans import mentions
    doc = nlp("De regeringsleiders van de G7 kwamen in 2015 bijeen op Schloss Elmau, in de Beierse Alpen.")
    got = {(s.text, s.kb_id_) for s in mentions(doc) if s.label_ == "Place"}
    assert ("Schloss Elmau", "place/elmau") in got
