"""Operations read from the wave-8 blind letters' forms: the area an operation acts in is no
participant ('voor de kust van X'); the state 'door' a participle of leading names, a force that
carries the operation out and who gives to it, forces 'in het kader van' it, a unit taking over its
task and allies keeping units in its theatre take part; an operation 'gevestigd in' a place is there."""
import pytest

from kg.nlp import make_pipeline
from tests.extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_the_coast_an_operation_patrols_is_no_participant(nlp):
    text = ("Den Haag, 4 mei 2027\n\nHet kabinet heeft besloten de mijnenjager Zr.Ms. Vlaardingen bij te "
            "dragen aan de NAVO-operatie Sea Sentinel ter beveiliging van de scheepvaart voor de kust "
            "van Libië en in de wateren van Tunesië.\n")
    parts = facts(run(nlp, text)[1], "kg:participant")
    assert ("operation/sea-sentinel", "country/nederland") in parts
    assert not {o for s, o in parts if o in ("country/libie", "country/tunesie")}


def test_the_state_a_participle_says_leads_the_operation_takes_part(nlp):
    text = ("Den Haag, 4 mei 2027\n\nSinds 2026 levert Nederland een compagnie aan operatie Baltic Shield. "
            "Ook Portugal stuurt troepen naar de door Canada en Polen aangevoerde operatie Baltic Shield.\n")
    parts = facts(run(nlp, text)[1], "kg:participant")
    assert ("operation/baltic-shield", "country/canada") in parts
    assert ("operation/baltic-shield", "country/polen") in parts


def test_an_operation_seated_somewhere_is_there(nlp):
    text = ("Den Haag, 4 mei 2027\n\nDe nieuwe staf, Joint Logistics Support Mission (JLSM), is gevestigd "
            "in Ulm en coördineert de aanvoer. Operatie Baltic Shield zetelt in Riga.\n")
    loc = facts(run(nlp, text)[1], "schema:location")
    assert ("operation/joint-logistics-support-mission", "place/ulm") in loc
    assert ("operation/baltic-shield", "place/riga") in loc


def test_officers_for_the_headquarters_of_the_paragraphs_operation_take_part(nlp):
    text = ("Den Haag, 4 mei 2027\n\nDe bondgenoten richtten in 2026 operatie Baltic Shield op. "
            "Denemarken levert twaalf stafofficieren aan het hoofdkwartier. "
            "Noorwegen levert twee stafofficieren aan het hoofdkwartier van de NAVO in Brussel.\n")
    parts = facts(run(nlp, text)[1], "kg:participant")
    assert ("operation/baltic-shield", "country/denemarken") in parts
    assert ("operation/baltic-shield", "country/noorwegen") not in parts


def test_a_states_forces_in_the_framework_of_an_operation_take_part(nlp):
    text = ("Den Haag, 4 mei 2027\n\nDe minister lichtte toe dat de regering de inzet van Deense F-35's in het "
            "kader van operatie Baltic Shield met een half jaar verlengt. De Noorse bijdrage in het kader van "
            "de operatie Northern Lights loopt af.\n")
    parts = facts(run(nlp, text)[1], "kg:participant")
    assert ("operation/baltic-shield", "country/denemarken") in parts
    assert ("operation/northern-lights", "country/noorwegen") in parts


def test_the_force_that_carries_out_an_operation_is_the_mission(nlp):
    text = ("Den Haag, 4 mei 2027\n\nInzet\nOperatie Sea Sentinel wordt uitgevoerd door de Standing NATO Mine "
            "Countermeasures Group 2 (SNMCMG2), die onder Turks bevel staat. Behalve Nederland leveren "
            "Griekenland en Italië elk een mijnenjager aan de groep.\n")
    parts = facts(run(nlp, text)[1], "kg:participant")
    for state in ("turkije", "griekenland", "italie"):
        assert ("operation/sea-sentinel", f"country/{state}") in parts


def test_a_group_the_operation_is_not_said_to_be_carried_out_by_is_someone_else(nlp):
    text = ("Den Haag, 4 mei 2027\n\nInzet\nOperatie Sea Sentinel beschermt de scheepvaart in de Rode Zee. "
            "Griekenland levert een schip aan de groep.\n")
    assert ("operation/sea-sentinel", "country/griekenland") not in facts(run(nlp, text)[1], "kg:participant")


def test_an_allied_unit_taking_over_the_task_takes_part(nlp):
    text = ("Den Haag, 4 mei 2027\n\nDe Nederlandse luchtverdedigers sluiten deze maand hun deelname aan operatie "
            "Baltic Shield af. Op 1 juni dragen zij hun taak bij Šiauliai over aan een Deense luchtverdedigingseenheid. "
            "Eerder werd het beheer van de kazerne overgedragen aan de Litouwse troepen.\n")
    parts = facts(run(nlp, text)[1], "kg:participant")
    assert ("operation/baltic-shield", "country/denemarken") in parts
    assert ("operation/baltic-shield", "country/litouwen") not in parts  # the host (Šiauliai is in Lithuania) joins nothing


def test_allies_keeping_their_units_in_the_one_operations_theatre_take_part(nlp):
    text = ("Den Haag, 4 mei 2027\n\nDe Nederlandse bijdrage aan Active Fence is beëindigd. "
            "Ook Italië en Spanje houden hun batterijen tot de zomer in Turkije. "
            "Rusland houdt zijn troepen in Syrië.\n")
    parts = facts(run(nlp, text)[1], "kg:participant")
    assert ("operation/operation-active-fence", "country/italie") in parts
    assert ("operation/operation-active-fence", "country/spanje") in parts
    assert ("operation/operation-active-fence", "country/rusland") not in parts


def test_puntland_is_a_place(nlp):
    doc, ex = run(nlp, "Den Haag, 4 mei 2027\n\nDe fregatten steunen de kustwacht in Puntland.\n")
    assert "place/puntland" in {k for k, e in ex.entities.items() if e.cls == "Place"}
