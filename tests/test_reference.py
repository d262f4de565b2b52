"""Reference data: countries (CLDR + curated), organisations, places, offices."""
from kg import reference
from kg.reference import nato_members

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "make_reference", Path(__file__).resolve().parent.parent / "scripts" / "make_reference.py")
make_reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_reference)


def test_all_countries_with_dutch_names_and_iso_codes():
    ref = reference.load()
    countries = [e for e in ref.entities.values() if e.cls == "Country"]
    assert len(countries) >= 240
    no = ref.lookup("Noorwegen")
    assert no.iso2 == "NO" and no.iso3 == "NOR" and no.key == "country/noorwegen"
    assert no.same_as == "http://www.wikidata.org/entity/Q20"


def test_variants_and_short_forms():
    ref = reference.load()
    assert ref.lookup("Wit-Rusland").label == "Belarus"
    assert ref.lookup("VS").label == "Verenigde Staten"
    assert ref.lookup("Roemenie").label == "Roemenië"  # accent-insensitive
    assert ref.lookup("Groot-Brittannië").key == "country/verenigd-koninkrijk"


def test_adjectives_name_countries():
    ref = reference.load()
    assert ref.country_of_adjective("Noorse").label == "Noorwegen"
    assert ref.country_of_adjective("Spaanse").label == "Spanje"
    assert ref.country_of_adjective("Zuid-Koreaanse").label == "Zuid-Korea"
    assert ref.country_of_adjective("Oekraiense").label == "Oekraïne"
    assert ref.country_of_adjective("Noorwegen") is None
    assert ref.lookup("Spaanse") is None  # an adjective is not a name


def test_adjective_rules():
    rules = [["ië", "ische"], ["land", "landse"], ["", "se"]]
    assert make_reference.derive_adjective("Moldavië", rules) == "Moldavische"
    assert make_reference.derive_adjective("Groenland", rules) == "Groenlandse"


def test_nato_members_and_accession():
    members = nato_members()
    assert len(members) == 32
    assert members["country/spanje"] == "1982-05-30"
    assert members["country/noord-macedonie"] == "2020-03-27"
    assert "country/oostenrijk" not in members


def test_organisations_and_places():
    ref = reference.load()
    assert ref.lookup("NATO").key == "organisation/navo"
    assert ref.lookup("North Atlantic Council").label == "Noord-Atlantische Raad"
    assert ref.lookup("EAPR").cls == "Organisation"
    madrid = ref.lookup("Madrid")
    assert madrid.cls == "Place" and madrid.country == "country/spanje"
    assert ref.lookup("White House").label == "Witte Huis"


def test_offices():
    ref = reference.load()
    pm = ref.office_for("premier")
    assert pm.role == "minister-president" and pm.minister
    assert pm.default_jurisdiction == "country/nederland"
    sg = ref.office_for("secretaris-generaal")
    assert not sg.minister and sg.default_jurisdiction == "organisation/navo"


def test_a_summit_looked_ahead_to_months_before_is_no_extraordinary_one():
    """'De volgende top, in 2022' in a letter of June 2021: of 2022's three summits, the two
    extraordinary ones (February, March) were called at short notice, so it is Madrid."""
    import datetime as dt
    ahead = reference.match_summit(year=2022, doc_date=dt.date(2021, 6, 4), tense="future")
    assert ahead is not None and ahead.key == "summit/madrid-2022"
    # days before it, an extraordinary summit can be meant, and a text naming the kind still gets it
    soon = reference.match_summit(year=2022, month=2, doc_date=dt.date(2022, 2, 20), tense="future")
    assert soon is not None and soon.key == "summit/online-2022"
    named = reference.match_summit(year=2022, month=3, kind="extraordinary", doc_date=dt.date(2021, 6, 4),
                                   tense="future")
    assert named is not None and named.key == "summit/brussel-2022"
