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


def test_both_states_named_sentences_back_join_when_their_subject_points_back(nlp):
    # e118: "Na ratificatie door alle bondgenoten, waaronder Nederland, zijn beide landen op <dag> lid geworden"
    # two sentences after the one naming the pair; the sentence's own ally has another accession day
    text = ("Den Haag, 3 mei 2004\n\nIn Praag nodigden de bondgenoten Estland en Letland uit voor "
            "toetredingsgesprekken. De protocollen werden in maart 2003 ondertekend. Nadat het parlement in Duitsland "
            "als laatste had ingestemd, zijn beide landen op 29 maart 2004 lid geworden.\n")
    assert _accessions(nlp, text) == {("country/estland", dt.date(2004, 3, 29)),
                                      ("country/letland", dt.date(2004, 3, 29))}


def test_no_accession_for_states_named_after_a_preposition_or_before_others(nlp):
    # "voor beide landen" is no subject; a sentence between that names other states takes the reference;
    # so do states the joining sentence names itself, not in an aside
    for text in ("In Praag nodigden de bondgenoten Estland en Letland uit. Op 29 maart 2004 is voor beide landen "
                 "een nieuw tijdperk begonnen, nu zij lid zijn geworden.\n",
                 "In Praag nodigden de bondgenoten Estland en Letland uit. Ook Frankrijk en Italië steunden die "
                 "uitnodiging. Beide landen zijn op 29 maart 2004 lid geworden.\n",
                 "In Praag nodigden de bondgenoten Estland en Letland uit. Toen Frankrijk en Italië hadden "
                 "geratificeerd, zijn beide landen op 29 maart 2004 lid geworden.\n"):
        assert not _accessions(nlp, "Den Haag, 3 mei 2004\n\n" + text), text
