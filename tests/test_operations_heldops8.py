"""Operations of the held-out letters e125-e130 (wave 8b): an acronym defined after an operation word
(``de NAVO-operatie Ocean Shield (OOS)``) names the operation, and a paragraph's opening sentence
names the operation the next sentences of that paragraph speak of. Own sentences."""
from decimal import Decimal

import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run

OOS = "operation/operation-ocean-shield"


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_an_acronym_after_an_operation_word_names_the_operation(nlp):
    doc = nlp("Nederland levert een fregat aan de maritieme NAVO-operatie Ocean Shield (OOS). "
              "OOS bestrijdt piraterij.")
    assert doc.user_data["kg_acronyms"].get(OOS) == "OOS"
    assert [s.kb_id_ for s in doc.spans["kg"] if s.text == "OOS"] == [OOS, OOS]


def test_costs_per_year_go_to_the_operation_its_acronym_names(nlp):
    text = ("Den Haag, 4 mei 2031\n\nHet kabinet heeft besloten een bijdrage te leveren aan de NAVO-operatie "
            "Ocean Shield (OOS). De kosten van de Nederlandse bijdrage aan OOS worden geraamd op EUR 3,1 miljoen "
            "in 2031 en EUR 1,4 miljoen in 2032.\n")
    _, ex = run(nlp, text, "oos.txt")
    given = {c for c, r in facts(ex, "kg:recipient") if r == OOS}
    amounts = {a for c, a in facts(ex, "kg:amountEUR") if c in given}
    years = {y.year for c, y in facts(ex, "kg:year") if c in given}
    assert amounts == {Decimal("3100000"), Decimal("1400000")} and years == {2031, 2032}
    assert (OOS, "country/nederland") in facts(ex, "kg:participant")


def test_allies_giving_in_the_paragraph_the_operation_opens_take_part(nlp):
    text = ("Den Haag, 4 mei 2031\n\nInleiding\nDe NAVO verlengt haar inzet bij de Hoorn van Afrika.\n\n"
            "Aan OOS nemen fregatten uit de staande vlootverbanden deel. Noorwegen en Denemarken leveren "
            "de meeste eenheden; ook Polen zet een schip in.\n\nOcean Shield wordt in 2032 beëindigd.\n")
    text = text.replace("Aan OOS", "Aan de NAVO-operatie Ocean Shield (OOS)", 1)
    _, ex = run(nlp, text, "oos2.txt")
    parts = {c for o, c in facts(ex, "kg:participant") if o == OOS}
    assert {"country/noorwegen", "country/denemarken"} <= parts


def test_a_paragraph_break_after_the_operations_sentence_still_parts_them(nlp):
    text = ("Den Haag, 4 mei 2031\n\nAan de NAVO-operatie Ocean Shield (OOS) nemen fregatten deel.\n\n"
            "Noorwegen en Denemarken leveren de meeste eenheden aan de kustwacht.\n")
    _, ex = run(nlp, text, "oos3.txt")
    parts = {c for o, c in facts(ex, "kg:participant") if o == OOS}
    assert not parts & {"country/noorwegen", "country/denemarken"}


def _forces(nlp, para: str) -> set:
    _, ex = run(nlp, "Den Haag, 4 mei 2031\n\n" + para + "\n", "forces.txt")
    return {c for o, c in facts(ex, "kg:participant") if o == "operation/kfor"}


@pytest.mark.parametrize("para, ally", [
    ("In maart besloot de NAVO KFOR af te schalen. De terugtrekking van de Belgische bijdrage uit Pristina "
     "loopt volgens plan.", "country/belgie"),
    ("Het hoofdkwartier van KFOR verhuist in juni. De Noorse eenheden worden in de zomer afgelost.",
     "country/noorwegen"),
    ("KFOR blijft nodig voor de stabiliteit. De ministers spraken hun waardering uit voor de Deense inzet.",
     "country/denemarken"),
])
def test_an_allys_forces_in_the_paragraph_of_one_operation_take_part(nlp, para, ally):
    assert ally in _forces(nlp, para)


@pytest.mark.parametrize("para, state", [
    # the paragraph names two missions: whose contribution is it?
    ("Met het einde van KFOR neemt de VN-missie UNMIK de taken over. Een evaluatie van de Belgische bijdrage "
     "volgt later.", "country/belgie"),
    # the host's own forces are no contribution
    ("KFOR steunt de opbouw van het leger. De Servische eenheden blijven buiten de grens.", "country/servie"),
    # a possible contribution is no contribution
    ("KFOR vraagt om versterking. Een eventuele Noorse bijdrage wordt nog bezien.", "country/noorwegen"),
    # forces given to someone else
    ("KFOR wordt kleiner. De Noorse eenheden gaan naar de kustwacht van Albanië.", "country/noorwegen"),
])
def test_other_forces_or_other_missions_take_no_part(nlp, para, state):
    assert state not in _forces(nlp, para)
