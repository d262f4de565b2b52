"""A summit read from the allies' leaders acting on a day in a place: "De regeringsleiders
van de NAVO-landen hebben dinsdag in Vilnius besloten ..." in a news item names the
reference summit held there that day (a weekday before the item's date, "vandaag", a
day-date); not the leaders of no stated body, a statement, a plan, or a day no summit
there holds."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def keys(doc, cls="Summit"):
    return {s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == cls}


def test_leaders_of_the_allies_deciding_on_a_weekday_in_a_place_is_that_summit(nlp):
    text = ("Bondgenoten eens over luchtverdediging\n\n12 juli 2023, 18:05\n\nVILNIUS (ANP) - De staatshoofden "
            "en regeringsleiders van de NAVO-landen hebben dinsdag in Vilnius nieuwe verdedigingsplannen "
            "goedgekeurd. De jubileumtop eindigt woensdag.\n")
    doc, ex = run(nlp, text)
    assert keys(doc) == {"summit/vilnius-2023"}
    ent = ex.entities["summit/vilnius-2023"]
    assert not any("regeringsleiders" in a for a in ent.alt_labels)


def test_nato_leaders_today_in_a_place_is_that_summit(nlp):
    text = ("Madrid, 29 juni 2022\n\nDe NAVO-leiders hebben vandaag in Madrid het nieuwe Strategisch "
            "Concept aangenomen.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc) == {"summit/madrid-2022"}


def test_leaders_of_the_allies_on_a_day_date_in_a_place_is_that_summit(nlp):
    text = ("Den Haag, 1 juli 2025\n\nDe leiders van de 32 bondgenoten hebben op 25 juni in Den Haag "
            "een nieuwe norm voor defensie-uitgaven vastgesteld.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc) == {"summit/den-haag-2025"}


def test_leaders_of_no_stated_body_name_no_summit(nlp):
    # 14 June 2021 (a Monday) NATO met in Brussels; "de regeringsleiders" alone may be the EU's
    text = "Brussel, 14 juni 2021\n\nDe regeringsleiders hebben maandag in Brussel een verklaring aangenomen.\n"
    doc, _ex = run(nlp, text)
    assert not keys(doc)


def test_a_day_no_summit_there_holds_names_none(nlp):
    text = ("Vilnius, 19 juli 2023\n\nDe regeringsleiders van de NAVO-landen hebben maandag in Vilnius "
            "een akkoord gesloten.\n")
    doc, _ex = run(nlp, text)
    assert not keys(doc)


def test_a_statement_or_a_plan_of_the_leaders_names_no_summit(nlp):
    said = ("Vilnius, 11 juli 2023\n\nDe regeringsleiders van de NAVO-landen hebben dinsdag in Vilnius "
            "verklaard dat Oekraïne lid zal worden.\n")
    plan = ("Vilnius, 11 juli 2023\n\nDe regeringsleiders van de NAVO-landen zullen dinsdag in Vilnius "
            "een besluit nemen.\n")
    for text in (said, plan):
        doc, _ex = run(nlp, text)
        assert not keys(doc)


# ---------------------------------------------------------------- the news item's summit and who is there

NEWS = ("Akkoord over nieuwe plannen\n\n11 juli 2023, 21:10\n\nVILNIUS (ANP) - De regeringsleiders van de 31 "
        "bondgenoten hebben dinsdag in Vilnius de nieuwe regionale verdedigingsplannen vastgesteld.\n\n"
        "De tweedaagse top eindigt woensdag. Gastvrouw is de Litouwse president Gitanas Nausėda.\n\n"
        "Minister-president Mark Rutte sprak in de marge van de top met de Zweedse premier Ulf Kristersson. "
        "Voormalig president Donald Trump zei in een interview dat de vorige top een fiasco was.\n")


def test_bare_summit_words_after_the_leaders_act_name_that_summit(nlp):
    doc, _ex = run(nlp, NEWS, "nieuws.txt")
    tops = [s for s in doc.spans.get("kg", []) if s.label_ == "Summit" and s.text.lower().endswith("top")]
    # "de vorige top" is another edition: no mention
    assert [s.kb_id_ for s in tops] == ["summit/vilnius-2023", "summit/vilnius-2023"]
    assert doc.user_data["kg_events"]["main"] == "summit/vilnius-2023"


def test_who_talks_on_the_summits_sidelines_and_its_host_take_part(nlp):
    _doc, ex = run(nlp, NEWS, "nieuws.txt")
    part = {o for s, o in facts(ex, "kg:participant") if s == "summit/vilnius-2023"}
    assert {"person/rutte", "person/kristersson"} <= part
    assert "person/trump" not in part


def test_bare_summit_words_with_another_summit_named_stay_unread(nlp):
    text = ("12 juli 2023\n\nVILNIUS (ANP) - De regeringsleiders van de 31 bondgenoten hebben dinsdag in Vilnius "
            "nieuwe plannen vastgesteld. Op de NAVO-top in Madrid was daartoe besloten. De top eindigt vandaag.\n")
    doc, _ex = run(nlp, text, "nieuws.txt")
    bare = [s for s in doc.spans.get("kg", []) if s.label_ == "Summit" and s.text == "top"]
    assert not bare


def test_chairing_his_last_summit_is_taking_part(nlp):
    text = ("10 juli 2024, 20:00\n\nWASHINGTON (ANP) - De leiders van de NAVO-landen hebben woensdag in "
            "Washington nieuwe steun voor Oekraïne toegezegd.\n\nSecretaris-generaal Jens Stoltenberg, die zijn "
            "laatste top voorzit, sprak van een historische dag.\n")
    _doc, ex = run(nlp, text, "nieuws.txt")
    assert ("summit/washington-2024", "person/stoltenberg") in facts(ex, "kg:participant")
