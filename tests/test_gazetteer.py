"""kg_fold + kg_gazetteer on sentences in the style of the letters."""
import pytest

from kg.nlp import make_pipeline
from kg.nlp.spans import mentions


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def found(nlp, text, cls=("Country", "Organisation", "Place")):
    doc = nlp(text)
    return {(s.label_, s.kb_id_, s.text) for s in mentions(doc) if s.label_ in cls}


def test_fold_sets_norm(nlp):
    doc = nlp("Roemenie en Zweden")
    assert doc[0].norm_ == "roemenie"


def test_countries_places_organisations(nlp):
    got = found(nlp, "Tijdens de NAVO-top in Madrid op 29 en 30 juni 2022 spraken de "
                     "bondgenoten met Finland, Zweden en Wit-Rusland niet, maar wel met de EU.")
    keys = {k for _, k, _ in got}
    assert {"place/madrid", "country/finland", "country/zweden", "country/belarus",
            "organisation/europese-unie"} <= keys


def test_accent_and_ocr_variants(nlp):
    keys = {k for _, k, _ in found(nlp, "De steun aan Roemenie en Kroatie blijft, aldus Belgie.")}
    assert keys == {"country/roemenie", "country/kroatie", "country/belgie"}


def test_adjectives_alone_create_no_entity(nlp):
    assert found(nlp, "De Noorse en Spaanse bijdragen tegen de Russische agressie.") == set()


def test_longest_match_wins(nlp):
    got = found(nlp, "De Veiligheidsraad van de Verenigde Naties nam resolutie 2401 aan.")
    assert got == {("Organisation", "organisation/vn-veiligheidsraad",
                    "Veiligheidsraad van de Verenigde Naties")}


def test_exact_case_alias(nlp):
    assert {k for _, k, _ in found(nlp, "Ik informeer uw Kamer graag.")} == {
        "organisation/tweede-kamer-der-staten-generaal"}
    assert found(nlp, "Zij zat in een kamer met uitzicht.") == set()


def test_name_broken_over_lines(nlp):
    got = found(nlp, "De dreiging van Zuid-\nKorea en Noord-\nMacedonië.")
    assert {k for _, k, _ in got} == {"country/zuid-korea", "country/noord-macedonie"}


def test_compound_head_names_organisation(nlp):
    got = found(nlp, "De EU-lidstaten en Navo-bondgenoten overlegden.")
    assert {k for _, k, _ in got} == {"organisation/europese-unie", "organisation/navo"}


def test_venue(nlp):
    got = found(nlp, "De ministers kwamen bijeen in het Witte Huis en later op het NAVO-hoofdkwartier.")
    assert {k for _, k, _ in got} == {"place/witte-huis", "place/navo-hoofdkwartier"}


def test_operations_from_reference_alone_and_as_compound_head(nlp):
    # Operations that letters name bare (no "missie"/"operatie" beside them).
    got = found(nlp, "Nederland droeg bij aan Isaf en later aan KFOR; de ISAF-partners en "
                     "Operation Sea Guardian werden besproken.", cls=("Operation",))
    assert {k for _, k, _ in got} == {"operation/isaf", "operation/kfor",
                                      "operation/operation-sea-guardian"}
    assert ("Operation", "operation/isaf", "ISAF-partners") in got


def test_name_after_a_lower_case_prefix(nlp):
    got = found(nlp, "De NAVO sluit zich aan bij de anti-ISIS coalitie; een anti-Russische toon.")
    assert {k for _, k, _ in got} == {"organisation/navo", "organisation/isis"}
