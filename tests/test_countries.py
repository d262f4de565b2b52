"""kg.extract.countries: kg:supports (coordinated lists) and kg:accessionDate."""
import datetime as dt
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def run(nlp, text):
    ct = clean(SourceText(Path("land.txt"), text))
    doc = nlp(ct.text)
    return extract(doc, ct)


def pairs(ex, predicate):
    return {(f.subject, f.object.key if isinstance(f.object, Ref) else f.object)
            for f in ex.facts if f.predicate == predicate}


def test_support_list_with_aan(nlp):
    ex = run(nlp, "Bondgenoten uitten hun zorgen over de steun van Cuba, Syrië en Venezuela aan Rusland.")
    assert pairs(ex, "kg:supports") == {("country/cuba", "country/rusland"), ("country/syrie", "country/rusland"),
                                        ("country/venezuela", "country/rusland")}


def test_support_to_adjective_target(nlp):
    ex = run(nlp, "Rusland voert oorlog tegen Oekraïne. Men sprak over de steun van Iran aan de Russische oorlogsindustrie.")
    assert ("country/iran", "country/rusland") in pairs(ex, "kg:supports")


def test_support_verb_after_list(nlp):
    ex = run(nlp, "Naar verwachting steunen Noorwegen en Denemarken Oekraïne ook in 2025. Finland en Polen steunen Oekraïne.")
    assert {("country/finland", "country/oekraine"), ("country/polen", "country/oekraine")} <= pairs(ex, "kg:supports")


def test_no_support_without_pattern(nlp):
    ex = run(nlp, "Cuba en Venezuela spraken met Rusland over handel.")
    assert not pairs(ex, "kg:supports")


def test_accession_date(nlp):
    ex = run(nlp, "De toetreding van Finland op 4 april 2023 versterkt het bondgenootschap.")
    assert pairs(ex, "kg:accessionDate") == {("country/finland", dt.date(2023, 4, 4))}


def test_accession_without_date_gives_nothing(nlp):
    ex = run(nlp, "De toetreding van Zweden werd hartelijk verwelkomd.")
    assert not pairs(ex, "kg:accessionDate")


def test_member_since_a_day(nlp):
    ex = run(nlp, "Zweden is sinds 7 maart 2024 lid van de NAVO en oefent mee in het noorden.")
    assert pairs(ex, "kg:accessionDate") == {("country/zweden", dt.date(2024, 3, 7))}
    ex = run(nlp, "Ook Noord-Macedonië, dat op 27 maart 2020 lid werd, stuurde een delegatie.")
    assert pairs(ex, "kg:accessionDate") == {("country/noord-macedonie", dt.date(2020, 3, 27))}


def test_member_since_needs_the_reference_day_and_nato(nlp):
    # another membership, another day, a country that never joined: nothing
    assert not pairs(run(nlp, "Zweden is sinds 1 januari 1995 lid van de Europese Unie."), "kg:accessionDate")
    assert not pairs(run(nlp, "Zweden is sinds 12 maart 2024 lid."), "kg:accessionDate")
    assert not pairs(run(nlp, "Oekraïne is sinds 4 april 2023 lid van de coalitie."), "kg:accessionDate")
