"""A question states nothing: a sentence that asks, or a numbered question block of written
questions, is never the evidence of a relation (kg.extract.questions, Context.relate). What the
answer states still counts, and so do the facts about the document itself (what it cites)."""
import pytest

from kg.extract.questions import asked_spans
from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


LIST = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2025–2026

28 676 NAVO

Nr. 612 LIJST VAN VRAGEN EN ANTWOORDEN
Vastgesteld 2 februari 2026

De vaste commissie voor Buitenlandse Zaken heeft vragen voorgelegd over de geannoteerde agenda voor de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken op 10 en 11 februari 2026 te Brussel.

1
Nemen Japan en Zuid-Korea deel aan de bijeenkomst?

Nee. Er is deze keer geen sessie met de partners in de Indo-Pacific.

2
Wie vertegenwoordigt Nederland?

Minister Van Dijk neemt deel aan de bijeenkomst.

3
Hoe verhoudt de inzet zich tot de motie-Jansen c.s. (Kamerstuk 28 676, nr. 590)?

De inzet is in lijn met die motie.
"""


def test_a_numbered_question_gives_no_participant_the_answer_does(nlp):
    _, ex = run(nlp, LIST)
    parties = {o for _, o in facts(ex, "kg:participant")}
    assert "country/japan" not in parties and "country/zuid-korea" not in parties
    assert "person/van-dijk" in parties


def test_a_question_still_cites_what_it_names(nlp):
    _, ex = run(nlp, LIST)
    cited = {o for _, o in facts(ex, "kg:cites")}
    assert "document/kst-28676-590" in cited


BLOCKS = """Aanhangsel van de Handelingen

Vragen van het lid De Wit (VVD) aan de Minister van Defensie over de NAVO-oefening Cold Response (ingezonden 2 maart 2026).

Antwoord van Minister Van der Berg (Defensie) (ontvangen 20 maart 2026).

Vraag 1
Neemt Oostenrijk deel aan de oefening Cold Response? Hoeveel militairen levert Nederland?

Antwoord 1
Oostenrijk neemt niet deel. Nederland levert ongeveer 800 militairen.

Vraag 2
Wat was de uitkomst van de bijeenkomst van de NAVO-ministers van Defensie in Kopenhagen?

Antwoord 2
Op 12 en 13 februari 2026 kwamen de ministers van Defensie van de NAVO in Kopenhagen bijeen. Zij spraken over de oefening.
"""


def test_the_place_of_a_meeting_comes_from_the_answer_not_the_question(nlp):
    _, ex = run(nlp, BLOCKS)
    located = [f for f in ex.facts if f.predicate == "schema:location" and f.object.key == "place/kopenhagen"]
    assert located and all("?" not in f.evidence.sentence for f in located)
    assert all("?" not in f.evidence.sentence for f in ex.facts
               if f.evidence is not None and f.predicate not in ("kg:mentions", "kg:cites"))


def test_a_question_block_asks_whole_up_to_its_answer():
    text = ("Vraag 3\nIn het bericht staat dat Malta meedoet. Klopt dat?\n"
            "Antwoord 3\nNee. Malta doet niet mee.\n")
    ends = [text.index(". ") + 1, text.index("?") + 2, text.index("Nee.") + 4, len(text)]
    sentences = list(zip([0, *ends[:-1]], ends))
    assert asked_spans(text, sentences) == [(0, ends[1])]


def test_a_question_mark_before_a_footnote_or_quote_still_asks():
    text = "Kent u het bericht «Noorwegen koopt fregatten»?1 Ja, dat ken ik."
    cut = text.index("1 ") + 2
    assert asked_spans(text, [(0, cut), (cut, len(text))]) == [(0, cut)]
    assert asked_spans("Het bericht «Waarom nu?» is bekend.", [(0, 35)]) == []


def test_an_answer_on_the_line_of_its_question_is_no_question():
    text = "Vraag 2: Doet Malta mee? Antwoord: Ja, Malta doet mee.\n"
    cut = text.index("?") + 2
    assert asked_spans(text, [(0, cut), (cut, len(text))]) == [(0, cut)]
