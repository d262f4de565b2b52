"""kg.extract.money: contributions with contributor, recipient, amount and year."""
from decimal import Decimal
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import GYear, Ref, SourceText
from kg.nlp import make_pipeline

TEXT = """Werksessie 1: NATO-Georgia Commission

Noorwegen kondigde een aanvullende bijdrage van EUR 12,5 miljoen aan voor het Comprehensive Training Package (CTP) van de NAVO, waarmee Noorwegen met een totale bijdrage van EUR 40 miljoen de grootste donor is.

Voortzetting bijdrage operatie Northern Shield

Sinds 2021 levert Denemarken een bijdrage aan operatie Northern Shield, een trainingsmissie in Estland. De kosten van de bijdrage worden geraamd op € 3 miljoen voor 2026.
"""


@pytest.fixture(scope="module")
def ex():
    ct = clean(SourceText(Path("geld.txt"), TEXT))
    doc = make_pipeline()(ct.text)
    return extract(doc, ct)


def contributions(ex):
    out = {}
    for f in ex.facts:
        if f.subject.startswith("contribution/"):
            val = f.object.key if isinstance(f.object, Ref) else f.object
            out.setdefault(f.subject, {})[f.predicate] = val
    return sorted(out.values(), key=lambda c: c["kg:amountEUR"])


def test_contribution_in_one_sentence(ex):
    cs = contributions(ex)
    ctp = [c for c in cs if c["kg:amountEUR"] == Decimal(12_500_000)]
    assert ctp and ctp[0]["kg:contributor"] == "country/noorwegen"
    assert ctp[0]["kg:recipient"] == "initiative/comprehensive-training-package"
    assert "kg:year" not in ctp[0]


def test_totals_are_not_contributions(ex):
    assert all(c["kg:amountEUR"] != Decimal(40_000_000) for c in contributions(ex))


def test_contributor_and_recipient_from_the_section(ex):
    cs = [c for c in contributions(ex) if c["kg:amountEUR"] == Decimal(3_000_000)]
    assert cs == [{"kg:contributor": "country/denemarken", "kg:recipient": "operation/northern-shield",
                   "kg:amountEUR": Decimal(3_000_000), "kg:year": GYear(2026)}]


def test_contribution_entity_is_a_helper_node(ex):
    ents = [e for e in ex.entities.values() if e.cls == "Contribution"]
    assert len(ents) == 2 and not any(e.mentioned for e in ents)


def test_operation_country(ex):
    assert any(f.subject == "operation/northern-shield" and f.predicate == "kg:inCountry"
               and f.object == Ref("country/estland") for f in ex.facts)
