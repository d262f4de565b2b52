"""kg.extract.countries: ``De toetreding van X op <dag>`` states X's accession only on the day the
reference data gives for it (wave 5); the day a protocol is signed or ratified is none."""
import datetime as dt
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _accessions(nlp, text):
    ct = clean(SourceText(Path("toetreding.txt"), text))
    ex = extract(nlp(ct.text), ct)
    return {(f.subject, f.object) for f in ex.facts if f.predicate == "kg:accessionDate"}


def test_the_reference_day_of_accession_is_stated(nlp):
    text = "De toetreding van Montenegro op 5 juni 2017 bracht het aantal bondgenoten op 29."
    assert _accessions(nlp, text) == {("country/montenegro", dt.date(2017, 6, 5))}


def test_a_protocols_day_is_no_accession(nlp):
    text = "Het protocol voor de toetreding van Montenegro op 19 mei 2016 werd door alle bondgenoten ondertekend."
    assert not _accessions(nlp, text)


def test_a_future_members_day_is_no_accession(nlp):
    text = "Over de toetreding van Oekraïne op 1 januari 2030 is niets besloten."
    assert not _accessions(nlp, text)
