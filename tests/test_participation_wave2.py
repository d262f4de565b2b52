"""kg.extract.events: more ways reports and agendas state who takes part in their meeting:
a title, then the name between commas, as the subject of an act of taking part; a hedge
after a ';' that hedges only its own part of the sentence."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def extraction(nlp, text: str, name: str = "nieuws.txt"):
    ct = clean(SourceText(Path(name), text))
    return extract(nlp(ct.text), ct)


def participants(ex, subject_prefix: str) -> set[str]:
    return {f.object.key for f in ex.facts if f.predicate == "kg:participant"
            and isinstance(f.object, Ref) and f.subject.startswith(subject_prefix)}


SUMMIT = "summit/ankara-2026"

ACTS = """NAVO-top in Ankara afgesloten

Nieuwsbericht | 08-07-2026 | 20:00

De NAVO-top in Ankara is woensdag afgesloten met een slotverklaring. De Turkse president, Mehmet Kaya, trad op als gastheer. Voor de Belgische premier, Luc Peeters, was het de laatste top; zijn opvolger Jan Claes was nog niet beëdigd en was niet aanwezig.

Voor de Deense premier, Mette Holm, was het de eerste top; dat is overigens niet zeker. De Franse president Paul Girard zou gastheer zijn; de Spaanse premier, Juan Ortiz, nam niet het woord.
"""


def test_a_title_then_the_name_between_commas_is_the_subject_of_the_act(nlp):
    got = participants(extraction(nlp, ACTS), SUMMIT)
    assert {"person/kaya", "person/peeters"} <= got


def test_a_hedge_after_a_semicolon_hedges_its_own_part_only(nlp):
    got = participants(extraction(nlp, ACTS), SUMMIT)
    assert "person/peeters" in got
    assert "person/claes" not in got   # "was niet aanwezig"
    assert "person/holm" not in got    # "; dat is ... niet zeker" points back at the part before
    assert "person/girard" not in got  # "zou gastheer zijn"
    assert "person/ortiz" not in got   # "nam niet het woord"
