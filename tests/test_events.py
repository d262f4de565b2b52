"""kg_events + kg.extract.events: meetings, their dates, places, sessions, participants."""
import datetime as dt
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline

from extracting import facts, run

DMM_2019 = """Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Defensie op 13 en 14 februari 2019 in Brussel.

De Minister van Defensie,
A.B. Jansen

Werksessie 1: NATO-Georgia Commission

Tijdens deze sessie spreken de ministers in aanwezigheid van Georgië over de hervormingen van de krijgsmacht.

Werksessie 2: Voorbereiding NAVO-top in Londen

De ministers blikken vooruit op de NAVO-top in Londen op 3 en 4 december 2019. Voor deze sessie zijn ook Finland en Zweden uitgenodigd.

Werkdiner met partners

Tijdens het werkdiner spreken de ministers over de Westelijke Balkan.
"""

MADRID = """Den Haag, 17 juni 2022

Hierbij bieden wij u de geannoteerde agenda aan voor de NAVO-top in Madrid van 28 tot 30 juni 2022.

Zoals op de NAVO-top in Brussel (14 juni 2021) werd afgesproken, bespreken de ministers op de Defensieministeriële van 16 en 17 juni de uitvoering daarvan.

Op de Madrid-top zullen bondgenoten ook spreken over de Haagse top van 2025 en de NAVO-top in Vilnius van volgend jaar.
"""


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_defence_ministerial_identity_dates_place(nlp):
    doc, ex = run(nlp, DMM_2019)
    assert doc.user_data["kg_events"]["main"] == "ministerial/dmm-2019-02"
    assert ("ministerial/dmm-2019-02", dt.date(2019, 2, 13)) in facts(ex, "schema:startDate")
    assert ("ministerial/dmm-2019-02", dt.date(2019, 2, 14)) in facts(ex, "schema:endDate")
    assert ("ministerial/dmm-2019-02", "place/brussel") in facts(ex, "schema:location")
    assert (ex.doc_key, "ministerial/dmm-2019-02") in facts(ex, "kg:concerns")


def test_sessions_from_headings_and_participants(nlp):
    _doc, ex = run(nlp, DMM_2019)
    sessions = {o for s, o in facts(ex, "kg:hasSession") if s == "ministerial/dmm-2019-02"}
    assert len(sessions) == 3
    parts = facts(ex, "kg:participant")
    georgia = [s for s, o in parts if o == "country/georgie"]
    assert georgia and all(s in sessions for s in georgia)
    london = next(s for s in sessions if "londen" in s)
    assert {(london, "country/finland"), (london, "country/zweden")} <= parts
    # every relation carries its sentence, exactly as it stands in the source
    for f in ex.facts:
        if isinstance(f.object, Ref):
            assert f.evidence is not None
            assert DMM_2019[f.evidence.start:f.evidence.end] == f.evidence.sentence


def test_summit_named_in_a_session(nlp):
    _doc, ex = run(nlp, DMM_2019)
    assert ("summit/londen-2019", dt.date(2019, 12, 3)) in facts(ex, "schema:startDate")
    assert ("summit/londen-2019", "place/londen") in facts(ex, "schema:location")


def test_two_meetings_in_one_sentence_and_context_year(nlp):
    doc, ex = run(nlp, MADRID)
    starts = facts(ex, "schema:startDate")
    assert ("summit/madrid-2022", dt.date(2022, 6, 28)) in starts
    assert ("summit/brussel-2021", dt.date(2021, 6, 14)) in starts
    # "van 16 en 17 juni" has no year: the letter's year (2022) is carried over
    assert ("ministerial/dmm-2022-06", dt.date(2022, 6, 16)) in starts
    assert ("ministerial/dmm-2022-06", dt.date(2022, 6, 17)) in facts(ex, "schema:endDate")
    assert (ex.doc_key, "summit/madrid-2022") in facts(ex, "kg:concerns")


def test_summit_without_year_and_adjective_forms(nlp):
    doc, _ex = run(nlp, MADRID)
    keys = {s.kb_id_ for s in doc.spans["kg"] if s.label_ == "Summit"}
    texts = {s.text for s in doc.spans["kg"] if s.kb_id_ == "summit/madrid-2022"}
    assert "Madrid-top" in texts
    assert {"summit/den-haag-2025", "summit/vilnius-2023"} <= keys  # "van 2025"; "volgend jaar" from the letter's date
    info = doc.user_data["kg_entities"]["summit/madrid-2022"]
    assert info["label"] == "NAVO-top Madrid 2022"


def test_bare_top_is_not_a_summit(nlp):
    doc = nlp("De top zal in het teken staan van Oekraïne. Het kabinet steunt de plannen.")
    assert not [s for s in doc.spans.get("kg", []) if s.label_ == "Summit"]


SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.mark.skipif(not SEEDS, reason="no seed letters")
def test_every_relation_of_these_rules_quotes_its_source_exactly(nlp):
    mine = ("events.", "pledges.", "money.", "countries.")
    seen = 0
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        ct = clean(SourceText(path, text))
        ex = extract(nlp(ct.text), ct)
        for f in ex.facts:
            if isinstance(f.object, Ref) and f.evidence and f.evidence.rule.startswith(mine):
                seen += 1
                assert text[f.evidence.start:f.evidence.end] == f.evidence.sentence
            if isinstance(f.object, Ref) and f.predicate.startswith(("kg:participant", "kg:hasSession",
                                                                     "kg:agreedAt", "kg:supports")):
                assert f.evidence is not None
    assert seen > 50


MADRID_REPORT = """Den Haag, 12 juli 2022

Hierbij sturen wij u het verslag van de NAVO-top die op 28 tot en met 30 juni jl. in Madrid, Spanje heeft plaatsgevonden.

De minister van Buitenlandse Zaken,
W.B. Hoekstra

Op 29 juni vond een vergadering van de Noord-Atlantische Raad plaats in aanwezigheid van de Finse president Niinistö. Voor deze vergadering waren ook Japan en Australië uitgenodigd.

De volgende NAVO-top vindt plaats in Vilnius op 11 en 12 juli 2023.
"""


def test_council_meeting_in_running_text_is_a_session(nlp):
    _doc, ex = run(nlp, MADRID_REPORT)
    assert (ex.doc_key, "summit/madrid-2022") in facts(ex, "kg:concerns")
    assert ("summit/madrid-2022", dt.date(2022, 6, 30)) in facts(ex, "schema:endDate")
    sessions = {o for s, o in facts(ex, "kg:hasSession") if s == "summit/madrid-2022"}
    assert len(sessions) == 1
    session = sessions.pop()
    parts = {o for s, o in facts(ex, "kg:participant") if s == session}
    assert {"country/japan", "country/australie"} <= parts
    assert any(p.startswith("person/niinist") for p in parts)
    assert "person/hoekstra" not in parts  # the signature block is no participant


def test_place_in_country_from_text(nlp):
    _doc, ex = run(nlp, MADRID_REPORT)
    assert ("place/madrid", "country/spanje") in facts(ex, "kg:inCountry")
    # the next summit is another node, with its own dates
    assert ("summit/vilnius-2023", dt.date(2023, 7, 11)) in facts(ex, "schema:startDate")
