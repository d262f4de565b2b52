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


# ---------------------------------------------------------------- honest evidence for reference values

def _evidence(ex, predicate, subject):
    return next(f.evidence for f in ex.facts if f.predicate == predicate and f.subject == subject)


def test_reference_values_quote_the_sentence_that_states_them(nlp):
    text = ("Den Haag, 3 juli 2023\n\nHet kabinet informeert uw Kamer over de NAVO-top van 11 en 12 juli. "
            "De regeringsleiders ontmoeten elkaar op de top in Vilnius.\n")
    _doc, ex = run(nlp, text)
    key = "summit/vilnius-2023"
    start, end = _evidence(ex, "schema:startDate", key), _evidence(ex, "schema:endDate", key)
    place = _evidence(ex, "schema:location", key)
    assert "11 en 12 juli" in start.sentence and start == end and "Vilnius" not in start.sentence
    assert "Vilnius" in place.sentence and "juli" not in place.sentence
    assert text[place.start:place.end] == place.sentence


def test_a_value_no_sentence_states_is_the_reference_datas(nlp):
    from kg.model import ReferenceEvidence

    # the text names the summit by its place and year: its days come from the reference data
    text = "Den Haag, 2 september 2024\n\nOp de NAVO-top in Washington in 2024 werd het 75-jarig bestaan gevierd.\n"
    _doc, ex = run(nlp, text)
    key = "summit/washington-2024"
    assert isinstance(_evidence(ex, "schema:startDate", key), ReferenceEvidence)
    assert isinstance(_evidence(ex, "schema:endDate", key), ReferenceEvidence)
    assert not isinstance(_evidence(ex, "schema:location", key), ReferenceEvidence)
    # "de top van 9 tot en met 11 juli" states both days, and no place
    text = "Den Haag, 1 juli 2024\n\nDe regeringsleiders komen bijeen op de NAVO-top van 9 tot en met 11 juli.\n"
    _doc, ex = run(nlp, text)
    assert not isinstance(_evidence(ex, "schema:startDate", key), ReferenceEvidence)
    assert not isinstance(_evidence(ex, "schema:endDate", key), ReferenceEvidence)
    assert isinstance(_evidence(ex, "schema:location", key), ReferenceEvidence)


def test_reference_values_stand_in_the_reference_graph_not_the_documents(tmp_path):
    from rdflib import Dataset, URIRef

    from kg.cli import main

    doc = tmp_path / "brief.txt"
    doc.write_text("Den Haag, 2 september 2024\n\nOp de NAVO-top in Washington in 2024 werd het "
                   "75-jarig bestaan gevierd.\n", encoding="utf-8")
    out = tmp_path / "kg.trig"
    assert main(["build", str(doc), "-o", str(out), "--jobs", "1"]) == 0
    ds = Dataset()
    ds.parse(out, format="trig")
    summit = URIRef("https://w3id.org/navo-kg/id/summit/washington-2024")
    start = URIRef("https://schema.org/startDate")
    graphs = {str(g) for _s, _p, _o, g in ds.quads((summit, start, None, None))}
    assert graphs == {"https://w3id.org/navo-kg/id/graph/reference"}
    sources = {str(o) for _s, _p, o, _g in ds.quads((summit, URIRef("http://purl.org/dc/terms/source"), None, None))}
    assert any("nato.int" in s for s in sources)
    # no evidence record quotes a sentence for a date it does not state
    rule = URIRef("https://w3id.org/navo-kg/def#rule")
    pred = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate")
    quoted = {ev for ev, _p, _o, _g in ds.quads((None, rule, None, None))}
    assert not any((ev, pred, start) in ds for ev in quoted)


# ---------------------------------------------------------------- a second given name is no surname

def _people(nlp, text, name="brief.txt"):
    from kg.resolve import resolve

    _doc, ex = run(nlp, text, name)
    (out,) = resolve([ex])
    return {k: e for k, e in out.entities.items() if e.cls in ("Person", "Minister")}


def test_a_second_given_name_leaves_the_surname_when_the_text_uses_the_last_word_alone(nlp):
    # a person with two given names, later called by the surname alone: one person, keyed by it
    people = _people(nlp, "Den Haag, 3 maart 2031\n\nDe minister ontving haar Deense collega Mette Louise "
                          "Sørvang. Tijdens het gesprek benadrukte minister Sørvang de steun aan de Baltische staten.\n")
    keys = {k for k in people}
    assert len(keys) == 1 and "louise" not in next(iter(keys))
    people = _people(nlp, "Den Haag, 3 maart 2031\n\nDe minister sprak met zijn IJslandse collega Gunnar Thor "
                          "Haraldsson. Volgens Haraldsson blijft de noordelijke zeeroute kwetsbaar.\n")
    assert set(people) == {"person/haraldsson"}
    # the other document that names him by his surname alone gets the same key
    assert "person/haraldsson" in _people(nlp, "Den Haag, 9 maart 2031\n\nDaarna sprak minister Haraldsson met de pers.\n")


def test_a_name_the_text_never_shortens_keeps_its_key(nlp):
    # no bare last word inside a sentence: at a sentence start or as part of another name it says nothing
    people = _people(nlp, "Den Haag, 3 maart 2031\n\nDe minister sprak met zijn IJslandse collega Gunnar Thor "
                          "Haraldsson.\nHaraldsson Fjord is een bekende plek. De route langs Haraldsson Fjord is kwetsbaar.\n")
    assert "person/thor-haraldsson" in people


# ---------------------------------------------------------------- how news and letters name a summit's place

def test_a_place_after_het_and_an_adjective_of_its_land(nlp):
    text = ("Nieuwsbericht | 12-07-2023 | 18:00\n\nDe regeringsleiders kwamen vandaag bijeen op de NAVO-top "
            "in het Litouwse Vilnius. Zij spraken over de steun aan Oekraïne.\n")
    doc, ex = run(nlp, text)
    assert summit_keys(doc) == {"summit/vilnius-2023"}
    assert ex.entities["place/vilnius"].mentioned


def test_a_joined_name_of_two_host_cities_is_no_place_of_its_own(nlp):
    text = ("Den Haag, 2 mei 2009\n\nOp de top van Straatsburg-Kehl in april 2009 vierden de bondgenoten "
            "het zestigjarig bestaan van het bondgenootschap.\n")
    doc, ex = run(nlp, text)
    assert summit_keys(doc) == {"summit/straatsburg-kehl-2009"}
    places = {o for s, o in facts(ex, "schema:location") if s == "summit/straatsburg-kehl-2009"}
    assert places == {"place/straatsburg", "place/kehl"}
    assert not any(k.startswith("place/straatsburg-") for k in ex.entities)
