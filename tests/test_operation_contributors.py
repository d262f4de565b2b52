"""Who takes part in an operation and where it is.

Operations of the blind texts of wave 4: where an operation is when its acronym stands in
brackets between its name and the place, and who takes part in the operation a letter is
about. Own sentences in the style of the letters about a mission.

Operations of the blind texts of wave 5: the state a mission protects, trains or supports, named
in a relative clause on the mission, is whom it serves, not who takes part. Own sentences."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _facts(nlp, text: str, name: str, predicate: str) -> set[tuple[str, str]]:
    ct = clean(SourceText(Path(name), text))
    ex = extract(nlp(ct.text), ct)
    return {(f.subject, f.object.key) for f in ex.facts
            if f.predicate == predicate and isinstance(f.object, Ref) and f.subject.startswith("operation/")}


def test_an_acronym_in_brackets_does_not_hide_the_operations_place(nlp):
    text = ("Den Haag, 2 mei 2031\n\nHet kabinet heeft besloten de Nederlandse deelname aan de "
            "Kosovo Force (KFOR) in Kosovo met een jaar te verlengen.\n")
    assert ("operation/kfor", "country/kosovo") in _facts(nlp, text, "kfor.txt", "schema:location")


LETTER = """Den Haag, 10 maart 2031

Onderwerp: afronding van de Nederlandse bijdrage aan KFOR

Met deze brief informeren wij u over de afronding van de Nederlandse bijdrage aan KFOR.

Verloop

De missie stond het afgelopen jaar onder leiding van een generaal uit het Zuiden van Europa. Naast bondgenoten als Hongarije en Turkije droegen ook partnerlanden bij, waaronder Oostenrijk en Zwitserland.

De Nederlandse bijdrage

Nederland draagt bij met ongeveer negentig militairen in Prizren. Italië treedt daar op als kaderland. Ook Slovenië levert in Prizren een bijdrage.
"""


def test_contributors_in_a_paragraph_about_the_letters_one_operation(nlp):
    got = {c for op, c in _facts(nlp, LETTER, "kfor-brief.txt", "kg:participant") if op == "operation/kfor"}
    # "droegen ook partnerlanden bij, waaronder ...", in a paragraph that speaks of "de missie"
    assert {"country/hongarije", "country/turkije", "country/oostenrijk", "country/zwitserland"} <= got
    # under "De Nederlandse bijdrage": "draagt bij met" names no recipient, so the paragraph is the mission's
    assert {"country/italie", "country/slovenie"} <= got


def test_no_letter_operation_when_the_letter_has_two(nlp):
    text = LETTER.replace("aan KFOR.\n", "aan KFOR. Nederland neemt ook deel aan Resolute Support.\n")
    facts = _facts(nlp, text, "twee.txt", "kg:participant")
    assert not {c for _, c in facts} & {"country/hongarije", "country/oostenrijk", "country/italie", "country/slovenie"}


def test_no_letter_operation_in_a_paragraph_about_a_meeting(nlp):
    text = LETTER.replace("De missie stond", "Tijdens de NAVO-top in Vilnius stond de missie")
    facts = _facts(nlp, text, "top.txt", "kg:participant")
    assert not {c for _, c in facts} & {"country/hongarije", "country/oostenrijk"}


def test_an_operation_held_in_one_country_is_there_when_its_sentence_names_it(nlp):
    text = ("Den Haag, 2 mei 2031\n\nNederland levert stafofficieren aan KFOR, dat sinds 1999 de veiligheid "
            "in het noorden van Kosovo bewaakt.\n")
    assert ("operation/kfor", "country/kosovo") in _facts(nlp, text, "kfor3.txt", "schema:location")
    # a country elsewhere in the paragraph is no statement of where the operation is
    text = ("Den Haag, 2 mei 2031\n\nNederland levert stafofficieren aan KFOR. De veiligheidssituatie in "
            "Kosovo is de afgelopen maanden stabiel gebleven.\n")
    assert ("operation/kfor", "country/kosovo") not in _facts(nlp, text, "kfor4.txt", "schema:location")


def _participants(nlp, text: str, name: str, op: str) -> set[str]:
    ct = clean(SourceText(Path(name), text))
    ex = extract(nlp(ct.text), ct)
    return {f.object.key for f in ex.facts
            if f.predicate == "kg:participant" and isinstance(f.object, Ref) and f.subject == op}


def test_the_state_a_mission_protects_in_a_relative_clause_takes_no_part(nlp):
    text = ("Den Haag, 2 mei 2031\n\nPolen levert sinds vorig jaar militairen aan de NAVO-missie KFOR, "
            "die Kosovo beveiligt en de lokale veiligheidsmacht adviseert.\n")
    assert _participants(nlp, text, "kfor.txt", "operation/kfor") == {"country/polen"}


def test_a_relative_clause_without_a_serving_verb_keeps_its_party(nlp):
    text = ("Den Haag, 2 mei 2031\n\nPolen levert sinds vorig jaar militairen aan de NAVO-missie KFOR, "
            "waaraan ook Oostenrijk deelneemt.\n")
    assert "country/polen" in _participants(nlp, text, "kfor2.txt", "operation/kfor")
