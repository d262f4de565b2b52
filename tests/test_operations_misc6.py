"""Operations of the blind texts of wave 5: the state a mission protects, trains or supports, named
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
