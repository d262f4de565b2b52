"""kg.extract.pledges: acronym, agreedAt, targetPercentGDP."""
from decimal import Decimal
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline

TEXT = """Den Haag, 2 juni 2022

Bondgenoten bespreken de voortgang van de Cyber Resilience Pledge (CRP) om minimaal 0,5% van het bbp aan cyberdefensie te besteden, zoals tijdens de NAVO-top in Madrid (28–30 juni 2022) werd afgesproken.

In Madrid zullen de bondgenoten naar verwachting ook een nieuw Space Readiness Action Plan overeenkomen. Het kabinet steunt de CRP. Tijdens deze Top lanceren bondgenoten ook het Arctic Security Programme.

Op de Top in Brussel in 2021 spraken bondgenoten af om de Allied Logistics Programme (ALP) te versterken.
"""


@pytest.fixture(scope="module")
def ex():
    ct = clean(SourceText(Path("pledge.txt"), TEXT))
    doc = make_pipeline()(ct.text)
    return extract(doc, ct)


def facts(ex, predicate):
    return {(f.subject, f.object.key if isinstance(f.object, Ref) else f.object)
            for f in ex.facts if f.predicate == predicate}


def test_acronym_fact(ex):
    assert ("pledge/cyber-resilience-pledge", "CRP") in facts(ex, "kg:acronym")
    assert ("initiative/allied-logistics-programme", "ALP") in facts(ex, "kg:acronym")


def test_target_percent_of_gdp(ex):
    assert facts(ex, "kg:targetPercentGDP") == {("pledge/cyber-resilience-pledge", Decimal("0.5"))}


def test_agreed_at_summit_in_sentence(ex):
    assert ("pledge/cyber-resilience-pledge", "summit/madrid-2022") in facts(ex, "kg:agreedAt")


def test_agreed_at_place_of_a_summit(ex):
    # "In Madrid zullen de bondgenoten ... overeenkomen": Madrid is where this letter's summit is
    assert ("initiative/space-readiness-action-plan", "summit/madrid-2022") in facts(ex, "kg:agreedAt")


def test_agreed_at_earlier_summit_with_year(ex):
    assert ("initiative/allied-logistics-programme", "summit/brussel-2021") in facts(ex, "kg:agreedAt")
    # no agreement word, no fact
    assert not any(s == "pledge/cyber-resilience-pledge" and o == "summit/brussel-2021"
                   for s, o in facts(ex, "kg:agreedAt"))


def test_agreed_at_has_evidence(ex):
    for f in ex.facts:
        if f.predicate == "kg:agreedAt":
            assert f.evidence and TEXT[f.evidence.start:f.evidence.end] == f.evidence.sentence


def test_agreed_at_the_letters_own_summit_by_anaphor(ex):
    assert ("initiative/arctic-security-programme", "summit/madrid-2022") in facts(ex, "kg:agreedAt")


NEW_TARGET = """Den Haag, 2 juni 2026

Hierbij bieden wij u de kabinetsinzet aan voor de NAVO-top in Ankara op 7 en 8 juli 2026.

Sinds de top in Wales geldt de Defence Investment Pledge (DIP). Het kabinet steunt het voorstel om tot een nieuwe Defence Investment Pledge van 6% van het bbp te komen.

Bondgenoten rapporteren jaarlijks over hun deel van de Defence Investment Pledge. Zij lichten daarbij toe:

• hoe zij hun uitgaven verhogen in de richting van 2 procent bbp;
• hoe zij in 2030 1,8 procent bbp hebben besteed.
"""


@pytest.fixture(scope="module")
def new_target():
    ct = clean(SourceText(Path("inzet.txt"), NEW_TARGET))
    return extract(make_pipeline()(ct.text), ct)


def test_a_proposed_target_makes_a_new_pledge_agreed_at_the_summit(new_target):
    targets = facts(new_target, "kg:targetPercentGDP")
    assert ("pledge/defence-investment-pledge", Decimal(6)) not in targets  # never on the existing DIP
    assert ("pledge/defence-investment-pledge-ankara-2026", Decimal(6)) in targets
    assert ("pledge/defence-investment-pledge-ankara-2026", "summit/ankara-2026") in facts(new_target, "kg:agreedAt")
    new = new_target.entities["pledge/defence-investment-pledge-ankara-2026"]
    assert new.cls == "Pledge" and "nieuwe Defence Investment Pledge" in new.alt_labels


def test_a_target_stated_of_the_pledge_named_just_before(new_target):
    targets = {v for k, v in facts(new_target, "kg:targetPercentGDP") if k == "pledge/defence-investment-pledge"}
    assert targets == {Decimal(2)}  # "in de richting van 2 procent"; 1,8 procent spent is no target


def test_a_proposed_target_is_no_target_of_the_existing_pledge():
    text = "Den Haag, 2 juni 2026\n\nDe secretaris-generaal legde een voorstel voor om de Defence Investment Pledge (DIP) te verhogen naar 4% van het bbp.\n"
    ct = clean(SourceText(Path("voorstel.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    assert not facts(ex, "kg:targetPercentGDP")


def test_a_figure_spent_is_no_target():
    text = ("Den Haag, 2 juni 2026\n\nNederland besteedt in 2030 2,3% van het bbp aan defensie en voldoet daarmee "
            "aan de Defence Investment Pledge (DIP). De DIP vraagt minimaal 2% van het bbp. Dit jaar geven 20 "
            "bondgenoten minimaal 2,5% van het bbp uit.\n")
    ct = clean(SourceText(Path("uitgaven.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    assert facts(ex, "kg:targetPercentGDP") == {("pledge/defence-investment-pledge", Decimal(2))}


def test_a_new_pledge_agreed_at_a_summit_is_not_the_old_one():
    text = ("Den Haag, 2 juni 2026\n\nHierbij bieden wij u de kabinetsinzet aan voor de NAVO-top in Ankara op 7 en 8 juli 2026.\n\n"
            "Op de NAVO-top in Ankara zullen bondgenoten de nieuwe Defence Investment Pledge aannemen.\n")
    ct = clean(SourceText(Path("nieuw.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    agreed = facts(ex, "kg:agreedAt")
    assert ("pledge/defence-investment-pledge-ankara-2026", "summit/ankara-2026") in agreed
    assert not any(k == "pledge/defence-investment-pledge" for k, _ in agreed)


def test_a_new_pledge_of_a_summit_no_reference_knows_is_scoped_to_the_document():
    text = ("Den Haag, 2 juni 2031\n\nHierbij bieden wij u de kabinetsinzet aan voor de NAVO-top in Oslo op 7 en 8 juli 2031.\n\n"
            "Het kabinet steunt een nieuwe Defence Investment Pledge van 6% van het bbp.\n")
    ct = clean(SourceText(Path("oslo.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    keys = {k for k, _ in facts(ex, "kg:targetPercentGDP")}
    assert keys == {"pledge/~defence-investment-pledge-oslo"}  # kg.resolve makes it this document's own


CARRY = """Verslag van de buitengewone NAVO-top te Brussel

Den Haag, 4 mei 2022

De regeringsleiders spraken op deze top over de afschrikking aan de oostflank.

Het nieuwe Cyber Defence Programme zal tijdens de NAVO-top in Madrid worden vastgesteld. Het kabinet vindt het
denkbaar dat ook partners aan de top deelnemen; daarover is nog geen besluit genomen.

Het Logistics Action Plan werd uitgebreid besproken. Tijdens deze top is het plan aangenomen.
"""


@pytest.fixture(scope="module")
def carry():
    ct = clean(SourceText(Path("carry.txt"), CARRY))
    return extract(make_pipeline()(ct.text), ct)


def test_a_plan_whose_summit_its_own_sentence_names_is_not_carried_to_the_next(carry):
    """The next sentence (a negated decision about 'de top') does not agree it at the letter's own summit."""
    agreed = {s for k, s in facts(carry, "kg:agreedAt") if k == "initiative/cyber-defence-programme"}
    assert agreed == {"summit/madrid-2022"}


def test_a_plan_named_just_before_an_agreement_sentence_is_its_subject(carry):
    agreed = {s for k, s in facts(carry, "kg:agreedAt") if k == "initiative/logistics-action-plan"}
    assert agreed == {"summit/brussel-2022"}


NORMS = """Den Haag, 3 maart 2031

Op de NAVO-top in Ankara wordt een nieuwe Space Defence Pledge (SDP) aangenomen, waarin 0,3 procent voortaan de ondergrens is.

De in 2016 in Warschau afgesproken Cyber Defence Pledge (CDP) van 1 procent blijft gelden. Op de top in Ankara zal een nieuwe, hogere norm worden vastgesteld.
"""


@pytest.fixture(scope="module")
def norms():
    ct = clean(SourceText(Path("normen.txt"), NORMS))
    return extract(make_pipeline()(ct.text), ct)


def test_a_percentage_after_a_pledges_name_is_its_norm(norms):
    assert ("pledge/cyber-defence-pledge", Decimal(1)) in facts(norms, "kg:targetPercentGDP")


def test_a_percentage_called_a_floor_belongs_to_the_new_pledge(norms):
    targets = facts(norms, "kg:targetPercentGDP")
    new = [s for s, v in targets if "space-defence-pledge-" in s and v == Decimal("0.3")]  # named after its summit
    assert len(new) == 1
    agreed = facts(norms, "kg:agreedAt")
    assert any(s == new[0] for s, _ in agreed)
    # "een nieuwe Space Defence Pledge (SDP)": new by its acronym too, so the old pledge is not agreed there
    assert not any(s == "pledge/space-defence-pledge" for s, _ in agreed)


def test_a_pledge_agreed_before_is_not_the_next_sentences_new_norm(norms):
    assert not any(s == "pledge/cyber-defence-pledge" for s, _ in facts(norms, "kg:agreedAt"))


REPORT = """Den Haag, 20 juni 2031

Hierbij bieden wij u het verslag aan van de NAVO-top, die op 17 en 18 juni jl. in Ankara plaatsvond.

De regeringsleiders hebben het Maritime Resilience Package aangenomen. Ook lanceerden de leiders het Arctic Readiness Programme: vanaf 2033 moeten meer schepen inzetbaar zijn. In 2027 namen de regeringsleiders het Space Security Package aan.

De bondgenoten spraken tijdens de top af om Oekraïne elk jaar te steunen. Die afspraak, de Northern Solidarity Pledge, wordt naar rato verdeeld.
"""


@pytest.fixture(scope="module")
def report():
    ct = clean(SourceText(Path("verslag.txt"), REPORT))
    return extract(make_pipeline()(ct.text), ct)


def test_the_leaders_agree_at_the_summit_the_report_is_of(report):
    agreed = facts(report, "kg:agreedAt")
    summits = {o for _, o in agreed}
    assert len(summits) == 1
    assert {s for s, _ in agreed} >= {"initiative/maritime-resilience-package", "initiative/arctic-readiness-programme"}
    assert not any(s == "initiative/space-security-package" for s, _ in agreed)  # "In 2027": another time


def test_that_agreement_named_in_the_next_sentence(report):
    assert any(s == "pledge/northern-solidarity-pledge" for s, _ in facts(report, "kg:agreedAt"))


AGENDA = """Den Haag, 1 juli 2026

Hierbij bied ik u de geannoteerde agenda aan van de NAVO-top die op 7 en 8 juli 2026 in Ankara plaatsvindt.

De regeringsleiders spreken in Ankara over de afschrikking. Daarnaast wordt een nieuw Maritime Readiness Programme aangenomen.

In 2021 spraken de bondgenoten op de NAVO-top in Brussel af om de luchtverdediging te versterken. Ook wordt het Arctic Shield Programme aangenomen.

Op de NAVO-top in Vilnius in 2023 was Zweden nog een gast. Daar namen de bondgenoten ook het Eastern Flank Package aan.

Op de NAVO-top in Wales kwamen de bondgenoten in 2014 een investeringsafspraak overeen. Daar zegden zij toe binnen tien jaar 1,5 procent van hun bbp aan materieel te besteden. Deze afspraak, de Capability Investment Pledge, loopt tot 2024.
"""


@pytest.fixture(scope="module")
def agenda():
    ct = clean(SourceText(Path("agenda.txt"), AGENDA))
    return extract(make_pipeline()(ct.text), ct)


def _agreed(ex, subject):
    return {o for s, o in facts(ex, "kg:agreedAt") if s == subject}


def test_an_agreement_going_on_after_a_sentence_of_the_summit(agenda):
    # wave 2: "Daarnaast wordt een X aangenomen" after a sentence that places the summit
    assert _agreed(agenda, "initiative/maritime-readiness-programme") == {"summit/ankara-2026"}


def test_a_present_agreement_going_on_after_another_summit_is_not_at_it(agenda):
    # "Ook wordt ... aangenomen" after a sentence about 2021 in Brussel: not in 2021, and not said where
    assert _agreed(agenda, "initiative/arctic-shield-programme") == set()


def test_there_is_the_summit_of_the_sentence_before(agenda):
    # "Op de NAVO-top in Vilnius ... Daar namen de bondgenoten ... aan"
    assert _agreed(agenda, "initiative/eastern-flank-package") == {"summit/vilnius-2023"}


def test_that_agreement_told_on_by_there_gives_its_summit_and_target(agenda):
    key = "pledge/capability-investment-pledge"
    assert {o for s, o in facts(agenda, "kg:agreedAt") if s == key} and not (
        _agreed(agenda, key) & {"summit/ankara-2026"})
    assert (key, Decimal("1.5")) in facts(agenda, "kg:targetPercentGDP")
    ev = next(f.evidence for f in agenda.facts if f.predicate == "kg:targetPercentGDP" and f.subject == key)
    assert "Daar zegden" in ev.sentence and "Deze afspraak" in ev.sentence


def _targets_of(text, name="bericht.txt"):
    ct = clean(SourceText(Path(name), text))
    return facts(extract(make_pipeline()(ct.text), ct), "kg:targetPercentGDP")


def test_the_nato_norm_is_two_percent_before_the_hague_summit():
    got = _targets_of("Nieuwsbericht | 12-03-2022 | 10:00\n\n"
                      "Het kabinet wil dat Nederland in 2024 voldoet aan de NAVO-norm van 2 procent.\n")
    assert got == {("pledge/nato-norm", Decimal("2"))}


def test_the_nato_norm_of_after_the_hague_summit_is_not_the_old_node():
    # wave 2: after June 2025 "de NAVO-norm" may be the new 5% norm: never the old node's target
    got = _targets_of("Nieuwsbericht | 14-10-2026 | 09:30\n\n"
                      "Volgens het kabinet haalt Nederland in 2030 de NAVO-norm van 3,5 procent.\n")
    assert not any(s == "pledge/nato-norm" for s, _ in got)
    got = _targets_of("Nieuwsbericht | 14-10-2026 | 09:30\n\n"
                      "De oppositie vraagt of Nederland nog aan de NAVO-norm van 2 procent vasthoudt.\n")
    assert not any(s == "pledge/nato-norm" for s, _ in got)


def test_a_known_pledge_keeps_its_own_norm():
    got = _targets_of("Nieuwsbericht | 02-05-2023 | 11:00\n\n"
                      "Polen besteedt ruim meer dan de Defence Investment Pledge (DIP) van 3 procent voorschrijft.\n")
    assert not any(s == "pledge/defence-investment-pledge" for s, _ in got)


def test_the_nato_norm_of_after_the_hague_summit_is_agreed_nowhere():
    ct = clean(SourceText(Path("bericht.txt"), "Nieuwsbericht | 14-10-2026 | 09:30\n\n"
                          "De NAVO-norm werd op de NAVO-top in Den Haag in 2025 vastgesteld.\n"))
    ex = extract(make_pipeline()(ct.text), ct)
    assert not any(s == "pledge/nato-norm" for s, _ in facts(ex, "kg:agreedAt"))


NORM_NEWS = """Nieuwsbericht | 08-07-2026 | 18:00

Bondgenoten eens over hogere uitgaven

Op de NAVO-top in Ankara zijn de regeringsleiders woensdag overeengekomen dat elk land vanaf 2032 4 procent van zijn bbp aan defensie uitgeeft. Alleen Canada had bezwaren.

Vervolg

De nieuwe Solidarity Investment Pledge vervangt de afspraak die de bondgenoten in 2014 op de NAVO-top in Wales maakten. Het kabinet is tevreden.
"""


@pytest.fixture(scope="module")
def norm_news():
    ct = clean(SourceText(Path("nieuws.txt"), NORM_NEWS))
    return extract(make_pipeline()(ct.text), ct)


def test_the_new_pledge_is_the_norm_the_summit_report_says_was_agreed(norm_news):
    # wave 2: "Op de NAVO-top in X zijn ... overeengekomen dat elk land N procent van zijn bbp ..."
    # and later "De nieuwe <pledge>": that norm, agreed at X
    key = "pledge/solidarity-investment-pledge-ankara-2026"
    assert (key, Decimal("4")) in facts(norm_news, "kg:targetPercentGDP")
    assert facts(norm_news, "kg:agreedAt") == {(key, "summit/ankara-2026")}
    ev = next(f.evidence for f in norm_news.facts if f.predicate == "kg:agreedAt")
    assert "overeengekomen" in ev.sentence


def test_a_new_pledge_is_not_new_at_a_summit_years_before(norm_news):
    assert not any("wales" in o or "newport" in o for _, o in facts(norm_news, "kg:agreedAt"))


def test_a_new_norm_stated_in_parts_is_their_whole():
    got = _targets_of("Nieuwsbericht | 08-07-2026 | 18:00\n\n"
                      "Op de NAVO-top in Ankara draaide alles om de nieuwe Solidarity Investment Pledge, om 3 procent van het bbp "
                      "aan de krijgsmacht te besteden, plus 1 procent voor weerbaarheid.\n")
    assert got == {("pledge/solidarity-investment-pledge-ankara-2026", Decimal("4"))}


def test_no_norm_for_the_new_pledge_when_the_report_denies_or_gives_two():
    for first in ("Op de NAVO-top in Ankara hebben de regeringsleiders niet afgesproken dat elk land 4 procent "
                  "van zijn bbp aan defensie uitgeeft.",
                  "Op de NAVO-top in Ankara zijn de regeringsleiders overeengekomen dat elk land 4 procent van zijn "
                  "bbp uitgeeft. Volgens de notulen is ook afgesproken dat dit op de top in Ankara 3 procent van het bbp wordt."):
        ct = clean(SourceText(Path("nieuws.txt"), "Nieuwsbericht | 08-07-2026 | 18:00\n\n" + first
                              + "\n\nDe nieuwe Solidarity Investment Pledge geldt vanaf 2027.\n"))
        ex = extract(make_pipeline()(ct.text), ct)
        assert not facts(ex, "kg:targetPercentGDP")


def test_there_after_a_ministerial_in_the_summits_city_is_not_the_summit():
    text = ("Den Haag, 1 juni 2021\n\nHierbij bied ik u de geannoteerde agenda aan van de NAVO-top die op 14 juni "
            "2021 in Brussel plaatsvindt.\n\nIn februari kwamen de NAVO-ministers van Defensie in Brussel bijeen "
            "voor de Defensie Ministeriële. Daar namen zij het Resilient Logistics Package aan.\n")
    ct = clean(SourceText(Path("agenda.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    assert not any(s == "initiative/resilient-logistics-package" for s, _ in facts(ex, "kg:agreedAt"))


def test_a_plan_of_the_sentence_before_has_both_sentences_as_evidence(carry):
    ev = next(f.evidence for f in carry.facts
              if f.predicate == "kg:agreedAt" and f.subject == "initiative/logistics-action-plan")
    assert "Logistics Action Plan werd" in ev.sentence and "is het plan aangenomen" in ev.sentence


GOING_ON = """Den Haag, 19 juli 2024

Hierbij bieden wij u het verslag aan van de NAVO-top, die op 9 tot en met 11 juli jl. in Washington plaatsvond.

De regeringsleiders hebben het Maritime Resilience Package aangenomen. Hiermee wordt het besluit dat in 2018 op de NAVO-top in Brussel werd genomen, verder uitgewerkt. Ook werd het Arctic Supply Programme aangenomen, dat de bevoorrading in het noorden moet verbeteren.

De bondgenoten vroegen de secretaris-generaal een nieuw Strategisch Kompas op te stellen, dat tijdens de volgende top, in 2025 in Den Haag, wordt aangenomen. Daarnaast is besloten tot de oprichting van een Northern Logistics Initiative.
"""


@pytest.fixture(scope="module")
def going_on():
    ct = clean(SourceText(Path("verslag.txt"), GOING_ON))
    return extract(make_pipeline()(ct.text), ct)


def test_going_on_is_not_at_a_summit_the_sentence_before_only_looks_back_to(going_on):
    # e52: "Hiermee wordt het besluit dat in 2018 in Brussel werd genomen, ... Ook werd X aangenomen"
    assert "summit/brussel-2018" not in _agreed(going_on, "initiative/arctic-supply-programme")


def test_a_past_agreement_going_on_is_not_at_a_summit_still_to_come(going_on):
    # e45: "... dat tijdens de volgende top, in 2025 in Den Haag, ... Daarnaast is besloten tot X"
    assert "summit/den-haag-2025" not in _agreed(going_on, "initiative/northern-logistics-initiative")


KNOWN = """Den Haag, 3 maart 2017

Nederland voldoet nog niet aan de afspraken die de bondgenoten in 2016 op de NAVO-top in Warschau maakten. Met de Cyber Defence Pledge beloofden zij toen de verdediging van hun netwerken met voorrang te versterken.

Het Readiness Action Plan blijft voor het kabinet een prioriteit. Ook het besluit dat in 2016 in Warschau werd genomen, wordt uitgevoerd. Het Allied Harbour Programme loopt door.
"""


@pytest.fixture(scope="module")
def known():
    ct = clean(SourceText(Path("uitvoering.txt"), KNOWN))
    return extract(make_pipeline()(ct.text), ct)


def test_an_agreement_at_a_summit_is_the_plan_next_to_it_that_summit_agreed(known):
    # e45/e52: "de afspraak die op de NAVO-top in X werd gemaakt" and a plan named beside it that the
    # reference data (pledges.json agreed_at) gives that summit
    assert "summit/warschau-2016" in _agreed(known, "pledge/cyber-defence-pledge")
    ev = next(f.evidence for f in known.facts
              if f.predicate == "kg:agreedAt" and f.subject == "pledge/cyber-defence-pledge")
    assert "afspraken die de bondgenoten" in ev.sentence and "Cyber Defence Pledge" in ev.sentence


def test_an_agreement_at_a_summit_is_no_plan_of_another_or_of_no_known_summit(known):
    assert "summit/warschau-2016" not in _agreed(known, "initiative/readiness-action-plan")
    assert "summit/warschau-2016" not in _agreed(known, "initiative/allied-harbour-programme")


ADOPTED = """Den Haag, 8 juli 2022

Hierbij ontvangt u het verslag van de NAVO-top die op 29 en 30 juni jl. in Madrid plaatsvond.

De regeringsleiders bespraken de veiligheid in het noorden. Verder werd het Seabed Shield Programme aangenomen, dat de bescherming van onderzeese kabels moet verbeteren.

In 2019 spraken de bondgenoten in Londen af de ruimte als operationeel domein te erkennen. Daarnaast werd het Orbital Awareness Package aangenomen.

Het Cyber Response Plan, dat al eerder werd goedgekeurd, wordt uitgebreid. Tijdens de ministeriële in februari werd het Logistics Hub Plan vastgesteld.
"""


@pytest.fixture(scope="module")
def adopted():
    ct = clean(SourceText(Path("verslag-madrid.txt"), ADOPTED))
    return extract(make_pipeline()(ct.text), ct)


def test_a_plan_adopted_in_the_report_of_a_summit_is_adopted_there(adopted):
    # e52: "Daarnaast werd het X aangenomen" in the report of a summit, no other time or place in it
    assert _agreed(adopted, "initiative/seabed-shield-programme") == {"summit/madrid-2022"}


def test_a_plan_adopted_at_another_time_is_not_the_reports_summits(adopted):
    # the sentence before speaks of another summit in the past; adopted earlier; a month, a ministerial
    for plan in ("initiative/orbital-awareness-package", "initiative/cyber-response-plan",
                 "initiative/logistics-hub-plan"):
        assert "summit/madrid-2022" not in _agreed(adopted, plan), plan


def test_a_plan_adopted_is_no_summits_in_a_text_before_it():
    text = ADOPTED.replace("Den Haag, 8 juli 2022", "Den Haag, 8 juni 2022").replace("jl.", "a.s.").replace(
        "plaatsvond", "plaatsvindt")
    ct = clean(SourceText(Path("agenda-madrid.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    assert "summit/madrid-2022" not in _agreed(ex, "initiative/seabed-shield-programme")


DRAFTS = """Den Haag, 2 februari 2018

De bondgenoten werken aan een nieuw Maritime Posture Plan. De marinestaven leveren in maart hun advies. Daarna volgt een ontwerp, dat tijdens de NAVO-top in Brussel op 11 en 12 juli a.s. moet worden vastgesteld.

De bondgenoten werken ook aan een nieuw Northern Flank Plan. Het kabinet volgt dit nauw. Daarna volgt een ontwerp van de slotverklaring, dat in Brussel wordt aangenomen.

Het Space Domain Plan en een nieuw Arctic Logistics Plan worden uitgewerkt. Het kabinet volgt dit nauw. Een ontwerp wordt tijdens de NAVO-top in Brussel in juli vastgesteld.

Het Baltic Air Plan wordt herzien. Het kabinet volgt dit nauw. Een ontwerp wordt tijdens de NAVO-top in Brussel in juli vastgesteld.
"""


@pytest.fixture(scope="module")
def drafts():
    ct = clean(SourceText(Path("voorbereiding.txt"), DRAFTS))
    return extract(make_pipeline()(ct.text), ct)


def test_a_draft_adopted_at_a_summit_is_the_new_plan_of_its_paragraph(drafts):
    # e42: "een ontwerp opstellen, dat tijdens de NAVO-top in X moet worden aangenomen", the plan named before
    assert _agreed(drafts, "initiative/maritime-posture-plan") == {"summit/brussel-2018"}


def test_a_draft_of_something_else_or_of_no_one_new_plan_is_no_plans(drafts):
    for plan in ("initiative/northern-flank-plan", "initiative/space-domain-plan", "initiative/arctic-logistics-plan",
                 "initiative/baltic-air-plan"):
        assert not _agreed(drafts, plan), plan


CONSENT = """DEN HAAG, 12 juli 2023 (ANP) - De NAVO-leiders kwamen dinsdag en woensdag bijeen op de NAVO-top in Vilnius.

De regeringsleiders stemden woensdag in met een nieuw Eastern Shield Programme, dat de luchtverdediging aan de oostflank moet versterken. De staatshoofden stemden ook in met de voorstellen die de ministers deden in het kader van het Coastal Guard Plan.

Het Harbour Defence Plan moet de havens beter beschermen.

Premier Rutte wees erop dat Nederland zich houdt aan de afspraak die in 2016 op de NAVO-top in Warschau werd gemaakt.

Het Runway Repair Plan moet vliegvelden sneller herstellen. Minister Brekelmans zei dat Nederland voldoet aan de afspraken die in 2018 op de NAVO-top in Brussel zijn gemaakt.
"""


@pytest.fixture(scope="module")
def consent():
    ct = clean(SourceText(Path("anp-vilnius.txt"), CONSENT))
    return extract(make_pipeline()(ct.text), ct)


def test_leaders_consenting_to_a_plan_in_a_summit_report_agree_it_there(consent):
    # e69: "Verder stemden de leiders in met een nieuw X" in a news report of a summit
    assert _agreed(consent, "initiative/eastern-shield-programme") == {"summit/vilnius-2023"}


def test_consent_to_something_else_is_no_agreement_of_the_plan(consent):
    # "stemden in met de voorstellen ... in het kader van X": consent to the proposals, not to X
    assert not _agreed(consent, "initiative/coastal-guard-plan")


def test_no_summit_across_a_paragraph_break(consent):
    # e69: the agreement of the next paragraph ("de afspraak die in 2016 op de NAVO-top in X werd
    # gemaakt") is not the plan of the paragraph before
    assert not _agreed(consent, "initiative/harbour-defence-plan")
    for f in consent.facts:
        if f.predicate == "kg:agreedAt":
            assert "\n\n" not in f.evidence.sentence.strip(), f


def test_no_plan_of_the_sentence_before_for_an_agreement_a_relative_clause_names(consent):
    # e69: "... houdt zich aan de afspraak die in 2014 op de NAVO-top in Wales werd gemaakt" speaks of
    # that agreement, not of the plan the sentence before names
    assert not _agreed(consent, "initiative/runway-repair-plan")


TASKED = """Den Haag, 20 maart 2018

De regeringsleiders zullen tijdens de NAVO-top in Brussel een verklaring over de zuidflank aannemen en de militaire autoriteiten opdracht geven een nieuw Southern Reach Plan uit te werken.

De ministers hebben de secretaris-generaal gevraagd een Northern Reach Plan op te stellen, dat tijdens de NAVO-top in Brussel wordt vastgesteld.
"""


def test_a_plan_still_to_be_prepared_is_not_agreed():
    # kst-28676-96 (dev build): "... aannemen en de SG opdracht geven een nieuw X voor te bereiden"
    ct = clean(SourceText(Path("geannoteerde-agenda.txt"), TASKED))
    ex = extract(make_pipeline()(ct.text), ct)
    assert not _agreed(ex, "initiative/southern-reach-plan")
    # the agreement the relative clause after it states is the plan's
    assert _agreed(ex, "initiative/northern-reach-plan") == {"summit/brussel-2018"}


def test_a_summit_after_since_is_no_place_of_agreement():
    # e69: "De leiders namen een nieuw X aan, het eerste sinds de top van Lissabon in 2010"
    text = ("VILNIUS, 12 juli 2023 (ANP) - De NAVO-leiders kwamen woensdag bijeen op de NAVO-top in Vilnius.\n\n"
            "De leiders namen woensdag een nieuw Cyber Shield Plan aan, het eerste sinds de NAVO-top in "
            "Warschau in 2016.\n")
    ct = clean(SourceText(Path("anp-cyber.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    assert "summit/warschau-2016" not in _agreed(ex, "initiative/cyber-shield-plan")


PART_OF_PACKAGE = """Den Haag, 3 mei 2032

Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top in Oslo op 9 en 10 juni 2032.

Op de top zullen de regeringsleiders een breed pakket maatregelen voor de afschrikking aannemen. De kern daarvan vormt het Framework Nations Concept, waarin kleinere landen aansluiten bij een grotere.

Het Readiness Action Plan wordt in de zomer geëvalueerd. Onderdeel daarvan is geen nieuwe eenheid.
"""


def test_a_plan_central_to_a_package_the_summit_adopts_is_agreed_there():
    ct = clean(SourceText(Path("part.txt"), PART_OF_PACKAGE))
    got = facts(extract(make_pipeline()(ct.text), ct), "kg:agreedAt")
    assert any(s == "initiative/framework-nations-concept" and "oslo" in o for s, o in got)
    # a part of something that was not agreed at a summit, or a negation, says nothing
    assert not any(s == "initiative/readiness-action-plan" for s, _ in got)


def _targets_of(text, name="norm.txt"):
    ct = clean(SourceText(Path(name), text))
    return facts(extract(make_pipeline()(ct.text), ct), "kg:targetPercentGDP")


def test_a_known_pledge_with_its_own_norm_stated_anywhere_in_the_sentence():
    # wave 4 (e84): "de DIP ...: bondgenoten die minder dan 2 procent van hun bbp besteden, ..."
    got = _targets_of("Den Haag, 3 maart 2018\n\nDe Defence Investment Pledge (DIP) vraagt van bondgenoten die nu "
                      "onder de 2 procent van het bbp zitten, dat zij hun uitgaven tot 2024 laten stijgen.\n")
    assert got == {("pledge/defence-investment-pledge", Decimal("2"))}
    # another value beside the pledge is a figure, not its norm
    got = _targets_of("Den Haag, 3 maart 2018\n\nVolgens de Defence Investment Pledge (DIP) rapporteert Nederland "
                      "dit jaar 1,3 procent van het bbp.\n")
    assert got == set()


def test_a_norm_named_as_that_pledge_in_the_next_sentence():
    # wave 4 (e81): "... streven ernaar 2 procent van hun bbp ... te besteden. Die Defence Investment Pledge ..."
    got = _targets_of("Den Haag, 5 oktober 2016\n\nIn 2014 beloofden de regeringsleiders om binnen een decennium "
                      "2 procent van het bbp aan defensie uit te geven. Deze Defence Investment Pledge blijft de "
                      "leidraad voor de begroting.\n")
    assert got == {("pledge/defence-investment-pledge", Decimal("2"))}
    # without the demonstrative, with a figure spent, or in another paragraph: nothing
    for text in ("In 2014 beloofden de regeringsleiders om binnen een decennium 2 procent van het bbp aan defensie "
                 "uit te geven. De Defence Investment Pledge blijft de leidraad.\n",
                 "Nederland gaf vorig jaar 1,2 procent van het bbp aan defensie uit. Die Defence Investment Pledge "
                 "blijft de leidraad.\n",
                 "In 2014 beloofden de regeringsleiders om binnen een decennium 2 procent van het bbp aan defensie "
                 "uit te geven.\n\nDie Defence Investment Pledge blijft de leidraad.\n"):
        assert _targets_of("Den Haag, 5 oktober 2016\n\n" + text) == set(), text


ENDORSED = """Den Haag, 2 mei 2031

Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Defensie op 14 mei 2031 in Brussel. Deze staat in het teken van de voorbereiding van de NAVO-top in Oslo op 9 en 10 juli 2031.

De ministers bespreken het Shared Airlift Initiative. Het kabinet steunt dit en verwacht dat het Shared Airlift Initiative in Oslo door de staatshoofden en regeringsleiders wordt bekrachtigd.

Over het Joint Repair Initiative is nog geen overeenstemming. Dat het Joint Repair Initiative in Oslo wordt bekrachtigd, is niet zeker.

Het kabinet verwacht dat de regeringsleiders ook het Readiness Action Plan in Oslo opnieuw zullen onderschrijven.
"""


def test_a_plan_endorsed_at_a_summit_is_agreed_there():
    # wave 4 (e83): "verwacht dat X in <stad> door de regeringsleiders wordt bekrachtigd"
    ct = clean(SourceText(Path("endorse.txt"), ENDORSED))
    got = facts(extract(make_pipeline()(ct.text), ct), "kg:agreedAt")
    at = {o for s, o in got if s == "initiative/shared-airlift-initiative"}
    assert len(at) == 1 and "oslo" in at.pop()
    # a denied endorsement, an endorsement again of a plan another summit agreed: nothing at Oslo
    assert not any(s == "initiative/joint-repair-initiative" for s, _ in got)
    assert not any(s == "initiative/readiness-action-plan" and "oslo" in o for s, o in got)


COMMITTED = """Den Haag, 12 maart 2024

Leidraad voor de inzet blijft de Cyber Defence Pledge, waartoe de staatshoofden en regeringsleiders zich in juli 2016 op de NAVO-top in Warschau verbonden.

Tijdens de NAVO-top in Vilnius hebben de bondgenoten zich verplicht tot de Defence Investment Pledge als ondergrens.

Het kabinet heeft zich tijdens de NAVO-top in Vilnius verbonden aan het Allied Sealift Initiative.
"""


def test_leaders_binding_themselves_to_a_plan_at_a_summit_agree_it_there():
    # wave 4 (e84): "de DIP, waartoe de regeringsleiders zich in september 2014 ... in Wales verbonden"
    ct = clean(SourceText(Path("commit.txt"), COMMITTED))
    got = facts(extract(make_pipeline()(ct.text), ct), "kg:agreedAt")
    assert ("pledge/cyber-defence-pledge", "summit/warschau-2016") in got
    # a plan the reference puts at another summit, or a government (no allies) binding itself: not there
    assert ("pledge/defence-investment-pledge", "summit/vilnius-2023") not in got
    assert not any(s == "initiative/allied-sealift-initiative" for s, _ in got)


IMPLEMENTED = """Den Haag, 28 juni 2023

Hierbij ontvangt u de geannoteerde agenda voor de NAVO-top die op 11 en 12 juli a.s. in Vilnius plaatsvindt.

De top in Vilnius staat in het teken van de uitvoering van het Arctic Surveillance Plan (ASP), waartoe op de NAVO-top in Madrid (28 tot en met 30 juni 2022) werd besloten. De regeringsleiders zullen in Vilnius vaststellen dat de meeste maatregelen van het ASP zijn genomen.

Het kabinet verwacht dat de regeringsleiders in Vilnius het Baltic Shield Plan zullen vaststellen.
"""


@pytest.fixture(scope="module")
def implemented():
    ct = clean(SourceText(Path("agenda-vilnius.txt"), IMPLEMENTED))
    return extract(make_pipeline()(ct.text), ct)


def test_the_summit_of_the_clause_that_agrees_a_plan_is_where_it_was_agreed(implemented):
    # e117: a summit that implements a plan ("staat in het teken van de uitvoering van X") did not agree
    # it; the summit of the relative clause "waartoe op de top in Y werd besloten" did
    assert _agreed(implemented, "initiative/arctic-surveillance-plan") == {"summit/madrid-2022"}


def test_ascertaining_that_a_plan_is_carried_out_agrees_nothing(implemented):
    # "vaststellen dat ..." observes; "het X vaststellen" adopts
    assert _agreed(implemented, "initiative/baltic-shield-plan") == {"summit/vilnius-2023"}
    text = IMPLEMENTED.replace(", waartoe op de NAVO-top in Madrid (28 tot en met 30 juni 2022) werd besloten", "")
    ct = clean(SourceText(Path("agenda-vilnius.txt"), text))
    assert _agreed(extract(make_pipeline()(ct.text), ct), "initiative/arctic-surveillance-plan") == set()


SAME_SUMMIT = """Den Haag, 1 september 2022

Op de NAVO-top in Madrid van 28 tot en met 30 juni 2022 besloten de regeringsleiders de steun aan Moldavië uit te breiden. Nederland draagt daar met twee adviseurs aan bij. Tijdens dezelfde top namen de bondgenoten het Maritime Shield Programme aan.

Op de NAVO-top in Madrid van 28 tot en met 30 juni 2022 werd ook over Georgië gesproken. In oktober kwamen de ministers van Defensie in Brussel bijeen. Op die top namen de bondgenoten het Harbour Guard Programme aan.
"""


def test_that_same_summit_is_the_one_named_a_few_sentences_back():
    # e122: "Tijdens dezelfde top spraken de bondgenoten in de X af ..." two sentences after the summit
    ct = clean(SourceText(Path("brief-madrid.txt"), SAME_SUMMIT))
    ex = extract(make_pipeline()(ct.text), ct)
    assert _agreed(ex, "initiative/maritime-shield-programme") == {"summit/madrid-2022"}
    # another meeting named between: which one "die top" is, is unsure
    assert _agreed(ex, "initiative/harbour-guard-programme") == set()


APPOSED = """Den Haag, 5 juli 2022

Hierbij ontvangt u het verslag van de NAVO-top die op 29 en 30 juni jl. in Madrid plaatsvond.

De regeringsleiders bespraken de bevoorrading van de oostflank. Ook werd een actieplan aangenomen om de aanvoer van brandstof te versnellen, het Allied Fuel Action Plan (AFAP).

Daarnaast werd een programma aangenomen om de luchtverdediging te versterken, het Integrated Sky Programme. 'Dit is een belangrijke stap,' aldus de premier.

Verder werd een steunpakket aangenomen voor de opvang van vluchtelingen, het Regional Shelter Programme van de Europese Unie.
"""


def test_a_plan_noun_adopted_and_named_at_the_end_of_the_sentence_is_that_plan():
    # e124: "Ook werd een actieplan aangenomen om ... op te schroeven, het Defence Production Action Plan."
    ct = clean(SourceText(Path("verslag-madrid.txt"), APPOSED))
    ex = extract(make_pipeline()(ct.text), ct)
    assert _agreed(ex, "initiative/allied-fuel-action-plan") == {"summit/madrid-2022"}
    # a quote that opens the next sentence is no word of this one
    assert _agreed(ex, "initiative/integrated-sky-programme") == {"summit/madrid-2022"}
    # the last words say more than the plan's name: whose plan it is, is another's
    assert _agreed(ex, "initiative/regional-shelter-programme") == set()


VERSIONS = """Den Haag, 20 juli 2024

Hierbij ontvangt u het verslag van de NAVO-top die op 9 tot en met 11 juli jl. in Washington plaatsvond.

In Washington werd tevens een herziene versie van het Allied Munitions Plan aangenomen. Daarnaast werd een nieuwe update van het Northern Logistics Programme goedgekeurd.

De regeringsleiders hebben in Washington het Coastal Radar Programme aangenomen.
"""


def test_a_new_version_of_a_plan_adopted_at_a_summit_does_not_agree_the_plan_there():
    # e12: "In Washington is tevens een geactualiseerde versie van het DPAP aangenomen" (agreed at Vilnius)
    ct = clean(SourceText(Path("verslag-washington.txt"), VERSIONS))
    ex = extract(make_pipeline()(ct.text), ct)
    assert _agreed(ex, "initiative/allied-munitions-plan") == set()
    assert _agreed(ex, "initiative/northern-logistics-programme") == set()
    assert _agreed(ex, "initiative/coastal-radar-programme") == {"summit/washington-2024"}


CARRIED_OUT = """Den Haag, 15 juli 2022

Hierbij ontvangt u het verslag van de NAVO-top die op 29 en 30 juni jl. in Madrid plaatsvond.

Op de top in Madrid spraken de bondgenoten af de uitvoering van het Eastern Sentinel Plan te versnellen.

Tijdens de top in Madrid herbevestigden de regeringsleiders het besluit over het Baltic Air Programme. Op de top in Madrid werd de voortgang van het Nordic Relay Programme besproken, zoals in Brussel afgesproken.

De regeringsleiders bevestigden in Madrid de Space Resilience Pledge, die in 2021 op de NAVO-top in Brussel werd afgesproken.
"""


def test_a_summit_that_implements_or_reaffirms_a_plan_did_not_agree_it():
    ct = clean(SourceText(Path("verslag-madrid.txt"), CARRIED_OUT))
    ex = extract(make_pipeline()(ct.text), ct)
    # "besloten/spraken af de uitvoering van het X te versnellen", "herbevestigden het besluit over het X"
    assert _agreed(ex, "initiative/eastern-sentinel-plan") == set()
    assert _agreed(ex, "initiative/baltic-air-programme") == set()
    assert _agreed(ex, "initiative/nordic-relay-programme") == set()
    # the plan's own relative clause says where it was agreed: there, not at the summit that reaffirms it
    assert _agreed(ex, "pledge/space-resilience-pledge") == {"summit/brussel-2021"}


SUBMITTED = """Den Haag, 2 juni 2026

Op 7 en 8 juli a.s. vindt in Ankara de NAVO-top plaats.

Op initiatief van de voorzitter van het Militair Comité wordt in Ankara een nieuwe norm voorgelegd van ten minste 6 procent van het bbp. Het kabinet steunt die inzet.

Polen heeft in Ankara een nieuwe investeringsnorm voorgelegd van 7 procent van het bbp.
"""


def test_a_new_norm_put_before_a_summit_is_its_new_nato_norm_with_the_stated_target():
    # e109: "Op voorstel van de SG wordt in Den Haag een nieuwe norm voorgelegd van in totaal 5 procent van het bbp"
    ct = clean(SourceText(Path("agenda-ankara.txt"), SUBMITTED))
    ex = extract(make_pipeline()(ct.text), ct)
    norms = {s for s, o in facts(ex, "kg:agreedAt") if s.startswith("pledge/nato-norm")}
    assert len(norms) == 1
    key = norms.pop()
    # one state's proposal ("Polen heeft ... voorgelegd") is no norm of the summit: one target only
    assert key == "pledge/nato-norm-ankara-2026"
    assert {v for s, v in facts(ex, "kg:targetPercentGDP") if s == key} == {Decimal("6")}
    # two such sentences with two values: no target at all
    text = SUBMITTED.replace("Polen heeft in Ankara een nieuwe investeringsnorm voorgelegd",
                             "In Ankara wordt ook een nieuwe investeringsnorm voorgelegd")
    ct = clean(SourceText(Path("agenda-ankara.txt"), text))
    ex = extract(make_pipeline()(ct.text), ct)
    assert key in {s for s, _ in facts(ex, "kg:agreedAt")}
    assert not any(s == key for s, _ in facts(ex, "kg:targetPercentGDP"))
