"""An amount whose own purpose is a kind of aid (wave 5, blind texts): not the contribution of the
operation an earlier sentence of the paragraph names. Own sentences in the style of the reports."""
from decimal import Decimal
from pathlib import Path

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


def _contributions(text: str, name: str) -> list[dict]:
    ct = clean(SourceText(Path(name), text))
    ex = extract(make_pipeline()(ct.text), ct)
    out: dict[str, dict] = {}
    for f in ex.facts:
        if f.subject.startswith("contribution/"):
            out.setdefault(f.subject, {})[f.predicate] = f.object.key if isinstance(f.object, Ref) else f.object
    return [c for c in out.values() if "kg:amountEUR" in c]


def test_an_amount_for_aid_of_its_own_is_not_the_earlier_operations():
    text = ("Den Haag, 2 maart 2031\n\nIrak\n\nNederland levert instructeurs aan NATO Mission Iraq. "
            "Daarnaast heeft de regering voor 2031 EUR 120 miljoen voor humanitaire hulp aan Irak uitgetrokken.\n")
    cs = _contributions(text, "aid.txt")
    assert not [c for c in cs if c["kg:amountEUR"] == Decimal(120_000_000)], cs


def test_an_amount_without_a_purpose_still_goes_to_the_paragraphs_operation():
    text = ("Den Haag, 2 maart 2031\n\nIrak\n\nNederland levert instructeurs aan NATO Mission Iraq. "
            "Daarvoor heeft de regering voor 2031 EUR 12 miljoen uitgetrokken.\n")
    cs = _contributions(text, "noaid.txt")
    assert [c["kg:recipient"] for c in cs if c["kg:amountEUR"] == Decimal(12_000_000)] == ["operation/navo-missie-irak"], cs


def test_an_amount_set_aside_for_the_aid_to_a_state_is_not_the_earlier_funds():
    text = ("Den Haag, 2 maart 2031\n\nSteun\n\nNederland draagt bij aan het Comprehensive Assistance Package. "
            "Het kabinet heeft voor 2031 EUR 900 miljoen uitgetrokken voor de militaire steun aan Oekraïne.\n")
    cs = _contributions(text, "aid2.txt")
    assert not [c for c in cs if c["kg:amountEUR"] == Decimal(900_000_000)], cs
