"""Which contribution an amount is: the year, recipient and purpose each amount is paired with.

Contributions whose year or sentence a careless reading mixes up (wave 4, blind texts):
``respectievelijk`` between two amounts, and an amount abbreviation (``mln.``) that ends
a sentence. Own sentences in the style of the cost paragraphs of the letters.

An amount whose own purpose is a kind of aid (wave 5, blind texts): not the contribution of the
operation an earlier sentence of the paragraph names. Own sentences in the style of the reports.

A sentence that gives amounts to two recipients gives each its own: ``€ 5 mln bij aan KFOR en € 3 mln
aan EUFOR Althea``, ``voor KFOR en EUFOR Althea … € 12,5 mln respectievelijk € 3,2 mln``. Own sentences
in the style of a letter on the costs of missions."""
from decimal import Decimal
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import GYear, Ref, SourceText
from kg.nlp import make_pipeline

from extracting import contributions as _contributions


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


def _by_amount(cs: list[dict], amount: int) -> dict:
    found = [c for c in cs if c["kg:amountEUR"] == Decimal(amount)]
    assert len(found) == 1, cs
    return found[0]


def test_respectively_between_two_amounts_pairs_them_with_the_years_before():
    text = ("Den Haag, 4 juni 2030\n\nFinanciën\n\nDe meerkosten van de Nederlandse inzet in KFOR worden "
            "in 2031 en 2032 geraamd op € 9,4 mln respectievelijk € 8,8 mln.\n")
    cs = _contributions(text, "kfor.txt")
    assert _by_amount(cs, 9_400_000)["kg:year"] == GYear(2031)
    assert _by_amount(cs, 8_800_000)["kg:year"] == GYear(2032)
    assert all(c["kg:recipient"] == "operation/kfor" for c in cs)


def test_respectively_with_fewer_years_than_amounts_states_no_year():
    text = ("Den Haag, 4 juni 2030\n\nDe meerkosten van de Nederlandse inzet in KFOR worden "
            "vanaf 2031 geraamd op € 9,4 mln, € 8,8 mln respectievelijk € 7 mln.\n")
    cs = _contributions(text, "kfor2.txt")
    assert cs and all("kg:year" not in c for c in cs)


def test_an_amount_abbreviation_ends_its_sentence():
    # the next sentence's year and fund are not the first amount's
    text = ("Den Haag, 4 juni 2030\n\nKosovo\n\nDenemarken levert aan KFOR een bijdrage van € 6 mln. "
            "In 2031 draagt Denemarken voorts EUR 2 miljoen bij aan het Comprehensive Assistance Package.\n")
    cs = _contributions(text, "dk.txt")
    kfor = _by_amount(cs, 6_000_000)
    assert kfor["kg:recipient"] == "operation/kfor" and "kg:year" not in kfor
    cap = _by_amount(cs, 2_000_000)
    assert (cap["kg:recipient"], cap["kg:year"]) == ("initiative/comprehensive-assistance-package", GYear(2031))


def test_an_amount_abbreviation_inside_a_sentence_does_not_end_it():
    nlp = make_pipeline()
    sents = [s.text.strip() for s in nlp("De kosten bedragen € 6 mln. per jaar voor Nederland.").sents]
    assert sents == ["De kosten bedragen € 6 mln. per jaar voor Nederland."]
    sents = [s.text.strip() for s in nlp("Het gaat om EUR 3 mld. Daarnaast stelt Noorwegen middelen ter beschikking.").sents]
    assert sents == ["Het gaat om EUR 3 mld.", "Daarnaast stelt Noorwegen middelen ter beschikking."]


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
