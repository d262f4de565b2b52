"""Operations of the blind texts of wave 4: where an operation is when its acronym stands in
brackets between its name and the place, and who takes part in the operation a letter is
about. Own sentences in the style of the letters about a mission."""
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
