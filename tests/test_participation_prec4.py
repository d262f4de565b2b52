"""kg.extract.events: which meeting a person attends, and meetings of the members as news states them."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def facts(nlp, text: str):
    ct = clean(SourceText(Path("nieuws.txt"), text))
    return extract(nlp(ct.text), ct).facts


def participants(nlp, text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object.key) for f in facts(nlp, text)
            if f.predicate == "kg:participant" and isinstance(f.object, Ref)}


RECALLED = """Bondgenoten eens over nieuwe doelen

ANKARA, 7 juli 2026 (ANP) - De NAVO-landen hebben dinsdag tijdens de top in Ankara nieuwe doelen voor de luchtverdediging vastgesteld.

Premier Pieter van Dijk, die in Ankara wordt vergezeld door minister Anna de Graaf (Buitenlandse Zaken), herinnerde aan het besluit dat in 2018 op de NAVO-top in Brussel werd genomen over de gevechtsgereedheid.

Minister Karel Smit (Defensie) was tevreden, omdat op de NAVO-top in Warschau in 2016 nog geen akkoord over de luchtverdediging werd bereikt, vergezeld door zijn staf.
"""


def test_a_meeting_in_a_relative_clause_is_not_the_one_attended(nlp):
    got = participants(nlp, RECALLED)
    people = {"person/van-dijk", "person/de-graaf", "person/smit"}
    assert not any(s.startswith("summit/") and not s.startswith("summit/ankara") and o in people for s, o in got)


def test_a_meeting_the_participation_clause_names_is_still_attended(nlp):
    text = RECALLED.replace("herinnerde aan het besluit dat in 2018 op de NAVO-top in Brussel werd genomen",
                            "zei dat hij in 2018 ook aanwezig was op de NAVO-top in Brussel")
    got = participants(nlp, text)
    assert ("summit/brussel-2018", "person/van-dijk") in got
