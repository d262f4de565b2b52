"""kg.extract.events, wave 5: a paragraph that just told of a gathering beside the meeting
(``Voorafgaand aan de ministeriële kwam ... bijeen. Deze werd voorgezeten door X. Y gaf daar
...``) is about that gathering; a council the text calls a forum does not sit; ``een
bijeenkomst van de <council>`` in the margin is one session; ``verdedigd`` tijdens the meeting,
only in the meeting's own city; names after ``zijn ambtgenoten uit A en B,``; ``zijn komst
toegezegd``; a sentence about another edition (``vorig jaar``) states nothing of this one."""
import pytest

from kg.nlp import make_pipeline

from extracting import extraction, participants


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def sessions(ex, meeting_prefix: str) -> set[str]:
    return {f.object.key for f in ex.facts if f.predicate == "kg:hasSession" and f.subject.startswith(meeting_prefix)}


DMM = "ministerial/dmm-2027-03"

REPORT = """Verslag NAVO-ministeriële Defensie

Den Haag, 24 maart 2027

Hierbij zend ik u het verslag van de bijeenkomst van de NAVO-ministers van Defensie die op 11 maart 2027 in Brussel plaatsvond.

Verloop

Aan de bijeenkomst namen de ministers van Defensie van alle bondgenoten deel. Minister Joost Verkerk benadrukte dat de voorraden munitie snel moeten groeien.

Voorafgaand aan de ministeriële kwam op woensdag 10 maart de coalitie voor luchtverdediging bijeen in een hotel in Brussel. Deze werd voorgezeten door de Poolse minister van Defensie Tomasz Wierzbicki. De Litouwse minister van Defensie, Rasa Jankauskaite, schetste daar de stand van de leveringen.

Oekraïne

Het kabinet wil dat de NAVO-Oekraïne Raad ook na dit jaar een vast forum voor overleg met Kyiv blijft.
"""


def test_speaker_and_chair_of_a_gathering_before_the_meeting_are_not_at_it(nlp):
    got = participants(extraction(nlp, REPORT, "verslag.txt"), DMM)
    assert "person/verkerk" in got            # the account of the meeting itself
    assert "person/wierzbicki" not in got     # "Deze werd voorgezeten door": the coalition's gathering
    assert "person/jankauskaite" not in got   # "schetste daar ...": there = that gathering


def test_a_council_called_a_forum_is_no_session(nlp):
    ex = extraction(nlp, REPORT, "verslag.txt")
    assert not any("ukraine" in s for s in sessions(ex, DMM))


def test_a_council_that_sits_is_still_a_session(nlp):
    text = REPORT.replace("Het kabinet wil dat de NAVO-Oekraïne Raad ook na dit jaar een vast forum voor overleg met Kyiv blijft.",
                          "Aansluitend kwam de NAVO-Oekraïne Raad bijeen.")
    ex = extraction(nlp, text, "verslag.txt")
    assert any("ukraine" in s for s in sessions(ex, DMM))


SUMMIT_LETTER = """Brief van de minister van Buitenlandse Zaken

Den Haag, 20 juli 2027

Hierbij bericht ik u over de NAVO-top die op 7 en 8 juli 2027 in Ankara plaatsvond.

Verloop
In de marge van de top werd op 8 juli een bijeenkomst van de NAVO-Georgië Commissie gehouden, waaraan de Georgische president Nino Beridze deelnam.
De Noorse premier Sigrid Haugland nam vorig jaar deel aan de top. De Deense premier Morten Kjaergaard nam deel aan de top.
"""


def test_a_meeting_of_a_council_in_the_margin_is_one_session(nlp):
    ex = extraction(nlp, SUMMIT_LETTER, "brief.txt")
    got = sessions(ex, "summit/")  # (a summit missing from the reference data is keyed by its letter)
    assert len(got) == 1 and "georgia" in next(iter(got))


def test_who_took_part_last_year_is_no_participant_of_this_years_meeting(nlp):
    got = participants(extraction(nlp, SUMMIT_LETTER, "brief.txt"), "summit/")
    assert "person/kjaergaard" in got
    assert "person/haugland" not in got


ANSWERS = """Aanhangsel van de Handelingen

Vragen van het lid De Boer (CDA) aan de Minister van Buitenlandse Zaken over Hongarije.

Antwoord van minister Verhoef (Buitenlandse Zaken) (ontvangen 2 juni 2027)

Vraag 1
Bent u bekend met het bericht?

Antwoord 1
Ja. De bijeenkomst van de NAVO-ministers van Buitenlandse Zaken vond op 14 en 15 mei jl. in Oslo plaats.

Vraag 2
Wat is uw oordeel?

Antwoord 2
De Hongaarse minister van Buitenlandse Zaken, Gábor Halmi, heeft de Hongaarse positie tijdens de ministeriële in Oslo verdedigd. De Slowaakse minister van Buitenlandse Zaken, Peter Kovac, heeft zijn standpunt tijdens de ministeriële in Praag verdedigd.
"""


def test_who_defends_a_position_during_the_meeting_is_there_but_not_at_one_elsewhere(nlp):
    got = participants(extraction(nlp, ANSWERS, "antwoord.txt"), "ministerial/fmm-2027-05")
    assert "person/halmi" in got
    assert "person/kovac" not in got  # "de ministeriële in Praag": another meeting of that kind


AGENDA = """Geannoteerde agenda NAVO-ministeriële Buitenlandse Zaken

Den Haag, 20 maart 2027

Op 3 en 4 april 2027 vindt in Brussel de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken plaats.

Sessie 1 - Oostflank
De eerste sessie gaat over de oostflank. De Moldavische minister van Buitenlandse Zaken Ion Rusu is hiervoor uitgenodigd, evenals zijn ambtgenoten uit Polen en Litouwen, Radosław Sikorski en Gabrielius Landsbergis, en Armenië.

Sessie 2 - Indo-Pacific
De Australische minister van Buitenlandse Zaken Olivia Hart heeft haar komst naar Brussel toegezegd. De Zuid-Koreaanse minister van Buitenlandse Zaken Min-jun Park heeft zijn komst nog niet toegezegd.
"""


def test_names_after_colleagues_from_listed_states_are_invited(nlp):
    got = participants(extraction(nlp, AGENDA, "agenda.txt"), "session/fmm-2027-04")
    assert {"person/rusu", "person/sikorski", "person/landsbergis", "country/armenie"} <= got


def test_who_has_promised_to_come_takes_part_and_who_has_not_does_not(nlp):
    ex = extraction(nlp, AGENDA, "agenda.txt")
    got = participants(ex, "session/fmm-2027-04") | participants(ex, "ministerial/fmm-2027-04")
    assert "person/hart" in got
    assert "person/park" not in got


NEWS_ITEM = """Verkerk in Oslo: "bondgenoten blijven eensgezind"

Nieuwsbericht | 15-05-2027

Minister Verkerk van Buitenlandse Zaken heeft vandaag in Oslo de tweedaagse bijeenkomst van de NAVO-ministers van Buitenlandse Zaken afgesloten. Het overleg, dat op donderdag 14 mei begon, stond in het teken van de noordflank.

Op vrijdag stond de Sahel op de agenda. Tijdens een werklunch van de landen die aan de trainingsmissie bijdragen, met de Malinese minister van Buitenlandse Zaken Amadou Keita, bespraken de ministers de veiligheid in de regio. In een bijeenkomst met de Georgische minister van Buitenlandse Zaken Levan Beridze in Tbilisi werd vorige maand over hervormingen gesproken.

Het kabinet heeft een nieuw contract met de leverancier afgesloten, zei staatssecretaris Karin Dijkstra.
"""


def test_who_closes_the_meeting_takes_part(nlp):
    got = participants(extraction(nlp, NEWS_ITEM, "nieuws.txt"), "ministerial/fmm-2027-05")
    assert "person/verkerk" in got
    assert "person/dijkstra" not in got  # "een contract ... afgesloten": no meeting closed


def test_the_guests_a_sitting_is_held_with_take_part(nlp):
    got = participants(extraction(nlp, NEWS_ITEM, "nieuws.txt"), "ministerial/fmm-2027-05")
    assert "person/keita" in got          # "Tijdens een werklunch van ..., met minister X, bespraken ..."
    assert "person/beridze" not in got    # a sitting in another city, another month


REPORT_NEWS = """NAVO schort samenwerking op

dinsdag 3 maart 2027, 21:10

BRUSSEL - De NAVO schort de samenwerking op. Dat besloot de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken, die op 3 en 4 maart 2027 in Brussel plaatsvindt.

Ook de Canadese minister van Buitenlandse Zaken Claire Tremblay was bij het overleg. De Ierse minister van Buitenlandse Zaken Sean Byrne was niet bij het overleg.

Minister Pieter Aalders van Buitenlandse Zaken, die namens Nederland aan tafel zat, noemde het besluit logisch. Premier Marleen Vos, die niet in Brussel was, sprak van een goede stap.
"""


def test_who_was_at_the_talks_takes_part(nlp):
    got = participants(extraction(nlp, REPORT_NEWS, "nieuws.txt"), "ministerial/")
    assert "person/tremblay" in got
    assert "person/byrne" not in got  # "was niet bij het overleg"


def test_who_sat_at_the_table_for_his_country_takes_part(nlp):
    got = participants(extraction(nlp, REPORT_NEWS, "nieuws.txt"), "ministerial/")
    assert "person/aalders" in got    # "Minister X van Buitenlandse Zaken, die ... aan tafel zat"
    assert "person/vos" not in got    # "die niet in Brussel was"


def test_a_sentence_that_names_the_meeting_after_a_gathering_beside_it_is_about_the_meeting(nlp):
    text = REPORT.replace("schetste daar de stand van de leveringen.",
                          "schetste daar de stand van de leveringen. Minister Ruud Hendriks zette op de ministeriële de Nederlandse inzet uiteen.")
    got = participants(extraction(nlp, text, "verslag.txt"), DMM)
    assert "person/hendriks" in got
    assert "person/jankauskaite" not in got
