"""A sentence that gives amounts to two recipients gives each its own: ``€ 5 mln bij aan KFOR en € 3 mln
aan EUFOR Althea``, ``voor KFOR en EUFOR Althea … € 12,5 mln respectievelijk € 3,2 mln``. Own sentences
in the style of a letter on the costs of missions."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


HEAD = "Den Haag, 14 april 2031\n\nOnderwerp: Nederlandse bijdragen aan missies\n\n{}\n"


def _pairs(nlp, body: str) -> set[tuple[int, str]]:
    ct = clean(SourceText(Path("kosten.txt"), HEAD.format(body)))
    ex = extract(nlp(ct.text), ct)
    got: dict[str, dict] = {}
    for f in ex.facts:
        if f.subject.startswith("contribution/"):
            o = f.object.key if isinstance(f.object, Ref) else getattr(f.object, "value", f.object)
            got.setdefault(f.subject, {})[f.predicate] = o
    return {(int(d["kg:amountEUR"]), d["kg:recipient"]) for d in got.values()}


def test_each_amount_goes_to_the_recipient_beside_it(nlp):
    got = _pairs(nlp, "Nederland draagt in 2031 € 6 mln bij aan KFOR en € 2 mln aan EUFOR Althea.")
    assert (2_000_000, "operation/kfor") not in got
    assert {(6_000_000, "operation/kfor"), (2_000_000, "operation/eufor-althea")} <= got


def test_respective_amounts_pair_with_the_recipients_in_order(nlp):
    got = _pairs(nlp, "De uitgaven van Nederland voor KFOR en EUFOR Althea worden in 2031 geraamd op € 14,5 mln "
                      "respectievelijk € 2,7 mln.")
    assert (2_700_000, "operation/kfor") not in got
    assert {(14_500_000, "operation/kfor"), (2_700_000, "operation/eufor-althea")} <= got


def test_amounts_that_do_not_pair_off_with_two_recipients_go_to_neither(nlp):
    got = _pairs(nlp, "Nederland draagt in 2031 € 6 mln en € 1 mln bij aan KFOR en EUFOR Althea samen.")
    assert not {a for a, _ in got} & {6_000_000, 1_000_000}
