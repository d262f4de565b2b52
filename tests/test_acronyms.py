"""kg_acronyms: acronym definitions, head-noun typing, names without acronyms."""
import pytest

from kg.nlp import make_pipeline
from kg.nlp.components.acronyms import canonical_slug, head_class, is_acronym, long_form


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def found(doc, cls=None):
    """(class, key, text) of every mention span of the acronym component's classes."""
    keep = {"Pledge", "Initiative", "Operation", "Organisation"} if cls is None else {cls}
    return {(s.label_, s.kb_id_, s.text) for s in doc.spans.get("kg", []) if s.label_ in keep}


def test_long_form_schwartz_hearst():
    assert long_form("CRP", "bondgenoten onderschreven de Cyber Resilience Pledge") == "Cyber Resilience Pledge"
    assert long_form("ELP", "het nieuwe European Logistics Programme") == "European Logistics Programme"
    assert long_form("sMAP", "het streamlined Membership Action Plan") == "streamlined Membership Action Plan"
    assert long_form("XYZ", "de Cyber Resilience Pledge") is None


def test_is_acronym_and_heads():
    assert is_acronym("CRP") and is_acronym("sMAP") and not is_acronym("Rusland")
    assert head_class("Cyber Resilience Pledge") == "Pledge"
    assert head_class("Baltic Air Policing Mission") == "Operation"
    assert head_class("Comprehensive Training Package") == "Initiative"
    assert head_class("Maritime Coordination Cell") == "Organisation"
    assert head_class("Cyber Centre of Excellence") == "Organisation"
    assert head_class("Arctische actieagenda") is None  # a lower-case compound is no name
    assert head_class("Defensiestrategie") == "Initiative"


def test_defence_and_defense_are_one_key():
    assert canonical_slug("Cyber Defense Pledge") == canonical_slug("Cyber Defence Pledge")
    assert canonical_slug("NATO Space Readiness Model") == canonical_slug("Space Readiness Model")


def test_definition_then_acronym_alone(nlp):
    doc = nlp("Bondgenoten onderschreven in Madrid de Cyber Resilience Pledge (CRP). "
              "Nederland voldoet inmiddels aan de CRP.")
    spans = found(doc, "Pledge")
    assert ("Pledge", "pledge/cyber-resilience-pledge", "Cyber Resilience Pledge") in spans
    crp = [s for s in doc.spans["kg"] if s.text == "CRP"]
    assert len(crp) == 2 and {s.kb_id_ for s in crp} == {"pledge/cyber-resilience-pledge"}
    assert doc.user_data["kg_acronyms"]["pledge/cyber-resilience-pledge"] == "CRP"


def test_reverse_order_definition(nlp):
    doc = nlp("Het ELP (European Logistics Programme) wordt in 2026 uitgebreid.")
    keys = {k for _c, k, _t in found(doc, "Initiative")}
    assert keys == {"initiative/european-logistics-programme"}


def test_translated_acronym_by_initials(nlp):
    doc = nlp("Verder vergaderde de Navo-Georgië Commissie (NGC) op 5 maart.")
    # the reference entity (ontology/reference/organisations.json), its acronym too
    got = {(k, t) for _c, k, t in found(doc, "Organisation")}
    assert {("organisation/nato-georgia-commission", "Navo-Georgië Commissie"),
            ("organisation/nato-georgia-commission", "NGC")} <= got
    doc = nlp("Verder vergaderde de Navo-Moldavië Commissie (NMC) op 5 maart.")
    assert any(k == "organisation/moldavie-commission" for _c, k, _t in found(doc, "Organisation"))


def test_operation_and_dutch_compounds(nlp):
    doc = nlp("Nederland levert militairen aan operatie Northern Shield. "
              "Daarnaast is het Duitse Skyguard-initiatief besproken, net als de NAVO-maritieme strategie.")
    spans = found(doc)
    assert ("Operation", "operation/northern-shield", "operatie Northern Shield") in spans
    assert any(c == "Initiative" and t == "Skyguard-initiatief" for c, _k, t in spans)
    assert any(c == "Initiative" and t == "NAVO-maritieme strategie" for c, _k, t in spans)


def test_capitalised_english_name_without_acronym(nlp):
    doc = nlp("Bondgenoten werken verder aan het Allied Space Action Plan en de NATO Rapid Response Model.")
    texts = {t for _c, _k, t in found(doc, "Initiative")}
    assert "Allied Space Action Plan" in texts
    assert "NATO Rapid Response Model" in texts


def test_no_entity_from_plain_dutch(nlp):
    doc = nlp("De Russische agressie vraagt om een nieuw actieplan en een strategie. De Raad kwam bijeen.")
    assert not found(doc, "Initiative")


def test_adjective_inflection_folds_to_one_key():
    assert canonical_slug("Strategische Concept") == canonical_slug("Strategisch Concept") == "strategisch-concept"
    assert canonical_slug("Europese Defensiestrategie") == canonical_slug("Europees Defensiestrategie")
    assert canonical_slug("Nationale Veiligheidsstrategie") == "nationaal-veiligheidsstrategie"
    assert canonical_slug("Grote Oefening") == canonical_slug("Groot Oefening")
    # nouns and English words keep their -e
    assert canonical_slug("Brigade Strategie") == "brigade-strategie"
    assert canonical_slug("Rapid Response Force") == "rapid-response-force"


def test_dutch_and_english_council_names_fold_to_one_key():
    assert canonical_slug("NATO-Georgia Commission") == canonical_slug("NAVO-Georgië-commissie") \
        == canonical_slug("Navo-Georgië Commissie") == "georgie-commission"
    assert canonical_slug("NATO-Ukraine Council") == canonical_slug("NAVO-Oekraïne Raad")


def test_council_of_nato_and_a_partner_in_dutch_and_english_is_one_entity(nlp):
    doc = nlp("De NAVO-Moldavië-raad vergaderde. Later sprak de NATO-Moldova Council (NMC) opnieuw.")
    by_text = {t: k for _c, k, t in found(doc, "Organisation")}
    assert by_text["NAVO-Moldavië-raad"] == by_text["NATO-Moldova Council"] == "organisation/moldavie-council"


def test_variant_of_a_reference_organisation_gets_its_key(nlp):
    doc = nlp("De NAVO-Oekraïne-raad kwam bijeen.")
    assert {k for _c, k, _t in found(doc, "Organisation")} == {"organisation/nato-ukraine-council"}


def test_a_number_after_a_units_head_is_part_of_its_name(nlp):
    # e43: "Combined Task Force 151" is the name; "Combined Task Force" alone would be a false entity
    doc = nlp("Het fregat voer mee met Combined Task Force 152, die in de Perzische Golf patrouilleert. "
              "Ook Joint Task Force 7 (JTF-7) werd genoemd.")
    names = {text for _, _, text in found(doc, "Organisation")}
    assert {"Combined Task Force 152", "Joint Task Force 7"} <= names
    assert "Combined Task Force" not in names


def test_a_number_that_counts_something_is_no_designator(nlp):
    doc = nlp("De Very High Readiness Joint Task Force 300 militairen sterk, en de Defence Investment Pledge 2 % van het bbp.")
    texts = {text for _, _, text in found(doc)}
    assert not any(t.endswith((" 300", " 2")) for t in texts)
