"""A summit named by its leaders gathering: "Komende zomer komen de regeringsleiders bijeen
in X", "De leiders van de 29 bondgenoten komen in juli in X bijeen" name the one reference
summit that the place and the stated time fit (none when the leaders are another group's,
the time is not said or no summit fits), and the subject "de regeringsleiders" is no name of
it. "de bijeenkomst in X in <month year>" in a sentence about summits is the summit held
there then. A leaders' meeting also goes by NATO's English name."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def keys(doc, cls="Summit"):
    return {s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == cls}


# ---------------------------------------------------------------- leaders gathering

def test_leaders_gathering_next_summer_in_a_place_is_that_summit(nlp):
    text = ("Den Haag, 20 januari 2023\n\nHet kabinet steunt het pakket voor Oekraïne. Komende zomer komen "
            "de staatshoofden en regeringsleiders van de bondgenoten bijeen in Vilnius.\n")
    doc, ex = run(nlp, text)
    assert keys(doc) == {"summit/vilnius-2023"}
    # "staatshoofden" mentions the summit but is no name of it
    ent = ex.entities["summit/vilnius-2023"]
    assert not any("staatshoofden" in a for a in ent.alt_labels)
    assert "summit/vilnius-2023" in {o for _s, o in facts(ex, "kg:mentions")}


def test_leaders_of_the_allies_gathering_in_a_month_take_the_letters_year(nlp):
    text = ("Den Haag, 9 februari 2018\n\nDe leiders van de 29 bondgenoten komen in juli in Brussel bijeen. "
            "De ministers bereiden die bijeenkomst voor.\n")
    doc, _ex = run(nlp, text)
    assert keys(doc) == {"summit/brussel-2018"}


def test_leaders_of_another_union_gathering_name_no_summit(nlp):
    # NATO met in Brussels in June 2021; the EU's leaders meeting there that month did not
    text = ("Den Haag, 3 mei 2021\n\nDe leiders van de EU-lidstaten komen in juni in Brussel bijeen. "
            "Ook de Europese regeringsleiders komen in juni in Brussel bijeen.\n")
    doc, _ex = run(nlp, text)
    assert not keys(doc)


def test_leaders_gathering_without_a_time_names_no_summit(nlp):
    text = "Den Haag, 3 mei 2021\n\nDe regeringsleiders komen bijeen in Madrid om over de oostflank te spreken.\n"
    doc, _ex = run(nlp, text)
    assert not keys(doc)


def test_leaders_gathering_that_fits_no_summit_names_none(nlp):
    text = "Den Haag, 3 mei 2015\n\nIn oktober komen de regeringsleiders in Lissabon bijeen.\n"
    doc, _ex = run(nlp, text)
    assert not keys(doc)


# ---------------------------------------------------------------- a gathering recalled

def test_the_gathering_in_a_summit_place_in_its_month_is_that_summit(nlp):
    text = ("Den Haag, 2 december 2019\n\nDe top in Londen is de tweede sinds de bijeenkomst in Warschau in "
            "juli 2016.\n")
    doc, ex = run(nlp, text)
    assert "summit/warschau-2016" in keys(doc)
    assert "bijeenkomst in Warschau" in ex.entities["summit/warschau-2016"].alt_labels


def test_a_recalled_gathering_in_another_month_or_without_summit_words_is_none(nlp):
    text = ("Den Haag, 2 december 2019\n\nDe top in Londen is de derde sinds de bijeenkomst in Riga in maart 2006. "
            "Sinds de bijeenkomst in Vilnius in juli 2023 is veel gebeurd.\n")
    doc, _ex = run(nlp, text)
    assert not {"summit/riga-2006", "summit/vilnius-2023"} & keys(doc)


def test_a_recalled_gathering_at_headquarters_needs_its_day(nlp):
    # ministerials meet in Brussels in the months of its summits
    text = "Den Haag, 2 december 2019\n\nHet is de eerste top sinds de bijeenkomst in Brussel in juli 2018.\n"
    doc, _ex = run(nlp, text)
    assert "summit/brussel-2018" not in keys(doc)


# ---------------------------------------------------------------- names

def test_a_leaders_meeting_goes_by_natos_english_name(nlp):
    text = "Den Haag, 2 december 2019\n\nDe NAVO Leaders' Meeting in Londen vindt op 3 en 4 december plaats.\n"
    doc, ex = run(nlp, text)
    assert keys(doc) == {"summit/londen-2019"}
    assert "NATO Leaders Meeting Londen 2019" in ex.entities["summit/londen-2019"].alt_labels


def test_a_date_of_another_clause_does_not_date_the_gathering(nlp):
    text = ("Den Haag, 2 februari 2023\n\nIn juli komen de regeringsleiders in Vilnius bijeen, ruim een jaar "
            "na de bijeenkomst van 29 juni 2022.\n")
    doc, _ex = run(nlp, text)
    assert "summit/vilnius-2023" in keys(doc)
