"""kg.extract.events.participation, wave 8: readings mended after the blind texts e113-e124.

A noun of presence that states a stationing of forces (``een grotere aanwezigheid van de NAVO
in het oosten``) is no attendance; a meeting or a date named in a relative clause on the subject
(``X, waarvan het verdrag ... tijdens de bijeenkomst van ... werd getekend, neemt deel``) is
not the one the subject takes part in."""
import pytest

from extracting import extraction, participants
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


AGENDA = """Geannoteerde agenda van de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken

Den Haag, 20 maart 2029

De NAVO-ministers van Buitenlandse Zaken komen op 3 en 4 april 2029 bijeen in Brussel. De bijeenkomst staat in het teken van de voorbereiding van de NAVO-top, die op 9 en 10 juli in Ankara plaatsvindt. Daar besluiten de regeringsleiders over een grotere aanwezigheid van de NAVO in het Zwarte Zeegebied, als reactie op de dreiging van Iran.

De minister van Buitenlandse Zaken,
M. van Leeuwen
"""

FMM = "ministerial/fmm-2029-04"


def test_a_presence_of_forces_is_no_attendance(nlp):
    ex = extraction(nlp, AGENDA, "agenda.txt")
    assert "country/iran" not in participants(ex, FMM)


def test_in_the_presence_of_a_minister_still_attends(nlp):
    text = AGENDA.replace("Daar besluiten de regeringsleiders over een grotere aanwezigheid van de NAVO in het "
                          "Zwarte Zeegebied, als reactie op de dreiging van Iran.",
                          "Op 4 april spreken de ministers in aanwezigheid van de Georgische minister van "
                          "Buitenlandse Zaken Nino Beridze over de Zwarte Zee.")
    ex = extraction(nlp, text, "agenda.txt")
    assert "person/nino-beridze" in participants(ex, FMM) or "person/beridze" in participants(ex, FMM)


SUMMIT = """Geannoteerde agenda NAVO-top 9 en 10 juli 2030 te Ankara

Den Haag, 22 juni 2030

De NAVO-top vindt op 9 en 10 juli 2030 plaats in Ankara. Nederland wordt vertegenwoordigd door de minister-president.

Partners
Tijdens de top spreken de regeringsleiders over de Zwarte Zee. Georgië, waarmee op 14 mei jl. tijdens de bijeenkomst van de NAVO-ministers van Defensie in Brussel een partnerschap werd gesloten, is als gast uitgenodigd.

De minister van Buitenlandse Zaken,
M. van Leeuwen
"""


def test_a_meeting_in_a_relative_clause_on_the_subject_is_not_what_it_attends(nlp):
    ex = extraction(nlp, SUMMIT, "agenda.txt")
    assert "country/georgie" in participants(ex, "summit/")
    assert "country/georgie" not in participants(ex, "ministerial/")



DMM = """Geannoteerde agenda van de bijeenkomst van de NAVO-ministers van Defensie op 13 en 14 februari 2025

Den Haag, 3 februari 2025

De NAVO-ministers van Defensie komen op 13 en 14 februari 2025 bijeen in Brussel.

Oekraïne
Op de NAVO-top van 9 tot en met 11 juli 2024 in Washington hebben de bondgenoten nieuwe steun aan Oekraïne toegezegd. Zij bouwden daarmee voort op de NAVO-top in Vilnius van vorig jaar. Ook de Japanse premier Fumio Kishida was als gast bij de top aanwezig.

De minister van Defensie,
R.P. Brekelmans
"""


def test_the_summit_the_paragraph_named_is_the_one_de_top_attends(nlp):
    ex = extraction(nlp, DMM, "agenda.txt")
    assert "person/kishida" in participants(ex, "summit/washington-2024")
    assert "person/kishida" not in participants(ex, "summit/vilnius-2023") | participants(ex, "ministerial/")


def test_de_top_of_another_time_is_not_the_one_the_paragraph_named(nlp):
    text = DMM.replace("was als gast bij de top aanwezig", "was eerder als gast bij de top aanwezig")
    ex = extraction(nlp, text, "agenda.txt")
    assert "person/kishida" not in participants(ex, "summit/")


REPORT = """Verslag van de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken van 3 en 4 april 2029

Den Haag, 10 april 2029

Op 3 en 4 april 2029 kwamen de NAVO-ministers van Buitenlandse Zaken bijeen in Brussel. De bijeenkomst bestond uit twee werksessies.

Werksessie 2: Veiligheid in het Zwarte Zeegebied
De tweede werksessie was gewijd aan de veiligheid in het Zwarte Zeegebied. De aanwezigheid van de partners Georgië en Moldavië gaf de bondgenoten de kans tot overleg over de regio.

De minister van Buitenlandse Zaken,
M. van Leeuwen
"""


def test_the_bare_presence_of_partners_is_attendance(nlp):
    ex = extraction(nlp, REPORT, "verslag.txt")
    assert {"country/georgie", "country/moldavie"} <= participants(ex, "session/fmm-2029-04")


NEWS = """NAVO-ministers van Defensie praten over luchtverdediging

15 februari 2024

BRUSSEL (ANP) - De NAVO-ministers van Defensie kwamen op 14 en 15 februari in Brussel bijeen voor overleg over de luchtverdediging van het bondgenootschap. Secretaris-generaal Jens Stoltenberg verklaarde na afloop van de tweedaagse bijeenkomst dat de bondgenoten meer Patriot-systemen gaan aanschaffen.

Minister Kajsa Ollongren (Defensie) noemde de afspraken "een belangrijke stap".
"""

DMM_2024 = "ministerial/dmm-2024-02"


def test_who_speaks_as_the_meeting_ends_spoke_there(nlp):
    ex = extraction(nlp, NEWS, "nieuws.txt")
    assert "person/stoltenberg" in participants(ex, DMM_2024)


def test_who_speaks_some_time_after_the_meeting_did_not_thereby_attend(nlp):
    ex = extraction(nlp, NEWS.replace("na afloop van de tweedaagse bijeenkomst", "een week na de bijeenkomst"), "nieuws.txt")
    assert "person/stoltenberg" not in participants(ex, DMM_2024)


def test_a_speaker_with_the_portfolio_in_brackets_spoke_there(nlp):
    ex = extraction(nlp, NEWS, "nieuws.txt")
    assert "person/ollongren" in participants(ex, DMM_2024)


SUMMIT_NEWS = """Nieuwsbericht | 11-07-2024 | Ministerie van Algemene Zaken

Premier De Vries: 'Bondgenoten staan schouder aan schouder'

Van 9 tot en met 11 juli 2024 vond in Washington de NAVO-top plaats. Minister-president Jan de Vries vertegenwoordigde Nederland. De regeringsleiders spraken er over de steun aan Oekraïne. Minister Van Leeuwen (Buitenlandse Zaken) en minister Bakker (Defensie) waren eveneens in Washington.

Oekraïne

Donderdag kwam de NAVO-Oekraïneraad bijeen, met de Oekraïense president Volodymyr Zelensky aan tafel. De bondgenoten zegden nieuwe steun toe.
"""


def test_ministers_also_in_the_summit_city_take_part(nlp):
    ex = extraction(nlp, SUMMIT_NEWS, "nieuws.txt")
    assert {"person/van-leeuwen", "person/bakker"} <= participants(ex, "summit/washington-2024")


def test_ministers_in_the_summit_city_for_another_purpose_do_not(nlp):
    text = SUMMIT_NEWS.replace("waren eveneens in Washington.", "waren eveneens in Washington voor een bezoek aan het Congres.")
    ex = extraction(nlp, text, "nieuws.txt")
    assert not {"person/van-leeuwen", "person/bakker"} & participants(ex, "summit/")


def test_ministers_in_the_summit_city_at_another_time_do_not(nlp):
    text = SUMMIT_NEWS.replace("waren eveneens in Washington.", "waren vorig jaar eveneens in Washington.")
    ex = extraction(nlp, text, "nieuws.txt")
    assert not {"person/van-leeuwen", "person/bakker"} & participants(ex, "summit/")


def test_zelensky_at_the_table_of_the_council_of_the_summit(nlp):
    ex = extraction(nlp, SUMMIT_NEWS, "nieuws.txt")
    assert "person/zelensky" in participants(ex, "session/washington-2024")


SIGNING = """Nieuwsbericht | 04-04-2029 | Ministerie van Buitenlandse Zaken

Brussel, 4 april 2029 – De ministers van Buitenlandse Zaken van de 32 NAVO-lidstaten hebben vandaag in Brussel een akkoord over de gezamenlijke luchtverdediging ondertekend. Minister Van Leeuwen (Buitenlandse Zaken) was bij de ondertekening aanwezig.

De NAVO-ministers van Buitenlandse Zaken komen op 3 en 4 april bijeen in het hoofdkwartier van de NAVO.
"""


def test_present_at_an_act_of_the_meetings_members_takes_part(nlp):
    ex = extraction(nlp, SIGNING, "nieuws.txt")
    assert "person/van-leeuwen" in participants(ex, FMM)


def test_present_at_a_signing_by_others_does_not(nlp):
    text = SIGNING.replace("De ministers van Buitenlandse Zaken van de 32 NAVO-lidstaten hebben vandaag",
                           "De ambassadeurs van de 32 NAVO-lidstaten hebben vandaag")
    ex = extraction(nlp, text, "nieuws.txt")
    assert "person/van-leeuwen" not in participants(ex, FMM)


DMM_AGENDA = """Tweede Kamer der Staten-Generaal

Nr. 512 BRIEF VAN DE MINISTER VAN DEFENSIE

Den Haag, 2 juni 2031

Hierbij bied ik u de geannoteerde agenda aan van de bijeenkomst van de NAVO-ministers van Defensie die op 12 en 13 juni a.s. in Brussel plaatsvindt.

Noord-Atlantische Raad: luchtverdediging

De bijeenkomst begint met een zitting van de Noord-Atlantische Raad. De ministers spreken over de geïntegreerde lucht- en raketverdediging. Ik zal benadrukken dat Nederland extra Patriot-eenheden beschikbaar stelt, maar dat de voorraden nog niet op peil zijn.

De minister van Defensie,
P. de Graaf
"""

DMM_2031 = "ministerial/dmm-2031-06"


def test_the_signatory_who_will_state_something_in_a_session_takes_part(nlp):
    ex = extraction(nlp, DMM_AGENDA, "agenda.txt")
    assert "person/de-graaf" in participants(ex, DMM_2031)


def test_the_signatory_stating_something_to_parliament_does_not(nlp):
    text = DMM_AGENDA.replace("Ik zal benadrukken dat", "Ik zal uw Kamer toelichten dat")
    ex = extraction(nlp, text, "agenda.txt")
    assert "person/de-graaf" not in participants(ex, DMM_2031)


def test_the_signatory_stating_something_later_does_not(nlp):
    text = DMM_AGENDA.replace("Ik zal benadrukken dat", "Ik zal later benadrukken dat")
    ex = extraction(nlp, text, "agenda.txt")
    assert "person/de-graaf" not in participants(ex, DMM_2031)


def test_signing_together_with_representatives_is_no_taking_part(nlp):
    text = SUMMIT_NEWS.replace("De bondgenoten zegden nieuwe steun toe.",
                               "De bondgenoten zegden nieuwe steun toe.\n\nOp woensdag tekende minister Bakker samen met "
                               "zijn Poolse ambtgenoot Jan Nowak en vertegenwoordigers van zes andere landen een "
                               "verklaring over munitie.")
    ex = extraction(nlp, text, "nieuws.txt")
    assert "person/nowak" not in participants(ex, "session/") | participants(ex, "summit/")


def test_daar_after_another_meeting_is_not_the_documents_meeting(nlp):
    text = AGENDA.replace("Daar besluiten de regeringsleiders over een grotere aanwezigheid van de NAVO in het "
                          "Zwarte Zeegebied, als reactie op de dreiging van Iran.",
                          "Daar is ook de Japanse premier Fumio Kishida aanwezig.")
    ex = extraction(nlp, text, "agenda.txt")
    assert "person/kishida" not in participants(ex, FMM)
