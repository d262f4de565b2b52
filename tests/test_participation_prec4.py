"""kg.extract.events: which meeting a person attends, and meetings of the members as news states them."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def facts(nlp, text: str):
    ct = clean(SourceText(Path("nieuws.txt"), text))
    return extract(nlp(ct.text), ct).facts


def participants(nlp, text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object.key) for f in facts(nlp, text)
            if f.predicate == "kg:participant" and isinstance(f.object, Ref)}


RECALLED = """Bondgenoten eens over nieuwe doelen

ANKARA, 7 juli 2026 (ANP) - De NAVO-landen hebben dinsdag tijdens de top in Ankara nieuwe doelen voor de luchtverdediging vastgesteld.

Premier Pieter van Dijk, die in Ankara wordt vergezeld door minister Anna de Graaf (Buitenlandse Zaken), herinnerde aan het besluit dat in 2018 op de NAVO-top in Brussel werd genomen over de gevechtsgereedheid.

Minister Karel Smit (Defensie) was tevreden, omdat op de NAVO-top in Warschau in 2016 nog geen akkoord over de luchtverdediging werd bereikt, vergezeld door zijn staf.
"""


def test_a_meeting_in_a_relative_clause_is_not_the_one_attended(nlp):
    got = participants(nlp, RECALLED)
    people = {"person/van-dijk", "person/de-graaf", "person/smit"}
    assert not any(s.startswith("summit/") and not s.startswith("summit/ankara") and o in people for s, o in got)


def test_a_clause_of_taking_part_in_the_meetings_city_is_the_meeting(nlp):
    got = participants(nlp, RECALLED)
    assert {("summit/ankara-2026", "person/van-dijk"), ("summit/ankara-2026", "person/de-graaf")} <= got
    # another time, or an object of its own, is not the document's meeting
    for other in ("die vorige week in Ankara werd vergezeld door", "die in Ankara bij een conferentie wordt vergezeld door"):
        got = participants(nlp, RECALLED.replace("die in Ankara wordt vergezeld door", other))
        assert ("summit/ankara-2026", "person/de-graaf") not in got, other


def test_a_meeting_the_participation_clause_names_is_still_attended(nlp):
    text = RECALLED.replace("herinnerde aan het besluit dat in 2018 op de NAVO-top in Brussel werd genomen",
                            "zei dat hij in 2018 ook aanwezig was op de NAVO-top in Brussel")
    got = participants(nlp, text)
    assert ("summit/brussel-2018", "person/van-dijk") in got


DECIDED = """Kamerbrief over het innovatieprogramma

Den Haag, 14 mei 2027

In deze brief informeer ik uw Kamer over de voortgang van het innovatieprogramma.

De ministers van Buitenlandse Zaken van de NAVO-lidstaten hebben op 9 en 10 maart 2027 in Oslo het nieuwe actieplan voor de kritieke infrastructuur vastgesteld. Nederland draagt bij aan de uitvoering.
"""


def _ministerials(nlp, text: str) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for f in facts(nlp, text):
        if f.subject.startswith("ministerial/") and f.predicate in ("schema:startDate", "schema:endDate", "schema:location"):
            out.setdefault(f.subject, {})[f.predicate] = f.object.key if isinstance(f.object, Ref) else str(f.object)
    return out


def test_natos_ministers_deciding_on_a_day_are_their_ministerial(nlp):
    got = _ministerials(nlp, DECIDED)
    assert got.get("ministerial/fmm-2027-03") == {"schema:startDate": "2027-03-09", "schema:endDate": "2027-03-10",
                                                 "schema:location": "place/oslo"}
    # the past particle verb form, and 'NAVO-ministers'
    text = DECIDED.replace("De ministers van Buitenlandse Zaken van de NAVO-lidstaten hebben op 9 en 10 maart 2027 in "
                           "Oslo het nieuwe actieplan voor de kritieke infrastructuur vastgesteld",
                           "De NAVO-ministers van Defensie keurden op 9 maart 2027 in Oslo het nieuwe actieplan goed")
    assert _ministerials(nlp, text).get("ministerial/dmm-2027-03", {}).get("schema:startDate") == "2027-03-09"


def test_no_ministerial_from_a_statement_one_minister_other_ministers_or_no_day(nlp):
    sentence = ("De ministers van Buitenlandse Zaken van de NAVO-lidstaten hebben op 9 en 10 maart 2027 in Oslo "
                "het nieuwe actieplan voor de kritieke infrastructuur vastgesteld")
    for other in ("De ministers van Buitenlandse Zaken van de NAVO-lidstaten spraken zich op 9 maart 2027 in Oslo "
                  "uit voor een nieuw actieplan",
                  "De minister van Buitenlandse Zaken heeft op 9 maart 2027 in Oslo het nieuwe actieplan goedgekeurd",
                  "De ministers van Buitenlandse Zaken van Noorwegen en Zweden hebben op 9 maart 2027 in Oslo "
                  "het nieuwe actieplan vastgesteld",
                  "De ministers van Buitenlandse Zaken van de NAVO-lidstaten hebben in 2027 het nieuwe actieplan "
                  "vastgesteld"):
        assert _ministerials(nlp, DECIDED.replace(sentence, other)) == {}, other


TODAY = """Nieuwsbericht | 12-02-2031

Nederland levert extra mijnenjagers

Nederland stelt twee extra mijnenjagers beschikbaar voor de NAVO-vlootverbanden. Minister Eva Jansen (Defensie) heeft dat vandaag in Riga toegelicht tijdens een informele bijeenkomst van de NAVO-ministers van Defensie. De schepen vertrekken in april.
"""


def _dmm(nlp, text: str) -> tuple[dict, set]:
    got = _ministerials(nlp, text)
    return got.get("ministerial/dmm-2031-02", {}), {o for s, o in participants(nlp, text) if s.startswith("ministerial/")}


def test_today_in_a_news_item_is_its_date_and_who_explains_it_there_takes_part(nlp):
    dmm, people = _dmm(nlp, TODAY)
    assert dmm == {"schema:startDate": "2031-02-12", "schema:endDate": "2031-02-12", "schema:location": "place/riga"}
    assert "person/jansen" in people            # "heeft dat ... toegelicht tijdens": 'dat' is the object
    dmm, _ = _dmm(nlp, TODAY.replace("vandaag", "gisteren"))
    assert dmm.get("schema:startDate") == "2031-02-11"


def test_today_of_another_clause_or_an_undated_document_dates_nothing(nlp):
    said = TODAY.replace("heeft dat vandaag in Riga toegelicht tijdens",
                         "zei vandaag dat tijdens")  # another clause: the meeting may be another day's
    assert "schema:startDate" not in _ministerials(nlp, said).get("ministerial/dmm-2031-02", {})
    undated = TODAY.replace("Nieuwsbericht | 12-02-2031\n\n", "")
    assert not any("schema:startDate" in v for v in _ministerials(nlp, undated).values())


def test_an_adverb_that_may_open_a_clause_keeps_the_meeting(nlp):
    text = RECALLED + "\nStaatssecretaris Lotte Bakker nam in 2018 maar één dag deel aan de NAVO-top in Brussel.\n"
    assert ("summit/brussel-2018", "person/bakker") in participants(nlp, text)
