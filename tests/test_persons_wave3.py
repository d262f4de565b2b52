"""Persons, offices and places in forms the wave-3 blind texts showed: signature blocks
of ministers whose ministry has a long (or historic) name, monarchs with a regnal number,
venues (Elmau, royal palaces) and allied air bases. Sentences are our own."""

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


def _places(nlp, text):
    from kg.nlp.spans import mentions
    return {(s.text, s.kb_id_) for s in mentions(nlp(text)) if s.label_ == "Place"}


def test_a_royal_palace_without_its_city_is_the_one_of_the_city_its_paragraph_names(nlp):
    got = _places(nlp, "De ministers bezochten Stockholm. Zij werden 's avonds ontvangen in het Koninklijk Paleis.")
    assert ("Koninklijk Paleis", "place/koninklijk-paleis-van-stockholm") in got


def test_a_royal_palace_is_nothing_when_its_paragraph_names_no_city_or_two(nlp):
    for text in ("De Kamer kwam bijeen in Oslo.\n\nHet diner vond plaats in het Koninklijk Paleis.",
                 "Na Brussel reisde de minister naar Madrid, waar hij in het Koninklijk Paleis sprak.",
                 "In Londen en Madrid wordt overlegd; het Koninklijk Paleis is gastheer."):
        assert not any(key.startswith("place/koninklijk-paleis") for _, key in _places(nlp, text)), text


def test_allied_air_bases_are_places_in_their_country(nlp):
    from kg import reference
    got = _places(nlp, "De F-35's oefenden vanaf Ørland; de Patriots staan op de vliegbasis Sliac.")
    assert {("Ørland", "place/orland"), ("Sliac", "place/sliac")} <= got
    assert reference.load().get("place/sliac").country == "country/slowakije"


def test_a_form_of_address_may_open_the_apposition_to_an_office(nlp):
    from kg.nlp.spans import mentions
    doc = nlp("Ik reis naar Vilnius samen met de minister van Buitenlandse Zaken, de heer Van Dijk, "
              "en de staatssecretaris van Defensie, mevrouw Jansen.")
    got = {(s.label_, s.kb_id_, s.text) for s in mentions(doc) if s.label_ in ("Person", "Minister")}
    assert ("Minister", "person/van-dijk", "Van Dijk") in got
    roles = {(o.person, o.role) for o in doc.user_data["kg_offices"]}
    assert ("person/van-dijk", "minister van Buitenlandse Zaken") in roles
    assert ("person/jansen", "staatssecretaris van Defensie") in roles
