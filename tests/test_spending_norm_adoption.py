"""A new spending norm named by a noun (``de nieuwe uitgavennorm``) that a clause says a summit will
adopt (wave 5, blind texts): the new NATO norm of that summit, agreed there, with the percentage
of GDP the sentences before propose. Own sentences in the style of a ministerial's report."""
from decimal import Decimal
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _pledge_facts(nlp, text: str, name: str) -> set[tuple]:
    ct = clean(SourceText(Path(name), text))
    ex = extract(nlp(ct.text), ct)
    return {(f.subject, f.predicate, f.object.key if isinstance(f.object, Ref) else f.object)
            for f in ex.facts if f.subject.startswith("pledge/")}


HEAD = "Den Haag, 21 februari 2025\n\nDefensie-uitgaven\n\n"


def test_a_new_norm_a_summit_is_expected_to_adopt_is_agreed_there(nlp):
    text = HEAD + ("De secretaris-generaal stelde voor dat iedere bondgenoot op termijn 3 procent van het bbp aan "
                   "defensie besteedt, aangevuld met 1 procent voor weerbaarheid. Een besluit over die nieuwe "
                   "uitgavennorm volgt later: naar verwachting zullen de regeringsleiders haar op de NAVO-top in "
                   "Den Haag vaststellen.\n")
    facts = _pledge_facts(nlp, text, "norm1.txt")
    assert ("pledge/nato-norm-den-haag-2025", "kg:agreedAt", "summit/den-haag-2025") in facts
    assert ("pledge/nato-norm-den-haag-2025", "kg:targetPercentGDP", Decimal(4)) in facts


def test_a_doubted_adoption_states_no_new_norm(nlp):
    text = HEAD + ("De secretaris-generaal stelde voor dat iedere bondgenoot op termijn 3 procent van het bbp aan "
                   "defensie besteedt. Over die nieuwe uitgavennorm is nog niets besloten; het is onzeker of de "
                   "regeringsleiders haar op de NAVO-top in Den Haag zullen aannemen.\n")
    facts = _pledge_facts(nlp, text, "norm2.txt")
    assert not [f for f in facts if f[0].startswith("pledge/nato-norm-")], facts
