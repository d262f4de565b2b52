"""kg.extract.events participation readings mended after the held-out texts e125-e130.

Who confirms something ``daar`` after a sentence that names one meeting spoke at it; ``X was
erbij, net als Y`` says it of Y too; ``zat de vergaderingen voor`` (a plural noun of meeting) is
chairing; a guest (``was ... te gast``) attends; who urges the allies (``aangespoord``) during a
meeting is there; a meeting named after ``sinds`` only dates the sentence."""
import pytest

from extracting import extraction, participants
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


# answers that name no meeting in their opening: they have no meeting of their own
ANSWERS = """Aanhangsel van de Handelingen

Vragen van het lid Jansen (VVD) aan de Minister van Defensie over de defensie-uitgaven (ingezonden 20 maart 2029).

Antwoord van Minister de Vries (Defensie) (ontvangen 10 april 2029).

""" + "".join(f"""Vraag {n}
Hoeveel geeft Nederland in {y} uit aan de aanschaf van nieuw materieel voor de krijgsmacht, en hoe verhoudt zich dat tot de afspraken binnen het bondgenootschap?

Antwoord
In {y} gaat naar verwachting ruim twintig procent van het defensiebudget naar de aanschaf van nieuw materieel. Daarmee voldoet Nederland aan de afspraak om ten minste een vijfde van de uitgaven aan investeringen te besteden.

""" for n, y in ((1, 2027), (2, 2028), (3, 2029), (4, 2030))) + """Vraag 5
Heeft u dit besproken met uw ambtgenoten?

Antwoord
Tijdens de bijeenkomst van de NAVO-ministers van Defensie op 5 en 6 maart jl. in Brussel, waaraan ik deelnam, is gesproken over de lastenverdeling. De Franse minister van Defensie Claire Dubois bevestigde daar dat ook Frankrijk dit jaar de norm haalt.

Vraag 6
Wat is de inzet van het kabinet?

Antwoord
De NAVO-top in Washington van 9 tot en met 11 juli 2029 staat in het teken van de lastenverdeling.
"""

DMM = "ministerial/dmm-2029-03"


def test_who_confirms_something_there_spoke_at_the_meeting_named_before(nlp):
    ex = extraction(nlp, ANSWERS, "antwoord.txt")
    assert "person/dubois" in participants(ex, DMM)


def test_there_after_a_sentence_of_two_meetings_points_at_neither(nlp):
    text = ANSWERS.replace("is gesproken over de lastenverdeling.",
                           "is gesproken over de voorbereiding van de NAVO-top in Washington van 9 tot en met 11 juli 2029.")
    ex = extraction(nlp, text, "antwoord.txt")
    assert "person/dubois" not in participants(ex, DMM) | participants(ex, "summit/")


def test_who_confirms_nothing_there_did_not(nlp):
    text = ANSWERS.replace("bevestigde daar dat", "bevestigde later in Parijs dat")
    ex = extraction(nlp, text, "antwoord.txt")
    assert "person/dubois" not in participants(ex, DMM)


REPORT = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2028–2029

28 676 NAVO

Nr. 401 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 14 mei 2029

Hierbij bericht ik u over de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken die op 3 en 4 mei jl. in Brussel plaatsvond.

Algemeen
Secretaris-generaal Pieter Lindqvist zat de vergaderingen voor. De Franse minister van Buitenlandse Zaken Claire Dubois was erbij, net als haar Duitse collega Markus Weber.

EU
Op 4 mei was de Hoge Vertegenwoordiger van de Europese Unie, Elena Rossi, te gast. Zij en de bondgenoten bespraken de samenwerking.

De Minister van Buitenlandse Zaken,
M. van Leeuwen
"""

FMM = "ministerial/fmm-2029-05"


def test_who_chairs_the_meetings_takes_part(nlp):
    ex = extraction(nlp, REPORT, "verslag.txt")
    assert "person/lindqvist" in participants(ex, FMM)


def test_who_was_there_like_the_one_before_takes_part(nlp):
    ex = extraction(nlp, REPORT, "verslag.txt")
    assert {"person/dubois", "person/weber"} <= participants(ex, FMM)


def test_evenals_says_it_of_the_other_too(nlp):
    ex = extraction(nlp, REPORT.replace(", net als haar", ", evenals haar"), "verslag.txt")
    assert "person/weber" in participants(ex, FMM)


def test_a_guest_at_the_meeting_takes_part(nlp):
    ex = extraction(nlp, REPORT, "verslag.txt")
    assert "person/rossi" in participants(ex, FMM)


def test_a_guest_of_another_time_does_not(nlp):
    ex = extraction(nlp, REPORT.replace("Op 4 mei was", "Vorig jaar was"), "verslag.txt")
    assert "person/rossi" not in participants(ex, FMM)


NEWS = """Nieuwsbericht | 8-6-2029

Amerikaanse minister zet bondgenoten onder druk

BRUSSEL – De NAVO-ministers van Defensie komen op 8 en 9 juni 2029 bijeen in Brussel. De Amerikaanse minister van Defensie John Miller heeft woensdag tijdens een vergadering van NAVO-defensieministers in Brussel een aantal bondgenoten openlijk aangespoord meer te doen in Syrië.
"""


def test_who_urges_the_allies_during_the_meeting_is_there(nlp):
    ex = extraction(nlp, NEWS, "nieuws.txt")
    assert "person/miller" in participants(ex, "ministerial/dmm-2029-06")


def test_who_urged_them_during_last_years_meeting_is_not(nlp):
    text = NEWS.replace("heeft woensdag tijdens een vergadering van NAVO-defensieministers in Brussel",
                        "had vorig jaar tijdens een vergadering van NAVO-defensieministers in Brussel")
    ex = extraction(nlp, text, "nieuws.txt")
    assert "person/miller" not in participants(ex, "ministerial/dmm-2029-06")


AGENDA = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2029–2030

28 676 NAVO

Nr. 420 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 22 juni 2030

Hierbij ontvangt u de geannoteerde agenda van de NAVO-top die op 9 en 10 juli 2030 in Ankara plaatsvindt. Het is de eerste fysieke bijeenkomst van de regeringsleiders sinds de top in Londen van december 2029 en de eerste NAVO-top die de Amerikaanse president John Carter bijwoont.

De Minister van Buitenlandse Zaken,
M. van Leeuwen
"""


def test_a_meeting_after_sinds_only_dates_the_sentence(nlp):
    ex = extraction(nlp, AGENDA, "agenda.txt")
    assert "person/john-carter" in participants(ex, "summit/~ankara")
    assert "person/john-carter" not in participants(ex, "summit/~londen")
