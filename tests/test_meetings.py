"""Meeting identity: reference summits, how mentions resolve to them, ministerial
and session keys, and document-scoped keys for what fits nothing."""
import datetime as dt
import json
from pathlib import Path

import pytest

from kg import reference
from kg.errors import KGError
from kg.nlp import make_pipeline
from kg.reference import match_summit, read_summits
from kg.resolve import resolve, scoped_key

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def keys(doc, cls):
    return {s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == cls}


# ---------------------------------------------------------------- reference data

def test_every_summit_has_place_year_key_dates_and_a_source():
    summits = reference.summits()
    assert len(summits) >= 38
    assert len({s.key for s in summits}) == len(summits)
    for s in summits:
        assert s.start <= s.end and s.source and s.label and s.label_en
        assert s.key.startswith("summit/") and str(s.start.year) in s.key
    special = {s.key: s.kind for s in summits}
    assert special["summit/brussel-2017"] == "special"
    assert special["summit/londen-2019"] == "leaders-meeting"
    assert special["summit/brussel-2022"] == "extraordinary"


def _write(tmp_path, rows) -> Path:
    p = tmp_path / "summits.json"
    p.write_text(json.dumps({"summits": rows}), "utf-8")
    return p


GOOD = {"id": "rome-1991", "kind": "summit", "start": "1991-11-07", "end": "1991-11-08", "place": "Rome",
        "country": "IT", "name_nl": "NAVO-top Rome 1991", "name_en": "1991 Rome Summit", "source": ["x"]}


@pytest.mark.parametrize("rows, problem", [
    ([{**GOOD, "end": "1991-11-06"}], "end 1991-11-06 before start 1991-11-07"),
    ([GOOD, {**GOOD, "name_nl": "b", "name_en": "c"}], "id 'rome-1991' also used by entry 1"),
    ([GOOD, {**GOOD, "id": "rome-2002", "name_en": "2002 Rome Summit"}], "name 'NAVO-top Rome 1991' is also a name"),
    ([{**GOOD, "place_aliases": ["Latium"]},
      {**GOOD, "id": "riga-2006", "place": "Riga", "country": "LV", "name_nl": "r", "name_en": "s",
       "place_aliases": ["Latium"]}], "alias 'Latium' is also an alias"),
    ([{**GOOD, "start": "7 november 1991"}], "dates must be YYYY-MM-DD"),
    ([{**GOOD, "kind": "dinner"}], "kind 'dinner' is not one of"),
    ([{k: v for k, v in GOOD.items() if k != "source"}], "missing field 'source'"),
])
def test_bad_summit_file_is_a_one_line_error_naming_file_and_entry(tmp_path, rows, problem):
    path = _write(tmp_path, rows)
    with pytest.raises(KGError) as err:
        read_summits(path)
    msg = str(err.value)
    assert "\n" not in msg and str(path) in msg and "entry " in msg and problem in msg


def test_malformed_summit_json_is_a_one_line_error(tmp_path):
    p = tmp_path / "summits.json"
    p.write_text('{"summits": [', "utf-8")
    with pytest.raises(KGError, match="malformed JSON") as err:
        read_summits(p)
    assert "\n" not in str(err.value) and str(p) in str(err.value)


def test_match_summit_needs_more_than_a_name():
    assert match_summit("Riga") is None  # a place alone: no date, no document date
    assert match_summit("Riga", doc_date=dt.date(2006, 10, 2)).key == "summit/riga-2006"
    assert match_summit("Rome", year=1991).key == "summit/rome-1991"
    assert match_summit("Rome", year=1995) is None  # no summit there that year
    # by date only: 28 June is within one summit only
    assert match_summit(month=6, day=29, doc_date=dt.date(2022, 5, 1)).key == "summit/madrid-2022"
    # several places share a day: the tense and the document's date choose
    assert match_summit("Brussel", doc_date=dt.date(2021, 7, 1), tense="past").key == "summit/brussel-2021"
    # the next one in Brussel after July 2021 was the extraordinary summit of March 2022,
    # called at short notice: a letter of July 2021 cannot look ahead to it
    assert match_summit("Brussel", doc_date=dt.date(2021, 7, 1), tense="future") is None
    assert match_summit("Brussel", doc_date=dt.date(2022, 3, 10), tense="future").key == "summit/brussel-2022"
    assert match_summit("Straatsburg", days=2, year=2009).key == "summit/straatsburg-kehl-2009"
    assert match_summit(kind="leaders-meeting", doc_date=dt.date(2019, 11, 20)).key == "summit/londen-2019"


# ---------------------------------------------------------------- summits in text

def test_year_before_the_summit_is_its_own_not_the_letters(nlp):
    text = ("Den Haag, 2 maart 2019\n\nDe bondgenoten werken verder aan de afspraken die in 2006 "
            "tijdens de NAVO-top in Riga zijn gemaakt.\n")
    doc, ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/riga-2006"}
    assert ("summit/riga-2006", dt.date(2006, 11, 28)) in facts(ex, "schema:startDate")


def test_tense_and_letter_date_pick_the_coming_summit(nlp):
    text = ("Den Haag, 5 februari 2024\n\nDe ministers bereidden zich voor op de NAVO-top in "
            "Washington D.C. Daar zal de NAVO haar verjaardag vieren.\n")
    doc, ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/washington-2024"}
    assert ("summit/washington-2024", "place/washington-d-c") in facts(ex, "schema:location")


def test_a_present_passive_is_no_past(nlp):
    # "wordt gehouden": the coming summit there, not the last one before the letter
    text = "Den Haag, 2 juni 2018\n\nDe NAVO-top in Brussel wordt voor het eerst in het nieuwe hoofdkwartier gehouden.\n"
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/brussel-2018"}
    # "zijn gemaakt": a perfect stays past, whatever else the sentence says
    text = "Den Haag, 2 maart 2019\n\nDe afspraken die op de NAVO-top in Riga zijn gemaakt, worden nu uitgevoerd.\n"
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/riga-2006"}


def test_summit_named_by_its_days_only(nlp):
    text = ("Den Haag, 15 juni 2018\n\nVoor de NAVO-top van 11 en 12 juli zet het kabinet in op een "
            "eerlijker verdeling van de lasten.\n")
    doc, ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/brussel-2018"}
    assert ("summit/brussel-2018", "place/brussel") in facts(ex, "schema:location")
    # the host city comes from the reference data: the text does not mention it
    assert not ex.entities["place/brussel"].mentioned


def test_summits_named_by_kind(nlp):
    text = ("Den Haag, 25 november 2019\n\nDe minister-president neemt op 3 en 4 december in Londen deel aan "
            "de NAVO Leaders' Meeting, waar de regeringsleiders het zeventigjarig bestaan van het "
            "bondgenootschap markeren. Eerder, tijdens de speciale bijeenkomst van staatshoofden en "
            "regeringsleiders in 2017, ging het vooral over de lastenverdeling.\n")
    doc, ex = run(nlp, text)
    assert {"summit/londen-2019", "summit/brussel-2017"} <= keys(doc, "Summit")
    spans = {s.text for s in doc.spans["kg"] if s.kb_id_ == "summit/londen-2019"}
    assert any("Leaders" in t for t in spans)


def test_length_of_the_summit_picks_the_year(nlp):
    # Rome hosted a two-day summit (1991) and a one-day one (2002)
    doc, _ex = run(nlp, "Na afloop van de eendaagse NAVO-top in Rome sprak de minister-president met de pers.\n")
    assert keys(doc, "Summit") == {"summit/rome-2002"}


def test_summit_dated_by_the_days_the_text_names(nlp):
    text = ("Op de tweede dag van de NAVO-top in Vilnius spraken de leiders over Oekraïne. "
            "Woensdag 12 juli volgde de bijeenkomst met Zelensky.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/vilnius-2023"}


def test_other_tops_are_no_nato_summit(nlp):
    doc, _ex = run(nlp, "Den Haag, 1 juni 2023\n\nNa de EU-top en de G7-top volgt overleg.\n")
    assert not keys(doc, "Summit")


def test_summit_fitting_none_is_scoped_to_its_document(nlp):
    # no summit was ever held in Tallinn: the mention keeps a key of its own document
    text = "Den Haag, 3 mei 2021\n\nDe minister sprak over een NAVO-top in Tallinn.\n"
    _doc, ex = run(nlp, text, "notitie-a.txt")
    (out,) = resolve([ex])
    summits = {k for k, e in out.entities.items() if e.cls == "Summit"}
    assert summits == {f"summit/{out.doc_key.split('/')[1]}-tallinn"}


# ---------------------------------------------------------------- ministerials

def test_undated_ministerials_of_two_documents_are_two_meetings(nlp):
    text = "De ministers van Defensie kwamen bijeen om over de lastenverdeling te spreken.\n"
    _d1, a = run(nlp, text, "bericht-een.txt")
    _d2, b = run(nlp, text, "bericht-twee.txt")
    ra, rb = resolve([a, b])
    ma = {k for k, e in ra.entities.items() if e.cls == "MinisterialMeeting"}
    mb = {k for k, e in rb.entities.items() if e.cls == "MinisterialMeeting"}
    assert ma and mb and not ma & mb
    assert scoped_key("ministerial/~dmm", "document/bericht-een") == "ministerial/bericht-een-dmm"
    assert scoped_key("ministerial/dmm-2020-10", "document/x") == "ministerial/dmm-2020-10"


def test_ministerial_month_from_the_letter_and_headquarters_in_brussels(nlp):
    text = ("Den Haag, 30 september 2021\n\nHierbij de geannoteerde agenda voor de bijeenkomst van de "
            "NAVO-ministers van Defensie op 21 en 22 oktober a.s. te Brussel.\n\n"
            "De vergadering van de Noord-Atlantische Raad in de samenstelling van ministers van Buitenlandse "
            "Zaken, die op 3 en 4 december jl. op het NAVO-hoofdkwartier plaatsvond, bracht weinig nieuws.\n")
    doc, ex = run(nlp, text)
    assert "ministerial/dmm-2021-10" in keys(doc, "MinisterialMeeting")
    assert ("ministerial/dmm-2021-10", dt.date(2021, 10, 21)) in facts(ex, "schema:startDate")
    assert ("ministerial/dmm-2021-10", "place/brussel") in facts(ex, "schema:location")
    # "jl." in a September letter: last December
    assert ("ministerial/fmm-2020-12", "place/brussel") in facts(ex, "schema:location")


# ---------------------------------------------------------------- sessions

AGENDA = """Den Haag, 1 maart 2031

Hierbij de geannoteerde agenda voor de NAVO Foreign Ministers Meeting (FMM) van 4 en 5 april 2031 in Brussel.

Werksessie 2: Bijeenkomst met de partners in het Noordpoolgebied

Tijdens deze werksessie spreken de ministers met IJsland en Groenland.
"""

REPORT = """Den Haag, 20 april 2031

Hierbij het verslag van de NAVO Foreign Ministers Meeting (FMM) van 4 en 5 april 2031 in Brussel.

Bijeenkomst met partners in het Noordpoolgebied

In deze sessie spraken de ministers over de veiligheid in het hoge noorden.
"""


def test_one_session_across_agenda_and_report(nlp):
    _d1, agenda = run(nlp, AGENDA, "agenda.txt")
    _d2, report = run(nlp, REPORT, "verslag.txt")
    alone = [{o for s, o in facts(ex, "kg:hasSession")} for ex in (agenda, report)]
    assert alone[0] == alone[1] and len(alone[0]) == 1
    joint = resolve([agenda, report])
    assert {o for ex in joint for s, o in facts(ex, "kg:hasSession")} == alone[0]


def test_one_start_date_per_meeting_across_documents(nlp):
    agenda = ("Den Haag, 1 maart 2031\n\nHierbij de geannoteerde agenda voor de NAVO Foreign Ministers "
              "Meeting (FMM) van 4 en 5 april 2031 in Brussel.\n")
    note = "Den Haag, 2 april 2031\n\nDe FMM van 5 april 2031 staat in het teken van Oekraïne.\n"
    _d1, a = run(nlp, agenda, "agenda.txt")
    _d2, b = run(nlp, note, "notitie.txt")
    assert ("ministerial/fmm-2031-04", dt.date(2031, 4, 5)) in facts(b, "schema:startDate")
    starts = {o for ex in resolve([a, b]) for s, o in facts(ex, "schema:startDate") if s == "ministerial/fmm-2031-04"}
    ends = {o for ex in resolve([a, b]) for s, o in facts(ex, "schema:endDate") if s == "ministerial/fmm-2031-04"}
    assert starts == {dt.date(2031, 4, 4)} and ends == {dt.date(2031, 4, 5)}


def test_more_ways_to_name_a_summit(nlp):
    text = ("Den Haag, 10 april 2022\n\nNa de buitengewone NAVO-top van maart volgt de Top van Madrid. "
            "De afspraken van de Chicago Summit van 2012 blijven van belang.\n")
    doc, _ex = run(nlp, text)
    assert {"summit/brussel-2022", "summit/madrid-2022", "summit/chicago-2012"} <= keys(doc, "Summit")


def test_month_without_year_looks_back_from_the_letter(nlp):
    text = ("Den Haag, 2 maart 2027\n\nHierbij de geannoteerde agenda voor de NAVO Foreign Ministers Meeting "
            "(FMM) van 6 en 7 april 2027.\n\nSinds de vorige FMM in december jl. is de steun aan Oekraïne "
            "verder gegroeid.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/fmm-2027-04", "ministerial/fmm-2026-12"}


def test_last_summer_and_a_news_items_date_line(nlp):
    text = ("Nieuwsbericht | 14-10-2024 | 11:02\n\nDe afspraken van de NAVO-top in Washington afgelopen zomer "
            "worden nu uitgevoerd.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/washington-2024"}


def test_other_organisations_summits_in_a_nato_city_are_no_nato_summit(nlp):
    text = "Den Haag, 1 maart 2018\n\nOp de Europese top in Brussel spraken de regeringsleiders over migratie.\n"
    doc, _ex = run(nlp, text)
    assert not keys(doc, "Summit")


def test_the_meeting_a_document_is_the_agenda_of(nlp):
    text = ("Den Haag, 10 maart 2023\n\nIn aanloop naar de NAVO-top in Vilnius bied ik u hierbij de "
            "geannoteerde agenda aan voor de NAVO Foreign Ministers Meeting (FMM) van 4 en 5 april 2023.\n")
    doc, ex = run(nlp, text)
    assert doc.user_data["kg_events"]["main"] == "ministerial/fmm-2023-04"
    assert (ex.doc_key, "ministerial/fmm-2023-04") in facts(ex, "kg:concerns")


def test_a_plain_ministerial_takes_the_kind_of_the_letter(nlp):
    text = ("BRIEF VAN DE MINISTER VAN DEFENSIE\n\nDen Haag, 1 oktober 2030\n\nHierbij de geannoteerde agenda "
            "voor de NAVO ministeriële bijeenkomst van 22 en 23 oktober 2030.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc, "MinisterialMeeting") == {"ministerial/dmm-2030-10"}


def _checker():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "check_meeting_identity", Path(__file__).resolve().parent.parent / "scripts" / "check_meeting_identity.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_seeds_build_keeps_the_meeting_identity_invariants(seeds_build, tmp_path):
    from kg.cli import main

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    alone = []
    for path in seeds[:2]:  # two of them built alone: their meeting IRIs are the joint build's
        out = tmp_path / (path.stem + ".trig")
        assert main(["build", str(path), "-o", str(out), "-q"]) == 0
        alone.append(str(out))
    assert _checker().check(str(seeds_build.trig), alone) == []


def test_invariant_checker_finds_a_split_and_an_undated_summit(tmp_path):
    trig = tmp_path / "bad.trig"
    trig.write_text("""@prefix kg: <https://w3id.org/navo-kg/def#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/navo-kg/id/document/a> {
  <https://w3id.org/navo-kg/id/summit/x-2030> a kg:Summit ; schema:startDate "2030-07-01"^^xsd:date ;
      schema:location <https://w3id.org/navo-kg/id/place/x> .
  <https://w3id.org/navo-kg/id/summit/x> a kg:Summit ; schema:startDate "2030-07-02"^^xsd:date ;
      schema:location <https://w3id.org/navo-kg/id/place/x> .
  <https://w3id.org/navo-kg/id/summit/y> a kg:Summit .
}
""", "utf-8")
    bad = _checker().check(str(trig), [])
    assert any("sharing place" in b for b in bad) and any("without start date" in b for b in bad)


WARSAW_AGENDA = ("Den Haag, 24 juni 2016\n\nHierbij ontvangt u de geannoteerde agenda van de NAVO-top, die op 8 en "
                 "9 juli a.s. in Warschau wordt gehouden.\n\nOp 8 juli vergadert de Noord-Atlantische Raad van "
                 "staatshoofden en regeringsleiders. Op 9 juli volgt een KFOR-bijeenkomst, waarvoor Servië is "
                 "uitgenodigd.\n")


def test_a_separately_named_gathering_ends_the_councils_session(nlp):
    text = WARSAW_AGENDA
    doc, _ex = run(nlp, text)
    nar = next(s for s in doc.user_data["kg_events"]["sessions"] if "noord-atlantische-raad" in s["key"])
    kfor = text.index("KFOR") - 1  # the clean text equals the input here
    assert all(not (a <= kfor < b) for a, b in nar["scopes"])


def test_a_gathering_named_by_its_format_is_a_session_of_its_own(nlp):
    text = WARSAW_AGENDA
    _doc, ex = run(nlp, text)
    sessions = {o for s, o in facts(ex, "kg:hasSession") if s == "summit/warschau-2016"}
    assert "session/warschau-2016-kfor" in sessions
    assert ("session/warschau-2016-kfor", "country/servie") in facts(ex, "kg:participant")


def test_the_letters_date_and_tense_rule_out_a_summit():
    # "de NAVO-top van 8 en 9 juli a.s." in a 2030 letter is no summit of 2016
    assert match_summit("Warschau", month=7, day=8, doc_date=dt.date(2030, 6, 2), tense="future") is None
    assert match_summit("Warschau", month=7, day=8, doc_date=dt.date(2016, 6, 24), tense="future").key == \
        "summit/warschau-2016"
    # "jl." looks back: Vilnius 2023 from a letter of 2022 does not fit
    assert match_summit("Vilnius", month=7, day=11, doc_date=dt.date(2022, 8, 1), tense="past") is None


def test_a_session_heading_run_into_its_paragraph_still_opens_a_session(nlp):
    text = ("Den Haag, 1 november 2031\n\nHierbij de geannoteerde agenda voor de NAVO Foreign Ministers Meeting "
            "(FMM) van 2 en 3 december 2031.\n\n"
            "Werkdiner NATO-Ukraine Council\n\nTijdens het werkdiner spreken de ministers met Oekraïne.\n"
            "Werksessie Partners in de Kaukasus Daarnaast spreken de ministers over de Kaukasus. "
            "Voor deze sessie is ook Armenië uitgenodigd.\n")
    _doc, ex = run(nlp, text)
    parts = facts(ex, "kg:participant")
    caucasus = "session/fmm-2031-12-partners-kaukasus"
    assert caucasus in {o for s, o in facts(ex, "kg:hasSession")}
    assert (caucasus, "country/armenie") in parts
    assert ("session/fmm-2031-12-nato-ukraine-council", "country/armenie") not in parts


def test_a_letter_that_recalls_an_old_summit_does_not_concern_it(nlp):
    text = ("Den Haag, 12 maart 2019\n\nTijdens de NAVO-top in Warschau in juli 2016 besloten de bondgenoten tot "
            "een versterkte aanwezigheid in het oosten. Het kabinet verlengt de Nederlandse bijdrage.\n")
    _doc, ex = run(nlp, text)
    assert not facts(ex, "kg:concerns")
    # a summit of the weeks before the letter still is what it is about
    text = ("Den Haag, 30 juli 2016\n\nTijdens de NAVO-top in Warschau besloten de bondgenoten tot "
            "een versterkte aanwezigheid in het oosten.\n")
    _doc, ex = run(nlp, text)
    assert (ex.doc_key, "summit/warschau-2016") in facts(ex, "kg:concerns")


def test_a_news_item_dates_its_weekday_by_its_numeric_date_line(nlp):
    text = ("Minister naar Brussel\n\nNieuwsbericht | 02-06-2031\n\nDe minister van Defensie neemt donderdag 5 juni "
            "deel aan de bijeenkomst van de NAVO-ministers van Defensie.\n")
    doc, ex = run(nlp, text)
    starts = {d for _s, d in facts(ex, "schema:startDate")}
    assert dt.date(2031, 6, 5) in starts


def test_a_council_that_does_not_meet_is_no_session(nlp):
    text = ("Den Haag, 2 juni 2031\n\nGeannoteerde agenda voor de bijeenkomst van de NAVO-ministers van Defensie op "
            "11 en 12 juni 2031 te Brussel.\n\nNAVO-Oekraïne Raad\n\nDe NAVO-Oekraïne Raad komt tijdens deze bijeenkomst "
            "niet op ministerieel niveau bijeen.\n\nNAVO-Georgië Commissie\n\nDe NAVO-Georgië Commissie komt op 12 juni "
            "bijeen.\n")
    _doc, ex = run(nlp, text)
    sessions = {o for _s, o in facts(ex, "kg:hasSession")}
    assert not any("oekra" in s or "ukraine" in s for s in sessions), sessions
    assert any("georgi" in s for s in sessions), sessions


def test_a_gathering_in_the_margin_is_a_session_of_its_own(nlp):
    text = ("Den Haag, 2 juni 2031\n\nGeannoteerde agenda voor de bijeenkomst van de NAVO-ministers van Defensie op "
            "11 en 12 juni 2031 te Brussel.\n\nIn de marge van de bijeenkomst vindt een vergadering plaats van de "
            "landen die aan de missie bijdragen, waaraan ook Australië deelneemt. De Iraakse minister van Defensie "
            "Al-Abbasi is voor deze vergadering uitgenodigd.\n\nOok Zweden neemt deel aan de bijeenkomst.\n")
    _doc, ex = run(nlp, text)
    main = "ministerial/dmm-2031-06"
    direct = {o for s, o in facts(ex, "kg:participant") if s == main}
    assert "country/zweden" in direct
    assert "country/australie" not in direct and not any("abbasi" in o for o in direct)
    side = {s for s, o in facts(ex, "kg:participant") if o == "country/australie"}
    assert side and all(s.startswith("session/dmm-2031-06") for s in side)


def test_a_bare_top_dated_on_another_day_is_no_other_summit(nlp):
    # "de top, maandag 10 juli" in a letter of June 2023: that Monday is 10 July 2023, the eve
    # of the summit in Vilnius, not a day of the Washington summit a year later
    text = ("Den Haag, 1 juni 2023\n\nOp de vooravond van de top, maandag 10 juli, spreken de ministers "
            "van Buitenlandse Zaken in Vilnius met hun Zweedse ambtgenoot.\n")
    doc, ex = run(nlp, text)
    assert "summit/washington-2024" not in keys(doc, "Summit")
    assert not facts(ex, "schema:startDate")


def test_a_weekday_or_a_city_that_disagrees_vetoes_a_summit_named_by_its_date(nlp):
    # 10 July 2024 was a Wednesday: "maandag 10 juli" is no day of the Washington summit
    text = "Den Haag, 20 december 2023\n\nOp maandag 10 juli zal de top beginnen, zo verwacht het kabinet.\n"
    doc, _ex = run(nlp, text)
    assert not keys(doc, "Summit")
    text = "Den Haag, 20 december 2023\n\nOp woensdag 10 juli zal de top beginnen, zo verwacht het kabinet.\n"
    doc, _ex = run(nlp, text)
    assert keys(doc, "Summit") == {"summit/washington-2024"}
    # the sentence puts it in another city than the summit its date fits
    text = "Den Haag, 2 mei 2024\n\nRond de top van 10 juli overleggen de ministers in Vilnius.\n"
    doc, _ex = run(nlp, text)
    assert not keys(doc, "Summit")


def test_two_host_places_joined_by_a_slash_are_two_places(nlp):
    # e42: "de top van Straatsburg/Kehl" names Straatsburg and Kehl, not a place "Straatsburg/Kehl"
    _, ex = run(nlp, "Den Haag, 2 mei 2010\n\nSinds de NAVO-top van Straatsburg/Kehl in 2009 is over het "
                     "nieuwe Strategisch Concept gesproken.\n")
    places = {k: e for k, e in ex.entities.items() if k.startswith("place/")}
    assert {"place/straatsburg", "place/kehl"} <= set(places)
    assert not any("/" in e.label or any("/" in a for a in e.alt_labels) for e in places.values())
    where = {o for s, o in facts(ex, "schema:location") if s == "summit/straatsburg-kehl-2009"}
    assert where == {"place/straatsburg", "place/kehl"}
