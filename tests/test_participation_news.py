"""kg.extract.events: participation as news items and news reports state it (kg:participant)."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def participants(nlp, text: str) -> set[tuple[str, str]]:
    ct = clean(SourceText(Path("nieuws.txt"), text))
    ex = extract(nlp(ct.text), ct)
    return {(f.subject, f.object.key) for f in ex.facts
            if f.predicate == "kg:participant" and isinstance(f.object, Ref)}


SUMMIT = "summit/ankara-2026"

PREVIEW = """Van Dijk en De Graaf naar NAVO-top in Ankara

Nieuwsbericht | 06-07-2026 | 11:00

Minister-president Pieter van Dijk en minister Anna de Graaf van Buitenlandse Zaken reizen maandag naar Ankara, de hoofdstad van Turkije. Daar houden de bondgenoten op 7 en 8 juli 2026 de NAVO-top. Vorig jaar reisde minister Karel Smit van Defensie ook naar Ankara. Staatssecretaris Lotte Bakker gaat maandag naar Ankara voor een bezoek aan een fabriek.

Noorwegen, waarvan de bijdrage nog niet is vastgesteld, neemt als volwaardig lid deel aan de top. De Moldavische president Ion Munteanu neemt deel aan de top; zijn komst werd gisteren niet verwacht. De Georgische premier Levan Beridze sluit mogelijk aan; dat is nog niet bevestigd.
"""


def test_a_headline_that_goes_to_the_meeting_keeps_its_travellers(nlp):
    got = participants(nlp, PREVIEW)
    assert (SUMMIT, "person/van-dijk") in got


def test_travelling_to_the_meetings_city_is_going_to_the_meeting(nlp):
    got = participants(nlp, PREVIEW.replace("Van Dijk en De Graaf naar NAVO-top in Ankara", "Vooruitblik"))
    assert {(SUMMIT, "person/van-dijk"), (SUMMIT, "person/de-graaf")} <= got
    assert (SUMMIT, "person/smit") not in got          # another year
    assert (SUMMIT, "person/bakker") not in got        # another goal ("voor een bezoek aan ...")
    assert (SUMMIT, "country/turkije") not in got      # the city's country does not travel


def test_a_hedge_counts_only_in_the_clause_that_states_attendance(nlp):
    got = participants(nlp, PREVIEW)
    assert (SUMMIT, "country/noorwegen") in got        # the hedge is in a relative clause about Norway
    assert (SUMMIT, "person/munteanu") in got          # the clause after ';' is about something else
    assert not any(o == "person/beridze" for _, o in got)  # "; dat is nog niet bevestigd" points back


MINISTERIAL = """Jansen in Brussel: steun blijft

Nieuwsbericht | 13-02-2026 | 17:00

Nederland levert extra luchtverdediging aan Oekraïne. Dat kondigde minister Eva Jansen van Defensie aan tijdens de bijeenkomst van de NAVO-ministers van Defensie in Brussel op 12 en 13 februari 2026. Minister Jansen zei ook dat de Poolse minister Tomasz Nowak tijdens de bijeenkomst van de NAVO-ministers van Defensie een nieuw plan wil voorstellen.

Gast uit Kyiv

Op donderdag schoof de Oekraïense minister van Defensie Oleksij Bondar aan bij de ministers. In een aparte sessie spraken de ministers met Armenië en Azerbeidzjan over de veiligheid in de Kaukasus. In een bilaterale ontmoeting sprak minister Jansen met haar Britse collega Tom Hughes over munitie.
"""


def _ministerial(got):
    return {o for s, o in got if s.startswith("ministerial/")}


def test_what_a_minister_announces_during_a_meeting_he_announces_there(nlp):
    got = _ministerial(participants(nlp, MINISTERIAL))
    assert "person/jansen" in got
    assert "person/nowak" not in got                   # named in what is said, not the one who says it


def test_joining_the_members_and_a_sitting_of_the_members(nlp):
    got = _ministerial(participants(nlp, MINISTERIAL))
    assert "person/bondar" in got                      # "schoof aan bij de ministers"
    assert {"country/armenie", "country/azerbeidzjan"} <= got  # the ministers speak with them in a session
    assert "person/hughes" not in got                  # a minister's own talk, not a sitting of the meeting


REPORT = """NAVO-leiders eens in Ankara

Nieuwsbericht | 08-07-2026 | 19:00

De regeringsleiders van de 32 NAVO-landen hebben op 8 juli in Ankara een slotverklaring aangenomen. Minister-president Pieter van Dijk vertegenwoordigde Nederland. Hij werd vergezeld door minister Anna de Graaf (Buitenlandse Zaken).

Op 2 mei vergaderden de ministers van Financiën in Parijs. Minister Karel Smit vertegenwoordigde Nederland.

De NAVO-top in Ankara vond plaats op 7 en 8 juli. De Turkse president Kemal Arslan, die als gastheer de top opende, sprak van een historische dag. De tweede dag werd geopend door secretaris-generaal Mark Rutte.
"""


def test_a_paragraph_dated_on_a_day_of_the_meeting_tells_of_the_meeting(nlp):
    got = participants(nlp, REPORT)
    assert {(SUMMIT, "person/van-dijk"), (SUMMIT, "person/de-graaf")} <= got
    assert (SUMMIT, "person/smit") not in got          # a paragraph dated on another day


def test_who_opens_the_meeting_takes_part(nlp):
    got = participants(nlp, REPORT)
    assert (SUMMIT, "person/arslan") in got


def test_what_a_leader_says_at_the_meeting_he_says_there(nlp):
    text = MINISTERIAL + "\nDe Noorse minister Erik Dahl zei op de bijeenkomst van de NAVO-ministers van Defensie dat premier Sara Lund het plan steunt.\n"
    got = _ministerial(participants(nlp, text))
    assert "person/dahl" in got
    assert "person/lund" not in got                    # named in what is said


def test_being_in_the_meetings_city_for_the_meeting(nlp):
    text = PREVIEW + "\nMinister Karel Smit is woensdag in Ankara voor de top. Staatssecretaris Lotte Bakker is in Ankara voor een bezoek aan een fabriek.\n"
    got = participants(nlp, text)
    assert (SUMMIT, "person/smit") in got
    assert (SUMMIT, "person/bakker") not in got        # there for something else
