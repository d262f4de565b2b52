"""Contributions whose year or sentence a careless reading mixes up (wave 4, blind texts):
``respectievelijk`` between two amounts, and an amount abbreviation (``mln.``) that ends
a sentence. Own sentences in the style of the cost paragraphs of the letters."""
from decimal import Decimal
from pathlib import Path

from kg.clean import clean
from kg.extract import extract
from kg.model import GYear, Ref, SourceText
from kg.nlp import make_pipeline


def _contributions(text: str, name: str) -> list[dict]:
    ct = clean(SourceText(Path(name), text))
    ex = extract(make_pipeline()(ct.text), ct)
    out: dict[str, dict] = {}
    for f in ex.facts:
        if f.subject.startswith("contribution/"):
            out.setdefault(f.subject, {})[f.predicate] = f.object.key if isinstance(f.object, Ref) else f.object
    return [c for c in out.values() if "kg:amountEUR" in c]


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
