"""kg.extract.events: acts only those at a meeting perform (hosting, chairing, taking the floor,
leaving it, having it as one's first or last, the partners of a sitting) make them participants;
and a ministerial named only by NATO's ministers of one portfolio who confer on a date."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def extraction(nlp, text: str):
    ct = clean(SourceText(Path("nieuws.txt"), text))
    return extract(nlp(ct.text), ct)


def participants(ex, subject_prefix: str) -> set[str]:
    return {f.object.key for f in ex.facts if f.predicate == "kg:participant"
            and isinstance(f.object, Ref) and f.subject.startswith(subject_prefix)}


SUMMIT = "summit/ankara-2026"

REPORT = """NAVO-top in Ankara afgesloten

Nieuwsbericht | 08-07-2026 | 20:00

De NAVO-top in Ankara is woensdag afgesloten met een slotverklaring. Gastheer was de Turkse president Mehmet Kaya. Secretaris-generaal Anna Lindqvist zat de top voor. De eerste werksessie was nauwelijks begonnen toen de Canadese premier Paul Tremblay het woord nam. De Hongaarse premier Gábor Szabó verliet de top vroegtijdig. Voor de Portugese premier Rui Costa was het de eerste top.

Op woensdag vond een sessie plaats met de partners uit Azië: Japan en Zuid-Korea.

Premier Pieter van Dijk, die samen met minister Anna de Graaf van Buitenlandse Zaken naar Ankara was gekomen, sprak van een nuttige top.

De Griekse premier Nikos Pappas was vorig jaar gastheer van een top. De Poolse minister Jan Nowicki was gastheer van een diner voor de ministers. Daarna sprak de koning met de gasten, waarna de Spaanse premier Juan Ortiz gastheer was van een lunch. De Oostenrijkse kanselier Karl Huber zou het woord nemen, maar de tijd was op. In het debat in de Kamer nam minister Piet de Wit later het woord.
"""


def test_the_host_and_the_chair_of_the_meeting_take_part(nlp):
    got = participants(extraction(nlp, REPORT), SUMMIT)
    assert {"person/kaya", "person/lindqvist"} <= got
    assert "person/pappas" not in got      # host of a meeting another year
    assert "person/nowicki" not in got     # host of a dinner, not of the meeting
    assert "person/ortiz" not in got       # ("gastheer was van een lunch")


def test_taking_the_floor_leaving_and_a_first_meeting_are_attendance(nlp):
    got = participants(extraction(nlp, REPORT), SUMMIT)
    assert {"person/tremblay", "person/szabo", "person/rui-costa"} <= got  # not the reference António Costa
    assert "person/huber" not in got       # "zou het woord nemen": hedged
    assert "person/de-wit" not in got      # the floor of another forum


def test_the_partners_a_sitting_is_held_with_sit_at_the_table(nlp):
    got = participants(extraction(nlp, REPORT), SUMMIT)
    assert {"country/japan", "country/zuid-korea"} <= got


def test_who_journeys_together_with_others_travels_too(nlp):
    got = participants(extraction(nlp, REPORT), SUMMIT)
    assert "person/van-dijk" in got


def test_a_pronoun_takes_the_one_person_before_it_but_not_across_a_paragraph(nlp):
    text = REPORT.replace("Gastheer was de Turkse president Mehmet Kaya.", "").replace(
        "Op woensdag vond", "De Turkse president Mehmet Kaya sprak de pers toe.\n\nHij verliet de top als laatste. "
        "De Zweedse premier Lars Berg sprak de pers toe. Hij verliet de top als laatste.\n\nOp woensdag vond")
    got = participants(extraction(nlp, text), SUMMIT)
    assert "person/berg" in got
    assert "person/kaya" not in got


CONFER = """NAVO-ministers overleggen in Brussel

Nieuwsbericht | 04-12-2025 | 18:00

De ministers van Buitenlandse Zaken van de NAVO-lidstaten hebben op 3 en 4 december 2025 in Brussel met elkaar overlegd. Minister Eva Jansen nam deel aan de vergadering. Voor de Spaanse minister van Buitenlandse Zaken, Lucía Ortega, was het de laatste bijeenkomst.
"""


def test_natos_ministers_who_confer_on_a_date_are_the_ministerial(nlp):
    ex = extraction(nlp, CONFER)
    meetings = {k: e for k, e in ex.entities.items() if e.cls == "MinisterialMeeting"}
    assert "ministerial/fmm-2025-12" in meetings
    dates = {(f.predicate, f.object) for f in ex.facts if f.subject == "ministerial/fmm-2025-12"}
    assert {p for p, _ in dates} >= {"schema:startDate", "schema:endDate"}
    assert participants(ex, "ministerial/fmm-2025-12") >= {"person/jansen", "person/ortega"}
    # the ministers of another union, or the ministers as the object of a verb, are no ministerial
    for opening in ("De ministers van Defensie van de EU-lidstaten hebben op 3 en 4 december 2025 met elkaar overlegd.",
                    "Minister Jansen heeft op 3 december 2025 met de ministers van Defensie van Duitsland overlegd."):
        ex = extraction(nlp, CONFER.replace(CONFER.split("\n\n")[2].split(". ")[0] + ".", opening))
        assert not any(e.cls == "MinisterialMeeting" for e in ex.entities.values()), opening


ARRIVALS = """NAVO-top in Ankara van start

Nieuwsbericht | 07-07-2026 | 12:00

De NAVO-top in Ankara is dinsdag begonnen. De Belgische premier Luc Peeters arriveerde dinsdagochtend in Ankara. De IJslandse premier Sigrid Jonsdottir kwam 's middags aan in Ankara. De Deense premier Mette Holm arriveerde maandag in Istanbul voor een bezoek aan een scheepswerf. De Estse premier Kaja Tamm zou later in Ankara arriveren.

De Slowaakse president Juraj Novak sprak met journalisten. Hij opende de top met een toespraak over de Balkan.
"""


def test_who_arrives_at_the_meetings_city_attends_it(nlp):
    got = participants(extraction(nlp, ARRIVALS), SUMMIT)
    assert {"person/peeters", "person/jonsdottir"} <= got
    assert "person/holm" not in got        # another city, another goal
    assert "person/tamm" not in got        # "zou ... arriveren": hedged


def test_a_pronoun_that_opens_the_meeting_is_the_person_before_it(nlp):
    assert "person/novak" in participants(extraction(nlp, ARRIVALS), SUMMIT)


STATEMENTS = """NAVO-top in Ankara afgesloten

Nieuwsbericht | 08-07-2026 | 20:00

De NAVO-top in Ankara is woensdag afgesloten. Tijdens de top zei de Belgische premier Luc Peeters dat België meer munitie levert. De Deense premier Mette Holm benadrukte op de bijeenkomst het belang van de Arctische regio. De Estse premier Kaja Tamm zei dat zij tijdens de top een nieuw plan wil presenteren. De Letse premier Andris Ozols verklaarde tijdens de vorige top dat de grens veilig is.
"""


def test_who_speaks_during_the_meeting_named_by_its_kind_is_there(nlp):
    got = participants(extraction(nlp, STATEMENTS), SUMMIT)
    assert {"person/peeters", "person/holm"} <= got
    assert "person/tamm" not in got        # the meeting stands in what she says
    assert "person/ozols" not in got       # another meeting ("de vorige top")


LATER_DATE = """Jansen in Brussel: meer steun voor Georgië

Nieuwsbericht | 05-12-2025 | 16:00

Dat zei minister Eva Jansen na afloop van de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken in Brussel. De ministers van Buitenlandse Zaken van de 32 bondgenoten kwamen op 4 en 5 december bijeen op het NAVO-hoofdkwartier.
"""


def test_an_undated_ministerial_takes_the_date_a_later_sentence_gives_it(nlp):
    ex = extraction(nlp, LATER_DATE)
    meetings = sorted(k for k, e in ex.entities.items() if e.cls == "MinisterialMeeting")
    assert meetings == ["ministerial/fmm-2025-12"]   # one meeting, not an undated one beside it


ORDINALS = """NAVO-top in Ankara afgesloten

Nieuwsbericht | 08-07-2026 | 20:00

De NAVO-top in Ankara is woensdag afgesloten. Het was de eerste top voor de Roemeense president Ion Popescu. Het was de laatste top van premier Jens Dahl. Voor de Finse premier Aino Virtanen was het haar tweede NAVO-top. Namens de NAVO zat plaatsvervangend secretaris-generaal Mircea Toma de slotsessie voor.

Op 8 juli volgden twee werksessies in de Noord-Atlantische Raad (NAR), onder voorzitterschap van de secretaris-generaal van de NAVO, Lena Berg. Op dezelfde dag vond in Ankara een bijeenkomst plaats van de Ukraine Defense Contact Group onder voorzitterschap van de Amerikaanse minister van Defensie Tom Baker.
"""


def test_an_nth_meeting_of_a_person_and_a_chair_named_loosely(nlp):
    got = participants(extraction(nlp, ORDINALS), SUMMIT)
    assert {"person/popescu", "person/dahl", "person/virtanen", "person/toma", "person/berg"} <= got
    assert "person/baker" not in got       # chairs another body's gathering


WARSAW = """NAVO versterkt oostflank

vrijdag 8 juli 2016, 18:10

WARSCHAU - De NAVO stuurt vier bataljons naar Polen en de Baltische staten. Daartoe besloten de regeringsleiders vandaag op de NAVO-top in de Poolse hoofdstad Warschau.

De Canadese premier Paul Tremblay, de Italiaanse premier Marco Bianchi en bondskanselier Anna Vogel waren erbij. De Belgische premier Karel Smit was erbij betrokken via een videoverbinding.
"""


def test_a_summit_in_a_town_named_with_its_lands_adjective_and_who_was_there(nlp):
    ex = extraction(nlp, WARSAW)
    assert ("kg:concerns", "summit/warschau-2016") in {(f.predicate, getattr(f.object, "key", None)) for f in ex.facts}
    got = participants(ex, "summit/warschau-2016")
    assert {"person/tremblay", "person/bianchi", "person/vogel"} <= got
    assert "person/smit" not in got        # "erbij betrokken": involved, not present


ANSWERS = """Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden

2024Z01234

Vragen van het lid Jansen (VVD) aan de minister van Defensie over de NAVO-inzet in de Baltische staten (ingezonden 3 januari 2024).

Antwoord van minister De Boer (Defensie) (ontvangen 20 februari 2024)

Vraag 1
Klopt het dat de inzet in Litouwen wordt verlengd?

Antwoord 1
Ja. Tijdens de bijeenkomst van de NAVO-ministers van Defensie op 15 en 16 februari jl. in Brussel heeft ondergetekende toegelicht dat Nederland de inzet verlengt.

Vraag 2
Wat was de uitkomst van het overleg van de NAVO-ministers van Buitenlandse Zaken in Praag?

Antwoord 2
Op 30 en 31 mei 2023 kwamen de ministers van Buitenlandse Zaken van de NAVO in Praag bijeen. Minister Van Dam (Buitenlandse Zaken) nam deel aan dit overleg.
"""


def test_answers_to_written_questions_date_and_attend_their_meetings(nlp):
    ex = extraction(nlp, ANSWERS)
    meetings = sorted(k for k, e in ex.entities.items() if e.cls == "MinisterialMeeting")
    # "15 en 16 februari jl." read from the day the answer came in, not the day the questions went in;
    # the undated "overleg ... in Praag" is the one the next answer dates in Praag
    assert meetings == ["ministerial/dmm-2024-02", "ministerial/fmm-2023-05"]
    assert "person/de-boer" in participants(ex, "ministerial/dmm-2024-02")   # "heeft ondergetekende toegelicht"
    assert "person/van-dam" in participants(ex, "ministerial/fmm-2023-05")   # "nam deel aan dit overleg"
