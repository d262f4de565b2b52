"""kg.extract.events: more ways reports and agendas state who takes part in their meeting:
a title, then the name between commas, as the subject of an act of taking part; a hedge
after a ';' that hedges only its own part of the sentence."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def extraction(nlp, text: str, name: str = "nieuws.txt"):
    ct = clean(SourceText(Path(name), text))
    return extract(nlp(ct.text), ct)


def participants(ex, subject_prefix: str) -> set[str]:
    return {f.object.key for f in ex.facts if f.predicate == "kg:participant"
            and isinstance(f.object, Ref) and f.subject.startswith(subject_prefix)}


SUMMIT = "summit/ankara-2026"

ACTS = """NAVO-top in Ankara afgesloten

Nieuwsbericht | 08-07-2026 | 20:00

De NAVO-top in Ankara is woensdag afgesloten met een slotverklaring. De Turkse president, Mehmet Kaya, trad op als gastheer. Voor de Belgische premier, Luc Peeters, was het de laatste top; zijn opvolger Jan Claes was nog niet beëdigd en was niet aanwezig.

Voor de Deense premier, Mette Holm, was het de eerste top; dat is overigens niet zeker. De Franse president Paul Girard zou gastheer zijn; de Spaanse premier, Juan Ortiz, nam niet het woord.
"""


def test_a_title_then_the_name_between_commas_is_the_subject_of_the_act(nlp):
    got = participants(extraction(nlp, ACTS), SUMMIT)
    assert {"person/kaya", "person/peeters"} <= got


def test_a_hedge_after_a_semicolon_hedges_its_own_part_only(nlp):
    got = participants(extraction(nlp, ACTS), SUMMIT)
    assert "person/peeters" in got
    assert "person/claes" not in got   # "was niet aanwezig"
    assert "person/holm" not in got    # "; dat is ... niet zeker" points back at the part before
    assert "person/girard" not in got  # "zou gastheer zijn"
    assert "person/ortiz" not in got   # "nam niet het woord"


MINISTERIAL = "ministerial/dmm-2026-03"

SPEECH_REPORT = """Verslag NAVO-ministeriële Defensie

Den Haag, 20 maart 2026

Hierbij zend ik u het verslag van de bijeenkomst van de NAVO-ministers van Defensie die op 12 en 13 maart 2026 in Brussel plaatsvond.

Luchtverdediging
De Noorse minister van Defensie, Erik Dahl, zette de plannen van zijn land voor een nieuwe luchtverdedigingsbrigade uiteen. De Italiaanse minister van Defensie Marco Bellini onderstreepte dat de industrie sneller moet leveren. Ook de Poolse minister Tomasz Zielinski gaf aan dat zijn land de productie van munitie verdubbelt.

De Spaanse minister van Defensie, Ana Ruiz, zei al voor de bijeenkomst dat Spanje de norm niet haalt. De Oekraïense minister Oleh Bondar sprak de ministers via een videoverbinding toe. De Deense minister Lars Moller benadrukte vorige week in Kopenhagen dat de steun doorgaat. De Griekse minister Nikos Alexiou gaf de ministers een overzicht. De Turkse minister Ahmet Demir verklaarde in Ankara dat zijn land meer bijdraagt.
"""

SPEECH_AGENDA = """Geannoteerde agenda NAVO-ministeriële Defensie

Den Haag, 2 maart 2026

Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Defensie die op 12 en 13 maart 2026 in Brussel zal plaatsvinden.

De Italiaanse minister van Defensie Marco Bellini onderstreepte dat de industrie sneller moet leveren.
"""


def test_in_a_report_who_opens_a_sentence_saying_something_spoke_at_the_meeting(nlp):
    got = participants(extraction(nlp, SPEECH_REPORT, "verslag.txt"), MINISTERIAL)
    assert {"person/dahl", "person/bellini", "person/zielinski"} <= got


def test_what_was_said_elsewhere_or_before_is_no_attendance(nlp):
    got = participants(extraction(nlp, SPEECH_REPORT, "verslag.txt"), MINISTERIAL)
    assert "person/ruiz" not in got      # "al voor de bijeenkomst"
    assert "person/bondar" not in got    # "via een videoverbinding"
    assert "person/moller" not in got    # "vorige week in Kopenhagen"
    assert "person/alexiou" not in got   # "gaf ... een overzicht": no particle, no saying
    assert "person/demir" not in got     # "in Ankara": another place


def test_an_agenda_tells_of_earlier_statements(nlp):
    got = participants(extraction(nlp, SPEECH_AGENDA, "agenda.txt"), MINISTERIAL)
    assert "person/bellini" not in got


OWN_COUNTRY = """Den Haag, 20 juli 2026

Hierbij ontvangt u het verslag van de NAVO-top die op 7 en 8 juli 2026 in Ankara plaatsvond.

Op 7 juli kwamen de regeringsleiders in Ankara bijeen. Nederland werd op de top vertegenwoordigd door premier Van Dijk. Nederland stuurde een fregat naar de oefening Brave Lion. In Nederland wordt het bondgenootschap breed gesteund.
"""


def test_the_own_country_takes_part_where_a_sentence_states_it(nlp):
    ex = extraction(nlp, OWN_COUNTRY, "verslag.txt")
    got = participants(ex, SUMMIT)
    assert "country/nederland" in got
    assert "person/van-dijk" in got
    sentences = {f.evidence.sentence for f in ex.facts if f.predicate == "kg:participant"
                 and isinstance(f.object, Ref) and f.object.key == "country/nederland"}
    assert all("vertegenwoordigd" in s for s in sentences)


def test_the_own_country_stays_out_without_such_a_sentence(nlp):
    text = OWN_COUNTRY.replace("Nederland werd op de top vertegenwoordigd door premier Van Dijk.",
                               "Premier Van Dijk nam deel aan de top. Nederland werd niet vertegenwoordigd door een minister van Defensie.")
    got = participants(extraction(nlp, text, "verslag.txt"), SUMMIT)
    assert "person/van-dijk" in got
    assert "country/nederland" not in got


ORDINAL_AGENDA = """Den Haag, 20 februari 2026

Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken, die op 3 en 4 maart 2026 in Brussel zal plaatsvinden.

In een tweede sessie bespreken de ministers de toestand in de westelijke Balkan. Voor deze sessie is de Servische minister Marko Jovanovic uitgenodigd.

De ministers spreken tevens over Afghanistan. Voor de lunch is de Japanse minister Kenji Sato uitgenodigd.
"""


def test_a_sitting_named_by_its_order_is_a_session_with_its_invitees(nlp):
    ex = extraction(nlp, ORDINAL_AGENDA, "agenda.txt")
    sessions = {f.object.key for f in ex.facts if f.predicate == "kg:hasSession" and isinstance(f.object, Ref)}
    assert len(sessions) == 1
    (session,) = sessions
    assert "person/jovanovic" in participants(ex, session)
    assert "person/sato" not in participants(ex, session)   # another sentence, not about the sitting


def test_an_ordinal_sitting_is_not_made_beside_session_headings(nlp):
    text = ORDINAL_AGENDA.replace("In een tweede sessie", "Werksessie 1: Balkan\n\nIn een tweede sessie")
    ex = extraction(nlp, text, "agenda.txt")
    names = {f.object.key for f in ex.facts if f.predicate == "kg:hasSession" and isinstance(f.object, Ref)}
    assert not any(n.endswith("-tweede") for n in names)


FORMAT_REPORT = """Den Haag, 20 juni 2026

Hierbij zend ik u het verslag van de bijeenkomst van de NAVO-ministers van Defensie die op 10 en 11 juni 2026 in Brussel plaatsvond.

Op 11 juni vond een sessie plaats in KFOR-samenstelling, met de bondgenoten en de partnerlanden die aan KFOR bijdragen, onder wie Zwitserland en Oostenrijk.

Later kwamen de ministers in KFOR-samenstelling mogelijk bijeen met landen zoals Marokko en Ierland.
"""


def test_the_partners_listed_after_onder_wie_or_zoals_sit_in_the_format_session(nlp):
    ex = extraction(nlp, FORMAT_REPORT, "verslag.txt")
    sessions = {f.object.key for f in ex.facts if f.predicate == "kg:hasSession" and isinstance(f.object, Ref)}
    got = {p for s in sessions for p in participants(ex, s)}
    assert {"country/zwitserland", "country/oostenrijk"} <= got
    assert not {"country/marokko", "country/ierland"} & got   # hedged ("mogelijk")


SIGNED_AGENDA = """Den Haag, 2 juni 2026

Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top die op 7 en 8 juli 2026 in Ankara zal plaatsvinden.

Tijdens de top zal ik pleiten voor meer steun aan Oekraïne.

De minister-president,

J.P. de Vries
"""

HEDGED_AGENDA = SIGNED_AGENDA.replace(
    "Tijdens de top zal ik pleiten voor meer steun aan Oekraïne.",
    "Indien de tijd het toelaat, zal ik in de marge van de top een gesprek voeren. Voorafgaand aan de top zal ik "
    "een bezoek brengen aan Bulgarije. Na afloop van de top zal ik u informeren.")


def test_the_signatory_who_says_what_he_does_at_the_meeting_attends_it(nlp):
    ex = extraction(nlp, SIGNED_AGENDA, "agenda.txt")
    signers = {f.object.key for f in ex.facts if f.predicate == "kg:signatory"}
    assert signers and signers <= participants(ex, SUMMIT)


def test_the_signatory_hedged_or_before_or_after_the_meeting_does_not(nlp):
    ex = extraction(nlp, HEDGED_AGENDA, "agenda.txt")
    signers = {f.object.key for f in ex.facts if f.predicate == "kg:signatory"}
    assert signers and not signers & participants(ex, SUMMIT)


BRIEF_AGENDA = """Den Haag, 2 juni 2026

Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Defensie die op 12 en 13 juni 2026 in Brussel zal plaatsvinden.

De bevelhebber van KFOR, de Italiaanse generaal Marco Ferri, zal de ministers briefen over de toestand in Kosovo. De Canadese minister van Defensie Anne Leblanc zal de bondgenoten naar verwachting informeren over de oefening in het noorden. De Britse minister John Harris zal de Kamer informeren over de oefening.
"""


def test_who_briefs_the_members_of_the_meeting_is_at_it(nlp):
    got = participants(extraction(nlp, BRIEF_AGENDA, "agenda.txt"), "ministerial/dmm-2026-06")
    assert "person/ferri" in got
    assert "person/leblanc" not in got   # "naar verwachting": hedged
    assert "person/harris" not in got    # informs the parliament, not the members


SENT_REPORT = """NAVO-top in Ankara afgesloten

Nieuwsbericht | 08-07-2026 | 20:00

De NAVO-top in Ankara is woensdag afgesloten met een slotverklaring. De Japanse premier Kenji Sato bleef thuis. Omdat de regering in crisis verkeert, stuurde Tokio minister van Defensie Hiro Tanaka. Australië stuurde minister Jack Brown. Canada stuurde minister Paul Roy naar Kyiv. Ierland stuurde geen minister.
"""


def test_the_person_a_state_sends_takes_part(nlp):
    got = participants(extraction(nlp, SENT_REPORT), SUMMIT)
    assert {"person/tanaka", "person/jack-brown"} <= got  # not the reference Gordon Brown
    assert "person/sato" not in got   # stayed home
    assert "person/roy" not in got    # sent elsewhere
