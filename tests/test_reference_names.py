"""Entity breadth from reference data (issue 13): NATO, EU and UN bodies, armed groups,
Dutch state bodies, named plans and pledges, each by its Dutch and English names and
acronyms; and where such a name is not the reference entity."""
import pytest

from kg import reference
from kg.nlp import make_pipeline
from kg.nlp.spans import mentions


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def named(nlp, text):
    """(class, key, text) of every mention the pipeline leaves."""
    return {(s.label_, s.kb_id_, s.text) for s in mentions(nlp(text))}


def keys(nlp, text, cls=None):
    return {k for c, k, _ in named(nlp, text) if cls is None or c == cls}


def test_nato_bodies_commands_and_agencies(nlp):
    got = named(nlp, "In de Nucleaire Planningsgroep en het Militair Comité is gesproken over de plannen van "
                     "SHAPE en JFC Brunssum; de NSPA en de NCI Agency leveren, DIANA en de Parlementaire "
                     "Assemblee van de NAVO volgen het.")
    assert {("Organisation", "organisation/nuclear-planning-group", "Nucleaire Planningsgroep"),
            ("Organisation", "organisation/militair-comite", "Militair Comité"),
            ("Organisation", "organisation/supreme-headquarters-allied-powers-europe", "SHAPE"),
            ("Organisation", "organisation/allied-joint-force-command-brunssum", "JFC Brunssum"),
            ("Organisation", "organisation/nato-support-and-procurement-agency", "NSPA"),
            ("Organisation", "organisation/nato-communications-and-information-agency", "NCI Agency"),
            ("Initiative", "initiative/defence-innovation-accelerator-for-the-north-atlantic", "DIANA"),
            ("Organisation", "organisation/nato-parlementaire-assemblee",
             "Parlementaire Assemblee van de NAVO")} <= got


def test_english_and_dutch_names_are_one_body(nlp):
    a = keys(nlp, "De Nuclear Planning Group kwam op 14 juni bijeen.", "Organisation")
    b = keys(nlp, "De Nucleaire Planningsgroep (NPG) kwam op 14 juni bijeen.", "Organisation")
    assert a == b == {"organisation/nuclear-planning-group"}


def test_acronyms_that_are_words_or_other_names_need_capitals_or_a_definition(nlp):
    # 'act', 'shape', 'Diana' and 'IS' as words or names; CAP undefined (also the EU's farm policy)
    assert keys(nlp, "We act now to shape the future, zei Diana Jansen. Dat IS zo. Het CAP-budget daalt.",
                "Organisation") | keys(nlp, "Het CAP-budget daalt.", "Initiative") == set()
    # an in-document definition still makes the acronym the entity
    got = named(nlp, "Nederland steunt het Comprehensive Assistance Package (CAP). Het CAP loopt door.")
    assert {k for c, k, t in got if t == "CAP"} == {"initiative/comprehensive-assistance-package"}


def test_eu_un_and_other_international_bodies(nlp):
    got = keys(nlp, "De EDEO, het EU Militair Comité, de Algemene Vergadering van de VN, het "
                    "Internationaal Strafhof, de G7 en de G20 en de OESO spraken erover.", "Organisation")
    assert {"organisation/europese-dienst-voor-extern-optreden",
            "organisation/militair-comite-van-de-europese-unie",
            "organisation/algemene-vergadering-van-de-verenigde-naties", "organisation/internationaal-strafhof",
            "organisation/g7", "organisation/g20", "organisation/oeso"} <= got
    # the EU's military committee is not NATO's
    assert "organisation/militair-comite" not in got


def test_armed_and_terrorist_groups(nlp):
    got = keys(nlp, "Turkije noemt de PKK en de YPG; in Jemen vallen de Houthi's schepen aan, in Somalië "
                    "strijdt Al-Shabaab en in Afghanistan zijn Al Qaida en Da’esh actief.", "Organisation")
    assert {"organisation/pkk", "organisation/ypg", "organisation/houthi-s", "organisation/al-shabaab",
            "organisation/al-qaida", "organisation/isis"} <= got
    assert keys(nlp, "De Houthi-rebellen vielen opnieuw aan.", "Organisation") == {"organisation/houthi-s"}


def test_dutch_ministries_current_and_historic_names(nlp):
    got = keys(nlp, "Het ministerie van Algemene Zaken en het ministerie van Veiligheid en Justitie "
                    "overleggen met de AIVD, de MIVD en het Commando Landstrijdkrachten.", "Organisation")
    assert got == {"organisation/ministerie-van-algemene-zaken",
                   "organisation/ministerie-van-justitie-en-veiligheid",
                   "organisation/algemene-inlichtingen-en-veiligheidsdienst",
                   "organisation/militaire-inlichtingen-en-veiligheidsdienst",
                   "organisation/commando-landstrijdkrachten"}


def test_a_national_body_of_another_state_is_not_the_dutch_one(nlp):
    got = keys(nlp, "Het Britse ministerie van Defensie, de Duitse luchtmacht en het ministerie van "
                    "Defensie van Oekraïne werken samen.", "Organisation")
    assert got == set()
    # the Dutch ones still are, also with the Dutch adjective or 'van Nederland'
    got = keys(nlp, "De Nederlandse luchtmacht en het ministerie van Defensie van Nederland.", "Organisation")
    assert got == {"organisation/koninklijke-luchtmacht", "organisation/ministerie-van-defensie"}


def test_the_navy_in_lower_case_is_the_dutch_one_not_a_given_name(nlp):
    assert keys(nlp, "Voor de missie levert de marine een fregat.", "Organisation") == \
        {"organisation/koninklijke-marine"}
    assert keys(nlp, "Volgens Marine Dupont en de Franse marine is dat zo.", "Organisation") == set()


def test_named_plans_processes_and_funds_are_initiatives(nlp):
    got = named(nlp, "Het NAVO2030-proces, het Partnership for Peace, de Mediterrane Dialoog, Smart Defence, "
                     "PURL en het NAVO Innovatiefonds staan op de agenda.")
    assert {("Initiative", "initiative/nato-2030", "NAVO2030-proces"),
            ("Initiative", "initiative/partnership-for-peace", "Partnership for Peace"),
            ("Initiative", "initiative/mediterranean-dialogue", "Mediterrane Dialoog"),
            ("Initiative", "initiative/smart-defence", "Smart Defence"),
            ("Initiative", "initiative/prioritised-ukraine-requirements-list", "PURL"),
            ("Initiative", "initiative/nato-innovation-fund", "NAVO Innovatiefonds")} <= got


def test_dutch_and_english_plan_names_are_one_entity(nlp):
    assert keys(nlp, "Het nieuwe Strategic Concept wordt in Madrid aangenomen.", "Initiative") == \
        keys(nlp, "Het nieuwe Strategische Concept wordt in Madrid aangenomen.", "Initiative") == \
        {"initiative/strategisch-concept"}


def test_pledges_named_without_the_word_pledge(nlp):
    got = named(nlp, "In Warschau onderschreven de bondgenoten het Commitment to Enhance Resilience "
                     "en de Cyber Defense Pledge.")
    assert {("Pledge", "pledge/commitment-to-enhance-resilience", "Commitment to Enhance Resilience"),
            ("Pledge", "pledge/cyber-defence-pledge", "Cyber Defense Pledge")} <= got


def test_a_plan_name_inside_a_longer_name_or_in_lower_case_is_not_the_plan(nlp):
    assert keys(nlp, "De bondgenoten bespraken het Space Readiness Action Plan.", "Initiative") == \
        {"initiative/space-readiness-action-plan"}
    assert keys(nlp, "Er komt een nieuw strategisch concept voor de krijgsmacht.", "Initiative") == set()


def test_country_adjectives_from_the_taalunie_list_and_hyphenated_names():
    ref = reference.load()
    assert ref.country_of_adjective("Chileense").key == "country/chili"
    assert ref.country_of_adjective("Thaise").key == "country/thailand"
    assert ref.lookup("Bosnië-Herzegovina").key == "country/bosnie-en-herzegovina"
    # short forms Dutch texts use for states whose CLDR name is longer
    assert ref.lookup("Myanmar").key == ref.lookup("Birma").key == "country/myanmar-birma"
    assert ref.lookup("VAE").key == "country/verenigde-arabische-emiraten"
    assert ref.lookup("Saudi-Arabië").key == "country/saoedi-arabie"
    # former states that letters recall
    assert ref.lookup("Sovjet-Unie").cls == "Country" and ref.lookup("DDR").key == "country/oost-duitsland"


def test_isaf_era_forces_and_eu_un_missions(nlp):
    got = named(nlp, "De ANSF en het Afghan National Army worden getraind; EUPOL Afghanistan, UNAMA en "
                     "NTM-I steunen dat, en Nederland draagt bij aan het Europees Defensiefonds.")
    assert {("Organisation", "organisation/afghan-national-security-forces", "ANSF"),
            ("Organisation", "organisation/afghan-national-army", "Afghan National Army"),
            ("Operation", "operation/eupol-afghanistan", "EUPOL Afghanistan"),
            ("Operation", "operation/unama", "UNAMA"),
            ("Operation", "operation/nato-training-mission-iraq", "NTM-I"),
            ("Initiative", "initiative/europees-defensiefonds", "Europees Defensiefonds")} <= got
    # a given name is not the Afghan army
    assert keys(nlp, "Volgens Ana de Vries ging het goed.", "Organisation") == set()


def test_a_name_that_is_a_common_word_counts_only_in_context(nlp):
    isis = "organisation/isis"
    # after a context word, in a compound, or where the document names the group otherwise
    assert {t for c, k, t in named(nlp, "De terreurgroep IS eiste de aanslag op.") if k == isis} == {"IS"}
    assert {t for c, k, t in named(nlp, "IS-strijders trokken zich terug uit de stad.") if k == isis} \
        == {"IS-strijders"}
    assert {t for c, k, t in named(nlp, "Nederland bestrijdt ISIS in Irak. IS verliest terrein.")
            if k == isis} == {"ISIS", "IS"}
    # elsewhere it is the verb, in a heading too
    assert isis not in keys(nlp, "Het IS een belangrijk moment, zei de minister.")
    assert {t for c, k, t in named(nlp, "ISIS verloor terrein. WAT IS DE ROL VAN NEDERLAND?")
            if k == isis} == {"ISIS"}


def test_a_compound_names_the_group_by_its_head(nlp):
    from kg.nlp.spans import entity_table
    doc = nlp("IS-strijders trokken zich terug uit de stad.")
    assert "IS" in entity_table(doc)["organisation/isis"]["alt_labels"]


def test_isaf_commands_and_task_forces_are_whole_names(nlp):
    got = named(nlp, "De Nederlandse Task Force Uruzgan viel onder Regional Command South; later "
                     "leidde Nederland in RC-North een team.")
    assert {("Organisation", "organisation/task-force-uruzgan", "Task Force Uruzgan"),
            ("Organisation", "organisation/regional-command-south", "Regional Command South"),
            ("Organisation", "organisation/regional-command-north", "RC-North")} <= got
    # no partial name ("Task Force", "Regional Command") beside them
    assert not {k for _c, k, _t in got} & {"organisation/task-force", "organisation/regional-command"}


def test_a_named_pledge_of_the_washington_summit(nlp):
    assert keys(nlp, "In Washington namen de bondgenoten de Pledge of Long-Term Security Assistance for "
                     "Ukraine aan.", "Pledge") == {"pledge/pledge-of-long-term-security-assistance-for-ukraine"}


def test_the_assistance_package_for_ukraine_is_one_programme_by_any_name(nlp):
    # NATO's Comprehensive Assistance Package for Ukraine is written 'CAP' in some letters and
    # 'UCAP' in others: one programme, one entity
    a = named(nlp, "De bondgenoten breiden het Ukraine Comprehensive Assistance Package (UCAP) uit.")
    b = named(nlp, "Nederland draagt bij aan het Comprehensive Assistance Package voor Oekraïne.")
    got = {k for c, k, t in a | b if c == "Initiative"}
    assert got == {"initiative/comprehensive-assistance-package"}
