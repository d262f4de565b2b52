"""Wrong facts a precision sweep found, mended by the general pattern behind each: working
``samen met`` a country is no attending, a country named as a place takes no part, ..."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


DMM_NEWS = """NAVO-ministers van Defensie bijeen in Brussel
Nieuwsbericht | 12-03-2026

Nederland stuurt een NASAMS-luchtverdedigingseenheid naar Roemenië. Minister Van Dalen (Defensie) heeft dat vandaag in Brussel gemeld tijdens de bijeenkomst van de NAVO-ministers van Defensie. De eenheid wordt samen met Italië gestationeerd bij de haven van Constanța, in het oosten van Roemenië.

Aan de bijeenkomst namen ook Zweden en Finland deel.
"""


def test_working_together_with_a_country_is_no_attending(nlp):
    _, ex = run(nlp, DMM_NEWS)
    parties = {o for _, o in facts(ex, "kg:participant")}
    assert "country/zweden" in parties
    assert "country/italie" not in parties
    assert "country/roemenie" not in parties


SUMMIT_AGENDA = """Den Haag, 2 november 2026

Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top die op 19 en 20 november 2026 in Riga zal plaatsvinden. Minister-president Van Dijk neemt deel aan de top.

Uitbreiding
Bosnië-Herzegovina en Moldavië streven ernaar in Riga een uitnodiging voor toetredingsonderhandelingen te krijgen. De regering ondersteunt de uitnodiging van Moldavië.

Partners
Het kabinet verwelkomt de uitnodiging van Bosnië-Herzegovina.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_an_invitation_to_join_is_no_invitation_to_the_summit(nlp):
    _, ex = run(nlp, SUMMIT_AGENDA)
    parties = {o for _, o in facts(ex, "kg:participant")}
    assert "person/van-dijk" in parties
    assert "country/moldavie" not in parties
    assert "country/bosnie-herzegovina" not in parties


SUMMIT_NEWS = """Bondgenoten eens over nieuwe koers
Nieuwsbericht | 08-07-2026

De NAVO-top in Ankara vond op 7 en 8 juli 2026 plaats. Minister-president Van Dijk nam deel aan de top.

De regeringsleiders namen gisteren een nieuw Strategisch Concept aan, voor het eerst sinds de NAVO-top in Madrid in 2022.
"""


def test_a_summit_after_since_is_a_time_not_where_it_was_agreed(nlp):
    _, ex = run(nlp, SUMMIT_NEWS)
    agreed = facts(ex, "kg:agreedAt")
    assert not any(o == "summit/madrid-2022" for _, o in agreed)
    assert ("initiative/strategisch-concept-ankara-2026", "summit/ankara-2026") in agreed


SUMMIT_COMMISSION = """Den Haag, 2 maart 2026

Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top die op 2 en 3 april 2026 in Ankara zal plaatsvinden.

De leiders zullen een verklaring over de zuidflank aannemen en de secretaris-generaal opdracht geven een herzien Strategisch Concept op te stellen, dat het huidige concept moet vervangen.

De minister van Buitenlandse Zaken,
P. de Graaf
"""


def test_a_plan_commissioned_at_a_summit_is_not_agreed_there(nlp):
    _, ex = run(nlp, SUMMIT_COMMISSION)
    assert not any("strategisch-concept" in s for s, _ in facts(ex, "kg:agreedAt"))


SERVANTS = """Den Haag, 2 maart 2026

Aan het overleg nam ook de persoonlijke gezant van de EU-voorzitter, Tomas Berg, deel. De woordvoerder van de Franse president, Claire Dubois, gaf een toelichting. De opvolger van minister-president Mark Rutte was niet aanwezig.
"""


def test_the_servant_of_an_office_holder_does_not_hold_the_office(nlp):
    _, ex = run(nlp, SERVANTS)
    holders = {s for s, _ in facts(ex, "kg:holdsOffice")}
    assert "person/berg" not in holders
    assert "person/dubois" not in holders
    assert "person/rutte" in holders  # the bare title before the name still names the holder


HEADLINE = """Bondgenoten vergaderen in Londen, Georgië blijft partner
Nieuwsbericht | 10-07-2026

De ministers van Buitenlandse Zaken van de NAVO kwamen bijeen in Newport, Verenigd Koninkrijk, voor een informeel overleg. Eerder overlegden de ambassadeurs in Madrid, Portugal.
"""


def test_a_country_opening_a_new_clause_or_against_the_reference_is_no_place_country(nlp):
    _, ex = run(nlp, HEADLINE)
    where = facts(ex, "kg:inCountry")
    assert ("place/newport", "country/verenigd-koninkrijk") in where
    assert not any(s == "place/londen" for s, _ in where)
    assert not any(s == "place/madrid" for s, _ in where)  # the reference puts Madrid in Spain


MISSION_LETTER = """Den Haag, 2 maart 2026

Noorwegen, dat met circa 400 militairen aan de NATO Mission Iraq (NMI) bijdraagt, verzorgt daar ook de training van de strijdkrachten van Irak.

Georgië, dat met 900 militairen aan ISAF bijdraagt, levert mentoring aan het Afghaanse nationale leger (ANA) in Helmand.
"""


def test_whom_a_mission_trains_takes_no_part_in_it(nlp):
    _, ex = run(nlp, MISSION_LETTER)
    parties = facts(ex, "kg:participant")
    assert ("operation/navo-missie-irak", "country/noorwegen") in parties
    assert ("operation/isaf", "country/georgie") in parties
    assert not any(o in ("country/irak", "organisation/afghan-national-army") for _, o in parties)


FUNDING = """Den Haag, 2 maart 2026

Nederland levert sinds 2023 een bijdrage aan de NAVO-missie in Irak (NMI).

Tijdens de vergadering is afgesproken dat de bondgenoten bijdragen aan een trustfonds voor de Iraakse kustwacht. Nederland draagt hieraan in 2026 EUR 4 miljoen bij.

Daarnaast neemt Nederland deel aan EUMAM Ukraine. Nederland draagt daaraan in 2026 EUR 2 miljoen bij.
"""


def test_a_pronominal_adverb_pointing_past_the_operation_gives_no_recipient(nlp):
    _, ex = run(nlp, FUNDING)
    amounts = {s: v for s, v in facts(ex, "kg:amountEUR")}
    recipients = dict(facts(ex, "kg:recipient"))
    assert not any(str(v) == "4000000" for v in amounts.values())
    assert any(str(amounts.get(c)) == "2000000" and r == "operation/eumam-ukraine" for c, r in recipients.items())


PARAGRAPHS = """Bondgenoten eens over nieuwe koers
Nieuwsbericht | 08-07-2026

De NAVO-top in Ankara vond op 7 en 8 juli 2026 plaats. Ook stemden de leiders in met een nieuw NATO Force Model, dat de paraatheid vergroot.

Van Dijk, die in Ankara werd bijgestaan door twee ministers, wees op de afspraak die in 2014 op de NAVO-top in Wales werd gemaakt.
"""


def test_an_agreement_does_not_carry_over_a_blank_line(nlp):
    _, ex = run(nlp, PARAGRAPHS)
    assert not any(o == "summit/newport-2014" for _, o in facts(ex, "kg:agreedAt"))
