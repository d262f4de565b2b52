"""kg.extract.events: more ways a text says who was at a meeting: a relative clause put after
the verbs of the main clause (``X bijstaan, die de vergadering voorzit``), a relative clause on
the meeting (``..., waaraan X deelnam``) or on the person (``X, die aan de top deelnam, zei na
afloop``), ``daar`` pointing back at the meeting of the sentence before, the first meeting of a
person named after a title with a comma, and ``onderstreept`` as a verb of saying."""
import pytest

from kg.nlp import make_pipeline

from extracting import extraction, participants


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


DMM = "ministerial/dmm-2027-03"

REPORT = """Verslag NAVO-ministeriële Defensie

Den Haag, 22 maart 2027

Hierbij zend ik u het verslag van de bijeenkomst van de NAVO-ministers van Defensie die op 10 en 11 maart 2027 in Brussel plaatsvond.

Verloop
De nieuwe plaatsvervangend secretaris-generaal zal secretaris-generaal Pieter Aalders bijstaan, die de vergadering voorzit. De staf zal Ingrid Solberg spreken over de agenda van de voorzitter, die de vergadering voorzit.

Het was de eerste NAVO-bijeenkomst voor de nieuwe Canadese minister van Defensie, Paul Tremblay. Minister Joost Verkerk heeft tijdens de bijeenkomst onderstreept dat de productie van munitie omhoog moet.
"""


def test_a_relative_clause_after_the_verbs_of_the_main_clause_is_on_the_name_before_them(nlp):
    got = participants(extraction(nlp, REPORT, "verslag.txt"), DMM)
    assert "person/aalders" in got      # "Aalders bijstaan, die de vergadering voorzit"
    assert "person/solberg" not in got  # "Solberg spreken over de agenda van de voorzitter, die ...": not on her


def test_the_first_meeting_of_a_person_named_after_a_title_and_a_comma(nlp):
    assert "person/tremblay" in participants(extraction(nlp, REPORT, "verslag.txt"), DMM)


def test_who_underlines_something_during_the_meeting_is_there(nlp):
    assert "person/verkerk" in participants(extraction(nlp, REPORT, "verslag.txt"), DMM)


ANSWERS = """Aanhangsel van de Handelingen

Antwoord van Minister Smit (Buitenlandse Zaken) (ontvangen 2 juli 2027).

Antwoord 1
Tijdens de NAVO-top in Madrid van 28 tot en met 30 juni 2022 werd het nieuwe strategisch concept aangenomen. Het kabinet verwacht dat de NAVO-top in Vilnius op 11 en 12 juli 2023 daarop voortbouwt.

Antwoord 2
Het verdrag werd getekend in de marge van de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken op 14 en 15 juni 2025 in Brussel, waaraan de IJslandse minister Helga Jonsdottir vervolgens deelnam.

Antwoord 3
Dat werd besproken tijdens de bijeenkomst van de NAVO-ministers van Defensie op 8 oktober 2027 in Brussel over de missie in Irak, waaraan de Deense minister Mads Holm een bijdrage levert.
"""


def test_a_relative_clause_right_after_the_meeting_makes_it_the_object(nlp):
    ex = extraction(nlp, ANSWERS, "antwoord.txt")
    assert "person/jonsdottir" in participants(ex, "ministerial/fmm-2025-06")
    # "over de missie in Irak, waaraan ...": the clause is on the mission, not the meeting
    assert "person/holm" not in participants(ex, "ministerial/")


SUMMIT = "summit/ankara-2026"

NEWS = """NAVO-leiders eens over steun

Nieuwsbericht | 08-07-2026 | 20:00

De NAVO-top in Ankara is woensdag afgesloten met een slotverklaring.

Minister-president Anna de Vries, die namens Nederland aan de top deelnam, verklaarde na afloop dat het bondgenootschap eensgezind is. De Noorse premier Kari Lunde, die vorig jaar aan de top deelnam, zei dat zij het akkoord steunt.
"""


def test_a_relative_clause_on_the_person_says_which_meeting_not_the_main_clause(nlp):
    got = participants(extraction(nlp, NEWS, "nieuws.txt"), SUMMIT)
    assert "person/de-vries" in got   # "na afloop" dates what she said, not her taking part
    assert "person/lunde" not in got  # "vorig jaar" in the clause itself: another time


THERE = """Verslag NAVO-ministeriële Defensie

Den Haag, 22 maart 2027

Hierbij zend ik u het verslag van de bijeenkomst van de NAVO-ministers van Defensie die op 10 en 11 maart 2027 in Brussel plaatsvond.

Afghanistan
De voorbereiding vond plaats tijdens de bijeenkomst van de NAVO-ministers van Defensie, die op 10 en 11 maart 2027 in Brussel werd gehouden. Minister Joost Verkerk heeft daar met zijn collega's over de toekomst van de missie gesproken.

Baltische staten
Na de ministeriële reisde een delegatie naar Vilnius. Generaal Tom Bakker heeft daar met de Litouwse staf gesproken. Minister Roos Jansen was daar niet aanwezig.
"""


def test_daar_points_at_the_one_meeting_of_the_sentence_before(nlp):
    got = participants(extraction(nlp, THERE, "verslag.txt"), DMM)
    assert "person/verkerk" in got
    assert "person/bakker" not in got  # "daar" is Vilnius, another place
    assert "person/jansen" not in got  # not there


FMM = "ministerial/fmm-2027-12"

AGENDA = """Geannoteerde agenda NAVO-ministeriële Buitenlandse Zaken

Den Haag, 1 december 2027

Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken die op 7 en 8 december 2027 in Brussel zal plaatsvinden.

Deelnemers
Secretaris-generaal Pieter Aalders zit de bijeenkomst voor. Namens Canada neemt minister van Buitenlandse Zaken Claire Dubois deel; zij reist aan vanuit Wenen, waar zij de OVSE-ministersraad bijwoont.
"""


def test_a_clause_at_another_bodys_gathering_leaves_the_clause_that_takes_part(nlp):
    ex = extraction(nlp, AGENDA, "agenda.txt")
    got = participants(ex, FMM)
    assert {"person/dubois", "country/canada"} <= got
    assert not any("ovse" in k for k in got)
    assert not any(f.predicate == "kg:participant" and "ovse" in f.subject for f in ex.facts)


COUNCILS = """Geannoteerde agenda NAVO-ministeriële Buitenlandse Zaken

Den Haag, 1 december 2027

Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken die op 7 en 8 december 2027 in Brussel zal plaatsvinden.

NAVO-Oekraïne Commissie
Op 8 december vergadert ook de NAVO-Oekraïne Commissie op het niveau van ministers. De bondgenoten spreken daar over de hervormingen in Oekraïne.

NAVO-Rusland Raad
De NAVO-Rusland Raad komt tijdens deze bijeenkomst niet bijeen. Het kabinet betreurt de opstelling van Rusland.
"""


def test_a_bilateral_council_that_meets_has_its_partner_at_the_table(nlp):
    ex = extraction(nlp, COUNCILS, "agenda.txt")
    sessions = {f.object.key for f in ex.facts if f.predicate == "kg:hasSession"}
    ukraine = [s for s in sessions if "ukraine" in s or "oekraine" in s]
    assert ukraine and "country/oekraine" in participants(ex, ukraine[0])
    # "komt ... niet bijeen": no Russia at any table
    assert "country/rusland" not in participants(ex, "session/") | participants(ex, "ministerial/")
