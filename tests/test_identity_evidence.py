"""Identity and evidence of meetings: summits named by host country and year, honest
evidence for values that come from the reference data."""
from __future__ import annotations

import pytest

from kg.nlp import make_pipeline
from kg.reference import summit_in_country

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def summit_keys(doc):
    return {s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == "Summit"}


# ---------------------------------------------------------------- summit by host country and year

def test_summit_in_country_needs_exactly_one_host_summit():
    assert summit_in_country("country/litouwen", 2023).key == "summit/vilnius-2023"
    assert summit_in_country("country/duitsland", 2023) is None  # hosted none that year
    assert summit_in_country("country/belgie", 1989) is None  # two in Brussels that year


def test_summit_named_by_year_and_host_country(nlp):
    text = ("Den Haag, 4 oktober 2022\n\nDe eerstvolgende NAVO-top zal in 2023 in Litouwen worden "
            "gehouden. Het kabinet bereidt die bijeenkomst zorgvuldig voor.\n")
    doc, ex = run(nlp, text)
    assert summit_keys(doc) == {"summit/vilnius-2023"}
    assert ("summit/vilnius-2023", "place/vilnius") in facts(ex, "schema:location")
    # the country is where the summit is, not its venue: no place Litouwen
    assert not any(k.startswith("place/") and "litouwen" in k for k in ex.entities)
    assert "NAVO-top Litouwen 2023" in ex.entities["summit/vilnius-2023"].alt_labels
    # place first, year after
    doc, _ex = run(nlp, "Den Haag, 4 oktober 2017\n\nDe top in België in 2018 staat in het teken van de lastenverdeling.\n")
    assert summit_keys(doc) == {"summit/brussel-2018"}


def test_a_country_that_hosted_no_summit_that_year_names_none(nlp):
    doc, _ex = run(nlp, "Den Haag, 4 oktober 2022\n\nDe NAVO-top vindt in 2023 in Duitsland plaats.\n")
    assert not summit_keys(doc)


# ---------------------------------------------------------------- one new norm per summit

def _new_norms(ex):
    return {s for s, _ in facts(ex, "kg:agreedAt") if s.startswith("pledge/") and s.endswith("-ankara-2026")}


def test_the_new_norm_of_a_summit_is_one_pledge_whatever_old_name_it_takes(nlp):
    # two letters call the one new spending norm of a summit by the names of two old norms
    a = ("Den Haag, 20 juli 2026\n\nOp de NAVO-top in Ankara zijn de bondgenoten de nieuwe NAVO-norm "
         "overeengekomen: 4 procent van het bbp voor defensie.\n")
    b = ("Den Haag, 22 juli 2026\n\nOp de NAVO-top in Ankara is een nieuwe Defence Investment Pledge "
         "overeengekomen van 4 procent van het bbp.\n")
    keys_a, keys_b = _new_norms(run(nlp, a)[1]), _new_norms(run(nlp, b)[1])
    assert keys_a and keys_a == keys_b


# ---------------------------------------------------------------- a region is no second venue

def test_a_summit_named_by_its_region_has_one_location_its_host_city(nlp):
    text = ("Den Haag, 12 maart 2016\n\nSinds de NAVO-top van 2014 in Wales verhogen de meeste bondgenoten "
            "hun defensie-uitgaven weer.\n")
    doc, ex = run(nlp, text)
    assert summit_keys(doc) == {"summit/newport-2014"}
    assert facts(ex, "schema:location") == {("summit/newport-2014", "place/newport")}
    # the host city carries the name with its region, so a question about "Wales" finds it
    assert "Newport (Wales)" in ex.entities["place/newport"].alt_labels
    assert not ex.entities["place/newport"].mentioned  # the text never names Newport itself
