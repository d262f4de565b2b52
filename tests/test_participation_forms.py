"""kg:participant in more of the ways Dutch letters state it: the letter's own signatories
(``ondergetekende(n)``), a delegation led or joined, and what is not taking part (a
mission's owner, an office's jurisdiction, a meeting named after an operation)."""
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def facts(nlp, text: str, predicate: str = "kg:participant") -> set[tuple[str, str]]:
    ct = clean(SourceText(Path("brief.txt"), text))
    ex = extract(nlp(ct.text), ct)
    return {(f.subject, f.object.key) for f in ex.facts if f.predicate == predicate and isinstance(f.object, Ref)}


ONE_SIGNER = """Den Haag, 12 juli 2026

Hierbij bied ik u het verslag aan van de NAVO-top die op 7 en 8 juli 2026 in Ankara werd gehouden. Nederland werd op de top vertegenwoordigd door minister-president Van Dijk en ondergetekende.

De minister van Buitenlandse Zaken,
P. de Graaf
"""

TWO_SIGNERS = """Den Haag, 12 juli 2026

Hierbij bieden wij u het verslag aan van de NAVO-top die op 7 en 8 juli 2026 in Ankara werd gehouden. Minister-president Van Dijk leidde de Nederlandse delegatie, waarvan ook de beide ondergetekenden deel uitmaakten. Over ondergetekende werd niet gesproken.

De minister van Buitenlandse Zaken,
P. de Graaf

De minister van Defensie,
K. Smit
"""

SUMMIT = "summit/ankara-2026"


def test_the_undersigned_are_the_letters_signatories(nlp):
    got = facts(nlp, ONE_SIGNER)
    assert {(SUMMIT, "person/van-dijk"), (SUMMIT, "person/de-graaf")} <= got


def test_the_plural_undersigned_and_the_delegation(nlp):
    got = facts(nlp, TWO_SIGNERS)
    assert {(SUMMIT, "person/van-dijk"), (SUMMIT, "person/de-graaf"), (SUMMIT, "person/smit")} <= got


def test_the_singular_undersigned_of_a_joint_letter_is_unsure(nlp):
    text = TWO_SIGNERS.replace("waarvan ook de beide ondergetekenden deel uitmaakten", "waarvan ook ondergetekende deel uitmaakte")
    parties = {o for _, o in facts(nlp, text)}
    assert "person/van-dijk" in parties
    assert not {"person/de-graaf", "person/smit"} & parties


MISSIONS = """Den Haag, 3 februari 2026

België levert sinds maart stafofficieren aan het KFOR-hoofdkwartier in Pristina. Daarnaast blijft België bijdragen aan de adviesmissie van de Europese Unie, EUAM Oekraïne.

Op 2 februari kwamen de bondgenoten bijeen. Aan deze KFOR-bijeenkomst namen ook de Servische president Aleksandar Vučić en de hoge vertegenwoordiger van de Europese Unie, Josep Borrell, deel.
"""


def test_a_missions_owner_and_a_meeting_about_an_operation_take_no_part_in_it(nlp):
    got = facts(nlp, MISSIONS)
    assert ("operation/kfor", "country/belgie") in got
    parties = {o for s, o in got if s == "operation/kfor"}
    assert not {"organisation/europese-unie", "country/oekraine"} & parties
    assert not {"person/vucic", "person/borrell"} & parties  # "deze KFOR-bijeenkomst" is a meeting


def test_the_jurisdiction_of_a_named_office_holder_is_not_a_participant(nlp):
    text = ("Den Haag, 3 februari 2026\n\nHierbij bied ik u de geannoteerde agenda aan voor de NAVO-top in Ankara "
            "op 7 en 8 juli 2026. Aan de top nemen ook de voorzitter van de Europese Commissie, Ursula von der Leyen, "
            "en de regeringsleiders van Zweden en Finland deel.\n")
    got = {o for s, o in facts(nlp, text) if s == "summit/ankara-2026"}
    assert "person/von-der-leyen" in got
    assert {"country/zweden", "country/finland"} <= got  # no holder named: the countries take part
    assert "organisation/europese-commissie" not in got


ANAPHORA = """Den Haag, 12 juli 2026

Hierbij bied ik u het verslag aan van de NAVO-top die op 7 en 8 juli 2026 in Ankara werd gehouden.

Op 8 juli kwamen de regeringsleiders bijeen in een vergadering over de westelijke Balkan. Hieraan namen ook de Servische president Aleksandar Vučić en VN-secretaris-generaal António Guterres deel.

Voorafgaand aan de top vond in Istanbul een diner plaats. Hiervoor was ook de Georgische premier Irakli Kobachidze uitgenodigd.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_hieraan_points_at_the_gathering_of_the_sentence_before(nlp):
    got = {o for s, o in facts(nlp, ANAPHORA) if s.startswith(("summit/ankara-2026", "session/ankara-2026"))}
    assert {"person/vucic", "person/guterres"} <= got
    assert "organisation/verenigde-naties" not in got  # "VN-secretaris-generaal António Guterres": his office's
    assert "person/kobachidze" not in got  # the dinner before the summit is not the summit


REPORT = """Den Haag, 20 oktober 2026

Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Defensie op 14 en 15 oktober 2026 in Brussel.

De vergadering stond onder voorzitterschap van secretaris-generaal Mark Rutte. Canada werd vertegenwoordigd door de staatssecretaris van Defensie, Jean Tremblay, omdat minister Anita Anand in Ottawa bleef. Ook de Zweedse minister van Defensie, Pål Jonson, die eerder Peter Hultqvist was opgevolgd, was aanwezig.

Georgië, dat op 2 juni een partnerschapsakkoord tekende, neemt als genodigde aan alle sessies deel.

Op 15 oktober vond een KFOR-bijeenkomst plaats met de landen die troepen leveren. Ook de Kosovaarse premier Albin Kurti nam aan deze bijeenkomst deel.

De minister van Defensie,
K. Smit
"""

DMM = "ministerial/dmm-2026-10"


def test_a_paragraph_about_the_meeting_keeps_its_subject(nlp):
    got = {o for s, o in facts(nlp, REPORT) if s == DMM}
    assert {"country/canada", "person/tremblay", "person/jonson"} <= got
    assert not {"person/anand", "person/hultqvist"} & got  # "omdat ...", ", die eerder ... was opgevolgd"


def test_the_date_of_a_relative_clause_does_not_date_the_sentence(nlp):
    assert (DMM, "country/georgie") in facts(nlp, REPORT)


def test_this_gathering_is_the_one_the_sentence_before_introduced(nlp):
    got = facts(nlp, REPORT)
    sessions = {s for s, o in got if o == "person/kurti"}
    assert sessions and all(s.startswith("session/dmm-2026-10") for s in sessions)


def test_the_senders_own_delegation_goes_to_the_letters_meeting(nlp):
    text = ("Den Haag, 1 juli 2026\n\nOp 7 en 8 juli komen de regeringsleiders van de bondgenoten bijeen in "
            "Ankara. Nederland wordt vertegenwoordigd door minister-president Van Dijk, die wordt vergezeld door "
            "ondergetekende.\n\nDe minister van Buitenlandse Zaken,\nP. de Graaf\n"
            "\nHierbij bied ik u de geannoteerde agenda aan voor de NAVO-top in Ankara op 7 en 8 juli 2026.\n")
    got = {o for s, o in facts(nlp, text) if s == "summit/ankara-2026"}
    assert {"person/van-dijk", "person/de-graaf"} <= got


def test_a_conditional_invitation_is_no_participation(nlp):
    text = ("Den Haag, 1 juli 2026\n\nHierbij bied ik u het verslag aan van de NAVO-top in Ankara op 7 en 8 juli 2026. "
            "Tijdens de top hebben de bondgenoten besloten dat Bosnië en Herzegovina wordt uitgenodigd zodra de "
            "hervormingen zijn afgerond.\n")
    assert not {o for _, o in facts(nlp, text)} & {"country/bosnie-en-herzegovina"}


SESSIONS = """Den Haag, 20 maart 2026

Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken op 2 en 3 april 2026 in Brussel.

Eerste sessie: de zuidflank
Op 2 april spreken de ministers met de partners uit de Golfregio – Qatar, Koeweit en Bahrein – en met de VN-gezant Stefan Hansen over de veiligheid in de regio. In Madrid ondertekenden de Spaanse premier Pedro Sánchez en de Italiaanse premier Giorgia Meloni samen met de secretaris-generaal een verklaring.

Tweede sessie: Oekraïne
De Oekraïense minister van Buitenlandse Zaken, Andrii Sybiha, is voor deze sessie eveneens uitgenodigd. Op 3 april spreken de ministers in Resolute Support-formaat met de Afghaanse minister Amir Khan Muttaqi. De ministers spraken over de gesprekken met Rusland.

De minister van Buitenlandse Zaken,
P. de Graaf
"""

FMM = "ministerial/fmm-2026-04"


def test_a_numbered_session_heading_is_a_session_with_its_participants(nlp):
    got = facts(nlp, SESSIONS)
    first = {s for s, o in got if o == "country/qatar"}
    assert first and all(s.startswith("session/fmm-2026-04-") and "zuidflank" in s for s in first)
    assert {"country/koeweit", "country/bahrein"} <= {o for s, o in got if s in first}
    second = {s for s, o in got if o == "person/sybiha"}
    assert second and all(s.startswith("session/fmm-2026-04-oekraine") for s in second)


def test_the_members_talking_with_others_is_participation_of_the_others_only(nlp):
    parties = {o for _, o in facts(nlp, SESSIONS)}
    assert "person/hansen" in parties and "organisation/verenigde-naties" not in parties
    assert "country/rusland" not in parties     # "spraken over de gesprekken met Rusland"
    assert not {"person/sanchez", "person/meloni"} & parties  # signed "samen met" the SG: not at this meeting


def test_a_format_gathering_is_not_the_section_it_stands_in(nlp):
    where = {s for s, o in facts(nlp, SESSIONS) if o.endswith("muttaqi")}
    assert where and not any(s.startswith("session/fmm-2026-04-oekraine") for s in where)


BARE = """Den Haag, 12 juli 2026

Hierbij bied ik u het verslag aan van de NAVO-top die op 7 en 8 juli 2026 in Ankara werd gehouden.

De Oostenrijkse bondskanselier sprak de bondgenoten toe. Ook Zwitserland en Ierland namen deel; de Maltese premier Robert Abela gaf een persconferentie. De Finse president Alexander Stubb, die voor het eerst een top bijwoonde, meldde dat Estland extra troepen stuurt.

Op 8 juli kwamen de regeringsleiders bijeen met de partners die aan KFOR bijdragen, waaronder Marokko en Chili.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_taking_part_with_no_object_is_the_letters_meeting(nlp):
    got = {o for s, o in facts(nlp, BARE) if s == "summit/ankara-2026"}
    assert {"country/zwitserland", "country/ierland", "person/stubb"} <= got
    assert "person/abela" not in got     # the other clause of the sentence says nothing of it
    assert "country/estland" not in got  # only the relative clause speaks of attending


def test_coming_together_with_partners(nlp):
    got = {o for s, o in facts(nlp, BARE) if s == "summit/ankara-2026"}
    assert {"country/marokko", "country/chili"} <= got


def test_an_invitation_to_accession_talks_is_no_participation(nlp):
    text = BARE.replace("De Oostenrijkse bondskanselier sprak de bondgenoten toe.",
                        "Daarnaast werd Servië uitgenodigd om toetredingsgesprekken te openen, nu het land met "
                        "Albanië een akkoord heeft bereikt.")
    parties = {o for _, o in facts(nlp, text)}
    assert "country/zwitserland" in parties
    assert not {"country/servie", "country/albanie"} & parties
