"""Places and pledges of the held-out letters e125-e130 (wave 8b): a town named after an article, a
country's adjective and a town noun (``de Noorse havenstad X``) is a Place in that country, also when
the reference lacks it; an English name on ``Commitment`` is a pledge. Own sentences."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _places(doc) -> dict:
    return {s.text: s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == "Place"}


@pytest.mark.parametrize("sentence, name, country", [
    ("De mariniers oefenen bij de Noorse havenstad Hammerfest.", "Hammerfest", "country/noorwegen"),
    ("Het detachement ligt in het Poolse grensdorp Dorohusk.", "Dorohusk", "country/polen"),
    ("De fregatten bezochten de Estse kustplaats Paldiski.", "Paldiski", "country/estland"),
])
def test_a_town_after_a_countrys_adjective_and_a_town_noun_is_a_place_there(nlp, sentence, name, country):
    doc, ex = run(nlp, "Den Haag, 4 mei 2031\n\n" + sentence + "\n", "town.txt")
    key = _places(doc).get(name)
    assert key is not None
    assert (key, country) in facts(ex, "kg:inCountry")


def test_a_town_noun_without_a_countrys_adjective_or_a_person_after_it_names_no_place(nlp):
    doc = nlp("De grote stad Hammerfest ligt ver weg. De Britse premier Sunak sprak in de stad.")
    assert "Hammerfest" not in _places(doc) and "Sunak" not in _places(doc)


def test_a_reference_place_keeps_its_own_country(nlp):
    _, ex = run(nlp, "Den Haag, 4 mei 2031\n\nZe reisden naar de Duitse stad Brussel.\n", "odd.txt")
    assert ("place/brussel", "country/duitsland") not in facts(ex, "kg:inCountry")


def test_carbis_bay_and_narvik_are_reference_places(nlp):
    doc = nlp("De G7 kwam bijeen in Carbis Bay. De oefening eindigt in Narvik.")
    assert {"Carbis Bay", "Narvik"} <= set(_places(doc))


@pytest.mark.parametrize("sentence, key", [
    ("De bondgenoten namen een nieuwe Enhanced Cyber Commitment aan.", "pledge/enhanced-cyber-commitment"),
    ("Op de top wordt een sterkere weerbaarheidsafspraak (Strengthened Space Commitment) aangenomen.",
     "pledge/strengthened-space-commitment"),
])
def test_an_english_name_on_commitment_is_a_pledge(nlp, sentence, key):
    doc = nlp(sentence)
    assert key in {s.kb_id_ for s in doc.spans["kg"] if s.label_ == "Pledge"}


@pytest.mark.parametrize("sentence, name, country", [
    ("De brigade oefent in de omgeving van het Zweedse Boden.", "Boden", "country/zweden"),
    ("De mariniers landden nabij het Finse Sodankylä.", "Sodankylä", "country/finland"),
])
def test_a_name_after_a_place_preposition_het_and_a_countrys_adjective_is_a_town_there(nlp, sentence, name, country):
    doc, ex = run(nlp, "Den Haag, 4 mei 2031\n\n" + sentence + "\n", "town2.txt")
    key = _places(doc).get(name)
    assert key is not None and (key, country) in facts(ex, "kg:inCountry")


@pytest.mark.parametrize("sentence, name", [
    ("Het debat in het Britse Lagerhuis duurde lang.", "Lagerhuis"),
    ("Zij sprak met leden van het Duitse Bureau voor Veiligheid.", "Bureau"),
    ("Het Noorse Rode Kruis hielp.", "Rode Kruis"),
])
def test_an_institution_after_het_and_an_adjective_is_no_town(nlp, sentence, name):
    assert name not in _places(nlp(sentence))
