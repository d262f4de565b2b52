"""Who takes part in the operation a letter is about: a sentence that places the contribution in a
country where that operation is not (``in Litouwen``, ``aan de trainingsmissie in Irak``) speaks
of another mission. Own sentences in the style of a letter about one mission."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


LETTER = """Den Haag, 14 april 2031

Onderwerp: voortzetting van de Nederlandse bijdrage aan KFOR

Met deze brief informeren wij u over het besluit om de Nederlandse bijdrage aan de NAVO-missie KFOR in Kosovo voort te zetten.

Internationale inzet

{}
"""


def _participants(nlp, body: str) -> set[str]:
    ct = clean(SourceText(Path("kfor-brief.txt"), LETTER.format(body)))
    ex = extract(nlp(ct.text), ct)
    return {f.object.key for f in ex.facts if f.predicate == "kg:participant" and isinstance(f.object, Ref)
            and f.subject == "operation/kfor"}


def test_a_contribution_placed_in_another_country_is_no_part_of_the_letters_operation(nlp):
    got = _participants(nlp, "Ook Portugal levert in Estland een bijdrage aan de battlegroup. Naast Nederland "
                             "leveren ook Griekenland en Tsjechië militairen aan de adviesmissie in Irak.")
    assert not got & {"country/portugal", "country/griekenland", "country/tsjechie"}


def test_a_contribution_in_the_operations_own_country_still_is(nlp):
    got = _participants(nlp, "Naast Nederland leveren ook Griekenland en Tsjechië militairen in Kosovo aan de missie.")
    assert {"country/griekenland", "country/tsjechie"} <= got


def test_a_framework_nation_there_in_another_country_leads_no_part_of_the_letters_operation(nlp):
    # "daar" is the battlegroup in Estland the sentence before names, not the letter's mission
    got = _participants(nlp, "Nederland levert ook een bijdrage aan de battlegroup in Estland. Portugal treedt daar "
                             "op als framework nation.")
    assert "country/portugal" not in got
    # in the operation's own country it does
    got = _participants(nlp, "Nederland draagt bij met ongeveer 80 militairen in Kosovo. Portugal treedt daar op als "
                             "framework nation.")
    assert "country/portugal" in got
